#!/usr/bin/env python3
"""Kills `gloss build` and `gloss publish --to DIR` with SIGKILL at random moments and checks that
the output folder is always exactly the old site or exactly the new one (SHA-256 of every file),
and that the next run leaves nothing behind; then two writers on one output at once (a lock: one
waits, with a message), and a full disk (a small tmpfs: a clear error, the previous site intact).

Usage: crash_test.py --gloss BIN [--articles 2000] [--trials 50] [--seed N] [--work DIR] [--commands build,publish]
Each trial: the output holds site X; gloss starts writing site Y and is killed either at a
uniformly random moment of its whole run or, every other trial, at a random moment after its
temporary folder appears (the write, swap and clean-up, which a uniform draw would rarely hit).
The output is checked, then a complete run of Y must give exactly Y with no temporary folders
beside it. Sites X and Y are generated sites of N and N + N/20 articles (every page of the
second differs in some way or is new; going back removes pages).
"""
import argparse, fcntl, hashlib, os, pathlib, random, shutil, signal, subprocess, sys, threading, time

HERE = pathlib.Path(__file__).resolve().parent
GENERATOR = HERE.parent / "site-checks" / "generate_site.py"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


def manifest(folder):
    """{relative path: sha256} of every file (symbolic links by their target text); None when missing."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return None
    result = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames:
            path = pathlib.Path(dirpath) / name
            rel = str(path.relative_to(folder))
            result[rel] = ("link:" + os.readlink(path)) if path.is_symlink() else hashlib.sha256(path.read_bytes()).hexdigest()
        for name in dirnames:
            if (pathlib.Path(dirpath) / name).is_symlink():
                result[str((pathlib.Path(dirpath) / name).relative_to(folder))] = "link"
    return result


def leftovers(output):
    """Temporary folders of a writer beside the output (the lock file is not one)."""
    output = pathlib.Path(output)
    prefix = "." + output.name + ".gloss-"
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(prefix) and not p.name.endswith("-lock"))


class Writer:
    """One way of writing a site into a folder: `build` or `publish`."""

    def __init__(self, gloss, command):
        self.gloss, self.command = gloss, command

    def args(self, source, output):
        if self.command == "build":
            return [self.gloss, "build", "--source", str(source), "--output", str(output)]
        return [self.gloss, "publish", "--source", str(source), "--to", str(output)]

    def start(self, source, output):
        return subprocess.Popen(self.args(source, output), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def run(self, source, output):
        return subprocess.run(self.args(source, output), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def generate(path, articles):
    subprocess.run([sys.executable, str(GENERATOR), str(path), "--articles", str(articles)], check=True, stdout=subprocess.DEVNULL)


def kill_trials(writer, sites, expected, work, trials, rng):
    """Returns counts of what the trials saw."""
    out_parent = work / (writer.command + "-trials")
    shutil.rmtree(out_parent, ignore_errors=True)
    out_parent.mkdir(parents=True)
    output = out_parent / "site"
    # Calibration: a complete run, noting when its temporary folder appears.
    started = time.monotonic()
    process = writer.start(sites["B"], output)
    staged_at = None
    while process.poll() is None:
        if staged_at is None and leftovers(output):
            staged_at = time.monotonic() - started
        time.sleep(0.001)
    total = time.monotonic() - started
    if process.returncode != 0:
        fail(f"{writer.command}: calibration run failed: {process.stderr.read()}")
        return {}
    state = "B"
    staged_at = staged_at if staged_at is not None else total * 0.8
    print(f"{writer.command}: a complete run takes {total:.2f} s; its temporary folder appears at {staged_at:.2f} s", flush=True)

    counts = {"trials": 0, "old": 0, "new": 0, "finished before the kill": 0, "killed in the write window": 0,
              "left temporary folders": 0}
    for trial in range(trials):
        target = "A" if state == "B" else "B"
        in_window = trial % 2 == 1
        process = writer.start(sites[target], output)
        started = time.monotonic()
        if in_window:
            while process.poll() is None and not leftovers(output):
                time.sleep(0.0005)
            delay = rng.uniform(0, (total - staged_at) * 1.2)
        else:
            delay = rng.uniform(0, total * 1.05)
        deadline = time.monotonic() + delay
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
        process.wait()
        process.stderr.close()
        counts["trials"] += 1
        counts["killed in the write window"] += in_window and not finished
        counts["finished before the kill"] += finished
        found = manifest(output)
        if found == expected[state]:
            counts["old"] += 1
        elif found == expected[target]:
            counts["new"] += 1
            state = target
        else:
            what = "missing" if found is None else f"{len(found)} files, neither site"
            fail(f"{writer.command} trial {trial}: killed {time.monotonic() - started:.3f} s in, the output is {what}")
            return counts
        left = leftovers(output)
        counts["left temporary folders"] += bool(left)
        # The next run: completes, gives exactly the new site, and cleans up.
        result = writer.run(sites[target], output)
        if result.returncode != 0:
            fail(f"{writer.command} trial {trial}: the run after the kill failed: {result.stderr.strip()}")
            return counts
        if manifest(output) != expected[target]:
            fail(f"{writer.command} trial {trial}: the run after the kill did not give the new site")
        if leftovers(output):
            fail(f"{writer.command} trial {trial}: {leftovers(output)} still beside the output after the next run (left: {left})")
        state = target
    return counts


def lock_test(writer, sites, expected, work):
    """Another process holds the output's lock: gloss says it waits, writes nothing meanwhile, then finishes."""
    output = work / (writer.command + "-lock") / "site"
    shutil.rmtree(output.parent, ignore_errors=True)
    output.parent.mkdir(parents=True)
    if writer.run(sites["A"], output).returncode != 0:
        return fail(f"{writer.command}: could not write the first site for the lock test")
    lock = open(output.parent / ".site.gloss-lock", "a+")
    fcntl.flock(lock, fcntl.LOCK_EX)
    process = writer.start(sites["B"], output)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr), daemon=True)
    reader.start()
    deadline = time.monotonic() + 300
    while not any("waiting for another gloss" in line for line in lines) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)
    waiting = [line.strip() for line in lines if "waiting for another gloss" in line]
    if not waiting or process.poll() is not None:
        fail(f"{writer.command}: did not wait for the lock ({lines})")
    elif manifest(output) != expected["A"]:
        fail(f"{writer.command}: changed the output while another process held the lock")
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()
    process.wait()
    reader.join()
    if process.returncode != 0 or manifest(output) != expected["B"]:
        fail(f"{writer.command}: after the lock was released: exit {process.returncode}, {''.join(lines)}")
    print(f"{writer.command}: with the lock held elsewhere it said \"{waiting[0] if waiting else ''}\" and finished after it was released", flush=True)


