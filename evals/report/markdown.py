"""report.md: the summary tables of a report.json, the extractor beside the sentence floor."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.report.figures import (
    FIELD_LABELS,
    estimate_rows,
    field_rows,
    number,
    other_rows,
    show,
    weakest_fields,
)

EXAMPLES_PER_FIELD = 3


def _table(header: list[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |"

    return [cells(header), cells(["---"] * len(header)), *(cells(row) for row in rows)]


def weakest_field_examples(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """For the three weakest fields, disagreeing pairs from different articles (a few each)."""
    extractor = report["extractor"]
    examples: dict[str, list[dict[str, Any]]] = {}
    for name in weakest_fields(extractor["summary"]):
        found: list[dict[str, Any]] = []
        for article in extractor["articles"]:
            pair = next((p for p in article["pairs"] if name in p["disagreements"]), None)
            if pair is not None and len(found) < EXAMPLES_PER_FIELD:
                found.append({"article": article["id"], **pair, **pair["disagreements"][name]})
        examples[name] = found
    return examples


def render_markdown(report: dict[str, Any]) -> str:
    """The Markdown summary of a report."""
    config, extractor, floor = report["config"], report["extractor"], report["floor"]
    summary, floor_summary = extractor["summary"], floor["summary"]
    name, floor_name = extractor["name"], f"floor ({floor['name']})"
    lines = [
        f"# claimkit eval: `{name}` on `{config['gold']}`",
        "",
        f"{config['gold_articles']} articles, {config['gold_claims']} gold claims; "
        f"model `{config.get('model') or 'none'}`, {_prompt(config)}; "
        f"match threshold {config['match_threshold']}; "
        f"created {report['created_at']}; claimkit {report['versions']['claimkit']}, "
        f"git `{report['versions']['git_sha']}`.",
        "",
        f"Headline: **strict F1 {number(summary['strict_micro']['f1']['value'])}** "
        f"(floor {number(floor_summary['strict_micro']['f1']['value'])}); "
        f"claim F1 {number(summary['claim_micro']['f1']['value'])} "
        f"(floor {number(floor_summary['claim_micro']['f1']['value'])}).",
        "",
        "## Claims",
        "",
        *_table(
            ["figure", name, "95% interval", floor_name], estimate_rows(summary, floor_summary)
        ),
        "",
        "## Field accuracy on matched pairs",
        "",
        *_table(["field", name, "agree/total", floor_name], field_rows(summary, floor_summary)),
        "",
        "## Grounding and counts",
        "",
        *_table(["", name, floor_name], other_rows(summary, floor_summary)),
        "",
        "## Per article",
        "",
        *_table(
            ["article", "gold", "predicted", "matched", "P", "R", "F1", "strict F1", "error"],
            [
                [
                    a["id"],
                    str(a["gold"]),
                    str(a["predicted"]),
                    str(a["matched"]),
                    number(a["precision"]),
                    number(a["recall"]),
                    number(a["f1"]),
                    number(a["strict_f1"]),
                    a["error"] or "",
                ]
                for a in extractor["articles"]
            ],
        ),
        "",
        "## Weakest fields",
        "",
    ]
    for field, examples in weakest_field_examples(report).items():
        accuracy = summary["fields"][field]["accuracy"]
        lines.append(f"- **{FIELD_LABELS[field]}** ({number(accuracy)})")
        for example in examples:
            lines.append(
                f"  - {example['article']} `{example['gold_id']}` "
                f"“{example['gold_statement']}”: gold `{show(example['gold'])}`, "
                f"predicted `{show(example['predicted'])}`"
            )
    return "\n".join(lines) + "\n"


def write_markdown(report: dict[str, Any], path: Path) -> Path:
    """Write report.md."""
    path.write_text(render_markdown(report), encoding="utf-8")
    return path


def _prompt(config: dict[str, Any]) -> str:
    """The prompt id and short sha, or 'no prompt' for extractors without one."""
    if not config.get("prompt_id"):
        return "no prompt"
    return f"prompt `{config['prompt_id']}` (sha `{str(config.get('prompt_sha'))[:12]}`)"
