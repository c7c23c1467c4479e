#!/usr/bin/env python3
"""Real-browser test of `gloss serve`: headless Chromium (Debian's chromium + chromium-driver,
driven by Selenium from PyPI) opens preview pages while this script edits the site on disk, and
checks that the page changes with no action in the browser; and, on a generated site, that a
page opened while the first build runs shows the site as soon as its page is made.

    python3 Tests/browser/test_live_reload.py [--gloss PATH] [--site DIR]

It copies the site (default: this repo's sample digest) to a temporary folder, starts
`gloss serve` on a free port, runs the checks, stops the server with SIGINT, and prints
`N passed, M failed`. Exit status 1 when any check failed (or could not run).
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from chromium import browser

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TIMEOUT = 15  # seconds for any single wait


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, timeout=TIMEOUT, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except Exception:
            pass
        time.sleep(interval)
    return False


class Server:
    def __init__(self, gloss, source, port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.lines = []
        self.process = subprocess.Popen(
            [gloss, "serve", "--source", source, "--port", str(port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def said(self, text):
        """Whether a line of the server's output so far holds `text`."""
        return any(text in line for line in self.lines)

    def ready(self):
        """The home page answers and the first build is done (the preview serves each page of
        its first build as soon as it is made, and reloads open pages once the build is done)."""
        def answers():
            with urllib.request.urlopen(self.url + "/", timeout=2) as response:
                return response.status == 200 and self.said("] built ")
        return wait_until(answers, timeout=60, interval=0.2)

    def stop(self):
        """SIGINT, as Ctrl-C; returns the exit status (None if it had to be killed)."""
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            return None


def find_article(site):
    for folder, _, files in sorted(os.walk(os.path.join(site, "content", "articles"))):
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                # A page folder's article is <slug>/index.md.
                slug = os.path.basename(folder) if name == "index.md" else name[:-3]
                return os.path.join(folder, name), slug
    raise RuntimeError("the site has no article")


