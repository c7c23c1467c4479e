#!/usr/bin/env python3
"""Runs Gloss's libFuzzer targets (Sources/GlossFuzz) for a bounded time each, from the committed
seed corpus, and fails on any crash, sanitizer report, broken promise or hang.

Usage: run_fuzzers.py BINARY --seconds S [--parallel N] [TARGET...]   (default: every target)
BINARY is GlossFuzz built with --sanitize=address --sanitize=fuzzer (make fuzz builds it; swiftc 6.3
drops coverage when address comes second, and a run without coverage fails here).
Inputs that add coverage go to .build-fuzz/corpus/TARGET (kept between runs, never committed);
a crash input goes to .build-fuzz/artifacts/, with the command that replays it. Every run is
appended to .build-fuzz/fuzz-log.tsv, from which the totals (executions, hours) are printed.
"""
import argparse, concurrent.futures, os, pathlib, re, subprocess, sys, time

HERE = pathlib.Path(__file__).resolve().parent
TARGETS = ["frontmatter", "markdown", "search", "import-text", "import-html", "import-feed", "import-csv", "import-jsonl"]
DICTIONARIES = {"frontmatter": "yaml", "markdown": "markdown", "import-html": "html", "import-feed": "xml",
                "import-csv": "csv", "import-jsonl": "json"}


def run(binary, target, seconds, scratch):
    corpus = scratch / "corpus" / target
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts = scratch / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    command = [str(binary), f"-max_total_time={seconds}", "-print_final_stats=1", "-timeout=30", "-rss_limit_mb=3072",
               f"-artifact_prefix={artifacts}/{target}-", str(corpus), str(HERE / "corpus" / target)]
    if target in DICTIONARIES:
        command.insert(1, f"-dict={HERE / 'dict' / (DICTIONARIES[target] + '.dict')}")
    # SWIFT_BACKTRACE: libFuzzer and ASan report a crash; the Swift runtime's own backtracer would
    # race them for the dying process.
    env = dict(os.environ, GLOSS_FUZZ_TARGET=target, SWIFT_BACKTRACE="enable=no")
    # Leaks: the toolchain's own (Tests/sanitizers/lsan.supp) would be reported after every input
    # that reads an empty file; `make sanitizers` checks leaks in the test suite instead.
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
    started = time.monotonic()
    # To a file, not a pipe: a symbolizer that outlives a crashing run would hold a pipe open.
    log_path = scratch / f"{target}.log"
    with open(log_path, "w") as log_file:
        result = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT)
    elapsed = time.monotonic() - started
    log = log_path.read_text(errors="replace")
    stats = {key: int(value) for key, value in re.findall(r"stat::(\w+):\s+(\d+)", log)}
    crash = re.search(r"Test unit written to (\S+)", log)
    # Without coverage libFuzzer mutates blindly and can never find anything: not a pass.
    blind = "Is the code instrumented for coverage?" in log
    return {"target": target, "status": result.returncode, "seconds": elapsed, "log": log,
            "executions": stats.get("number_of_executed_units", 0), "per_second": stats.get("average_exec_per_sec", 0),
            "new": stats.get("new_units_added", 0), "rss": stats.get("peak_rss_mb", 0),
            "corpus": len(os.listdir(corpus)), "crash": crash.group(1) if crash else None, "blind": blind}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--parallel", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--scratch", default=".build-fuzz")
    ap.add_argument("targets", nargs="*")
    args = ap.parse_intermixed_args()
    targets = args.targets or TARGETS
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        sys.exit(f"unknown targets {unknown}; known: {TARGETS}")
    scratch = pathlib.Path(args.scratch).resolve()
    binary = pathlib.Path(args.binary).resolve()
    print(f"fuzzing {len(targets)} targets for {args.seconds} s each, {args.parallel} at a time", flush=True)
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.parallel) as pool:
        results = list(pool.map(lambda t: run(binary, t, args.seconds, scratch), targets))
    wall = time.monotonic() - started

    failed = False
    with open(scratch / "fuzz-log.tsv", "a") as history:
        for r in results:
            ok = r["status"] == 0 and not r["crash"] and not r["blind"]
            failed |= not ok
            history.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')}\t{r['target']}\t{r['seconds']:.0f}\t{r['executions']}\t{'ok' if ok else 'FAILED'}\n")
            print(f"  {r['target']:<13} {'ok' if ok else 'FAILED':<6} {r['executions']:>9} runs in {r['seconds']:5.0f} s "
                  f"({r['per_second']}/s), corpus {r['corpus']} (+{r['new']}), peak RSS {r['rss']} MB", flush=True)
            if r["blind"]:
                print("      libFuzzer found no coverage: the binary was built without the fuzzer's instrumentation")
            if not ok:
                lines = r["log"].splitlines()
                first = next((i for i, line in enumerate(lines) if re.search(r"ERROR|Fatal error|broken promise|==\d+==|deadly signal|timeout", line)), max(0, len(lines) - 40))
                print("\n".join("      " + line for line in lines[first:first + 40]))
                if r["crash"]:
                    print(f"    replay: GLOSS_FUZZ_TARGET={r['target']} {binary} {r['crash']}")
                    print(f"    (or without sanitizers: swift build --product GlossFuzz && .build/debug/GlossFuzz {r['target']} {r['crash']})")
    print(f"fuzzing took {wall:.0f} s: {sum(r['executions'] for r in results)} runs", flush=True)

    total_runs = total_seconds = 0
    for line in (scratch / "fuzz-log.tsv").read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            total_seconds += int(parts[2])
            total_runs += int(parts[3])
    print(f"fuzzed in this build folder so far: {total_runs} runs, {total_seconds / 3600:.2f} target-hours", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
