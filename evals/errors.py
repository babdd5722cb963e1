"""Error analysis: every miss, extra and field disagreement in a named category.

Each missed gold claim, spurious prediction and disagreeing field of a matched pair gets one
category (a pair may have several); categories are counted per split, largest first, so
the next rule to write is the one with the largest count on dev/. CATEGORIES defines each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from evals.fields import FIELD_VALUES, same_quantity_values
from evals.matching import evidence_overlap
from evals.name_rules import normalize_name
from schemas.claims import Approx, Claim, Quantity, TimeRef

if TYPE_CHECKING:
    from evals.metrics import ArticleScore, PairScore
    from evals.runner import ArticleRun

# A matched pair whose evidence characters overlap less than this (Dice) has a wrong span:
# it matched mostly on its statement, so the evidence quotes a different stretch.
WRONG_SPAN_OVERLAP = 0.5
EXAMPLES_PER_CATEGORY = 3

CATEGORIES: dict[str, str] = {
    "missed claim": "a gold claim no prediction matched (detail: the gold kind)",
    "spurious claim": "a prediction no gold claim matched (detail: the predicted kind)",
    "wrong span": f"matched, but the evidence overlaps less than {WRONG_SPAN_OVERLAP} (Dice)",
    "missed attribution": "gold has a source, the prediction none",
    "spurious attribution": "the prediction has a source, gold none (the article's voice)",
    "wrong source": "both have a source, naming different entities",
    "unresolved pronoun": "the predicted subject or source is a pronoun ('they', 'his army')",
    "source anonymity wrong": "both have a source; anonymous differs",
    "via wrong": "both have a source; the relaying channel differs",
    "approximator lost": "same numbers, gold approximate/at least/at most/range, predicted exact",
    "approximator wrong": "same numbers, another approximator",
    "quantity missed": "a gold number the prediction lacks (and no other number differs)",
    "quantity spurious": "a predicted number gold lacks (and no other number differs)",
    "value wrong": "the numbers differ",
    "relative date unresolved": "gold time resolved, predicted time has text but no dates",
    "time missed": "gold time resolved, predicted no time",
    "time spurious": "predicted dates where gold has none",
    "time wrong": "both resolved, to other dates",
    "wrong kind": "kind differs (detail: gold→predicted)",
    "certainty wrong": "certainty differs (detail: gold→predicted)",
    "negation flipped": "negated differs (detail: which side is negated)",
    "subject wrong": "the subject names another entity",
    "location wrong": "the location differs, or one side has none (detail)",
}

PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "this",
        "that",
        "these",
        "those",
        "who",
        "whom",
        "whose",
        "which",
        "one",
    ]
)
_POSSESSIVES = frozenset(["my", "our", "your", "his", "her", "its", "their"])


@dataclass(frozen=True)
class ErrorCase:
    """One error: its category, a detail, and where it is."""

    category: str
    detail: str
    article: str
    gold_id: str | None
    predicted: int | None
    statement: str
    gold: object = None
    predicted_value: object = None


@dataclass
class CategoryCount:
    """A category's count in one split, its details and a few examples."""

    category: str
    count: int = 0
    details: Counter[str] = field(default_factory=Counter)
    examples: list[ErrorCase] = field(default_factory=list)


def is_pronoun(name: str | None) -> bool:
    """A pronoun, or a phrase that starts with a possessive one ("their forces")."""
    words = normalize_name(name).split() if name else []
    return bool(words) and (" ".join(words) in PRONOUNS or words[0] in _POSSESSIVES)


def _source_error(gold: Claim, predicted: Claim) -> tuple[str, str]:
    if predicted.source is None:
        return "missed attribution", ""
    if gold.source is None:
        return "spurious attribution", ""
    if is_pronoun(predicted.source.name):
        return "unresolved pronoun", "source"
    return "wrong source", ""


def _values(quantities: Iterable[Quantity]) -> Counter[tuple[float, float | None]]:
    return Counter((round(q.value, 6), None if q.upper is None else round(q.upper, 6))
                   for q in quantities)  # fmt: skip


def _quantity_error(gold: Claim, predicted: Claim) -> tuple[str, str]:
    if same_quantity_values(predicted, gold):
        exact = Approx.exact
        lost = any(
            g.approx is not exact and p.approx is exact
            for g, p in zip(
                _by_value(gold.quantities), _by_value(predicted.quantities), strict=True
            )
        )
        return ("approximator lost" if lost else "approximator wrong"), ""
    wanted, found = _values(gold.quantities), _values(predicted.quantities)
    if not found - wanted:
        return "quantity missed", ""
    if not wanted - found:
        return "quantity spurious", ""
    return "value wrong", ""


def _by_value(quantities: Sequence[Quantity]) -> list[Quantity]:
    return sorted(quantities, key=lambda q: (q.value, q.upper or q.value, q.approx.value))


def _resolved(time: TimeRef | None) -> bool:
    return time is not None and (time.start is not None or time.end is not None)


