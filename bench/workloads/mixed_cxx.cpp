//===- mixed_cxx.cpp - A realistic allocation-heavy C++ program -----------===//
//
// The "realistic" workload of docs/benchmarks.md: a log-analytics batch job.
// It generates synthetic access-log lines (std::string building), parses each
// into tokens (std::vector<std::string>) and a Record held by std::shared_ptr,
// aggregates per endpoint (std::unordered_map<std::string, ...>), per status
// (std::map<int, std::vector<double>>) and per user (std::set<std::string>),
// then sorts each batch's records and computes percentiles into a
// std::unique_ptr'd summary. Allocation is frequent but so is real work
// (formatting, parsing, hashing, sorting), as in ordinary C++ programs.
//
//===----------------------------------------------------------------------===//
#include "bench_util.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

constexpr uint64_t kBaseLines = 900000; // ~1.5 s plain at -O2 on the 2-vCPU box
constexpr size_t kBatch = 20000;

const char *const kMethods[] = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
const char *const kResources[] = {"items",  "users",     "orders",
                                  "search", "inventory", "recommendations",
                                  "session"};
const char *const kUsers[] = {"alice", "bob",           "carol", "dave",
                              "erin",  "frank",         "grace", "heidi",
                              "ivan",  "judy_the_admin"};
const int kStatus[] = {200, 200, 200, 200, 201, 204, 301, 304, 400, 404, 500};

struct Record {
  std::string host;
  std::string method;
  std::string endpoint; // path without the numeric id and query
  std::string user;
  int status = 0;
  long bytes = 0;
  double latency_ms = 0;
};

struct EndpointStats {
  uint64_t count = 0;
  uint64_t bytes = 0;
  double latency_sum = 0;
  std::vector<std::string> recent_users; // bounded
};

struct Summary {
  double p50 = 0, p90 = 0, p99 = 0;
  std::vector<std::pair<std::string, uint64_t>> top;
};

template <class T> inline T pick(uint64_t r, const T *arr, size_t n) {
  return arr[r % n];
}

std::string make_line(uint64_t &rng) {
  uint64_t r1 = bench_rand(&rng), r2 = bench_rand(&rng);
  std::string line;
  line += "2024-03-";
  line += std::to_string(10 + (r1 % 18));
  line += 'T';
  line += std::to_string(10 + (r1 >> 8) % 14);
  line += ':';
  line += std::to_string(10 + (r1 >> 16) % 50);
  line += " host-";
  line += std::to_string((r1 >> 24) % 64);
  line += ".cluster.example.internal ";
  line += pick(r1 >> 32, kMethods, std::size(kMethods));
  line += " /api/v2/";
  line += pick(r1 >> 40, kResources, std::size(kResources));
  line += '/';
  line += std::to_string(r2 % 100000);
  if (r2 & 1) {
    line += "?page=";
    line += std::to_string((r2 >> 8) % 50);
  }
  line += ' ';
  line += std::to_string(pick(r2 >> 16, kStatus, std::size(kStatus)));
  line += ' ';
  line += std::to_string((r2 >> 24) % 65536);
  line += ' ';
  line += std::to_string((r2 >> 40) % 5000 / 10.0).substr(0, 5);
  line += "ms user=";
  line += pick(r2 >> 52, kUsers, std::size(kUsers));
  return line;
}

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.emplace_back(
        s, start, end == std::string::npos ? std::string::npos : end - start);
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return out;
}

std::shared_ptr<Record> parse(const std::string &line) {
  std::vector<std::string> tok = split(line, ' ');
  if (tok.size() < 8)
    return nullptr;
  auto rec = std::make_shared<Record>();
  rec->host = tok[1].substr(0, tok[1].find('.'));
  rec->method = tok[2];
  std::string path = tok[3].substr(0, tok[3].find('?'));
  std::vector<std::string> parts = split(path, '/');
  for (const std::string &p : parts)
    if (!p.empty() && !std::isdigit(static_cast<unsigned char>(p[0]))) {
      rec->endpoint += '/';
      rec->endpoint += p;
    }
  rec->status = std::atoi(tok[4].c_str());
  rec->bytes = std::atol(tok[5].c_str());
  rec->latency_ms = std::atof(tok[6].c_str());
  rec->user = tok[7].substr(tok[7].find('=') + 1);
  return rec;
}

