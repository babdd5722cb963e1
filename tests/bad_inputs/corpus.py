"""A corpus of bad requests, one case per class of bad input an attacker or a careless
client sends: each names the answer it must get (a 4xx) and a word its message must say.

Paths and bodies may name `{article}` and `{claim}`: the ids of an article the test seeds
(text ARTICLE, claims from SEEDED_QUOTES) before sending the corpus.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from typing import Any

ARTICLE = (
    "Officials said about 3,000 soldiers arrived in Kursk on Wednesday.\n\n"
    "The White House confirmed the deployment on Thursday."
)
SEEDED_QUOTES = (
    "Officials said about 3,000 soldiers arrived in Kursk on Wednesday",
    "The White House confirmed the deployment on Thursday",
)
OTHER_TEXT = "The ferry resumed service on Friday after the storm, the operator said."
JSON = "application/json"
PLAIN = "text/plain"
EVIL = "http://evil.example"


def _json(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


def _edit(**changes: Any) -> dict[str, Any]:
    """A valid edit of the seeded first claim, with `changes` applied."""
    return {
        "statement": "About 3,000 soldiers arrived in Kursk on Wednesday.",
        "kind": "event",
        "subject": "soldiers",
        "quantities": [{"text": "about 3,000", "value": 3000, "approx": "approximately"}],
        "evidence": ["about 3,000 soldiers arrived in Kursk"],
        **changes,
    }


def _nested(depth: int) -> bytes:
    return b'{"text": ' + b"[" * depth + b"]" * depth + b"}"


@dataclass(frozen=True)
class BadInput:
    """One bad request and the answer it must get."""

    name: str  # the class of bad input, as a sentence fragment
    method: str
    path: str
    status: int
    says: str  # a fragment the error message must contain (case-insensitive)
    body: bytes | None = None
    content_type: str | None = JSON
    headers: dict[str, str] = field(default_factory=dict)

    def request_headers(self) -> dict[str, str]:
        """Its headers, with the content type."""
        extra = {"Content-Type": self.content_type} if self.content_type else {}
        return {**extra, **self.headers}


CORPUS: tuple[BadInput, ...] = (
    # --- the text of an article
    BadInput("empty text", "POST", "/articles", 422, "empty", _json({"text": ""})),
    BadInput("whitespace text", "POST", "/articles", 422, "whitespace", _json({"text": " \n\t "})),
    BadInput(
        "text over CLAIMKIT_MAX_ARTICLE_CHARS",
        "POST",
        "/articles",
        413,
        "CLAIMKIT_MAX_ARTICLE_CHARS",
        ("a" * 200_001).encode(),
        PLAIN,
    ),
    BadInput("invalid UTF-8", "POST", "/articles", 400, "UTF-8", b"caf\xe9 \xff\xfe", PLAIN),
    BadInput("invalid UTF-8 in JSON", "POST", "/articles", 400, "UTF-8", b'{"text": "\xff"}'),
    BadInput("NUL in text", "POST", "/articles", 422, "NUL", _json({"text": "a\u0000b"})),
    BadInput("NUL in plain text", "POST", "/articles", 422, "NUL", b"a\x00b", PLAIN),
    BadInput(
        "HTML text",
        "POST",
        "/articles",
        422,
        "HTML",
        _json({"text": "<html><body><p>Troops arrived.</p></body></html>"}),
    ),
    BadInput(
        "script tag in text",
        "POST",
        "/articles",
        422,
        "HTML",
        _json({"text": "Troops arrived.<script>alert(1)</script>"}),
    ),
    # --- metadata
    BadInput(
        "NUL in title",
        "POST",
        "/articles",
        422,
        "NUL",
        _json({"text": OTHER_TEXT, "title": "t\u0000"}),
    ),
    BadInput(
        "NUL in outlet",
        "POST",
        "/articles",
        422,
        "NUL",
        _json({"text": OTHER_TEXT, "outlet": "o\u0000"}),
    ),
    BadInput(
        "NUL in a text/plain title",
        "POST",
        "/articles?title=t%00",
        422,
        "NUL",
        OTHER_TEXT.encode(),
        PLAIN,
    ),
    BadInput(
        "lone surrogate in title",
        "POST",
        "/articles",
        422,
        "unicode",
        b'{"text": "Troops arrived in Kursk.", "title": "\\ud800"}',
    ),
    BadInput(
        "lone surrogate in text",
        "POST",
        "/articles",
        422,
        "surrogate",
        b'{"text": "Troops \\udc00 arrived."}',
    ),
    BadInput(
        "javascript: URL",
        "POST",
        "/articles",
        422,
        "URL",
        _json({"text": OTHER_TEXT, "url": "javascript:alert(1)"}),
    ),
    BadInput(
        "date as a number",
        "POST",
        "/articles",
        422,
        "YYYY-MM-DD",
        _json({"text": OTHER_TEXT, "published": 0}),
    ),
    BadInput(
        "unknown field",
        "POST",
        "/articles",
        422,
        "extra",
        _json({"text": OTHER_TEXT, "author": "x"}),
    ),
    BadInput("JSON that is not an object", "POST", "/articles", 422, "object", b"[1, 2]"),
    BadInput("body that is not JSON", "POST", "/articles", 400, "not valid JSON", b"{text: x"),
    # --- content types and encodings
    BadInput("XML body", "POST", "/articles", 415, "Content-Type", b"<a/>", "application/xml"),
    BadInput(
        "form body",
        "POST",
        "/articles",
        415,
        "Content-Type",
        b"text=x",
        "application/x-www-form-urlencoded",
    ),
    BadInput("no content type", "POST", "/articles", 415, "Content-Type", b"x", None),
    BadInput(
        "gzip body",
        "POST",
        "/articles",
        415,
        "Content-Encoding",
        gzip.compress(_json({"text": OTHER_TEXT})),
        JSON,
        {"Content-Encoding": "gzip"},
    ),
    BadInput(
        "gzip bytes sent as JSON",
        "POST",
        "/articles",
        400,
        "UTF-8",
        gzip.compress(_json({"text": OTHER_TEXT})),
    ),
    # --- sizes and nesting, refused before parsing
    BadInput("JSON 1,000 levels deep", "POST", "/articles", 400, "levels", _nested(1_000)),
    BadInput("JSON 100,000 levels deep", "POST", "/articles", 400, "levels", _nested(100_000)),
    BadInput("unclosed deep JSON", "POST", "/articles", 400, "levels", b"[" * 50_000),
    BadInput(
        "body over CLAIMKIT_MAX_BODY_BYTES",
        "POST",
        "/articles",
        413,
        "CLAIMKIT_MAX_BODY_BYTES",
        _json({"text": "a" * 2_200_000}),
    ),
    BadInput("60,000-character search", "GET", "/claims?q=" + "a" * 60_000, 414, "query"),
    BadInput("50,000-character search", "GET", "/claims?q=" + "a" * 50_000, 414, "query"),
    BadInput("500-character search", "GET", "/claims?q=" + "a" * 500, 422, "200"),
    BadInput(
        "overlong query value",
        "POST",
        "/articles?url=http://a.example/" + "a" * 3000,
        422,
        "2,000",
        OTHER_TEXT.encode(),
        PLAIN,
    ),
    BadInput("NUL in a search", "GET", "/claims?q=%00", 422, "NUL"),
    BadInput("NUL in a filter name", "GET", "/claims?q%00=x", 422, "NUL"),
    # --- ids
    BadInput("huge id", "GET", "/articles/99999999999999999999", 422, "less than"),
    BadInput("negative id", "GET", "/articles/-1", 422, "greater than"),
    BadInput("id that is not a number", "GET", "/claims/abc/review", 422, "integer"),
    BadInput("SQL in an id", "GET", "/articles/1;DROP%20TABLE%20article", 422, "integer"),
    BadInput(
        "path traversal in an id", "GET", "/articles/..%2F..%2Fetc%2Fpasswd", 404, "not found"
    ),
    BadInput(
        "path traversal in static files", "GET", "/static/..%2F..%2Fconfig.py", 404, "not found"
    ),
    BadInput("NUL in an id", "GET", "/runs/%00", 422, "integer"),
    BadInput("unknown id", "GET", "/articles/2147483647", 404, "does not exist"),
    BadInput("negative paging", "GET", "/articles?skip=-1&limit=100000", 422, "greater"),
    BadInput("unknown route", "GET", "/admin", 404, "not found"),
    BadInput("unsupported method", "DELETE", "/articles", 405, "allowed"),
    # --- review edits
    BadInput(
        "NUL in the reviewer header",
        "POST",
        "/claims/{claim}/accept",
        422,
        "NUL",
        None,
        None,
        {"X-Reviewer": "bob%00"},
    ),
    BadInput(
        "NaN quantity",
        "POST",
        "/claims/{claim}/edit",
        422,
        "finite",
        _json(_edit(quantities=[{"text": "about 3,000", "value": float("nan")}])),
    ),
    BadInput(
        "Infinity quantity",
        "POST",
        "/claims/{claim}/edit",
        422,
        "finite",
        _json(_edit(quantities=[{"text": "about 3,000", "value": float("inf")}])),
    ),
    BadInput(
        "1e400 quantity",
        "POST",
        "/claims/{claim}/edit",
        422,
        "finite",
        _json(_edit(quantities=[{"text": "about 3,000", "value": 1}])).replace(
            b'"value": 1', b'"value": 1e400'
        ),
    ),
    BadInput(
        "lone surrogate in an edit",
        "POST",
        "/claims/{claim}/edit",
        422,
        "unicode",
        _json(_edit()).replace(b'"subject": "soldiers"', b'"subject": "sol\\ud800diers"'),
    ),
    BadInput(
        "lone surrogate in an added claim",
        "POST",
        "/articles/{article}/review/claims",
        422,
        "unicode",
        _json(_edit()).replace(b'"statement": "', b'"statement": "\\udfff'),
    ),
    BadInput(
        "NUL in an edit",
        "POST",
        "/claims/{claim}/edit",
        422,
        "NUL",
        _json(_edit(location="Kur\u0000sk")),
    ),
    BadInput(
        "statement over the edit limit",
        "POST",
        "/claims/{claim}/edit",
        422,
        "2000",
        _json(_edit(statement="Troops arrived. " * 200)),
    ),
    BadInput(
        "10 MB statement",
        "POST",
        "/claims/{claim}/edit",
        413,
        "CLAIMKIT_MAX_BODY_BYTES",
        _json(_edit(statement="x" * 10_000_000)),
    ),
    BadInput(
        "too many evidence items",
        "POST",
        "/claims/{claim}/edit",
        422,
        "20",
        _json(_edit(evidence=["about 3,000 soldiers arrived in Kursk"] * 21)),
    ),
    BadInput(
        "too many quantities",
        "POST",
        "/articles/{article}/review/claims",
        422,
        "20",
        _json(_edit(quantities=[{"text": "about 3,000", "value": 3000}] * 21)),
    ),
    BadInput(
        "evidence not in the article",
        "POST",
        "/claims/{claim}/edit",
        422,
        "verbatim",
        _json(_edit(evidence=["Aliens landed in Kursk"])),
    ),
    BadInput("edit without a body", "POST", "/claims/{claim}/edit", 422, "missing", None, None),
    # --- choices that would reach a model
    BadInput(
        "model outside the allow-list",
        "POST",
        "/articles/{article}/extract",
        422,
        "CLAIMKIT_ALLOWED_MODELS",
        _json({"model": "openai/gpt-4o"}),
    ),
    BadInput(
        "llm extractor without a model",
        "POST",
        "/articles/{article}/extract",
        422,
        "CLAIMKIT_MODEL",
        _json({"extractor": "llm"}),
    ),
    BadInput(
        "unknown prompt version",
        "POST",
        "/articles/{article}/extract",
        422,
        "v99",
        _json({"prompt_version": "v99"}),
    ),
    # --- cross-site writes
    BadInput(
        "cross-site text/plain POST",
        "POST",
        "/articles",
        403,
        "cross-site",
        OTHER_TEXT.encode(),
        PLAIN,
        {"Origin": EVIL},
    ),
    BadInput(
        "cross-site body-less accept",
        "POST",
        "/claims/{claim}/accept",
        403,
        "cross-site",
        None,
        None,
        {"Origin": EVIL},
    ),
    BadInput(
        "cross-site body-less extract",
        "POST",
        "/articles/{article}/extract",
        403,
        "cross-site",
        None,
        None,
        {"Referer": EVIL + "/page.html"},
    ),
    BadInput(
        "opaque (null) origin",
        "POST",
        "/articles/{article}/review/undo",
        403,
        "cross-site",
        None,
        None,
        {"Origin": "null"},
    ),
)

# Script in every text field the review pages show: stored as sent (it is text), shown
# escaped. `field` names where it goes; the test checks the pages.
SCRIPT = "<script>window.__xss=1</script>"
ATTRIBUTE_BREAK = '"><img src=x onerror="window.__xss=2">'
