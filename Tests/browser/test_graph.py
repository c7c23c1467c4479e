#!/usr/bin/env python3
"""The entity graph and timelines as a reader sees them: build the sample digest and a generated
site of 1,000 entities, open the graph page and entity pages in Debian's headless Chromium
(Selenium + chromium-driver) at 390 and 1,280 px, and measure the drawings' real geometry
(getBBox in the SVG's own units, getBoundingClientRect on screen):

- no two node labels overlap, and no label overlaps a node it does not belong to;
- the drawing (nodes and labels) fills at least half of the SVG's area;
- every node links to a page that exists; labels are at least 11 px tall on screen at both widths;
- the page does not scroll sideways at 390 px (a wide graph scrolls inside its own box);
- timelines have a title, a description, a data table, labelled axes and tick labels that do
  not overlap at either width.

Screenshots at 390 and 1,280 px, light and dark, go to .test-output/screenshots/ for a person to
look at.

Usage: Tests/browser/test_graph.py [--gloss PATH] [--screenshots DIR] [--site DIR] [--keep]
  --site DIR  measure an already built site instead (prints the figures; used to measure the
              graph before a change)
Needs: chromium chromium-driver (apt-get), selenium (pip). Prints `N passed, M failed`; exits 1
on any failure.
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from gloss_http import Checks

from chromium import browser, view
from selenium.common.exceptions import WebDriverException

REPO = pathlib.Path(__file__).resolve().parents[2]
GENERATOR = REPO / "Tests" / "site-checks" / "generate_site.py"
WIDTHS = (1280, 390)
MIN_LABEL_PX = 11  # a label's rendered height on screen (13 px text is about 15 px tall)

# Everything about one page's drawings, measured by the browser. Coordinates from getBBox are in
# each SVG's user units (the drawings use no transforms); client rectangles are screen pixels.
MEASURE = r"""
const box = r => ({x: r.x, y: r.y, w: r.width, h: r.height});
const graphs = [...document.querySelectorAll('svg.graph')].filter(svg => svg.getClientRects().length > 0).map(svg => {
  const vb = svg.viewBox.baseVal;
  const nodes = [...svg.querySelectorAll('a.graph-node')].map(a => {
    const c = a.querySelector('circle'), t = a.querySelector('text');
    return {href: a.getAttribute('href'), resolved: a.href, name: t ? t.textContent : '',
            circle: {x: c.cx.baseVal.value, y: c.cy.baseVal.value, r: c.r.baseVal.value},
            label: t ? box(t.getBBox()) : null, labelScreen: t ? box(t.getBoundingClientRect()) : null,
            circleScreen: box(c.getBoundingClientRect())};
  });
  return {id: svg.id, viewBox: {w: vb.width, h: vb.height}, screen: box(svg.getBoundingClientRect()), nodes};
});
const timelines = [...document.querySelectorAll('svg.timeline')].filter(svg => svg.getClientRects().length > 0).map(svg => {
  const labels = sel => [...svg.querySelectorAll(sel)].filter(t => getComputedStyle(t).display !== 'none').map(t => ({text: t.textContent, box: box(t.getBoundingClientRect())}));
  const labelled = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
    .map(id => document.getElementById(id)).filter(Boolean).map(e => e.tagName.toLowerCase());
  const figure = svg.closest('figure');
  const table = figure ? figure.querySelector('table') : null;
  return {labelled, ticks: labels('.tick-x'), yticks: labels('.tick-y'), axisTitles: labels('.axis-title'),
          bars: [...svg.querySelectorAll('rect.bar')].map(r => Number(r.dataset.count)),
          tableRows: table ? [...table.querySelectorAll('tbody tr')].map(tr => [...tr.children].map(c => c.textContent)) : null,
          screen: box(svg.getBoundingClientRect())};
});
return {graphs, timelines, scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        height: document.documentElement.scrollHeight};
"""


def overlaps(a, b, slack=0.5):
    """Rectangles {x, y, w, h} overlapping by more than `slack` in both directions."""
    return (min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"]) > slack and
            min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"]) > slack)


def hits_circle(rect, circle, slack=0.5):
    """Whether a rectangle reaches more than `slack` into a circle."""
    nx = min(max(circle["x"], rect["x"]), rect["x"] + rect["w"])
    ny = min(max(circle["y"], rect["y"]), rect["y"] + rect["h"])
    return (circle["x"] - nx) ** 2 + (circle["y"] - ny) ** 2 < (circle["r"] - slack) ** 2


def gap(rect, circle):
    """Distance from a rectangle to a circle's edge (negative inside)."""
    nx = min(max(circle["x"], rect["x"]), rect["x"] + rect["w"])
    ny = min(max(circle["y"], rect["y"]), rect["y"] + rect["h"])
    return ((circle["x"] - nx) ** 2 + (circle["y"] - ny) ** 2) ** 0.5 - circle["r"]