def write(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gloss", default=os.environ.get("GLOSS", os.path.join(REPO, ".build", "debug", "gloss")))
    parser.add_argument("--site", default=REPO, help="site to copy (gloss.yml, content/, Templates/)")
    args = parser.parse_args()

    results = []  # (name, ok, detail)

    def check(name, function):
        started = time.monotonic()
        try:
            detail = function() or ""
            results.append((name, True, detail))
            print(f"PASS {name} ({time.monotonic() - started:.2f} s) {detail}".rstrip(), flush=True)
        except Exception as error:  # a failed check, or one that could not run
            results.append((name, False, str(error)))
            print(f"FAIL {name}: {error}", flush=True)

    if not os.access(args.gloss, os.X_OK):
        print(f"FAIL setup: no gloss binary at {args.gloss} (build it, or pass --gloss)")
        print("0 passed, 1 failed")
        return 1

    workdir = tempfile.mkdtemp(prefix="gloss-browser-")
    site = os.path.join(workdir, "site-src")
    os.makedirs(site)
    for item in ["gloss.yml", "content", "Templates"]:
        source = os.path.join(args.site, item)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(site, item))
        elif os.path.exists(source):
            shutil.copy(source, os.path.join(site, item))
    article_path, slug = find_article(site)
    original = read(article_path)
    css_path = os.path.join(site, "Templates", "assets", "gloss.css")

    server = Server(args.gloss, site, free_port())
    driver = None
    try:
        if not server.ready():
            raise RuntimeError("gloss serve did not answer within 60 s:\n" + "\n".join(server.lines))
        driver = browser(timeout=TIMEOUT)
        page = f"{server.url}/articles/{slug}/"

        def live_reload():
            driver.get(page)
            marker = f"Live reload marker {int(time.time())}"
            body_start = original.index("---", 3) + 3
            saved = time.monotonic()
            write(article_path, original[:body_start] + f"\n\n{marker}.\n" + original[body_start:])
            if not wait_until(lambda: marker in driver.find_element("tag name", "main").text):
                raise AssertionError("the edit did not appear in the open page")
            return f"save → new text on screen in {(time.monotonic() - saved) * 1000:.0f} ms"

        def stylesheet_swap():
            driver.get(page)
            driver.execute_script("window.__glossSamePage = true;")
            if not os.path.exists(css_path):
                raise AssertionError(f"no {css_path} to edit")
            css = read(css_path)
            write(css_path, css + "\n.site-title { color: rgb(1, 2, 3) !important; }\n")
            try:
                color = lambda: driver.execute_script(
                    "return getComputedStyle(document.querySelector('.site-title')).color")
                if not wait_until(lambda: color() == "rgb(1, 2, 3)"):
                    raise AssertionError(f"the new stylesheet was not applied (colour {color()})")
                if driver.execute_script("return window.__glossSamePage === true") is not True:
                    raise AssertionError("the page reloaded for a CSS-only change")
            finally:
                write(css_path, css)
            wait_until(lambda: color() != "rgb(1, 2, 3)")
            return "stylesheet swapped without a reload"

        def error_overlay():
            driver.get(page)
            relative = os.path.relpath(article_path, site)
            write(article_path, original.replace("title:", "title: [unclosed", 1))
            overlay = lambda: driver.find_elements("id", "gloss-error-overlay")
            if not wait_until(lambda: overlay() and relative in overlay()[0].text):
                raise AssertionError("no overlay naming " + relative)
            write(article_path, original)
            if not wait_until(lambda: not overlay() and "Page not found" not in driver.title):
                raise AssertionError("the overlay stayed after the fix")
            return "overlay shown, then cleared"

        def deleted_article():
            driver.get(page)
            title = driver.title
            os.remove(article_path)
            try:
                if not wait_until(lambda: "not found" in driver.title.lower()):
                    raise AssertionError(f"still showing {driver.title!r} after the file was deleted")
                links = [a.get_attribute("href") for a in driver.find_elements("css selector", "main a")]
                if f"{server.url}/" not in links:
                    raise AssertionError(f"the 404 page has no link home: {links}")
            finally:
                write(article_path, original)
            if not wait_until(lambda: driver.title == title):
                raise AssertionError("the article did not come back when restored")
            return "404 with a link home, then the article again"

        def first_build_served_early():
            # A generated site big enough that the first build goes on for seconds after its home
            # page is made (with the debug binary, 500 articles: about 5 s, then 3 s more).
            big = os.path.join(workdir, "big-site")
            subprocess.run([sys.executable, os.path.join(REPO, "Tests", "site-checks", "generate_site.py"), "--articles", "500", big],
                           check=True, capture_output=True)
            early = Server(args.gloss, big, free_port())
            try:
                if not wait_until(lambda: early.said("Serving http"), timeout=30):
                    raise AssertionError("gloss serve did not say where it listens")
                driver.get(early.url + "/")
                building = driver.title
                if not wait_until(lambda: "building" not in driver.title.lower(), timeout=120):
                    raise AssertionError(f"still {driver.title!r}: the building page did not turn into the site")
                done_before = early.said("] built ")
                home = driver.title
                if not wait_until(lambda: early.said("] built "), timeout=120):
                    raise AssertionError("the first build never finished")
                if done_before:
                    raise AssertionError(f"{home!r} came only once the whole first build was done")
                return f"{building!r}, then {home!r} while the first build went on"
            finally:
                early.stop()

        check("edit an article: the open page shows the new text", live_reload)
        check("edit the stylesheet: swapped without a reload", stylesheet_swap)
        check("break the article: overlay with the diagnostic; fix it: overlay gone", error_overlay)
        check("delete the article being viewed: helpful 404; restore: back", deleted_article)
        check("first build: the building page turns into the site while the build goes on", first_build_served_early)
    except Exception as error:
        results.append(("setup", False, str(error)))
        print(f"FAIL setup: {error}", flush=True)
    finally:
        if driver is not None:
            driver.quit()
        status = server.stop()
        results.append(("Ctrl-C stops gloss serve cleanly", status == 0, f"exit status {status}"))
        print(f"{'PASS' if status == 0 else 'FAIL'} Ctrl-C stops gloss serve cleanly (exit status {status})", flush=True)
        shutil.rmtree(workdir, ignore_errors=True)

    failed = [r for r in results if not r[1]]
    if failed:
        print("--- gloss serve output ---")
        print("\n".join(server.lines[-40:]))
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
