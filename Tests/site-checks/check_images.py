#!/usr/bin/env python3
"""Checks the pictures of a built Gloss site the way a reader's browser and a privacy review see them.

Usage: check_images.py SITE_DIR [--source SITE_SOURCE]
Checks, with exiftool (Debian libimage-exiftool-perl) reading every published picture:
- no picture carries a GPS position, and resized copies carry no EXIF, XMP, IPTC or ICC at all;
- every <img> and <source> in every page: alt text, width and height in the picture's own
  proportions, a loading attribute, and each srcset candidate's "NNNw" equal to its file's width,
  never wider than 1,600 pixels;
- published SVG files hold no script, event handler, javascript: URL or outside reference;
- with --source: no picture from content/ is published as it was (originals keep their metadata);
  an article `gloss import` made from a page saved with its files shows those pictures from its own
  folder (copied, resized, without GPS), never from the publisher's server.
Prints one line per failure and a closing 'N passed, M failed' line; exits 1 on any failure.
"""
import argparse, hashlib, json, pathlib, re, subprocess, sys, urllib.parse
from html.parser import HTMLParser

RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif", ".tif", ".tiff"}
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag in ("img", "source"):
            self.images.append((tag, dict(attrs)))


def exif(files):
    """exiftool's view of each file: every tag, grouped (-G), numbers as numbers."""
    if not files:
        return {}
    out = subprocess.run(["exiftool", "-json", "-G", "-n", "-a", *map(str, files)], capture_output=True, text=True)
    return {pathlib.Path(entry["SourceFile"]).resolve(): entry for entry in json.loads(out.stdout or "[]")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--source")
    args = ap.parse_args()
    site = pathlib.Path(args.site).resolve()
    pictures = sorted(p for p in site.rglob("*") if p.suffix.lower() in RASTER)
    tags = exif(pictures)
    check(f"exiftool read {len(pictures)} published pictures", len(tags) == len(pictures) and pictures)

    located = [str(p.relative_to(site)) for p, t in tags.items() if any(k.split(":")[-1].startswith("GPS") for k in t)]
    check("no published picture carries a GPS position", not located, ", ".join(located[:20]))
    copies = [p for p in tags if re.search(r"-\d+\.[a-z]+$", p.name)]
    metadata = ("EXIF", "XMP", "IPTC", "ICC_Profile")
    carrying = [f"{p.relative_to(site)} ({sorted({k.split(':')[0] for k in tags[p] if k.split(':')[0] in metadata})})"
                for p in copies if any(k.split(":")[0] in metadata for k in tags[p])]
    check(f"{len(copies)} resized copies carry no EXIF, XMP, IPTC or ICC metadata", copies and not carrying, "; ".join(carrying[:20]))

    def size(p):
        """(width, height) from the Composite:ImageSize exiftool works out for every format."""
        parts = str(tags.get(p, {}).get("Composite:ImageSize", "0 0")).replace("x", " ").split()
        return (int(float(parts[0])), int(float(parts[-1]))) if len(parts) == 2 else (0, 0)
    width = lambda p: size(p)[0]
    height = lambda p: size(p)[1]
    problems = []
    count = 0
    for page in sorted(site.rglob("*.html")):
        parser = Images()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.images:
            count += 1
            where = f"{page.relative_to(site)} <{tag} {attrs.get('src') or attrs.get('srcset', '')[:60]}>"
            if tag == "img":
                if "alt" not in attrs:
                    problems.append(f"{where}: no alt")
                if attrs.get("loading") not in ("lazy", "eager"):
                    problems.append(f"{where}: no loading attribute")
                src = attrs.get("src", "")
                if urllib.parse.urlsplit(src).scheme:
                    continue
                file = (page.parent / urllib.parse.unquote(src)).resolve()
                if file.suffix.lower() in RASTER and file.exists():
                    if not (attrs.get("width") and attrs.get("height")):
                        problems.append(f"{where}: no width/height")
                    else:
                        w, h = int(attrs["width"]), int(attrs["height"])
                        fw, fh = int(width(file) or 0), int(height(file) or 0)
                        if fw and abs(w * fh - h * fw) > max(w, h) * 2:
                            problems.append(f"{where}: width/height {w}×{h} not in the file's proportions {fw}×{fh}")
            for candidate in filter(None, (c.strip() for c in attrs.get("srcset", "").split(","))):
                url, _, descriptor = candidate.partition(" ")
                file = (page.parent / urllib.parse.unquote(url)).resolve()
                if not file.exists():
                    problems.append(f"{where}: srcset file {url} missing")
                    continue
                if descriptor.endswith("w"):
                    said, real = int(descriptor[:-1]), int(width(file) or 0)
                    if said != real:
                        problems.append(f"{where}: {url} says {said}w but is {real} px wide")
                    if real > 1600:
                        problems.append(f"{where}: {url} is {real} px wide (more than 1,600)")
    check(f"{count} <img>/<source> elements: alt, size, loading, srcset widths", count and not problems, "\n  ".join(problems[:30]))

    unsafe = []
    for svg in sorted(site.rglob("*.svg")):
        text = svg.read_text(encoding="utf-8", errors="replace").lower()
        if "<script" in text or re.search(r"\son[a-z]+\s*=", text) or "javascript:" in text or re.search(r"href=\"(https?:)?//", text) \
                or "<foreignobject" in text:
            unsafe.append(str(svg.relative_to(site)))
    check("published SVG files hold no script, handler or outside reference", not unsafe, ", ".join(unsafe))

    if args.source:
        source = pathlib.Path(args.source).resolve() / "content"
        digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()
        files = [p for p in source.rglob("*") if p.suffix.lower() in RASTER]
        source_tags = exif(files)
        # Originals with metadata (a camera's EXIF, XMP): none may be published byte for byte.
        originals = {digest(p): p for p in files if any(k.split(":")[0] in metadata for k in source_tags.get(p.resolve(), {}))}
        leaked = [f"{p.relative_to(site)} is {originals[digest(p)].relative_to(source)}" for p in pictures if digest(p) in originals]
        check(f"none of {len(originals)} original pictures with metadata in content/ is published as it was", originals and not leaked,
              "; ".join(leaked[:10]))

        imported = sorted(p.parent for p in source.rglob("index.md") if "source: \"Riverton Post\"" in p.read_text(encoding="utf-8"))
        for folder in imported:
            page = next(site.rglob(f"{folder.name}/index.html"), site / "missing")  # an article's URL is its slug
            parser = Images()
            parser.feed(page.read_text(encoding="utf-8") if page.exists() else "")
            sources = [a.get("src", "") for t, a in parser.images if t == "img"]
            copied = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in RASTER)
            check(f"imported {folder.relative_to(source)} shows its {len(copied)} saved pictures from its own folder",
                  len(copied) >= 2 and len(sources) >= len(copied) and not any(urllib.parse.urlsplit(s).scheme for s in sources),
                  f"copied {copied}, <img src> {sources}")

    print(f"image checks: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