def geometry(graph):
    """Label-label and label-foreign-node overlaps (user units), labels nearer a foreign node
    than their own, and how much of the SVG the drawing fills: its bounding box, and the share
    of a 10 × 10 grid it touches."""
    nodes = [n for n in graph["nodes"] if n["label"]]
    ambiguous = [(a["name"], b["name"]) for a in nodes for b in graph["nodes"]
                 if a is not b and gap(a["label"], b["circle"]) < gap(a["label"], a["circle"])]
    label_pairs = [(a["name"], b["name"]) for i, a in enumerate(nodes) for b in nodes[i + 1:] if overlaps(a["label"], b["label"])]
    screen_pairs = [(a["name"], b["name"]) for i, a in enumerate(nodes) for b in nodes[i + 1:]
                    if overlaps(a["labelScreen"], b["labelScreen"])]
    foreign = [(a["name"], b["name"]) for a in nodes for b in graph["nodes"] if a is not b and hits_circle(a["label"], b["circle"])]
    rects = [n["label"] for n in nodes] + [{"x": n["circle"]["x"] - n["circle"]["r"], "y": n["circle"]["y"] - n["circle"]["r"],
                                            "w": 2 * n["circle"]["r"], "h": 2 * n["circle"]["r"]} for n in graph["nodes"]]
    w, h = graph["viewBox"]["w"], graph["viewBox"]["h"]
    fill = grid = 0.0
    if rects and w > 0 and h > 0:
        x0 = max(0, min(r["x"] for r in rects)); x1 = min(w, max(r["x"] + r["w"] for r in rects))
        y0 = max(0, min(r["y"] for r in rects)); y1 = min(h, max(r["y"] + r["h"] for r in rects))
        fill = max(0, x1 - x0) * max(0, y1 - y0) / (w * h)
        cells = {(cx, cy) for r in rects for cx in range(10) for cy in range(10)
                 if overlaps(r, {"x": cx * w / 10, "y": cy * h / 10, "w": w / 10, "h": h / 10}, 0)}
        grid = len(cells) / 100
    return label_pairs, screen_pairs, foreign, fill, grid, ambiguous


def target_exists(site, page_file, href):
    url = urllib.parse.urlsplit(href)
    if url.scheme:
        return False
    target = (page_file.parent / urllib.parse.unquote(url.path)).resolve()
    if href.endswith("/") or target.is_dir():
        target = target / "index.html"
    try:
        target.relative_to(site.resolve())
    except ValueError:
        return False
    return target.is_file()


