// `parley serve` over HTTP on loopback: every endpoint, and the page's results identical to
// `parley run` with the same --set, seed and trials.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/serve/serve_fixture.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kScenario = "korea_sma11";
const std::string kSet = "actors.us_trump.opening.median=8";

// `parley run` of korea_sma11 with `sets`, 30000 trials, seed 11, into a fresh folder.
fs::path parley_run(const std::vector<std::string>& sets, const std::string& tag) {
  const fs::path out =
      fs::temp_directory_path() / ("parley_serve_run_" + tag + "_" + std::to_string(::getpid()));
  fs::remove_all(out);
  std::vector<std::string> args = {
      "run",      std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + kScenario + ".yaml",
      "--trials", "30000",
      "--seed",   "11",
      "--out",    out.string(),
      "--quiet"};
  for (const std::string& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  const ParleyProcess p = ParleyProcess::run(args);
  EXPECT_EQ(p.exit_code, 0) << p.err;
  return out;
}

// The value of `column` in the summary.csv row starting with `key` ("seoul,amount,all").
std::string summary_value(const std::string& csv, const std::string& key,
                          const std::string& column) {
  std::istringstream in(csv);
  std::string header, line;
  std::getline(in, header);
  int index = 0;
  for (std::size_t start = 0;; ++index) {
    const std::size_t comma = header.find(',', start);
    if (header.substr(start, comma - start) == column) break;
    if (comma == std::string::npos) return "?";
    start = comma + 1;
  }
  while (std::getline(in, line)) {
    if (line.rfind(key + ",", 0) != 0) continue;
    std::istringstream cells(line);
    std::string cell;
    for (int i = 0; i <= index; ++i)
      std::getline(cells, cell, ',');
    return cell;
  }
  return "?";
}

class ServeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServedFolder({"--max-trials", "200000"}); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServedFolder* server_;
};
ServedFolder* ServeApi::server_ = nullptr;

TEST_F(ServeApi, LibraryListsEveryShippedScenarioWithItsDescription) {
  auto client = server_->client();
  const auto r = client.Get("/api/scenarios");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json body = body_json(r);
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(PARLEY_SOURCE_DIR "/scenarios"))
    if (e.path().extension() == ".yaml") files.insert(e.path().stem().string());
  std::set<std::string> listed;
  for (const json& s : body["scenarios"]) {
    listed.insert(s["name"].get<std::string>());
    EXPECT_FALSE(s.contains("error")) << s.dump();
    EXPECT_FALSE(s["description"].get<std::string>().empty()) << s["name"];
  }
  EXPECT_EQ(listed, files);
}

TEST_F(ServeApi, FormHasEveryReachableScalarWithTheValidatorsRange) {
  auto client = server_->client();
  const auto r = client.Get("/api/scenarios/" + kScenario);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json form = body_json(r);
  EXPECT_EQ(form["name"], kScenario);
  EXPECT_TRUE(form["errors"].empty());
  std::map<std::string, json> fields;
  for (const json& f : form["fields"])
    fields[f["path"]] = f;
  const json& median = fields.at("actors.us_trump.opening.median");
  EXPECT_EQ(median["kind"], "number");
  EXPECT_EQ(median["min"], 0.0);
  EXPECT_TRUE(median["min_open"].get<bool>());
  EXPECT_TRUE(median["max"].is_null());
  const json& sigma = fields.at("actors.us_trump.opening.sigma");
  EXPECT_EQ(sigma["min"], 0.0);
  EXPECT_FALSE(sigma["min_open"].get<bool>());
  const json& p = fields.at("tables.seoul.on_deadline.extend_p");
  EXPECT_EQ(p["min"], 0.0);
  EXPECT_EQ(p["max"], 1.0);
  EXPECT_EQ(fields.at("tables.seoul.years")["kind"], "integer");
  EXPECT_EQ(fields.at("tables.seoul.opens")["kind"], "month");
  EXPECT_EQ(fields.at("tables.seoul.escalation.rate.dist")["kind"], "choice");
  // Names of actors are a choice among the file's actors.
  const json& demander = fields.at("tables.seoul.demander");
  EXPECT_EQ(demander["kind"], "choice");
  EXPECT_EQ(demander["options"], json({"us_trump", "us_biden", "seoul"}));
  EXPECT_FALSE(fields.contains("seed"));  // the page's own seed control
  // Every group of the group_by shock is a condition.
  std::vector<std::string> groups;
  for (const json& g : form["groups"])
    groups.push_back(g["label"]);
  EXPECT_EQ(groups, (std::vector<std::string>{"all", "us_election_2020=trump",
                                              "us_election_2020=biden", "us_election_2020=none"}));
  ASSERT_EQ(form["tables"].size(), 1u);
  EXPECT_EQ(form["tables"][0]["currency"], "KRW_bn");
}

