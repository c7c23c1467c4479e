#!/usr/bin/env python3
"""The hostile site, built and scanned; and every input Gloss must refuse, refused.

Usage: test_hostile.py --gloss BIN [--keep] [--output DIR]
1. Copies Tests/site-checks/hostile (every field an attack) to a temporary folder and adds what
   cannot be committed: a canary file outside the site with symbolic links to it (from content/,
   Templates/ and Templates/assets/), a link inside the site (followed), a loop and a broken link,
   and inputs Gloss must process: a 1,000,000-line article, 10,000-level nested lists and block
   quotes, CRLF, lone-CR and BOM files, a file name of 254 bytes. `gloss build` must succeed with a
   warning for each refused link, and `scan_inert.py` must find nothing executable in the output
   and no byte of the canary.
2. Adds, one at a time, inputs that must be refused (an alias bomb, a 50 MB article, NUL bytes,
   UTF-16, an empty and an unreadable file, 10,000-level nested YAML, hostile base_url spellings,
   file names with path characters or look-alike letters, two tags or two slugs or a digest
   that would share a page) and checks `gloss check` exits 1 with the diagnostic, in bounded
   time and memory.
Prints one line per check and 'N passed, M failed'; exits 1 on any failure.
"""
import argparse, os, pathlib, shutil, subprocess, sys, tempfile, threading, time, uuid

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE = HERE / "hostile"
TIME_BOUND = 120        # seconds for any one run: a hang guard, not a speed test (that is `make bench`)
MEMORY_BOUND = 2048     # MiB of peak resident memory for any one run

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def run(command, user=None):
    """Runs a command; returns (status, output, seconds, peak MiB of this run). A signal is status < 0."""
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"] + command
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    chunks = []
    reader = threading.Thread(target=lambda: chunks.append(process.stdout.read()))
    reader.start()
    timer = threading.Timer(TIME_BOUND, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    output = b"".join(chunks).decode("utf-8", "replace")
    if seconds >= TIME_BOUND:
        output += "\n(killed: timed out)"
    return process.returncode, output, seconds, usage.ru_maxrss / 1024


def within_bounds(name, status, seconds, peak, output):
    check(f"{name}: ends by itself, no signal", status >= 0, output[-2000:])
    check(f"{name}: within {TIME_BOUND} s ({seconds:.1f} s)", seconds < TIME_BOUND)
    check(f"{name}: peak memory under {MEMORY_BOUND} MiB ({peak:.0f} MiB)", peak < MEMORY_BOUND)


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def article(title, body="Body.", extra=""):
    return f"---\ntitle: {title}\ndate: 2024-05-01\n{extra}---\n{body}\n"


def prepare(tmp, canary):
    """The hostile site plus what cannot be committed; returns (site, outside)."""
    site = tmp / "site"
    shutil.copytree(FIXTURE, site)
    outside = tmp / "outside"
    write(outside / "secret.txt", canary + "\n")
    write(outside / "secret.md", article(canary, canary))
    write(outside / "folder" / "also-secret.md", article(canary, canary))
    write(outside / "secret.mustache", "<p>" + canary + "</p>{{{body}}}\n")
    links = {
        "content/articles/leak.md": outside / "secret.md",
        "content/articles/outside-folder": outside / "folder",
        "Templates/assets/leak.css": outside / "secret.txt",
        "Templates/article.mustache": outside / "secret.mustache",
        "content/entities/loop": pathlib.Path(".."),
        "content/annotations/broken.md": pathlib.Path("nowhere.md"),
        "content/articles/shared-here.md": pathlib.Path("../../shared/inside.md"),
    }
    for name, target in links.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, site / name)
    write(site / "shared" / "inside.md", article("Shared from inside the site", "Followed: the link stays in the site."))
    # Inputs that must be processed, generated here rather than committed.
    write(site / "content/articles/million-lines.md", article("A million lines", "l\n" * 1_000_000))
    write(site / "content/articles/nested.md",
          article("Ten thousand levels", "- " * 10_000 + "deep list\n\n" + "> " * 10_000 + "deep quote\n\n" + "1. " * 5_000 + "deep ordered\n"))
    write(site / "content/articles/crlf.md", article("CRLF line ends", "One.\n\nTwo.").replace("\n", "\r\n"))
    write(site / "content/articles/lone-cr.md", article("Lone CR line ends", "One.\n\nTwo.").replace("\n", "\r"))
    write(site / "content/articles/bom.md", b"\xef\xbb\xbf" + article("A UTF-8 byte-order mark").encode())
    write(site / "content/articles" / ("a" * 251 + ".md"), article("A file name of 254 bytes"))
    return site, outside


