#!/usr/bin/env python3
"""Where a `gloss build` spends its time and memory, stage by stage (load, analyse, render, write).

Usage: profile_build.py --gloss BIN --site DIR [--work DIR] [--frequency 499] [--top 12]
                        [--perf-data FILE --stage-line "load 1, analyse 2, render 3, write 4"]

Runs the build twice into WORK: once under `perf record -g` (frame-pointer call chains; Debian's
linux-perf) and once alone while sampling its resident memory every 20 ms from /proc. Gloss's
own stage line gives each stage's time window, so every perf sample falls in one stage. For each
stage it prints the share of samples, the categories they fall in (a sample counts for every
category on its call chain, so categories overlap), the Gloss functions nearest the leaf (each
sample charged to the innermost Gloss function on its chain, library calls included), and the
leaf symbols (self time). Then peak and end-of-stage RSS per stage. With --perf-data it only
analyses an existing recording.
"""
import argparse, collections, os, pathlib, re, subprocess, sys, tempfile, time

CATEGORIES = [   # (label, regex over demangled frames)
    ("Mustache rendering (swift-mustache)", r"\bMustache\."),
    ("  HTML escaping (String.htmlEscape)", r"htmlEscape"),
    ("  Mustache context lookups (MustacheContext)", r"Mustache\.MustacheContext\."),
    ("TemplateContext.flatten (page models into Mustache values)", r"TemplateContext"),
    ("Mirror reflection", r"Swift\.Mirror|swift_reflectionMirror"),
    ("dynamic casts, conformance lookups", r"swift_dynamicCast|tryCast|swift_conformsToProtocol"),
    ("YAML front matter (Yams)", r"\bYams\."),
    ("  ProcessInfo.environment (from Yams.Parser.Encoding.default)", r"ProcessInfo\.environment"),
    ("  ICU regular expressions (Yams' scalar resolver)", r"icu_\d+::Regex|NSRegularExpression"),
    ("  Codable decoding (YAMLDecoder)", r"Yams\._Decoder|YAMLDecoder|Yams\.\w*Decod"),
    ("libcmark parse/render", r"\bcmark_"),
    ("entity matching", r"EntityMatcher"),
    ("note anchoring", r"NoteAnchor|QuoteAnchor"),
    ("quote extraction", r"QuoteExtractor"),
    ("search index", r"SearchIndex|SearchPostings|SearchDocument|SearchJSON"),
    ("data files (JSON, JSON-LD, feeds)", r"DataExport|AnnotationExport|Feeds"),
    ("file system calls (open, write, close, mkdir, stat, unlink, rename)",
     r"\b(__libc_open64|__GI___libc_open|__libc_write|__GI___libc_write|__close|__libc_close|__GI___close|mkdir|__xstat|stat64|statx|unlink|unlinkat|rename|openat)\b"),
    ("kernel (leaf in the kernel)", None),
    ("malloc/free", r"\b(malloc|free|_int_malloc|_int_free|realloc|cfree|malloc_consolidate|swift_slowAlloc|swift_slowDealloc)\b"),
    ("retain/release", r"swift_(retain|release|bridgeObjectRetain|bridgeObjectRelease|unknownObjectRetain)"),
    ("hashing", r"Hasher"),
    ("exclusivity checks (swift_beginAccess)", r"swift_beginAccess|swift_endAccess"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gloss", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--work", default=tempfile.gettempdir())
    ap.add_argument("--frequency", type=int, default=499)
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--heaptrack", action="store_true", help="also a heaptrack run: the heap at its peak, by Gloss function (slow)")
    ap.add_argument("--perf-data")
    ap.add_argument("--stage-line")
    args = ap.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.perf_data:
        data, stage_line = pathlib.Path(args.perf_data), args.stage_line
    else:
        data = work / "gloss.perf.data"
        stage_line = record(args, work, data)
    stages = parse_stage_line(stage_line)
    print(f"Stage line: {stage_line}\n")
    report_samples(data, stages, args.top, args.frequency)
    if not args.perf_data:
        report_memory(args, work)
    if args.heaptrack:
        report_heap(args, work)


def record(args, work, data):
    out = work / "perf-out"
    subprocess.run(["rm", "-rf", str(out)])
    done = subprocess.run(["perf", "record", "-g", "-F", str(args.frequency), "-o", str(data), "--",
                           args.gloss, "build", "--source", args.site, "--output", str(out)], capture_output=True, text=True)
    lines = [line for line in done.stderr.splitlines() if line.startswith("built ")]
    if done.returncode != 0 or not lines:
        sys.exit(done.stderr[-3000:])
    subprocess.run(["rm", "-rf", str(out)])
    return lines[-1]


def parse_stage_line(line):
    """[(stage, start ms, end ms)] from Gloss's `(load 1, analyse 2, render 3, write 4)`."""
    inner = re.search(r"\((load [^)]*)\)", line or "")
    if not inner:
        sys.exit(f"no stage line in {line!r}")
    stages, start = [], 0
    for name, ms in re.findall(r"(\w+) (\d+)", inner.group(1)):
        stages.append((name, start, start + int(ms)))
        start += int(ms)
    return stages


def samples(data):
    """(time s, [demangled frames, leaf first]) of every sample of the gloss process."""
    script = subprocess.Popen(["perf", "script", "-i", str(data), "-F", "comm,tid,time,ip,sym"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    demangled = subprocess.Popen(["swift-demangle"], stdin=script.stdout, stdout=subprocess.PIPE, text=True)
    header, frames = None, []
    for line in demangled.stdout:
        line = line.rstrip("\n")
        if not line.strip():
            if header is not None:
                yield header, frames
            header, frames = None, []
        elif not line.startswith("\t") and not line.startswith(" "):
            found = re.search(r"\s(\d+\.\d+):\s*$", line)
            header = float(found.group(1)) if found else None
        else:
            parts = line.strip().split(" ", 1)
            frames.append((parts[0] + " " + (parts[1] if len(parts) > 1 else "")) if parts[0].startswith("ffffffff") else
                          (parts[1] if len(parts) > 1 else parts[0]))
    if header is not None:
        yield header, frames


def report_samples(data, stages, top, frequency):
    patterns = [(label, re.compile(regex) if regex else None) for label, regex in CATEGORIES]
    per_stage = {name: {"n": 0, "cat": collections.Counter(), "own": collections.Counter(), "leaf": collections.Counter()}
                 for name, _, _ in [("whole build", 0, 0)] + stages + [("before/after", 0, 0)]}
    start, total = None, 0
    for at, frames in samples(data):
        if not frames:
            continue
        start = at if start is None else start
        ms = (at - start) * 1000
        name = next((stage for stage, lo, hi in stages if lo <= ms < hi), "before/after")
        total += 1
        names = [simplify(frame) for frame in frames]
        owner = next((name for name in names if re.match(r"(closure in )*g?Gloss\w*\.|gloss\.", name)), None)
        for bucket in (per_stage[name], per_stage["whole build"]):
            bucket["n"] += 1
            for label, pattern in patterns:
                if (pattern.search("\n".join(names)) if pattern else frames[0].startswith("ffffffff")):
                    bucket["cat"][label] += 1
            bucket["leaf"][names[0]] += 1
            bucket["own"][owner or "(no Gloss frame: runtime, libraries, threads)"] += 1
    print(f"{total:,} samples ({total / frequency:.1f} s of CPU at {frequency} Hz). Share of all samples by stage (CPU, "
          "not wall time: stages run on all cores), then within each stage:\n")
    for name, bucket in per_stage.items():
        if not bucket["n"]:
            continue
        n = bucket["n"]
        wall = next((f", {(hi - lo) / 1000:.1f} s wall" for stage, lo, hi in stages if stage == name), "")
        print(f"### {name}: {100 * n / total:.1f}% of samples ({n / frequency:.1f} s CPU{wall})\n")
        print("categories (overlapping): " + "; ".join(f"{label.strip()} {100 * count / n:.1f}%" for label, count in
                                                       sorted(bucket["cat"].items(), key=lambda item: -item[1])) + "\n")
        for title, counter in (("innermost Gloss function (library calls included)", bucket["own"]), ("leaf symbol (self)", bucket["leaf"])):
            print(f"| {title} | share of stage |\n|---|---:|")
            for symbol, count in counter.most_common(top):
                print(f"| `{symbol}` | {100 * count / n:.1f}% |")
            print()


def simplify(frame, width=120):
    """`GlossRender.SiteRenderer.render` from a demangled frame: generic arguments, specialisation
    and thunk prefixes, signatures and return types removed; closures named by their function."""
    text = frame
    while True:
        shorter = re.sub(r"<[^<>]*>", "", text)
        if shorter == text:
            break
        text = shorter
    closures = ""
    while True:
        text = re.sub(r"^((merged|function signature|generic|partial apply forwarder for|reabstraction thunk helper)\s+)*"
                      r"(specialization\s+of\s+)?", "", text)
        text = re.sub(r"^(static|protocol witness for)\s+", "", text)
        closure = re.match(r"^(implicit )?closure #\d+ .*? in (?=\S)", text)
        if not closure:
            break
        closures += "closure in "
        text = text[closure.end():]
    text = re.sub(r"\(extension in \w+\):", "", text)
    text = re.sub(r"\((\w+) in _[0-9A-F]+\)", r"\1", text)   # private names
    text = re.split(r"[ (]", text, 1)[0] if not text.startswith("ffffffff") else text.split(" ", 1)[-1]
    text = closures + text
    return text if len(text) <= width else text[:width - 1] + "…"


def report_memory(args, work):
    """Resident memory sampled from /proc while an unprofiled build runs."""
    out = work / "rss-out"
    subprocess.run(["rm", "-rf", str(out)])
    started = time.monotonic()
    process = subprocess.Popen([args.gloss, "build", "--source", args.site, "--output", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    timeline = []
    while process.poll() is None:
        try:
            status = pathlib.Path(f"/proc/{process.pid}/status").read_text()
            rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024
            timeline.append(((time.monotonic() - started) * 1000, rss))
        except (OSError, AttributeError):
            pass
        time.sleep(0.02)
    _, err = process.communicate()
    subprocess.run(["rm", "-rf", str(out)])
    line = next((l for l in err.splitlines() if l.startswith("built ")), "")
    stages = parse_stage_line(line)
    print(f"Memory (a second, unprofiled build: {line})\n\n| stage | peak RSS MB | RSS at its end MB |\n|---|---:|---:|")
    for name, lo, hi in stages:
        inside = [rss for ms, rss in timeline if lo <= ms < hi] or [0]
        end = [rss for ms, rss in timeline if ms < hi][-1:] or [0]
        print(f"| {name} | {max(inside) / 1e6:.0f} | {end[0] / 1e6:.0f} |")
    print(f"| whole build | {max(rss for _, rss in timeline) / 1e6:.0f} | |")


def report_heap(args, work):
    """The heap at its peak (heaptrack), charged to the innermost Gloss function that allocated it."""
    out, data = work / "heaptrack-out", work / "gloss.heaptrack"
    subprocess.run(["rm", "-rf", str(out)])
    subprocess.run(["heaptrack", "-o", str(data), args.gloss, "build", "--source", args.site, "--output", str(out)],
                   capture_output=True)
    subprocess.run(["rm", "-rf", str(out)])
    recorded = next(work.glob("gloss.heaptrack*"))
    stacks = work / "heap-peak-stacks.txt"
    subprocess.run(["heaptrack_print", "-f", str(recorded), "--print-peaks", "0", "--print-allocators", "0",
                    "--print-temporary", "0", "--print-leaks", "0", "--print-flamegraph", str(stacks),
                    "--flamegraph-cost-type", "peak"], capture_output=True)
    owners, total = collections.Counter(), 0
    for line in stacks.read_text(errors="replace").splitlines():
        stack, _, cost = line.rpartition(" ")
        total += int(cost)
        owner = next((frame for frame in reversed(stack.split(";")) if re.search(r"\(Gloss\w*\.swift\)|\(\w+\.swift\)", frame)
                      and "Gloss" in frame), "(no Gloss frame)")
        owners[owner] += int(cost)
    names = subprocess.run(["swift-demangle"], input="\n".join(owners), capture_output=True, text=True).stdout.splitlines()
    print(f"\nHeap at its peak (heaptrack): {total / 1e6:.0f} MB, by the innermost Gloss function that allocated it\n")
    print("| function (file) | MB at peak |\n|---|---:|")
    for (owner, cost), name in sorted(zip(owners.items(), names), key=lambda item: -item[0][1])[:args.top]:
        file = re.search(r"\((\w+\.swift)\)", owner)
        print(f"| `{simplify(name)}` ({file.group(1) if file else '?'}) | {cost / 1e6:.1f} |")


if __name__ == "__main__":
    main()
