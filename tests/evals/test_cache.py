"""The extraction cache: an unchanged configuration makes no second extractor call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from evals.cache import (
    CachingExtractor,
    ExtractionCache,
    cache_key,
    extractor_fingerprint,
    result_from_dict,
    result_to_dict,
)
from evals.cases import GoldCase
from evals.runner import evaluate
from schemas.claims import DraftClaim
from service.extractors.base import (
    ArticleInput,
    ExtractionError,
    ExtractionResult,
    FailureKind,
    Usage,
)
from tests.evals.builders import gold_article
from tests.fakes.extractor import FakeExtractor


def draft() -> DraftClaim:
    return DraftClaim(
        statement="5,000 troops arrived in Kursk.",
        kind="event",
        subject="troops",
        evidence=["5,000 troops arrived in Kursk on Monday"],
    )


def result() -> ExtractionResult:
    return ExtractionResult(
        claims=[draft()],
        model="m",
        prompt_id="v1",
        prompt_sha="abc",
        parameters={"temperature": 0},
        usage=Usage(prompt_tokens=10, completion_tokens=5, total_tokens=15, cost_usd=0.01),
        attempts=2,
        dropped=1,
        notes=["re-asked once"],
    )


def cases(*ids: str) -> list[GoldCase]:
    return [GoldCase(Path(f"{i}.json"), gold_article(i)) for i in ids]


def test_a_result_survives_the_round_trip_through_json() -> None:
    assert result_from_dict(result_to_dict(result())) == result()


def test_a_second_evaluation_is_answered_from_the_cache(tmp_path: Path) -> None:
    fake = FakeExtractor()
    fake.enqueue([draft()])
    cache = ExtractionCache(tmp_path)
    first = evaluate(cases("a"), CachingExtractor(fake, cache))
    second = evaluate(cases("a"), CachingExtractor(fake, cache))
    assert len(fake.history) == 1
    assert (first.cache_hits, first.cache_misses) == (0, 1)
    assert (second.cache_hits, second.cache_misses) == (1, 0)
    assert second.summary == first.summary and second.summary.matched == 1


def test_a_changed_model_or_prompt_misses_the_cache(tmp_path: Path) -> None:
    fake = FakeExtractor()
    cache = ExtractionCache(tmp_path)
    fake.model = "model-a"  # type: ignore[attr-defined]
    evaluate(cases("a"), CachingExtractor(fake, cache))
    fake.model = "model-b"  # type: ignore[attr-defined]
    evaluate(cases("a"), CachingExtractor(fake, cache))
    fake.prompt_sha = "other"  # type: ignore[attr-defined]
    evaluate(cases("a"), CachingExtractor(fake, cache))
    assert len(fake.history) == 3


def test_the_key_covers_the_article_text_date_title_and_outlet() -> None:
    fingerprint = extractor_fingerprint(FakeExtractor())
    base = ArticleInput(text="Troops arrived.", published=dt.date(2024, 10, 23), title="T")
    variants = [
        ArticleInput(text="Troops left.", published=base.published, title="T"),
        ArticleInput(text=base.text, published=dt.date(2024, 10, 24), title="T"),
        ArticleInput(text=base.text, published=base.published, title="Other"),
        ArticleInput(text=base.text, published=base.published, title="T", outlet="O"),
    ]
    keys = {cache_key(fingerprint, article) for article in [base, *variants]}
    assert len(keys) == 5
    assert cache_key(fingerprint, base) == cache_key(dict(fingerprint), base)


def test_the_fingerprint_reads_the_extractor_configuration() -> None:
    fake = FakeExtractor()
    fake.model = "openai/test"  # type: ignore[attr-defined]
    fake.parameters = {"temperature": 0.0}  # type: ignore[attr-defined]
    assert extractor_fingerprint(fake) == {
        "extractor": "fake",
        "model": "openai/test",
        "parameters": {"temperature": 0.0},
    }


def test_failures_are_not_cached_so_the_next_run_retries(tmp_path: Path) -> None:
    fake = FakeExtractor()
    fake.enqueue(ExtractionError(FailureKind.timeout, "no answer"), [draft()])
    cache = ExtractionCache(tmp_path)
    failed = evaluate(cases("a"), CachingExtractor(fake, cache))
    retried = evaluate(cases("a"), CachingExtractor(fake, cache))
    assert failed.summary.failed_articles == ["a"]
    assert retried.summary.failed_articles == [] and retried.summary.matched == 1
    assert len(fake.history) == 2


def test_a_corrupt_cache_entry_counts_as_a_miss(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    cache.put("k" * 64, result())
    [entry] = tmp_path.rglob("*.json")
    entry.write_text("{not json")
    assert cache.get("k" * 64) is None


def test_the_fingerprint_reads_a_loaded_prompt_id_and_sha() -> None:
    class Prompted(FakeExtractor):
        prompt = type("Prompt", (), {"id": "extract_claims/v1", "sha": "f00"})()

    fingerprint = extractor_fingerprint(Prompted())
    assert fingerprint["prompt_id"] == "extract_claims/v1" and fingerprint["prompt_sha"] == "f00"
