"""What stands between the network and the app: the Host header, cross-site requests, the access
token, body size and time, and the language of messages. Plain ASGI middleware, so each sees
every request (pages, API and files alike) before any route reads a byte of its body.

- **Host.** Bound to 127.0.0.1, the app answers only requests addressed to ``localhost`` or a
  loopback address: a web page elsewhere cannot reach it through DNS rebinding. The header is
  parsed strictly (a name or a bracketed IPv6 address, an optional port of digits, one header).
- **Cross-site requests.** A browser says where a request comes from: ``Origin`` (sent with
  every POST by today's browsers) and ``Sec-Fetch-Site``. A request that changes or costs
  anything (any method but GET, HEAD, OPTIONS) from another site is refused with 403 before its
  body is read, so a page the clerk happens to open cannot make the app render or freeze, with or
  without ``--token``. Programs (curl, another service) send neither header and are let through
  to the API; the form's routes also need the per-session token of :func:`csrf_token`.
- **Token.** With an access token set, every request but the static files needs it: as
  ``Authorization: Bearer …``, or once in the address (``/?token=…``), which sets a cookie for
  the rest of the visit (HttpOnly, SameSite=Strict) and takes the token out of the address.
- **Body size and time.** A meeting file is a few kilobytes; the loader refuses more than
  :attr:`minutes.Limits.max_bytes`. A body larger than that (plus room for a form's field names
  and an upload's envelope) is refused with 413 as soon as its ``Content-Length`` or its count of
  bytes says so, without reading the rest; a body that stalls (no bytes for
  :data:`BODY_IDLE_S` seconds) or drags (not all there after :data:`BODY_TOTAL_S`) is refused
  with 408.
- **Language.** The API answers in the language asked for (``?lang=en`` or an English
  ``Accept-Language``), Vietnamese otherwise; the pages are Vietnamese. Set per request, so one
  English request does not turn the next one English (:func:`minutes.i18n.language`).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from minutes.i18n import _, decimal_text, language

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "minutes_token"
CSRF_COOKIE = "minutes_csrf"
CSRF_FIELD = "_csrf"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BODY_IDLE_S = 10.0
"""Seconds a request body may go without a byte (nginx's ``client_body_timeout`` is 60)."""
BODY_TOTAL_S = 60.0
"""Seconds a whole request body may take (1.25 MB then needs 21 kB/s)."""


async def send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    """A JSON answer written straight to the ASGI ``send`` (no route involved)."""
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(payload)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _headers(scope: Scope, name: bytes) -> list[str]:
    return [
        bytes(value).decode("latin-1") for key, value in scope.get("headers", []) if key == name
    ]


_HOST = re.compile(
    r"(?:\[(?P<ipv6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?))"
    r"(?::(?P<port>[0-9]{1,5}))?"
)


def host_name(value: str) -> str | None:
    """The name in a ``Host`` header (``localhost``, ``127.0.0.1``, ``[::1]``), or ``None`` if
    the header is not a plain host with an optional port (``localhost:``, ``a b``, ``x@y``,
    ``localhost.``, a port of letters or above 65535 are all refused)."""
    match = _HOST.fullmatch(value.strip().lower())
    if match is None:
        return None
    port = match.group("port")
    if port is not None and not 0 < int(port) < 65536:
        return None
    return f"[{match.group('ipv6')}]" if match.group("ipv6") else match.group("name")


class _TooLarge(Exception):
    pass


class BodyLimit:
    """413 for a request body over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        limit = decimal_text(self.max_bytes / (1024 * 1024))
        await send_json(
            send,
            413,
            {"detail": _("The request is too large (more than {limit} MB).").format(limit=limit)},
        )


class HostCheck:
    """400 for a request whose Host header is not one of ``allowed`` (names, without port)."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = frozenset(
            f"[{host}]" if ":" in host and not host.startswith("[") else host.lower()
            for host in allowed
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            hosts = _headers(scope, b"host")
            name = host_name(hosts[0]) if len(hosts) == 1 else None
            if name not in self.allowed:
                await send_json(
                    send,
                    400,
                    {
                        "detail": _("This server answers only to {hosts}.").format(
                            hosts=", ".join(sorted(self.allowed - {"::1"}))
                        )
                    },
                )
                return
        await self.app(scope, receive, send)


class TokenCheck:
    """401 without the access token (see the module's docstring for where it may be)."""

    def __init__(self, app: ASGIApp, token: str, open_prefixes: tuple[str, ...] = ("/static/",)):
        self.app = app
        self.token = token
        self.open_prefixes = open_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(self.open_prefixes):
            await self.app(scope, receive, send)
            return
        query = parse_qsl(bytes(scope.get("query_string", b"")).decode("latin-1"))
        given = dict(query).get("token")
        if given is not None and self._matches(given) and scope["method"] == "GET":
            await self._remember(scope, send, [(k, v) for k, v in query if k != "token"])
            return
        if self._matches(self._bearer(scope)) or self._matches(self._cookie(scope)):
            await self.app(scope, receive, send)
            return
        await send_json(
            send,
            401,
            {"detail": _("This server needs its access token: open the address it printed.")},
        )

    def _matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    @staticmethod
    def _bearer(scope: Scope) -> str | None:
        value = _header(scope, b"authorization") or ""
        scheme, _space, credentials = value.partition(" ")
        return credentials.strip() if scheme.lower() == "bearer" else None

    @staticmethod
    def _cookie(scope: Scope) -> str | None:
        cookies: SimpleCookie = SimpleCookie()
        try:
            cookies.load(_header(scope, b"cookie") or "")
        except Exception:  # a malformed Cookie header is no token
            return None
        morsel = cookies.get(TOKEN_COOKIE)
        return morsel.value if morsel else None

    async def _remember(self, scope: Scope, send: Send, query: list[tuple[str, str]]) -> None:
        """Set the cookie and send the browser to the same address without the token. The path
        is made to start with one slash: ``//evil.example/`` (or ``/\\evil.example``) would send
        the browser to another site with the cookie just set."""
        path = "/" + str(scope["path"]).lstrip("/\\")
        location = path + (f"?{urlencode(query)}" if query else "")
        cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        headers = [
            (b"location", location.encode("utf-8")),
            (b"set-cookie", cookie.encode("latin-1")),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 303, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


class CrossSite:
    """403 for a request that changes or costs something (any method but GET, HEAD, OPTIONS)
    coming from another web site, as the browser tells: ``Sec-Fetch-Site`` other than
    ``same-origin`` (or ``none``), or an ``Origin`` other than this server's own (``null``
    included: a sandboxed frame, a file). Read from the headers only, before the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        unsafe = scope["type"] == "http" and scope["method"] not in SAFE_METHODS
        if unsafe and not same_origin(scope):
            message = _("Requests from other web sites are refused: open the app's own page.")
            await send_json(send, 403, {"detail": message})
            return
        await self.app(scope, receive, send)


def same_origin(scope: Scope) -> bool:
    """Whether the request's browser headers (if any) say it comes from this very server."""
    fetch_site = _header(scope, b"sec-fetch-site")
    if fetch_site is not None and fetch_site.strip().lower() not in ("same-origin", "none"):
        return False
    origins = _headers(scope, b"origin")
    if not origins:
        return True  # not a browser, or one that says nothing: the form's token decides
    host = _header(scope, b"host") or ""
    own = f"{scope.get('scheme', 'http')}://{host.strip().lower()}"
    return len(origins) == 1 and origins[0].strip().lower() == own


_CSRF_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


def csrf_token(cookies: dict[str, str]) -> tuple[str, bool]:
    """The form's per-session token: the one in the ``minutes_csrf`` cookie, or a new one
    (``True``: to set in a cookie). The page carries it in a hidden field and every form route
    checks that the field and the cookie agree: a page elsewhere can make the browser post to
    the app, but can neither read nor set the cookie (HttpOnly, SameSite=Strict), so it cannot
    know the value to post. (The double-submit pattern; no server state, so a restart of the
    app does not make open pages stale.)"""
    token = cookies.get(CSRF_COOKIE, "")
    if _CSRF_TOKEN.fullmatch(token):
        return token, False
    return secrets.token_urlsafe(32), True


def csrf_ok(cookies: dict[str, str], submitted: object) -> bool:
    """Whether the token a form submitted is this session's."""
    token = cookies.get(CSRF_COOKIE, "")
    return (
        isinstance(submitted, str)
        and _CSRF_TOKEN.fullmatch(token) is not None
        and hmac.compare_digest(submitted.encode(), token.encode())
    )


class _SlowBody(Exception):
    pass


class BodyTimeout:
    """408 for a request body that stalls (:data:`BODY_IDLE_S` without a byte) or drags (not
    complete after :data:`BODY_TOTAL_S`): a client cannot hold a request open by trickling."""

    def __init__(self, app: ASGIApp, idle: float = BODY_IDLE_S, total: float = BODY_TOTAL_S):
        self.app = app
        self.idle = idle
        self.total = total

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.total
        complete = False
        started = False

        async def timed_receive() -> Message:
            nonlocal complete
            if complete:  # the body is in: what comes now is the disconnect, whenever it comes
                return await receive()
            wait = min(self.idle, deadline - loop.time())
            try:
                message = await asyncio.wait_for(receive(), max(0.001, wait))
            except asyncio.TimeoutError:
                raise _SlowBody from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                complete = True
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, timed_receive, watched_send)
        except _SlowBody:
            if not started:
                await send_json(
                    send,
                    408,
                    {"detail": _("The request's body came too slowly; send it again.")},
                )


def requested_language(scope: Scope) -> str:
    """``en`` when the request asks for English first (``?lang=en``, ``Accept-Language``)."""
    query = dict(parse_qsl(bytes(scope.get("query_string", b"")).decode("latin-1")))
    asked = query.get("lang")
    if asked in ("vi", "en"):
        return asked
    first = (_header(scope, b"accept-language") or "").split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "vi"


class Language:
    """Messages in the request's language under ``/api``, Vietnamese elsewhere."""

    def __init__(self, app: ASGIApp, api_prefix: str = "/api") -> None:
        self.app = app
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        lang = "vi"
        if scope["type"] == "http" and scope["path"].startswith(self.api_prefix):
            lang = requested_language(scope)
        with language(lang):
            await self.app(scope, receive, send)
