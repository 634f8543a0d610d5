// Load test of `parley serve` on loopback: starts the server (PARLEY_BINARY or argv[1]) on a
// free port, then
//   1. one client, sequential what-if updates of korea_sma11 at 10^5 trials (each a new value of
//      the US opening ask; the baseline is cached after the first): the latency of one update;
//   2. C concurrent clients sending N requests in all (distinct overrides): throughput and
//      latency percentiles, and how many answers were not 200.
//
//   build/bench/serve_load build/parley [--clients 16] [--requests 320] [--trials 100000]
// Bounded: every request is capped at --trials, the run ends after --requests.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Server {
  pid_t pid = -1;
  int port = 0;
};

// Starts `parley serve scenarios --port 0` with stdout on a pipe; reads the address line.
Server start(const std::string& parley) {
  int out[2];
  if (::pipe(out) != 0) return {};
  Server s;
  s.pid = ::fork();
  if (s.pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::execl(parley.c_str(), parley.c_str(), "serve", PARLEY_SOURCE_DIR "/scenarios", "--port", "0",
            "--max-trials", "1000000", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  char buffer[256];
  const std::regex address(R"(http://[^:/]+:(\d+)/)");
  std::smatch m;
  while (!std::regex_search(text, m, address)) {
    const ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n <= 0) return s;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  s.port = std::stoi(m[1]);
  return s;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t k =
      static_cast<std::size_t>(std::max(0.0, std::ceil(p * static_cast<double>(v.size())) - 1));
  return v[std::min(k, v.size() - 1)];
}

void report(const char* what, const std::vector<double>& ms, double seconds, int failures) {
  std::printf(
      "%-34s %5zu requests  %7.1f req/s  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  "
      "max %7.1f ms  not-200 %d\n",
      what, ms.size(), static_cast<double>(ms.size()) / seconds, percentile(ms, 0.5),
      percentile(ms, 0.9), percentile(ms, 0.99), percentile(ms, 1.0), failures);
}

// The server's processor time so far (user + system, all threads), in ms, from /proc: on a
// shared machine it says what an update costs when the wall clock says how long it waited.
double cpu_ms(pid_t pid) {
  std::FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
  if (!f) return 0;
  char text[1024] = {};
  const std::size_t n = std::fread(text, 1, sizeof text - 1, f);
  std::fclose(f);
  // Fields after the command name "(...)": state is field 3, utime 14, stime 15.
  const char* p = std::strrchr(text, ')');
  if (!p || n == 0) return 0;
  unsigned long long utime = 0, stime = 0;
  if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) !=
      2)
    return 0;
  return 1000.0 * static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::string body(int k, std::int64_t trials) {
  // Distinct US opening asks (ratio to the baseline 4.0 .. 8.0): no two requests alike.
  const double median = 4.0 + 4.0 * (k % 400) / 400.0;
  return nlohmann::json{{"scenario", "korea_sma11"},
                        {"set", {"actors.us_trump.opening.median=" + std::to_string(median)}},
                        {"trials", trials}}
      .dump();
}

}  // namespace

int main(int argc, char** argv) {
  std::string parley = argc > 1 && argv[1][0] != '-' ? argv[1] : PARLEY_BINARY;
  int clients = 16, requests = 320, sequential = 40;
  std::int64_t trials = 100000;
  for (int i = 1; i + 1 < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--clients") clients = std::atoi(argv[++i]);
    if (a == "--requests") requests = std::atoi(argv[++i]);
    if (a == "--sequential") sequential = std::atoi(argv[++i]);
    if (a == "--trials") trials = std::atoll(argv[++i]);
  }
  const Server server = start(parley);
  if (server.port == 0) {
    std::fprintf(stderr, "serve_load: parley serve did not start\n");
    return 1;
  }
  std::printf("parley serve on port %d; korea_sma11, %lld trials a request, %u hardware threads\n",
              server.port, static_cast<long long>(trials), std::thread::hardware_concurrency());

  {  // 1. one update after another, as one page does
    httplib::Client client("127.0.0.1", server.port);
    client.set_read_timeout(300, 0);
    client.Post("/api/run", body(0, trials), "application/json");  // warm: baseline cached
    std::vector<double> ms;
    int failures = 0;
    const double cpu_before = cpu_ms(server.pid);
    const auto start = Clock::now();
    for (int k = 1; k <= sequential; ++k) {
      const auto t0 = Clock::now();
      const auto r = client.Post("/api/run", body(k, trials), "application/json");
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (!r || r->status != 200) ++failures;
    }
    report("1 client, sequential updates", ms,
           std::chrono::duration<double>(Clock::now() - start).count(), failures);
    std::printf("%-34s %7.1f ms of processor time per update (the server's, all threads)\n", "",
                (cpu_ms(server.pid) - cpu_before) / sequential);
  }
  {  // 2. many clients at once
    std::atomic<int> next{0}, failures{0};
    std::vector<std::vector<double>> per_client(clients);
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        httplib::Client client("127.0.0.1", server.port);
        client.set_read_timeout(300, 0);
        for (int k = next++; k < requests; k = next++) {
          const auto t0 = Clock::now();
          const auto r = client.Post("/api/run", body(1000 + k, trials), "application/json");
          per_client[c].push_back(
              std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
          if (!r || r->status != 200) ++failures;
        }
      });
    }
    for (std::thread& t : threads)
      t.join();
    std::vector<double> ms;
    for (const auto& v : per_client)
      ms.insert(ms.end(), v.begin(), v.end());
    char what[64];
    std::snprintf(what, sizeof what, "%d clients, concurrent", clients);
    report(what, ms, std::chrono::duration<double>(Clock::now() - start).count(), failures);
  }
  ::kill(server.pid, SIGINT);
  int status = 0;
  ::waitpid(server.pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
