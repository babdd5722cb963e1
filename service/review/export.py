"""Reviewed articles as gold files (spec section 3), so reviewing grows the gold set.

What goes in: a gold file holds the article's accepted, edited and added claims, as
reviewed; rejected claims are left out, and `annotator` says how many.

Only complete reviews export: a gold file claims to list *all* the article's claims, so a
half-reviewed one would count the unreviewed claims as misses and punish recall. While any
claim of the run is unreviewed, export refuses (IncompleteReview) unless `partial` is asked
for; then the file says `partial: true` with the review counts, and the eval harness and
`claimkit gold check` refuse it.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select

from schemas.gold import GoldArticle, GoldClaim, GoldReview
from service.article_text import text_sha256
from service.models import Article, ExtractionRun
from service.review.store import (
    Counts,
    ReviewedClaim,
    gold_claims,
    gold_run,
    is_reviewed,
    run_claims,
)


class IncompleteReview(ValueError):
    """The article still has unreviewed claims and no partial file was asked for."""

    def __init__(self, article_id: int, unreviewed: int, total: int) -> None:
        super().__init__(
            f"article {article_id} has {unreviewed} unreviewed claim(s) of {total}: a gold "
            "file must list all of an article's claims, so review them first, or ask for a "
            "file marked partial (?partial=true, `claimkit gold export --partial`), which "
            "`claimkit gold check` and the eval harness refuse"
        )
        self.article_id = article_id
        self.unreviewed = unreviewed
        self.total = total


def gold_id(article: Article) -> str:
    """The gold id of an article: stable across databases (a hash of its text)."""
    return f"article-{text_sha256(article.text)[:12]}"


def _annotator(run: ExtractionRun | None, claims: list[ReviewedClaim]) -> str:
    counts = Counts.of(claims)
    reviewers = sorted({c.state.reviewer for c in claims if c.state.reviewer})
    made_by = f"{run.extractor} extractor run {run.id}" if run else "no extraction run"
    if run and run.model:
        made_by += f" ({run.model})"
    return (
        f"reviewed in claimkit by {', '.join(reviewers) or 'nobody yet'}; claims from "
        f"{made_by}: {counts.accepted} accepted, {counts.edited} edited, {counts.added} "
        f"added; left out: {counts.rejected} rejected, {counts.unreviewed} unreviewed"
    )


def _gold_claim(claim: ReviewedClaim) -> GoldClaim:
    # The row id, not the position: unique even when two adds raced to the same position,
    # and stable across edits and re-exports.
    return GoldClaim.model_validate({"id": f"c{claim.record.id}", **claim.state.value})


def _text_order(claim: ReviewedClaim) -> tuple[int, int, int]:
    first_start = min(span["start"] for span in claim.state.value["evidence"])
    return first_start, claim.record.position, claim.record.id or 0


def gold_claims_of(*, session: Session, article_id: int) -> list[ReviewedClaim]:
    """Every claim of the run the article's gold file comes from, with its review state."""
    run = gold_run(session=session, article_id=article_id)
    return run_claims(session=session, run_id=run.id) if run and run.id else []


def gold_document(*, session: Session, article_id: int, partial: bool = False) -> GoldArticle:
    """The article as a gold file with its reviewed claims in text order (ties: position, id).

    Raises LookupError for an unknown article and IncompleteReview while a claim is
    unreviewed, unless `partial`: then the file is marked partial, with the review counts.
    """
    article = session.get(Article, article_id)
    if article is None:
        raise LookupError(f"article {article_id} does not exist")
    run = gold_run(session=session, article_id=article_id)
    claims = run_claims(session=session, run_id=run.id) if run and run.id else []
    counts = Counts.of(claims)
    if counts.unreviewed and not partial:
        raise IncompleteReview(article_id, counts.unreviewed, counts.total)
    review = None
    if counts.unreviewed:
        review = GoldReview(
            claims=counts.total, reviewed=counts.reviewed, unreviewed=counts.unreviewed
        )
    kept = sorted(gold_claims(claims), key=_text_order)
    return GoldArticle(
        id=gold_id(article),
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        text=article.text,
        annotator=_annotator(run, claims),
        claims=[_gold_claim(claim) for claim in kept],
        partial=review is not None,
        review=review,
    )


def _exportable(*, session: Session, article_id: int, partial: bool) -> bool:
    """Every claim reviewed; with `partial`, at least one."""
    claims = gold_claims_of(session=session, article_id=article_id)
    if not is_reviewed(claims):
        return False
    return partial or not Counts.of(claims).unreviewed


def write_gold(gold: GoldArticle, out_dir: Path) -> Path:
    """Write one gold file as `<id>.json` (UTF-8, indented) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{gold.id}.json"
    path.write_text(gold.to_json(), encoding="utf-8")
    return path


def export_gold(*, session: Session, out_dir: Path, partial: bool = False) -> list[Path]:
    """Write a gold file for every fully reviewed article, and with `partial` one marked
    partial for every article with some decisions; the paths."""
    article_ids = session.exec(select(Article.id).order_by(col(Article.id))).all()
    paths = []
    for article_id in article_ids:
        assert article_id is not None
        if _exportable(session=session, article_id=article_id, partial=partial):
            gold = gold_document(session=session, article_id=article_id, partial=partial)
            paths.append(write_gold(gold, Path(out_dir)))
    return paths
