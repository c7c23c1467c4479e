#!/usr/bin/env python3
"""`make bench`'s comparison with Hugo: the same generated articles built by Gloss and by Hugo,
alternately, to disk and to a tmpfs, in one table of ratios (absolute times drift on a shared
machine; ratios of neighbouring runs do not).

Usage: compare_hugo.py --gloss BIN [--sizes "1000 10000"] [--pairs 3] [--entities 1000] [--notes 5]
                       [--corpus-flags "--words 500 --length-dist uniform"] [--corpus DIR]
                       [--rebuilds 3] [--no-preview] [--work .bench] [--tmpfs /dev/shm]

For each size: generate the corpus (Tests/site-checks/generate_site.py, cached under WORK/corpus
by its arguments), build it once with Gloss (untimed warm-up, whose data/entities.json gives the
Hugo site its entity taxonomy), write the equivalent Hugo site (hugo_site.py), then run Gloss and
Hugo in turn, PAIRS times per target (the order flips every pair), each from an empty output
folder after a sync. Every run is measured from outside with wait4(): wall and CPU time (user +
sys), peak RSS, and the files and bytes the output folder then holds. Then Gloss alone: a rebuild
with no change and a rebuild after editing one article, against the full build; its stage line;
the output's shape; and `gloss serve` (first page served, save → reload event).
--corpus DIR benchmarks an existing Gloss site instead of generating one (sizes are ignored; the
site is left as it was).
Nothing is written outside WORK and the tmpfs folder, which is removed at the end (or, if the run
was killed outright, by the next run).
"""
import argparse, hashlib, os, pathlib, re, shlex, shutil, signal, statistics, subprocess, sys, tempfile, time

from output_shape import OutputShape, snapshot
from preview_probe import probe_preview

REPO = pathlib.Path(__file__).resolve().parents[2]
GENERATOR = REPO / "Tests" / "site-checks" / "generate_site.py"
STAGES = re.compile(r"\((load [^)]*)\)\s*$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gloss", required=True, help="the gloss binary (a release build)")
    ap.add_argument("--hugo", default="hugo")
    ap.add_argument("--sizes", default="1000 10000", help="article counts, e.g. \"1000 10000 50000\"")
    ap.add_argument("--pairs", type=int, default=3, help="Gloss/Hugo pairs per target (at least 3 for a median)")
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--notes", type=int, default=5, help="notes per article")
    ap.add_argument("--corpus-flags", default="", help="more generate_site.py flags: --words, --length-dist, --mentions…")
    ap.add_argument("--corpus", help="an existing Gloss site to benchmark instead of generated ones")
    ap.add_argument("--rebuilds", type=int, default=3, help="no-change and one-edit rebuilds each")
    ap.add_argument("--no-preview", action="store_true", help="skip `gloss serve`")
    ap.add_argument("--work", default=str(REPO / ".bench"))
    ap.add_argument("--tmpfs", default="/dev/shm")
    args = ap.parse_args()
    gloss = str(pathlib.Path(args.gloss).resolve())
    work = pathlib.Path(args.work).resolve()
    remove_orphans(pathlib.Path(args.tmpfs))
    scratch = pathlib.Path(tempfile.mkdtemp(prefix=f"gloss-bench-{os.getpid()}-", dir=args.tmpfs))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))   # still removes the tmpfs folder
    hugo_version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.split()[:2]
    try:
        corpora = [given(pathlib.Path(args.corpus).resolve())] if args.corpus else [
            generate(work, int(size), args) for size in args.sizes.split()]
        for site, label, name in corpora:
            compare(site, label, gloss, args, work / "out" / name, scratch / name, " ".join(hugo_version))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def remove_orphans(tmpfs):
    """Scratch folders of runs that were killed outright (SIGKILL, a restart): their process is gone,
    and the tmpfs holds RAM until they are removed."""
    for folder in tmpfs.glob("gloss-bench-*-*"):
        pid = folder.name.split("-")[2]
        if pid.isdigit() and not pathlib.Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)


