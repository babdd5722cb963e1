"""Request guards: limits before parsing, same-origin writes, and one error shape."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError

from service.api.guards import MAX_JSON_DEPTH, json_depth_exceeds
from service.config import Settings

TEXT = "Officials said about 3,000 soldiers arrived on Wednesday."
EVIL = "http://evil.example"


def test_a_cross_site_text_plain_post_is_refused_and_stores_nothing(client: TestClient):
    response = client.post(
        "/articles",
        content=TEXT.encode(),
        headers={"Content-Type": "text/plain", "Origin": EVIL},
    )
    assert response.status_code == 403
    assert response.json()["code"] == "cross_origin"
    assert "http://evil.example" in response.json()["detail"]
    assert client.get("/articles").json()["count"] == 0


def test_a_cross_site_write_is_refused_even_with_the_right_api_key(
    app: FastAPI, client: TestClient, settings: Settings
):
    app.state.settings = settings.model_copy(update={"api_key": SecretStr("sesame")})
    response = client.post(
        "/articles", json={"text": TEXT}, headers={"X-API-Key": "sesame", "Origin": EVIL}
    )
    assert response.status_code == 403


def test_a_cross_site_referer_without_origin_is_refused(client: TestClient):
    response = client.post(
        "/articles", json={"text": TEXT}, headers={"Referer": f"{EVIL}/attack.html"}
    )
    assert response.status_code == 403


def test_same_origin_writes_and_clients_naming_no_origin_pass(client: TestClient):
    same = client.post("/articles", json={"text": TEXT}, headers={"Origin": "http://testserver"})
    assert same.status_code == 201
    other = client.post("/articles", json={"text": TEXT + " More."})
    assert other.status_code == 201


def test_origins_in_claimkit_trusted_origins_may_write(
    app: FastAPI, client: TestClient, settings: Settings
):
    app.state.settings = settings.model_copy(update={"trusted_origins": ["https://review.example"]})
    allowed = client.post(
        "/articles", json={"text": TEXT}, headers={"Origin": "https://review.example"}
    )
    assert allowed.status_code == 201
    refused = client.post("/articles", json={"text": TEXT}, headers={"Origin": EVIL})
    assert refused.status_code == 403


def test_reads_from_another_site_are_not_refused(client: TestClient):
    assert client.get("/articles", headers={"Origin": EVIL}).status_code == 200


def test_an_empty_api_key_is_a_start_up_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMKIT_API_KEY", "")
    with pytest.raises(ValidationError, match="CLAIMKIT_API_KEY is set but empty"):
        Settings(_env_file=None)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="CLAIMKIT_API_KEY"):
        Settings(_env_file=None, api_key="   ")  # type: ignore[call-arg,arg-type]


def test_a_body_limit_too_small_for_the_longest_article_is_a_start_up_error():
    with pytest.raises(ValidationError, match="CLAIMKIT_MAX_BODY_BYTES"):
        Settings(_env_file=None, max_body_bytes=100_000)  # type: ignore[call-arg]


def test_a_body_over_the_limit_is_413_before_it_is_read(
    app: FastAPI, client: TestClient, settings: Settings
):
    app.state.settings = settings.model_copy(update={"max_body_bytes": 1000})
    response = client.post("/articles", json={"text": "a" * 2000})
    assert response.status_code == 413
    assert response.json() == {
        "detail": f"the body has {len(response.request.content):,} bytes; the limit is 1,000 "
        "(CLAIMKIT_MAX_BODY_BYTES)",
        "code": "body_too_large",
    }


def test_a_streamed_body_over_the_limit_is_413(
    app: FastAPI, client: TestClient, settings: Settings
):
    app.state.settings = settings.model_copy(update={"max_body_bytes": 1000})

    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"text": "'
        for _ in range(20):
            yield b"a" * 100
        yield b'"}'

    response = client.post(
        "/articles", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "body_too_large"


def test_json_nested_past_the_limit_is_400_naming_the_limit(client: TestClient):
    body = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = client.post("/articles", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["code"] == "json_too_deep"
    assert str(MAX_JSON_DEPTH) in response.json()["detail"]


def test_the_depth_scan_ignores_brackets_inside_strings():
    quoted = b'{"text": "' + b"[" * 1000 + b'\\"[[["}'
    assert not json_depth_exceeds(quoted, 3)
    assert json_depth_exceeds(b"[[[[]]]]", 3)
    assert not json_depth_exceeds(b"[[[]]]", 3)


def test_a_search_string_over_the_limit_is_422_not_a_database_error(client: TestClient):
    response = client.get("/claims", params={"q": "a" * 201})
    assert response.status_code == 422
    (issue,) = response.json()["detail"]
    assert issue["loc"] == ["query", "q"]
    assert "200" in issue["msg"]


def test_a_60000_character_search_is_414_naming_the_limit(client: TestClient):
    response = client.get("/claims", params={"q": "a" * 60_000})
    assert response.status_code == 414
    assert "4,096" in response.json()["detail"]


def test_a_gzip_body_is_415_naming_the_encoding(client: TestClient):
    response = client.post(
        "/articles",
        content=b"\x1f\x8b\x08\x00",
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert response.status_code == 415
    assert "gzip" in response.json()["detail"]


def test_validation_errors_never_echo_the_input(client: TestClient):
    response = client.post(
        "/articles",
        content=b'{"text": "ok text here", "title": "\\ud800"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert set(body["detail"][0]) == {"loc", "msg", "type"}


def test_405_lists_every_method_the_path_serves(client: TestClient):
    response = client.request("OPTIONS", "/articles")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.json()["code"] == "method_not_allowed"


def test_every_operation_declares_the_guards_statuses_with_the_error_model(client: TestClient):
    spec = client.get("/openapi.json").json()
    error = {"$ref": "#/components/schemas/ErrorPublic"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            expected = {"414", "422", "500"}
            if method == "post":
                expected |= {"400", "403", "413", "415"}
            assert expected <= set(responses), f"{method} {path}: {sorted(responses)}"
            for status, response in responses.items():
                if status.startswith("4"):
                    content = response["content"]["application/json"]["schema"]
                    assert content == error, f"{method} {path} {status}"
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_article_create_is_a_defined_component_with_the_configured_length(client: TestClient):
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/articles"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/ArticleCreate"}
    text = spec["components"]["schemas"]["ArticleCreate"]["properties"]["text"]
    assert text["maxLength"] == 200_000
    assert body["text/plain"]["schema"]["maxLength"] == 200_000


def test_without_an_api_key_no_operation_claims_to_need_one(client: TestClient):
    spec = client.get("/openapi.json").json()
    assert "securitySchemes" not in spec["components"]
    assert all(
        "security" not in operation
        for operations in spec["paths"].values()
        for operation in operations.values()
    )
