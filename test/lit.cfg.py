# test/lit.cfg.py - the TraceAlloc lit suite: formats, substitutions, features.
#
# Loaded by the lit.site.cfg.py that CMake writes into <build>/test; run the
# suite as `lit <build>/test` (or one test: `lit <build>/test/e2e/foo.c`).

import os
import shutil

import lit.formats

if not hasattr(config, "tracealloc_obj_root"):
    lit_config.fatal(
        "run lit on the build tree (lit <build>/test), not on the source tree")

config.name = "TraceAlloc"
# RUN lines run under bash (with pipefail), so tests may use any shell syntax.
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".ll", ".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py", "README.md"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tracealloc_obj_root, "test")

# --- Substitutions (longest first: lit applies them in order) -------------
config.substitutions.append(("%tracealloc_cxx",
                             os.path.join(config.tracealloc_bin_dir, "tracealloc-clang++")))
config.substitutions.append(("%tracealloc_cc",
                             os.path.join(config.tracealloc_bin_dir, "tracealloc-clang")))
# The command-line tool (after its longer-named siblings: lit substitutes
# in order).
config.substitutions.append(("%tracealloc",
                             os.path.join(config.tracealloc_bin_dir, "tracealloc")))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%opt", config.opt))
config.substitutions.append(("%plugin", config.tracealloc_plugin))
config.substitutions.append(("%rtlib", config.tracealloc_lib_dir))
config.substitutions.append(("%include", config.tracealloc_include_dir))
config.substitutions.append(("%cmake", config.cmake))
# ctest and cpack of the same CMake (test/integration).
for tool in ("ctest", "cpack"):
    config.substitutions.append(("%" + tool, os.path.join(os.path.dirname(config.cmake), tool)))
config.substitutions.append(("%obj_root", config.tracealloc_obj_root))
config.substitutions.append(("%src_root", config.tracealloc_src_root))
config.substitutions.append(("%llvm_major", str(config.llvm_version_major)))
# What a program compiled with plain %clang needs to link against a runtime
# built with TRACEALLOC_SANITIZER (the wrappers add it themselves).
sanitize_flags = ""
if config.tracealloc_sanitizer:
    sanitize_flags = "-fsanitize=%s -shared-libsan -Wl,-rpath,%s" % (
        config.tracealloc_sanitizer, config.tracealloc_sanitizer_libdir)
config.substitutions.append(("%sanitize_flags", sanitize_flags))

# --- Features ----------------------------------------------------------
config.available_features.add("llvm-%d" % config.llvm_version_major)
# Another supported LLVM's clang, to load this build's plugin into the wrong
# compiler (test/tools/wrong-llvm.test).
for other in (22, 21, 20, 19):
    other_clang = "/usr/lib/llvm-%d/bin/clang" % other
    if other != config.llvm_version_major and os.path.exists(other_clang):
        config.available_features.add("other-llvm")
        config.substitutions.append(("%other_clang", other_clang))
        config.substitutions.append(("%other_llvm_major", str(other)))
        break
# Build systems and tools the integration tests drive (test/integration),
# each a feature when installed: scripts/install-deps.sh installs them all.
for feature, programs in [("gcc", ["gcc", "g++"]), ("make", ["make"]),
                          ("pkg-config", ["pkg-config"]),
                          ("autotools", ["autoreconf", "automake", "libtoolize", "make"]),
                          ("meson", ["meson", "ninja"]),
                          ("gold", ["ld.gold"]),
                          ("dpkg", ["dpkg-deb", "dpkg-shlibdeps"])]:
    if all(shutil.which(p) for p in programs):
        config.available_features.add(feature)
# The real consumers of `tracealloc export` (test/export): go tool pprof and
# headless Chromium.
if shutil.which("go"):
    config.available_features.add("go-pprof")
if os.path.exists("/usr/bin/chromium"):
    config.available_features.add("chromium")
# The selected LLVM's lld, which clang -fuse-ld=lld runs.
if os.path.exists(os.path.join(config.llvm_tools_dir, "ld.lld")):
    config.available_features.add("lld")

# The snapshot loader's fuzz target (tools/fuzz), built when the compiler
# has libFuzzer.
snapshot_fuzzer = os.path.join(config.tracealloc_bin_dir,
                               "tracealloc-snapshot-fuzzer")
if os.path.exists(snapshot_fuzzer):
    config.available_features.add("libfuzzer")
    config.substitutions.append(("%snapshot_fuzzer", snapshot_fuzzer))
sanitizer_features = {"thread": "tsan", "address": "asan"}
if config.tracealloc_sanitizer:
    if config.tracealloc_sanitizer not in sanitizer_features:
        lit_config.fatal("unknown TRACEALLOC_SANITIZER '%s'" % config.tracealloc_sanitizer)
    config.available_features.add(sanitizer_features[config.tracealloc_sanitizer])
    config.available_features.add("sanitizer")

# --- Environment -------------------------------------------------------
# FileCheck, not, count, llvm-readelf ... of the selected LLVM come first,
# then the wrappers; Debian's /usr/bin/clang (an older release) never wins.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.tracealloc_bin_dir,
     config.environment.get("PATH", os.environ.get("PATH", ""))])

# Hermetic runs: the runtime and the wrappers read only what a test sets.
for var in ["TRACEALLOC_OPTIONS", "TRACEALLOC_WRAPPER_VERBOSE"]:
    config.environment.pop(var, None)

# Sanitizer builds: programs test malloc failure (malloc(SIZE_MAX) returns
# null), and leave blocks live on purpose (the "in use at exit" report).
def add_sanitizer_options(var, defaults):
    options = config.environment.get(var, "")
    for option in defaults:
        if option.split("=")[0] not in options:
            options = ":".join(o for o in [options, option] if o)
    config.environment[var] = options

if config.tracealloc_sanitizer == "address":
    add_sanitizer_options("ASAN_OPTIONS",
                          ["allocator_may_return_null=1", "detect_leaks=0"])
elif config.tracealloc_sanitizer == "thread":
    add_sanitizer_options("TSAN_OPTIONS", ["allocator_may_return_null=1"])
