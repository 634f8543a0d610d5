#pragma once
// `parley serve`: the live what-if page and its JSON API over HTTP (cpp-httplib).
//
//   GET  /                                   the library page (index.html)
//   GET  /scenario/NAME                      a scenario's page (scenario.html)
//   GET  /assets/FILE                        the page's embedded scripts and styles
//   GET  /scenarios/NAME.yaml                a served scenario file, as it is on disk
//   GET  /api/scenarios                      the library: name, file, description, tables
//   GET  /api/scenarios/NAME                 the form of one scenario (form_json.hpp)
//   POST /api/run                            one update: what-if and baseline (result_json.hpp)
//   GET  /api/scenarios/NAME/download/FILE   histograms.csv, summary.csv, outcomes.csv,
//                                            run.json or report.html of the what-if in the query
//
// Every mistake is a 4xx JSON answer {"error": TEXT, "field": PATH, "errors": [...]}; the
// server keeps serving. Only the folder's *.yaml files and the embedded assets are served.
//
//   ServeOptions options;  options.folder = "scenarios";
//   Server server(options);
//   int port = server.bind();   // then server.listen() until server.stop()
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "sim/serve/run_request.hpp"
#include "sim/serve/scenario_folder.hpp"
#include "sim/serve/superseded_runs.hpp"
#include "sim/serve/what_if_run.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace parley::serve {

struct ServeOptions {
  std::filesystem::path folder = "scenarios";
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  RequestLimits limits;
  int threads = 0;                         // per run; 0: every core
  std::size_t max_body_bytes = 64 * 1024;  // larger request bodies get 413
};

class Server {
 public:
  // Throws InputError when the folder is not a directory.
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket; returns the port. Throws std::runtime_error when it cannot.
  int bind();
  // Serves until stop(); returns false when it could not listen.
  bool listen();
  // Callable from any thread (a signal watcher); runs in progress stop at their next block.
  void stop();

 private:
  void add_routes();  // the pages, then the JSON API, then httplib's own errors as JSON
  void add_page_routes();
  void add_api_routes();
  void answer_run(const httplib::Request& req, httplib::Response& res);  // POST /api/run
  void download(const RunRequest& request, const std::string& name, httplib::Response& res);

  ServeOptions options_;
  ScenarioFolder folder_;
  WhatIfRunner runner_;
  SupersededRuns superseded_;
  std::atomic<bool> stopping_{false};
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace parley::serve
