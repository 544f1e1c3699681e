//===- cli_common.cpp - What every `tracealloc` subcommand shares ---------===//
#include "cli_common.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tracealloc {
namespace tool {

void usage_error(const std::string &command, const std::string &message) {
  throw CommandError(kExitUsage,
                     message + " (see tracealloc " + command + " --help)");
}

void file_error(const std::string &message) {
  throw CommandError(kExitFileError, message);
}

void invalid_value(const std::string &command, const std::string &option,
                   const std::string &value, const std::string &expected) {
  usage_error(command, "invalid value '" + value + "' for " + option +
                           " (expected " + expected + ")");
}

// --- Options ---------------------------------------------------------------

std::string ParsedArgs::last(const std::string &name,
                             const std::string &fallback) const {
  auto it = values.find(name);
  return it == values.end() ? fallback : it->second.back();
}

namespace {

// Levenshtein distance, for "did you mean" on a mistyped option.
size_t edit_distance(const std::string &a, const std::string &b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_option(const std::string &name,
                           const std::vector<OptionSpec> &specs) {
  std::string message = "unknown option '" + name + "'";
  for (const OptionSpec &s : specs)
    if (name.size() > 3 && edit_distance(name, s.name) <= 2)
      return message + " (did you mean '" + s.name + "'?)";
  return message;
}

} // namespace

ParsedArgs parse_args(int argc, char **argv,
                      const std::vector<OptionSpec> &specs, const char *help) {
  std::string command = argv[0];
  ParsedArgs out;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      out.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      std::fputs(help, stdout);
      throw CommandError(kExitOk, "");
    }
    std::string name = arg, value;
    bool inline_value = false;
    size_t eq = arg.find('=');
    if (arg.compare(0, 2, "--") == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      inline_value = true;
    }
    const OptionSpec *spec = nullptr;
    for (const OptionSpec &s : specs)
      if (name == s.name || (s.short_name && name == s.short_name))
        spec = &s;
    if (!spec)
      usage_error(command, unknown_option(name, specs));
    if (!spec->value_name) {
      if (inline_value)
        usage_error(command,
                    "option '" + std::string(spec->name) + "' takes no value");
      out.values[spec->name].push_back("");
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argc)
        usage_error(command, "option '" + std::string(spec->name) +
                                 "' needs a value (" + spec->value_name + ")");
      value = argv[++i];
    }
    out.values[spec->name].push_back(value);
  }
  return out;
}

const std::string &snapshot_path(const std::string &command,
                                 const ParsedArgs &args) {
  if (args.positionals.empty())
    usage_error(command, "missing the snapshot FILE");
  if (args.positionals.size() > 1)
    usage_error(command, "one snapshot FILE expected, got " +
                             std::to_string(args.positionals.size()));
  return args.positionals[0];
}

uint64_t parse_count(const std::string &command, const std::string &option,
                     const std::string &value) {
  bool digits = !value.empty() && value.size() <= 19;
  for (char c : value)
    digits = digits && c >= '0' && c <= '9';
  if (!digits)
    invalid_value(command, option, value, "a non-negative integer");
  return std::strtoull(value.c_str(), nullptr, 10);
}

const OptionSpec kFormatOption = {"--format", "-f", "text|json"};

Format read_format(const std::string &command, const ParsedArgs &args) {
  std::string f = args.last("--format", "text");
  if (f == "text")
    return Format::kText;
  if (f == "json")
    return Format::kJson;
  invalid_value(command, "--format", f, "text or json");
}

// --- Loading ---------------------------------------------------------------

namespace {

// The progress bar of one load, drawn once the load has taken a second.
struct ProgressBar {
  const std::string *path;
  std::chrono::steady_clock::time_point start;
  std::chrono::milliseconds delay;
  bool enabled;
  bool drawn = false;
  int percent = -1;
};

void draw_progress(uint64_t done, uint64_t total, void *user) {
  auto *bar = static_cast<ProgressBar *>(user);
  if (!bar->enabled ||
      std::chrono::steady_clock::now() - bar->start < bar->delay)
    return;
  int percent = total ? int(done * 100 / total) : 100;
  if (percent > 100)
    percent = 100;
  if (percent == bar->percent)
    return;
  bar->percent = percent;
  bar->drawn = true;
  constexpr int kWidth = 30;
  int filled = percent * kWidth / 100;
  std::fprintf(stderr, "\rtracealloc: reading %s %3d%% [%.*s%*s]",
               bar->path->c_str(), percent, filled,
               "##############################", kWidth - filled, "");
  std::fflush(stderr);
}

} // namespace