EXPECTED_WARNINGS = [
    "content/articles/leak.md:1:1: warning: symbolic link to ",
    "content/articles/outside-folder:1:1: warning: symbolic link to ",
    "Templates/assets/leak.css:1:1: warning: symbolic link to ",
    "Templates/article.mustache:1:1: warning: symbolic link to ",
    "content/entities/loop:1:1: warning: symbolic link to a folder that holds it (a loop); not read",
    "content/annotations/broken.md:1:1: warning: broken symbolic link; not read",
    "content/articles/script-everywhere.md:5:6: warning: `url` `javascript:",
    "content/articles/2024/obfuscated-urls.md:5:6: warning: `url` ` JaVaScRiPt:",
    "content/articles/2024/control-char-url.md:5:6: warning: `url` `java\\u{9}script:",
    "content/entities/hostile-corp.md:8:10: warning: `links[0].url` `javascript:",
    "content/articles/script-everywhere.md:20:17: warning: link `javascript:",
    "content/articles/script-everywhere.md:22:9: warning: image `javascript:",
    "content/articles/script-everywhere.md:24:12: warning: link `javascript:",
    "content/annotations/script-everywhere/note.md:6:68: warning: link `javascript:",
    "content/digests/hostile-pick.md:5:20: warning: link `javascript:",
    "content/entities/hostile-corp.md:18:33: warning: link `javascript:",
    "content/articles/script-everywhere.md:7:171: warning: text holds control characters (first U+0000); they are removed",
    "content/articles/2024/vbscript-url.md:5:6: warning: text holds control characters (first U+0001); they are removed",
    "content/articles/2024/vbscript-url.md:5:6: warning: `url` `vbscript:msgbox(1)` is not an http",
]

