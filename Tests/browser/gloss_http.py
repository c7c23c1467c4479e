"""Helpers for the HTTP and browser tests: publish the sample site with `gloss publish`, serve it
with a real nginx under a sub-path, fetch URLs, and count checks.

Nothing here needs root, except that nginx started as root drops its workers to `nobody`, so the
published files must be world-readable (gloss publish writes 0644/0755) and so must the temporary
folders above them (made 0755 here).
"""
import argparse
import http.client
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

REPO = pathlib.Path(__file__).resolve().parents[2]
SUBPATH = "/digest/"


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--gloss", default=os.environ.get("GLOSS", str(REPO / ".build" / "debug" / "gloss")),
                        help="the gloss binary (default: $GLOSS or .build/debug/gloss)")
    parser.add_argument("--source", default=os.environ.get("GLOSS_SOURCE", str(REPO)),
                        help="the site to publish (default: this repo's sample digest)")
    parser.add_argument("--nginx", default=os.environ.get("NGINX", shutil.which("nginx") or "/usr/sbin/nginx"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args()


class Checks:
    """Counts passes and failures; prints each failure, then `N passed, M failed`."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}" + (f": {detail}" if detail else ""), flush=True)
        return bool(condition)

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed", flush=True)
        return 1 if self.failed or not self.passed else 0


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workspace(keep=False):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="gloss-http-"))
    os.chmod(folder, 0o755)
    return folder


def publish(gloss, source, base_url, destination, timeout=300):
    """Runs `gloss publish --to`; returns (status, stdout, stderr)."""
    if not os.access(gloss, os.X_OK):
        raise SystemExit(f"gloss binary not found at {gloss}: build it (swift build --product gloss) or pass --gloss")
    process = subprocess.run([gloss, "publish", "--source", str(source), "--base-url", base_url, "--to", str(destination)],
                             capture_output=True, text=True, timeout=timeout)
    return process.returncode, process.stdout, process.stderr


NGINX_CONF = """\
daemon off;
master_process on;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime};
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    charset utf-8;
    charset_types text/css application/javascript application/json text/xml application/xml application/atom+xml text/plain;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        # Only the sub-path exists: a link that escapes it gets a 404 here.
        location / {{ return 404; }}
        location {subpath} {{
            root {www};
            index index.html;
            error_page 404 {subpath}404.html;
        }}
    }}
}}
"""


class Nginx:
    """nginx serving `www` (which holds `digest/`) on a free loopback port; stopped on exit."""

    def __init__(self, nginx, www, tmp):
        self.nginx, self.www, self.tmp = nginx, pathlib.Path(www), pathlib.Path(tmp)
        self.port = free_port()
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}{SUBPATH}"

    def __enter__(self):
        if not self.nginx or not os.access(self.nginx, os.X_OK):
            raise SystemExit("nginx is not installed (Debian: apt-get install nginx)")
        mime = "/etc/nginx/mime.types"
        conf = self.tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=self.tmp, mime=mime, port=self.port, www=self.www, subpath=SUBPATH))
        self.process = subprocess.Popen([self.nginx, "-p", str(self.tmp), "-c", str(conf), "-e", str(self.tmp / "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = self.tmp / "error.log"
                raise SystemExit("nginx exited: " + self.process.stderr.read().decode(errors="replace")
                                 + (log.read_text(errors="replace") if log.exists() else ""))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        self.__exit__(None, None, None)
        raise SystemExit("nginx did not start listening within 15 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def fetch(url, timeout=10):
    """GET without following redirects: (status, headers dict lower-cased, body bytes)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


class PublishedSite:
    """`gloss publish --base-url http://127.0.0.1:PORT/digest/ --to TMP/www/digest`, served by nginx.

    Attributes once entered: base (the site's URL), folder (the published folder), tmp, output
    (gloss publish's stdout: the change list)."""

    def __init__(self, args):
        self.args = args
        self.tmp = workspace()
        self.www = self.tmp / "www"
        self.www.mkdir()
        os.chmod(self.www, 0o755)
        self.folder = self.www / SUBPATH.strip("/")
        self.server = Nginx(args.nginx, self.www, self.tmp)
        self.base = self.server.base

    def __enter__(self):
        try:
            status, out, err = publish(self.args.gloss, self.args.source, self.base, self.folder)
            if status != 0:
                raise SystemExit(f"gloss publish failed ({status}):\n{err}")
            self.output = out
            self.server.__enter__()
        except BaseException:
            cleanup(self.tmp, self.args.keep)
            raise
        return self

    def __exit__(self, *exc):
        self.server.__exit__(*exc)
        cleanup(self.tmp, self.args.keep)


def cleanup(tmp, keep):
    if keep:
        print(f"kept {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit("this module is imported by the test scripts")
