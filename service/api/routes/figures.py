"""The figures ledger: every reported number, grouped by what it measures."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from fastapi.responses import HTMLResponse

from schemas.links import FigureGroupPublic, FigureGroupsPublic
from service.api.deps import Limit, Offset, SessionDep, SettingsDep
from service.api.routes.link_pages import HTML_RESPONSE, figure_group_page, wants_html
from service.linking import reads
from service.linking.presenters import figure_group_public

router = APIRouter(prefix="/figures", tags=["figures"])

GroupKey = Annotated[
    str,
    Path(min_length=1, max_length=300, pattern=r"^[A-Za-z0-9_.:-]+$", description="a group key"),
]


@router.get(
    "",
    summary="Figure groups",
    description="One row per reported figure (value or range, approximator, unit, what it "
    "counts, source, via, article, publication date, the claim's own time), grouped by the "
    "measured thing. Within a group, figures from different sources that cannot all be "
    "true for overlapping times are a `disagreement`; a later figure from the same source "
    "is an `update`. `about` matches what a group counts or any alias of its subject "
    "(e.g. `about=North Korean troops`); `unit` the unit (e.g. `troops`).",
    response_model=FigureGroupsPublic,
)
def list_figure_groups(
    session: SessionDep,
    about: Annotated[
        str | None, Query(max_length=300, description="e.g. North Korean troops")
    ] = None,
    unit: Annotated[str | None, Query(max_length=100, description="e.g. troops")] = None,
    disagreement: Annotated[
        bool | None, Query(description="only groups with (true) or without (false) one")
    ] = None,
    skip: Offset = 0,
    limit: Limit = 50,
) -> FigureGroupsPublic:
    infos, total = reads.figure_groups(
        session=session, about=about, unit=unit, disagreement=disagreement, skip=skip, limit=limit
    )
    return FigureGroupsPublic(data=[figure_group_public(info) for info in infos], count=total)


@router.get(
    "/{key}",
    summary="Read a figure group",
    description="The group's figures, disagreements and updates; a browser gets the page: a "
    "timeline chart (x: the figure's time, else the publication date; y: value with range "
    "bars; one colour per source; disagreements in red) beside the ledger table.",
    response_model=FigureGroupPublic,
    responses={**HTML_RESPONSE, 404: {"description": "no such figure group"}},
)
def read_figure_group(
    key: GroupKey, session: SessionDep, request: Request, settings: SettingsDep
) -> FigureGroupPublic | HTMLResponse:
    info = reads.figure_group(session=session, key=key)
    if info is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"figure group {key!r} does not exist")
    public = figure_group_public(info)
    if wants_html(request):
        return figure_group_page(request, settings, public, info.group)
    return public
