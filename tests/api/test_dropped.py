"""Dropped claims are recorded on the run: statement, quotes and why, never just a count."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from schemas.claims import DraftClaim
from service.extractors.base import DroppedClaim, ExtractionResult
from tests.api.test_llm_runs import llm_client
from tests.fakes.extractor import FakeExtractor
from tests.fakes.openai_server import Reply, ScriptedOpenAIServer, openai_server

__all__ = ["llm_client", "openai_server"]

TEXT = "The bridge reopened on Monday, mayor Lena Berg said. About 1,200 cars crossed it."


def draft(statement: str, quote: str) -> DraftClaim:
    """A minimal draft claim citing one quote."""
    return DraftClaim.model_validate(
        {"statement": statement, "kind": "event", "subject": "the bridge", "evidence": [quote]}
    )


def llm_claim(statement: str, quote: str) -> dict[str, Any]:
    """A claim as the model returns it."""
    return {"statement": statement, "kind": "event", "subject": "the bridge", "evidence": [quote]}


def test_a_claim_whose_quote_is_not_in_the_text_is_listed_on_the_run(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue(
        [draft("Reopened.", "The bridge reopened on Monday"), draft("Invented.", "never written")]
    )
    body = client.post("/articles", json={"text": TEXT}).json()
    (dropped,) = body["run"]["dropped"]
    assert dropped["statement"] == "Invented."
    assert dropped["evidence"] == ["never written"]
    assert dropped["reason"] == "quote not found verbatim in the article: 'never written'"
    assert body["run"]["dropped_count"] == 1
    assert client.get(body["run"]["url"]).json()["dropped"] == body["run"]["dropped"]


def test_extractor_drops_come_first_and_the_count_matches_the_list(
    client: TestClient, fake_extractor: FakeExtractor
):
    discarded = DroppedClaim("Discarded.", ("a quote",), "the extractor gave up on it")
    fake_extractor.enqueue(
        ExtractionResult(claims=[draft("Invented.", "never written")], dropped_claims=[discarded])
    )
    run = client.post("/articles", json={"text": TEXT}).json()["run"]
    assert [d["statement"] for d in run["dropped"]] == ["Discarded.", "Invented."]
    assert run["dropped"][0] == {
        "statement": "Discarded.",
        "evidence": ["a quote"],
        "reason": "the extractor gave up on it",
    }
    assert run["dropped_count"] == 2


def test_a_run_that_dropped_nothing_has_an_empty_list(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue([draft("Reopened.", "The bridge reopened on Monday")])
    run = client.post("/articles", json={"text": TEXT}).json()["run"]
    assert (run["dropped"], run["dropped_count"]) == ([], 0)


def test_a_quote_the_model_never_fixes_is_listed_after_the_reasks(
    llm_client: TestClient, openai_server: ScriptedOpenAIServer
):
    kept = llm_claim("The bridge reopened.", "The bridge reopened on Monday")
    invented = llm_claim("The bridge cost 3 million euros.", "It cost 3 million euros.")
    openai_server.enqueue(Reply({"claims": [kept, invented]}), Reply({"claims": [kept, invented]}))
    body = llm_client.post("/articles", json={"text": TEXT}).json()
    run = body["run"]
    assert run["status"] == "succeeded"
    assert run["attempts"] == 2
    assert [c["statement"] for c in body["claims"]] == ["The bridge reopened."]
    (dropped,) = run["dropped"]
    assert dropped["statement"] == "The bridge cost 3 million euros."
    assert dropped["evidence"] == ["It cost 3 million euros."]
    assert "quote not found verbatim" in dropped["reason"]
    assert "after 2 attempts" in dropped["reason"]
    assert run["dropped_count"] == 1
