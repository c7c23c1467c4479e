#!/usr/bin/env python3
"""Pictures as a reader sees them: the photo desk (Tests/site-checks/generate_image_site.py: page
folders, a lead image, captions and credits, a chart, HEIC/AVIF, an animation, a cleaned SVG,
static/, and a page saved with its files brought in by `gloss import`) is published under a
sub-path, served by nginx and opened in Debian's headless Chromium at phone (390 px) and desktop
(1,280 px) widths. On every picture page, at both widths:

- every picture loads (lazy ones once scrolled to), from the site's own sub-path;
- no picture is wider than the screen or drawn out of its proportions, and the page does not
  scroll sideways;
- the copy the browser picks suits the width: never the 1,600 px copy on a phone, and on a desktop
  never narrower than the picture is drawn (when a wide enough copy exists);
- a caption sits below its picture, on screen;
- the layout does not jump as pictures arrive (cumulative layout shift under 0.05: every
  picture has its width and height).

Full-page screenshots go to --screenshots (default .test-output/screenshots/) for a person to
look at. Usage: Tests/browser/test_pictures.py [--gloss PATH] [--screenshots DIR] [--keep]
Prints `N passed, M failed`; exits 1 on any failure.
"""
import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

from chromium import browser, view
from gloss_http import REPO, Checks, PublishedSite
from selenium.common.exceptions import WebDriverException

GENERATOR = REPO / "Tests" / "site-checks" / "generate_image_site.py"
WIDTHS = (390, 1280)
PAGES = {  # name → path under the site
    "article": "articles/harbour-opening/",
    "imported": "articles/ferries-return-to-the-old-harbour/",
    "home": "",
    "entity": "entities/riverton-council/",
    "timetable": "articles/ferry-timetable/",
}

# Layout shifts since navigation (the browser buffers them), then every picture's geometry.
MEASURE = r"""
const done = arguments[arguments.length - 1];
let shift = 0;
try {
  new PerformanceObserver(() => {}).observe({type: 'layout-shift', buffered: true});
  for (const e of performance.getEntriesByType('layout-shift')) if (!e.hadRecentInput) shift += e.value;
} catch (e) { shift = -1; }
const widths = set => (set || '').split(',').map(c => c.trim().split(/\s+/)[1] || '').filter(d => d.endsWith('w')).map(d => parseInt(d));
// Pictures the page shows at this width (a side note is hidden on a phone, its end-note copy on a desktop).
const pictures = [...document.images].filter(img => img.getClientRects().length > 0).map(img => {
  const r = img.getBoundingClientRect();
  const picture = img.closest('picture');
  const sets = [img.getAttribute('srcset')].concat(picture ? [...picture.querySelectorAll('source')].map(s => s.getAttribute('srcset')) : []);
  const figure = img.closest('figure');
  const caption = figure ? figure.querySelector('figcaption') : null;
  const c = caption ? caption.getBoundingClientRect() : null;
  return {src: img.getAttribute('src'), current: img.currentSrc, complete: img.complete, naturalWidth: img.naturalWidth,
          naturalHeight: img.naturalHeight, x: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY,
          w: r.width, h: r.height, candidates: sets.flatMap(widths),
          caption: c ? {top: c.top + scrollY, left: c.left, right: c.right, h: c.height, text: caption.textContent.trim()} : null};
});
done({shift: shift, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
      height: document.documentElement.scrollHeight, pictures: pictures});
"""

# Scrolls the whole page so lazy pictures load, waits for every picture, then returns to the top.
LOAD_ALL = r"""
const done = arguments[arguments.length - 1];
(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y); await new Promise(r => setTimeout(r, 60));
  }
  const deadline = Date.now() + 15000;
  while ([...document.images].some(i => !i.complete) && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
  scrollTo(0, 0);
  done(true);
})();
"""


def copy_width(url):
    """`ferry-at-pier-4-960.webp` → 960; None for a file that is not a resized copy."""
    match = re.search(r"-(\d+)\.[a-z]+$", url.split("?")[0])
    return int(match.group(1)) if match else None


