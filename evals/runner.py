"""Run an extractor over every gold article and score its claims against the gold claims."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from rich.progress import Progress

from evals.cache import CachingExtractor
from evals.cases import GoldCase
from evals.errors import CategoryCount, article_errors, count_errors
from evals.matching import MATCH_THRESHOLD
from evals.metrics import (
    ArticleScore,
    Estimate,
    Grounding,
    Summary,
    score_article,
    summarize,
)
from evals.splits import by_split, gaps
from evals.tokens import TokenReport, token_report
from schemas.claims import Claim
from service.extraction import GroundedExtraction, extract_and_ground
from service.extractors.base import (
    ArticleInput,
    ExtractionError,
    ExtractionResult,
    Extractor,
    Usage,
)
from service.grounding import Grounder, QuoteNotFound


@dataclass
class ArticleRun:
    """What an extractor produced for one gold article (no claims when it failed)."""

    case: GoldCase
    claims: list[Claim]
    grounding: Grounding
    result: ExtractionResult | None = None
    error: str | None = None
    seconds: float = 0.0


def article_input(case: GoldCase) -> ArticleInput:
    """The extractor's view of a gold article: text, date, title and outlet."""
    article = case.article
    return ArticleInput(
        text=article.text, published=article.published, title=article.title, outlet=article.outlet
    )


def count_grounding(text: str, extraction: GroundedExtraction) -> Grounding:
    """Count the predicted quotes and how many are verbatim (exact or folded) in the text."""
    grounder = Grounder(text)
    quotes = grounded = 0
    for draft in extraction.result.claims:
        for quote in draft.evidence:
            quotes += 1
            with contextlib.suppress(QuoteNotFound):
                grounder.locate(quote)  # a located span's text is the article's own
                grounded += 1
    return Grounding(quotes=quotes, grounded=grounded, dropped_claims=extraction.dropped)


def run_article(case: GoldCase, extractor: Extractor) -> ArticleRun:
    """Extract and ground one article; an ExtractionError gives a run with no claims."""
    started = time.perf_counter()
    try:
        extraction = extract_and_ground(article_input(case), extractor)
    except ExtractionError as error:
        return ArticleRun(
            case=case,
            claims=[],
            grounding=Grounding(),
            error=str(error),
            seconds=time.perf_counter() - started,
        )
    return ArticleRun(
        case=case,
        claims=extraction.claims,
        grounding=count_grounding(case.article.text, extraction),
        result=extraction.result,
        seconds=time.perf_counter() - started,
    )


def run_extractor(
    cases: Sequence[GoldCase],
    extractor: Extractor,
    *,
    concurrency: int = 1,
    show_progress: bool = False,
) -> list[ArticleRun]:
    """Run `extractor` over every case (in a thread pool when concurrency > 1), in gold order."""
    runs: dict[int, ArticleRun] = {}
    with Progress(transient=True, disable=not show_progress) as progress:
        task = progress.add_task(f"{extractor.name}: extracting", total=len(cases))
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            futures = {pool.submit(run_article, case, extractor): i for i, case in enumerate(cases)}
            for future in as_completed(futures):
                runs[futures[future]] = future.result()
                progress.advance(task)
    return [runs[i] for i in range(len(cases))]


@dataclass
class Evaluation:
    """One extractor's runs over a gold set, their scores and the pooled figures."""

    extractor: str
    runs: list[ArticleRun]
    scores: list[ArticleScore]
    summary: Summary
    threshold: float
    configuration: dict[str, Any] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    tokens: TokenReport | None = None
    cache_hits: int | None = None
    cache_misses: int | None = None
    splits: dict[str, Summary] = field(default_factory=dict)  # "all" for a flat gold set
    gaps: dict[str, Estimate] = field(default_factory=dict)  # dev minus test, when both
    errors: dict[str, list[CategoryCount]] = field(default_factory=dict)  # per split


def _configuration(runs: Sequence[ArticleRun]) -> dict[str, Any]:
    """Model, prompt and parameters as the extractor reported them (first successful run)."""
    for run in runs:
        if run.result is not None:
            result = run.result
            return {
                "model": result.model,
                "prompt_id": result.prompt_id,
                "prompt_sha": result.prompt_sha,
                "parameters": result.parameters,
            }
    return {"model": None, "prompt_id": None, "prompt_sha": None, "parameters": {}}


def score_runs(runs: Sequence[ArticleRun], *, threshold: float) -> list[ArticleScore]:
    """Match and score every article's predictions against its gold claims."""
    return [
        score_article(
            run.case.id,
            run.claims,
            run.case.article.claims,
            text=run.case.article.text,
            threshold=threshold,
            grounding=run.grounding,
            error=run.error,
        )
        for run in runs
    ]


def evaluate(
    cases: Sequence[GoldCase],
    extractor: Extractor,
    *,
    threshold: float = MATCH_THRESHOLD,
    concurrency: int = 1,
    show_progress: bool = False,
) -> Evaluation:
    """Run `extractor` over the gold cases (each once) and score it, per split as well."""
    runs = run_extractor(cases, extractor, concurrency=concurrency, show_progress=show_progress)
    scores = score_runs(runs, threshold=threshold)
    split_names = [run.case.split_name for run in runs]
    grouped = by_split(split_names, scores)
    errors = by_split(
        split_names, [article_errors(r, s) for r, s in zip(runs, scores, strict=True)]
    )
    usage = Usage()
    for run in runs:
        if run.result is not None:
            usage.add(run.result.usage)
    caching = extractor if isinstance(extractor, CachingExtractor) else None
    return Evaluation(
        extractor=extractor.name,
        runs=runs,
        scores=scores,
        summary=summarize(scores),
        threshold=threshold,
        configuration=_configuration(runs),
        usage=usage,
        tokens=token_report(runs, extractor),
        cache_hits=caching.hits if caching else None,
        cache_misses=caching.misses if caching else None,
        splits={name: summarize(split) for name, split in grouped.items()},
        gaps=gaps(grouped),
        errors={
            name: count_errors(error for article in found for error in article)
            for name, found in errors.items()
        },
    )
