"""Claim lists in the format a client asks for: one dependency that negotiates it (`?format=`
wins over Accept), one function that answers in it, and the OpenAPI entries saying so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from schemas.api import ClaimPublic, ClaimsPublic
from schemas.claims import Claim
from service.api.errors import ApiError, ResponsesSpec, error_responses
from service.exports.annotation import annotation_collection
from service.exports.formats import MEDIA_TYPES, ExportFormat, NotAcceptable, negotiate
from service.exports.jsonld import claims_graph
from service.exports.rows import claim_rows, csv_chunks, jsonl_lines
from service.models import Article

TOTAL_HEADER = "X-Total-Count"
FORMAT_DESCRIPTION = (
    "the answer's format: `json` (default), `csv`, `jsonl` (JSON Lines), `annotation` (W3C "
    "Web Annotation JSON-LD, one annotation per evidence span) or `jsonld` (schema.org Claim "
    "and ClaimReview); wins over the Accept header"
)
NEGOTIATION_NOTE = (
    " **Formats:** `?format=json|csv|jsonl|annotation|jsonld`, or the Accept header: "
    "`text/csv`, `application/x-ndjson` (or `application/jsonl`), `application/ld+json` "
    '(schema.org), `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"` (Web '
    "Annotation); `?format=` wins, `application/json` is the default and an Accept nothing "
    "matches is a 406. CSV and JSON Lines stream; the non-JSON formats give the total count "
    f"in `{TOTAL_HEADER}`."
)


def chosen_format(
    request: Request,
    format_: Annotated[
        ExportFormat | None, Query(alias="format", description=FORMAT_DESCRIPTION)
    ] = None,
) -> ExportFormat:
    """The format to answer with; 406 when Accept names none of them."""
    try:
        return negotiate(format_, request.headers.get("accept"))
    except NotAcceptable as error:
        raise ApiError(406, str(error), code="not_acceptable") from None


FormatDep = Annotated[ExportFormat, Depends(chosen_format)]


def claims_answer(
    chosen: ExportFormat,
    *,
    page: ClaimsPublic,
    articles: Mapping[int, Article],
    request: Request,
    response: Response,
) -> ClaimsPublic | Response:
    """The page in the chosen format: the model itself for JSON (FastAPI serialises it),
    else a response streaming CSV or JSON Lines, or a JSON-LD document."""
    response.headers["Vary"] = "Accept"
    if chosen == ExportFormat.json:
        return page
    headers = {"Vary": "Accept", TOTAL_HEADER: str(page.count)}
    media_type = MEDIA_TYPES[chosen]
    if chosen == ExportFormat.csv:
        chunks: Iterator[str] = csv_chunks(claim_rows(page.data, articles))
        return StreamingResponse(chunks, media_type=media_type, headers=headers)
    if chosen == ExportFormat.jsonl:
        return StreamingResponse(jsonl_lines(page.data), media_type=media_type, headers=headers)
    if chosen == ExportFormat.annotation:
        document = annotation_collection(page.data, articles, collection_id=str(request.url))
    else:
        document = claims_graph(page.data, articles)
    return JSONResponse(document, media_type=media_type, headers=headers)


# --- OpenAPI: every format with an example built by the code that writes it -------------


EXAMPLE_TEXT = (
    "North Korean troops arrive in Kursk\n\nSouth Korea's National Intelligence Service "
    "said on Wednesday: To date, approximately 3,000 North Korean soldiers have been sent "
    "to Russia. Officials in Kyiv did not comment."
)


def _example_claims() -> tuple[list[ClaimPublic], dict[int, Article]]:
    claim = Claim.model_json_schema()["examples"][0]
    quote = claim["evidence"][0]["text"]
    start = EXAMPLE_TEXT.index(quote)
    span = {**claim["evidence"][0], "start": start, "end": start + len(quote)}
    public = ClaimPublic.model_validate(
        {
            **claim,
            "evidence": [span],
            "id": 20,
            "article_id": 1,
            "run_id": 1,
            "review_state": "edited",
            "reviewed": True,
            "rating": "misleading",
            "rating_note": "Counts every unit sent, not soldiers now in Russia.",
            "rated_by": "Ada",
            "rated_at": dt.datetime(2024, 10, 28, 9, 30, tzinfo=dt.UTC),
        }
    )
    article = Article(
        id=1,
        text=EXAMPLE_TEXT,
        text_sha256="",
        title="North Korean troops arrive in Kursk",
        title_source="first_line",
        url="https://news.example/2024/10/27/kursk",
        outlet="Example Daily",
        published=dt.date(2024, 10, 27),
        char_count=len(EXAMPLE_TEXT),
    )
    return [public], {1: article}


def _examples() -> dict[ExportFormat, Any]:
    claims, articles = _example_claims()
    collection_id = "http://127.0.0.1:8000/claims?q=3%2C000&format=annotation"
    return {
        ExportFormat.csv: "".join(csv_chunks(claim_rows(claims, articles))),
        ExportFormat.jsonl: "".join(jsonl_lines(claims)),
        ExportFormat.jsonld: claims_graph(claims, articles),
        ExportFormat.annotation: annotation_collection(
            claims, articles, collection_id=collection_id
        ),
    }


_LD_SCHEMA = {"type": "object", "required": ["@context"], "additionalProperties": True}


def claims_responses(*errors: int | tuple[int, str]) -> ResponsesSpec:
    """`responses=` for an operation answering a claim list in every format, plus errors."""
    examples = _examples()
    content: dict[str, Any] = {}
    for chosen, example in examples.items():
        media_type = MEDIA_TYPES[chosen]
        text = chosen in (ExportFormat.csv, ExportFormat.jsonl)
        schema = {"type": "string"} if text else _LD_SCHEMA
        content[media_type.replace("; charset=utf-8", "")] = {"schema": schema, "example": example}
    return {
        200: {
            "description": "the claims, in the format asked for (JSON by default)",
            "headers": {
                TOTAL_HEADER: {
                    "description": "the total number of matching claims (non-JSON formats)",
                    "schema": {"type": "integer", "minimum": 0},
                }
            },
            "content": content,
        },
        **error_responses(
            *errors,
            (406, "the Accept header names none of the formats (see the description)"),
        ),
    }
