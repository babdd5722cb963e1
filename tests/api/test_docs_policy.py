"""The docs pages carry a policy that keeps every load on this server."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_forbid_loads_from_other_hosts(client: TestClient, path: str):
    policy = client.get(path).headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "img-src 'self' data:" in policy


def test_api_responses_carry_no_docs_policy(client: TestClient):
    assert "content-security-policy" not in client.get("/health").headers
