# cmake -DINPUT=figures.js -DOUTPUT=figures_js.cpp -P embed_figures_js.cmake
# Writes a C++ source defining parley::figures_js() as the text of INPUT (a raw string literal;
# the delimiter must not occur in the script, which is checked here).
file(READ ${INPUT} text)
string(FIND "${text}" ")parley_js\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )parley_js\"")
endif()
file(WRITE ${OUTPUT}.tmp
     "// Generated from analysis/results/report/figures.js by embed_figures_js.cmake.\n"
     "#include \"analysis/results/report/figures_js.hpp\"\n\n"
     "namespace parley {\n\n"
     "std::string_view figures_js() {\n"
     "  static constexpr const char* kText = R\"parley_js(${text})parley_js\";\n"
     "  return kText;\n"
     "}\n\n"
     "}  // namespace parley\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
