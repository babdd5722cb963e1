"""Articles: store one and extract its claims, list them, re-extract, read their claims."""

from __future__ import annotations

from concurrent.futures import TimeoutError as FutureTimeout
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Response, status
from sqlalchemy.exc import IntegrityError

from schemas.api import (
    ArticleCreate,
    ArticlePublic,
    ArticlesPublic,
    ClaimsPublic,
    ExtractionPublic,
    ExtractRequest,
    RunsPublic,
)
from service import repository
from service.api import presenters
from service.api.article_input import ARTICLE_BODY_OPENAPI, check_article_text, read_article
from service.api.deps import (
    MAX_ID,
    ArticleDep,
    ArticleId,
    ExtractorFactoryDep,
    Limit,
    Offset,
    RunQueueDep,
    SessionDep,
    SettingsDep,
    WriteAccess,
)
from service.datelines import publication_date
from service.extractors.base import Extractor, FailureKind
from service.models import Article, ExtractionRun, RunStatus, utcnow

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
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "the body is not UTF-8 or not JSON"},
    401: {"description": "CLAIMKIT_API_KEY is set and X-API-Key is missing or wrong"},
    413: {"description": "the text is longer than CLAIMKIT_MAX_ARTICLE_CHARS"},
    415: {"description": "the Content-Type is neither application/json nor text/plain"},
    422: {"description": "empty text, HTML, unknown fields or bad values; the detail says which"},
}


def _build_extractor(factory: ExtractorFactoryDep, request: ExtractRequest) -> Extractor:
    try:
        return factory(
            kind=request.extractor, model=request.model, prompt_version=request.prompt_version
        )
    except ValueError as error:  # ExtractorUnavailable
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from None


def _failed_run(*, session: SessionDep, article: Article, reason: str) -> ExtractionRun:
    assert article.id is not None
    run = repository.add_run(session=session, article_id=article.id, extractor="unavailable")
    run.status = RunStatus.failed
    run.error_kind = FailureKind.configuration.value
    run.error = f"no extractor could be built: {reason}"
    run.finished_at = utcnow()
    session.commit()
    return run


