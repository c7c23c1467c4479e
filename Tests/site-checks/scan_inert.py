#!/usr/bin/env python3
"""Scans a built Gloss site for anything a browser would execute, and for bytes from outside it.

Usage: scan_inert.py SITE_DIR [--canary TEXT]... [--allow-script PATH]...
Fails on:
- a <script> other than the site's own (an external `assets/search.js`, nothing inline);
- any on*= event-handler attribute; <iframe>, <object>, <embed>, <form>, <base>, <meta http-equiv=refresh>;
- any URL attribute (href, src, srcset, action, formaction, xlink:href, poster, data, background, cite)
  whose scheme, read the way a browser reads it, is not http, https or mailto (relative is fine);
- the same in the HTML that feeds and JSON exports carry (feed.xml content, feed.json content_html,
  annotations.jsonld bodies), and any URL field of them with such a scheme;
- a search index file that is anything but `(self.glossSearch=…)["key"]=<JSON>;` with valid JSON;
- a symbolic link in the output, a file whose real path is outside it, or any canary text.
Prints one line per check and 'N passed, M failed'; exits 1 on any failure.
"""
import argparse, json, os, pathlib, re, sys
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
SEARCH_SCRIPT = re.compile(rb'^\(self\.glossSearch=self\.glossSearch\|\|\{\}\)\[("(?:[^"\\]|\\.)*")\]=(.*);\n$', re.S)

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def scheme(url):
    """The scheme a browser would see: C0 controls and spaces trimmed, tabs and newlines removed."""
    url = url.strip("".join(chr(c) for c in range(0x21)))
    url = re.sub(r"[\t\n\r]", "", url)
    match = SCHEME.match(url)
    return match.group(1).lower() if match else None


def bad_url(url):
    found = scheme(url)
    return found is not None and found not in ALLOWED_SCHEMES


class Inert(HTMLParser):
    """Collects every executable thing in one HTML document."""

    def __init__(self, allowed_scripts):
        super().__init__(convert_charrefs=True)
        self.allowed_scripts = allowed_scripts
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            if name in URL_ATTRIBUTES:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                for url in urls:
                    if bad_url(url):
                        self.problems.append(f"<{tag} {name}={url[:60]!r}>")
            if name == "style" and re.search(r"javascript:|expression\(|url\(\s*['\"]?\s*(javascript|data|vbscript):", value, re.I):
                self.problems.append(f"<{tag} style={value[:60]!r}>")
        attributes = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "script":
            self.in_script = True
            source = attributes.get("src") or ""
            if not any(source.endswith(allowed) for allowed in self.allowed_scripts):
                self.problems.append(f"<script src={source[:60]!r}> is not the site's own")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append(f"inline script {data.strip()[:60]!r}")


def scan_html(text, allowed_scripts):
    parser = Inert(allowed_scripts)
    parser.feed(text)
    parser.close()
    return parser.problems


def json_strings(value, key=""):
    """Every (key, string) in a JSON value."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v, key)
    elif isinstance(value, str):
        yield key, value


def html_values(value):
    """Strings a JSON document says are HTML: `content_html`, `…HTML`, and a Web Annotation
    body's `value` when its `format` is text/html."""
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, str) and (k == "content_html" or k.endswith("HTML") or (k == "value" and value.get("format") == "text/html")):
                yield k, v
            else:
                yield from html_values(v)
    elif isinstance(value, list):
        for v in value:
            yield from html_values(v)


def scan_json(value, allowed_scripts):
    problems = []
    for key, text in html_values(value):
        problems += [f"{key}: {p}" for p in scan_html(text, allowed_scripts)]
    for key, text in json_strings(value):
        if key in ("url", "external_url", "id", "home_page_url", "feed_url", "source", "target", "u", "image") and bad_url(text):
            problems.append(f"{key}: {text[:60]!r}")
    return problems


def scan_xml(path, allowed_scripts):
    problems = []
    root = ElementTree.parse(path).getroot()
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in ("href", "src", "{http://www.w3.org/XML/1998/namespace}base") and bad_url(value):
                problems.append(f"<{element.tag} {name}={value[:60]!r}>")
        tag = element.tag.split("}")[-1]
        if tag in ("loc", "id", "uri", "icon", "logo") and element.text and bad_url(element.text.strip()):
            problems.append(f"<{tag}>{element.text.strip()[:60]!r}")
        if tag in ("content", "summary") and element.get("type") == "html" and element.text:
            problems += [f"<{tag}> {p}" for p in scan_html(element.text, allowed_scripts)]
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--canary", action="append", default=[], help="text that must appear nowhere in the output")
    parser.add_argument("--allow-script", action="append", default=["assets/search.js"])
    args = parser.parse_args()
    site = pathlib.Path(args.site).resolve()
    allowed = args.allow_script
    canaries = [c.encode() for c in args.canary]

    files = sorted(p for p in site.rglob("*"))
    check("the output has files", any(p.is_file() for p in files))
    links = [p for p in files if p.is_symlink()]
    check("no symbolic link in the output", not links, str(links[:5]))
    outside = [p for p in files if not str(p.resolve()).startswith(str(site) + os.sep)]
    check("every file is inside the output folder", not outside, str(outside[:5]))
    for canary in canaries:
        leaked = [str(p.relative_to(site)) for p in files if p.is_file() and canary in p.read_bytes()]
        check(f"no byte of the canary {canary[:24]!r}… in the output", not leaked, str(leaked))

    for path in files:
        if not path.is_file():
            continue
        relative = str(path.relative_to(site))
        data = path.read_bytes()
        try:
            if path.suffix == ".html":
                problems = scan_html(data.decode("utf-8"), allowed)
            elif path.suffix == ".xml":
                problems = scan_xml(path, allowed)
            elif path.suffix in (".json", ".jsonld"):
                problems = scan_json(json.loads(data), allowed)
            elif relative.startswith("search/") and path.suffix == ".js":
                match = SEARCH_SCRIPT.match(data)
                problems = [] if match else ["not a single search-index assignment"]
                if match:
                    json.loads(match.group(1))
                    problems = scan_json(json.loads(match.group(2)), allowed)
            else:
                continue
        except (ValueError, ElementTree.ParseError) as error:
            problems = [f"does not parse: {error}"]
        check(f"{relative} is inert", not problems, "; ".join(problems[:6]))

    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
