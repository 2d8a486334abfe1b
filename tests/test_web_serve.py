"""How ``minutes serve`` bounds connections (``minutes/web/serve.py``), against a real uvicorn on
127.0.0.1 serving a tiny app: a client that sends no header, or trickles it, is cut off; the
number of open connections is capped without locking out a real client; a flood of one log
message is written once."""

from __future__ import annotations

import contextlib
import http.client
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from minutes.web.serve import OncePer, connection_limit, listen, server_config


async def tiny_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]}
    )
    await send({"type": "http.response.body", "body": b"ok"})


@contextlib.contextmanager
def serving(**limits: Any) -> Iterator[int]:
    """:func:`server_config` of the tiny app on a free port until the block ends."""
    import uvicorn

    sock = listen("127.0.0.1", 0)
    port = int(sock.getsockname()[1])
    server = uvicorn.Server(server_config(tiny_app, **limits))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def get(port: int) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/")
        return connection.getresponse().status
    finally:
        connection.close()


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """Whether the server closes ``sock`` within ``within`` seconds."""
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_a_connection_that_sends_nothing_is_closed() -> None:
    with serving(header_timeout=0.5) as port, socket.create_connection(("127.0.0.1", port)) as idle:
        started = time.monotonic()
        assert closed_by_server(idle, 5)
        assert 0.4 < time.monotonic() - started < 3


def test_a_header_sent_a_byte_at_a_time_is_cut_off() -> None:
    """Sending keeps a connection busy, but the header must be complete within its time."""
    with serving(header_timeout=0.8) as port, socket.create_connection(("127.0.0.1", port)) as slow:
        started = time.monotonic()
        closed = False
        for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100:
            try:
                slow.send(bytes([byte]))
            except OSError:
                closed = True
                break
            if closed_by_server(slow, 0.1):
                closed = True
                break
        assert closed, "the trickling header was never cut off"
        assert time.monotonic() - started < 4


def test_a_kept_alive_connection_gets_the_same_time_for_its_next_header() -> None:
    with serving(header_timeout=0.5) as port, socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer = b""
        sock.settimeout(5)
        while not answer.endswith(b"ok"):  # the whole answer: its header, then its body
            chunk = sock.recv(1000)
            assert chunk, "closed before the answer"
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET / HTTP/1.1\r\n")  # a second request that never ends its header
        assert closed_by_server(sock, 5)


def test_a_complete_request_is_not_hurried() -> None:
    with serving(header_timeout=0.5) as port:
        assert get(port) == 200
        time.sleep(0.7)
        assert get(port) == 200


def test_idle_connections_cannot_lock_a_client_out() -> None:
    """At the cap, the oldest idle connection makes room: 40 connections that send nothing
    against a cap of 10, and an ordinary request is still answered at once."""
    with serving(max_connections=10, header_timeout=30) as port, contextlib.ExitStack() as stack:
        idle = [
            stack.enter_context(socket.create_connection(("127.0.0.1", port))) for _ in range(40)
        ]
        time.sleep(0.3)
        started = time.monotonic()
        assert get(port) == 200
        assert time.monotonic() - started < 2
        still_open = sum(not closed_by_server(sock, 0.05) for sock in idle)
        assert still_open <= 10


def test_the_cap_fits_the_files_the_process_may_open() -> None:
    resource = pytest.importorskip("resource")
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    limit = connection_limit()
    soft_after, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert 8 <= limit <= 100
    assert limit <= soft_after // 2
    assert soft_after >= soft


def test_a_repeated_log_message_is_written_once() -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("minutes.test.flood")
    logger.propagate = False
    handler = Keep()
    handler.addFilter(OncePer(seconds=60))
    logger.addHandler(handler)
    try:
        for _ in range(10_000):
            logger.error("socket.accept() out of system resource")
        logger.error("another message")
    finally:
        logger.removeHandler(handler)
    assert [record.getMessage() for record in records] == [
        "socket.accept() out of system resource",
        "another message",
    ]
