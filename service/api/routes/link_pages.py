"""Pages of the cross-article links: an entity and a figure group, as HTML.

They live at the same paths as their JSON (`/entities/{id}`, `/figures/{key}`): a browser
asking for text/html gets the page, every other client the JSON.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from schemas.links import EntityPublic, FigureGroupPublic
from service.api.routes.pages import templates
from service.config import Settings
from service.linking import FigureGroup
from service.linking.chart import source_colours, source_label, timeline_svg

router = APIRouter(include_in_schema=False)

HTML_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}}, "description": "JSON, or the page for a browser"}
}


def wants_html(request: Request) -> bool:
    """Whether the client prefers a page: it lists text/html before any JSON type."""
    accept = request.headers.get("accept", "")
    html = accept.find("text/html")
    json = accept.find("application/json")
    return html >= 0 and (json < 0 or html < json)


def _common(request: Request, settings: Settings) -> dict[str, Any]:
    return {
        "root": request.scope.get("root_path", ""),
        "write_protected": settings.api_key is not None,
    }


def entity_page(request: Request, settings: Settings, entity: EntityPublic) -> HTMLResponse:
    """The entity's page: aliases with reasons, claims by role, its figure groups."""
    context = {**_common(request, settings), "entity": entity}
    return templates.TemplateResponse(request, "entity.html", context)


def figure_group_page(
    request: Request, settings: Settings, public: FigureGroupPublic, group: FigureGroup
) -> HTMLResponse:
    """The figure group's page: the timeline chart and the ledger table beside it."""
    colours = source_colours(group.figures)
    rows = [
        {"figure": row, "source": source_label(figure), "colour": colours[source_label(figure)]}
        for row, figure in zip(public.figures, group.figures, strict=True)
    ]
    conflicting = {rel.a for rel in public.relations if rel.kind == "disagreement"} | {
        rel.b for rel in public.relations if rel.kind == "disagreement"
    }
    context = {
        **_common(request, settings),
        "group": public,
        "rows": rows,
        "conflicting": conflicting,
        "legend": list(colours.items()),
        # ElementTree built the SVG and escaped every label in it.
        "chart": Markup(timeline_svg(group.figures, group.relations)),
    }
    return templates.TemplateResponse(request, "figures.html", context)
