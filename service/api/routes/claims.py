"""Claims across articles, filtered."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from schemas.api import ClaimsPublic
from schemas.claims import NO_NUL_PATTERN, Certainty, ClaimKind
from service import repository
from service.api import presenters
from service.api.deps import MAX_ID, Limit, Offset, SessionDep
from service.api.errors import error_responses

MAX_SEARCH_CHARS = 200


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
    "`source` and `q` (statement text) are case-insensitive substring matches.",
    response_model=ClaimsPublic,
    responses=error_responses(),
)
def list_claims(
    session: SessionDep,
    subject: Annotated[str | None, _search("e.g. North Korean troops")] = None,
    source: Annotated[str | None, _search("source name, e.g. Intelligence")] = None,
    kind: ClaimKind | None = None,
    certainty: Certainty | None = None,
    q: Annotated[str | None, _search("text in the statement")] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    skip: Offset = 0,
    limit: Limit = 100,
) -> ClaimsPublic:
    filters = repository.ClaimFilter(
        article_id=article_id,
        subject=subject,
        source=source,
        kind=kind.value if kind else None,
        certainty=certainty.value if certainty else None,
        q=q,
    )
    records, count = repository.search_claims(
        session=session, filters=filters, skip=skip, limit=limit
    )
    return ClaimsPublic(data=presenters.claims_public(records), count=count)
