"""GET /health and the documentation pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_health_reports_database_and_extractor(client: TestClient):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["database_ok"] is True
    assert body["extractor"] == "fake"


def test_health_is_degraded_when_the_extractor_cannot_be_built(app, client: TestClient):  # type: ignore[no-untyped-def]
    def broken(**_options: object) -> None:
        raise ValueError("model not configured")

    app.state.extractor_factory = broken
    body = client.get("/health").json()
    assert body["status"] == "degraded"
    assert body["extractor_ok"] is False
    assert body["extractor_detail"] == "model not configured"


def test_docs_page_loads_its_assets_from_this_server(client: TestClient):
    html = client.get("/docs").text
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", html)
    assert assets, "the docs page references its scripts and styles"
    for asset in assets:
        assert asset.startswith("/"), f"{asset} would leave the machine"
        assert client.get(asset).status_code == 200


def test_redoc_page_has_no_external_fonts_or_scripts(client: TestClient):
    html = client.get("/redoc").text
    assert "https://" not in html and "http://" not in html


def test_every_operation_has_a_summary_and_description(client: TestClient):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method.upper()} {path} lacks a summary"
            assert operation.get("description"), f"{method.upper()} {path} lacks a description"


def test_post_articles_documents_json_and_plain_text_bodies(client: TestClient):
    body = client.get("/openapi.json").json()["paths"]["/articles"]["post"]["requestBody"]
    assert set(body["content"]) == {"application/json", "text/plain"}
