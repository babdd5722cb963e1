"""`claimkit eval ...` and `claimkit gold ...`: score extractors on gold data, check gold files.

Scoring, reports and the database are imported by the commands that use them, so that
`--help` and `gold check` start quickly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from evals.cache import CachingExtractor, ExtractionCache
from evals.cases import GoldCase, GoldError, check_gold, load_gold
from evals.gate import (
    GateResult,
    baseline_from_report,
    check_against_baseline,
    read_baseline,
    write_baseline,
)
from evals.matching import MATCH_THRESHOLD, SimilarityDistribution
from evals.report.figures import estimate_rows, field_rows, other_rows
from evals.report.markdown import write_markdown
from service.config import get_settings
from service.extractors import EXTRACTOR_KINDS, build_extractor
from service.extractors.sentences import SentenceExtractor

if TYPE_CHECKING:
    from evals.compare import Comparison
    from evals.runner import Evaluation
    from service.extractors.base import Extractor

DEFAULT_GOLD = Path("evals/gold")
DEFAULT_OUTPUT_ROOT = Path("eval-output")
LLM_CONCURRENCY = 4

eval_app = typer.Typer(help="Score an extractor against gold claims.", no_args_is_help=False)
gold_app = typer.Typer(help="Gold data tools.", no_args_is_help=True)
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)  # unwrapped, so each problem stays on one line

GoldOption = Annotated[
    Path, typer.Option("--gold", help="gold folder or single gold file (contract format)")
]
ExtractorOption = Annotated[
    str, typer.Option("--extractor", help=f"one of: {', '.join(EXTRACTOR_KINDS)}")
]
ModelOption = Annotated[str | None, typer.Option("--model", help="litellm model id (llm)")]
PromptOption = Annotated[str | None, typer.Option("--prompt", help="prompt version (llm)")]


def _fail(lines: list[str], code: int = 2) -> typer.Exit:
    for line in lines:
        errors.print(line, style="red", markup=False, highlight=False)
    return typer.Exit(code)


def _load_cases(gold: Path) -> list[GoldCase]:
    try:
        return load_gold(gold)
    except GoldError as error:
        raise _fail(error.problems) from error


def _build(kind: str, model: str | None, prompt: str | None) -> Extractor:
    from service.extractors.base import ExtractionError

    try:
        return build_extractor(get_settings(), kind=kind, model=model, prompt_version=prompt)
    except (ImportError, ValueError, ExtractionError) as error:
        raise _fail([f"cannot build the {kind!r} extractor: {error}"]) from error


def run_evaluations(
    cases: list[GoldCase],
    extractor: Extractor,
    *,
    threshold: float,
    concurrency: int,
    show_progress: bool,
) -> tuple[Evaluation, Evaluation]:
    """Evaluate the extractor and the sentence floor (once, when they are the same)."""
    from evals.runner import evaluate

    evaluation = evaluate(
        cases,
        extractor,
        threshold=threshold,
        concurrency=concurrency,
        show_progress=show_progress,
    )
    if extractor.name == SentenceExtractor.name:
        return evaluation, evaluation
    floor = evaluate(cases, SentenceExtractor(), threshold=threshold)
    return evaluation, floor


def print_summary(report: dict[str, Any]) -> None:
    """The terminal summary: every figure beside the floor's."""
    summary, floor = report["extractor"]["summary"], report["floor"]["summary"]
    name, floor_name = report["extractor"]["name"], f"floor ({report['floor']['name']})"
    table = Table(title=f"{name} on {report['config']['gold']}")
    for column in ("figure", name, "95% interval", floor_name):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for row in estimate_rows(summary, floor):
        table.add_row(*row)
    table.add_section()
    for label, value, counts, floor_value in field_rows(summary, floor):
        table.add_row(f"{label} accuracy", value, counts, floor_value)
    table.add_section()
    for label, value, floor_value in other_rows(summary, floor):
        table.add_row(label, value, "", floor_value)
    console.print(table)
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


@eval_app.callback(invoke_without_command=True)
def eval_main(
    context: typer.Context,
    gold: GoldOption = DEFAULT_GOLD,
    extractor: ExtractorOption = "offline",
    model: ModelOption = None,
    prompt: PromptOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="report folder (default eval-output/<time>)")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="call the model even when a cached answer exists")
    ] = False,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="default: <data_dir>/eval-cache")
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", min=1, help=f"default {LLM_CONCURRENCY} (llm)")
    ] = None,
    threshold: Annotated[
        float, typer.Option("--threshold", min=0, max=1, help="match similarity threshold")
    ] = MATCH_THRESHOLD,
    gate: Annotated[
        Path | None, typer.Option("--gate", help="baseline file; exit 1 on a regression")
    ] = None,
) -> None:
    """Run an extractor over every gold article, score it, write report.json/md/html."""
    from evals.report.html import write_html
    from evals.report.json import build_report, write_report

    if context.invoked_subcommand is not None:
        return
    cases = _load_cases(gold)
    baseline = _read_baseline(gate) if gate else None
    built = _build(extractor, model, prompt)
    settings = get_settings()
    if extractor == "llm" and not no_cache:
        built = CachingExtractor(
            built, ExtractionCache(cache_dir or settings.data_dir / "eval-cache")
        )
    started = dt.datetime.now(dt.UTC)
    workers = concurrency or (LLM_CONCURRENCY if extractor == "llm" else 1)
    evaluation, floor = run_evaluations(
        cases, built, threshold=threshold, concurrency=workers, show_progress=console.is_terminal
    )
    report = build_report(
        gold_path=gold,
        cases=cases,
        evaluation=evaluation,
        floor=floor,
        options={"concurrency": workers, "cache": isinstance(built, CachingExtractor)},
        created_at=started,
    )
    folder = out or DEFAULT_OUTPUT_ROOT / f"{started:%Y%m%d-%H%M%S}-{extractor}"
    folder.mkdir(parents=True, exist_ok=True)
    write_report(report, folder / "report.json")
    write_markdown(report, folder / "report.md")
    write_html(report, cases, folder / "report.html")
    print_summary(report)
    console.print(f"reports written to {folder}/ (report.json, report.md, report.html)")
    if gate and baseline is not None:
        result = check_against_baseline(report, baseline)
        print_gate(result, gate)
        if not result.passed:
            raise typer.Exit(1)


def _read_baseline(path: Path) -> dict[str, Any]:
    try:
        return read_baseline(path)
    except (OSError, ValueError) as error:
        raise _fail([f"cannot read the baseline: {error}"]) from error


def _read_report(path: Path) -> dict[str, Any]:
    from evals.report.json import read_report

    try:
        return read_report(path)
    except (OSError, ValueError) as error:
        raise _fail([f"cannot read the report: {error}"]) from error


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
    for label, estimate in (
        ("ΔF1", comparison.delta_f1),
        ("Δstrict F1", comparison.delta_strict_f1),
    ):
        console.print(
            f"{label} (B - A, paired bootstrap over {comparison.common_articles} shared articles): "
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


@eval_app.command("compare")
def compare_command(
    a: Annotated[Path, typer.Argument(help="the earlier report.json")],
    b: Annotated[Path, typer.Argument(help="the later report.json")],
) -> None:
    """Difference in every figure (B - A), paired bootstrap ΔF1, and the articles that got worse."""
    from evals.compare import compare_reports

    print_comparison(compare_reports(_read_report(a), _read_report(b)), a, b)


@eval_app.command("baseline")
def baseline_command(
    path: Annotated[
        Path, typer.Argument(help="baseline file to write, e.g. evals/baselines/offline.json")
    ],
    gold: GoldOption = DEFAULT_GOLD,
    extractor: ExtractorOption = "offline",
    model: ModelOption = None,
    prompt: PromptOption = None,
    from_report: Annotated[
        Path | None, typer.Option("--from-report", help="take the figures from this report.json")
    ] = None,
) -> None:
    """Write (or overwrite) a gate baseline: the only way a baseline changes."""
    from evals.report.json import build_report

    if from_report:
        report = _read_report(from_report)
    else:
        cases = _load_cases(gold)
        built = _build(extractor, model, prompt)
        evaluation, floor = run_evaluations(
            cases,
            built,
            threshold=MATCH_THRESHOLD,
            concurrency=1,
            show_progress=console.is_terminal,
        )
        report = build_report(gold_path=gold, cases=cases, evaluation=evaluation, floor=floor)
    baseline = write_baseline(baseline_from_report(report), path)
    figures = baseline_from_report(report)["figures"]
    console.print(f"baseline written to {baseline}: {figures}", markup=False)


@eval_app.command("similarities")
def similarities_command(
    gold: GoldOption = DEFAULT_GOLD,
    extractor: ExtractorOption = "sentences",
    model: ModelOption = None,
    prompt: PromptOption = None,
) -> None:
    """Histogram of predicted x gold similarities, overlapping or not: the threshold's data."""
    from evals.runner import run_extractor

    cases = _load_cases(gold)
    runs = run_extractor(cases, _build(extractor, model, prompt), show_progress=console.is_terminal)
    distribution = SimilarityDistribution()
    for run in runs:
        distribution.add(run.claims, run.case.article.claims)
    table = Table(title=f"similarity of every predicted x gold pair ({extractor})")
    for column in ("similarity from", "evidence overlaps", "evidence disjoint"):
        table.add_column(column, justify="right")
    for start, overlapping, disjoint in distribution.histogram():
        table.add_row(f"{start:.2f}", str(overlapping), str(disjoint))
    console.print(table)
    highest = max(distribution.disjoint, default=0.0)
    console.print(
        f"highest similarity of a disjoint pair: {highest:.3f}; threshold {MATCH_THRESHOLD}"
    )


@gold_app.callback()
def gold_main() -> None:
    """Gold data tools."""


@gold_app.command("check")
def gold_check(
    paths: Annotated[list[Path], typer.Argument(help="gold files or folders")],
) -> None:
    """Validate gold files: spans match the text, fields follow the contract, ids are unique."""
    cases, problems = check_gold(paths)
    if problems:
        raise _fail(problems, code=1)
    claims = sum(len(case.article.claims) for case in cases)
    console.print(f"ok: {len(cases)} gold files, {claims} claims", style="green")


@gold_app.command("export")
def gold_export(
    out_dir: Annotated[Path, typer.Argument(help="folder to write the gold files into")],
    reviewed_only: Annotated[
        bool, typer.Option("--reviewed-only", help="only articles with every claim reviewed")
    ] = False,
) -> None:
    """Write reviewed articles from the database as gold files (accepted, edited, added claims)."""
    from sqlmodel import Session

    from service.db import make_engine
    from service.review.export import export_gold

    engine = make_engine(get_settings().resolved_database_url())
    try:
        with Session(engine) as session:
            paths = export_gold(session=session, out_dir=out_dir, reviewed_only=reviewed_only)
    finally:
        engine.dispose()
    for path in paths:
        console.print(str(path))
    if not paths:
        rule = "every claim" if reviewed_only else "at least one claim"
        console.print(f"no gold files written: no article has {rule} reviewed yet", style="yellow")
        return
    console.print(f"wrote {len(paths)} gold files to {out_dir}", style="green")