SnapshotPtr load_snapshot(const std::string &path) {
  const char *mode = std::getenv("TRACEALLOC_PROGRESS");
  std::string m = mode ? mode : "auto";
  ProgressBar bar = {&path, std::chrono::steady_clock::now(),
                     std::chrono::milliseconds(m == "always" ? 0 : 1000),
                     m == "always" || (m != "never" && isatty(2))};
  SnapshotPtr s(
      tracealloc_snapshot_load_progress(path.c_str(), draw_progress, &bar));
  if (bar.drawn)
    std::fputs(m == "always" ? "\n" : "\r\033[K", stderr); // a terminal: erase
  if (!s)
    file_error(tracealloc_last_error());
  return s;
}

// --- Output files ----------------------------------------------------------

namespace {

// "" or why the write failed.
std::string write_all(int fd, const std::string &bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return std::strerror(errno);
    if (n == 0)
      return "nothing written";
    done += size_t(n);
  }
  return "";
}

} // namespace

void replace_file(
    const std::string &path,
    const std::function<std::string(const std::string &)> &write) {
  std::string temp = path + ".tmp-XXXXXX";
  int fd = mkstemp(&temp[0]);
  if (fd < 0)
    file_error("cannot write '" + path + "': " + std::strerror(errno));
  // mkstemp makes the file 0600; give it what open(2) would have.
  mode_t mask = umask(0);
  umask(mask);
  std::string why;
  if (fchmod(fd, 0666 & ~mask) != 0)
    why = std::strerror(errno);
  close(fd);
  if (why.empty())
    why = write(temp);
  if (why.empty() && rename(temp.c_str(), path.c_str()) != 0)
    why = std::strerror(errno);
  if (!why.empty()) {
    unlink(temp.c_str());
    file_error("cannot write '" + path + "': " + why);
  }
}

void write_output(const std::string &path, const std::string &bytes) {
  if (path.empty()) {
    std::string why = write_all(STDOUT_FILENO, bytes);
    if (!why.empty())
      file_error("cannot write to standard output: " + why);
    return;
  }
  replace_file(path, [&](const std::string &temp) {
    int fd = open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
      return std::string(std::strerror(errno));
    std::string why = write_all(fd, bytes);
    if (close(fd) != 0 && why.empty())
      why = std::strerror(errno);
    return why;
  });
}

// --- Statistics options ----------------------------------------------------

std::vector<OptionSpec> stats_option_specs(int sets) {
  std::vector<OptionSpec> specs = {
      kFormatOption,
      {"--limit", "-n", "N"},
      {"--include", "-i", "PATTERN[:LINE]"},
      {"--exclude", "-x", "PATTERN[:LINE]"},
      {"--all-frames", nullptr, nullptr},
      {"--domain", nullptr, "D"},
  };
  if (sets & kWithKey) {
    specs.push_back({"--key", "-k", "lineno|filename|traceback"});
    specs.push_back({"--cumulative", "-c", nullptr});
  }
  if (sets & kWithViews) {
    specs.push_back({"--at-peak", nullptr, nullptr});
    specs.push_back({"--all-time", nullptr, nullptr});
    specs.push_back({"--leaked", nullptr, nullptr});
  }
  return specs;
}

namespace {

// PATTERN[:LINE]: a final ':' followed by digits is the line number.
void add_filter(const std::string &command, StatsOptions &o,
                const std::string &option, const std::string &value,
                bool inclusive, bool all_frames) {
  tracealloc_filter f = {};
  f.kind = TRACEALLOC_FILTER;
  f.inclusive = inclusive;
  f.all_frames = all_frames;
  std::string pattern = value;
  size_t colon = value.rfind(':');
  if (colon != std::string::npos && colon + 1 < value.size() &&
      value.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    pattern = value.substr(0, colon);
    uint64_t line = parse_count(command, option, value.substr(colon + 1));
    if (line > UINT32_MAX)
      usage_error(command,
                  "line number out of range in " + option + " '" + value + "'");
    f.has_lineno = 1;
    f.lineno = unsigned(line);
  }
  if (pattern.empty())
    usage_error(command, "empty pattern in " + option + " '" + value + "'");
  o.patterns.push_back(std::make_unique<std::string>(pattern));
  f.filename_pattern = o.patterns.back()->c_str();
  o.filters.push_back(f);
}

} // namespace

