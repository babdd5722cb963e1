"""Labelled altered and paraphrased quotes, and the fuzzy-grounding threshold they imply.

Each case in `evals/alignment/alignment_cases.json` is a quote a model might return for a
sentence of a gold article: `altered` (copied with the small changes models make) must
ground on the sentence; `paraphrase` and `near-miss` (another number, name or negation)
must not. `python -m evals.alignment` prints every case's score, the score distribution of
each class and the threshold they imply, which `service.grounding.FUZZY_MIN_SCORE` must be.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from evals.cases import gold_files
from schemas.claims import Alignment
from service.grounding import Grounder, QuoteNotFound

CASES_PATH = Path(__file__).parent / "alignment" / "alignment_cases.json"
GOLD_DIR = Path(__file__).parent / "gold"
GROUNDING_LABEL = "altered"
LABELS = (GROUNDING_LABEL, "paraphrase", "near-miss")


@dataclass(frozen=True)
class AlignmentCase:
    """A quote for a sentence of a gold article, labelled by whether it must ground."""

    id: str
    article: str  # gold article id (file name without .json)
    label: str  # altered | paraphrase | near-miss
    change: str  # what the quote changes, in a few words
    quote: str
    expected: str | None  # the article text an altered quote must ground to

    @property
    def grounds(self) -> bool:
        """True when the quote must ground."""
        return self.label == GROUNDING_LABEL


@dataclass(frozen=True)
class Measured:
    """How grounding treats one case when no score threshold applies."""

    case: AlignmentCase
    score: float | None  # compared with the threshold; None when the case never grounds
    aligned: float | None  # best aligned similarity before the evidence checks, if any
    outcome: str  # exact, fuzzy, or why it never grounds


@dataclass(frozen=True)
class Threshold:
    """The chosen threshold and the two scores it separates."""

    value: float
    lowest_grounding: Measured  # the altered case with the lowest score
    highest_rejected: Measured  # the paraphrase or near-miss only the threshold rejects


def load_cases(path: Path = CASES_PATH) -> list[AlignmentCase]:
    """The labelled cases."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return [AlignmentCase(**case) for case in document["cases"]]


def load_articles(cases: Iterable[AlignmentCase], gold_dir: Path = GOLD_DIR) -> dict[str, str]:
    """The text of every gold article the cases quote, by article id."""
    ids = {case.article for case in cases}
    files = {path.stem: path for path in gold_files(gold_dir)}  # either split of the gold set
    texts = {}
    for article in sorted(ids):
        document = json.loads(files[article].read_text(encoding="utf-8"))
        texts[article] = document["text"]
    return texts


def measure(case: AlignmentCase, article_text: str) -> Measured:
    """Ground the case's quote with no score threshold and record its score."""
    grounder = Grounder(article_text, min_score=0.0)
    candidate = grounder.fuzzy_candidate(case.quote)
    aligned = None if candidate is None else candidate.score
    try:
        span = grounder.locate(case.quote)
    except QuoteNotFound:
        reason = candidate.change if candidate else "too short or no shared words"
        return Measured(case, None, aligned, f"rejected: {reason}")
    if span.score is None:  # exact, or equal after folding: grounds at any threshold
        outcome = "exact" if span.alignment is Alignment.exact else "fuzzy (folded)"
        return Measured(case, 1.0, aligned, outcome)
    return Measured(case, span.score, aligned, "fuzzy (aligned)")


def measure_all(cases: list[AlignmentCase], articles: dict[str, str]) -> list[Measured]:
    """Every case measured against its article."""
    return [measure(case, articles[case.article]) for case in cases]


def choose_threshold(measured: list[Measured]) -> Threshold:
    """The midpoint between the lowest altered score and the highest score of a case that
    must not ground but passes the evidence checks; ValueError when they overlap."""
    altered = [m for m in measured if m.case.grounds]
    if never := [m.case.id for m in altered if m.score is None]:
        raise ValueError(f"altered cases that ground at no threshold: {', '.join(never)}")
    rejected = [m for m in measured if not m.case.grounds and m.score is not None]
    if not altered or not rejected:
        raise ValueError("need altered cases and paraphrases that only the threshold rejects")
    lowest = min(altered, key=_score)
    highest = max(rejected, key=_score)
    if _score(highest) >= _score(lowest):
        raise ValueError(f"no threshold separates {highest.case.id} from {lowest.case.id}")
    return Threshold(round((_score(lowest) + _score(highest)) / 2, 3), lowest, highest)


def _score(measured: Measured) -> float:
    return measured.score if measured.score is not None else 0.0


def distribution(scores: list[float]) -> str:
    """n, min, quartiles and max of `scores`, on one line."""
    if not scores:
        return "n=0"
    quartiles = statistics.quantiles(scores, n=4) if len(scores) > 1 else scores * 3
    values = [min(scores), *quartiles, max(scores)]
    return f"n={len(scores):3d}  " + "  ".join(
        f"{name} {value:.4f}"
        for name, value in zip(("min", "q1", "med", "q3", "max"), values, strict=True)
    )


def report(measured: list[Measured]) -> str:
    """Every case's outcome, the score distributions by class, and the chosen threshold."""
    chosen = choose_threshold(measured)
    low, high = chosen.lowest_grounding, chosen.highest_rejected
    return "\n".join(
        [
            "score: what grounding compares with the threshold (1.0 when exact or folded);",
            "aligned: best rapidfuzz similarity of the whole quote, before the evidence checks.",
            "",
            *map(_case_line, [None, *measured]),
            "",
            *(line for label in LABELS for line in _class_lines(label, measured)),
            "",
            f"lowest altered score     {_score(low):.4f}  ({low.case.id}: {low.case.change})",
            f"highest score to reject  {_score(high):.4f}  ({high.case.id}: {high.case.change})",
            f"threshold (midpoint)     {chosen.value:.3f}",
        ]
    )


def _case_line(measured: Measured | None) -> str:
    """One case's outcome and scores; the column heads for None."""
    if measured is None:
        return f"{'case':15} {'outcome':26} {'score':>6} {'aligned':>7}  change"
    score = "-" if measured.score is None else f"{measured.score:.4f}"
    aligned = "-" if measured.aligned is None else f"{measured.aligned:.4f}"
    outcome = measured.outcome
    return f"{measured.case.id:15} {outcome:26} {score:>6} {aligned:>7}  {measured.case.change}"


def _class_lines(label: str, measured: list[Measured]) -> list[str]:
    """The score distributions of one class."""
    group = [m for m in measured if m.case.label == label]
    scores = [m.score for m in group if m.score is not None]
    aligned = [m.aligned for m in group if m.aligned is not None]
    return [
        f"{label:10} score, if it passes the checks: {distribution(scores)}",
        f"{'':10} aligned, before the checks:     {distribution(aligned)}",
        f"{'':10} fail the checks (never ground):  {len(group) - len(scores)}",
    ]


def main() -> None:
    """Print the report for the committed cases."""
    cases = load_cases()
    print(report(measure_all(cases, load_articles(cases))))


if __name__ == "__main__":
    main()