def generate(work, size, args):
    """The corpus for `size` articles, generated once per set of arguments."""
    flags = ["--articles", str(size), "--entities", str(args.entities), "--notes", str(args.notes)] + shlex.split(args.corpus_flags)
    sources = b"".join(path.read_bytes() for path in sorted(GENERATOR.parent.glob("*.py")))
    key = hashlib.sha1(sources + " ".join(flags).encode()).hexdigest()[:10]
    folder = work / "corpus" / f"{size}-{key}"
    label = f"{size:,} articles, generate_site.py {' '.join(flags[2:])}"
    if not (folder / "complete").exists():
        print(f"generating {label} …", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        run_checked([sys.executable, str(GENERATOR), str(folder / "site")] + flags)
        (folder / "complete").write_text(" ".join(flags) + "\n")
    return folder / "site", label, folder.name


def given(site):
    """A corpus from elsewhere: an existing Gloss site (its own .gloss-cache is removed before each
    full build, and one article is edited and restored for the rebuild and preview figures)."""
    if not (site / "gloss.yml").exists():
        sys.exit(f"{site} has no gloss.yml")
    return site, f"the site in {site}", "given-" + hashlib.sha1(str(site).encode()).hexdigest()[:10]


def compare(site, label, gloss, args, disk, tmpfs, hugo_version):
    loads = [os.getloadavg()]
    print(f"\n## Gloss vs {hugo_version}: {label}\n", flush=True)
    markdown = corpus_summary(site)
    # Warm-up (untimed): fills the page cache for both tools and gives Hugo Gloss's entity mentions.
    warm = tmpfs / "warm-up"
    run_checked([gloss, "build", "--source", str(site), "--output", str(warm)])
    hugo_site = disk.parent.parent / "hugo-sites" / disk.name
    run_checked([sys.executable, str(REPO / "scripts" / "bench" / "hugo_site.py"), str(site), str(warm), str(hugo_site)])
    shutil.rmtree(warm)
    commands = {
        "gloss": lambda out: [gloss, "build", "--source", str(site), "--output", str(out)],
        "hugo": lambda out: [args.hugo, "--source", str(hugo_site), "--destination", str(out), "--noBuildLock"],
    }
    rows, shapes, stage_lines = [], {}, []
    for pair in range(1, args.pairs + 1):
        for target, root in (("disk", disk), ("tmpfs", tmpfs)):
            for tool in (("gloss", "hugo") if pair % 2 else ("hugo", "gloss")):
                out = root / tool
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(site / ".gloss-cache", ignore_errors=True)   # a full build is a cold build
                loads.append(os.getloadavg())
                run = measure(commands[tool](out))
                shape = OutputShape.of(out)
                run.update(target=target, pair=pair, tool=tool, files=shape.files, bytes=shape.bytes, pages=shape.pages)
                rows.append(run)
                shapes[(tool, target)] = shape
                if tool == "gloss" and target == "disk":
                    stage_lines.append(run["stages"])
    loads.append(os.getloadavg())
    print(markdown)
    print_comparison(rows)
    print_stages(stage_lines)
    print_rebuilds(site, gloss, disk / "gloss", rows, args.rebuilds)
    print_shapes(shapes)
    if not args.no_preview:
        print(probe_preview(gloss, site))
    print(f"\nLoad average (1 min) over the comparison: {min(l[0] for l in loads):.1f}–{max(l[0] for l in loads):.1f} "
          f"on {os.cpu_count()} cores; other processes shared the machine, so compare ratios, not seconds.", flush=True)
    shutil.rmtree(tmpfs, ignore_errors=True)


def measure(command):
    """Runs `command` to completion; its wall and CPU time, peak RSS and Gloss's stage line."""
    os.sync()   # no write-back left over from the previous run
    with tempfile.TemporaryFile() as log:
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n" + "\n".join(text.splitlines()[-20:]))
    stages = STAGES.search(text.strip().splitlines()[-1]) if text.strip() else None
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024,
            "stages": stages.group(1) if stages else ""}


