"""Claims across articles, filtered on their reviewed values, in the format asked for."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from schemas.api import ClaimsPublic
from schemas.claims import NO_NUL_PATTERN, Certainty, ClaimKind
from schemas.review_status import ReviewStatus
from service import repository
from service.api import presenters
from service.api.deps import MAX_ID, Limit, Offset, SessionDep
from service.api.formats import NEGOTIATION_NOTE, FormatDep, claims_answer, claims_responses
from service.exports.formats import ExportFormat

MAX_SEARCH_CHARS = 200
REVIEW_DESCRIPTION = (
    "only claims in this review state; without it, every state but `rejected` (a rejected "
    "claim is not a claim: ask `review=rejected` to list them)"
)
ReviewQuery = Annotated[ReviewStatus | None, Query(description=REVIEW_DESCRIPTION)]
REVIEWED_VALUES_NOTE = (
    " **Reviewed values:** a claim a reviewer accepted, edited or added is answered (and "
    "filtered) with its reviewed value, an unreviewed one as extracted; each says which "
    "(`review_state`, `reviewed`) and carries its rating, if any. Rejected claims are left "
    "out unless `review=rejected`."
)


def _search(description: str) -> Any:
    """A substring filter: at most MAX_SEARCH_CHARS characters, no NUL."""
    return Query(
        description=f"{description}; at most {MAX_SEARCH_CHARS} characters",
        max_length=MAX_SEARCH_CHARS,
        json_schema_extra={"pattern": NO_NUL_PATTERN},
    )


router = APIRouter(prefix="/claims", tags=["claims"])


@router.get(
    "",
    summary="Search claims",
    description="Claims of every article's current run. Filters combine with AND; `subject`, "
    "`source` and `q` (statement text) are case-insensitive substring matches (`%` and `_` "
    "match themselves)." + REVIEWED_VALUES_NOTE + NEGOTIATION_NOTE,
    response_model=ClaimsPublic,
    responses=claims_responses(),
)
def list_claims(
    session: SessionDep,
    chosen: FormatDep,
    request: Request,
    response: Response,
    subject: Annotated[str | None, _search("e.g. North Korean troops")] = None,
    source: Annotated[str | None, _search("source name, e.g. Intelligence")] = None,
    kind: ClaimKind | None = None,
    certainty: Certainty | None = None,
    q: Annotated[str | None, _search("text in the statement")] = None,
    review: ReviewQuery = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    skip: Offset = 0,
    limit: Limit = 100,
) -> ClaimsPublic | Response:
    filters = repository.ClaimFilter(
        article_id=article_id,
        subject=subject,
        source=source,
        kind=kind.value if kind else None,
        certainty=certainty.value if certainty else None,
        q=q,
        review=review.value if review else None,
    )
    records, count = repository.search_claims(
        session=session, filters=filters, skip=skip, limit=limit
    )
    page = ClaimsPublic(data=presenters.claims_public(records), count=count)
    articles = {}
    if chosen != ExportFormat.json:
        ids = [record.article_id for record in records]
        articles = repository.articles_by_id(session=session, article_ids=ids)
    return claims_answer(chosen, page=page, articles=articles, request=request, response=response)
