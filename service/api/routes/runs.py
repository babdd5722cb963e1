"""Extraction runs: poll one, read its claims."""

from __future__ import annotations

from fastapi import APIRouter, status

from schemas.api import ClaimsPublic, RunPublic
from service import repository
from service.api import presenters
from service.api.deps import RunId, SessionDep
from service.api.errors import ApiError, error_responses
from service.models import ExtractionRun

router = APIRouter(prefix="/runs", tags=["runs"])


def _get_run(session: SessionDep, run_id: int) -> ExtractionRun:
    run = session.get(ExtractionRun, run_id)
    if run is None:
        raise ApiError(status.HTTP_404_NOT_FOUND, f"run {run_id} does not exist")
    return run


@router.get(
    "/{run_id}",
    summary="Get one extraction run",
    description="Status (pending, running, succeeded, failed), the extractor, model, prompt "
    "id and sha, parameters, token usage and cost, attempts, latency, how many claims were "
    "kept and dropped, every dropped claim (`dropped`: its statement, the quotes it cited "
    "and why it was dropped, e.g. a quote not found in the article even after the model "
    "was asked again), and for a failed run the kind of failure and what happened.",
    response_model=RunPublic,
    responses=error_responses((404, "no such run")),
)
def get_run(run_id: RunId, session: SessionDep) -> RunPublic:
    return presenters.run_public(_get_run(session, run_id))


@router.get(
    "/{run_id}/claims",
    summary="Claims of one run",
    description="The claims of this run (empty unless it succeeded), extracted and added by "
    "reviewers, in position order, with their reviewed values; rejected claims are left out.",
    response_model=ClaimsPublic,
    responses=error_responses((404, "no such run")),
)
def get_run_claims(run_id: RunId, session: SessionDep) -> ClaimsPublic:
    _get_run(session, run_id)
    claims = presenters.claims_public(repository.run_claims(session=session, run_id=run_id))
    return ClaimsPublic(data=claims, count=len(claims))