// The series of one answer's table and metric whose role is `role`, without its name and role.
json series_of(const json& run, std::size_t table, std::size_t metric, const std::string& role) {
  for (json s : run["tables"][table]["metrics"][metric]["series"]) {
    if (s["role"] != role) continue;
    s.erase("name");
    s.erase("role");
    return s;
  }
  return nullptr;
}

// Every value `form` shows, set as overrides (all of them, in requests of at most the server's
// limit), gives the same numbers as the file: the variant equals the baseline, and the baseline
// equals that of a request with no override.
void expect_form_values_reproduce_the_file(httplib::Client& client, const json& form,
                                           const json& base) {
  std::vector<std::string> sets;
  for (const json& f : form["fields"])
    sets.push_back(f["path"].get<std::string>() + "=" + f["value"].get<std::string>());
  const json baseline = body_json(post_run(client, base));
  ASSERT_TRUE(baseline.contains("tables")) << baseline.dump().substr(0, 300);
  const std::size_t chunk = 256;  // the server's limit of overrides per request
  for (std::size_t from = 0; from < sets.size(); from += chunk) {
    json request = base;
    request["set"] = std::vector<std::string>(sets.begin() + from,
                                              sets.begin() + std::min(sets.size(), from + chunk));
    const auto same = post_run(client, request);
    ASSERT_TRUE(same);
    ASSERT_EQ(same->status, 200) << same->body.substr(0, 300);
    const json run = body_json(same);
    for (std::size_t t = 0; t < run["tables"].size(); ++t) {
      for (std::size_t m = 0; m < run["tables"][t]["metrics"].size(); ++m) {
        EXPECT_EQ(series_of(run, t, m, "variant"), series_of(run, t, m, "baseline"))
            << run["tables"][t]["name"] << " metric " << m;
        EXPECT_EQ(series_of(run, t, m, "baseline"), series_of(baseline, t, m, "baseline"));
      }
    }
  }
}

// Every variant and every condition (group) the form offers runs.
void expect_variants_and_groups_run(httplib::Client& client, const json& form, const json& base) {
  for (const json& v : form["variants"]) {
    json request = base;
    request["variant"] = v["name"];
    const auto run = post_run(client, request);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, 200) << v["name"] << ": " << run->body.substr(0, 300);
  }
  for (const json& g : form["groups"]) {
    json request = base;
    request["group"] = g["label"];
    const auto run = post_run(client, request);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, 200) << g["label"] << ": " << run->body.substr(0, 300);
  }
}

// Every shipped scenario opens on the page: its form loads without a mistake, every value the
// form shows is an override the validator accepts and that reproduces the file (all of them
// set at once give the baseline's numbers), and every variant and condition runs.
TEST_F(ServeApi, EveryShippedScenarioOpensWithAFormThatReproducesTheFile) {
  auto client = server_->client();
  int scenarios = 0;
  for (const auto& e : fs::directory_iterator(PARLEY_SOURCE_DIR "/scenarios")) {
    if (e.path().extension() != ".yaml") continue;
    const std::string name = e.path().stem().string();
    SCOPED_TRACE(name);
    ++scenarios;
    const auto page = client.Get("/scenario/" + name);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    const auto r = client.Get("/api/scenarios/" + name);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const json form = body_json(r);
    EXPECT_TRUE(form["errors"].empty()) << form["errors"].dump();
    ASSERT_FALSE(form["fields"].empty());
    ASSERT_FALSE(form["groups"].empty());

    const json base = {{"scenario", name}, {"trials", 2000}, {"seed", 5}};
    ASSERT_NO_FATAL_FAILURE(expect_form_values_reproduce_the_file(client, form, base));
    ASSERT_NO_FATAL_FAILURE(expect_variants_and_groups_run(client, form, base));
  }
  EXPECT_GE(scenarios, 20);
}