StatsOptions read_stats_options(const std::string &command,
                                const ParsedArgs &args, int sets) {
  StatsOptions o;
  o.format = read_format(command, args);
  if (args.has("--limit"))
    o.limit = parse_count(command, "--limit", args.last("--limit", ""));
  if (sets & kWithKey) {
    o.key_type = args.last("--key", "lineno");
    if (o.key_type != "lineno" && o.key_type != "filename" &&
        o.key_type != "traceback")
      invalid_value(command, "--key", o.key_type,
                    "lineno, filename or traceback");
    o.cumulative = args.has("--cumulative");
    if (o.cumulative && o.key_type == "traceback")
      usage_error(command, "--cumulative cannot be used with --key traceback");
  }
  if (sets & kWithViews) {
    int views = 0;
    if (args.has("--at-peak"))
      o.view = TRACEALLOC_VIEW_AT_PEAK, ++views;
    if (args.has("--all-time"))
      o.view = TRACEALLOC_VIEW_ALLOCATED, ++views;
    if (args.has("--leaked"))
      o.view = TRACEALLOC_VIEW_LEAKED, ++views;
    if (views > 1)
      usage_error(command,
                  "--at-peak, --all-time and --leaked exclude each other");
  }
  bool all_frames = args.has("--all-frames");
  // Inclusive filters, then exclusive ones: filter_traces keeps a trace
  // that matches some inclusive filter (if any) and no exclusive one, so
  // their order does not matter.
  for (const char *option : {"--include", "--exclude"}) {
    auto it = args.values.find(option);
    if (it == args.values.end())
      continue;
    for (const std::string &v : it->second)
      add_filter(command, o, option, v, option[2] == 'i', all_frames);
  }
  if (args.has("--domain")) {
    uint64_t d = parse_count(command, "--domain", args.last("--domain", ""));
    if (d > UINT32_MAX)
      usage_error(command, "--domain out of range");
    o.has_domain = true;
    o.domain = unsigned(d);
  }
  return o;
}

SnapshotPtr filter_snapshot(SnapshotPtr snapshot, const StatsOptions &o) {
  // The domain first, on its own: filter_traces ORs inclusive filters, and
  // --domain must restrict --include rather than widen it.
  if (o.has_domain) {
    tracealloc_filter domain = {};
    domain.kind = TRACEALLOC_DOMAIN_FILTER;
    domain.inclusive = 1;
    domain.domain = o.domain;
    SnapshotPtr filtered(
        tracealloc_snapshot_filter_traces(snapshot.get(), &domain, 1));
    if (!filtered)
      file_error(tracealloc_last_error());
    snapshot = std::move(filtered);
  }
  if (!o.filters.empty()) {
    SnapshotPtr filtered(tracealloc_snapshot_filter_traces(
        snapshot.get(), o.filters.data(), o.filters.size()));
    if (!filtered)
      file_error(tracealloc_last_error());
    snapshot = std::move(filtered);
  }
  return snapshot;
}

size_t shown_count(const StatsOptions &o, size_t n) {
  return o.limit && o.limit < n ? size_t(o.limit) : n;
}

StatsOptions totals_options(const StatsOptions &o) {
  StatsOptions by_file;
  by_file.view = o.view;
  by_file.key_type = "filename";
  return by_file;
}

const char *view_name(tracealloc_view view) {
  switch (view) {
  case TRACEALLOC_VIEW_IN_USE:
    return "in-use";
  case TRACEALLOC_VIEW_AT_PEAK:
    return "at-peak";
  case TRACEALLOC_VIEW_ALLOCATED:
    return "allocated";
  case TRACEALLOC_VIEW_LEAKED:
    return "leaked";
  }
  return "?";
}

const char *view_title(tracealloc_view view) {
  switch (view) {
  case TRACEALLOC_VIEW_IN_USE:
    return "memory in use";
  case TRACEALLOC_VIEW_AT_PEAK:
    return "memory in use at the peak";
  case TRACEALLOC_VIEW_ALLOCATED:
    return "memory allocated over the run";
  case TRACEALLOC_VIEW_LEAKED:
    return "memory leaked";
  }
  return "?";
}

