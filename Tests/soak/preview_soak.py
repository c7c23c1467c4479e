#!/usr/bin/env python3
"""Soak test of `gloss serve`: 50 connections of mixed valid, malformed and slow requests while an
article is edited over and over; the server must keep answering, and its resident memory after
1,000 rebuilds must be within 10% of what it was after 100.

Usage: preview_soak.py --gloss BIN [--articles 200] [--rebuilds 1000] [--port 0] [--work DIR]
Load, all at once for the whole run:
- wrk: 40 keep-alive connections (one per thread, so responses map to requests) cycling through pages, assets, search-index files,
  missing pages and traversal attempts (Tests/soak/mixed.lua checks every status; HEAD is left
  to the raw clients, as wrk would wait for a body after it);
- 6 raw-socket clients sending malformed requests (garbage, bad request lines, headers without a
  colon, a 64 KB header, NUL bytes, bad percent-encoding, bodies, pipelining) and noting what comes back;
- 2 slowloris clients sending a request one byte a second, and 1 that connects and stays silent;
- 1 live-reload client reading the event stream (/_gloss/events);
- a probe: GET / every 200 ms, each answered within 2 s or counted as a failure.
Meanwhile one article is rewritten, waiting for the rebuild line each time; VmRSS is read after
every 100 rebuilds. Figures are printed at the end; the exit status is 1 when a check fails.
"""
import argparse, os, pathlib, random, re, shutil, socket, subprocess, sys, threading, time

