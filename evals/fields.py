"""How a predicted claim's fields are compared with a gold claim's (spec section 4).

Each check takes (predicted, gold) and returns True/False, or None when the field does not
apply to the pair. FIELD_CHECKS feed field accuracy; STRICT_CHECKS decide strict F1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from schemas.claims import Claim, Quantity, TimeRef

NAME_MATCH_THRESHOLD = 90  # rapidfuzz token_set_ratio of two normalized names
_ARTICLES = {"the", "a", "an"}
_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"['’]s\b")


def normalize_name(name: str) -> str:
    """Lower-case, drop possessive 's, punctuation and articles: "the U.S. Army's" -> "u s army"."""
    words = _NON_WORD.sub(" ", _POSSESSIVE.sub("", name.casefold())).split()
    kept = [word for word in words if word not in _ARTICLES]
    return " ".join(kept or words)


def same_name(predicted: str | None, gold: str | None) -> bool:
    """Two names denote the same entity: normalized equal, or one's words contain the other's."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    a, b = normalize_name(predicted), normalize_name(gold)
    return a == b or fuzz.token_set_ratio(a, b) >= NAME_MATCH_THRESHOLD


def same_source(predicted: Claim, gold: Claim) -> bool:
    """Both claims are in the article's own voice, or both come from the same named source."""
    return same_name(
        predicted.source.name if predicted.source else None,
        gold.source.name if gold.source else None,
    )


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _values(quantities: Sequence[Quantity]) -> list[tuple[float | None, float | None]]:
    return sorted(((_number(q.value), _number(q.upper)) for q in quantities), key=str)


def _values_and_approx(quantities: Sequence[Quantity]) -> list[tuple[object, ...]]:
    return sorted(
        ((_number(q.value), _number(q.upper), q.approx.value) for q in quantities), key=str
    )


def same_quantity_values(predicted: Claim, gold: Claim) -> bool:
    """The same multiset of numbers (value and upper bound), ignoring text, unit and approx."""
    return _values(predicted.quantities) == _values(gold.quantities)


def same_quantities(predicted: Claim, gold: Claim) -> bool:
    """The same numbers with the same approximators."""
    return _values_and_approx(predicted.quantities) == _values_and_approx(gold.quantities)


def _bounds(time: TimeRef | None) -> tuple[str | None, str | None]:
    return (time.start, time.end) if time else (None, None)


def same_time(predicted: Claim, gold: Claim) -> bool:
    """The same resolved start and end (a time with only text counts as no bounds)."""
    return _bounds(predicted.time) == _bounds(gold.time)


def same_anonymity(predicted: Claim, gold: Claim) -> bool | None:
    """Both sources anonymous or both identified; None unless both claims have a source."""
    if predicted.source is None or gold.source is None:
        return None
    return predicted.source.anonymous == gold.source.anonymous


def same_via(predicted: Claim, gold: Claim) -> bool | None:
    """The same relaying channel (or none); None unless both claims have a source."""
    if predicted.source is None or gold.source is None:
        return None
    return same_name(predicted.source.via, gold.source.via)


FieldCheck = Callable[[Claim, Claim], bool | None]  # None: the field does not apply to the pair

# Field accuracy on matched pairs; anonymous and via are scored where both claims have a source.
FIELD_CHECKS: dict[str, FieldCheck] = {
    "kind": lambda p, g: p.kind == g.kind,
    "certainty": lambda p, g: p.certainty == g.certainty,
    "negated": lambda p, g: p.negated == g.negated,
    "source_name": same_source,
    "source_anonymous": same_anonymity,
    "source_via": same_via,
    "quantities": same_quantities,
    "time": same_time,
    "location": lambda p, g: same_name(p.location, g.location),
    "subject": lambda p, g: same_name(p.subject, g.subject),
}


def _quantity_text(claim: Claim) -> str:
    return "; ".join(
        f"{q.value:g}{f'-{q.upper:g}' if q.upper is not None else ''} {q.unit} ({q.approx.value})"
        for q in claim.quantities
    )


# How each field's value is shown when a pair disagrees (reports' examples).
FIELD_VALUES: dict[str, Callable[[Claim], object]] = {
    "kind": lambda c: c.kind.value,
    "certainty": lambda c: c.certainty.value,
    "negated": lambda c: c.negated,
    "source_name": lambda c: c.source.name if c.source else None,
    "source_anonymous": lambda c: c.source.anonymous if c.source else None,
    "source_via": lambda c: c.source.via if c.source else None,
    "quantities": _quantity_text,
    "time": lambda c: f"{c.time.start}..{c.time.end} ({c.time.text})" if c.time else None,
    "location": lambda c: c.location,
    "subject": lambda c: c.subject,
}


# A matched pair counts for strict F1 only when all of these agree.
STRICT_CHECKS: dict[str, Callable[[Claim, Claim], bool]] = {
    "source": same_source,
    "quantity_values": same_quantity_values,
    "time": same_time,
    "negated": lambda p, g: p.negated == g.negated,
}
