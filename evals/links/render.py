"""report.md and report.html of a links report.json (one set of rows for both)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from evals.report.figures import number, show

TEMPLATES = Path(__file__).parent / "templates"
CLUSTERINGS = [
    ("entity linking (mentions)", "entities"),
    ("claim clustering (claims)", "clusters"),
    ("figure grouping (figures)", "figures"),
]
RELATIONS = [("figure disagreements", "disagreements"), ("figure updates", "updates")]
CLUSTERING_HEADER = ["task", "B³ P", "B³ R", "B³ F1", "pair P", "pair R", "pair F1", "items"]
RELATION_HEADER = ["relation", "P", "R", "F1", "gold", "predicted", "matched"]


def clustering_rows(scores: dict[str, Any]) -> list[list[str]]:
    """(task, B-cubed P/R/F1, pairwise P/R/F1, items) for entities, clusters and figures."""
    rows = []
    for label, key in CLUSTERINGS:
        task = scores[key]
        figures = [
            number(task[kind][name])
            for kind in ("bcubed", "pairwise")
            for name in ("precision", "recall", "f1")
        ]
        rows.append([label, *figures, str(task["items"])])
    return rows


def relation_rows(scores: dict[str, Any]) -> list[list[str]]:
    """(relation, P, R, F1, gold, predicted, matched) for disagreements and updates."""
    return [
        [
            label,
            number(scores[key]["precision"]),
            number(scores[key]["recall"]),
            number(scores[key]["f1"]),
            str(scores[key]["gold"]),
            str(scores[key]["predicted"]),
            str(scores[key]["matched"]),
        ]
        for label, key in RELATIONS
    ]


def figure_rows(group: dict[str, Any]) -> list[list[str]]:
    """One row per figure of a gold figure group: value, source, time, article, linker's group."""
    rows = []
    for figure in group["figures"]:
        when = figure["time"] or "–"
        if figure["time_start"] or figure["time_end"]:
            when += f" [{figure['time_start'] or '…'} – {figure['time_end'] or '…'}]"
        rows.append(
            [
                figure["figure"],
                f"{figure['text']} {figure['unit']}".strip(),
                show(figure["source"]),
                when,
                f"{figure['article']} ({show(figure['published'])})",
                show(figure["predicted"]),
            ]
        )
    return rows


FIGURE_HEADER = ["figure", "value", "source", "time", "article (published)", "linker's group"]


def names_text(names: dict[str, int]) -> str:
    """Mention names with how often each occurs: 'Russia ×11, Russia and North Korea'."""
    return ", ".join(f"{name} ×{count}" if count > 1 else name for name, count in names.items())


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |"

    return [cells(header), cells(["---"] * len(header)), *(cells(row) for row in rows)]


def _group_markdown(group: dict[str, Any]) -> list[str]:
    lines = [
        f"## Group `{group['id']}`",
        "",
        f"{len(group['articles'])} articles ({', '.join(group['articles'])}); {group['claims']} "
        f"claims, {group['mentions']} mentions, {group['figures']} figures; gold/predicted: "
        f"{group['entities']['gold_entities']}/{group['entities']['predicted_entities']} entities, "
        f"{group['gold_clusters']}/{group['predicted_clusters']} clusters, "
        f"{group['gold_figure_groups']}/{group['predicted_figure_groups']} figure groups.",
        "",
    ]
    if group["error"]:
        lines += [f"**Linker failed** (scored as linking nothing): {group['error']}", ""]
    lines += [*_table(CLUSTERING_HEADER, clustering_rows(group["scores"])), ""]
    lines += [*_table(RELATION_HEADER, relation_rows(group["scores"])), ""]
    lines += ["### Figure groups", ""]
    for figure_group in group["figure_groups"]["gold"]:
        lines += [f"**{figure_group['label']}** ({figure_group['unit']})", ""]
        lines += [*_table(FIGURE_HEADER, figure_rows(figure_group)), ""]
        for relation in figure_group["relations"]:
            mark = "found" if relation["found"] else "MISSED"
            lines.append(f"- {relation['kind']} `{relation['a']}` – `{relation['b']}`: {mark}")
        lines.append("")
    extra_relations = [
        f"- {r['kind']} `{r['a']}` – `{r['b']}`: {' vs '.join(r['statements'])}"
        for r in group["figure_groups"]["extra_relations"]
    ]
    splits = [
        f"- **{split['gold']}** → "
        + "; ".join(f"*{p['predicted']}*: {names_text(p['names'])}" for p in split["parts"])
        for split in group["entities"]["split"]
    ]
    merges = [
        f"- **{m['predicted']}** ← {', '.join(m['gold'])}" for m in group["entities"]["merged"]
    ]
    gold_clusters: list[str] = []
    for cluster in group["clusters"]["gold"]:
        gold_clusters.append(f"- {'✓' if cluster['found'] else '✗'} **{cluster['label']}**")
        gold_clusters += [
            f"  - `{c['claim']}` → {show(c['predicted'])}: {c['statement']}"
            for c in cluster["claims"]
        ]
    extra_clusters: list[str] = []
    for cluster in group["clusters"]["extra"]:
        extra_clusters.append(f"- **{cluster['label']}**")
        extra_clusters += [
            f"  - `{c['claim']}` (gold: {show(c['gold'])}): {c['statement']}"
            for c in cluster["claims"]
        ]
    for title, section in (
        ("Predicted figure relations not in gold", extra_relations),
        ("Entities the linker split", splits),
        ("Predicted entities merging gold ones", merges),
        ("Gold clusters (✓ found exactly)", gold_clusters),
        ("Predicted clusters matching no gold cluster", extra_clusters),
    ):
        lines += [f"### {title}", "", *(section or ["none"]), ""]
    return [*lines, ""]


def render_markdown(report: dict[str, Any]) -> str:
    """The Markdown summary of a links report."""
    config, summary = report["config"], report["summary"]
    lines = [
        f"# claimkit eval links on `{config['gold']}`",
        "",
        f"{config['groups']} groups, {config['articles']} articles, {config['claims']} gold "
        f"claims; created {report['created_at']}; claimkit {report['versions']['claimkit']}, "
        f"git `{report['versions']['git_sha']}`. Scores are micro-averaged over groups.",
        "",
        f"Headline: entity B³ F1 **{number(summary['entities']['bcubed']['f1'])}**, cluster B³ "
        f"F1 **{number(summary['clusters']['bcubed']['f1'])}**, figure B³ F1 "
        f"**{number(summary['figures']['bcubed']['f1'])}**, disagreement F1 "
        f"**{number(summary['disagreements']['f1'])}**.",
        "",
        "## All groups",
        "",
        *_table(CLUSTERING_HEADER, clustering_rows(summary)),
        "",
        *_table(RELATION_HEADER, relation_rows(summary)),
        "",
    ]
    if summary["failed_groups"]:
        lines += [
            f"Failed groups (scored as linking nothing): {', '.join(summary['failed_groups'])}",
            "",
        ]
    for group in report["groups"]:
        lines += _group_markdown(group)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_html(report: dict[str, Any]) -> str:
    """The self-contained HTML page of a links report."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True)
    )
    return environment.get_template("links_report.html.j2").render(
        report=report,
        clustering_header=CLUSTERING_HEADER,
        relation_header=RELATION_HEADER,
        figure_header=FIGURE_HEADER,
        clustering_rows=clustering_rows,
        relation_rows=relation_rows,
        figure_rows=figure_rows,
        names_text=names_text,
        number=number,
        show=show,
    )