# Each must make `gloss check` exit 1 with this diagnostic: (name, files to add, expected text).
REFUSED = [
    ("a YAML alias bomb", {"content/articles/bomb.md": "---\ntitle: A\ndate: 2024-05-01\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                           + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10)) + "? *a9\n: x\n---\n"},
     "content/articles/bomb.md:9:10: error: YAML expands to more than 100000 values"),
    ("a 50 MB article", {"content/articles/huge.md": article("Huge", "Shinzo Abe met Trump. " * 2_400_000)},
     "content/articles/huge.md:1:1: error: file is 50.3 MiB; Gloss reads files of at most 4 MiB"),
    ("NUL bytes", {"content/articles/nul.md": article("NUL", "a\0b")}, "content/articles/nul.md:1:1: error: file contains NUL bytes"),
    ("UTF-16 (little-endian)", {"content/articles/utf16le.md": article("UTF-16").encode("utf-16")},
     "content/articles/utf16le.md:1:1: error: file is UTF-16"),
    ("UTF-16 (big-endian)", {"content/articles/utf16be.md": b"\xfe\xff" + article("UTF-16").encode("utf-16-be")},
     "content/articles/utf16be.md:1:1: error: file is UTF-16"),
    ("an empty file", {"content/articles/empty.md": ""}, "content/articles/empty.md:1:1: error: file is empty"),
    ("Latin-1 bytes", {"content/articles/latin1.md": article("Caf\xe9").encode("latin-1")},
     "content/articles/latin1.md:2:11: error: file is not valid UTF-8"),
    ("10,000-level nested YAML", {"content/articles/deep-yaml.md": article("Deep", extra="related: " + "[" * 10_000 + "]" * 10_000 + "\n")},
     "content/articles/deep-yaml.md:4:"),
    ("base_url: javascript:", {"gloss.yml": "title: T\nbase_url: javascript:alert(1)\n"}, "gloss.yml:2:11: error: `base_url` must be an absolute http(s) URL"),
    ("base_url with a quote", {"gloss.yml": "title: T\nbase_url: 'https://example.org/\"><script>alert(1)</script>'\n"},
     "gloss.yml:2:11: error: `base_url` must be an absolute http(s) URL"),
    ("base_url with a tab", {"gloss.yml": "title: T\nbase_url: \"https://exa\\tmple.org/\"\n"}, "gloss.yml:2:11: error: `base_url` must be"),
    ("base_url: data:", {"gloss.yml": "title: T\nbase_url: data:text/html,x\n"}, "gloss.yml:2:11: error: `base_url` must be"),
    ("a file name with a backslash", {"content/articles/a\\..\\b.md": article("B")}, "content/articles/a\\..\\b.md:1:1: error: invalid file name"),
    ("a file name with %2F", {"content/articles/a%2F..%2Fb.md": article("B")}, "content/articles/a%2F..%2Fb.md:1:1: error: invalid file name"),
    ("a look-alike letter in a file name", {"content/articles/\u0430be.md": article("B")}, "content/articles/\u0430be.md:1:1: error: invalid file name"),
    ("a decomposed accent in a file name", {"content/articles/cafe\u0301.md": article("B")}, "error: invalid file name"),
    ("a tag of 300 letters", {"content/articles/long-tag.md": article("T", extra="tags: [" + "x" * 300 + "]\n")},
     "content/articles/long-tag.md:4:7: error: `tags`: tag"),
    ("two tags sharing a page", {"content/articles/t1.md": article("T1", extra="tags: [\"C++\"]\n"), "content/articles/t2.md": article("T2", extra="tags: [C]\n")},
     "error: tag `C++` and tag `C`"),
    ("two articles with one slug", {"content/articles/x/dup.md": article("D1"), "content/articles/y/dup.md": article("D2")},
     "content/articles/x/dup.md:1:1: error: duplicate article `dup`: also defined in content/articles/y/dup.md"),
    ("a digest named like another week's", {"content/articles/w20.md": "---\ntitle: W\ndate: 2024-05-15\n---\n",
                                            "content/digests/2024-w20.md": "---\ntitle: D\ndate: 2024-05-01\n---\n"},
     "content/digests/2024-w20.md:1:1: error: this digest is named `2024-w20`"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gloss", default=".build/debug/gloss")
    parser.add_argument("--output", help="where to leave the built hostile site (for the browser test)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    gloss = str(pathlib.Path(args.gloss).resolve())
    canary = "GLOSS-CANARY-" + uuid.uuid4().hex
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="gloss-hostile-"))
    os.chmod(tmp, 0o755)
    try:
        site, _ = prepare(tmp, canary)
        output = pathlib.Path(args.output).resolve() if args.output else tmp / "out"
        status, log, seconds, peak = run([gloss, "build", "--source", str(site), "--output", str(output)])
        check("the hostile site builds (warnings only)", status == 0, log[-3000:])
        within_bounds("building the hostile site", status, seconds, peak, log)
        for expected in EXPECTED_WARNINGS:
            check(f"warns: {expected[:90]}", any(line.startswith(expected) for line in log.splitlines()), log[-1500:])
        check("the canary is named in no diagnostic", canary not in log)
        scan = subprocess.run([sys.executable, str(HERE / "scan_inert.py"), str(output), "--canary", canary], capture_output=True, text=True)
        failures = [line for line in scan.stdout.splitlines() if line.startswith("FAIL")]
        check("scan_inert: nothing executable, nothing from outside", scan.returncode == 0, "\n".join(failures) or scan.stderr[-2000:])
        print(scan.stdout.splitlines()[-1] if scan.stdout else "")
        pages = {p.relative_to(output).as_posix() for p in output.rglob("index.html")}
        check("the link inside the site was followed", "articles/shared-here/index.html" in pages)
        check("the million-line and nested articles were built", {"articles/million-lines/index.html", "articles/nested/index.html"} <= pages)
        tags = sorted(p.name for p in (output / "tags").iterdir() if p.is_dir())
        check("tags differing in case or normalisation are one tag; path characters are not paths",
              tags.count("cafe") == 1 and "etc-passwd" in tags and all("/" not in t and ".." not in t for t in tags), str(tags))
        check("CRLF, lone-CR and BOM articles read alike",
              all("<p>One.</p>" in (output / f"articles/{s}/index.html").read_text() for s in ("crlf", "lone-cr"))
              and (output / "articles/bom/index.html").exists())

        # Inputs that must be refused, one at a time, added to a fresh copy of the hostile site.
        for name, files, expected in REFUSED:
            case = tmp / "case"
            shutil.rmtree(case, ignore_errors=True)
            shutil.copytree(FIXTURE, case)
            for path, content in files.items():
                write(case / path, content)
            status, log, seconds, peak = run([gloss, "check", "--source", str(case)])
            check(f"{name}: exit 1", status == 1, log[-1500:])
            check(f"{name}: says `{expected[:70]}`", expected in log, log[-1500:])
            within_bounds(name, status, seconds, peak, log)

        # An unreadable file: as root nothing is unreadable, so the check runs as nobody.
        case = tmp / "unreadable"
        shutil.copytree(FIXTURE, case)
        write(case / "content/articles/secret.md", article("Unreadable"))
        os.chmod(case / "content/articles/secret.md", 0o000)
        for folder in [case] + [p for p in case.rglob("*") if p.is_dir()]:
            os.chmod(folder, 0o755)
        for file in case.rglob("*.md"):
            if file.name != "secret.md":
                os.chmod(file, 0o644)
        os.chmod(case / "gloss.yml", 0o644)
        user = 65534 if os.geteuid() == 0 and shutil.which("setpriv") else None
        status, log, seconds, peak = run([gloss, "check", "--source", str(case)], user=user)
        check("an unreadable file: exit 1", status == 1, log[-1500:])
        check("an unreadable file: names it", "content/articles/secret.md:1:1: error: cannot read file: Permission denied" in log, log[-1500:])
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
