"""LLMExtractor end to end: litellm and instructor against the scripted OpenAI server."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

import pytest

from schemas.claims import ClaimFields, DraftClaim
from schemas.llm import LLMClaim
from service.config import Settings
from service.extraction import extract_and_ground
from service.extractors.base import ArticleInput, ExtractionError, FailureKind
from service.extractors.llm import LLMExtractor
from service.prompts import load_prompt
from tests.extractors.conftest import MakeExtractor
from tests.fakes.openai_server import Delay, HttpError, Reply, ScriptedOpenAIServer

ARTICLE = ArticleInput(
    text=(
        "Harbour town opens new ferry line\n\n"
        "The Harbour Town ferry line opened on Monday, port director Lena Berg said. "
        "About 1,200 passengers used it on the first day.\n\n"
        "Berg said the line could carry 5,000 passengers a week by June."
    ),
    published=dt.date(2024, 3, 6),
    title="Harbour town opens new ferry line",
    outlet="Example Coast News",
)
OPENED = {
    "statement": "The Harbour Town ferry line opened.",
    "kind": "event",
    "subject": "Harbour Town ferry line",
    "source": {"name": "Lena Berg"},
    "time": {"text": "on Monday", "start": "2024-03-04", "end": "2024-03-04"},
    "evidence": ["The Harbour Town ferry line opened on Monday"],
}
PASSENGERS = {
    "statement": "About 1,200 passengers used the Harbour Town ferry line on its first day.",
    "kind": "event",
    "subject": "Harbour Town ferry line",
    "quantities": [
        {"text": "About 1,200", "value": 1200, "unit": "passengers", "approx": "approximately"}
    ],
    "evidence": ["About 1,200 passengers used it on the first day."],
}
UNGROUNDED = {
    "statement": "The ferry line cost 3 million euros.",
    "kind": "state",
    "subject": "Harbour Town ferry line",
    "evidence": ["The ferry line cost 3 million euros."],
}


def test_llm_claim_has_the_claim_fields_plus_quoted_evidence() -> None:
    claim = LLMClaim.model_validate(OPENED)

    assert LLMClaim.model_fields.keys() == ClaimFields.model_fields.keys() | {"evidence"}
    assert DraftClaim(**claim.model_dump()).evidence == OPENED["evidence"]


def claims(*items: dict[str, Any]) -> Reply:
    """A model reply carrying these claims."""
    return Reply({"claims": list(items)})


def last_message(request: dict[str, Any]) -> str:
    """The content of the last message of a recorded request."""
    return str(request["messages"][-1]["content"])


def test_valid_output_gives_claims_whose_quotes_ground_in_the_article(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims(OPENED, PASSENGERS))

    grounded = extract_and_ground(ARTICLE, make_extractor())

    assert [c.statement for c in grounded.claims] == [OPENED["statement"], PASSENGERS["statement"]]
    for claim in grounded.claims:
        assert all(span.matches(ARTICLE.text) for span in claim.evidence)
    assert grounded.claims[0].source is not None and grounded.claims[0].source.name == "Lena Berg"
    assert grounded.claims[1].quantities[0].value == 1200
    assert grounded.dropped == 0
    assert grounded.result.attempts == 1


def test_each_claim_is_anchored_at_its_quote(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims(PASSENGERS))

    result = make_extractor().extract(ARTICLE)

    assert result.claims[0].anchor == ARTICLE.text.index("About 1,200")


def test_prompt_carries_publication_date_title_outlet_and_text(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims(OPENED))

    make_extractor().extract(ARTICLE)

    system, user = openai_server.requests[0]["messages"]
    assert system == {"role": "system", "content": load_prompt("extract_claims", "v2").system}
    assert "2024-03-06 (Wednesday)" in user["content"]
    assert "Example Coast News" in user["content"]
    assert ARTICLE.text in user["content"]


def test_prompt_says_when_the_publication_date_is_unknown(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims())

    make_extractor().extract(ArticleInput(text=ARTICLE.text))

    assert "Published: unknown" in last_message(openai_server.requests[0])


def test_model_is_asked_for_the_llm_extraction_tool(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims())

    extractor = make_extractor(temperature=0.3, max_tokens=900, mode="tools")
    extractor.extract(ARTICLE)

    request = openai_server.requests[0]
    function = request["tools"][0]["function"]
    assert function["name"] == "LLMExtraction"
    assert extractor.prompt.schema is not None
    assert function["description"] == extractor.prompt.schema["description"]
    assert "evidence" in json.dumps(function["parameters"])
    assert (request["temperature"], request["max_tokens"]) == (0.3, 900)


def test_ungrounded_quote_is_reasked_with_the_grounding_error(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims(OPENED, UNGROUNDED), claims(OPENED))

    result = make_extractor().extract(ARTICLE)

    assert [c.statement for c in result.claims] == [OPENED["statement"]]
    assert result.attempts == 2
    assert result.dropped == 0
    reask = last_message(openai_server.requests[1])
    assert "quote not found verbatim" in reask
    assert UNGROUNDED["evidence"][0] in reask


def test_quote_still_ungrounded_after_the_retries_drops_only_that_claim(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims(UNGROUNDED), claims(OPENED, UNGROUNDED))

    result = make_extractor(max_retries=1).extract(ARTICLE)

    assert [c.statement for c in result.claims] == [OPENED["statement"]]
    assert result.dropped == 1
    assert result.attempts == 2
    assert any("3 million euros" in note for note in result.notes)


def test_invalid_json_then_valid_output_succeeds(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(Reply('{"claims": [{"statement": '), claims(OPENED))

    result = make_extractor().extract(ARTICLE)

    assert len(result.claims) == 1
    assert result.attempts == 2


def test_persistent_invalid_output_is_an_invalid_output_error_with_attempts_counted(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    missing_kind = {key: value for key, value in OPENED.items() if key != "kind"}
    openai_server.enqueue(Reply("not json"), claims(missing_kind), claims(missing_kind))

    with pytest.raises(ExtractionError) as caught:
        make_extractor(max_retries=2).extract(ARTICLE)

    error = caught.value
    assert error.kind is FailureKind.invalid_output
    assert error.attempts == 3
    assert "after 3 attempts" in error.message
    assert "claims.0.kind" in error.message
    assert error.usage.total_tokens == 3 * 120
    assert len(openai_server.requests) == 3


def test_output_cut_off_at_the_token_limit_is_an_invalid_output_error(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(Reply('{"claims": [', finish_reason="length"))

    with pytest.raises(ExtractionError) as caught:
        make_extractor(max_tokens=50).extract(ARTICLE)

    assert caught.value.kind is FailureKind.invalid_output
    assert "max_tokens=50" in caught.value.message


def test_usage_is_summed_over_attempts(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(
        Reply("oops", prompt_tokens=50, completion_tokens=5),
        Reply({"claims": [OPENED]}, prompt_tokens=70, completion_tokens=30),
    )

    usage = make_extractor().extract(ARTICLE).usage

    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (120, 35, 155)
    assert usage.cost_usd is None  # litellm has no price for "test-model"


def test_cost_is_recorded_when_litellm_knows_the_model_price(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims(OPENED))

    usage = make_extractor(model="openai/gpt-4o-mini").extract(ARTICLE).usage

    assert usage.cost_usd is not None and usage.cost_usd > 0


def test_rate_limit_is_retried_before_succeeding(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(HttpError(429, "Rate limit reached", "rate_limit_error"), claims(OPENED))

    result = make_extractor().extract(ARTICLE)

    assert len(result.claims) == 1
    assert len(openai_server.requests) == 2


def test_persistent_rate_limit_is_a_rate_limited_error(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(*[HttpError(429, "Rate limit reached", "rate_limit_error")] * 3)

    with pytest.raises(ExtractionError) as caught:
        make_extractor(model_retries=2).extract(ARTICLE)

    assert caught.value.kind is FailureKind.rate_limited
    assert "HTTP 429" in caught.value.message
    assert "Rate limit reached" in caught.value.message
    assert len(openai_server.requests) == 3


def test_answer_slower_than_the_timeout_is_a_timeout_error(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(Delay(10))
    started = time.monotonic()

    with pytest.raises(ExtractionError) as caught:
        make_extractor(timeout=0.5, model_retries=0).extract(ARTICLE)

    assert caught.value.kind is FailureKind.timeout
    assert "0.5 s" in caught.value.message
    assert time.monotonic() - started < 5
    assert len(openai_server.requests) == 1  # retries are off here; see test_llm_faults.py


def test_server_error_is_a_model_error_naming_the_status(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(HttpError(500, "the GPU caught fire"))

    with pytest.raises(ExtractionError) as caught:
        make_extractor(model_retries=0).extract(ARTICLE)

    assert caught.value.kind is FailureKind.model_error
    assert "HTTP 500" in caught.value.message
    assert "the GPU caught fire" in caught.value.message
    assert "Traceback" not in caught.value.message
    assert caught.value.attempts == 1


def test_rejected_api_key_is_a_model_error_about_credentials(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(HttpError(401, "Incorrect API key provided", "invalid_request_error"))

    with pytest.raises(ExtractionError) as caught:
        make_extractor().extract(ARTICLE)

    assert caught.value.kind is FailureKind.model_error
    assert "credentials (HTTP 401)" in caught.value.message


def test_unreachable_server_is_a_model_error_naming_the_address(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    extractor = make_extractor()
    openai_server.stop()

    with pytest.raises(ExtractionError) as caught:
        extractor.extract(ARTICLE)

    assert caught.value.kind is FailureKind.model_error
    assert f"could not connect to the model server at {openai_server.base_url}" in (
        caught.value.message
    )


def test_long_article_is_split_into_chunks_and_duplicate_claims_merged(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    paragraphs = [
        "The Harbour Town ferry line opened on Monday, port director Lena Berg said.",
        "About 1,200 passengers used it on the first day.",
        "Berg said the line could carry 5,000 passengers a week by June.",
    ]
    article = ArticleInput(text="\n\n".join(paragraphs), published=dt.date(2024, 3, 6))
    forecast = {
        "statement": "The Harbour Town ferry line could carry 5,000 passengers a week by June.",
        "kind": "forecast",
        "subject": "Harbour Town ferry line",
        "certainty": "possible",
        "evidence": [paragraphs[2]],
    }
    reworded = dict(PASSENGERS, statement="The ferry carried about 1,200 people on day one.")
    openai_server.enqueue(
        claims(OPENED, PASSENGERS),
        Reply({"claims": [reworded, forecast]}, prompt_tokens=10, completion_tokens=1),
    )

    result = make_extractor(chunk_chars=140).extract(article)

    assert [c.statement for c in result.claims] == [
        OPENED["statement"],
        PASSENGERS["statement"],
        forecast["statement"],
    ]
    assert result.claims[2].anchor == article.text.index(paragraphs[2])
    assert len(openai_server.requests) == 2
    assert "part 2 of 2" in last_message(openai_server.requests[1]).lower()
    assert paragraphs[0] not in last_message(openai_server.requests[1])
    assert result.usage.total_tokens == 120 + 11
    assert result.attempts == 2


def test_prompt_id_sha_and_parameters_are_recorded(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(claims(OPENED))
    extractor = make_extractor(temperature=0.2)

    result = extractor.extract(ARTICLE)

    prompt = load_prompt("extract_claims", "v2")
    assert (result.prompt_id, result.prompt_sha) == ("extract_claims/v2", prompt.sha)
    assert (extractor.prompt.id, extractor.prompt.sha) == (prompt.id, prompt.sha)
    assert result.model == "openai/test-model"
    assert result.parameters == extractor.parameters
    assert result.parameters["temperature"] == 0.2
    assert {"max_tokens", "max_retries", "chunk_chars", "timeout"} <= result.parameters.keys()


def test_unknown_prompt_version_is_a_configuration_error_listing_versions(
    make_extractor: MakeExtractor,
) -> None:
    with pytest.raises(ExtractionError) as caught:
        make_extractor(prompt_version="v999")

    assert caught.value.kind is FailureKind.configuration
    assert "v1, v2" in caught.value.message


def test_model_id_without_provider_is_a_configuration_error() -> None:
    with pytest.raises(ExtractionError) as caught:
        LLMExtractor(model="no-such-model-family")

    assert caught.value.kind is FailureKind.configuration


def test_from_settings_uses_the_configured_model_and_limits() -> None:
    settings = Settings(
        model="openai/gpt-4o-mini",
        model_api_base="http://127.0.0.1:9/v1",
        model_api_key="secret",
        llm_timeout=7,
        llm_max_retries=1,
        llm_temperature=0.5,
        llm_max_tokens=2000,
        llm_chunk_chars=4000,
        model_retries=3,
        model_retry_backoff=0.5,
        model_retry_max_wait=20,
    )

    extractor = LLMExtractor.from_settings(settings, prompt_version="v1")

    assert extractor.model == "openai/gpt-4o-mini"
    assert extractor.api_base == "http://127.0.0.1:9/v1"
    assert (extractor.model_retries, extractor.model_retry_backoff) == (3, 0.5)
    assert extractor.model_retry_max_wait == 20
    assert extractor.rate_limiter is None  # no CLAIMKIT_MODEL_RPM or _TPM
    assert extractor.parameters | {"schema_sha": None, "mode": None} == {
        "temperature": 0.5,
        "max_tokens": 2000,
        "max_retries": 1,
        "chunk_chars": 4000,
        "timeout": 7,
        "mode": None,
        "schema_sha": None,
    }
    assert LLMExtractor.from_settings(settings, model="openai/other").model == "openai/other"


def test_from_settings_without_a_model_is_a_configuration_error() -> None:
    with pytest.raises(ExtractionError) as caught:
        LLMExtractor.from_settings(Settings(model=None))

    assert caught.value.kind is FailureKind.configuration
    assert "CLAIMKIT_MODEL" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "The menu listed {{ price }} for the soup, the owner said.",
        "A sign read {% if open %} at the door.",
        "    Every line of this article is indented.\n    The second line too.",
    ],
)
def test_article_text_reaches_the_model_exactly_as_written(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor, text: str
) -> None:
    openai_server.enqueue(claims())
    make_extractor().extract(ArticleInput(text=text))
    assert text in last_message(openai_server.requests[0])


def test_a_claim_without_evidence_is_reasked_then_dropped_alone(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    bare = OPENED | {"statement": "The ferry is popular.", "evidence": []}
    openai_server.enqueue(claims(OPENED, bare), claims(OPENED, bare), claims(OPENED, bare))

    result = make_extractor().extract(ARTICLE)

    assert [c.statement for c in result.claims] == [OPENED["statement"]]
    assert result.dropped == 1
    assert len(openai_server.requests) == 3
