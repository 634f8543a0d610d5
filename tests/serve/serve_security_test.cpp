// `parley serve` as a component facing a network: only its assets and the folder's YAML files
// are served (no traversal by `..`, encoded variants or symlinks), bodies are limited, trials
// capped, every malformed request is a 4xx with a message, and the server keeps serving.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>

#include "tests/serve/serve_fixture.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Sends raw bytes (no client-side normalisation of the path) and returns the status code.
int raw_status(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  ::send(fd, request.data(), request.size(), 0);
  char buffer[64] = {};
  const ssize_t n = ::recv(fd, buffer, sizeof buffer - 1, 0);
  ::close(fd);
  if (n < 12) return -2;
  return std::atoi(buffer + 9);  // "HTTP/1.1 404 ..."
}

// A folder with one good scenario, a symlink to a file outside it and a symlinked folder.
class ServeSecurity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("parley_serve_security_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "served");
    fs::copy_file(PARLEY_SOURCE_DIR "/scenarios/teach_election_replace.yaml",
                  root_ / "served/teach.yaml");
    std::ofstream(root_ / "secret.yaml") << "scenario: secret\n";
    fs::create_symlink(root_ / "secret.yaml", root_ / "served/outside.yaml");
    fs::create_symlink(root_ / "served/teach.yaml", root_ / "served/inside.yaml");
    server_ = new ServedFolder({"--max-trials", "50000"}, (root_ / "served").string());
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(root_);
  }
  static int status(const std::string& path) {
    return raw_status(server_->port(),
                      "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  }
  static fs::path root_;
  static ServedFolder* server_;
};
fs::path ServeSecurity::root_;
ServedFolder* ServeSecurity::server_ = nullptr;

TEST_F(ServeSecurity, ServesTheFolderAndNothingOutsideIt) {
  EXPECT_EQ(status("/scenarios/teach.yaml"), 200);
  EXPECT_EQ(status("/scenarios/inside.yaml"), 200);  // a symlink that stays inside
  for (const char* path : {
           "/scenarios/outside.yaml",                // a symlink leaving the folder
           "/scenarios/../secret.yaml",              // plain ..
           "/scenarios/%2e%2e/secret.yaml",          // encoded dots
           "/scenarios/%2E%2E%2Fsecret.yaml",        // encoded dots and slash
           "/scenarios/..%2fsecret.yaml",            //
           "/scenarios/%252e%252e%252fsecret.yaml",  // encoded twice
           "/scenarios/..%5csecret.yaml",            // backslash
           "/scenarios/teach.yaml%00.txt",           // NUL
           "/assets/../../secret.yaml",              //
           "/assets/%2e%2e%2f%2e%2e%2fsecret.yaml",  //
           "/assets/..%2f..%2fCMakeLists.txt",       //
           "/../secret.yaml",                        //
           "/%2e%2e/secret.yaml",                    //
           "/etc/passwd",                            //
           "/scenarios/teach.yml",                   // not a served name
           "/api/scenarios/outside",                 // the form of the symlink leaving
           "/api/scenarios/..%2fsecret",             //
           "/scenario/outside",                      // its page
       }) {
    EXPECT_EQ(status(path), 404) << path;
  }
  auto client = server_->client();
  const json library = body_json(client.Get("/api/scenarios"));
  std::vector<std::string> names;
  for (const json& s : library["scenarios"])
    names.push_back(s["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"inside", "teach"}));
  const auto run = post_run(client, {{"scenario", "outside"}, {"trials", 100}});
  ASSERT_TRUE(run);
  EXPECT_EQ(run->status, 404);
  EXPECT_EQ(post_run(client, {{"scenario", "../secret"}})->status, 400);
}

TEST_F(ServeSecurity, MalformedRequestsGetA4xxWithAMessage) {
  auto client = server_->client();
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"{bad json", 400, ""},
      {"[1, 2]", 400, "body"},
      {"", 400, ""},
      {R"({"scenario": 5})", 400, "scenario"},
      {R"({"scenario": "teach", "set": "a=1"})", 400, "set"},
      {R"({"scenario": "teach", "set": [1]})", 400, "set"},
      {R"({"scenario": "teach", "set": ["no_equals"]})", 400, "set"},
      {R"({"scenario": "teach", "trials": "many"})", 400, "trials"},
      {R"({"scenario": "teach", "trials": 1.5})", 400, "trials"},
      {R"({"scenario": "teach", "trials": 0})", 400, "trials"},
      {R"({"scenario": "teach", "trials": 50001})", 400, "trials"},
      {R"({"scenario": "teach", "seed": -1})", 400, "seed"},
      {R"({"scenario": "teach", "seed": "12x"})", 400, "seed"},
      {R"({"scenario": "teach", "group": "nobody=won"})", 400, "group"},
      {R"({"scenario": "teach", "group": ["all"]})", 400, "group"},
      {R"({"scenario": "teach", "sequence": "one"})", 400, "sequence"},
      {R"({"scenario": "teach", "unknown": 1})", 400, "unknown"},
      {R"({"scenario": "teach", "set": ["tables.talks.stall_p=2"]})", 400, "tables.talks.stall_p"},
      {R"({"scenario": "teach", "set": ["tables.talks.stall_p=[1"]})", 400, "tables.talks.stall_p"},
      {R"({"scenario": "nope"})", 404, "scenario"},
  };
  for (const Case& c : cases) {
    const auto r = client.Post("/api/run", c.body, "application/json");
    ASSERT_TRUE(r) << c.body;
    EXPECT_EQ(r->status, c.status) << c.body << " -> " << r->body;
    const json body = body_json(r);
    ASSERT_TRUE(body.is_object()) << c.body << " -> " << r->body;
    EXPECT_FALSE(body["error"].get<std::string>().empty()) << c.body;
    EXPECT_EQ(body["field"], c.field) << c.body << " -> " << r->body;
  }
  // Download links are checked the same way.
  EXPECT_EQ(client.Get("/api/scenarios/teach/download/summary.csv?trials=999999")->status, 400);
  EXPECT_EQ(client.Get("/api/scenarios/teach/download/summary.csv?bogus=1")->status, 400);
  EXPECT_EQ(client.Get("/api/scenarios/teach/download/secret.csv")->status, 404);
  // Unknown paths and methods.
  EXPECT_EQ(client.Get("/api/nothing")->status, 404);
  EXPECT_EQ(client.Get("/api/run")->status, 404);
  EXPECT_EQ(body_json(client.Get("/api/nothing"))["error"], "not found: /api/nothing");
  // And it keeps serving.
  const auto ok = post_run(client, {{"scenario", "teach"}, {"trials", 1000}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServeSecurity, BodiesAreSizeLimitedAndTheServerKeepsServing) {
  auto client = server_->client();
  std::string huge = R"({"scenario": "teach", "set": [)";
  for (int i = 0; i < 20000; ++i)
    huge += std::string(i ? "," : "") + "\"tables.talks.stall_p=0.1\"";
  huge += "]}";
  ASSERT_GT(huge.size(), 64u * 1024);
  const auto r = client.Post("/api/run", huge, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  // Many overrides within the size limit: capped too.
  std::string many = R"({"scenario": "teach", "set": [)";
  for (int i = 0; i < 300; ++i)
    many += std::string(i ? "," : "") + "\"tables.talks.stall_p=0.1\"";
  many += "]}";
  const auto capped = client.Post("/api/run", many, "application/json");
  ASSERT_TRUE(capped);
  EXPECT_EQ(capped->status, 400);
  EXPECT_EQ(status("/api/scenarios"), 200);
}

}  // namespace
}  // namespace parley::testing