double percentile(const std::vector<std::shared_ptr<Record>> &sorted,
                  double q) {
  if (sorted.empty())
    return 0;
  return sorted[static_cast<size_t>(q * (sorted.size() - 1))]->latency_ms;
}

std::unique_ptr<Summary>
summarize(std::vector<std::shared_ptr<Record>> &batch,
          const std::unordered_map<std::string, EndpointStats> &stats) {
  std::sort(batch.begin(), batch.end(), [](const auto &a, const auto &b) {
    if (a->latency_ms != b->latency_ms)
      return a->latency_ms < b->latency_ms;
    return a->bytes < b->bytes;
  });
  auto s = std::make_unique<Summary>();
  s->p50 = percentile(batch, 0.5);
  s->p90 = percentile(batch, 0.9);
  s->p99 = percentile(batch, 0.99);
  for (const auto &kv : stats)
    s->top.emplace_back(kv.first, kv.second.count);
  std::sort(s->top.begin(), s->top.end(), [](const auto &a, const auto &b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (s->top.size() > 5)
    s->top.resize(5);
  return s;
}

uint64_t hash_str(const std::string &s, uint64_t h) {
  for (unsigned char c : s)
    h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

} // namespace

int main(int argc, char **argv) {
  uint64_t lines = bench_scaled(kBaseLines, bench_scale(argc, argv));
  uint64_t rng = 0x243F6A8885A308D3ULL, sum = 0x811C9DC5;
  double t0 = bench_now();

  std::unordered_map<std::string, EndpointStats> per_endpoint;
  std::map<int, std::vector<double>> per_status;
  std::set<std::string> users;
  std::vector<std::shared_ptr<Record>> batch;
  std::vector<std::unique_ptr<Summary>> summaries;

  for (uint64_t i = 0; i < lines; ++i) {
    std::shared_ptr<Record> rec = parse(make_line(rng));
    if (!rec)
      return 1;
    EndpointStats &es =
        per_endpoint[rec->host + " " + rec->method + " " + rec->endpoint];
    es.count++;
    es.bytes += rec->bytes;
    es.latency_sum += rec->latency_ms;
    es.recent_users.push_back(rec->user);
    if (es.recent_users.size() > 8)
      es.recent_users.erase(es.recent_users.begin());
    per_status[rec->status].push_back(rec->latency_ms);
    users.insert(rec->user + "@" + rec->host);
    batch.push_back(std::move(rec));

    if (batch.size() == kBatch || i + 1 == lines) {
      std::unique_ptr<Summary> s = summarize(batch, per_endpoint);
      sum = hash_str(std::to_string(s->p50) + std::to_string(s->p90) +
                         std::to_string(s->p99),
                     sum);
      for (const auto &t : s->top)
        sum = hash_str(t.first, sum) + t.second;
      summaries.push_back(std::move(s));
      batch.clear();
      // Keep the per-status latency lists bounded like a sliding window.
      for (auto &kv : per_status)
        if (kv.second.size() > 50000)
          kv.second.erase(kv.second.begin(), kv.second.begin() + 25000);
    }
  }
  for (const auto &kv : per_endpoint)
    sum += kv.second.count * 31 + kv.second.bytes;
  for (const auto &kv : per_status)
    sum += kv.first * kv.second.size();
  sum += users.size();

  double secs = bench_now() - t0;
  printf("mixed_cxx: checksum=%016llx ops=%llu seconds=%.3f endpoints=%zu "
         "users=%zu\n",
         (unsigned long long)sum, (unsigned long long)lines, secs,
         per_endpoint.size(), users.size());
  return 0;
}