TEST_F(ServeApi, RunEqualsParleyRunWithTheSameSetSeedAndTrials) {
  const fs::path cli = parley_run({kSet}, "whatif");
  const std::string query =
      "?set=" + httplib::detail::encode_query_param(kSet) + "&seed=11&trials=30000";
  auto client = server_->client();
  for (const char* file : {"histograms.csv", "summary.csv", "outcomes.csv"}) {
    const auto r = client.Get("/api/scenarios/" + kScenario + "/download/" + file + query);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->body, read_text(cli / file)) << file;
    EXPECT_NE(r->get_header_value("Content-Disposition").find(file), std::string::npos);
  }
  // The page's own answer carries the same numbers as summary.csv.
  const auto r =
      post_run(client, {{"scenario", kScenario}, {"set", {kSet}}, {"seed", 11}, {"trials", 30000}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json run = body_json(r);
  const std::string summary = read_text(cli / "summary.csv");
  const json& amount = run["tables"][0]["metrics"][0];
  ASSERT_EQ(amount["metric"], "amount");
  const json& what_if = amount["series"][0];
  EXPECT_EQ(what_if["role"], "variant");
  EXPECT_EQ(what_if["n"].get<std::int64_t>(),
            std::stoll(summary_value(summary, "seoul,amount,all", "n")));
  EXPECT_EQ(what_if["mean"].get<double>(),
            std::stod(summary_value(summary, "seoul,amount,all", "mean")));
  EXPECT_EQ(what_if["quantiles"]["p50"].get<double>(),
            std::stod(summary_value(summary, "seoul,amount,all", "p50")));
  // The baseline beside it is the unchanged file at the same seed and trials.
  const fs::path base = parley_run({}, "baseline");
  const json& baseline = amount["series"][1];
  EXPECT_EQ(baseline["role"], "baseline");
  EXPECT_EQ(baseline["quantiles"]["p95"].get<double>(),
            std::stod(summary_value(read_text(base / "summary.csv"), "seoul,amount,all", "p95")));
  EXPECT_NE(baseline["quantiles"]["p95"], what_if["quantiles"]["p95"]);
  fs::remove_all(cli);
  fs::remove_all(base);
}

// A report without the cells that differ between two runs of the same state (when and how long
// it ran) and the scenario file's name (as the server shows it, or as given to `parley run`).
std::string without_timings(const std::string& html) {
  static const std::regex cell(
      R"(<td>(start_time|elapsed_seconds|scenario_file)</td><td[^>]*>[^<]*</td>)");
  return std::regex_replace(html, cell, "<td>$1</td>");
}

TEST_F(ServeApi, DownloadsTheReportOfTheState) {
  const fs::path cli = parley_run({kSet}, "report");
  const ParleyProcess report = ParleyProcess::run({"report", cli.string()});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string expected = read_text(cli / "report.html");
  auto client = server_->client();
  const auto r = client.Get("/api/scenarios/" + kScenario + "/download/report.html?set=" +
                            httplib::detail::encode_query_param(kSet) + "&seed=11&trials=30000");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 300);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Disposition").find("korea_sma11_report.html"),
            std::string::npos);
  ASSERT_NE(expected.find("<td>start_time</td>"), std::string::npos);  // the cells do exist
  EXPECT_EQ(without_timings(r->body), without_timings(expected));
  EXPECT_NE(r->body.find(kSet.substr(0, kSet.find('='))), std::string::npos);  // the override
  fs::remove_all(cli);
}

