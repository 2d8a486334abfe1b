"""``minutes serve``: run the web app with uvicorn on this machine.

Bound to 127.0.0.1 by default, so only this computer reaches it. Another address (``0.0.0.0``
to serve an office network) prints a warning first, and then the app answers to any host name;
``--token`` (or ``MINUTES_TOKEN``) makes every request need a secret, which the printed address
carries once.

Connections are bounded as a web server in front of the public would bound them (nginx's
``client_header_timeout``, ``keepalive_timeout`` and ``worker_connections``), with uvicorn's own
settings where it has one and :class:`GuardedH11Protocol` where it has none:

- a request's header must arrive within :data:`HEADER_TIMEOUT_S` seconds of the connection (or of
  the previous answer on a kept-alive connection), else the connection is closed: a client that
  opens connections and sends nothing, or trickles its header a byte at a time, holds nothing for
  long; uvicorn's ``timeout_keep_alive`` closes a connection idle between requests;
- the header is at most 16 kB (h11's limit, uvicorn's default); the body is bounded in size and
  in time by the app itself (:class:`~minutes.web.guard.BodyLimit`,
  :class:`~minutes.web.guard.BodyTimeout`);
- at most :data:`MAX_CONNECTIONS` connections are open at once (fewer if the process may open
  fewer files): at the cap, the oldest connection that is not in the middle of a request is
  closed to make room, so idle connections cannot lock the clerk out, and the server never runs
  out of file descriptors (which made asyncio log an error for every failed ``accept``);
- a log message repeated within :data:`LOG_EVERY_S` seconds is written once
  (:func:`quiet_repeated_logs`), so no flood of connections can fill the disk with one line.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import socket
import time
from typing import IO, Any
from urllib.parse import quote

from minutes.i18n import _

HEADER_TIMEOUT_S = 10.0
"""Seconds a client has to send a request's header (nginx: 60; a local app needs far less)."""
KEEP_ALIVE_S = 5.0
"""Seconds a connection may stay idle between requests (uvicorn's ``timeout_keep_alive``)."""
MAX_CONNECTIONS = 100
"""Connections open at once, at most (a clerk's browser opens six)."""
LOG_EVERY_S = 10.0
"""A repeated log message is written at most once in this many seconds."""


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and the loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def why_not(error: OSError) -> str:
    """Why the app cannot listen, in the user's words (the system's text only as a last resort)."""
    reasons = {
        errno.EADDRINUSE: _("the port is in use (by another program, or minutes serve already)"),
        errno.EADDRNOTAVAIL: _("the address is not one of this computer's"),
        errno.EACCES: _("not allowed (ports below 1024 need an administrator)"),
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


def address(host: str, port: int, token: str | None) -> str:
    """The address to open in a browser (with the token, which the app then keeps in a cookie)."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    if shown in ("", "0.0.0.0", "[::]"):
        shown = "127.0.0.1"
    query = f"/?token={quote(token)}" if token else "/"
    return f"http://{shown}:{port}{query}"


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``; :class:`OSError` if the port is taken or the address is
    not this machine's. Bound here, before uvicorn starts, because uvicorn answers a failed bind
    by logging it and exiting the process, which a command must not do."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OverflowError as error:  # a port above 65535 (the command line refuses those)
        sock.close()
        raise OSError(errno.EINVAL, str(error)) from None
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def serve(
    out: IO[str],
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    render_timeout: float | None = None,
) -> None:
    """Run the app until interrupted, writing what the user must know to ``out``."""
    import uvicorn

    from minutes.web.app import Settings, create_app
    from minutes.web.guard import LOOPBACK_HOSTS
    from minutes.web.work import DEFAULT_TIMEOUT

    sock = listen(host, port)
    local = is_loopback(host)
    if not local:
        out.write(
            _("Warning: serving on {host}, so other computers on the network can open it.").format(
                host=host
            )
            + "\n"
        )
        if not token:
            out.write(_("Anyone who can reach this computer can use it: consider --token.") + "\n")
    settings = Settings(
        token=token or None,
        allowed_hosts=(*LOOPBACK_HOSTS, host) if local else None,
        render_timeout=render_timeout or DEFAULT_TIMEOUT,
    )
    app = create_app(settings)
    out.write(
        _("minutes is running at {url} (Ctrl+C to stop).").format(url=address(host, port, token))
        + "\n"
    )
    out.flush()
    config = server_config(app)
    quiet_repeated_logs()
    uvicorn.Server(config).run(sockets=[sock])


def server_config(
    app: Any, max_connections: int | None = None, header_timeout: float = HEADER_TIMEOUT_S
) -> Any:
    """uvicorn's configuration for ``app``, with the limits of this module's docstring."""
    import uvicorn

    limit = max_connections or connection_limit()
    protocol = type(
        "GuardedH11Protocol",
        (guarded_protocol(),),
        {"max_connections": limit, "header_timeout": header_timeout},
    )
    return uvicorn.Config(
        app,
        log_level="warning",
        server_header=False,
        http=protocol,
        ws="none",  # the app has no websockets: an upgrade request is a plain request
        timeout_keep_alive=int(KEEP_ALIVE_S),
        backlog=limit,
    )


def connection_limit() -> int:
    """:data:`MAX_CONNECTIONS`, or fewer if this process may not open that many files (room
    is left for the workers' pipes, the fonts and the log). The soft limit on open files is
    raised to the hard one first, as servers do."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to meet
        return MAX_CONNECTIONS
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        wanted = 4096 if hard == resource.RLIM_INFINITY else min(hard, 4096)
        if wanted > soft:
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
                soft = wanted
            except (ValueError, OSError):
                pass
    return max(8, min(MAX_CONNECTIONS, soft // 2 - 32))


def guarded_protocol() -> type:
    """uvicorn's h11 protocol with a header timeout and a cap on open connections (see the
    module's docstring); built on demand, so that importing this module needs no uvicorn."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedH11Protocol(H11Protocol):
        max_connections = MAX_CONNECTIONS
        header_timeout = HEADER_TIMEOUT_S

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self.opened_at = time.monotonic()
            self._header_timer: asyncio.TimerHandle | None = None
            self._waiting_since: Any = None
            if len(self.connections) > self.max_connections and not self._make_room():
                transport.close()
                return
            self._wait_for_header()

        def _make_room(self) -> bool:
            """Close the oldest connection that is between requests; ``False`` if every one
            is in the middle of a request."""
            idle: list[Any] = []
            for other in self.connections:
                cycle = getattr(other, "cycle", None)
                transport = getattr(other, "transport", None)
                if other is self or transport is None or transport.is_closing():
                    continue
                if cycle is None or cycle.response_complete:
                    idle.append(other)
            if not idle:
                return False
            oldest = min(idle, key=lambda other: getattr(other, "opened_at", 0.0))
            oldest.transport.close()
            self.connections.discard(oldest)
            return True

        def _wait_for_header(self) -> None:
            self._cancel_header_timer()
            self._waiting_since = self.cycle
            self._header_timer = self.loop.call_later(self.header_timeout, self._header_late)

        def _cancel_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _header_late(self) -> None:
            self._header_timer = None
            if self.cycle is self._waiting_since and not self.transport.is_closing():
                self.transport.close()

        def handle_events(self) -> None:
            super().handle_events()
            if self._header_timer is not None and self.cycle is not self._waiting_since:
                self._cancel_header_timer()  # a new request's header is complete

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._wait_for_header()  # the next request's header, on a kept-alive connection

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_header_timer()
            super().connection_lost(exc)

    return GuardedH11Protocol


class OncePer(logging.Filter):
    """Lets a message through at most once per ``seconds`` (the same logger and text)."""

    def __init__(self, seconds: float = LOG_EVERY_S) -> None:
        super().__init__()
        self.seconds = seconds
        self._last: dict[tuple[str, str], float] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.getMessage()[:200])
        now = time.monotonic()
        if now - self._last.get(key, -self.seconds) < self.seconds:
            return False
        if len(self._last) > 1000:
            self._last.clear()
        self._last[key] = now
        return True


def quiet_repeated_logs() -> None:
    """Every log line of the server goes through :class:`OncePer`: uvicorn's handlers (set up
    by its configuration), and a handler on the root logger for the rest (asyncio, the app),
    which would otherwise go to Python's last-resort handler, unfiltered."""
    once = OncePer()
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(once)
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(name)s: %(message)s"))
        handler.addFilter(once)
        root.addHandler(handler)
        root.setLevel(logging.WARNING)