const char *key_noun(const std::string &key_type) {
  if (key_type == "filename")
    return "files";
  if (key_type == "traceback")
    return "tracebacks";
  return "lines";
}

void require_view(const tracealloc_snapshot &snapshot, const std::string &path,
                  tracealloc_view view) {
  if (tracealloc_snapshot_has_view(&snapshot, view))
    return;
  if (view == TRACEALLOC_VIEW_LEAKED)
    file_error("'" + path +
               "' has no leak-check data (the program ran without "
               "TRACEALLOC_OPTIONS=leak_check=1)");
  // A merge keeps a view only if all its inputs had it.
  file_error("'" + path + "' has no " + view_name(view) + " data");
}

StatisticsPtr view_statistics(const tracealloc_snapshot &snapshot,
                              const std::string &path, const StatsOptions &o) {
  require_view(snapshot, path, o.view);
  StatisticsPtr stats(tracealloc_snapshot_statistics_view(
      &snapshot, o.view, o.key_type.c_str(), o.cumulative));
  if (!stats)
    file_error(std::string("'") + path + "': " + tracealloc_last_error());
  return stats;
}

// --- Text ------------------------------------------------------------------

namespace {

// One of the runtime's snprintf-like formatters, into a std::string.
template <typename F> std::string format_with(F format) {
  char small[512];
  size_t n = format(small, sizeof small);
  if (n < sizeof small)
    return std::string(small, n);
  std::string big(n + 1, '\0');
  format(&big[0], big.size());
  big.resize(n);
  return big;
}

} // namespace

std::string format_size(double size, bool sign) {
  return format_with([&](char *buf, size_t n) {
    return tracealloc_format_size(buf, n, size, sign);
  });
}

std::string format_statistic(const tracealloc_statistic &stat) {
  return format_with([&](char *buf, size_t n) {
    return tracealloc_format_statistic(buf, n, &stat);
  });
}

std::string format_statistic_diff(const tracealloc_statistic_diff &diff) {
  return format_with([&](char *buf, size_t n) {
    return tracealloc_format_statistic_diff(buf, n, &diff);
  });
}

std::string source_line(const tracealloc_frame &frame) {
  char text[4096];
  if (!frame.filename ||
      !tracealloc_source_line(frame.filename, frame.lineno, text, sizeof text))
    return "";
  return text;
}

std::vector<std::string> format_traceback(const tracealloc_traceback &tb) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < tb.nframe; ++i) {
    const tracealloc_frame &f = tb.frames[i];
    std::string line = std::string("  File \"") + f.filename + "\", line " +
                       std::to_string(f.lineno);
    if (f.function && *f.function)
      line += std::string(", in ") + f.function;
    lines.push_back(line);
    std::string source = source_line(f);
    if (!source.empty())
      lines.push_back("    " + source);
  }
  return lines;
}

std::vector<std::string> statistic_details(const std::string &key_type,
                                           const tracealloc_traceback &tb) {
  if (key_type == "traceback")
    return format_traceback(tb);
  std::vector<std::string> lines;
  if (key_type == "lineno" && tb.nframe > 0) {
    std::string source = source_line(tb.frames[0]);
    if (!source.empty())
      lines.push_back("    " + source);
  }
  return lines;
}

std::vector<std::string> describe_snapshot(const tracealloc_snapshot &snapshot,
                                           const std::string &path,
                                           const char *label) {
  tracealloc_snapshot_info info = {};
  tracealloc_snapshot_get_info(&snapshot, &info);
  std::string head = std::string(label) + " " + path;
  if (info.program && *info.program)
    head += std::string(": ") + info.program;
  if (info.pid)
    head += " (pid " + std::to_string(info.pid) + ")";
  if (info.merged > 1)
    head += ", merged from " + std::to_string(info.merged) + " snapshots";
  std::vector<std::string> lines = {head};
  if (info.peak)
    lines.push_back(
        "Traced memory: current=" + format_size(double(info.current), false) +
        ", peak=" + format_size(double(info.peak), false));
  return lines;
}

} // namespace tool
} // namespace tracealloc
