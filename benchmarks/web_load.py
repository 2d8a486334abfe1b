"""A bounded load test of ``minutes serve`` on 127.0.0.1: throughput, latency beside a heavy
document, time limits, abandoned requests, a large form, idle connections, cross-site requests.

Run from the repository root (needs the ``web`` extra):

    .venv/bin/python benchmarks/web_load.py               # every case, about two minutes
    .venv/bin/python benchmarks/web_load.py --quick       # shorter windows
    .venv/bin/python benchmarks/web_load.py throughput heavy   # some cases only

Each case starts the real command (``python -m minutes serve``) on a free port of 127.0.0.1 as a
child process, talks to it with plain ``http.client`` connections from threads of this process,
and stops it. Every loop is bounded in count and in time, and only the loopback address is used.
The CPU figures are the server's and its worker processes' (``/proc``, Linux only), so they say
what a case cost the machine whatever else runs on it; the load average is printed with each
case, because the machine may be shared.

Cases (the targets are those of issue #19):

* ``throughput``: the 2-page example rendered to PDF through ``POST /api/render``, by 1 and by 4
  clients at once, for a fixed window: requests per second (target: 4 clients ≥ 1.8 × 1 client
  on 2 cores).
* ``heavy``: the same 2-page PDF, one request at a time, while another client keeps the server
  busy with a 1,000-attendee document (about 30 pages): p50, p95, max (target: p95 < 2 s).
* ``timeout``: with ``--render-timeout 1``, a document that takes longer: the answer, how long it
  took, and, in the 4 s after the answer, the CPU spent by the processes that were there (a
  render that runs on spends it), how many were stopped and how many started in their place.
* ``abandon``: 8 clients send the heavy document and hang up after 0.3 s: the same figures over
  the next 8 s (a server that renders abandoned requests spends about 8 × the render).
* ``form``: ``POST /form/check`` with 8,000 attendee rows, every other one empty, while a
  second client fetches a small file every 50 ms: the longest wait of that second client (the
  event loop frozen or not).
* ``idle``: with 512 file descriptors (``prlimit``), 600 connections that send nothing, then
  one ordinary request: answered or not, and the bytes of log written.
* ``cross-site``: a ``text/plain`` POST carrying ``Origin: http://evil.example``: the status.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from web_support import TWO_PAGES, heavy_meeting  # noqa: E402

HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """One ``minutes serve`` child process."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def cpu_seconds(self) -> float:
        """CPU time of the server and every process below it (finished ones included)."""
        return process_tree_cpu(self.process.pid)

    def log_bytes(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0


def _processes() -> dict[int, tuple[int, float, float]]:
    """Every process: its parent, its own CPU seconds, and those of the children it reaped."""
    table: dict[int, tuple[int, float, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
        table[int(entry.name)] = (
            int(fields[1]),
            (utime + stime) / CLOCK_TICKS,
            (cutime + cstime) / CLOCK_TICKS,
        )
    return table


def process_tree(root: int) -> dict[int, float]:
    """CPU seconds of ``root`` (with the children it reaped) and of each live descendant."""
    table = _processes()
    tree: dict[int, float] = {}
    for pid, (_parent, own, reaped) in table.items():
        walk = pid
        while walk not in (0, 1) and walk != root:
            walk = table.get(walk, (0, 0.0, 0.0))[0]
        if walk == root:
            tree[pid] = own + (reaped if pid == root else 0.0)
    return tree


def process_tree_cpu(root: int) -> float:
    """CPU time of the server and every process below it (finished ones included)."""
    return sum(process_tree(root).values())


def own_cpu(root: int) -> dict[int, float]:
    """CPU seconds of ``root`` (without the children it reaped) and of each live descendant."""
    table = _processes()
    tree: dict[int, float] = {}
    for pid, (_parent, own, _reaped) in table.items():
        walk = pid
        while walk not in (0, 1) and walk != root:
            walk = table.get(walk, (0, 0.0, 0.0))[0]
        if walk == root:
            tree[pid] = own
    return tree


def after_answer(root: int, first: dict[int, float], answer: dict[int, float]) -> str:
    """What the processes did after an answer: ``first`` was taken before the request,
    ``answer`` when it was answered (both :func:`own_cpu`), and now is now."""
    now = own_cpu(root)
    stayed = [pid for pid in first if pid in now]
    killed = [pid for pid in first if pid not in now]
    new = [pid for pid in now if pid not in first]
    spent = sum(now[pid] - answer.get(pid, first[pid]) for pid in stayed)
    return (
        f"the {len(stayed)} processes that stayed spent {spent:.2f} s of CPU; "
        f"{len(killed)} were stopped and {len(new)} started in their place "
        f"(their start-up and warm-up: {sum(now[pid] for pid in new):.1f} s)"
    )


@contextlib.contextmanager
def serving(*options: str, nofile: int | None = None) -> Iterator[Server]:
    """``python -m minutes serve`` on a free port until the block ends."""
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="minutes-load-"))
    log = folder / "server.log"
    command = [sys.executable, "-m", "minutes", "serve", "--port", str(port), *options]
    if nofile is not None and shutil.which("prlimit"):
        command = ["prlimit", f"--nofile={nofile}", *command]
    with log.open("wb") as stream:
        process = subprocess.Popen(command, cwd=ROOT, stdout=stream, stderr=stream)
    server = Server(process, port, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server stopped: {log.read_text()[-2000:]}")
            with contextlib.suppress(OSError):
                status, _body = request(server, "GET", "/static/icon.svg", timeout=2)
                if status == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start within 60 s")
            time.sleep(0.2)
        warm(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def warm(server: Server) -> None:
    """Renders until four at once all succeed, so that every worker is up and has loaded its
    fonts before anything is measured (bounded: a minute)."""
    body = TWO_PAGES.read_bytes()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done, failed, _seconds = _clients(server, body, 4, 0.01)  # one render each
        if done == 4 and failed == 0:
            return
        time.sleep(0.5)
    raise RuntimeError("the server's workers did not become ready within a minute")


def request(
    server: Server,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 120,
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, server.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def render(server: Server, body: bytes, timeout: float = 120) -> int:
    status, _data = request(
        server,
        "POST",
        "/api/render?format=pdf",
        body,
        {"content-type": "application/yaml"},
        timeout,
    )
    return status


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


# -- the cases ------------------------------------------------------------------------------------


def _clients(server: Server, body: bytes, clients: int, window: float) -> tuple[int, int, float]:
    """``clients`` threads rendering ``body`` for ``window`` seconds: PDFs made, failures,
    the seconds it took."""
    stop = time.monotonic() + window
    done: list[float] = []
    failures: list[float] = []

    def client() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            status = render(server, body)
            (done if status == 200 else failures).append(time.perf_counter() - started)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(done), len(failures), time.perf_counter() - started


def case_throughput(window: float) -> None:
    body = TWO_PAGES.read_bytes()
    with serving() as server:
        rates: dict[int, float] = {}
        for clients in (1, 4):
            before_load = load()
            cpu = server.cpu_seconds()
            done, failed, elapsed = _clients(server, body, clients, window)
            spent = server.cpu_seconds() - cpu
            rates[clients] = done / elapsed
            print(
                f"  {clients} client(s): {done} PDFs in {elapsed:.1f} s = {rates[clients]:.2f}/s, "
                f"{failed} failed; server CPU {spent:.1f} s = {spent / max(done, 1):.3f} s a PDF, "
                f"{spent / elapsed:.2f} cores busy ({before_load} before, {load()} after)"
            )
        print(f"  4 clients / 1 client: {rates[4] / rates[1]:.2f}× (target ≥ 1.8× on 2 cores)")


def case_heavy(count: int) -> None:
    small = TWO_PAGES.read_bytes()
    big = heavy_meeting()
    with serving() as server:
        busy = threading.Event()
        stop = threading.Event()
        heavy_times: list[float] = []

        def heavy_client() -> None:
            while not stop.is_set():
                started = time.perf_counter()
                render(server, big, timeout=300)
                heavy_times.append(time.perf_counter() - started)
                busy.set()

        thread = threading.Thread(target=heavy_client)
        thread.start()
        busy.wait(300)  # the first heavy render is done: the next one is under way
        times: list[float] = []
        statuses: list[int] = []
        for _ in range(count):
            started = time.perf_counter()
            statuses.append(render(server, small))
            times.append(time.perf_counter() - started)
            time.sleep(0.05)
        stop.set()
        thread.join()
        print(
            f"  2-page PDF beside the heavy one ({len(times)} requests, "
            f"{sum(s == 200 for s in statuses)} answered 200): "
            f"p50 {statistics.median(times):.2f} s, p95 {percentile(times, 0.95):.2f} s, "
            f"max {max(times):.2f} s (target p95 < 2 s); the heavy document took "
            f"{statistics.median(heavy_times):.1f} s ({load()})"
        )


def case_timeout() -> None:
    big = heavy_meeting(1000, 100)
    with serving("--render-timeout", "1") as server:
        root = server.process.pid
        first = own_cpu(root)
        started = time.perf_counter()
        status = render(server, big)
        answered = time.perf_counter() - started
        answer = own_cpu(root)
        time.sleep(4)
        print(
            f"  a document over the 1 s limit: {status} after {answered:.2f} s; in the 4 s "
            f"after the answer, {after_answer(root, first, answer)} ({load()})"
        )


def case_abandon() -> None:
    big = heavy_meeting()
    with serving() as server:
        root = server.process.pid
        first = own_cpu(root)

        def hang_up() -> None:
            with contextlib.suppress(OSError):
                connection = http.client.HTTPConnection(HOST, server.port, timeout=0.3)
                connection.request(
                    "POST", "/api/render?format=pdf", big, {"content-type": "application/yaml"}
                )
                with contextlib.suppress(OSError, http.client.HTTPException):
                    connection.getresponse()
                connection.close()

        threads = [threading.Thread(target=hang_up) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        answer = own_cpu(root)
        time.sleep(8)
        print(
            f"  8 heavy requests (1.5 s of CPU each) abandoned after 0.3 s; in the 8 s after, "
            f"{after_answer(root, first, answer)} ({load()})"
        )


def case_form(rows: int) -> None:
    with serving() as server:
        status, page = request(server, "GET", "/")
        fields: list[tuple[str, str]] = []
        token = re.search(rb'name="_csrf" value="([^"]+)"', page)
        headers = {"content-type": "application/x-www-form-urlencoded"}
        if token:
            fields.append(("_csrf", token.group(1).decode()))
            headers["cookie"] = f"minutes_csrf={token.group(1).decode()}"
        fields += [("profile", "state"), ("title", "Họp")]
        for n in range(rows):  # every other row left empty, as a clerk leaves spare rows
            filled = n % 2 == 0
            fields += [
                (f"attendees._{n}.name", f"Người {n}" if filled else ""),
                (f"attendees._{n}.position", "Chuyên viên" if filled else ""),
            ]
        body = urlencode(fields).encode()
        waits: list[float] = []
        stop = threading.Event()

        def ping() -> None:
            while not stop.is_set():
                started = time.perf_counter()
                with contextlib.suppress(OSError):
                    request(server, "GET", "/static/icon.svg", timeout=120)
                waits.append(time.perf_counter() - started)
                time.sleep(0.05)

        pinger = threading.Thread(target=ping)
        pinger.start()
        time.sleep(0.3)
        started = time.perf_counter()
        status, _answer = request(server, "POST", "/form/check", body, headers, timeout=600)
        took = time.perf_counter() - started
        time.sleep(0.3)
        stop.set()
        pinger.join()
        print(
            f"  /form/check with {rows:,} attendee rows ({len(body) / 1024:.0f} KB): {status} "
            f"after {took:.1f} s; longest wait of a small request meanwhile {max(waits):.2f} s "
            f"({load()})"
        )


def case_idle(count: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 256)), hard))
    with serving(nofile=512) as server:
        log_before = server.log_bytes()
        sockets: list[socket.socket] = []
        for _ in range(count):
            try:
                sockets.append(socket.create_connection((HOST, server.port), timeout=2))
            except OSError:
                break
        time.sleep(1)
        started = time.perf_counter()
        try:
            status: int | str = request(server, "GET", "/static/icon.svg", timeout=10)[0]
        except OSError as error:
            status = f"no answer ({type(error).__name__})"
        took = time.perf_counter() - started
        time.sleep(11)
        still_open = 0
        for sock in sockets:
            sock.setblocking(False)
            try:
                sock.recv(1)  # b"": closed by the server
            except BlockingIOError:
                still_open += 1
            except OSError:
                pass  # reset by the server
            sock.close()
        print(
            f"  {len(sockets)} idle connections, then a request: {status} in {took:.2f} s; "
            f"12 s later {still_open} of them still open; log written: "
            f"{(server.log_bytes() - log_before) / 1024:.0f} KB ({load()})"
        )


def case_cross_site() -> None:
    with serving() as server:
        status, data = request(
            server,
            "POST",
            "/api/render?format=pdf",
            TWO_PAGES.read_bytes(),
            {"content-type": "text/plain", "origin": "http://evil.example"},
        )
        print(
            f"  text/plain POST with Origin http://evil.example: {status} "
            f"({'a PDF' if data.startswith(b'%PDF') else data[:120].decode(errors='replace')})"
        )


CASES: dict[str, Callable[[bool], None]] = {
    "throughput": lambda quick: case_throughput(8 if quick else 20),
    "heavy": lambda quick: case_heavy(10 if quick else 30),
    "timeout": lambda quick: case_timeout(),
    "abandon": lambda quick: case_abandon(),
    "form": lambda quick: case_form(8000),
    "idle": lambda quick: case_idle(600),
    "cross-site": lambda quick: case_cross_site(),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help=f"some of {', '.join(CASES)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="shorter windows")
    arguments = parser.parse_args()
    unknown = set(arguments.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {load()}")
    for name in arguments.cases or list(CASES):
        print(f"{name}:")
        CASES[name](arguments.quick)


if __name__ == "__main__":
    main()
