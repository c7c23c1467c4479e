#!/usr/bin/env python3
"""Writes a site that exercises pictures and files beside content, for the site checks.

Usage: generate_image_site.py DIR [--gloss GLOSS]
Every picture is made here with libvips's command line (Debian libvips-tools) and exiftool
(libimage-exiftool-perl): camera JPEGs carrying a GPS position, an artist, a comment and an EXIF
orientation, a PNG chart, a WebP, an animated GIF, HEIC and AVIF phone photos, an SVG with a
script, a PDF; page folders and loose files, a static/ folder with a located photo, notes, an
entity description and a digest introduction with images. Nothing outside is fetched.
With --gloss, a page saved by a browser with its files folder (DIR-saved/, a located camera photo
and a chart in `Harbour ferries_files/`) is brought in by `gloss import`, which copies its pictures
into the article's page folder (content/articles/2024/ferries-return-to-the-old-harbour/).
"""
import os, pathlib, shutil, subprocess, sys, tempfile

def run(*args):
    subprocess.run([str(a) for a in args], check=True, capture_output=True)

def photo(path, width, height, seed, located=True, orientation=None, fmt=None):
    """A gradient with grain, written as `path` (format from its extension)."""
    with tempfile.TemporaryDirectory() as tmp:
        t = pathlib.Path(tmp)
        run("vips", "xyz", t / "xy.v", width, height)
        run("vips", "extract_band", t / "xy.v", t / "x.v", 0)
        run("vips", "extract_band", t / "xy.v", t / "y.v", 1)
        run("vips", "gaussnoise", t / "n.v", width, height, "--sigma", 16, "--mean", 0, "--seed", seed)
        run("vips", "linear", t / "x.v", t / "r0.v", 200 / width, 30)
        run("vips", "linear", t / "y.v", t / "g0.v", 180 / height, 40)
        run("vips", "add", t / "r0.v", t / "n.v", t / "r.v")
        run("vips", "add", t / "g0.v", t / "n.v", t / "g.v")
        run("vips", "linear", t / "n.v", t / "b.v", 1, 120 + seed % 60)
        run("vips", "bandjoin", f"{t / 'r.v'} {t / 'g.v'} {t / 'b.v'}", t / "rgb.v")
        run("vips", "cast", t / "rgb.v", t / "u.v", "uchar")
        run("vips", "copy", t / "u.v", t / "s.v", "--interpretation", "srgb")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".heic":
            run("vips", "heifsave", t / "s.v", path, "--compression", "hevc")
        elif path.suffix == ".avif":
            run("vips", "heifsave", t / "s.v", path, "--compression", "av1")
        else:
            run("vips", "copy", t / "s.v", path)
    if located and path.suffix.lower() in (".jpg", ".png", ".webp"):
        tags = ["-GPSLatitude=35.6895", "-GPSLatitudeRef=N", "-GPSLongitude=139.6917", "-GPSLongitudeRef=E",
                "-Artist=A Photographer", "-XMP-exif:GPSLatitude=35.6895", "-XMP-exif:GPSLongitude=139.6917"]
        if orientation:
            tags.append(f"-Orientation={orientation}")
        run("exiftool", "-q", "-overwrite_original", "-n", *tags, path)

def gif(path):
    with tempfile.TemporaryDirectory() as tmp:
        t = pathlib.Path(tmp)
        run("vips", "black", t / "a.v", 120, 80)
        run("vips", "linear", t / "a.v", t / "b.v", 1, 200, "--uchar")
        run("vips", "join", t / "a.v", t / "b.v", t / "s.v", "vertical")
        run("vips", "copy", t / "s.v", f"{path}[page-height=80]")

def write(root, path, text):
    p = root / path
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")

SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ferries return to the old harbour | Riverton Post</title>
<meta property="og:site_name" content="Riverton Post">
<meta property="article:published_time" content="2024-05-05T09:00:00Z">
<link rel="canonical" href="https://post.example/news/ferries-return">
<link rel="stylesheet" href="Harbour%20ferries_files/site.css"><script src="Harbour%20ferries_files/tracker.js"></script></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Ferries return to the old harbour</h1>
<p class="byline">By Ada Quay</p>
<p>The first ferries in thirty years returned to Riverton's old harbour on Sunday, carrying more than four hundred passengers across the river in the first hour.</p>
<figure><img src="Harbour%20ferries_files/Ferry%20at%20Pier%204.JPG" alt="A ferry moored at Pier 4" width="1600" height="1067">
<figcaption>The Riverton ferry at Pier 4 on Sunday morning.</figcaption></figure>
<p>The council said the service would run every twenty minutes from six in the morning, and that fares would be reviewed after the first month of operation.</p>
<p>Residents who had campaigned for the ferries said the crossing cut their journey to the market from forty minutes to ten, and asked for a later last boat on Saturdays.</p>
<img src="Harbour%20ferries_files/passengers.png" alt="Chart of passengers per hour on the first day" width="900" height="500">
<p>The council will publish passenger figures every week on its website, a spokesperson said.</p>
</article></main>
<footer>© 2024 Riverton Post. <a href="/terms">Terms</a></footer></body></html>
"""


def saved_page(root, gloss):
    """A page saved with its files (a browser's "Save page, complete"), imported by `gloss import`."""
    saved = root.parent / (root.name + "-saved")
    if saved.exists():
        shutil.rmtree(saved)
    files = saved / "Harbour ferries_files"
    photo(files / "Ferry at Pier 4.JPG", 1600, 1067, 12)
    photo(files / "passengers.png", 900, 500, 13)
    (files / "site.css").write_text("body { color: black }\n")
    (files / "tracker.js").write_text("document.cookie = 'tracked=1'\n")
    write(saved, "Harbour ferries.html", SAVED_PAGE)
    run(gloss, "import", saved / "Harbour ferries.html", "--into", root / "content/articles/2024")


def main():
    root = pathlib.Path(sys.argv[1])
    gloss = sys.argv[sys.argv.index("--gloss") + 1] if "--gloss" in sys.argv else None
    if root.exists():
        shutil.rmtree(root)
    c = root / "content"
    write(root, "gloss.yml", "title: Photo Desk\nbase_url: https://example.org/photos/\n"
          "description: A digest with photos, charts and documents.\n")
    # A page folder: lead photo, a camera photo turned on its side, a chart, a document, an SVG.
    a = c / "articles/2024/harbour-opening"
    photo(a / "lead.jpg", 2400, 1600, 1, orientation=6)
    photo(a / "crowd.jpg", 3000, 2000, 2)
    photo(a / "chart.png", 900, 500, 3)
    photo(a / "night.webp", 1400, 900, 4)
    gif(a / "flags.gif")
    (a / "minutes.pdf").write_bytes(b"%PDF-1.4\n% not a real PDF: published as it is, never opened\n")
    write(root, "content/articles/2024/harbour-opening/route.svg",
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 300 120" '
          'onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text x="10" y="60">Pier 4</text></a>'
          '<image xlink:href="https://tracker.example/pixel.png" width="1" height="1"/>'
          '<path d="M10 100 L290 20" stroke="#0b5cad" stroke-width="4" fill="none"/></svg>\n')
    write(root, "content/articles/2024/harbour-opening/index.md", """---
title: The new harbour opens to ferries
date: 2024-05-02
tags: [harbour, transport]
image: lead.jpg
image_alt: Ferries moored at the new pier at dusk
image_credit: Desk photographer
---
The Riverton harbour opened on Thursday after two years of work, the council said.

![A crowd waits on the quay for the first ferry](crowd.jpg)
The first crossing drew hundreds of residents to the quay.
Credit: Desk photographer

Passenger numbers are expected to double, according to the council's [minutes](minutes.pdf).

![Bar chart of expected passengers per day](chart.png "Expected passengers per day, 2024–2026 credit: Riverton council")

![The harbour lit at night](night.webp)

![Flags changing colour](flags.gif) and the ferry's route: ![Route of the ferry from Pier 4](route.svg)
""")
    # A loose article with a picture beside it, and an inline phone photo in HEIC and AVIF.
    photo(c / "articles/pier.heic", 1000, 750, 5, located=False)
    photo(c / "articles/quay.avif", 800, 600, 6, located=False)
    write(root, "content/articles/ferry-timetable.md", """---
title: Ferry timetable published
date: 2024-05-03
image: quay.avif
image_alt: The quay seen from the water
---
The council published the timetable. A photo from a phone: ![The pier from the footbridge](pier.heic)

The logo of the ferry company: ![Ferry company logo](../../assets/ferry-logo.png)
""")
    write(root, "content/articles/council-vote.md", """---
title: Council votes on fares
date: 2024-05-04
---
The council voted on fares on Saturday. [The harbour article](@/articles/2024/harbour-opening/index.md) has photos.
""")
    # A note with a picture, an entity described with one, a digest introduction with one.
    photo(c / "annotations/ferry-timetable/timetable.jpg", 700, 400, 7)
    write(root, "content/annotations/ferry-timetable/timetable.md", """---
quote: "The council published the timetable."
kind: context
---
The printed timetable: ![Printed ferry timetable on a notice board](timetable.jpg)
""")
    photo(c / "entities/riverton-council/chamber.jpg", 1200, 800, 8)
    write(root, "content/entities/riverton-council/index.md", """---
name: Riverton Council
kind: organization
aliases: [the council]
---
![The council chamber](chamber.jpg)
The elected council of Riverton.
""")
    photo(c / "digests/harbour.jpg", 1600, 900, 9)
    write(root, "content/digests/harbour-week.md", """---
title: The harbour week
date: 2024-05-02
---
![The harbour from the hill](harbour.jpg)
A week of ferries and fares.
""")
    # static/: copied as it is, but a located photo loses its metadata; robots.txt replaces Gloss's.
    photo(root / "static/assets/ferry-logo.png", 200, 200, 10, located=False)
    photo(root / "static/press/located.jpg", 640, 480, 11)
    write(root, "static/robots.txt", "User-agent: *\nAllow: /\n\nSitemap: https://example.org/photos/sitemap.xml\n")
    (root / "static/downloads").mkdir(parents=True, exist_ok=True)
    (root / "static/downloads/data.csv").write_text("year,passengers\n2024,1200\n")
    if gloss:
        saved_page(root, gloss)

if __name__ == "__main__":
    main()