def _start_run(
    *,
    session: SessionDep,
    queue: RunQueueDep,
    article: Article,
    extractor: Extractor,
    wait: float,
    response: Response,
    created: bool,
) -> ExtractionPublic:
    assert article.id is not None
    run = repository.add_run(
        session=session,
        article_id=article.id,
        extractor=extractor.name,
        model=getattr(extractor, "model", None),
    )
    session.commit()  # the article and the pending run are stored before extraction starts
    assert run.id is not None
    future = queue.submit(run_id=run.id, extractor=extractor)
    try:
        future.result(timeout=wait)
    except FutureTimeout:
        response.status_code = status.HTTP_202_ACCEPTED
        response.headers["Location"] = f"/runs/{run.id}"
    session.expire_all()
    finished = session.get(ExtractionRun, run.id)
    return presenters.extraction_public(session, article, finished, created=created)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Store an article and extract its claims",
    description="Stores the article (de-duplicated by a hash of its text), then runs an "
    "extraction with the configured extractor. Waits up to `wait` seconds: 201 with the "
    "claims when the run finished (a failed run is still 201, with `run.status` 'failed' "
    "and `run.error` saying why), 202 with a `Location` header to poll otherwise. Posting "
    "text that is already stored answers 200 with the stored article and its latest run. "
    "HTML is rejected (422): claimkit stores text exactly as sent and quotes it verbatim. "
    "When no publication date is given, a dateline at the top of the text "
    "('date 2024-10-27', 'Friday, January 4, 2019') is used; `published_source` says which.",
    response_model=ExtractionPublic,
    responses={200: {"description": "the text was already stored"}, 202: {}, **_ERRORS},
    openapi_extra=ARTICLE_BODY_OPENAPI,
    dependencies=[WriteAccess],
)
def create_article(
    payload: Annotated[ArticleCreate, Depends(read_article)],
    session: SessionDep,
    settings: SettingsDep,
    queue: RunQueueDep,
    factory: ExtractorFactoryDep,
    response: Response,
    wait: WaitQuery = None,
) -> ExtractionPublic:
    check_article_text(payload.text, settings)
    existing = repository.get_article_by_hash(
        session=session, sha256=repository.text_sha256(payload.text)
    )
    if existing is not None:
        response.status_code = status.HTTP_200_OK
        assert existing.id is not None
        latest = repository.latest_run(session=session, article_id=existing.id)
        if latest is not None and latest.status in (RunStatus.pending, RunStatus.running):
            response.headers["Location"] = f"/runs/{latest.id}"
        return presenters.extraction_public(session, existing, latest, created=False)
    published = publication_date(payload.text, payload.published)
    try:
        article = repository.add_article(
            session=session,
            text=payload.text,
            title=payload.title,
            url=payload.url,
            outlet=payload.outlet,
            published=published.date,
            published_source=published.source,
            published_text=published.text,
        )
    except IntegrityError:  # the same text arrived concurrently
        session.rollback()
        return create_article(payload, session, settings, queue, factory, response, wait)
    try:
        extractor = factory()
    except ValueError as error:  # misconfigured (ExtractorUnavailable): keep the article
        run = _failed_run(session=session, article=article, reason=str(error))
        return presenters.extraction_public(session, article, run, created=True)
    return _start_run(
        session=session,
        queue=queue,
        article=article,
        extractor=extractor,
        wait=settings.default_wait_seconds if wait is None else wait,
        response=response,
        created=True,
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
    responses={404: {"description": "no such article"}},
)
def get_article(article: ArticleDep, session: SessionDep) -> ArticlePublic:
    return presenters.article_public(session, article)


@router.get(
    "/{article_id}/claims",
    summary="Claims of an article",
    description="The claims of the article's current run, or of `run_id` when given.",
    response_model=ClaimsPublic,
    responses={404: {"description": "no such article or run"}},
)
def get_article_claims(
    article_id: ArticleId,
    article: ArticleDep,
    session: SessionDep,
    run_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="a run of this article")
    ] = None,
) -> ClaimsPublic:
    if run_id is None:
        run = repository.current_run(session=session, article_id=article_id)
        if run is None:
            return ClaimsPublic(data=[], count=0)
        run_id = run.id
    else:
        run = session.get(ExtractionRun, run_id)
        if run is None or run.article_id != article_id:
            raise HTTPException(
                status.HTTP_404_NOT_FOUND, f"run {run_id} is not a run of article {article_id}"
            )
    assert run_id is not None
    claims = presenters.claims_public(repository.run_claims(session=session, run_id=run_id))
    return ClaimsPublic(data=claims, count=len(claims))


@router.get(
    "/{article_id}/runs",
    summary="Runs of an article",
    description="Every extraction run of the article, newest first; old runs are kept.",
    response_model=RunsPublic,
    responses={404: {"description": "no such article"}},
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
    "Waits like POST /articles: 201 when finished, 202 with `Location` otherwise.",
    response_model=ExtractionPublic,
    responses={202: {}, 401: _ERRORS[401], 404: {"description": "no such article"}, 422: {}},
    dependencies=[WriteAccess],
)
def extract_article(
    article: ArticleDep,
    session: SessionDep,
    settings: SettingsDep,
    queue: RunQueueDep,
    factory: ExtractorFactoryDep,
    response: Response,
    request: Annotated[ExtractRequest | None, Body()] = None,
    wait: WaitQuery = None,
) -> ExtractionPublic:
    extractor = _build_extractor(factory, request or ExtractRequest())
    return _start_run(
        session=session,
        queue=queue,
        article=article,
        extractor=extractor,
        wait=settings.default_wait_seconds if wait is None else wait,
        response=response,
        created=False,
    )
