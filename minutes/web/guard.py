"""What stands between the network and the app: body size, the Host header, the access token,
and the language of messages. Plain ASGI middleware, so each sees every request (pages, API and
files alike) before any route reads a byte of its body.

- **Body size.** A meeting file is a few kilobytes; the loader refuses more than
  :attr:`minutes.Limits.max_bytes`. A body larger than that (plus room for a form's field names
  and an upload's envelope) is refused with 413 as soon as its ``Content-Length`` or its count of
  bytes says so, without reading the rest.
- **Host.** Bound to 127.0.0.1, the app answers only requests addressed to ``localhost`` or a
  loopback address: a web page elsewhere cannot reach it through DNS rebinding.
- **Token.** With an access token set, every request but the static files needs it: as
  ``Authorization: Bearer …``, or once in the address (``/?token=…``), which sets a cookie for
  the rest of the visit (HttpOnly, SameSite=Strict) and takes the token out of the address.
- **Language.** The API answers in the language asked for (``?lang=en`` or an English
  ``Accept-Language``), Vietnamese otherwise; the pages are Vietnamese. Set per request, so one
  English request does not turn the next one English (:func:`minutes.i18n.language`).
"""

from __future__ import annotations

import hmac
import json
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
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


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
        self.allowed = frozenset(host.lower() for host in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = (_header(scope, b"host") or "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed:
                await send_json(
                    send,
                    400,
                    {
                        "detail": _("This server answers only to {hosts}.").format(
                            hosts=", ".join(sorted(self.allowed))
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
        """Set the cookie and send the browser to the same address without the token."""
        location = scope["path"] + (f"?{urlencode(query)}" if query else "")
        cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        headers = [
            (b"location", location.encode("utf-8")),
            (b"set-cookie", cookie.encode("latin-1")),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 303, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


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