def concurrent_test(writers, sites, expected, work, rounds):
    """Two writers of different sites started together on one output: both succeed, one after the other."""
    output = work / "concurrent" / "site"
    shutil.rmtree(output.parent, ignore_errors=True)
    output.parent.mkdir(parents=True)
    waits = 0
    for round in range(rounds):
        first, second = writers[round % len(writers)], writers[(round + 1) % len(writers)]
        a = first.start(sites["A"], output)
        b = second.start(sites["B"], output)
        errors = [p.communicate()[1] for p in (a, b)]
        waits += sum("waiting for another gloss" in e for e in errors)
        if a.returncode != 0 or b.returncode != 0:
            fail(f"concurrent round {round}: exits {a.returncode}, {b.returncode}: {errors}")
        found = manifest(output)
        if found not in (expected["A"], expected["B"]):
            fail(f"concurrent round {round}: the output is neither site ({'missing' if found is None else len(found)} files)")
        if leftovers(output):
            fail(f"concurrent round {round}: {leftovers(output)} left beside the output")
    print(f"concurrent: {rounds} rounds of two writers started together: every output one whole site; {waits} waited for the lock", flush=True)


def full_disk_test(writers, small, big, work):
    mount = work / "full-disk"
    mount.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, source in (("small", small), ("big", big)):
        reference = work / f"size-{name}"
        shutil.rmtree(reference, ignore_errors=True)
        writers[0].run(source, reference)
        sizes[name] = int(subprocess.run(["du", "-sk", str(reference)], capture_output=True, text=True).stdout.split()[0])
    size_kb = sizes["small"] + sizes["big"] // 2
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount)], capture_output=True, text=True)
    if mounted.returncode != 0:
        print(f"full disk: SKIPPED: cannot mount a tmpfs here ({mounted.stderr.strip() or 'mount failed'}); this test needs root", flush=True)
        return
    try:
        for writer in writers:
            output = mount / writer.command / "site"
            output.parent.mkdir(parents=True, exist_ok=True)
            first = writer.run(small, output)
            if first.returncode != 0:
                fail(f"full disk ({writer.command}): the small site does not fit in {size_kb} KB: {first.stderr}")
                continue
            before = manifest(output)
            result = writer.run(big, output)
            message = [line for line in result.stderr.splitlines() if line.startswith("error:")]
            if result.returncode != 1 or not message or "No space left on device" not in message[0] or "left as it was" not in message[0]:
                fail(f"full disk ({writer.command}): exit {result.returncode}, stderr {result.stderr.strip()[-400:]}")
            if manifest(output) != before:
                fail(f"full disk ({writer.command}): the previous site changed")
            if leftovers(output):
                fail(f"full disk ({writer.command}): {leftovers(output)} left on the full disk")
            print(f"full disk ({writer.command}, tmpfs of {size_kb} KB, old site {sizes['small']} KB, new {sizes['big']} KB): "
                  f"exit {result.returncode}, \"{message[0] if message else ''}\"; previous site intact, nothing left over", flush=True)
            shutil.rmtree(output.parent)
    finally:
        subprocess.run(["umount", str(mount)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gloss", required=True)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--trials", type=int, default=50, help="kill trials per command (build, publish)")
    ap.add_argument("--concurrent-rounds", type=int, default=4)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--work", default=".test-output/crash")
    ap.add_argument("--commands", default="build,publish", help="the writers to kill: build, publish or both")
    args = ap.parse_args()
    gloss = str(pathlib.Path(args.gloss).resolve())
    work = pathlib.Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    print(f"crash test: seed {args.seed}, {args.trials} kill trials per command, sites of {args.articles} and "
          f"{args.articles + max(10, args.articles // 20)} articles", flush=True)

    sites = {"A": work / "site-a", "B": work / "site-b"}
    generate(sites["A"], args.articles)
    generate(sites["B"], args.articles + max(10, args.articles // 20))
    writers = [Writer(gloss, command) for command in args.commands.split(",")]
    expected = {}
    for writer in writers:
        expected[writer.command] = {}
        for name, source in sites.items():
            reference = work / f"reference-{writer.command}-{name}"
            shutil.rmtree(reference, ignore_errors=True)
            result = writer.run(source, reference)
            if result.returncode != 0:
                fail(f"{writer.command} of site {name} failed: {result.stderr}")
                return 1
            expected[writer.command][name] = manifest(reference)
        print(f"{writer.command}: site A has {len(expected[writer.command]['A'])} files, site B {len(expected[writer.command]['B'])}", flush=True)

    for writer in writers:
        counts = kill_trials(writer, sites, expected[writer.command], work, args.trials, rng)
        print(f"{writer.command}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), flush=True)
        lock_test(writer, sites, expected[writer.command], work)
    first = writers[0].command
    if all(expected[w.command] == expected[first] for w in writers):
        concurrent_test(writers, sites, expected[first], work, args.concurrent_rounds)
    else:
        concurrent_test(writers[:1], sites, expected[first], work, args.concurrent_rounds)

    small = work / "site-small"
    generate(small, 10)
    full_disk_test(writers, small, sites["A"], work)

    print("crash test: " + ("PASSED" if not failures else f"FAILED ({len(failures)} problems)"), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
