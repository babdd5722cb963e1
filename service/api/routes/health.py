"""Health: can the service store and extract?"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from schemas.api import HealthPublic
from service.api.deps import EngineDep, ExtractorFactoryDep, SettingsDep
from service.db import database_ok

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    summary="Service health",
    description="Checks the database with a query and that the configured extractor can be "
    "built (for an LLM: model configured and prompt loadable; the model is not called). "
    "503 when the database is unreachable.",
    response_model=HealthPublic,
)
def health(
    engine: EngineDep, settings: SettingsDep, factory: ExtractorFactoryDep, response: Response
) -> HealthPublic:
    db_ok, db_detail = database_ok(engine)
    try:
        extractor = factory()
        extractor_name, extractor_ok = extractor.name, True
        detail = getattr(extractor, "model", None) or extractor.name
        check = getattr(extractor, "check", None)
        if callable(check):
            detail = check()
    except Exception as error:  # report any construction failure as unhealthy
        extractor_name, extractor_ok, detail = "unavailable", False, str(error)
    if not db_ok:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return HealthPublic(
        status="ok" if db_ok and extractor_ok else "degraded",
        database=db_detail,
        database_ok=db_ok,
        extractor=extractor_name,
        model=settings.model,
        extractor_ok=extractor_ok,
        extractor_detail=str(detail),
    )
