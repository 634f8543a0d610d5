#include "sim/io/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_map>

namespace parley {
namespace {

// Thrown by the event handler to stop yaml-cpp at once (too deep, too many values).
struct StopParsing {};

SourceLocation shifted(const SourceLocation& origin, const YAML::Mark& mark) {
  if (mark.is_null()) return origin;
  const int line = origin.line + mark.line;
  const int column = mark.line == 0 ? origin.column + mark.column : mark.column + 1;
  return {origin.file, line, column};
}

// Builds YamlNode values from parser events; refuses anchors and aliases.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceLocation& origin, Diagnostics& found) : origin_(origin), found_(found) {}

  std::optional<YamlNode> root;
  bool refused_anchors() const { return anchors_reported_ > 0; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YamlNode node;
    node.where = shifted(origin_, mark);
    add(std::move(node));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    refuse_anchor(mark, "aliases ('*name') are not supported in scenario files");
    OnNull(mark, 0);
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    refuse_anchor(mark, "anchors ('&name') are not supported in scenario files");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    node.text = value;
    node.plain = tag == "?";
    node.where = shifted(origin_, mark);
    add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::sequence, mark);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::map, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    std::optional<YamlNode> pending_key;  // maps: the key waiting for its value
    std::unordered_map<std::string, SourceLocation> keys;
  };

  void count(const SourceLocation& where) {
    if (++nodes_ > kMaxYamlNodes) {
      found_.error(where, "too many values (more than " + std::to_string(kMaxYamlNodes) + ")");
      throw StopParsing{};
    }
  }
  void refuse_anchor(const YAML::Mark& mark, const std::string& message) {
    if (anchors_reported_++ < 10) found_.error(shifted(origin_, mark), message);
  }
  void open(YamlNode::Kind kind, const YAML::Mark& mark) {
    count(shifted(origin_, mark));
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth) {
      found_.error(shifted(origin_, mark), "nesting deeper than " + std::to_string(kMaxYamlDepth) +
                                               " levels is not supported");
      throw StopParsing{};
    }
    Open level;
    level.node.kind = kind;
    level.node.where = shifted(origin_, mark);
    stack_.push_back(std::move(level));
  }
  void close() {
    YamlNode done = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(done), /*counted=*/true);
  }
  void add(YamlNode node, bool counted = false) {
    if (!counted) count(node.where);
    if (stack_.empty()) {
      root = std::move(node);
      return;
    }
    Open& parent = stack_.back();
    if (parent.node.is_sequence()) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pending_key) {
      parent.pending_key = std::move(node);
    } else {
      add_entry(parent, std::move(*parent.pending_key), std::move(node));
      parent.pending_key.reset();
    }
  }
  void add_entry(Open& parent, YamlNode key, YamlNode value) {
    if (!key.is_scalar()) {
      found_.error(key.where, "a key must be a plain name, got " + key.describe());
      return;
    }
    auto [seen, inserted] = parent.keys.emplace(key.text, key.where);
    if (!inserted) {
      found_.error(key.where, "duplicate key '" + key.text + "' (first at line " +
                                  std::to_string(seen->second.line) + ")");
      return;
    }
    // An empty value has no position of its own worth showing: point at its key.
    if (value.is_null()) value.where = key.where;
    // An empty value has no position of its own worth showing: point at its key.
    if (value.is_null()) value.where = key.where;
    parent.node.entries.push_back(YamlEntry{key.text, key.where, std::move(value)});
  }

  SourceLocation origin_;
  Diagnostics& found_;
  std::vector<Open> stack_;
  std::size_t nodes_ = 0;
  int anchors_reported_ = 0;
};

// A byte of undecodable input, as messages name it (0x9F): a code, not a number for number_text.
std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(byte));
  return buffer;
}

