"""What `claimkit extract` prints: a table of claims or a gold-format document on standard
output, and a summary with every dropped claim on standard error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from schemas.claims import Claim
    from schemas.gold import GoldArticle
    from service.extraction import GroundedExtraction
    from service.extractors.base import ArticleInput


def contract_document(
    article: ArticleInput, url: str | None, grounded: GroundedExtraction, extractor: str
) -> GoldArticle:
    """The extraction as a gold-format document (unreviewed), so it can seed gold data."""
    from schemas.gold import GoldArticle, GoldClaim
    from service.article_text import text_sha256

    model = grounded.result.model or "no model"
    return GoldArticle(
        id=f"article-{text_sha256(article.text)[:12]}",
        title=article.title,
        outlet=article.outlet,
        url=url,
        published=article.published,
        text=article.text,
        annotator=f"claimkit {extractor} extractor ({model}), unreviewed",
        claims=[
            GoldClaim(id=f"c{n}", **claim.model_dump())
            for n, claim in enumerate(grounded.claims, start=1)
        ],
    )


def print_table(claims: list[Claim]) -> None:
    """The claims as a table on standard output."""
    from rich.table import Table

    table = Table(show_lines=True)
    for column in ("#", "statement", "kind", "source", "certainty", "numbers", "time", "evidence"):
        table.add_column(column, overflow="fold")
    for n, claim in enumerate(claims, start=1):
        source = "-"
        if claim.source:
            source = claim.source.name + (f" (via {claim.source.via})" if claim.source.via else "")
        numbers = ", ".join(f"{q.text} [{q.unit}]" for q in claim.quantities) or "-"
        time = "-"
        if claim.time:
            bounds = "..".join(filter(None, [claim.time.start, claim.time.end]))
            time = claim.time.text + (f" ({bounds})" if bounds else "")
        table.add_row(
            str(n),
            ("NOT " if claim.negated else "") + claim.statement,
            claim.kind.value,
            source,
            claim.certainty.value,
            numbers,
            time,
            ", ".join(f"{s.start}-{s.end}" for s in claim.evidence),
        )
    Console().print(table)


def describe_run(grounded: GroundedExtraction, extractor: str) -> str:
    """Which extractor ran and, for a model, how: model, prompt, mode, requests, tokens."""
    result = grounded.result
    if result.model is None or result.prompt_id is None:
        return f"extractor {extractor}"
    mode = result.parameters.get("mode", "?")
    return (
        f"extractor {extractor} ({result.model}, {result.prompt_id}, mode {mode}, "
        f"{result.attempts} request(s), {result.usage.prompt_tokens} prompt + "
        f"{result.usage.completion_tokens} output tokens)"
    )


def print_summary(err: Console, grounded: GroundedExtraction, detail: str) -> None:
    """On standard error: counts of kept and dropped claims, then one line per dropped claim."""
    err.print(f"{len(grounded.claims)} claims, {grounded.dropped} dropped; {detail}")
    for claim in grounded.dropped_claims:
        line = f"  dropped {clip(claim.statement, 80)!r}: {clip(claim.reason, 160)}"
        err.print(line, markup=False, highlight=False)  # article text is not rich markup


def clip(text: str, width: int) -> str:
    """Text on one line, cut to `width` characters with an ellipsis when longer."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
