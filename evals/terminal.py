"""What `claimkit eval` prints: the summary tables (per split side by side), the error
categories, token use, the gate's verdict and comparisons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from evals.report.figures import (
    columns,
    error_table,
    estimate_rows,
    field_rows,
    gap_rows,
    headers,
    other_rows,
    value_headers,
)

if TYPE_CHECKING:
    from evals.compare import Comparison
    from evals.gate import GateResult

console = Console(soft_wrap=True)


def _table(title: str | None, header: list[str], sections: list[list[list[str]]]) -> Table:
    table = Table(title=title)
    for index, column in enumerate(header):
        table.add_column(column, justify="left" if index == 0 else "right")
    for number, rows in enumerate(sections):
        if number:
            table.add_section()
        for row in rows:
            table.add_row(*row)
    return table


def print_summary(report: dict[str, Any]) -> None:
    """The terminal summary: every figure per split, beside the floor's, and the gap."""
    names, mine, floor = columns(report)
    title = f"{report['extractor']['name']} on {report['config']['gold']}"
    if len(names) > 1:
        title += f" ({', '.join(names)} side by side)"
    console.print(_table(title, headers(report, "figure", "95% interval"),
                         [estimate_rows(mine, floor)]))  # fmt: skip
    field_header = headers(report, "field accuracy (matched pairs)", "agree/total")
    console.print(_table(None, field_header, [field_rows(mine, floor)]))
    console.print(_table(None, value_headers(report), [other_rows(mine, floor)]))
    gaps = gap_rows(report)
    if gaps:
        console.print(_table(None, ["gap", "value", "95% interval"], [gaps]))
    error_header, errors = error_table(report)
    if errors:
        console.print(_table("error categories (largest first on dev)", error_header, [errors]))
    for summary in mine:
        for failed in summary["failed_articles"]:
            console.print(f"failed article (scored as no claims): {failed}", style="yellow")
    if report["extractor"].get("tokens"):
        print_tokens(report["extractor"]["tokens"])


def print_tokens(tokens: dict[str, Any]) -> None:
    """Calls, prompt tokens (fixed and article part), output, cached tokens and cost."""
    per = tokens["per_article"]
    cost = "unknown" if tokens["cost_usd"] is None else f"${tokens['cost_usd']:.4f}"
    console.print(
        f"model use: {tokens['calls']} calls for {tokens['articles']} articles; prompt tokens "
        f"{tokens['prompt_tokens']:,} = fixed {tokens['fixed_tokens']:,} "
        f"({tokens['fixed_per_call']:,} per call) + article {tokens['article_part']:,}; "
        f"{tokens['ratio_to_articles']:.2f}x the articles' own {tokens['article_tokens']:,}; "
        f"output {tokens['completion_tokens']:,}; cached {tokens['cached_tokens']:,}; "
        f"cost {cost}; per article {per['calls']:g} calls, {per['prompt_tokens']:,.0f} prompt "
        f"and {per['completion_tokens']:,.0f} output tokens",
        markup=False,
    )


def print_gate(result: GateResult, baseline: Path) -> None:
    """The gate's verdict and what failed."""
    for warning in result.warnings:
        console.print(f"gate warning: {warning}", style="yellow")
    if result.passed:
        console.print(f"gate passed against {baseline}", style="green")
        return
    console.print(f"gate FAILED against {baseline}:", style="bold red")
    for line in result.failures():
        console.print(f"  {line}", style="red", markup=False)


def _shown(value: float | None, *, count: bool, signed: bool = False) -> str:
    if value is None:
        return "–"
    sign = "+" if signed else ""
    return f"{value:{sign}.0f}" if count else f"{value:{sign}.3f}"


def print_comparison(comparison: Comparison, a: Path, b: Path) -> None:
    """Every figure of A and B with its change, ΔF1 intervals and the articles that got worse."""
    table = Table(title=f"A = {a}   B = {b}")
    for column in ("figure", "A", "B", "B - A"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for figure in comparison.figures:
        cells = [_shown(value, count=figure.count) for value in (figure.a, figure.b)]
        delta = _shown(figure.delta, count=figure.count, signed=True)
        table.add_row(figure.label, *cells, delta)
    console.print(table)
    deltas = [("", comparison.common_articles, comparison.delta_f1, comparison.delta_strict_f1)]
    deltas += [(f" on {name}", *values) for name, values in comparison.per_split.items()]
    for where, shared, delta_f1, delta_strict in deltas:
        for label, estimate in (("ΔF1", delta_f1), ("Δstrict F1", delta_strict)):
            console.print(
                f"{label}{where} (B - A, paired bootstrap over {shared} shared articles): "
                f"{estimate.value:+.3f}  95% [{estimate.low:+.3f}, {estimate.high:+.3f}]"
            )
    for label, ids in (("only in A", comparison.only_in_a), ("only in B", comparison.only_in_b)):
        if ids:
            console.print(f"{label}: {', '.join(ids)}", style="yellow")
    if not comparison.worse:
        console.print("no article got worse")
    for change in comparison.worse:
        console.print(
            f"worse: {change.article_id}: F1 {change.f1_a:.3f} -> {change.f1_b:.3f}, "
            f"strict F1 {change.strict_f1_a:.3f} -> {change.strict_f1_b:.3f}",
            style="red",
        )
