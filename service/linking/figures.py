"""The figure ledger: one row per reported quantity, and the key of what it measures."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from schemas.claims import Claim
from service.linking.entities import EntityView
from service.linking.entity_types import head_noun
from service.linking.inputs import ArticleInput
from service.linking.names import fold_synonyms, name_keys, normal_words
from service.linking.tables import tables


@dataclass(frozen=True)
class Figure:
    """One row of the ledger: a quantity of a claim, with who reported it and when."""

    claim_key: str
    article_key: str
    quantity_index: int
    value: float
    upper: float | None
    approx: str
    unit: str
    text: str
    counts: str  # the measured thing, e.g. "North Korean troops"
    source: str | None
    via: str | None
    published: dt.date | None
    time_start: str | None  # ISO partial dates from the claim's TimeRef
    time_end: str | None
    certainty: str
    kind: str
    source_key: str | None = None  # who reported it: same key = same source (updates)
    negated: bool = False
    increment: bool = False  # "an additional 1,500": a change, not the total
    subject: str = ""
    outlet: str | None = None
    location: str | None = None
    time_text: str | None = None
    statement: str = ""

    @property
    def id(self) -> str:
        """The figure's id: claim key and the quantity's position in the claim."""
        return f"{self.claim_key}#{self.quantity_index}"


_INCREMENT_BEFORE = r"(?:additional|another|further|extra)\s+(?:\w+\s+)?"
_INCREMENT_AFTER = r"\s+(?:more|additional|new|further|extra)\b"


def is_increment(statement: str, quantity_text: str) -> bool:
    """True when the quantity counts a change ('another 500', '2,000 more'), not a total."""
    text = re.escape(quantity_text)
    if re.search(r"\b(?:additional|another|further|extra)\b", quantity_text, re.IGNORECASE):
        return True
    pattern = rf"{_INCREMENT_BEFORE}{text}|{text}{_INCREMENT_AFTER}"
    return re.search(pattern, statement, re.IGNORECASE) is not None


def singular(word: str) -> str:
    """A plural noun's singular by the regular rules (casualties -> casualty, troops -> troop)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def unit_key(unit: str) -> str:
    """A unit folded to one spelling: 'soldiers' = 'troops' -> 'troop', '%' -> 'percent'."""
    table = tables()
    for symbol, word in table.unit_symbols.items():
        unit = unit.replace(symbol, word)
    words = fold_synonyms(fold_synonyms(normal_words(unit), table.units), table.heads)
    return "-".join(singular(word) for word in words)


def _subject_head(subject: str) -> str:
    words = tuple(fold_synonyms(normal_words(subject), tables().heads))
    return singular(head_noun(words)) if words else ""


def counts_label(subject: str, unit: str) -> str:
    """What a figure counts: the subject when the unit is its head noun, else both."""
    key = unit_key(unit)
    if not key or key.split("-")[-1] == _subject_head(subject):
        return subject
    return f"{subject} ({unit})"


def source_key(article: ArticleInput, claim: Claim, entity: EntityView | str | None) -> str:
    """Who a figure comes from, as a comparable key.

    An unnamed source ("officials") is the same source only within its article; the
    article's own voice is its outlet; a named source is its linked entity or its folded name.
    """
    source = claim.source
    if source is None:
        outlet = name_keys(article.outlet or "").romanisation
        return f"outlet:{outlet}" if outlet else f"article:{article.key}"
    if source.anonymous:
        return f"article:{article.key}:{name_keys(source.name).romanisation}"
    if entity is not None:
        return f"entity:{entity.key if isinstance(entity, EntityView) else entity}"
    return f"name:{name_keys(source.name).romanisation}"


def _name(entity: EntityView | str | None, fallback: str) -> str:
    return entity.name if isinstance(entity, EntityView) else fallback


def figures_of(
    article: ArticleInput,
    subject_entities: Mapping[str, EntityView | str],
    *,
    source_entities: Mapping[str, EntityView | str] | None = None,
) -> list[Figure]:
    """The ledger rows of one article: every quantity of every claim, in claim order.

    `subject_entities` maps claim key -> its subject's entity (a view, whose name then
    labels what is counted, or just its key); `source_entities` likewise for sources.
    """
    rows = []
    for claim_key, claim in article.claims:
        subject = _name(subject_entities.get(claim_key), claim.subject)
        source = source_key(article, claim, (source_entities or {}).get(claim_key))
        for index, quantity in enumerate(claim.quantities):
            rows.append(
                Figure(
                    claim_key=claim_key,
                    article_key=article.key,
                    quantity_index=index,
                    value=quantity.value,
                    upper=quantity.upper,
                    approx=quantity.approx.value,
                    unit=quantity.unit,
                    text=quantity.text,
                    counts=counts_label(subject, quantity.unit),
                    source=claim.source.name if claim.source else None,
                    via=claim.source.via if claim.source else None,
                    published=article.published,
                    time_start=claim.time.start if claim.time else None,
                    time_end=claim.time.end if claim.time else None,
                    certainty=claim.certainty.value,
                    kind=claim.kind.value,
                    source_key=source,
                    negated=claim.negated,
                    increment=is_increment(claim.statement, quantity.text),
                    subject=claim.subject,
                    outlet=article.outlet,
                    location=claim.location,
                    time_text=claim.time.text if claim.time else None,
                    statement=claim.statement,
                )
            )
    return rows


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def figure_group_key(figure: Figure, *, subject_entity: Mapping[str, str]) -> str:
    """The group a figure belongs to, as a URL-safe slug: subject entity and unit ('e1-troop').

    Without a linked subject, the subject's folded name stands in
    ('subject-northkoreantrups-troop').
    """
    entity = subject_entity.get(figure.claim_key)
    subject = entity if entity is not None else f"subject-{name_keys(figure.subject).synonym}"
    return _slug(f"{subject}-{unit_key(figure.unit) or 'count'}")
