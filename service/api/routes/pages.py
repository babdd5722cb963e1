"""Review pages (server-rendered HTML): the queue and one article's review page."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from schemas.claims import Approx, Certainty, ClaimKind
from schemas.review_status import Rating
from service import repository
from service.api.deps import ArticleDep, SessionDep, SettingsDep
from service.evidence_checks import FUZZY_EVIDENCE, INSTRUCTION_IN_EVIDENCE
from service.linking.presenters import cluster_url, entity_url, figure_group_url
from service.linking.reads import claim_links
from service.models import Article
from service.review import store
from service.review.dropped import dropped_views
from service.review.export import gold_id
from service.review.highlight import Mark, highlighted_html
from service.review.queue import QUEUE_STATUSES, next_to_review, review_queue
from service.review.store import Counts

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
templates = Jinja2Templates(directory=TEMPLATES_DIR)

router = APIRouter(prefix="/review", include_in_schema=False)

KEYS = [
    ("j", "next claim"),
    ("k", "previous claim"),
    ("a", "accept the selected claim"),
    ("x", "reject the selected claim"),
    ("e", "edit the selected claim (Ctrl+Enter saves, Esc cancels)"),
    ("s", "select the sentence at the cursor in the article (again: the next sentence)"),
    ("S", "select the previous sentence"),
    ("Shift+↓", "extend the selection by the next sentence"),
    ("Shift+↑", "take the last sentence back off the selection (or extend it upwards)"),
    ("n", "new claim from the text selected in the article (subject and source filled in)"),
    ("r", "rate the selected claim (true, false, misleading, unverifiable; Enter saves)"),
    ("u", "undo the last review action on this article"),
    ("c", "switch between full cards and compact rows"),
    ("]", "open the next article in the queue that still needs review"),
    ("?", "show or hide these keys"),
]


# What each of a claim's flags (ReviewedClaim.flags) means, for badges' titles.
FLAG_REASONS = {
    FUZZY_EVIDENCE: "evidence located by the lenient match, not found verbatim",
    INSTRUCTION_IN_EVIDENCE: "evidence reads like an instruction to the extractor",
}


def flag_reasons(flags: list[str]) -> str:
    """A badge title for a claim's flags: why to look closely."""
    return "; ".join(FLAG_REASONS.get(flag, flag.replace("_", " ")) for flag in flags)


def _common(request: Request, settings: SettingsDep) -> dict[str, Any]:
    return {
        "root": request.scope.get("root_path", ""),
        "write_protected": settings.api_key is not None,
        "keys": KEYS,
        "entity_url": entity_url,
        "figure_group_url": figure_group_url,
        "cluster_url": cluster_url,
        "flag_reasons": flag_reasons,
    }


def error_page(request: Request, *, status_code: int, detail: str) -> HTMLResponse:
    """A review-styled HTML page for an error a browser hit (unknown article, say)."""
    context = {
        "root": request.scope.get("root_path", ""),
        "write_protected": False,
        "keys": KEYS,
        "status_code": status_code,
        "title": HTTPStatus(status_code).phrase,
        "detail": detail,
    }
    return templates.TemplateResponse(request, "error.html", context, status_code=status_code)


def _panel(*, session: SessionDep, article: Article) -> dict[str, Any]:
    assert article.id is not None
    run = store.review_run(session=session, article_id=article.id)
    claims = store.run_claims(session=session, run_id=run.id) if run and run.id else []
    marks = [
        Mark(span["start"], span["end"], claim.record.id or 0, claim.state.value["kind"])
        for claim in claims
        for span in claim.state.value["evidence"]
    ]
    return {
        "article": article,
        "run": run,
        "latest_run": repository.latest_run(session=session, article_id=article.id),
        "claims": claims,
        "links": claim_links(session=session, claim_ids=[c.record.id or 0 for c in claims]),
        "dropped": dropped_views(run, article.text),
        "counts": Counts.of(claims),
        "text_html": highlighted_html(article.text, marks),
        "gold_file": f"{gold_id(article)}.json",
        "kinds": [kind.value for kind in ClaimKind],
        "certainties": [certainty.value for certainty in Certainty],
        "approxes": [approx.value for approx in Approx],
        "ratings": [rating.value for rating in Rating],
    }


@router.get("", response_class=HTMLResponse)
def queue_page(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    status_filter: Annotated[str | None, Query(alias="status")] = None,
    extractor: str | None = None,
) -> HTMLResponse:
    status_filter = status_filter if status_filter in QUEUE_STATUSES else None
    items, extractors = review_queue(
        session=session, status=status_filter, extractor=extractor or None
    )
    context = {
        **_common(request, settings),
        "items": items,
        "extractors": extractors,
        "statuses": QUEUE_STATUSES,
        "status_filter": status_filter,
        "extractor": extractor,
    }
    return templates.TemplateResponse(request, "queue.html", context)


@router.get("/next")
def next_article_page(request: Request, session: SessionDep, after: int = 0) -> RedirectResponse:
    # Computed when asked, not on every page load: the queue order changes as people review.
    following = next_to_review(session=session, after=after)
    root = request.scope.get("root_path", "")
    target = f"/review/articles/{following}" if following is not None else "/review"
    return RedirectResponse(root + target, status_code=303)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    article: ArticleDep, request: Request, session: SessionDep, settings: SettingsDep
) -> HTMLResponse:
    context = {**_common(request, settings), **_panel(session=session, article=article)}
    return templates.TemplateResponse(request, "article.html", context)


@router.get("/articles/{article_id}/panel", response_class=HTMLResponse)
def article_panel(
    article: ArticleDep, request: Request, session: SessionDep, settings: SettingsDep
) -> HTMLResponse:
    context = {**_common(request, settings), **_panel(session=session, article=article)}
    return templates.TemplateResponse(request, "_panel.html", context)