def check_page(driver, checks, site, relative, label, shots, figures, strict):
    """Measures one page at both widths; screenshots in both schemes when `shots` is set."""
    page_file = site / relative
    for width in WIDTHS:
        view(driver, width, dark=False)
        driver.get(page_file.as_uri())
        data = driver.execute_script(MEASURE)
        where = f"{label} at {width} px"
        for g in data["graphs"]:
            pairs, screen_pairs, foreign, fill, grid, ambiguous = geometry(g)
            figures.append({"page": label, "width": width, "svg": g["id"], "nodes": len(g["nodes"]),
                            "label_overlaps": len(pairs), "screen_label_overlaps": len(screen_pairs),
                            "label_node_overlaps": len(foreign), "ambiguous": len(ambiguous), "fill": round(fill, 3), "grid": round(grid, 2),
                            "viewBox": [round(g["viewBox"]["w"]), round(g["viewBox"]["h"])]})
            if not strict:
                continue
            checks.check(not pairs, f"{where} ({g['id']}): no two labels overlap (getBBox)", str(pairs[:5]))
            checks.check(not screen_pairs, f"{where} ({g['id']}): no two labels overlap on screen", str(screen_pairs[:5]))
            checks.check(not foreign, f"{where} ({g['id']}): no label overlaps a foreign node", str(foreign[:5]))
            checks.check(not ambiguous, f"{where} ({g['id']}): every label is nearer its own node than any other", str(ambiguous[:5]))
            checks.check(fill >= 0.5, f"{where} ({g['id']}): the drawing fills at least half its area", f"{fill:.2f}")
            missing = [n["href"] for n in g["nodes"] if not target_exists(site, page_file, n["href"])]
            checks.check(g["nodes"] and not missing, f"{where} ({g['id']}): every node links to an existing page", str(missing[:5]))
            small = [n["name"] for n in g["nodes"] if n["labelScreen"] and n["labelScreen"]["h"] < MIN_LABEL_PX]
            checks.check(not small, f"{where} ({g['id']}): labels are at least {MIN_LABEL_PX} px tall on screen", str(small[:5]))
        if not strict:
            continue
        checks.check(data["scrollWidth"] <= data["innerWidth"], f"{where}: the page does not scroll sideways",
                     f"{data['scrollWidth']} > {data['innerWidth']}")
        for t in data["timelines"]:
            checks.check("title" in t["labelled"] and "desc" in t["labelled"], f"{where}: the timeline is labelled by a title and a description", str(t["labelled"]))
            checks.check(t["tableRows"] and sum(int(r[1]) for r in t["tableRows"]) == sum(t["bars"]),
                         f"{where}: the timeline's table gives the bars' counts", f"{t['tableRows']} vs {t['bars']}")
            checks.check(len(t["axisTitles"]) == 2 and t["ticks"] and t["yticks"], f"{where}: the timeline has labelled axes",
                         str([a["text"] for a in t["axisTitles"]]))
            ticks = t["ticks"] + t["yticks"] + t["axisTitles"]
            clash = [(a["text"], b["text"]) for i, a in enumerate(ticks) for b in ticks[i + 1:] if overlaps(a["box"], b["box"])]
            checks.check(not clash, f"{where}: the timeline's labels do not overlap", str(clash[:5]))
            outside = [a["text"] for a in ticks if a["box"]["x"] < t["screen"]["x"] - 0.5 or a["box"]["x"] + a["box"]["w"] > t["screen"]["x"] + t["screen"]["w"] + 0.5]
            checks.check(not outside, f"{where}: the timeline's labels stay inside it", str(outside[:5]))
        if shots:
            for dark in (False, True):
                view(driver, width, dark, height=min(max(data["height"], 600), 5000))
                driver.get(page_file.as_uri())
                name = f"{shots}-{width}-{'dark' if dark else 'light'}.png"
                driver.save_screenshot(str(SCREENSHOTS / name))


NOTE_REFS = r"""
return [...document.querySelectorAll('a.note-ref')].map(a => {
  const next = a.nextSibling;
  if (!next || next.nodeType !== 3 || !/^[.,;:!?)]/.test(next.textContent)) return null;
  const range = document.createRange();
  range.setStart(next, 0);
  range.setEnd(next, 1);
  const gap = range.getBoundingClientRect().left - a.getBoundingClientRect().right + parseFloat(getComputedStyle(a).paddingRight);
  return {ref: a.dataset.number, next: next.textContent[0], gap};
}).filter(Boolean);
"""