TEST_F(ServeApi, RunConditionsOnAGroupByOutcome) {
  const fs::path cli = parley_run({kSet}, "group");
  auto client = server_->client();
  const auto r = post_run(client, {{"scenario", kScenario},
                                   {"set", {kSet}},
                                   {"seed", 11},
                                   {"trials", 30000},
                                   {"group", "us_election_2020=biden"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json run = body_json(r);
  EXPECT_EQ(run["group"], "us_election_2020=biden");
  const std::string key = "seoul,amount,us_election_2020=biden";
  const std::string summary = read_text(cli / "summary.csv");
  const json& series = run["tables"][0]["metrics"][0]["series"][0];
  EXPECT_EQ(series["n"].get<std::int64_t>(), std::stoll(summary_value(summary, key, "n")));
  EXPECT_EQ(series["quantiles"]["p05"].get<double>(),
            std::stod(summary_value(summary, key, "p05")));
  fs::remove_all(cli);
}

TEST_F(ServeApi, UnchangedRunIsTheBaselineAlone) {
  auto client = server_->client();
  const auto r = post_run(client, {{"scenario", kScenario}, {"trials", 5000}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json run = body_json(r);
  EXPECT_FALSE(run["changed"].get<bool>());
  EXPECT_EQ(run["trials"], 5000);
  EXPECT_EQ(run["seed"], 2019);  // the file's
  const json& series = run["tables"][0]["metrics"][0]["series"];
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0]["role"], "baseline");
  double total = 0;
  for (const json& share : run["tables"][0]["outcomes"][0]["shares"])
    total += share["share"].get<double>();
  EXPECT_NEAR(total, 1.0, 1e-12);
}

TEST_F(ServeApi, ValidationErrorsComeBackInTheCliWordsAtTheField) {
  const std::string bad = "actors.us_trump.opening.median=-5";
  const ParleyProcess cli = ParleyProcess::run(
      {"run", "scenarios/" + kScenario + ".yaml", "--set", bad, "--quiet"}, PARLEY_SOURCE_DIR);
  ASSERT_EQ(cli.exit_code, 2);
  auto client = server_->client();
  const auto r =
      post_run(client, {{"scenario", kScenario}, {"set", {"tables.seoul.stall_p=0.1", bad}}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  const json body = body_json(r);
  EXPECT_EQ(body["field"], "actors.us_trump.opening.median");
  // The CLI names it override 1, the page's request override 2: the rest is the same text.
  const std::string text = body["error"];
  EXPECT_EQ(text, "--set:2:32: error: actors.us_trump.opening.median: must be > 0, got -5");
  EXPECT_NE(cli.err.find("--set:1:32: error: actors.us_trump.opening.median: must be > 0, got -5"),
            std::string::npos)
      << cli.err;

  const auto unknown =
      post_run(client, {{"scenario", kScenario}, {"set", {"actors.us_trump.patiance=3"}}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(body_json(unknown)["field"], "actors.us_trump.patiance");
  EXPECT_NE(body_json(unknown)["error"].get<std::string>().find("did you mean 'patience'"),
            std::string::npos);
}

TEST_F(ServeApi, ServesThePagesAssetsAndTheYamlFiles) {
  auto client = server_->client();
  const auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(index->body.find("/assets/library.js"), std::string::npos);
  const auto page = client.Get("/scenario/" + kScenario);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/assets/figures.js"), std::string::npos);
  for (const char* asset :
       {"figures.js", "scenario.js", "page_state.js", "library.js", "style.css"}) {
    const auto a = client.Get(std::string("/assets/") + asset);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->status, 200) << asset;
    EXPECT_FALSE(a->body.empty()) << asset;
  }
  EXPECT_EQ(client.Get("/assets/figures.js")->body,
            read_text(PARLEY_SOURCE_DIR "/analysis/results/report/figures.js"));
  const auto yaml = client.Get("/scenarios/" + kScenario + ".yaml");
  ASSERT_TRUE(yaml);
  EXPECT_EQ(yaml->status, 200);
  EXPECT_EQ(yaml->body, read_text(PARLEY_SOURCE_DIR "/scenarios/" + kScenario + ".yaml"));
  const auto run_json =
      client.Get("/api/scenarios/" + kScenario +
                 "/download/run.json?trials=2000&set=" + httplib::detail::encode_query_param(kSet));
  ASSERT_TRUE(run_json);
  ASSERT_EQ(run_json->status, 200) << run_json->body;
  const json meta = body_json(run_json);
  EXPECT_EQ(meta["trials"], 2000);
  EXPECT_NE(run_json->body.find("actors.us_trump.opening.median"), std::string::npos);
}

TEST_F(ServeApi, ConcurrentClientsGetIndependentCorrectAnswers) {
  // Eight clients at once, each with its own override; each answer equals that override's
  // answer asked alone.
  const int clients = 8;
  std::vector<json> alone(clients), together(clients);
  auto body = [](int k) {
    return json{{"scenario", kScenario},
                {"set", {"actors.us_trump.opening.median=" + std::to_string(5 + k)}},
                {"trials", 8000},
                {"seed", 3}};
  };
  for (int k = 0; k < clients; ++k) {
    auto client = server_->client();
    alone[k] = body_json(post_run(client, body(k)));
  }
  std::vector<std::thread> threads;
  for (int k = 0; k < clients; ++k) {
    threads.emplace_back([&, k] {
      auto client = server_->client();
      together[k] = body_json(post_run(client, body(k)));
    });
  }
  for (std::thread& t : threads)
    t.join();
  for (int k = 0; k < clients; ++k) {
    ASSERT_TRUE(together[k].contains("tables")) << together[k].dump();
    together[k].erase("elapsed_ms");
    alone[k].erase("elapsed_ms");
    EXPECT_EQ(together[k], alone[k]) << k;
  }
  EXPECT_NE(alone[0]["tables"], alone[7]["tables"]);
}

TEST_F(ServeApi, ANewerRequestOfThePageCancelsTheRunItSupersedes) {
  auto slow_client = server_->client();
  int slow_status = 0;
  std::string slow_body;
  std::thread first([&] {
    const auto slow = post_run(slow_client, {{"scenario", kScenario},
                                             {"trials", 200000},
                                             {"seed", 99},
                                             {"set", {kSet}},
                                             {"session", "tab1"},
                                             {"sequence", 1}});
    if (slow) slow_status = slow->status, slow_body = slow->body;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  auto client = server_->client();
  const auto quick = post_run(client, {{"scenario", kScenario},
                                       {"trials", 1000},
                                       {"seed", 99},
                                       {"session", "tab1"},
                                       {"sequence", 2}});
  first.join();
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->status, 200);
  // Unless the 200000 trials were done within the 30 ms head start, the first run was cut off.
  EXPECT_EQ(slow_status, 409) << slow_body.substr(0, 200);
  // A request of an older sequence than the session's latest is superseded at once.
  const auto stale = post_run(
      client, {{"scenario", kScenario}, {"trials", 1000}, {"session", "tab1"}, {"sequence", 1}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  // Another page is not affected.
  const auto other = post_run(
      client, {{"scenario", kScenario}, {"trials", 1000}, {"session", "tab2"}, {"sequence", 1}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
}

TEST(ServeProcess, PrintsTheUrlAndStopsCleanlyOnCtrlC) {
  ServedFolder server;
  ASSERT_GT(server.port(), 0);
  auto client = server.client();
  ASSERT_TRUE(client.Get("/api/scenarios"));
  const ParleyProcess& p = server.stop();
  EXPECT_EQ(p.exit_code, 0) << p.err;
  EXPECT_NE(p.out.find("http://127.0.0.1:"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("stopped by SIGINT"), std::string::npos) << p.out;
  EXPECT_EQ(p.err, "");
}

TEST(ServeProcess, WarnsWhenListeningBeyondLoopback) {
  ServedFolder server({"--host", "0.0.0.0"});
  ASSERT_GT(server.port(), 0);
  const ParleyProcess& p = server.stop();
  EXPECT_NE(p.err.find("warning: listening on 0.0.0.0"), std::string::npos) << p.err;
}

TEST(ServeProcess, RefusesAFolderThatIsNotOne) {
  const ParleyProcess p = ParleyProcess::run({"serve", "/nonexistent/folder", "--port", "0"});
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_EQ(p.err,
            "/nonexistent/folder:0:0: error: cannot serve this scenario folder: not a "
            "directory\n");
}

}  // namespace
}  // namespace parley::testing
