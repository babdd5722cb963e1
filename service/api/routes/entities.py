"""Entities across articles: search, read, and the reviewer's merge, split, rename, undo."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from fastapi.responses import HTMLResponse

from schemas.links import (
    EntitiesPublic,
    EntityPublic,
    MergeRequest,
    RenameRequest,
    SplitRequest,
)
from service.api.deps import MAX_ID, Limit, Offset, SessionDep, SettingsDep, WriteAccess
from service.api.routes.link_pages import HTML_RESPONSE, entity_page, wants_html
from service.api.routes.review import ReviewerDep
from service.linking import entity_review, reads
from service.linking.presenters import entity_public, entity_summary

router = APIRouter(prefix="/entities", tags=["entities"])

EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="an entity's id")]
EditId = Annotated[int, Path(ge=1, le=MAX_ID, description="an entity edit's id")]

_WRITE: dict[int | str, dict[str, Any]] = {
    401: {"description": "CLAIMKIT_API_KEY is set and X-API-Key is missing or wrong"},
    404: {"description": "no such entity or edit"},
    409: {"description": "the edit conflicts with the entities' state (e.g. already merged)"},
    422: {"description": "the body is not valid"},
}


def _detail(session: SessionDep, entity_id: int) -> EntityPublic:
    detail = reads.entity_detail(session=session, entity_id=entity_id)
    if detail is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"entity {entity_id} does not exist")
    return entity_public(detail)


@contextmanager
def _edit_errors() -> Iterator[None]:
    """An edit the entities' state refuses: 404 for a missing one, 409 otherwise."""
    try:
        yield
    except entity_review.EntityEditError as error:
        code = status.HTTP_404_NOT_FOUND if error.not_found else status.HTTP_409_CONFLICT
        raise HTTPException(code, str(error)) from error


@router.get(
    "",
    summary="Search entities",
    description="People, organisations, places and groups named by claims (as subject, "
    "source or location), one entity under every spelling. `q` matches the canonical name "
    "or any alias, case-insensitively (e.g. `q=Yong-bok` finds Kim Young Bok).",
    response_model=EntitiesPublic,
)
def list_entities(
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=300, description="name or alias, e.g. DPRK")] = None,
    type: Literal["person", "organisation", "place", "group"] | None = None,
    skip: Offset = 0,
    limit: Limit = 100,
) -> EntitiesPublic:
    rows, total = reads.search_entities(session=session, q=q, type=type, skip=skip, limit=limit)
    return EntitiesPublic(
        data=[entity_summary(entity, count) for entity, count in rows], count=total
    )


@router.get(
    "/{entity_id}",
    summary="Read an entity",
    description="The entity's aliases (each with how it was linked), the claims naming it "
    "as subject, as source and as location (with why each name was linked), its figure "
    "groups and the reviewer edits that touched it.",
    response_model=EntityPublic,
    responses={**HTML_RESPONSE, 404: {"description": "no such entity"}},
)
def read_entity(
    entity_id: EntityId, session: SessionDep, request: Request, settings: SettingsDep
) -> EntityPublic | HTMLResponse:
    entity = _detail(session, entity_id)
    if wants_html(request):
        return entity_page(request, settings, entity)
    return entity


@router.post(
    "/{entity_id}/merge",
    summary="Merge entities into this one",
    description="The other entities' mentions and aliases move to this entity; they stay "
    "stored, marked as merged, so the merge can be undone (`POST /entities/edits/{id}/undo`).",
    response_model=EntityPublic,
    responses=_WRITE,
    dependencies=[WriteAccess],
)
def merge_entities(
    entity_id: EntityId, body: MergeRequest, session: SessionDep, reviewer: ReviewerDep
) -> EntityPublic:
    with _edit_errors():
        entity_review.merge_entities(
            session=session, into_id=entity_id, other_ids=body.others, reviewer=reviewer
        )
    session.commit()
    return _detail(session, entity_id)


@router.post(
    "/{entity_id}/split",
    summary="Split mentions off into a new entity",
    description="Moves the given mentions (ids from `as_subject`/`as_source`/`as_location`) "
    "to a new entity with the given name, e.g. when two people sharing a surname were "
    "linked as one. Answers with the new entity.",
    response_model=EntityPublic,
    status_code=status.HTTP_201_CREATED,
    responses=_WRITE,
    dependencies=[WriteAccess],
)
def split_entity(
    entity_id: EntityId, body: SplitRequest, session: SessionDep, reviewer: ReviewerDep
) -> EntityPublic:
    with _edit_errors():
        edit = entity_review.split_entity(
            session=session,
            entity_id=entity_id,
            link_ids=body.mentions,
            name=body.name,
            reviewer=reviewer,
        )
    session.commit()
    return _detail(session, edit.other_entity_id or 0)


@router.post(
    "/{entity_id}/rename",
    summary="Rename an entity",
    description="Sets the canonical name; the old name stays as an alias.",
    response_model=EntityPublic,
    responses=_WRITE,
    dependencies=[WriteAccess],
)
def rename_entity(
    entity_id: EntityId, body: RenameRequest, session: SessionDep, reviewer: ReviewerDep
) -> EntityPublic:
    with _edit_errors():
        entity_review.rename_entity(
            session=session, entity_id=entity_id, name=body.name, reviewer=reviewer
        )
    session.commit()
    return _detail(session, entity_id)


@router.post(
    "/edits/{edit_id}/undo",
    summary="Undo an entity edit",
    description="Reverses a merge, split or rename; the edit and its undo stay in the log. "
    "An edit can be undone once.",
    response_model=EntityPublic,
    responses=_WRITE,
    dependencies=[WriteAccess],
)
def undo_entity_edit(edit_id: EditId, session: SessionDep, reviewer: ReviewerDep) -> EntityPublic:
    with _edit_errors():
        undo = entity_review.undo_edit(session=session, edit_id=edit_id, reviewer=reviewer)
    session.commit()
    return _detail(session, undo.entity_id)
