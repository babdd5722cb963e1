"""report.md: the summary tables of a report.json, the extractor beside the sentence floor."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

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
    weakest_fields,
)

EXAMPLES_PER_FIELD = 3


def _table(header: list[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |"

    return [cells(header), cells(["---"] * len(header)), *(cells(row) for row in rows)]


def weakest_field_examples(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """For the three weakest fields, disagreeing pairs from different articles (a few each),
    never from the sealed test split."""
    extractor = report["extractor"]
    split_summaries = summaries(extractor)
    shown = next((n for n in split_summaries if n not in SEALED_SPLITS), None)
    examples: dict[str, list[dict[str, Any]]] = {}
    if shown is None:
        return examples
    for name in weakest_fields(split_summaries[shown]):
        found: list[dict[str, Any]] = []
        for article in extractor["articles"]:
            if article.get("split", "all") != shown:
                continue
            pair = next((p for p in article["pairs"] if name in p["disagreements"]), None)
            if pair is not None and len(found) < EXAMPLES_PER_FIELD:
                found.append({"article": article["id"], **pair, **pair["disagreements"][name]})
        examples[name] = found
    return examples


def _headline(report: dict[str, Any]) -> str:
    """The headline figures: of the test split when there is one, with the dev-test gap."""
    names, mine, floor = columns(report)
    lead = names.index("test") if "test" in names else 0
    where = f" on {names[lead]}" if len(names) > 1 else ""
    summary, floor_summary = mine[lead], floor[lead]
    strict, claim = summary["strict_micro"]["f1"], summary["claim_micro"]["f1"]
    line = (
        f"Headline{where}: **strict F1 {number(strict['value'])}** "
        f"{_interval(strict)} (floor {number(floor_summary['strict_micro']['f1']['value'])}); "
        f"claim F1 {number(claim['value'])} {_interval(claim)} "
        f"(floor {number(floor_summary['claim_micro']['f1']['value'])})."
    )
    gaps = gap_rows(report)
    return line + "".join(f" {label}: {value} {ci}." for label, value, ci in gaps[:1])


def _interval(estimate: dict[str, Any]) -> str:
    return f"[{estimate['low']:.3f}, {estimate['high']:.3f}]"


def _error_lines(report: dict[str, Any]) -> list[str]:
    header, rows = error_table(report)
    if not header:
        return []
    lines = [
        "## Error analysis",
        "",
        "Every missed gold claim, spurious prediction and disagreeing field of a matched pair, "
        "in named categories (evals/README.md); write the next rule for the largest count on "
        "dev.",
        "",
        *_table(header, rows),
        "",
    ]
    examples = error_examples(report)
    if examples:
        lines += ["Examples (never from the test split):", ""]
    for category, found in examples.items():
        lines.append(f"- **{category}**")
        for e in found:
            where = f"{e['article']} `{e['gold_id'] or '#' + str(e['predicted'])}`"
            values = ""
            if e["gold"] is not None or e["predicted_value"] is not None:
                values = f": gold `{show(e['gold'])}`, predicted `{show(e['predicted_value'])}`"
            lines.append(f"  - {where} “{e['statement']}”{values}")
    return [*lines, ""]


def _article_table(report: dict[str, Any]) -> list[str]:
    """One row per article; a split column when the report has more than one split."""
    articles = report["extractor"]["articles"]
    with_split = len({a.get("split", "all") for a in articles}) > 1
    header = ["article", *(["split"] if with_split else []), "gold", "predicted", "matched"]
    rows = [
        [
            a["id"],
            *([a["split"]] if with_split else []),
            str(a["gold"]),
            str(a["predicted"]),
            str(a["matched"]),
            *(number(a[key]) for key in ("precision", "recall", "f1", "strict_f1")),
            a["error"] or "",
        ]
        for a in articles
    ]
    return _table([*header, "P", "R", "F1", "strict F1", "error"], rows)


def render_markdown(report: dict[str, Any]) -> str:
    """The Markdown summary of a report."""
    config, extractor = report["config"], report["extractor"]
    names, mine, floor = columns(report)
    name = extractor["name"]
    splits = ", ".join(
        f"{split} {info['articles']} articles" for split, info in config.get("splits", {}).items()
    )
    lines = [
        f"# claimkit eval: `{name}` on `{config['gold']}`",
        "",
        f"{config['gold_articles']} articles, {config['gold_claims']} gold claims"
        f"{f' ({splits})' if len(names) > 1 else ''}; "
        f"model `{config.get('model') or 'none'}`, {_prompt(config)}; "
        f"match threshold {config['match_threshold']}; "
        f"created {report['created_at']}; claimkit {report['versions']['claimkit']}, "
        f"git `{report['versions']['git_sha']}`.",
        "",
        _headline(report),
        "",
        "## Claims",
        "",
        *_table(headers(report, "figure", "95% interval"), estimate_rows(mine, floor)),
        "",
    ]
    gaps = gap_rows(report)
    if gaps:
        lines += [*_table(["gap", "value", "95% interval"], gaps), ""]
    lines += [
        "## Field accuracy on matched pairs",
        "",
        *_table(headers(report, "field", "agree/total"), field_rows(mine, floor)),
        "",
        "## Grounding and counts",
        "",
        *_table(value_headers(report), other_rows(mine, floor)),
        "",
        *_error_lines(report),
        "## Per article",
        "",
        *_article_table(report),
        "",
        "## Weakest fields",
        "",
    ]
    for field, examples in weakest_field_examples(report).items():
        shown = next(s for n, s in zip(names, mine, strict=True) if n not in SEALED_SPLITS)
        accuracy = shown["fields"][field]["accuracy"]
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
