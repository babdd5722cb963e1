"""Read and check a POSTed article: JSON or text/plain, with errors that name the problem."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Query, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from schemas.api import ArticleCreate, ArticleTitle, IsoDate, OutletName, WebAddress
from schemas.claims import NOT_BLANK_PATTERN
from service import article_text
from service.api.errors import ApiError
from service.config import Settings

ARTICLE_BODY_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "JSON `{text, title?, url?, outlet?, published?}`, or the plain text "
        "itself with `Content-Type: text/plain` (metadata then goes in the query string).",
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/ArticleCreate"},
                "examples": {
                    "article": {
                        "summary": "An article with metadata",
                        "value": ArticleCreate.model_json_schema()["examples"][0],
                    }
                },
            },
            "text/plain": {
                # maxLength (CLAIMKIT_MAX_ARTICLE_CHARS) is filled in from the settings
                "schema": {"type": "string", "pattern": NOT_BLANK_PATTERN},
                "example": "date 2024-10-27\n\nSouth Korea's National Intelligence Service "
                "said approximately 3,000 North Korean soldiers have been sent to Russia.",
            },
        },
    }
}


_PLAIN_ONLY = "with a text/plain body (checked, but not used, with a JSON body)"

_JSON_TYPES: dict[type, str] = {
    list: "array",
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def _bad(status_code: int, message: str, code: str | None = None) -> ApiError:
    return ApiError(status_code, message, code=code)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")  # a leading byte-order mark is encoding, not text
    except UnicodeDecodeError as error:
        raise _bad(
            status.HTTP_400_BAD_REQUEST,
            f"the body is not valid UTF-8: byte 0x{raw[error.start]:02x} at position "
            f"{error.start} cannot be decoded; send UTF-8 text",
            "invalid_utf8",
        ) from None


def _parse_json(body: str) -> ArticleCreate:
    try:
        payload = json.loads(body)
    except json.JSONDecodeError as error:
        raise _bad(
            status.HTTP_400_BAD_REQUEST, f"the body is not valid JSON: {error}", "invalid_json"
        ) from None
    if not isinstance(payload, dict):
        raise _bad(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"the body must be a JSON object with a 'text' field, not a JSON "
            f"{_JSON_TYPES.get(type(payload), 'value')}",
            "validation_error",
        )
    return _validated(payload, location="body")


def _validated(fields: dict[str, Any], *, location: str) -> ArticleCreate:
    """An ArticleCreate, or a 422 naming each bad field at its place in the request."""
    try:
        return ArticleCreate.model_validate(fields)
    except ValidationError as error:
        errors = error.errors(include_url=False, include_context=False, include_input=False)
        located = [{**e, "loc": _place(location, e["loc"])} for e in errors]
        raise RequestValidationError(located) from None


def _place(location: str, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    # text/plain: the body is the text; every other field is a query parameter
    if location == "query" and loc[:1] == ("text",):
        return ("body", *loc[1:])
    return (location, *loc)


async def read_article(
    request: Request,
    title: Annotated[ArticleTitle | None, Query(description=_PLAIN_ONLY)] = None,
    url: Annotated[WebAddress | None, Query(description=_PLAIN_ONLY)] = None,
    outlet: Annotated[OutletName | None, Query(description=_PLAIN_ONLY)] = None,
    published: Annotated[IsoDate | None, Query(description=_PLAIN_ONLY)] = None,
) -> ArticleCreate:
    """Parse the POST body by its content type into an ArticleCreate.

    The query parameters are checked whatever the body, but used for text/plain only.
    """
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = _decode(await request.body())
    if media_type == "application/json" or media_type.endswith("+json"):
        return _parse_json(body)
    if media_type == "text/plain":
        fields = {"text": body, "title": title, "url": url, "outlet": outlet}
        return _validated({**fields, "published": published}, location="query")
    shown = media_type or "none"
    raise _bad(
        status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
        f"unsupported Content-Type {shown!r}: send application/json or text/plain",
        "unsupported_media_type",
    )


def check_article_text(text: str, settings: Settings) -> None:
    """Reject text that cannot be stored or extracted: 413 when too long, else 422."""
    try:
        article_text.check_article_text(text, max_chars=settings.max_article_chars)
    except article_text.TextProblem as problem:
        status_code = 413 if problem.kind == "too_long" else 422
        raise _bad(status_code, str(problem), f"text_{problem.kind}") from None
