"""One error shape everywhere: `{"detail": ..., "code": ...}`, its handlers and OpenAPI entries.

Routes raise `ApiError(status, message, code=...)` (or FastAPI's HTTPException, which gets
the status's default code) and declare what they can answer with
`responses=error_responses(404, (409, "nothing to undo"))`. The codes every operation
shares (the request guards' 400, 403, 413, 414, 415 and 422, and 500) are added to the
OpenAPI description by `document_errors`, so routes name only their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from schemas.api import ErrorPublic

ERROR_SCHEMA_REF = {"$ref": "#/components/schemas/ErrorPublic"}

DEFAULT_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "body_too_large",
    414: "query_too_long",
    415: "unsupported_media_type",
    422: "validation_error",
    500: "internal_error",
    503: "unavailable",
}

DEFAULT_DESCRIPTIONS: dict[int, str] = {
    400: "the body is not UTF-8, not JSON, or nested deeper than the limit",
    401: "CLAIMKIT_API_KEY is set and X-API-Key is missing or wrong",
    403: "a cross-site write: Origin (or Referer) names another site",
    404: "no such record",
    409: "the request conflicts with the stored state",
    413: "the body is larger than CLAIMKIT_MAX_BODY_BYTES (or the text is too long)",
    414: "the query string is longer than the limit",
    415: "a Content-Type or Content-Encoding the operation does not read",
    422: "a parameter or field is missing, too long or has a bad value; `detail` names each",
    500: "an unexpected server error; the server log has details",
    503: "the service cannot take the request now; retry after `Retry-After` seconds",
}

# What the request guards (service/api/guards.py) may answer before any route runs.
GUARD_CODES_ANY = (414, 422, 500)
GUARD_CODES_WRITE = (400, 403, 413, 415)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class ApiError(HTTPException):
    """An HTTP error with a machine-readable code; the message names the problem."""

    def __init__(
        self,
        status_code: int,
        detail: str | list[dict[str, Any]],
        *,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status_code, detail=detail, headers=dict(headers or {}))
        self.code = code or default_code(status_code)


def default_code(status_code: int) -> str:
    """The code an error of this status has unless it names its own."""
    if status_code in DEFAULT_CODES:
        return DEFAULT_CODES[status_code]
    try:
        return HTTPStatus(status_code).name.lower()
    except ValueError:
        return "error"


def _printable(value: Any) -> Any:
    """`value` with every string encodable as UTF-8 (lone surrogates shown escaped)."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list | tuple):
        return [_printable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _printable(item) for key, item in value.items()}
    return value


def error_response(
    status_code: int,
    detail: str | Sequence[Mapping[str, Any]],
    *,
    code: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """The JSON answer for an error: `{"detail": ..., "code": ...}`."""
    content = {"detail": _printable(detail), "code": code or default_code(status_code)}
    return JSONResponse(content, status_code=status_code, headers=dict(headers or {}))


def issues(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Validation errors as `{loc, msg, type}`: never the input, which may not be printable."""
    shown = []
    for error in errors:
        loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]
        shown.append({"loc": loc, "msg": str(error.get("msg", "")), "type": error.get("type")})
    return shown


async def http_error(request: Request, error: Exception) -> JSONResponse:
    """Answer an HTTPException (ours, FastAPI's or Starlette's) in the common shape."""
    assert isinstance(error, StarletteHTTPException)
    code = getattr(error, "code", None) or default_code(error.status_code)
    detail = error.detail
    if isinstance(detail, list):
        detail = issues(detail)
    elif not isinstance(detail, str):
        detail = str(detail)
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = allowed_methods(request)
        detail = f"{request.method} is not allowed here; allowed: {headers['Allow']}"
    return error_response(error.status_code, detail, code=code, headers=headers)


def allowed_methods(request: Request) -> str:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    allowed = []
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        probe = {**request.scope, "method": method}
        if any(route.matches(probe)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


async def validation_error(request: Request, error: Exception) -> JSONResponse:
    """Answer a request that failed validation: 422 with one issue per bad field."""
    assert isinstance(error, RequestValidationError)
    return error_response(422, issues(error.errors()), code="validation_error")


ResponsesSpec = dict[int | str, dict[str, Any]]


def error_responses(*codes: int | tuple[int, str]) -> ResponsesSpec:
    """`responses=` entries for error statuses, each with the error body model.

    Give a status alone for its default description, or `(status, description)`:
    `responses={200: {...}, **error_responses(404, (409, "nothing to undo"))}`.
    """
    spec: ResponsesSpec = {}
    for item in codes:
        status, description = item if isinstance(item, tuple) else (item, None)
        default = DEFAULT_DESCRIPTIONS.get(status) or HTTPStatus(status).phrase
        spec[status] = {"model": ErrorPublic, "description": description or default}
    return spec


def _is_default_error_schema(schema: dict[str, Any] | None) -> bool:
    """True for no schema or FastAPI's own validation-error one (a route's model stays)."""
    return not schema or schema.get("$ref", "").endswith("/HTTPValidationError")


def document_errors(openapi: dict[str, Any]) -> dict[str, Any]:
    """Give every operation the guards' statuses and every error response the error model."""
    for item in openapi.get("paths", {}).values():
        for method, operation in item.items():
            if method.upper() not in {"GET", "HEAD", "OPTIONS", *WRITE_METHODS}:
                continue
            responses = operation.setdefault("responses", {})
            shared: tuple[int, ...] = GUARD_CODES_ANY
            if method.upper() in WRITE_METHODS:
                shared += GUARD_CODES_WRITE
            for status in shared:
                responses.setdefault(str(status), {"description": DEFAULT_DESCRIPTIONS[status]})
            for status, response in responses.items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if status[:1] in "45" and _is_default_error_schema(schema):
                    response["content"] = {"application/json": {"schema": ERROR_SCHEMA_REF}}
            operation["responses"] = dict(sorted(responses.items()))
    schemas = openapi.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    if "ErrorPublic" not in schemas:
        schema = ErrorPublic.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas["ErrorPublic"] = schema
    return openapi
