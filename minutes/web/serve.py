"""``minutes serve``: run the web app with uvicorn on this machine.

Bound to 127.0.0.1 by default, so only this computer reaches it. Another address (``0.0.0.0``
to serve an office network) prints a warning first, and then the app answers to any host name;
``--token`` (or ``MINUTES_TOKEN``) makes every request need a secret, which the printed address
carries once.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from typing import IO
from urllib.parse import quote

from minutes.i18n import _


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
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
