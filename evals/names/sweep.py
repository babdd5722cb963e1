"""Choose the fuzzy-linking threshold from labelled name pairs: precision and recall per threshold.

Run: `.venv/bin/python -m evals.names.sweep`. Each pair links its first name, then its second,
in a fresh `EntityIndex`; the pair counts as linked at threshold t when the second joins the
first's entity by an exact, folding, table or context rule, or by fuzzy similarity >= t. The
chosen threshold is the lowest at which no pair of different names links (no false merge).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from service.linking import EntityIndex, Mention

PAIRS = Path(__file__).parent / "name_pairs.json"
GRID = tuple(round(0.70 + step / 100, 2) for step in range(31))  # 0.70 .. 1.00


@dataclass(frozen=True)
class PairOutcome:
    """How the linker treats one labelled pair when fuzzy matching accepts any score."""

    a: str
    b: str
    same: bool
    note: str
    reason: str  # the rule that linked b to a's entity, or "new" when it did not
    score: float  # 1.0 for a non-fuzzy link, the similarity for a fuzzy one, 0.0 for none

    def linked(self, threshold: float) -> bool:
        """Whether the pair links when fuzzy links need `threshold`."""
        return self.score >= threshold - 1e-9


@dataclass(frozen=True)
class Counts:
    """Confusion counts and rates at one threshold."""

    threshold: float
    true_links: int
    false_links: int
    missed: int

    @property
    def precision(self) -> float:
        """Share of links that join the same entity."""
        linked = self.true_links + self.false_links
        return self.true_links / linked if linked else 1.0

    @property
    def recall(self) -> float:
        """Share of same-entity pairs that link."""
        same = self.true_links + self.missed
        return self.true_links / same if same else 1.0


def load_pairs(path: Path = PAIRS) -> list[dict[str, object]]:
    """The labelled pairs."""
    pairs: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    return pairs


def outcome(pair: dict[str, object]) -> PairOutcome:
    """Link a pair's two names and record the rule and score."""
    index = EntityIndex(fuzzy_threshold=0.0)
    first = index.link(Mention("a", "article-a", "subject", str(pair["a"])))
    second = index.link(Mention("b", "article-b", "subject", str(pair["b"])))
    joined = second.entity_key == first.entity_key
    if not joined:
        score = 0.0
    elif second.reason == "fuzzy":
        score = second.score or 0.0
    else:
        score = 1.0
    return PairOutcome(
        a=str(pair["a"]),
        b=str(pair["b"]),
        same=bool(pair["same"]),
        note=str(pair.get("note", "")),
        reason=second.reason if joined else "new",
        score=score,
    )


def counts(outcomes: list[PairOutcome], threshold: float) -> Counts:
    """Confusion counts at one threshold."""
    return Counts(
        threshold=threshold,
        true_links=sum(o.same and o.linked(threshold) for o in outcomes),
        false_links=sum(not o.same and o.linked(threshold) for o in outcomes),
        missed=sum(o.same and not o.linked(threshold) for o in outcomes),
    )


def choose_threshold(outcomes: list[PairOutcome]) -> float:
    """The lowest threshold of the grid with no false link."""
    return next(t for t in GRID if counts(outcomes, t).false_links == 0)


def main() -> None:
    """Print every pair's outcome, the sweep and the chosen threshold."""
    outcomes = [outcome(pair) for pair in load_pairs()]
    same = sum(o.same for o in outcomes)
    print(f"{len(outcomes)} pairs: {same} same, {len(outcomes) - same} different\n")
    for o in sorted(outcomes, key=lambda o: (not o.same, -o.score, o.a)):
        label = "same" if o.same else "diff"
        print(f"{label}  {o.score:5.3f}  {o.reason:13s} {o.a!r} / {o.b!r}  ({o.note})")
    print("\nthreshold  links  false  missed  precision  recall")
    for threshold in GRID:
        c = counts(outcomes, threshold)
        print(
            f"{threshold:9.2f}  {c.true_links:5d}  {c.false_links:5d}  {c.missed:6d}"
            f"  {c.precision:9.3f}  {c.recall:6.3f}"
        )
    chosen = choose_threshold(outcomes)
    c = counts(outcomes, chosen)
    print(
        f"\nchosen threshold {chosen:.2f}: precision {c.precision:.3f}, recall {c.recall:.3f} "
        f"({c.true_links} of {same} same-entity pairs linked, {c.false_links} false links)"
    )


if __name__ == "__main__":
    main()
