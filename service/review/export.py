"""Reviewed articles as gold files (spec section 3), so reviewing grows the gold set.

What goes in: a gold file holds the article's accepted, edited and added claims, as
reviewed; rejected and unreviewed claims are left out, and `annotator` says how many.
An article is exported once any of its claims has a decision. `reviewed_only` is stricter:
only articles with no claim left unreviewed, because a gold file claims to list *all* the
article's claims and a half-reviewed one would count the unreviewed claims as misses.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select

from schemas.gold import GoldArticle, GoldClaim
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
    """The article still has unreviewed claims and only complete reviews were asked for."""

    def __init__(self, article_id: int, unreviewed: int) -> None:
        super().__init__(
            f"article {article_id} has {unreviewed} unreviewed claim(s); review them or "
            "export without reviewed_only"
        )
        self.article_id = article_id
        self.unreviewed = unreviewed


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


def gold_document(*, session: Session, article_id: int, reviewed_only: bool = False) -> GoldArticle:
    """The article as a gold file with its reviewed claims in text order (ties: position, id).

    Raises LookupError for an unknown article and IncompleteReview when `reviewed_only`
    and a claim is still unreviewed.
    """
    article = session.get(Article, article_id)
    if article is None:
        raise LookupError(f"article {article_id} does not exist")
    run = gold_run(session=session, article_id=article_id)
    claims = run_claims(session=session, run_id=run.id) if run and run.id else []
    unreviewed = Counts.of(claims).unreviewed
    if reviewed_only and unreviewed:
        raise IncompleteReview(article_id, unreviewed)
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
    )


def _exportable(*, session: Session, article_id: int, reviewed_only: bool) -> bool:
    run = gold_run(session=session, article_id=article_id)
    if run is None or run.id is None:
        return False
    claims = run_claims(session=session, run_id=run.id)
    if not is_reviewed(claims):
        return False
    return not (reviewed_only and Counts.of(claims).unreviewed)


def write_gold(gold: GoldArticle, out_dir: Path) -> Path:
    """Write one gold file as `<id>.json` (UTF-8, indented) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{gold.id}.json"
    path.write_text(gold.to_json(), encoding="utf-8")
    return path


def export_gold(*, session: Session, out_dir: Path, reviewed_only: bool = False) -> list[Path]:
    """Write a gold file for every reviewed article (see the module docstring); the paths."""
    article_ids = session.exec(select(Article.id).order_by(col(Article.id))).all()
    paths = []
    for article_id in article_ids:
        assert article_id is not None
        if _exportable(session=session, article_id=article_id, reviewed_only=reviewed_only):
            gold = gold_document(session=session, article_id=article_id)
            paths.append(write_gold(gold, Path(out_dir)))
    return paths
