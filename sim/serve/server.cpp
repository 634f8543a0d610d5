#include "sim/serve/server.hpp"

#include <httplib.h>

#include <chrono>
#include <functional>
#include <sstream>

#include "analysis/results/file_digest.hpp"
#include "analysis/results/result_files.hpp"
#include "sim/serve/api_errors.hpp"
#include "sim/serve/form_json.hpp"
#include "sim/serve/result_json.hpp"
#include "sim/serve/web_assets.hpp"
#include "sim/serve/what_if_report.hpp"

namespace parley::serve {
namespace {

using nlohmann::json;

constexpr const char* kJson = "application/json; charset=utf-8";

void reply(httplib::Response& res, const ApiError& e) {
  res.status = e.status;
  res.set_content(e.body.dump(), kJson);
}

// Runs a handler, turning every exception into a JSON error answer.
void guarded(httplib::Response& res, const std::vector<ScalarOverride>* overrides,
             const std::function<void()>& handler) {
  try {
    handler();
  } catch (const RequestError& e) {
    reply(res, request_error(e));
  } catch (const InputError& e) {
    reply(res, input_error(e, overrides ? *overrides : std::vector<ScalarOverride>{}));
  } catch (const std::exception& e) {
    reply(res, plain_error(500, std::string("internal error: ") + e.what()));
  }
}

void serve_asset(httplib::Response& res, std::string_view name) {
  const std::optional<WebAsset> asset = find_web_asset(name);
  if (!asset) {
    reply(res, plain_error(404, "not found"));
    return;
  }
  res.set_content(std::string(asset->content), std::string(asset->content_type));
  res.set_header("Cache-Control", "no-cache");
}

std::multimap<std::string, std::string> query_of(const httplib::Request& req) {
  return {req.params.begin(), req.params.end()};
}

// httplib's own answers (no route, body too large) as the API's JSON error.
httplib::Server::HandlerResponse answer_httplib_error_as_json(const httplib::Request& req,
                                                              httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const std::string what = res.status == 404   ? "not found: " + req.path.substr(0, 200)
                           : res.status == 413 ? "request body too large"
                                               : "bad request";
  reply(res, plain_error(res.status, what));
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

Server::Server(ServeOptions options)
    : options_(std::move(options)),
      folder_(options_.folder),
      runner_(folder_, options_.threads),
      http_(std::make_unique<httplib::Server>()) {
  http_->set_payload_max_length(options_.max_body_bytes);
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(30, 0);
  http_->set_keep_alive_max_count(1000);
  add_routes();
}

Server::~Server() = default;

int Server::bind() {
  const int port = options_.port == 0
                       ? http_->bind_to_any_port(options_.host)
                       : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0) {
    throw std::runtime_error("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port) +
                             " (in use, or not an address of this machine)");
  }
  return port;
}

bool Server::listen() {
  return http_->listen_after_bind();
}

void Server::stop() {
  stopping_ = true;
  http_->stop();
}

void Server::add_routes() {
  add_page_routes();
  add_api_routes();
  // Answers httplib gives by itself (no route, body too large) get the API's JSON too.
  const httplib::Server::HandlerWithResponse on_error = answer_httplib_error_as_json;
  http_->set_error_handler(on_error);
}

void Server::add_page_routes() {
  httplib::Server& http = *http_;
  http.Get("/",
           [](const httplib::Request&, httplib::Response& res) { serve_asset(res, "index.html"); });
  http.Get(R"(/scenario/([A-Za-z0-9_-]+))",
           [this](const httplib::Request& req, httplib::Response& res) {
             if (folder_.find(req.matches[1].str()))
               serve_asset(res, "scenario.html");
             else
               reply(res, plain_error(404, "no scenario '" + req.matches[1].str() + "'"));
           });
  http.Get(R"(/assets/([A-Za-z0-9_.-]+))", [](const httplib::Request& req, httplib::Response& res) {
    serve_asset(res, req.matches[1].str());
  });
  http.Get(R"(/scenarios/([A-Za-z0-9_-]+)\.yaml)",
           [this](const httplib::Request& req, httplib::Response& res) {
             guarded(res, nullptr, [&] {
               const ScenarioFile f = runner_.file(req.matches[1].str());
               res.set_content(read_scenario_text(f.path.string()), "text/plain; charset=utf-8");
             });
           });
}

void Server::add_api_routes() {
  httplib::Server& http = *http_;
  http.Get("/api/scenarios", [this](const httplib::Request&, httplib::Response& res) {
    guarded(res, nullptr, [&] {
      json list = json::array();
      for (const ScenarioFile& f : folder_.list())
        list.push_back(scenario_entry_json(f));
      res.set_content(json{{"scenarios", list}}.dump(), kJson);
    });
  });
  http.Get(R"(/api/scenarios/([A-Za-z0-9_-]+))",
           [this](const httplib::Request& req, httplib::Response& res) {
             guarded(res, nullptr, [&] {
               json form = scenario_form_json(runner_.file(req.matches[1].str()));
               form["max_trials"] = options_.limits.max_trials;
               form["default_trials"] = options_.limits.default_trials;
               res.set_content(form.dump(), kJson);
             });
           });
  http.Post("/api/run",
            [this](const httplib::Request& req, httplib::Response& res) { answer_run(req, res); });
  http.Get(R"(/api/scenarios/([A-Za-z0-9_-]+)/download/([a-z_]+\.(csv|json|html)))",
           [this](const httplib::Request& req, httplib::Response& res) {
             RunRequest request;
             guarded(res, &request.overrides, [&] {
               auto query = query_of(req);
               query.erase("scenario");
               query.emplace("scenario", req.matches[1].str());
               request = RunRequest::from_query(query, options_.limits);
               download(request, req.matches[2].str(), res);
             });
           });
}

void Server::answer_run(const httplib::Request& req, httplib::Response& res) {
  RunRequest request;
  guarded(res, &request.overrides, [&] {
    request = RunRequest::from_json(req.body, options_.limits);
    const auto started = std::chrono::steady_clock::now();
    const SupersededRuns::Ticket ticket = superseded_.begin(request.session, request.sequence);
    const std::optional<WhatIf> run =
        runner_.run(request, [&] { return !stopping_ && superseded_.still_current(ticket); });
    if (!run) {
      reply(res, plain_error(409, "cancelled: superseded by a newer request of the same page"));
      return;
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    res.set_content(what_if_json(*run, request, ms).dump(), kJson);
  });
}

void Server::download(const RunRequest& request, const std::string& name, httplib::Response& res) {
  const ScenarioFile f = runner_.file(request.scenario);
  std::ostringstream out;
  if (name != "histograms.csv" && name != "summary.csv" && name != "outcomes.csv" &&
      name != "run.json" && name != "report.html")
    throw RequestError(404, "file",
                       "file: no download '" + name +
                           "' (histograms.csv, summary.csv, outcomes.csv, run.json, report.html)");
  const RunResult result = runner_.run_what_if(request, f);
  RunMetadata metadata;
  metadata.scenario_file = f.display_path;
  metadata.scenario_sha256 = sha256_file(f.path.string());
  metadata.overrides = request.overrides;
  if (name == "histograms.csv") write_histograms_csv(out, result);
  if (name == "summary.csv") write_summary_csv(out, result);
  if (name == "outcomes.csv") write_outcomes_csv(out, result);
  if (name == "run.json") write_run_json(out, result, metadata);
  if (name == "report.html") out << what_if_report_html(result, metadata);
  res.set_header("Content-Disposition",
                 "attachment; filename=\"" + request.scenario + "_" + name + "\"");
  const char* type = name.ends_with(".csv")    ? "text/csv; charset=utf-8"
                     : name.ends_with(".html") ? "text/html; charset=utf-8"
                                               : kJson;
  res.set_content(out.str(), type);
}

}  // namespace parley::serve
