"""How a predicted claim's fields are compared with a gold claim's (spec section 4).

Each check takes (predicted, gold, names) and returns True/False, or None when the field does
not apply to the pair; `names` holds the article, for the name aliases (evals/name_rules.py).
FIELD_CHECKS feed field accuracy; STRICT_CHECKS decide strict F1; LENIENT_CHECKS keep the
old containment rule for the name fields, reported beside the honest figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from evals.name_rules import ArticleNames, same_name, same_name_lenient
from schemas.claims import Claim, Quantity, TimeRef


def same_source(predicted: Claim, gold: Claim, names: ArticleNames | None = None) -> bool:
    """Both claims are in the article's own voice, or both come from the same named source."""
    return same_name(_source_name(predicted), _source_name(gold), names)


def _source_name(claim: Claim) -> str | None:
    return claim.source.name if claim.source else None


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _values(quantities: Sequence[Quantity]) -> list[tuple[float | None, float | None]]:
    return sorted(((_number(q.value), _number(q.upper)) for q in quantities), key=str)


def _values_and_approx(quantities: Sequence[Quantity]) -> list[tuple[object, ...]]:
    return sorted(
        ((_number(q.value), _number(q.upper), q.approx.value) for q in quantities), key=str
    )


def same_quantity_values(predicted: Claim, gold: Claim, names: object = None) -> bool:
    """The same multiset of numbers (value and upper bound), ignoring text, unit and approx."""
    return _values(predicted.quantities) == _values(gold.quantities)


def same_quantities(predicted: Claim, gold: Claim, names: object = None) -> bool:
    """The same numbers with the same approximators."""
    return _values_and_approx(predicted.quantities) == _values_and_approx(gold.quantities)


def _bounds(time: TimeRef | None) -> tuple[str | None, str | None]:
    return (time.start, time.end) if time else (None, None)


def same_time(predicted: Claim, gold: Claim, names: object = None) -> bool:
    """The same resolved start and end (a time with only text counts as no bounds)."""
    return _bounds(predicted.time) == _bounds(gold.time)


def same_anonymity(predicted: Claim, gold: Claim, names: object = None) -> bool | None:
    """Both sources anonymous or both identified; None unless both claims have a source."""
    if predicted.source is None or gold.source is None:
        return None
    return predicted.source.anonymous == gold.source.anonymous


def same_via(predicted: Claim, gold: Claim, names: ArticleNames | None = None) -> bool | None:
    """The same relaying channel (or none); None unless both claims have a source."""
    if predicted.source is None or gold.source is None:
        return None
    return same_name(predicted.source.via, gold.source.via, names)


# None: the field does not apply to the pair.
FieldCheck = Callable[[Claim, Claim, ArticleNames], bool | None]

# Field accuracy on matched pairs; anonymous and via are scored where both claims have a source.
FIELD_CHECKS: dict[str, FieldCheck] = {
    "kind": lambda p, g, _: p.kind == g.kind,
    "certainty": lambda p, g, _: p.certainty == g.certainty,
    "negated": lambda p, g, _: p.negated == g.negated,
    "source_name": same_source,
    "source_anonymous": same_anonymity,
    "source_via": same_via,
    "quantities": same_quantities,
    "time": same_time,
    "location": lambda p, g, names: same_name(p.location, g.location, names),
    "subject": lambda p, g, names: same_name(p.subject, g.subject, names),
}

# The old containment rule for the name fields, kept as a labelled second figure.
LENIENT_CHECKS: dict[str, FieldCheck] = {
    "source_name": lambda p, g, _: same_name_lenient(_source_name(p), _source_name(g)),
    "location": lambda p, g, _: same_name_lenient(p.location, g.location),
    "subject": lambda p, g, _: same_name_lenient(p.subject, g.subject),
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
STRICT_CHECKS: dict[str, Callable[[Claim, Claim, ArticleNames], bool]] = {
    "source": same_source,
    "quantity_values": same_quantity_values,
    "time": same_time,
    "negated": lambda p, g, _: p.negated == g.negated,
}
