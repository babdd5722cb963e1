"""report.html: one self-contained page (inline CSS and JS, no external requests).

Per article it shows the text with gold and predicted evidence highlighted, and gold and
predicted claims side by side with each matched pair's field-by-field agreement; articles
of the sealed test split show their figures only.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from evals.cases import GoldCase
from evals.fields import FIELD_VALUES
from evals.report.figures import (
    FIELD_LABELS,
    SEALED_SPLITS,
    columns,
    error_examples,
    error_table,
    estimate_rows,
    field_rows,
    gap_rows,
    headers,
    number,
    other_rows,
    show,
    summaries,
    value_headers,
)
from schemas.claims import Claim

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Segment:
    """A stretch of article text and the claims (gold ids, prediction indices) citing it."""

    text: str
    gold: list[str] = field(default_factory=list)
    predicted: list[int] = field(default_factory=list)


def segments(
    text: str, gold: list[tuple[str, int, int]], predicted: list[tuple[int, int, int]]
) -> list[Segment]:
    """Cut the text at every evidence boundary; each piece knows which claims cover it."""
    bounds = [(s, e) for _, s, e in gold] + [(s, e) for _, s, e in predicted]
    cuts = sorted({0, len(text), *(offset for bound in bounds for offset in bound)})
    return [
        Segment(
            text=text[start:end],
            gold=[cid for cid, s, e in gold if s <= start and end <= e],
            predicted=[index for index, s, e in predicted if s <= start and end <= e],
        )
        for start, end in itertools.pairwise(cuts)
    ]


def _claim_view(claim: Claim) -> dict[str, Any]:
    """A claim's statement and every field's display value."""
    return {
        "statement": claim.statement,
        "values": {name: FIELD_VALUES[name](claim) for name in FIELD_LABELS},
        "evidence": [span.text for span in claim.evidence],
    }


def _row(status: str, **values: Any) -> dict[str, Any]:
    empty = dict.fromkeys(
        ("gold_id", "predicted_index", "gold", "predicted", "similarity", "fields")
    )
    return {**empty, "status": status, **values}


def _rows(
    article: dict[str, Any], case: GoldCase, predictions: list[Claim]
) -> list[dict[str, Any]]:
    """Side-by-side rows: matched pairs first (in gold order), then missed gold, then extras."""
    gold_by_id = {claim.id: claim for claim in case.article.claims}
    rows = [
        _row(
            "strict" if pair["strict"] else "matched",
            gold_id=pair["gold_id"],
            predicted_index=pair["predicted"],
            gold=_claim_view(gold_by_id[pair["gold_id"]]),
            predicted=_claim_view(predictions[pair["predicted"]]),
            similarity=pair["similarity"],
            fields=pair["fields"],
        )
        for pair in article["pairs"]
    ]
    rows += [
        _row("missed", gold_id=gold_id, gold=_claim_view(gold_by_id[gold_id]))
        for gold_id in article["unmatched_gold"]
    ]
    rows += [
        _row("extra", predicted_index=index, predicted=_claim_view(predictions[index]))
        for index in article["unmatched_predicted"]
    ]
    return rows


def article_views(report: dict[str, Any], cases: list[GoldCase]) -> list[dict[str, Any]]:
    """What the template shows for each article (figures only for sealed-split articles)."""
    by_id = {case.id: case for case in cases}
    views = []
    for article in report["extractor"]["articles"]:
        case = by_id.get(article["id"])
        if case is None:
            continue
        if article.get("split") in SEALED_SPLITS:
            views.append({**article, "sealed": True, "segments": [], "rows": []})
            continue
        predictions = [Claim.model_validate(claim) for claim in article["predictions"]]
        gold_spans = [(c.id, s.start, s.end) for c in case.article.claims for s in c.evidence]
        predicted_spans = [
            (i, s.start, s.end) for i, c in enumerate(predictions) for s in c.evidence
        ]
        views.append(
            {
                **article,
                "segments": segments(case.article.text, gold_spans, predicted_spans),
                "rows": _rows(article, case, predictions),
                "published": case.article.published,
                "outlet": case.article.outlet,
            }
        )
    return views


def render_html(report: dict[str, Any], cases: list[GoldCase]) -> str:
    """The self-contained HTML report."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True)
    )
    names, mine, floor = columns(report)
    error_header, error_rows = error_table(report)
    return environment.get_template("report.html.j2").render(
        report=report,
        splits=names,
        estimate_header=headers(report, "figure", "95% interval"),
        estimates=estimate_rows(mine, floor),
        gaps=gap_rows(report),
        field_header=headers(report, "field (matched pairs)", "agree/total"),
        fields=field_rows(mine, floor),
        other_header=value_headers(report),
        others=other_rows(mine, floor),
        error_header=error_header,
        errors=error_rows,
        error_examples=error_examples(report),
        split_summaries=summaries(report["extractor"]),
        field_labels=FIELD_LABELS,
        articles=article_views(report, cases),
        number=number,
        show=show,
    )


def write_html(report: dict[str, Any], cases: list[GoldCase], path: Path) -> Path:
    """Write report.html."""
    path.write_text(render_html(report, cases), encoding="utf-8")
    return path
