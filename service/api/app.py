"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api import errors
from service.api.guards import RequestGuard
from service.api.openapi import install_openapi
from service.api.routes import (
    articles,
    claims,
    clusters,
    entities,
    figures,
    health,
    link_pages,
    pages,
    review,
    runs,
)
from service.config import Settings, get_settings
from service.db import engine_for
from service.extraction import build_scoped_extractor
from service.extractors.base import Extractor
from service.tasks.queue import RunQueue, make_huey
from service.tasks.waiting import RunWaiter
from service.tasks.worker import RunExecutor, WorkerRuntime, running

logger = logging.getLogger(__name__)

DESCRIPTION = """
claimkit turns news articles into **typed, attributed, source-grounded claims**: what is
asserted, by whom, through which outlet, with which numbers, dates and hedging, and the
verbatim spans (character offsets into the stored text) that support it.

**Try it:** `POST /articles` with an article's text, then read `claims` in the answer (or
poll `run.url` when the answer is 202). `GET /claims?source=Intelligence` searches claims
across articles, on their reviewed values; `?format=csv|jsonl|jsonld|annotation` (or the
Accept header) answers in CSV, JSON Lines, schema.org JSON-LD or W3C Web Annotation.

**Review in the browser:** the [review queue](/review) lists articles, most urgent first;
`/review/articles/{id}` (e.g. [/review/articles/1](/review/articles/1)) shows the text with
every claim's evidence highlighted beside a card per claim. Accept (`a`), reject (`x`),
edit (`e`) or add claims from a text selection (`n`), undo (`u`), all from the keyboard.
Reviews never overwrite the extraction: each claim keeps its extracted value beside its
reviewed value, status, rating, reviewer and time (the **review** endpoints below, which
the page uses). `GET /articles/{id}/gold` exports a fully reviewed article as a gold file.
"""

TAGS = [
    {"name": "articles", "description": "Store articles, run extractions, read their claims."},
    {"name": "runs", "description": "Extraction runs: status, model, prompt, usage, errors."},
    {
        "name": "claims",
        "description": "Search claims across articles, on their reviewed values; JSON, CSV, "
        "JSON Lines, schema.org JSON-LD or W3C Web Annotation.",
    },
    {
        "name": "review",
        "description": "Review claims: accept, reject, edit, add, rate, undo (an append-only "
        "log; the extraction is never overwritten), the review queue, and gold export. Writes "
        "need X-API-Key when CLAIMKIT_API_KEY is set; X-Reviewer names the reviewer. "
        "Pages: [/review](/review).",
    },
    {"name": "health", "description": "Is the service able to store and extract?"},
]


DOCS_PATHS = frozenset({"/docs", "/redoc"})
# The docs pages may load only from this server: ReDoc's bundle would otherwise fetch its
# footer logo from a CDN. Inline scripts/styles and blob workers are how both UIs run.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'"
)


class DocsStayLocal:
    """Adds DOCS_CSP to the docs pages' responses.

    Plain ASGI rather than `@app.middleware("http")`, whose wrapper streams every request
    and response through an extra task: a measurable share of a POST's time under load.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in DOCS_PATHS:
            await self.app(scope, receive, send)
            return

        async def send_with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Content-Security-Policy"] = DOCS_CSP
            await send(message)

        await self.app(scope, receive, send_with_policy)


def _warm_up(factory: Callable[..., Extractor]) -> None:
    """Build the default extractor once and let it load its libraries (spaCy's model, the
    model client), so the first POSTs do not pay for that."""
    try:
        extractor = factory()
    except ValueError as error:  # misconfigured: /health and every run say so
        logger.warning("the configured extractor cannot be built: %s", error)
        return
    warm_up = getattr(extractor, "warm_up", None)
    if callable(warm_up):
        warm_up()


def create_app(
    settings: Settings | None = None,
    *,
    extractor_factory: Callable[..., Extractor] | None = None,
    immediate_runs: bool = False,
) -> FastAPI:
    """Build the app; engine, queue, waiter and embedded worker live for its lifetime.

    `extractor_factory(kind=, model=, prompt_version=)` replaces the real extractors (tests);
    `immediate_runs` executes each run inline when it is enqueued, with no consumer (tests).
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = engine_for(settings)
        queue = RunQueue(make_huey(settings, immediate=immediate_runs))
        waiter = RunWaiter(engine)
        queue.on_finished(waiter.notify)
        runtime = None
        if immediate_runs:
            queue.set_handler(
                RunExecutor(
                    engine=engine,
                    extractor_factory=lambda: app.state.extractor_factory,
                    worker_id="immediate",
                )
            )
        elif settings.embedded_worker:
            runtime = WorkerRuntime(
                settings=settings,
                engine=engine,
                queue=queue,
                extractor_factory=lambda: app.state.extractor_factory,
                embedded=True,
            )
        _warm_up(app.state.extractor_factory)
        app.state.engine = engine
        app.state.run_queue = queue
        app.state.run_waiter = waiter
        app.state.worker_runtime = runtime
        try:
            with running(runtime):
                yield
        finally:
            engine.dispose()

    app = FastAPIOffline(
        title="claimkit",
        version="0.1.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.extractor_factory = extractor_factory or partial(build_scoped_extractor, settings)
    for module in (articles, runs, claims, entities, clusters, figures, review, health, pages):
        app.include_router(module.router)
    for module in (link_pages,):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")

    app.add_middleware(DocsStayLocal)
    app.add_middleware(RequestGuard)  # outermost: limits and same-origin before anything
    install_openapi(app)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        wants_page = "text/html" in request.headers.get("accept", "")
        if wants_page and request.url.path.startswith("/review") and error.status_code == 404:
            return pages.error_page(request, status_code=404, detail=str(error.detail))
        return await errors.http_error(request, error)

    app.add_exception_handler(RequestValidationError, errors.validation_error)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, error: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return errors.error_response(
            500, "internal error; the server log has details", code="internal_error"
        )

    return app
