"""Articles: store one and extract its claims, list them, re-extract, read their claims."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request, Response, status
from starlette.concurrency import run_in_threadpool

from schemas.api import (
    ArticleCreate,
    ArticlePublic,
    ArticlesPublic,
    ClaimsPublic,
    ExtractionPublic,
    ExtractRequest,
    RunsPublic,
)
from service import repository, submission
from service.api import presenters
from service.api.article_input import ARTICLE_BODY_OPENAPI, check_article_text, read_article
from service.api.deps import (
    MAX_ID,
    ArticleDep,
    ArticleId,
    EngineDep,
    ExtractorFactoryDep,
    Limit,
    Offset,
    RunQueueDep,
    RunWaiterDep,
    SessionDep,
    SettingsDep,
    WriteAccess,
)
from service.api.errors import ApiError, error_responses
from service.api.formats import NEGOTIATION_NOTE, FormatDep, claims_answer, claims_responses
from service.api.routes.claims import REVIEWED_VALUES_NOTE, ReviewQuery
from service.config import Settings
from service.extraction import model_problem
from service.extractors.base import Extractor
from service.models import ExtractionRun
from service.prompts import available_versions

router = APIRouter(prefix="/articles", tags=["articles"])

WaitQuery = Annotated[
    float | None,
    Query(
        ge=0,
        le=600,
        description="seconds to wait for the run; past that the answer is 202 with the run's "
        "URL to poll (default CLAIMKIT_DEFAULT_WAIT_SECONDS)",
    ),
]
_UNAVAILABLE = (
    503,
    "the run queue is full (CLAIMKIT_MAX_PENDING_RUNS) or unreachable; the article is "
    "stored (`Location`), retry after `Retry-After` seconds",
)
_POST_ERRORS = error_responses(
    (400, "the body is not UTF-8, not JSON, or nested too deep"),
    401,
    (413, "the body is over CLAIMKIT_MAX_BODY_BYTES or the text over CLAIMKIT_MAX_ARTICLE_CHARS"),
    (415, "the Content-Type is neither application/json nor text/plain, or the body is compressed"),
    (422, "empty text, NUL, HTML, unknown fields or bad values; `detail` says which"),
    _UNAVAILABLE,
)
_EXTRACT_ERRORS = error_responses(
    401,
    (404, "no such article"),
    (
        422,
        "a model outside CLAIMKIT_ALLOWED_MODELS or unknown to litellm, no model configured "
        "for the llm extractor, an unknown prompt version, or a bad field",
    ),
    _UNAVAILABLE,
)


QUEUE_FULL_RETRY_AFTER = 10  # seconds: a backlog of runs drains at the workers' pace
QUEUE_DOWN_RETRY_AFTER = 30


def check_extract_request(request: ExtractRequest, settings: Settings) -> None:
    """Refuse at once (422, naming the setting) what no run could do: a model outside
    CLAIMKIT_ALLOWED_MODELS or unknown to litellm, the llm extractor with no model, or a
    prompt version that does not exist. Nothing waits on the network."""
    permitted = settings.permitted_models()
    if request.model is not None and request.model not in permitted:
        allowed = ", ".join(permitted) if permitted else "none: CLAIMKIT_MODEL is not set"
        raise ApiError(
            422,
            f"model {request.model!r} is not allowed; CLAIMKIT_ALLOWED_MODELS (default: the "
            f"configured CLAIMKIT_MODEL) lists the models callers may choose: {allowed}",
            code="model_not_allowed",
        )
    if request.extractor == "llm" and not (request.model or settings.model):
        raise ApiError(
            422,
            "the llm extractor needs a model and none is configured: set CLAIMKIT_MODEL",
            code="model_not_configured",
        )
    if request.prompt_version is not None:
        versions = available_versions("extract_claims")
        if request.prompt_version not in versions:
            raise ApiError(
                422,
                f"prompt version {request.prompt_version!r} does not exist; available: "
                f"{', '.join(versions)} (prompts/extract_claims/)",
                code="unknown_prompt_version",
            )
    if request.model is not None:
        problem = model_problem(request.model, settings)
        if problem:
            raise ApiError(422, problem, code="unknown_model")


def _build_extractor(factory: ExtractorFactoryDep, request: ExtractRequest) -> Extractor:
    try:
        return factory(
            kind=request.extractor, model=request.model, prompt_version=request.prompt_version
        )
    except ValueError as error:  # ExtractorUnavailable
        raise ApiError(422, str(error), code="extractor_unavailable") from None


def _unavailable(error: submission.QueueFull | submission.QueueDown) -> ApiError:
    """503 naming the stored article, with when to try again."""
    full = isinstance(error, submission.QueueFull)
    return ApiError(
        status.HTTP_503_SERVICE_UNAVAILABLE,
        str(error),
        code="queue_full" if full else "queue_unavailable",
        headers={
            "Retry-After": str(QUEUE_FULL_RETRY_AFTER if full else QUEUE_DOWN_RETRY_AFTER),
            "Location": f"/articles/{error.article_id}",
        },
    )


async def _submit(
    submit: Callable[..., submission.Submitted], **arguments: Any
) -> submission.Submitted:
    """Run a submission off the event loop; a full or unreachable queue is a 503."""
    try:
        return await run_in_threadpool(partial(submit, **arguments))
    except (submission.QueueFull, submission.QueueDown) as error:
        raise _unavailable(error) from None


async def _answer(
    *,
    engine: EngineDep,
    waiter: RunWaiterDep,
    submitted: submission.Submitted,
    wait: float,
    response: Response,
    finished_status: int,
) -> ExtractionPublic:
    """Wait up to `wait` seconds for the run (holding no connection), then present it."""
    if submitted.started and submitted.run_id is not None and wait > 0:
        await waiter.wait(submitted.run_id, wait)
    answer = await run_in_threadpool(
        partial(
            presenters.load_extraction,
            engine,
            article_id=submitted.article_id,
            run_id=submitted.run_id,
            created=submitted.created,
            reused=submitted.reused,
        )
    )
    response.status_code = finished_status
    if answer.run is not None and answer.run.status in ("pending", "running"):
        response.headers["Location"] = answer.run.url
        if submitted.started:
            response.status_code = status.HTTP_202_ACCEPTED
    return answer


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Store an article and extract its claims",
    description="Stores the article (de-duplicated by a hash of its text), then queues an "
    "extraction run with the configured extractor. Waits up to `wait` seconds: 201 with the "
    "claims when the run finished (a failed run is still 201, with `run.status` 'failed' "
    "and `run.error` saying why), 202 with a `Location` header to poll otherwise. Posting "
    "text that is already stored answers 200 with the stored article and its latest run. "
    "When the backlog of waiting runs is full (`CLAIMKIT_MAX_PENDING_RUNS`) the article is "
    "still stored and the answer is 503 with `Retry-After`: posting the same text again "
    "later starts its run. "
    "HTML is rejected (422): claimkit stores text exactly as sent and quotes it verbatim. "
    "When no publication date is given, a dateline at the top of the text "
    "('date 2024-10-27', 'Friday, January 4, 2019') is used; `published_source` says which.",
    response_model=ExtractionPublic,
    responses={
        200: {"description": "the text was already stored"},
        202: {"description": "the run is still under way: poll `Location`"},
        **_POST_ERRORS,
    },
    openapi_extra=ARTICLE_BODY_OPENAPI,
    dependencies=[WriteAccess],
)
async def create_article(
    payload: Annotated[ArticleCreate, Depends(read_article)],
    engine: EngineDep,
    settings: SettingsDep,
    queue: RunQueueDep,
    waiter: RunWaiterDep,
    factory: ExtractorFactoryDep,
    response: Response,
    wait: WaitQuery = None,
) -> ExtractionPublic:
    check_article_text(payload.text, settings)
    submitted = await _submit(
        submission.submit_article,
        engine=engine,
        payload=payload,
        build_extractor=factory,
        enqueue=queue.enqueue,
        max_pending=settings.max_pending_runs,
    )
    return await _answer(
        engine=engine,
        waiter=waiter,
        submitted=submitted,
        wait=settings.default_wait_seconds if wait is None else wait,
        response=response,
        finished_status=status.HTTP_201_CREATED if submitted.created else status.HTTP_200_OK,
    )


@router.get(
    "",
    summary="List articles",
    description="Newest first, without their text, with each article's latest run.",
    response_model=ArticlesPublic,
)
def list_articles(session: SessionDep, skip: Offset = 0, limit: Limit = 50) -> ArticlesPublic:
    articles, count = repository.list_articles(session=session, skip=skip, limit=limit)
    return ArticlesPublic(
        data=[presenters.article_summary(session, article) for article in articles], count=count
    )


@router.get(
    "/{article_id}",
    summary="Get one article",
    description="The article with its full text, publication date and where that came from, "
    "its current (latest succeeded) run id and its latest run.",
    response_model=ArticlePublic,
    responses=error_responses((404, "no such article")),
)
def get_article(article: ArticleDep, session: SessionDep) -> ArticlePublic:
    return presenters.article_public(session, article)


@router.get(
    "/{article_id}/claims",
    summary="Claims of an article",
    description="The claims of the article's current run, or of `run_id` when given, "
    "extracted and added by reviewers, in position order."
    + REVIEWED_VALUES_NOTE
    + NEGOTIATION_NOTE,
    response_model=ClaimsPublic,
    responses=claims_responses((404, "no such article, or the run is not one of its runs")),
)
def get_article_claims(
    article_id: ArticleId,
    article: ArticleDep,
    session: SessionDep,
    chosen: FormatDep,
    request: Request,
    response: Response,
    run_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="a run of this article")
    ] = None,
    review: ReviewQuery = None,
) -> ClaimsPublic | Response:
    articles = {article_id: article}
    if run_id is None:
        run = repository.current_run(session=session, article_id=article_id)
        if run is None:
            page = ClaimsPublic(data=[], count=0)
            return claims_answer(
                chosen, page=page, articles=articles, request=request, response=response
            )
        run_id = run.id
    else:
        run = session.get(ExtractionRun, run_id)
        if run is None or run.article_id != article_id:
            raise ApiError(
                status.HTTP_404_NOT_FOUND, f"run {run_id} is not a run of article {article_id}"
            )
    assert run_id is not None
    records = repository.run_claims(
        session=session, run_id=run_id, review=review.value if review else None
    )
    claims = presenters.claims_public(records)
    page = ClaimsPublic(data=claims, count=len(claims))
    return claims_answer(chosen, page=page, articles=articles, request=request, response=response)


@router.get(
    "/{article_id}/runs",
    summary="Runs of an article",
    description="Every extraction run of the article, newest first; old runs are kept.",
    response_model=RunsPublic,
    responses=error_responses((404, "no such article")),
)
def get_article_runs(article_id: ArticleId, article: ArticleDep, session: SessionDep) -> RunsPublic:
    runs = [
        presenters.run_public(run)
        for run in repository.list_runs(session=session, article_id=article_id)
    ]
    return RunsPublic(data=runs, count=len(runs))


@router.post(
    "/{article_id}/extract",
    status_code=status.HTTP_201_CREATED,
    summary="Re-extract an article",
    description="Starts a new run with another extractor, model or prompt version. Old runs "
    "and their claims are kept; the latest succeeded run becomes the article's current one. "
    "Waits like POST /articles: 201 when finished, 202 with `Location` otherwise. When an "
    "earlier run used the same extractor, model, prompt and parameters and succeeded, it is "
    "returned (200, `reused: true`) and nothing is called again, unless `force=true`.",
    response_model=ExtractionPublic,
    responses={
        200: {"description": "an identical earlier run answers (`reused: true`)"},
        202: {"description": "the run is still under way: poll `Location`"},
        **_EXTRACT_ERRORS,
    },
    dependencies=[WriteAccess],
)
async def extract_article(
    article_id: ArticleId,
    engine: EngineDep,
    settings: SettingsDep,
    queue: RunQueueDep,
    waiter: RunWaiterDep,
    factory: ExtractorFactoryDep,
    response: Response,
    request: Annotated[ExtractRequest | None, Body()] = None,
    wait: WaitQuery = None,
    force: Annotated[
        bool, Query(description="run again even when an identical run already succeeded")
    ] = False,
) -> ExtractionPublic:
    if not await run_in_threadpool(
        partial(submission.article_exists, engine=engine, article_id=article_id)
    ):
        raise ApiError(status.HTTP_404_NOT_FOUND, f"article {article_id} does not exist")
    choice = request or ExtractRequest()
    check_extract_request(choice, settings)
    extractor = _build_extractor(factory, choice)
    submitted = await _submit(
        submission.start_run,
        engine=engine,
        article_id=article_id,
        extractor=extractor,
        enqueue=queue.enqueue,
        max_pending=settings.max_pending_runs,
        force=force,
    )
    return await _answer(
        engine=engine,
        waiter=waiter,
        submitted=submitted,
        wait=settings.default_wait_seconds if wait is None else wait,
        response=response,
        finished_status=status.HTTP_200_OK if submitted.reused else status.HTTP_201_CREATED,
    )
