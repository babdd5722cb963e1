"""Review: accept, reject, edit, add, rate and undo claims; the queue; reviewed articles as
gold."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal
from urllib.parse import unquote

from fastapi import APIRouter, Depends, Header, Query, status

from schemas.claims import NO_NUL_PATTERN, Claim, Span
from schemas.gold import GoldArticle
from schemas.review import (
    ArticleReviewPublic,
    ClaimEdit,
    ClaimRating,
    ClaimReviewPublic,
    QueuePublic,
    ReviewedClaimPublic,
    UndoPublic,
)
from service.api.deps import (
    ArticleDep,
    ClaimId,
    Limit,
    Offset,
    SessionDep,
    WriteAccess,
    get_article,
)
from service.api.errors import ApiError, error_responses
from service.models import Article, ClaimReview
from service.review import store
from service.review.edits import EditError, resolve_edit
from service.review.export import IncompleteReview, gold_document
from service.review.presenters import (
    article_review_public,
    claim_review_public,
    event_public,
    queue_item_public,
    reviewed_claim_public,
)
from service.review.queue import review_queue

router = APIRouter(tags=["review"])

_WRITE = error_responses(401, (404, "no such claim or article"))
_EDIT = {
    **_WRITE,
    **error_responses(
        (
            422,
            "the claim breaks the contract or a size limit; each issue's `loc` names the "
            "field, e.g. `['body', 'evidence', 0]` for a quote that is not verbatim in the text",
        )
    ),
}
_NOTHING_TO_UNDO = (409, "nothing to undo")
MAX_REVIEWER_HEADER = 300  # percent-encoded
MAX_REVIEWER_CHARS = 100


def get_reviewer(
    x_reviewer: Annotated[
        str | None,
        Header(
            description="who is reviewing (percent-encode non-ASCII names; no NUL; names are "
            f"cut to {MAX_REVIEWER_CHARS} characters); default 'anonymous'",
            max_length=MAX_REVIEWER_HEADER,
            json_schema_extra={"pattern": NO_NUL_PATTERN},
        ),
    ] = None,
) -> str:
    """The reviewer named in the X-Reviewer header, or 'anonymous'."""
    name = unquote(x_reviewer or "")
    if "\x00" in name:  # "%00": no database stores it faithfully
        issue: dict[str, Any] = {
            "loc": ["header", "x-reviewer"],
            "msg": "the reviewer name must not contain NUL (%00)",
            "type": "value_error",
        }
        raise ApiError(422, [issue], code="validation_error")
    return name.strip()[:MAX_REVIEWER_CHARS] or store.ANONYMOUS


ReviewerDep = Annotated[str, Depends(get_reviewer)]


def _claim(*, session: SessionDep, claim_id: int) -> store.ReviewedClaim:
    claim = store.get_claim(session=session, claim_id=claim_id)
    if claim is None:
        raise ApiError(status.HTTP_404_NOT_FOUND, f"claim {claim_id} does not exist")
    return claim


def _resolve(
    article: Article, edit: ClaimEdit, *, anchor: int | None, original: list[Span]
) -> Claim:
    try:
        return resolve_edit(article.text, edit, anchor=anchor, original=original)
    except EditError as error:
        raise ApiError(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            error.detail(),
            code="evidence_not_in_text",
        ) from None


def _fresh(*, session: SessionDep, claim_id: int) -> ReviewedClaimPublic:
    session.commit()
    return reviewed_claim_public(_claim(session=session, claim_id=claim_id))


@router.get(
    "/review-queue",
    summary="The review queue",
    description="Every article with the run under review (its current run, else its latest), "
    "claim counts per review status and flags: `failed_run` (the latest run failed) and "
    "`counts.low_confidence` (unreviewed claims whose evidence was located only by the "
    "lenient match). Most urgent first: unfinished before done, failed runs first, then "
    "more low-confidence claims, more unreviewed claims, newer articles. The page is "
    "[/review](/review).",
    response_model=QueuePublic,
    responses=error_responses(),
)
def get_review_queue(
    session: SessionDep,
    status_filter: Annotated[
        Literal["new", "in_progress", "done", "failed"] | None,
        Query(alias="status", description="review progress, or `failed` for failed runs"),
    ] = None,
    extractor: Annotated[
        str | None,
        Query(
            description="e.g. offline, llm",
            max_length=100,
            json_schema_extra={"pattern": NO_NUL_PATTERN},
        ),
    ] = None,
    skip: Offset = 0,
    limit: Limit = 100,
) -> QueuePublic:
    items, extractors = review_queue(session=session, status=status_filter, extractor=extractor)
    page = items[skip : skip + limit]
    return QueuePublic(
        data=[queue_item_public(item) for item in page], count=len(items), extractors=extractors
    )


@router.get(
    "/articles/{article_id}/review",
    summary="An article's review state",
    description="The text, the run under review and every claim with its extracted value "
    "(`original`), its reviewed value, status (`unreviewed`, `accepted`, `edited`, "
    "`rejected`, `added`), rating, reviewer and time; `gold` says whether the gold file "
    "exports or how many claims are still unreviewed. The page is "
    "`/review/articles/{article_id}`.",
    response_model=ArticleReviewPublic,
    responses=error_responses((404, "no such article")),
)
def get_article_review(article: ArticleDep, session: SessionDep) -> ArticleReviewPublic:
    return article_review_public(session=session, article=article)


@router.get(
    "/articles/{article_id}/gold",
    summary="An article as a gold file",
    description="The article in the gold-file format (`claimkit gold check` and `claimkit "
    "eval --gold` read it) with its accepted, edited and added claims as reviewed, from the "
    "most recently reviewed run; rejected claims are left out and `annotator` says how "
    "many. A gold file lists *all* of an article's claims, so while any claim of the run "
    "is unreviewed the answer is 409, naming how many (`GET /articles/{id}/review` has "
    "them in `gold.unreviewed`). With `partial=true` the file is written anyway, marked "
    '`"partial": true` with `review` counts; `claimkit gold check` and the eval harness '
    "refuse such files.",
    response_model=GoldArticle,
    responses=error_responses(
        (404, "no such article"),
        (409, "some claims are unreviewed and `partial=true` was not asked for"),
    ),
)
def get_article_gold(
    article: ArticleDep,
    session: SessionDep,
    partial: Annotated[
        bool,
        Query(
            description="export a partly reviewed article anyway, as a file marked partial "
            "(not usable as gold)"
        ),
    ] = False,
) -> GoldArticle:
    assert article.id is not None
    try:
        return gold_document(session=session, article_id=article.id, partial=partial)
    except IncompleteReview as error:
        raise ApiError(status.HTTP_409_CONFLICT, str(error), code="unreviewed") from None


@router.get(
    "/claims/{claim_id}/review",
    summary="A claim's review and its history",
    description="The claim's state and every review action on it, oldest first; undone "
    "actions stay in the log, marked `undone`.",
    response_model=ClaimReviewPublic,
    responses=error_responses((404, "no such claim")),
)
def get_claim_review(claim_id: ClaimId, session: SessionDep) -> ClaimReviewPublic:
    return claim_review_public(_claim(session=session, claim_id=claim_id))


@router.post(
    "/claims/{claim_id}/accept",
    summary="Accept a claim",
    description="Records that the claim is right as it stands (status `accepted`, or "
    "`edited` after an edit). The reviewer comes from the `X-Reviewer` header.",
    response_model=ReviewedClaimPublic,
    responses=_WRITE,
    dependencies=[WriteAccess],
)
def accept_claim(
    claim_id: ClaimId, session: SessionDep, reviewer: ReviewerDep
) -> ReviewedClaimPublic:
    record = _claim(session=session, claim_id=claim_id).record
    store.accept(session=session, record=record, reviewer=reviewer)
    return _fresh(session=session, claim_id=claim_id)


@router.post(
    "/claims/{claim_id}/reject",
    summary="Reject a claim",
    description="Records that the claim is wrong or not a claim (status `rejected`); it is "
    "left out of gold files.",
    response_model=ReviewedClaimPublic,
    responses=_WRITE,
    dependencies=[WriteAccess],
)
def reject_claim(
    claim_id: ClaimId, session: SessionDep, reviewer: ReviewerDep
) -> ReviewedClaimPublic:
    record = _claim(session=session, claim_id=claim_id).record
    store.reject(session=session, record=record, reviewer=reviewer)
    return _fresh(session=session, claim_id=claim_id)


@router.post(
    "/claims/{claim_id}/edit",
    summary="Correct a claim",
    description="Stores the corrected claim as its reviewed value (status `edited`); the "
    "extracted value is kept. Send every field. Evidence items are spans that must be "
    "verbatim (`text[start:end] == span.text`, no surrounding whitespace) or quotes, "
    "located in the text near the claim's first original span. A span at the offsets of "
    "one of the claim's spans keeps its `alignment`, so sending a span back unchanged does "
    "not change the evidence.",
    response_model=ReviewedClaimPublic,
    responses=_EDIT,
    dependencies=[WriteAccess],
)
def edit_claim(
    claim_id: ClaimId, edit: ClaimEdit, session: SessionDep, reviewer: ReviewerDep
) -> ReviewedClaimPublic:
    claim = _claim(session=session, claim_id=claim_id)
    article = get_article(claim.record.article_id, session)
    extracted = [Span.model_validate(span) for span in claim.record.data.get("evidence", [])]
    anchor = extracted[0].start if extracted else None
    # Spans the claim already has keep their alignment: from earlier edits or, when both
    # have one at the same offsets, as extracted.
    original = [*claim.reviewed_claim.evidence, *extracted]
    value = _resolve(article, edit, anchor=anchor, original=original)
    store.edit(session=session, record=claim.record, claim=value, reviewer=reviewer)
    return _fresh(session=session, claim_id=claim_id)


@router.post(
    "/claims/{claim_id}/rate",
    summary="Rate a claim",
    description="Records a fact-checker's rating of the claim (`true`, `false`, "
    "`misleading` or `unverifiable`) with an optional note saying why. A rating is not a "
    "decision about the claim: its status stays as it was. The latest rating counts; undo "
    "reverts it like any other action. Rated claims export as schema.org `ClaimReview` "
    "(`GET /claims?format=jsonld`).",
    response_model=ReviewedClaimPublic,
    responses={
        **_WRITE,
        **error_responses((422, "an unknown rating, a note over the limit, or NUL")),
    },
    dependencies=[WriteAccess],
)
def rate_claim(
    claim_id: ClaimId, rating: ClaimRating, session: SessionDep, reviewer: ReviewerDep
) -> ReviewedClaimPublic:
    record = _claim(session=session, claim_id=claim_id).record
    store.rate(
        session=session,
        record=record,
        rating=rating.rating,
        note=rating.note,
        reviewer=reviewer,
    )
    return _fresh(session=session, claim_id=claim_id)


@router.post(
    "/claims/{claim_id}/undo",
    summary="Undo the last review action on a claim",
    description="Appends an undo row reverting the claim's latest action still in effect; "
    "repeated undos walk further back. Undoing an `add` removes the added claim "
    "(`claim` is then null). 409 when there is nothing to undo.",
    response_model=UndoPublic,
    responses={**_WRITE, **error_responses(_NOTHING_TO_UNDO)},
    dependencies=[WriteAccess],
)
def undo_claim(claim_id: ClaimId, session: SessionDep, reviewer: ReviewerDep) -> UndoPublic:
    article_id = _claim(session=session, claim_id=claim_id).record.article_id
    store.lock_reviews(session=session, article_id=article_id)
    claim = _claim(session=session, claim_id=claim_id)  # its log as it stands under the lock
    return _undo(session=session, events=claim.events, reviewer=reviewer, scope=f"claim {claim_id}")


@router.post(
    "/articles/{article_id}/review/claims",
    status_code=status.HTTP_201_CREATED,
    summary="Add a claim the extractor missed",
    description="Stores a reviewer's claim on the run under review (status `added`), "
    "validated like an edit. The page sends the selected text as a span.",
    response_model=ReviewedClaimPublic,
    responses={**_EDIT, **error_responses((409, "the article has no extraction run"))},
    dependencies=[WriteAccess],
)
def add_claim(
    article: ArticleDep, edit: ClaimEdit, session: SessionDep, reviewer: ReviewerDep
) -> ReviewedClaimPublic:
    assert article.id is not None
    run = store.review_run(session=session, article_id=article.id)
    if run is None:
        raise ApiError(
            status.HTTP_409_CONFLICT,
            f"article {article.id} has no extraction run to add to",
            code="no_run",
        )
    value = _resolve(article, edit, anchor=None, original=[])
    record = store.add(session=session, run=run, claim=value, reviewer=reviewer)
    assert record.id is not None
    return _fresh(session=session, claim_id=record.id)


@router.post(
    "/articles/{article_id}/review/undo",
    summary="Undo the article's last review action",
    description="Like an editor's undo: reverts the latest review action still in effect on "
    "any claim of the run under review (the page's `u` key). 409 when there is nothing to "
    "undo.",
    response_model=UndoPublic,
    responses={**_WRITE, **error_responses(_NOTHING_TO_UNDO)},
    dependencies=[WriteAccess],
)
def undo_article(article: ArticleDep, session: SessionDep, reviewer: ReviewerDep) -> UndoPublic:
    assert article.id is not None
    store.lock_reviews(session=session, article_id=article.id)
    run = store.review_run(session=session, article_id=article.id)
    events = (
        store.article_events(session=session, article_id=article.id, run_id=run.id)
        if run and run.id
        else []
    )
    return _undo(session=session, events=events, reviewer=reviewer, scope=f"article {article.id}")


def _undo(
    *, session: SessionDep, events: Iterable[ClaimReview], reviewer: str, scope: str
) -> UndoPublic:
    target = store.undo(session=session, events=events, reviewer=reviewer)
    if target is None:
        raise ApiError(
            status.HTTP_409_CONFLICT, f"nothing to undo on {scope}", code="nothing_to_undo"
        )
    session.commit()
    assert target.id is not None
    claim = store.get_claim(session=session, claim_id=target.claim_id)
    return UndoPublic(
        undone=event_public(target, {target.id}),
        claim=reviewed_claim_public(claim) if claim else None,
    )
