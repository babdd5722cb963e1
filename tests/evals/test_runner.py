"""Running extractors over gold articles: inputs, failures, grounding counts, concurrency."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

from evals.cases import GoldCase
from evals.runner import evaluate, run_extractor
from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput, ExtractionError, ExtractionResult, FailureKind
from service.extractors.sentences import SentenceExtractor
from tests.evals.builders import TEXT, gold_article
from tests.fakes.extractor import FakeExtractor


def cases(*ids: str) -> list[GoldCase]:
    return [GoldCase(Path(f"{i}.json"), gold_article(i)) for i in ids]


def draft(*quotes: str) -> DraftClaim:
    return DraftClaim(
        statement="Troops arrived.", kind="event", subject="troops", evidence=list(quotes)
    )


def test_the_extractor_sees_text_date_title_and_outlet_of_the_gold_file() -> None:
    fake = FakeExtractor()
    run_extractor(cases("a"), fake)
    assert fake.history == [
        ArticleInput(
            text=TEXT, published=dt.date(2024, 10, 23), title="Troops arrive in Kursk",
            outlet="Test Daily",
        )
    ]  # fmt: skip


def test_a_failed_article_counts_as_no_claims_and_is_listed() -> None:
    fake = FakeExtractor()
    fake.enqueue([draft("5,000 troops arrived in Kursk on Monday")])
    fake.enqueue(ExtractionError(FailureKind.invalid_output, "not JSON"))
    evaluation = evaluate(cases("ok", "broken"), fake)
    assert evaluation.summary.failed_articles == ["broken"]
    assert evaluation.runs[1].error == "invalid_output: not JSON"
    assert evaluation.scores[1].predicted == 0 and evaluation.scores[1].gold == 4
    assert evaluation.summary.gold_claims == 8 and evaluation.summary.matched == 1


def test_quotes_that_are_not_in_the_text_lower_grounding_and_drop_their_claim() -> None:
    fake = FakeExtractor()
    fake.enqueue(
        [
            draft("5,000 troops arrived in Kursk on Monday"),
            draft("The ministry denied that the troops had fought.", "10,000 troops left"),
        ]
    )
    evaluation = evaluate(cases("a"), fake)
    assert evaluation.summary.grounding_rate == 0.6667  # 2 of 3 quotes located
    assert evaluation.summary.dropped_claims == 1
    assert evaluation.summary.predicted_claims == 1


def test_folded_quotes_count_as_grounded() -> None:
    fake = FakeExtractor()
    fake.enqueue([draft("5,000  troops arrived in Kursk\non Monday")])
    assert evaluate(cases("a"), fake).summary.grounding_rate == 1.0


def test_concurrent_runs_come_back_in_gold_order() -> None:
    class SlowFirst:
        name = "slow-first"

        def __init__(self) -> None:
            self.active = 0
            self.most_active = 0
            self.lock = threading.Lock()

        def extract(self, article: ArticleInput) -> ExtractionResult:
            with self.lock:
                self.active += 1
                self.most_active = max(self.most_active, self.active)
            time.sleep(0.05 if article.text.startswith("first") else 0.01)
            with self.lock:
                self.active -= 1
            return ExtractionResult(claims=[draft(article.text.split("\n")[0])])

    articles = [
        GoldCase(Path(f"{n}.json"), gold_article(n, claims=[], text=f"{n} troops arrived.\nMore."))
        for n in ("first", "second", "third")
    ]
    extractor = SlowFirst()
    runs = run_extractor(articles, extractor, concurrency=3)
    assert [run.case.id for run in runs] == ["first", "second", "third"]
    assert [run.claims[0].evidence[0].text for run in runs] == [
        "first troops arrived.", "second troops arrived.", "third troops arrived."
    ]  # fmt: skip
    assert extractor.most_active > 1


def test_the_sentence_floor_scores_every_sentence_as_a_claim() -> None:
    evaluation = evaluate(cases("a"), SentenceExtractor())
    summary = evaluation.summary
    assert summary.predicted_claims == 4  # the headline and three sentences
    assert summary.matched == 3  # the last sentence holds two gold claims, the headline none
    assert summary.unmatched_gold == 1 and summary.unmatched_predicted == 1
    assert summary.strict_matched == 0  # no source found, so no attributed claim is strict
    assert summary.grounding_rate == 1.0
