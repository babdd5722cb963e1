"""Build eval reports from scripted predictions, for report, compare and gate tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evals.cases import GoldCase
from evals.report.json import build_report
from evals.runner import evaluate
from schemas.claims import DraftClaim
from tests.evals.builders import ALL, gold_article
from tests.fakes.extractor import FakeExtractor


def draft_of(spec: dict[str, Any], **changes: Any) -> DraftClaim:
    """The draft an extractor would return for a claim spec of builders.ALL."""
    fields = {k: v for k, v in spec.items() if k != "quotes"} | changes
    fields.setdefault("kind", "event")
    fields.setdefault("subject", "troops")
    return DraftClaim(evidence=list(spec["quotes"]), **fields)


def perfect_drafts() -> list[DraftClaim]:
    """Drafts equal to the four gold claims."""
    return [draft_of(spec) for spec in ALL.values()]


def gold_cases(*ids: str, splits: list[str] | None = None) -> list[GoldCase]:
    """One test article per id, all over the same text and gold claims (in `splits`)."""
    names: list[str | None] = list(splits) if splits else [None] * len(ids)
    return [
        GoldCase(Path(f"{i}.json"), gold_article(i), split)
        for i, split in zip(ids, names, strict=True)
    ]


def report_for(
    drafts_per_article: list[list[DraftClaim]],
    *,
    name: str = "fake",
    splits: list[str] | None = None,
) -> tuple[dict[str, Any], list[GoldCase]]:
    """A report whose extractor returns the given drafts for articles a0, a1, ... (each in
    the split of the same position in `splits`, when given)."""
    ids = [f"a{i}" for i in range(len(drafts_per_article))]
    cases = gold_cases(*ids, splits=splits)
    fake, floor = FakeExtractor(), FakeExtractor()
    fake.name = name
    fake.enqueue(*drafts_per_article)
    floor.name = "floor"
    evaluation = evaluate(cases, fake)
    report = build_report(
        gold_path=Path("gold"),
        cases=cases,
        evaluation=evaluation,
        floor=evaluate(cases, floor),
    )
    return report, cases
