"""Limits and same-origin checks applied to every request before any route parses it.

Plain ASGI (like DocsStayLocal): each check either passes the request on untouched or
answers at once with a 4xx in the common error shape naming the limit:

- the query string (414 over MAX_QUERY_BYTES) and each of its values (422 over
  MAX_QUERY_VALUE_CHARS, or holding NUL);
- writes (POST, PUT, PATCH, DELETE) from another site: a browser names the page's origin
  in `Origin` (or `Referer`); one that is neither this server nor in
  CLAIMKIT_TRUSTED_ORIGINS is refused (403), so a page a reviewer visits cannot write
  through the reviewer's browser, with or without an API key;
- write bodies: compressed ones (415), ones over CLAIMKIT_MAX_BODY_BYTES (413, read no
  further than the limit) and JSON nested deeper than MAX_JSON_DEPTH (400), found by a
  scan of the raw bytes before any parser recurses into them.

(Starlette's own body limit answers in plain text, not in the error shape, and the depth
scan needs the body buffered anyway.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.errors import WRITE_METHODS, error_response
from service.config import Settings

MAX_QUERY_BYTES = 4096
MAX_QUERY_VALUE_CHARS = 2000  # the longest query value an operation takes: a URL
MAX_JSON_DEPTH = 32

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


class RequestRejected(Exception):
    """A request a guard refuses: the status, a code and a message naming the limit."""

    def __init__(self, status_code: int, code: str, detail: str | list[dict[str, object]]) -> None:
        super().__init__(detail)
        self.status_code = status_code
        self.code = code
        self.detail = detail


def check_query(query_string: bytes) -> None:
    """Refuse an overlong query string, an overlong value, or NUL in a name or value."""
    if len(query_string) > MAX_QUERY_BYTES:
        raise RequestRejected(
            414,
            "query_too_long",
            f"the query string has {len(query_string):,} bytes; the limit is {MAX_QUERY_BYTES:,}",
        )
    for name, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        problem = _query_value_problem(value)
        if "\x00" in name:
            problem = "parameter names must not contain NUL (%00)"
        if problem:
            issue: dict[str, object] = {
                "loc": ["query", name],
                "msg": problem,
                "type": "value_error",
            }
            raise RequestRejected(422, "validation_error", [issue])


def _query_value_problem(value: str) -> str | None:
    if len(value) > MAX_QUERY_VALUE_CHARS:
        return (
            f"the value has {len(value):,} characters; query values are limited to "
            f"{MAX_QUERY_VALUE_CHARS:,}"
        )
    if "\x00" in value:
        return "must not contain NUL (%00)"
    return None


def _netloc(origin: str) -> tuple[str, str] | None:
    """(scheme, host[:port] without the scheme's default port) of an origin or URL."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    shown_port = "" if port is None or str(port) == _DEFAULT_PORTS[parts.scheme] else f":{port}"
    return parts.scheme, f"{host}{shown_port}"


def _own_netloc(host_header: str, scheme: str) -> str:
    host = host_header.strip().lower()
    default = f":{_DEFAULT_PORTS.get(scheme, '')}"
    return host[: -len(default)] if host.endswith(default) else host


def check_origin(headers: Headers, *, scheme: str, trusted: Iterable[str]) -> None:
    """Refuse a write whose Origin (or, without one, Referer) is another site.

    Requests naming no origin at all (curl, scripts, server-to-server) are not from a
    browser page and pass; browsers always send Origin with a cross-site write.
    """
    named = headers.get("origin")
    header = "Origin"
    if named is None:
        named, header = headers.get("referer"), "Referer"
    if named is None:
        return
    if named.strip().lower() in trusted:
        return
    found = _netloc(named.strip().lower())
    own = _own_netloc(headers.get("host", ""), scheme)
    if found is not None and own and found[1] == own:
        return
    raise RequestRejected(
        403,
        "cross_origin",
        f"cross-site write refused: {header} {named!r} is not this server ({own or 'no Host'})"
        "; add the site to CLAIMKIT_TRUSTED_ORIGINS if it may write",
    )


def json_depth_exceeds(body: bytes, limit: int) -> bool:
    """True when the JSON text nests arrays and objects deeper than `limit`.

    Strings are cut out first (brackets in them do not count); the scan stops at the first
    level past the limit, so a body of a million '[' costs no more than a small one.
    """
    depth = 0
    for match in _BRACKETS.finditer(_JSON_STRING.sub(b'""', body)):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth = max(depth - 1, 0)
    return False


def _is_json(headers: Headers) -> bool:
    media_type = headers.get("content-type", "").split(";")[0].strip().lower()
    # FastAPI reads a body without Content-Type as JSON too
    return not media_type or media_type == "application/json" or media_type.endswith("+json")


def check_encoding(headers: Headers) -> None:
    """Refuse a compressed body: no route decompresses, so it would be read as garbage."""
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise RequestRejected(
            415,
            "unsupported_content_encoding",
            f"Content-Encoding {encoding!r} is not supported: send the body uncompressed",
        )


def check_declared_length(headers: Headers, limit: int) -> None:
    """Refuse at once a body whose Content-Length is over the limit."""
    declared = headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise body_too_large(int(declared), limit)


def body_too_large(size: int, limit: int, *, at_least: bool = False) -> RequestRejected:
    """The 413 for a body of `size` bytes (or more) over `limit`."""
    more = "more than " if at_least else ""
    return RequestRejected(
        413,
        "body_too_large",
        f"the body has {more}{size:,} bytes; the limit is {limit:,} (CLAIMKIT_MAX_BODY_BYTES)",
    )


async def read_body(receive: Receive, limit: int) -> bytes:
    """The whole body, or RequestRejected (413) as soon as it passes `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise body_too_large(size, limit, at_least=message.get("more_body", False))
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def check_json_depth(body: bytes) -> None:
    """Refuse JSON nested deeper than MAX_JSON_DEPTH before a parser recurses into it."""
    if json_depth_exceeds(body, MAX_JSON_DEPTH):
        raise RequestRejected(
            400,
            "json_too_deep",
            f"the JSON body nests arrays or objects more than {MAX_JSON_DEPTH} levels deep",
        )


class RequestGuard:
    """Applies the module's checks to every HTTP request; settings come from app.state."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            receive = await self._checked(scope, receive)
        except RequestRejected as rejected:
            response = error_response(rejected.status_code, rejected.detail, code=rejected.code)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _checked(self, scope: Scope, receive: Receive) -> Receive:
        """Run the checks; returns the receive to pass on (the body replayed when read)."""
        check_query(scope.get("query_string", b""))
        if scope["method"] not in WRITE_METHODS:
            return receive
        settings: Settings = scope["app"].state.settings
        headers = Headers(scope=scope)
        check_origin(headers, scheme=scope.get("scheme", "http"), trusted=settings.trusted_origins)
        check_encoding(headers)
        check_declared_length(headers, settings.max_body_bytes)
        body = await read_body(receive, settings.max_body_bytes)
        if body and _is_json(headers):
            check_json_depth(body)
        return _replay(body, receive)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the app the buffered body, then the client's later messages."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
