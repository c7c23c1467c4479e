#!/usr/bin/env python3
"""Seconds-long checks of `make bench`'s Python: the corpus generator keeps its promises (same
arguments, same bytes; a smaller corpus is a prefix of a larger one; every note's passage occurs
exactly once in its article; --desks is deterministic too), hugo_site.py writes the same articles,
tags, entities and notes that Gloss built, and compare_hugo.py's table computes each pair's ratios
and their median. Nothing here is timed.

Usage: test_bench_harness.py --gloss BIN
"""
import argparse, contextlib, hashlib, io, json, pathlib, re, subprocess, sys, tempfile

REPO = pathlib.Path(__file__).resolve().parents[2]
GENERATOR = REPO / "Tests" / "site-checks" / "generate_site.py"
sys.path.insert(0, str(REPO / "scripts" / "bench"))
from compare_hugo import print_comparison  # noqa: E402

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)


def generate(folder, *flags):
    subprocess.run([sys.executable, str(GENERATOR), str(folder), "--entities", "24", "--notes", "3", "--words", "300", *flags],
                   check=True, stdout=subprocess.DEVNULL)
    return {str(path.relative_to(folder)): hashlib.sha1(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    head, body = text[4:].split("\n---\n", 1)
    return head, body


def check_generator(tmp):
    first = generate(tmp / "a", "--articles", "30")
    again = generate(tmp / "b", "--articles", "30")
    check("generate_site.py: same arguments, same bytes", first == again and len(first) > 30,
          f"{len(set(first.items()) ^ set(again.items()))} files differ")
    smaller = generate(tmp / "c", "--articles", "12")
    check("generate_site.py: 12 articles are a prefix of 30", all(first.get(path) == digest for path, digest in smaller.items()),
          ", ".join(path for path, digest in smaller.items() if first.get(path) != digest)[:300])
    bad = []
    for note in sorted((tmp / "a" / "content" / "annotations").rglob("*.md")):
        quote = re.search(r'^quote: "(.*)"$', note.read_text(encoding="utf-8"), re.M).group(1)
        article = next((tmp / "a" / "content" / "articles").rglob(note.parent.name + ".md"))
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)|[*`]", r"\1", front_matter(article)[1]).lower()
        if plain.count(quote.lower()) != 1:
            bad.append(f"{note.parent.name}: {quote!r} occurs {plain.count(quote.lower())} times")
    notes = list((tmp / "a" / "content" / "annotations").rglob("*.md"))
    check("generate_site.py: every note's passage occurs once in its article", notes and not bad, "; ".join(bad[:3]))
    desks = generate(tmp / "d", "--articles", "30", "--desks", "4")
    check("generate_site.py --desks: deterministic and different from no desks",
          desks == generate(tmp / "e", "--articles", "30", "--desks", "4") and desks != first)


def check_hugo_site(tmp, gloss):
    site, output, hugo = tmp / "a", tmp / "a-built", tmp / "a-hugo"
    subprocess.run([gloss, "build", "--source", str(site), "--output", str(output)], check=True, capture_output=True)
    subprocess.run([sys.executable, str(REPO / "scripts" / "bench" / "hugo_site.py"), str(site), str(output), str(hugo)],
                   check=True, stdout=subprocess.DEVNULL)
    mentioned = {}
    for entity in json.loads((output / "data" / "entities.json").read_text(encoding="utf-8")):
        for mention in entity.get("mentions", []):
            mentioned.setdefault(mention["article"], set()).add(entity["slug"])
    problems = []
    articles = sorted((site / "content" / "articles").rglob("*.md"))
    for path in articles:
        copy = hugo / "content" / "articles" / path.name
        front, body = copy.read_text(encoding="utf-8").split("\n", 1)
        fields = json.loads(front)
        if body != front_matter(path)[1]:
            problems.append(f"{path.name}: body differs")
        if set(fields["entities"]) != mentioned.get(path.stem, set()) or not fields["entities"]:
            problems.append(f"{path.name}: entities {fields['entities'][:3]}… not Gloss's")
        if len(fields["notes"]) != len(list((site / "content" / "annotations" / path.stem).glob("*.md"))):
            problems.append(f"{path.name}: {len(fields['notes'])} notes")
        tags = re.search(r"^tags: \[(.*)\]$", front_matter(path)[0], re.M).group(1).split(", ")
        if fields["tags"] != tags:
            problems.append(f"{path.name}: tags {fields['tags']} != {tags}")
    entities = list((hugo / "content" / "entities").glob("*/_index.md"))
    check("hugo_site.py: the same bodies, tags, notes and Gloss's entities",
          not problems and len(entities) == 24 and len(list((hugo / "content" / "articles").glob("article-*.md"))) == len(articles),
          "; ".join(problems[:4]))


def check_table():
    rows = []
    for pair, (gloss_wall, hugo_wall) in enumerate([(2.0, 4.0), (3.0, 3.0), (1.0, 4.0)], start=1):
        for tool, wall in (("gloss", gloss_wall), ("hugo", hugo_wall)):
            for target in ("disk", "tmpfs"):
                rows.append({"target": target, "pair": pair, "tool": tool, "wall": wall, "cpu": wall * 2,
                             "files": 10 if tool == "gloss" else 20, "bytes": 1e6, "rss": 50e6, "pages": 10})
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_comparison(rows)
    lines = out.getvalue().splitlines()
    ratios = [line.split("|")[4].strip() for line in lines if "| disk |" in line and "Gloss/Hugo" in line]
    check("compare_hugo.py: ratio per pair and the median", ratios == ["0.50", "1.00", "0.25", "**0.50**"], str(ratios))
    check("compare_hugo.py: one row per run and ratio, both targets", len(lines) == 2 + 2 * (3 * 3 + 1), str(len(lines)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gloss", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="gloss-bench-test-") as folder:
        tmp = pathlib.Path(folder)
        check_generator(tmp)
        check_hugo_site(tmp, str(pathlib.Path(args.gloss).resolve()))
    check_table()
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