def _time_error(gold: Claim, predicted: Claim) -> tuple[str, str]:
    if _resolved(gold.time) and not _resolved(predicted.time):
        return ("relative date unresolved" if predicted.time else "time missed"), ""
    if not _resolved(gold.time):
        return "time spurious", ""
    return "time wrong", ""


def _presence(gold: object, predicted: object) -> str:
    if gold is None:
        return "spurious"
    return "missed" if predicted is None else "different"


# For each disagreeing field: (gold, predicted) -> (category, detail).
FIELD_ERRORS: dict[str, Callable[[Claim, Claim], tuple[str, str]]] = {
    "source_name": _source_error,
    "source_anonymous": lambda g, p: ("source anonymity wrong", ""),
    "source_via": lambda g, p: ("via wrong", _presence(g.source and g.source.via,
                                                      p.source and p.source.via)),
    "quantities": _quantity_error,
    "time": _time_error,
    "kind": lambda g, p: ("wrong kind", f"{g.kind.value}→{p.kind.value}"),
    "certainty": lambda g, p: ("certainty wrong", f"{g.certainty.value}→{p.certainty.value}"),
    "negated": lambda g, p: ("negation flipped", "gold negated" if g.negated else
                             "predicted negated"),
    "subject": lambda g, p: (
        ("unresolved pronoun", "subject") if is_pronoun(p.subject) else ("subject wrong", "")
    ),
    "location": lambda g, p: ("location wrong", _presence(g.location, p.location)),
}  # fmt: skip


def pair_errors(
    article: str, gold_id: str, pair: PairScore, gold: Claim, predicted: Claim
) -> list[ErrorCase]:
    """The categories of one matched pair's disagreements (and a wrong span)."""

    def case(category: str, detail: str, gold_value: object, predicted_value: object) -> ErrorCase:
        return ErrorCase(category, detail, article, gold_id, pair.predicted, gold.statement,
                         gold_value, predicted_value)  # fmt: skip

    errors = []
    overlap = evidence_overlap(predicted.evidence, gold.evidence)
    if overlap < WRONG_SPAN_OVERLAP:
        quotes = (" … ".join(s.text for s in gold.evidence),
                  " … ".join(s.text for s in predicted.evidence))  # fmt: skip
        errors.append(case("wrong span", f"overlap {overlap:.2f}", *quotes))
    for name, agrees in pair.fields.items():
        if agrees is False and name in FIELD_ERRORS:
            category, detail = FIELD_ERRORS[name](gold, predicted)
            values = FIELD_VALUES[name](gold), FIELD_VALUES[name](predicted)
            errors.append(case(category, detail, *values))
    return errors


def article_errors(run: ArticleRun, score: ArticleScore) -> list[ErrorCase]:
    """Every error of one article: misses, extras and the matched pairs' disagreements."""
    gold, predicted, article = run.case.article.claims, run.claims, score.article_id
    errors = [
        ErrorCase("missed claim", gold[i].kind.value, article, gold[i].id, None,
                  gold[i].statement)
        for i in score.unmatched_gold
    ]  # fmt: skip
    errors += [
        ErrorCase("spurious claim", predicted[i].kind.value, article, None, i,
                  predicted[i].statement)
        for i in score.unmatched_predicted
    ]  # fmt: skip
    for pair in score.pairs:
        g = gold[pair.gold]
        errors += pair_errors(article, g.id, pair, g, predicted[pair.predicted])
    return errors


def count_errors(errors: Iterable[ErrorCase]) -> list[CategoryCount]:
    """Counts per category, largest first; examples from different articles first."""
    counts: dict[str, CategoryCount] = {}
    for error in errors:
        entry = counts.setdefault(error.category, CategoryCount(error.category))
        entry.count += 1
        if error.detail and not error.detail.startswith("overlap "):
            entry.details[error.detail] += 1
        entry.examples.append(error)
    for entry in counts.values():
        entry.examples = _spread(entry.examples)[:EXAMPLES_PER_CATEGORY]
    return sorted(counts.values(), key=lambda entry: (-entry.count, entry.category))


def _spread(examples: list[ErrorCase]) -> list[ErrorCase]:
    """Examples reordered so that different articles come first."""
    seen: set[str] = set()
    first: list[ErrorCase] = []
    rest: list[ErrorCase] = []
    for example in examples:
        (rest if example.article in seen else first).append(example)
        seen.add(example.article)
    return first + rest


def counts_to_dict(counts: Sequence[CategoryCount]) -> list[dict[str, Any]]:
    """JSON form of one split's categories."""
    return [
        {
            "category": entry.category,
            "count": entry.count,
            "details": dict(entry.details.most_common()),
            "examples": [
                {
                    "article": e.article,
                    "gold_id": e.gold_id,
                    "predicted": e.predicted,
                    "detail": e.detail,
                    "statement": e.statement,
                    "gold": e.gold,
                    "predicted_value": e.predicted_value,
                }
                for e in entry.examples
            ],
        }
        for entry in counts
    ]
