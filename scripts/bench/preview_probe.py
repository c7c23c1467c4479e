"""`gloss serve` measured from outside, as a user sees it (for compare_hugo.py): seconds from
start until the first page is served (the preview serves each page of its first build as soon as
it is made) and until the whole first build is done, then save → reload event for a few saves of
one article (the clock stops when the Server-Sent Event reaches this client, as a browser's would)."""
import http.client, os, signal, socket, statistics, subprocess, tempfile, threading, time


def probe_preview(gloss, site, saves=5):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    articles = sorted((site / "content" / "articles").rglob("*.md"))
    edited = articles[len(articles) // 2]
    original = edited.read_bytes()
    log = tempfile.NamedTemporaryFile(prefix="gloss-serve-", suffix=".log")
    started = time.monotonic()
    process = subprocess.Popen([gloss, "serve", "--source", str(site), "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    latencies = []
    try:
        first_page = wait_for_page(port, process) - started
        whole_site = wait_for_line(log.name, "] built ", process) - started
        events = EventStream(port)
        events.start()
        events.wait_for("hello", 0)
        for save in range(saves):
            events.wait_quiet(0.5)   # no event of an earlier save may be taken for this one
            seen = len(events.events)
            edited.write_bytes(original.rstrip(b"\n") + f" Preview save {save}.\n".encode())
            saved = time.monotonic()
            latencies.append(events.wait_for("reload", seen) - saved)
    finally:
        edited.write_bytes(original)
        process.send_signal(signal.SIGINT)
        usage = reap(process)
        log.close()
    return (f"\n`gloss serve` ({edited.name} saved {saves} times): first page served {first_page:.1f} s after start, "
            f"first build done {whole_site:.1f} s after start; "
            f"save → reload event median {statistics.median(latencies) * 1000:.0f} ms "
            f"(min {min(latencies) * 1000:.0f}, max {max(latencies) * 1000:.0f}); "
            f"peak RSS {usage.ru_maxrss / 1e3:.0f} MB.")


def wait_for_page(port, process, timeout=3600):
    """The moment GET / first answers 200 (the preview answers 503 while it builds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gloss serve exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/")
            status = connection.getresponse().status
            connection.close()
            if status == 200:
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError("gloss serve served no page in time")


def wait_for_line(path, text, process, timeout=3600):
    """The moment the preview's output (the file at `path`) first holds `text`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(path, "rb") as output:
            if text.encode() in output.read():
                return time.monotonic()
        if process.poll() is not None:
            raise RuntimeError(f"gloss serve exited with {process.returncode}")
        time.sleep(0.05)
    raise RuntimeError(f"gloss serve never said {text!r}")


class EventStream(threading.Thread):
    """Reads /_gloss/events in the background, noting when each event arrives."""

    def __init__(self, port):
        super().__init__(daemon=True)
        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", "/_gloss/events")
        self.response = connection.getresponse()
        self.events = []   # (arrival time, event name)
        self.changed = threading.Condition()

    def run(self):
        name = None
        try:
            for raw in iter(self.response.readline, b""):
                line = raw.decode().rstrip("\r\n")
                if line.startswith("event:"):
                    name = line.split(":", 1)[1].strip()
                elif line == "" and name:
                    with self.changed:
                        self.events.append((time.monotonic(), name))
                        self.changed.notify_all()
                    name = None
        except (OSError, http.client.HTTPException):
            pass

    def wait_for(self, name, start, timeout=600):
        """Arrival time of the first event called `name` from index `start` on."""
        def found():
            return next((at for at, seen in self.events[start:] if seen == name), None)
        with self.changed:
            if not self.changed.wait_for(lambda: found() is not None, timeout):
                raise RuntimeError(f"no `{name}` event within {timeout} s")
            return found()

    def wait_quiet(self, seconds):
        while True:
            with self.changed:
                last = self.events[-1][0] if self.events else 0
            if time.monotonic() - last >= seconds:
                return
            time.sleep(0.05)


def reap(process, grace=20):
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return usage
        time.sleep(0.1)
    process.kill()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage
