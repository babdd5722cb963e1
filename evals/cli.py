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
from evals.cases import (
    ALL_SPLITS,
    SPLITS,
    GoldCase,
    GoldError,
    check_gold,
    load_gold,
    split_folders,
)
from evals.gate import (
    baseline_from_report,
    check_against_baseline,
    read_baseline,
    write_baseline,
)
from evals.matching import MATCH_THRESHOLD, SimilarityDistribution
from evals.report.markdown import write_markdown
from evals.terminal import console, print_comparison, print_gate, print_summary
from service.config import get_settings
from service.extractors import EXTRACTOR_KINDS, build_extractor
from service.extractors.sentences import SentenceExtractor

if TYPE_CHECKING:
    from evals.runner import Evaluation
    from service.extractors.base import Extractor

DEFAULT_GOLD = Path("evals/gold")
DEFAULT_OUTPUT_ROOT = Path("eval-output")
LLM_CONCURRENCY = 4

eval_app = typer.Typer(help="Score an extractor against gold claims.", no_args_is_help=False)
gold_app = typer.Typer(help="Gold data tools.", no_args_is_help=True)
errors = Console(stderr=True, soft_wrap=True)  # unwrapped, so each problem stays on one line

GoldOption = Annotated[
    Path, typer.Option("--gold", help="gold folder or single gold file (contract format)")
]
ExtractorOption = Annotated[
    str, typer.Option("--extractor", help=f"one of: {', '.join(EXTRACTOR_KINDS)}")
]
ModelOption = Annotated[str | None, typer.Option("--model", help="litellm model id (llm)")]
PromptOption = Annotated[str | None, typer.Option("--prompt", help="prompt version (llm)")]
SplitOption = Annotated[
    str,
    typer.Option(
        "--split",
        help=f"in a gold folder with dev/ and test/: {', '.join(SPLITS)} or {ALL_SPLITS} "
        "(every split, side by side)",
    ),
]


def _fail(lines: list[str], code: int = 2) -> typer.Exit:
    for line in lines:
        errors.print(line, style="red", markup=False, highlight=False)
    return typer.Exit(code)


def _load_cases(gold: Path, split: str = ALL_SPLITS) -> list[GoldCase]:
    if split not in (*SPLITS, ALL_SPLITS):
        raise _fail([f"unknown split {split!r}: use {', '.join(SPLITS)} or {ALL_SPLITS}"])
    try:
        return load_gold(gold, split)
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


@eval_app.callback(invoke_without_command=True)
def eval_main(
    context: typer.Context,
    gold: GoldOption = DEFAULT_GOLD,
    split: SplitOption = ALL_SPLITS,
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
    """Run an extractor over every gold article (once), score it per split, write
    report.json/md/html."""
    from evals.report.html import write_html
    from evals.report.json import build_report, write_report

    if context.invoked_subcommand is not None:
        return
    cases = _load_cases(gold, split)
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
        options={
            "split": split,
            "concurrency": workers,
            "cache": isinstance(built, CachingExtractor),
        },
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


@eval_app.command("links")
def links_command(
    gold: GoldOption = DEFAULT_GOLD,
    out: Annotated[
        Path | None, typer.Option("--out", help="report folder (default eval-output/links-<time>)")
    ] = None,
) -> None:
    """Score cross-article linking on the link gold: entities and clusters (B-cubed and
    pairwise P/R/F1), figure groups, disagreements and updates; writes report.json/md/html."""
    import datetime as dt

    from evals.links import run_links_eval

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    out_dir = out or Path("eval-output") / f"links-{stamp}"
    try:
        report = run_links_eval(gold, out_dir)
    except GoldError as error:
        raise _fail(error.problems, code=2) from error
    console.print_json(data=report.get("overall", report.get("summary", {})))
    console.print(f"reports written to {out_dir}/ (report.json, report.md, report.html)")


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
    split: SplitOption = ALL_SPLITS,
    extractor: ExtractorOption = "offline",
    model: ModelOption = None,
    prompt: PromptOption = None,
    from_report: Annotated[
        Path | None, typer.Option("--from-report", help="take the figures from this report.json")
    ] = None,
) -> None:
    """Write (or overwrite) a gate baseline, figures per split: the only way one changes."""
    from evals.report.json import build_report

    if from_report:
        report = _read_report(from_report)
    else:
        cases = _load_cases(gold, split)
        built = _build(extractor, model, prompt)
        evaluation, floor = run_evaluations(
            cases,
            built,
            threshold=MATCH_THRESHOLD,
            concurrency=1,
            show_progress=console.is_terminal,
        )
        report = build_report(gold_path=gold, cases=cases, evaluation=evaluation, floor=floor)
    content = baseline_from_report(report)
    baseline = write_baseline(content, path)
    console.print(f"baseline written to {baseline}:", markup=False)
    for name, gated in content["splits"].items():
        console.print(f"  {name}: {gated['figures']}", markup=False)


@eval_app.command("similarities")
def similarities_command(
    gold: GoldOption = DEFAULT_GOLD,
    split: Annotated[str, typer.Option("--split", help="dev (default), test or all")] = "dev",
    extractor: ExtractorOption = "sentences",
    model: ModelOption = None,
    prompt: PromptOption = None,
) -> None:
    """Histogram of predicted x gold similarities, overlapping or not: the threshold's data
    (measured on dev/ only by default, so the test split never tunes the threshold)."""
    from evals.runner import run_extractor

    cases = _load_cases(gold, split if split_folders(gold) else ALL_SPLITS)
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
    """Validate gold files: spans match the text, fields follow the contract, ids are unique;
    link gold (a `links/` folder) references existing claims, mentions and figures."""
    from evals.links import check_links_gold, is_link_gold_path, link_gold_paths

    article_paths = [path for path in paths if not is_link_gold_path(path)]
    cases, problems = check_gold(article_paths) if article_paths else ([], [])
    groups, link_problems = check_links_gold(link_gold_paths(paths))
    if problems or link_problems:
        raise _fail([*problems, *link_problems], code=1)
    if groups:
        console.print(f"ok: {len(groups)} link gold groups", style="green")
    if not article_paths:
        return
    claims = sum(len(case.article.claims) for case in cases)
    per_split: dict[str, list[int]] = {}
    for case in cases:
        if case.split:
            per_split.setdefault(case.split, []).append(len(case.article.claims))
    parts = [f"{name} {len(c)} files, {sum(c)} claims" for name, c in per_split.items()]
    where = f" ({'; '.join(parts)})" if parts else ""
    console.print(f"ok: {len(cases)} gold files, {claims} claims{where}", style="green")


@gold_app.command("export")
def gold_export(
    out_dir: Annotated[Path, typer.Argument(help="folder to write the gold files into")],
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="also write partly reviewed articles, as files marked partial (which "
            "`gold check` and eval refuse)",
        ),
    ] = False,
) -> None:
    """Write fully reviewed articles from the database as gold files (accepted, edited and
    added claims); a partly reviewed article only with --partial, marked partial."""
    from sqlmodel import Session

    from service.db import make_engine
    from service.review.export import export_gold

    engine = make_engine(get_settings().resolved_database_url())
    try:
        with Session(engine) as session:
            paths = export_gold(session=session, out_dir=out_dir, partial=partial)
    finally:
        engine.dispose()
    for path in paths:
        console.print(str(path))
    if not paths:
        rule = "at least one claim" if partial else "every claim"
        hint = "" if partial else " (--partial writes partly reviewed ones, marked partial)"
        console.print(
            f"no gold files written: no article has {rule} reviewed yet{hint}", style="yellow"
        )
        return
    console.print(f"wrote {len(paths)} gold files to {out_dir}", style="green")
