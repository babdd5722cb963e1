"""Claims as flat rows (CSV, Parquet) and as JSON Lines.

One row per claim, with its reviewed values (as extracted while unreviewed) and its
article's metadata. Lists (quantities, evidence, flags) are JSON text in one cell, so a
row round-trips without a format of our own.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

from schemas.api import ClaimPublic
from service.models import Article

ColumnType = Literal["int", "str", "bool", "float"]

# Every column, in order, with its type (Parquet's schema is built from these).
COLUMNS: dict[str, ColumnType] = {
    "id": "int",
    "article_id": "int",
    "run_id": "int",
    "review_state": "str",
    "reviewed": "bool",
    "rating": "str",
    "rating_note": "str",
    "statement": "str",
    "kind": "str",
    "subject": "str",
    "source_name": "str",
    "source_anonymous": "bool",
    "source_via": "str",
    "certainty": "str",
    "negated": "bool",
    "quantities": "str",  # JSON: [{text, value, upper, unit, approx}]
    "time_text": "str",
    "time_start": "str",
    "time_end": "str",
    "location": "str",
    "evidence": "str",  # JSON: [{start, end, text, alignment}]
    "evidence_text": "str",  # the quotes, joined by " … "
    "flags": "str",  # JSON: ["fuzzy_evidence", ...]
    "article_title": "str",
    "article_url": "str",
    "article_outlet": "str",
    "article_published": "str",  # YYYY-MM-DD
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def claim_row(claim: ClaimPublic, article: Article | None) -> dict[str, Any]:
    """A claim as a flat row of COLUMNS (None for absent values)."""
    data = claim.model_dump(mode="json")
    source, time = data["source"] or {}, data["time"] or {}
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "run_id": claim.run_id,
        "review_state": data["review_state"],
        "reviewed": claim.reviewed,
        "rating": data["rating"],
        "rating_note": claim.rating_note,
        "statement": claim.statement,
        "kind": data["kind"],
        "subject": claim.subject,
        "source_name": source.get("name"),
        "source_anonymous": source.get("anonymous") if source else None,
        "source_via": source.get("via"),
        "certainty": data["certainty"],
        "negated": claim.negated,
        "quantities": _json(data["quantities"]),
        "time_text": time.get("text"),
        "time_start": time.get("start"),
        "time_end": time.get("end"),
        "location": claim.location,
        "evidence": _json(data["evidence"]),
        "evidence_text": " … ".join(span.text for span in claim.evidence),
        "flags": _json(data["flags"]),
        "article_title": article.title if article else None,
        "article_url": article.url if article else None,
        "article_outlet": article.outlet if article else None,
        "article_published": article.published.isoformat()
        if article and article.published
        else None,
    }


def claim_rows(
    claims: Iterable[ClaimPublic], articles: Mapping[int, Article]
) -> Iterator[dict[str, Any]]:
    """Each claim as a row, with its article's metadata."""
    for claim in claims:
        yield claim_row(claim, articles.get(claim.article_id))


def _cell(value: Any) -> Any:
    """CSV has no null or boolean: empty and true/false (lower case, as JSON writes them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_chunks(rows: Iterable[Mapping[str, Any]], *, header: bool = True) -> Iterator[str]:
    """CSV text (RFC 4180: CRLF line ends, quoting as needed), a header then one chunk per
    row, for streaming."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), extrasaction="raise")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    if header:
        writer.writeheader()
        yield flush()
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in row.items()})
        yield flush()


def jsonl_lines(claims: Iterable[ClaimPublic]) -> Iterator[str]:
    """JSON Lines: each claim as the API's JSON object, one per line."""
    for claim in claims:
        yield claim.model_dump_json() + "\n"
