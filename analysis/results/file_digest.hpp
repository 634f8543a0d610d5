#pragma once
// SHA-256 of a file's bytes (OpenSSL libcrypto EVP), for run.json.
//
//   std::string hex = sha256_file("scenarios/korea_sma11.yaml");   // 64 lowercase hex digits
#include <string>
#include <string_view>

namespace parley {

// Throws std::runtime_error when the file cannot be read.
std::string sha256_file(const std::string& path);
std::string sha256_hex(std::string_view bytes);

}  // namespace parley