// yaml-cpp's message for a tab-indented line ("illegal map value") does not say why.
std::string tab_hint(std::string_view text, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0) return "";
  std::size_t start =
      text.rfind('\n', std::min<std::size_t>(mark.pos, text.size()) - (mark.pos > 0));
  start = start == std::string_view::npos ? 0 : start + 1;
  for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') return " (this line is indented with a tab; YAML indents with spaces)";
  }
  return "";
}

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const YamlEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  for (YamlEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

YamlNode YamlEntry::key_node() const {
  YamlNode node;
  node.kind = YamlNode::Kind::scalar;
  node.text = key;
  node.plain = true;
  node.where = key_where;
  return node;
}

std::string YamlNode::describe() const {
  switch (kind) {
    case Kind::null:
      return "nothing";
    case Kind::map:
      return "a map";
    case Kind::sequence:
      return "a list";
    case Kind::scalar:
      break;
  }
  std::string shown = text.size() > 40 ? text.substr(0, 37) + "..." : text;
  return "'" + shown + "'";
}

namespace {

std::string double_quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

// A plain scalar that can stand unquoted inside a flow collection. Plain scalars with flow
// indicators are strings (never numbers or booleans), so quoting them keeps their meaning.
bool safe_plain(const std::string& text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  const bool indicator_first =
      std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos;
  // '-', '?' and ':' start a plain scalar when a non-space follows ("-5", "-.inf").
  const bool dash_like = std::string_view("-?:").find(text.front()) != std::string_view::npos &&
                         text.size() > 1 && text[1] != ' ';
  if (indicator_first && !dash_like) return false;
  return text.find_first_of(",[]{}#\"'\n\t\r") == std::string::npos &&
         text.find(": ") == std::string::npos && text.back() != ':';
}

}  // namespace

std::string to_flow_yaml(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return "null";
    case YamlNode::Kind::scalar:
      return node.plain && safe_plain(node.text) ? node.text : double_quoted(node.text);
    case YamlNode::Kind::sequence: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i)
        out += (i ? ", " : "") + to_flow_yaml(node.items[i]);
      return out + "]";
    }
    case YamlNode::Kind::map:
      break;
  }
  std::string out = "{";
  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    const YamlEntry& e = node.entries[i];
    YamlNode key = e.key_node();
    out += (i ? ", " : "") + to_flow_yaml(key) + ": " + to_flow_yaml(e.value);
  }
  return out + "}";
}

bool check_utf8_text(std::string_view text, const SourceLocation& origin, Diagnostics& found) {
  int line = origin.line, column = origin.column;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80         ? 1
                         : (byte >> 5) == 6  ? 2
                         : (byte >> 4) == 14 ? 3
                         : (byte >> 3) == 30 ? 4
                                             : 0;
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 2;
    }
    if (valid && length == 2) valid = byte >= 0xC2;  // no overlong forms
    if (valid && length == 4) valid = byte <= 0xF4;  // <= U+10FFFF
    if (valid && length == 3 && byte == 0xE0)
      valid = static_cast<unsigned char>(text[i + 1]) >= 0xA0;
    if (!valid) {
      found.error({origin.file, line, column},
                  "the file is not UTF-8 text (invalid byte " + hex_byte(byte) + ")");
      return false;
    }
    if (length == 1 && byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      found.error({origin.file, line, column},
                  "the file holds a control character (" + hex_byte(byte) + "), not text");
      return false;
    }
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return true;
}

std::optional<YamlNode> parse_yaml(std::string_view text, const SourceLocation& origin,
                                   Diagnostics& found) {
  if (text.size() > kMaxYamlBytes) {
    found.error({origin.file, 0, 0}, "the file is larger than " +
                                         std::to_string(kMaxYamlBytes >> 20) +
                                         " MiB; a scenario is a few kilobytes");
    return std::nullopt;
  }
  if (!check_utf8_text(text, origin, found)) return std::nullopt;
  std::istringstream in{std::string(text)};
  TreeBuilder builder(origin, found);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) return YamlNode{{}, {}, false, origin, {}, {}};
    TreeBuilder extra(origin, found);
    if (parser.HandleNextDocument(extra)) {
      found.error(extra.root ? extra.root->where : origin,
                  "a scenario file holds one YAML document; found a second one");
    }
  } catch (const StopParsing&) {
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    found.error(shifted(origin, e.mark), "YAML syntax error: " + e.msg + tab_hint(text, e.mark));
    return std::nullopt;
  }
  // A file with anchors is not read further: its aliases would stand for nothing.
  if (builder.refused_anchors()) return std::nullopt;
  if (!builder.root) return YamlNode{{}, {}, false, origin, {}, {}};
  return std::move(builder.root);
}

}  // namespace parley
