#pragma once
// Starts the real `parley serve` on an ephemeral loopback port for the HTTP tests, and talks to
// it with cpp-httplib's client.
//
//   ServedFolder server({"--max-trials", "200000"});      // scenarios/ of the repository
//   httplib::Result r = server.client().Get("/api/scenarios");
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/run_binary.hpp"

namespace parley::testing {

class ServedFolder {
 public:
  explicit ServedFolder(std::vector<std::string> extra = {},
                        const std::string& folder = PARLEY_SOURCE_DIR "/scenarios") {
    std::vector<std::string> args = {"serve", folder, "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    process_ = ParleyProcess::start(args);
    // The address line comes once the socket is bound.
    const std::regex address(R"(http://[^:/]+:(\d+)/)");
    for (int i = 0; i < 400 && port_ == 0; ++i) {
      std::smatch m;
      const std::string out = process_.out_so_far();
      if (std::regex_search(out, m, address)) port_ = std::stoi(m[1]);
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    if (port_ == 0) ADD_FAILURE() << "parley serve printed no address: " << process_.err_so_far();
  }
  ~ServedFolder() { stop(); }
  ServedFolder(const ServedFolder&) = delete;
  ServedFolder& operator=(const ServedFolder&) = delete;

  int port() const { return port_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120, 0);
    return c;
  }
  // Stops the server with SIGINT and returns the process (exit code, output).
  const ParleyProcess& stop() {
    if (!stopped_) {
      process_.signal(SIGINT);
      process_.wait();
      stopped_ = true;
    }
    return process_;
  }

 private:
  ParleyProcess process_;
  int port_ = 0;
  bool stopped_ = false;
};

inline nlohmann::json body_json(const httplib::Result& r) {
  return r ? nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false) : nlohmann::json();
}

inline httplib::Result post_run(httplib::Client& client, const nlohmann::json& body) {
  return client.Post("/api/run", body.dump(), "application/json");
}

}  // namespace parley::testing
