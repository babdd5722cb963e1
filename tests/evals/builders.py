"""Small hand-built articles and claims for eval tests, with spans computed from quotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schemas.claims import Claim, ClaimKind, Quantity, Source, Span, TimeRef
from schemas.gold import GoldArticle, GoldClaim

TEXT = (
    "Troops arrive in Kursk\n\n"
    "Officials said 5,000 troops arrived in Kursk on Monday. "
    "The ministry denied that the troops had fought. "
    "Analysts expect more deployments by December, and the army plans new drills."
)
PUBLISHED = "2024-10-23"


def span(quote: str, text: str = TEXT) -> Span:
    """The span of the first occurrence of `quote` in `text`."""
    start = text.index(quote)
    return Span(start=start, end=start + len(quote), text=quote)


def claim(statement: str, *quotes: str, text: str = TEXT, **fields: Any) -> Claim:
    """A predicted claim whose evidence is the given quotes."""
    fields.setdefault("kind", ClaimKind.event)
    fields.setdefault("subject", "troops")
    return Claim(statement=statement, evidence=[span(q, text) for q in quotes], **fields)


def gold_claim(
    claim_id: str, statement: str, *quotes: str, text: str = TEXT, **fields: Any
) -> GoldClaim:
    """A gold claim whose evidence is the given quotes."""
    return GoldClaim(id=claim_id, **claim(statement, *quotes, text=text, **fields).model_dump())


ARRIVED = {
    "statement": "5,000 troops arrived in Kursk on Monday.",
    "quotes": ("5,000 troops arrived in Kursk on Monday",),
    "source": Source(name="Officials", anonymous=True),
    "quantities": [Quantity(text="5,000", value=5000, unit="troops")],
    "time": TimeRef(text="on Monday", start="2024-10-21", end="2024-10-21"),
    "location": "Kursk",
}
DENIED = {
    "statement": "The troops had fought.",
    "quotes": ("The ministry denied that the troops had fought.",),
    "source": Source(name="the ministry"),
    "negated": True,
}
DEPLOYMENTS = {
    "statement": "More deployments will take place by December.",
    "quotes": ("Analysts expect more deployments by December",),
    "kind": ClaimKind.forecast,
    "subject": "deployments",
    "source": Source(name="Analysts", anonymous=True),
    "certainty": "probable",
    "time": TimeRef(text="by December", end="2024-12"),
}
DRILLS = {
    "statement": "The army plans new drills.",
    "quotes": ("the army plans new drills",),
    "kind": ClaimKind.forecast,
    "subject": "the army",
}
ALL = {"c1": ARRIVED, "c2": DENIED, "c3": DEPLOYMENTS, "c4": DRILLS}


def as_gold(claim_id: str, spec: dict[str, Any], **changes: Any) -> GoldClaim:
    """The gold claim described by `spec` (see ALL), with changed fields."""
    fields = {k: v for k, v in spec.items() if k not in ("statement", "quotes")} | changes
    return gold_claim(claim_id, spec["statement"], *spec["quotes"], **fields)


def as_prediction(spec: dict[str, Any], **changes: Any) -> Claim:
    """A predicted claim identical to `spec` apart from `changes`."""
    quotes = changes.pop("quotes", spec["quotes"])
    statement = changes.pop("statement", spec["statement"])
    fields = {k: v for k, v in spec.items() if k not in ("statement", "quotes")} | changes
    return claim(statement, *quotes, **fields)


def gold_claims() -> list[GoldClaim]:
    """The four gold claims of TEXT."""
    return [as_gold(claim_id, spec) for claim_id, spec in ALL.items()]


def gold_article(
    article_id: str = "kursk", claims: list[GoldClaim] | None = None, text: str = TEXT
) -> GoldArticle:
    """A gold article over TEXT (or `text`)."""
    return GoldArticle(
        id=article_id,
        title="Troops arrive in Kursk",
        outlet="Test Daily",
        published=PUBLISHED,
        text=text,
        annotator="tests",
        claims=gold_claims() if claims is None else claims,
    )


def write_gold(folder: Path, *articles: GoldArticle) -> list[Path]:
    """Write gold files (one per article) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article.id}.json"
        path.write_text(article.model_dump_json(indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def write_raw(path: Path, data: dict[str, Any]) -> Path:
    """Write arbitrary (possibly invalid) gold JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
