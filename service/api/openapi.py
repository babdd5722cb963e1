"""The OpenAPI description: FastAPI's, plus what depends on the settings and the error shape.

Generated once per app, on first request for it. What the settings decide is written
into it, so the description says exactly what the server accepts: the longest article
(CLAIMKIT_MAX_ARTICLE_CHARS), the models callers may choose (CLAIMKIT_ALLOWED_MODELS) and
the prompt versions that exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from schemas.api import ArticleCreate
from service.api.errors import document_errors
from service.config import Settings
from service.prompts import available_versions

SCHEMAS = "#/components/schemas/{model}"


def install_openapi(app: FastAPI) -> None:
    """Make `app.openapi()` return the completed description."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = document_errors(generate())
            describe_settings(schema, app.state.settings)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def describe_settings(schema: dict[str, Any], settings: Settings) -> None:
    """Write the settings-dependent limits and choices into the description."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    article = ArticleCreate.model_json_schema(ref_template=SCHEMAS)
    components.update(article.pop("$defs", {}))
    article["properties"]["text"]["maxLength"] = settings.max_article_chars
    components["ArticleCreate"] = article
    post = schema.get("paths", {}).get("/articles", {}).get("post", {})
    plain = post.get("requestBody", {}).get("content", {}).get("text/plain", {})
    if "schema" in plain:
        plain["schema"]["maxLength"] = settings.max_article_chars
    extract = components.get("ExtractRequest")
    if extract is not None:
        _describe_extract_choices(extract["properties"], settings)
    if settings.api_key is None:
        _drop_security(schema)


def _drop_security(schema: dict[str, Any]) -> None:
    """Without CLAIMKIT_API_KEY no operation asks for a key: say so (and drop the 401s)."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.pop("security", None) is not None:
                operation.get("responses", {}).pop("401", None)
    schema.get("components", {}).pop("securitySchemes", None)


def _describe_extract_choices(properties: dict[str, Any], settings: Settings) -> None:
    permitted = settings.permitted_models()
    model = properties["model"]
    model.pop("anyOf", None)
    if permitted:
        model["anyOf"] = [{"type": "string", "enum": permitted}, {"type": "null"}]
    else:
        model["type"] = "null"
    if not settings.model:
        kinds = properties["extractor"]["anyOf"][0]
        kinds["enum"] = [kind for kind in kinds["enum"] if kind != "llm"]
    version = properties["prompt_version"]
    version.pop("anyOf", None)
    version["anyOf"] = [
        {"type": "string", "enum": available_versions("extract_claims")},
        {"type": "null"},
    ]
