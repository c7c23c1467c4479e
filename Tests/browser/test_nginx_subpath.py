#!/usr/bin/env python3
"""Sub-path hosting, for real: publish the sample digest with
`gloss publish --base-url http://127.0.0.1:PORT/digest/ --to …`, serve it with Debian's nginx under
`/digest/` only, and fetch over HTTP every published file, every internal link and `#anchor` of
every page, every entry of feed.xml, feed.json, sitemap.xml and robots.txt (when the site has
them), and the 404 page: all 200 (404 for the missing page), every anchor present.

Usage: Tests/browser/test_nginx_subpath.py [--gloss PATH] [--source DIR] [--keep]
Needs: nginx (apt-get install nginx). Prints `N passed, M failed`; exits 1 on any failure.
"""
import html.parser
import json
import sys
import urllib.parse
import xml.etree.ElementTree as ET

from gloss_http import SUBPATH, Checks, PublishedSite, arguments, fetch

CONTENT_TYPES = {".html": "text/html", ".css": "text/css", ".js": "javascript", ".json": "json",
                 ".xml": "xml", ".txt": "text/plain", ".svg": "image/svg+xml"}


class Page(html.parser.HTMLParser):
    """Links (attribute, URL) and fragment targets (id and a[name]) of one HTML page."""

    LINKS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
             ("source", "src"), ("form", "action"), ("area", "href"), ("use", "href")}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name, value in attrs:
            if (tag, name) in self.LINKS and value is not None:
                self.links.append((f"{tag}[{name}]", value))
            if name == "srcset" and value:
                self.links += [(f"{tag}[srcset]", part.strip().split(" ")[0]) for part in value.split(",") if part.strip()]

    handle_startendtag = handle_starttag


def main():
    args = arguments(__doc__)
    checks = Checks("nginx sub-path")
    with PublishedSite(args) as site:
        base = site.base
        origin = base[: -len(SUBPATH)]
        print(f"published to {site.folder}, served at {base}")
        cache = {}

        def get(url):
            url = urllib.parse.urldefrag(url)[0]
            if url not in cache:
                try:
                    cache[url] = fetch(url)
                except OSError as error:
                    cache[url] = (0, {}, str(error).encode())
            return cache[url]

        pages = {}

        def parsed(url):
            url = urllib.parse.urldefrag(url)[0]
            if url not in pages:
                status, headers, body = get(url)
                page = Page()
                if "text/html" in headers.get("content-type", ""):
                    page.feed(body.decode("utf-8", errors="replace"))
                pages[url] = page
            return pages[url]

        def internal(url):
            parts = urllib.parse.urlsplit(url)
            return parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" == origin

        def check_internal(url, where):
            checks.check(urllib.parse.urlsplit(url).path.startswith(SUBPATH), f"{where} stays under {SUBPATH}", url)
            status = get(url)[0]
            checks.check(status == 200, f"{where} → 200", f"{url} answered {status}")
            fragment = urllib.parse.urldefrag(url)[1]
            if fragment and status == 200:
                target = urllib.parse.unquote(fragment)
                checks.check(target in parsed(url).ids, f"{where}: #{target} exists", url)

        # 1. Every published file, by its own URL (and folders by their `…/` URL).
        files = sorted(p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*") if p.is_file())
        checks.check(len(files) > 10, "the site was published", f"{len(files)} files")
        for path in files:
            url = base + path
            status, headers, _ = get(url)
            checks.check(status == 200, f"GET {path}", f"{url} answered {status}")
            for suffix, expected in CONTENT_TYPES.items():
                if path.endswith(suffix):
                    checks.check(expected in headers.get("content-type", ""), f"{path} is served as {expected}",
                                 headers.get("content-type"))
            if path.endswith("/index.html") or path == "index.html":
                folder_url = base + path[: -len("index.html")]
                checks.check(get(folder_url)[0] == 200, f"GET {folder_url}")

        # 2. Every link and anchor of every page (404.html's links are checked from a missing URL below).
        external = 0
        for path in files:
            if not path.endswith(".html") or path == "404.html":
                continue
            url = base + path
            for attribute, link in parsed(url).links:
                target = urllib.parse.urljoin(url, link)
                if internal(target):
                    check_internal(target, f"{path} {attribute}={link}")
                elif urllib.parse.urlsplit(target).scheme in ("http", "https"):
                    external += 1
                else:
                    checks.check(urllib.parse.urlsplit(target).scheme in ("mailto", "tel"), f"{path}: {link} is a web link")

        # 3. Feeds, sitemap, robots.txt: whichever the site has.
        if (site.folder / "feed.xml").exists():
            root = ET.fromstring(get(base + "feed.xml")[2])
            links = [e.get("href") for e in root.iter() if e.tag.endswith("}link") and e.get("href")]
            links += [e.text for e in root.iter() if e.tag == "link" and e.text]  # RSS
            checks.check(len(links) > 1, "feed.xml has links", str(links[:3]))
            for link in links:
                checks.check(internal(link), f"feed.xml link {link} is absolute, on this site")
                if internal(link):
                    check_internal(link, f"feed.xml link {link}")
        if (site.folder / "feed.json").exists():
            feed = json.loads(get(base + "feed.json")[2])
            links = [feed.get("home_page_url"), feed.get("feed_url")] + [i.get("url") for i in feed.get("items", [])]
            links = [link for link in links if link]
            checks.check(len(links) > 1, "feed.json has links", str(links[:3]))
            for link in links:
                checks.check(internal(link), f"feed.json link {link} is absolute, on this site")
                if internal(link):
                    check_internal(link, f"feed.json link {link}")
        if (site.folder / "sitemap.xml").exists():
            root = ET.fromstring(get(base + "sitemap.xml")[2])
            locations = [e.text.strip() for e in root.iter() if e.tag.endswith("loc") and e.text]
            checks.check(len(locations) > 5, "sitemap.xml lists pages", str(len(locations)))
            for location in locations:
                checks.check(location.startswith(base), f"sitemap entry {location} is under {base}")
                if internal(location):
                    check_internal(location, f"sitemap entry {location}")
        if (site.folder / "robots.txt").exists():
            for line in get(base + "robots.txt")[2].decode().splitlines():
                if line.lower().startswith("sitemap:"):
                    location = line.split(":", 1)[1].strip()
                    checks.check(internal(location), f"robots.txt Sitemap {location} is on this site")
                    if internal(location):
                        check_internal(location, f"robots.txt Sitemap {location}")

        # 4. A missing page: nginx answers 404 with the site's 404 page, whose links work from any depth.
        missing = base + "articles/no-such-article/deeper/"
        status, _, body = fetch(missing)
        checks.check(status == 404, "a missing page answers 404", str(status))
        checks.check(b"Page not found" in body, "a missing page shows the site's 404 page")
        page = Page()
        page.feed(body.decode("utf-8", errors="replace"))
        for attribute, link in page.links:
            if link.startswith("#"):
                checks.check(link[1:] in page.ids, f"404 page: {link} exists")
                continue
            target = urllib.parse.urljoin(missing, link)
            if internal(target):
                check_internal(target, f"404 page {attribute}={link}")
        checks.check(fetch(origin + "/index.html")[0] == 404, "nothing is served outside the sub-path")

        # 5. Search, when the site has it: the page and the index it loads.
        if (site.folder / "search" / "index.html").exists():
            checks.check(get(base + "search/manifest.js")[0] == 200, "GET search/manifest.js")
        print(f"{len(files)} files, {len(pages)} pages parsed, {len(cache)} URLs fetched, {external} external links not fetched")
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