HERE = pathlib.Path(__file__).resolve().parent
GENERATOR = HERE.parent / "site-checks" / "generate_site.py"
stop = threading.Event()


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def http_get(port, path, timeout=2.0):
    """Status of a plain GET, or None when no answer came within `timeout`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            match = re.match(rb"HTTP/1\.1 (\d+)", data)
            return int(match.group(1)) if match else None
    except OSError:
        return None


MALFORMED = [
    b"\x00\x01\x02garbage\xff\xfe\r\n\r\n",
    b"GET\r\n\r\n",
    b"GET / HTTP/9.9\r\n\r\n",
    b"GET /index.html HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"a" * 65536 + b"\r\n\r\n",
    b"GET /%zz%00%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /\x00/index.html HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /\xc3\x28\xff HTTP/1.1\r\nHost: a\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
    b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999\r\n\r\nshort",
    b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /assets/gloss.css HTTP/1.1\r\nHost: a\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    b"BREW /coffee HTCPCP/1.0\r\n\r\n",
    b"HEAD /articles/article-00003/ HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET " + b"/a" * 20000 + b" HTTP/1.1\r\nHost: a\r\n\r\n",
    b"\r\n\r\n\r\n",
]


def malformed_client(port, counts, lock, seed):
    rng = random.Random(seed)
    while not stop.is_set():
        kind = rng.randrange(len(MALFORMED))
        request = MALFORMED[kind]
        outcome = "no answer"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(request)
                s.shutdown(socket.SHUT_WR) if rng.random() < 0.5 else None
                data = s.recv(256)
                match = re.match(rb"HTTP/1\.[01] (\d)", data)
                outcome = f"{match.group(1).decode()}xx" if match else ("closed" if not data else "other")
        except socket.timeout:
            outcome = "timeout"
        except OSError:
            outcome = "reset"
        with lock:
            counts[(kind, outcome)] = counts.get((kind, outcome), 0) + 1
        time.sleep(0.01)


def slowloris_client(port, counts, lock, silent):
    request = b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"x" * 600 + b"\r\n\r\n"
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
                with lock:
                    counts["connections"] = counts.get("connections", 0) + 1
                if silent:
                    while not stop.is_set():
                        time.sleep(0.5)
                        s.settimeout(0.01)
                        try:
                            if s.recv(1) == b"":
                                with lock:
                                    counts["closed by server"] = counts.get("closed by server", 0) + 1
                                break
                        except (socket.timeout, BlockingIOError):
                            pass
                    continue
                for byte in request:
                    if stop.is_set():
                        break
                    s.sendall(bytes([byte]))
                    time.sleep(1.0)
                    with lock:
                        counts["bytes"] = counts.get("bytes", 0) + 1
        except OSError:
            with lock:
                counts["closed by server"] = counts.get("closed by server", 0) + 1
            time.sleep(0.5)


def event_client(port, counts, lock):
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
                s.sendall(b"GET /_gloss/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                while not stop.is_set():
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    with lock:
                        counts["reload events"] = counts.get("reload events", 0) + chunk.count(b"event: reload")
        except OSError:
            time.sleep(0.2)


def probe(port, results):
    while not stop.is_set():
        started = time.monotonic()
        status = http_get(port, "/", timeout=2.0)
        results.append((status, time.monotonic() - started))
        time.sleep(0.2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gloss", required=True)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rebuilds", type=int, default=1000)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--work", default=".test-output/soak")
    args = ap.parse_args()
    work = pathlib.Path(args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    site = work / "site"
    subprocess.run([sys.executable, str(GENERATOR), str(site), "--articles", str(args.articles)], check=True, stdout=subprocess.DEVNULL)
    port = args.port or free_port()
    article = sorted((site / "content" / "articles").rglob("*.md"))[args.articles // 2]
    original = article.read_text(encoding="utf-8")

    server = subprocess.Popen([args.gloss, "serve", "--source", str(site), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1)
    rebuilt = threading.Semaphore(0)
    server_lines = []

    def read_server():
        for line in server.stderr:
            server_lines.append(line.rstrip())
            if " changed: " in line:
                rebuilt.release()
    threading.Thread(target=read_server, daemon=True).start()
    deadline = time.monotonic() + 300
    while http_get(port, "/") != 200:
        if server.poll() is not None or time.monotonic() > deadline:
            print("soak: FAILED: the preview did not start:\n" + "\n".join(server_lines[-20:]))
            return 1
        time.sleep(0.2)
    print(f"soak: gloss serve on port {port}, {args.articles} articles, pid {server.pid}, RSS {rss_kb(server.pid) // 1024} MB after the first build", flush=True)

    lock = threading.Lock()
    malformed, slow, events, probes = {}, {}, {}, []
    threads = [threading.Thread(target=malformed_client, args=(port, malformed, lock, n), daemon=True) for n in range(6)]
    threads += [threading.Thread(target=slowloris_client, args=(port, slow, lock, n == 2), daemon=True) for n in range(3)]
    threads += [threading.Thread(target=event_client, args=(port, events, lock), daemon=True),
                threading.Thread(target=probe, args=(port, probes), daemon=True)]
    for thread in threads:
        thread.start()
    wrk = subprocess.Popen(["wrk", "-t40", "-c40", "-d3600s", "--timeout", "5s", "-s", str(HERE / "mixed.lua"), f"http://127.0.0.1:{port}"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    samples = {}
    failures = []
    started = time.monotonic()
    for n in range(1, args.rebuilds + 1):
        article.write_text(original + f"\nSoak edit {n}: the talks continued.\n", encoding="utf-8")
        if not rebuilt.acquire(timeout=60):
            failures.append(f"no rebuild line within 60 s of edit {n}")
            break
        if n % 100 == 0:
            samples[n] = rss_kb(server.pid)
            print(f"  {n} rebuilds, {time.monotonic() - started:.0f} s: RSS {samples[n] / 1024:.1f} MB, "
                  f"{len(probes)} probes, {sum(malformed.values())} malformed requests", flush=True)
        if server.poll() is not None:
            failures.append(f"the server exited with {server.returncode} after {n} rebuilds")
            break
    elapsed = time.monotonic() - started
    wrk.send_signal(2)  # SIGINT: wrk prints its summary and the script's done()
    wrk_output = wrk.communicate(timeout=60)[0]
    still_answers = http_get(port, "/index.html") == 200
    stop.set()
    server.terminate()
    server.wait(timeout=30)
    article.write_text(original, encoding="utf-8")

    probe_failures = [p for p in probes if p[0] != 200]
    latencies = sorted(p[1] for p in probes if p[0] == 200)
    requests = re.search(r"(\d+) requests in", wrk_output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", wrk_output)
    wrong = re.search(r"unexpected statuses: (\d+)", wrk_output)
    errors = re.search(r"Socket errors: (.*)", wrk_output)
    print(f"soak: {n} rebuilds in {elapsed:.0f} s under load")
    print(f"  wrk (40 connections, mixed pages): {requests.group(1) if requests else '?'} requests, {rate.group(1) if rate else '?'}/s, "
          f"unexpected statuses {wrong.group(1) if wrong else '?'}{', socket errors: ' + errors.group(1) if errors else ''}")
    outcomes = {}
    for (kind, outcome), count in malformed.items():
        outcomes[outcome] = outcomes.get(outcome, 0) + count
    print(f"  malformed (6 connections): {sum(malformed.values())} requests: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    for kind, request in enumerate(MALFORMED):
        seen = ", ".join(f"{outcome} {count}" for (k, outcome), count in sorted(malformed.items()) if k == kind)
        print(f"    {request[:48]!r}{'…' if len(request) > 48 else ''}: {seen}")
    print(f"  slow (2 slowloris, 1 silent): " + ", ".join(f"{k} {v}" for k, v in sorted(slow.items())))
    print(f"  live reload: {events.get('reload events', 0)} reload events received")
    if latencies:
        print(f"  probe GET / every 200 ms: {len(probes)} probes, {len(probe_failures)} failed; latency median "
              f"{latencies[len(latencies) // 2] * 1000:.0f} ms, p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
    print("  RSS after N rebuilds: " + ", ".join(f"{k}: {v / 1024:.1f} MB" for k, v in sorted(samples.items())))
    if 100 in samples and args.rebuilds in samples:
        ratio = samples[args.rebuilds] / samples[100]
        print(f"  RSS ratio {args.rebuilds}/100: {ratio:.3f} (limit 1.10)")
        if ratio > 1.10:
            failures.append(f"RSS grew {ratio:.3f}× between rebuild 100 and {args.rebuilds}")
    if probe_failures:
        failures.append(f"{len(probe_failures)} of {len(probes)} probes got no 200 within 2 s")
    if wrong and int(wrong.group(1)) > 0:
        failures.append(f"wrk saw {wrong.group(1)} unexpected statuses:\n{wrk_output}")
    if not still_answers:
        failures.append("the server did not answer after the load stopped")
    for failure in failures:
        print("soak: FAILED: " + failure)
    print("soak: " + ("PASSED" if not failures else "FAILED"), flush=True)
    return 1 if failures else 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())