def check_page(driver, checks, base, name, path, width, shots):
    view(driver, width)
    driver.get(base + path)
    driver.execute_async_script(LOAD_ALL)
    data = driver.execute_async_script(MEASURE)
    where = f"{name} at {width} px"
    pictures = data["pictures"]
    checks.check(pictures, f"{where}: the page shows pictures")
    checks.check(data["scrollWidth"] <= data["clientWidth"] + 1, f"{where}: the page does not scroll sideways",
                 f"{data['scrollWidth']} px wide in a {data['clientWidth']} px screen")
    checks.check(0 <= data["shift"] < 0.05, f"{where}: no layout shift as pictures arrive", f"cumulative layout shift {data['shift']:.3f}")
    for picture in pictures:
        label = f"{where}: {picture['src']}"
        if not checks.check(picture["complete"] and picture["naturalWidth"] > 0, f"{label} loads", picture["current"]):
            continue
        checks.check(picture["current"].startswith(base), f"{label} comes from the site's sub-path", picture["current"])
        checks.check(picture["x"] >= -1 and picture["right"] <= data["clientWidth"] + 1, f"{label} fits the screen",
                     f"{picture['x']:.0f}–{picture['right']:.0f} px")
        if picture["h"] > 0 and picture["naturalHeight"] > 0:
            drawn, own = picture["w"] / picture["h"], picture["naturalWidth"] / picture["naturalHeight"]
            checks.check(abs(drawn / own - 1) < 0.03, f"{label} keeps its proportions", f"drawn {drawn:.3f}, file {own:.3f}")
        chosen = copy_width(picture["current"])
        if chosen and picture["candidates"]:
            if width <= 480:
                checks.check(chosen < 1600 or max(picture["candidates"]) < 1600, f"{label}: a phone does not fetch the 1,600 px copy",
                             picture["current"])
            wide_enough = [c for c in picture["candidates"] if c >= picture["w"] - 1]
            checks.check(not wide_enough or chosen >= picture["w"] - 1, f"{label}: the copy is at least as wide as it is drawn",
                         f"{chosen} px copy drawn {picture['w']:.0f} px wide")
        caption = picture["caption"]
        if caption and caption["text"]:
            checks.check(caption["h"] > 0 and caption["top"] >= picture["bottom"] - 1 and caption["left"] >= -1
                         and caption["right"] <= data["clientWidth"] + 1,
                         f"{label}: its caption is below it, on screen", str(caption))
    if shots:
        view(driver, width, height=min(max(data["height"], 600), 6000))
        time.sleep(0.2)
        shot = shots / f"pictures-{name}-{width}.png"
        driver.save_screenshot(str(shot))
        checks.check(shot.exists() and shot.stat().st_size > 10_000, f"{where}: screenshot {shot.name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gloss", default=os.environ.get("GLOSS", str(REPO / ".build" / "debug" / "gloss")))
    parser.add_argument("--nginx", default=os.environ.get("NGINX", shutil.which("nginx") or "/usr/sbin/nginx"))
    parser.add_argument("--screenshots", default=str(REPO / ".test-output" / "screenshots"))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    checks = Checks("pictures in Chromium")
    work = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / f"gloss-pictures-{os.getpid()}"
    subprocess.run([sys.executable, str(GENERATOR), str(work / "photos"), "--gloss", args.gloss], check=True)
    args.source = str(work / "photos")
    shots = pathlib.Path(args.screenshots)
    shots.mkdir(parents=True, exist_ok=True)
    driver = None
    try:
        with PublishedSite(args) as site:
            driver = browser()
            for name, path in PAGES.items():
                for width in WIDTHS:
                    try:
                        check_page(driver, checks, site.base, name, path, width, shots)
                    except WebDriverException as error:
                        checks.check(False, f"{name} at {width} px in the browser", str(error).splitlines()[0])
    finally:
        if driver:
            driver.quit()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