def check_note_refs(driver, checks, site, relative):
    """A note reference's number sits right against the punctuation after it."""
    view(driver, 1280, dark=False)
    driver.get((site / relative).as_uri())
    refs = driver.execute_script(NOTE_REFS)
    checks.check(refs, f"{relative}: a note reference is followed by punctuation", "none found")
    loose = [r for r in refs if r["gap"] > 1]
    checks.check(not loose, f"{relative}: no space between a note reference and the punctuation after it", str(loose))


def entity_pages(site, count):
    """The most mentioned entities, one in the middle and the least mentioned (from data/entities.json)."""
    data = json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))
    ranked = sorted(data, key=lambda e: (-sum(m["count"] for m in e["mentions"]), e["slug"]))
    picks = ranked[:count] + ranked[len(ranked) // 2:len(ranked) // 2 + 1] + ranked[-1:]
    seen, out = set(), []
    for e in picks:
        if e["slug"] not in seen:
            seen.add(e["slug"])
            out.append(e["slug"])
    return out


def check_site(driver, checks, site, name, entity_count, figures, strict=True):
    check_page(driver, checks, site, "graph/index.html", f"{name} graph", f"{name}-graph", figures, strict)
    for i, slug in enumerate(entity_pages(site, entity_count)):
        check_page(driver, checks, site, f"entities/{slug}/index.html", f"{name} entity {slug}",
                   f"{name}-entity-{slug}" if i < 2 else None, figures, strict)


def build(gloss, source, output):
    process = subprocess.run([gloss, "build", "--source", str(source), "--output", str(output)], capture_output=True, text=True)
    if process.returncode != 0:
        raise SystemExit(f"gloss build failed:\n{process.stderr}")
    print((process.stdout + process.stderr).strip().splitlines()[-1], flush=True)


def report(figures):
    for f in figures:
        print(f"  {f['page']} @{f['width']} {f['svg']}: {f['nodes']} nodes, viewBox {f['viewBox'][0]}×{f['viewBox'][1]}, "
              f"label overlaps {f['label_overlaps']} (screen {f['screen_label_overlaps']}), label-node overlaps "
              f"{f['label_node_overlaps']}, nearer a foreign node {f['ambiguous']}, fill {f['fill']}, grid {f['grid']}", flush=True)


def main():
    global SCREENSHOTS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gloss", default=os.environ.get("GLOSS", str(REPO / ".build" / "debug" / "gloss")))
    parser.add_argument("--screenshots", default=str(REPO / ".test-output" / "screenshots"))
    parser.add_argument("--site", help="measure this built site only (no checks, no screenshots)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    SCREENSHOTS = pathlib.Path(args.screenshots)
    checks = Checks("graph and timelines in Chromium")
    figures = []
    driver = browser()
    try:
        if args.site:
            check_site(driver, checks, pathlib.Path(args.site).resolve(), "site", 3, figures, strict=False)
            report(figures)
            return 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="gloss-graph-"))
        try:
            build(args.gloss, REPO, tmp / "sample")
            check_site(driver, checks, tmp / "sample", "sample", 4, figures)
            article = "articles/abe-trump-trade-talks-new-york/index.html"
            check_note_refs(driver, checks, tmp / "sample", article)
            check_page(driver, checks, tmp / "sample", article, "sample article", "sample-article", figures, strict=True)
            subprocess.run([sys.executable, str(GENERATOR), str(tmp / "generated"), "--articles", "2000",
                            "--entities", "1000", "--entity-skew", "1.0", "--desks", "12",
                            "--words", "150", "--notes", "1"], check=True, stdout=subprocess.DEVNULL)
            build(args.gloss, tmp / "generated", tmp / "generated-site")
            check_site(driver, checks, tmp / "generated-site", "entities-1000", 3, figures)
        finally:
            if args.keep:
                print(f"kept {tmp}")
            else:
                shutil.rmtree(tmp, ignore_errors=True)
    except WebDriverException as error:
        checks.check(False, "the browser session", str(error).splitlines()[0])
    finally:
        driver.quit()
    report(figures)
    print(f"screenshots in {SCREENSHOTS}")
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
