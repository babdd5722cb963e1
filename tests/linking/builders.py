"""Made-up claims and articles for the linking tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schemas.claims import Claim
from service.linking import ArticleInput


def claim(
    statement: str,
    subject: str,
    *,
    source: str | None = None,
    anonymous: bool = False,
    via: str | None = None,
    kind: str = "state",
    certainty: str = "certain",
    negated: bool = False,
    quantities: list[dict[str, Any]] | None = None,
    time: dict[str, Any] | None = None,
    location: str | None = None,
) -> Claim:
    """A contract claim with a placeholder evidence span."""
    data: dict[str, Any] = {
        "statement": statement,
        "kind": kind,
        "subject": subject,
        "certainty": certainty,
        "negated": negated,
        "quantities": quantities or [],
        "time": time,
        "location": location,
        "evidence": [{"start": 0, "end": 1, "text": statement[0]}],
    }
    if source is not None:
        data["source"] = {"name": source, "anonymous": anonymous, "via": via}
    return Claim.model_validate(data)


def quantity(
    text: str, value: float, unit: str, approx: str = "exact", **extra: Any
) -> dict[str, Any]:
    """A quantity dict for `claim`."""
    return {"text": text, "value": value, "unit": unit, "approx": approx, **extra}


def article(
    key: str,
    text: str,
    claims: list[tuple[str, Claim]],
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
) -> ArticleInput:
    """An article input; its claims' keys must be unique across articles."""
    return ArticleInput(key=key, text=text, published=published, outlet=outlet, claims=claims)