def run_checked(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def corpus_summary(site):
    articles = list((site / "content" / "articles").rglob("*.md"))
    notes = list((site / "content" / "annotations").rglob("*.md")) if (site / "content" / "annotations").exists() else []
    entities = list((site / "content" / "entities").rglob("*.md"))
    words = sum(len(path.read_text(encoding="utf-8").split("\n---", 1)[-1].split()) for path in articles)
    size = sum(path.stat().st_size for path in articles + notes + entities)
    return (f"Corpus: {len(articles):,} articles ({words / max(1, len(articles)):.0f} words each on average), "
            f"{len(entities):,} entities, {len(notes):,} notes; {size / 1e6:.1f} MB of Markdown.\n")


def print_comparison(rows):
    print("| target | pair | tool | wall s | CPU s | files | MB written | peak RSS MB | pages |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    keys = ("wall", "cpu", "files", "bytes", "rss")
    for target in ("disk", "tmpfs"):
        ratios = []
        for pair in sorted({row["pair"] for row in rows}):
            runs = {row["tool"]: row for row in rows if row["target"] == target and row["pair"] == pair}
            for tool in ("gloss", "hugo"):
                r = runs[tool]
                print(f"| {target} | {pair} | {tool} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['files']:,} | "
                      f"{r['bytes'] / 1e6:.1f} | {r['rss'] / 1e6:.0f} | {r['pages']:,} |")
            ratio = {key: runs["gloss"][key] / max(runs["hugo"][key], 1e-9) for key in keys}
            ratios.append(ratio)
            print(f"| {target} | {pair} | **Gloss/Hugo** | {ratio['wall']:.2f} | {ratio['cpu']:.2f} | {ratio['files']:.2f} | "
                  f"{ratio['bytes']:.2f} | {ratio['rss']:.2f} | |")
        median = {key: statistics.median(r[key] for r in ratios) for key in keys}
        print(f"| {target} | median | **Gloss/Hugo** | **{median['wall']:.2f}** | **{median['cpu']:.2f}** | {median['files']:.2f} | "
              f"{median['bytes']:.2f} | **{median['rss']:.2f}** | |")


def print_stages(lines):
    """The median of each stage of Gloss's own summary line, over the full builds to disk."""
    stages = {}
    for line in lines:
        for name, ms in re.findall(r"(\w+) (\d+)", line):
            stages.setdefault(name, []).append(int(ms))
    if stages:
        print("\nGloss's stages (median of the full builds to disk): "
              + ", ".join(f"{name} {statistics.median(values) / 1000:.1f} s" for name, values in stages.items()))


def print_rebuilds(site, gloss, out, rows, count):
    """Rebuilds into the existing disk output, against the full builds (today they are full builds)."""
    if count < 1:
        return
    full = [row for row in rows if row["tool"] == "gloss" and row["target"] == "disk"]
    full_wall = statistics.median(row["wall"] for row in full)
    command = [gloss, "build", "--source", str(site), "--output", str(out)]
    articles = sorted((site / "content" / "articles").rglob("*.md"))
    edited = articles[len(articles) // 2]
    original = edited.read_bytes()
    results = {"no change": [], "one article edited": []}
    # The full builds above were cold (their cache removed, the tmpfs build's last): one build into
    # this output first, so the rebuilds follow a build of the same output, as an editor's do.
    run_checked(command)
    try:
        for attempt in range(count):
            for kind in results:
                if kind == "one article edited":
                    edited.write_bytes(original.rstrip(b"\n") + f" Edited for the benchmark, run {attempt}.\n".encode())
                before = snapshot(out)
                run = measure(command)
                after = snapshot(out)
                run["rewritten"] = sum(1 for path, stamp in after.items() if before.get(path) != stamp)
                results[kind].append(run)
    finally:
        edited.write_bytes(original)
    print(f"\nGloss rebuilds into the existing output on disk ({edited.relative_to(site)} edited):\n")
    print("| build | wall s | CPU s | peak RSS MB | files rewritten | wall / full build |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| full build (median of {len(full)}) | {full_wall:.2f} | {statistics.median(r['cpu'] for r in full):.2f} | "
          f"{statistics.median(r['rss'] for r in full) / 1e6:.0f} | {full[0]['files']:,} | 100% |")
    for kind, runs in results.items():
        wall = statistics.median(r["wall"] for r in runs)
        print(f"| {kind} (median of {len(runs)}) | {wall:.2f} | {statistics.median(r['cpu'] for r in runs):.2f} | "
              f"{statistics.median(r['rss'] for r in runs) / 1e6:.0f} | {statistics.median(r['rewritten'] for r in runs):,.0f} | "
              f"{100 * wall / full_wall:.0f}% |")


def print_shapes(shapes):
    for tool in ("gloss", "hugo"):
        shape = shapes.get((tool, "disk"))
        if shape:
            print(f"\n{tool.capitalize()}'s output: {shape.describe()}")


if __name__ == "__main__":
    main()
