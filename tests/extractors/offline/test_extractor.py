"""The offline extractor end to end, on the seed and fixture articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schemas.claims import Approx, DraftClaim
from service.extractors.base import ArticleInput, Extractor
from service.extractors.offline import OfflineExtractor
from service.extractors.offline.nlp import MODEL_NAME
from service.pipeline import extract_and_ground

ARTICLES = Path(__file__).parents[2] / "fixtures" / "articles"
KURSK = "000"  # "Kim Jong Un's Trusted Generals Deployed as 5,000 North Korean Troops ..."
SEOUL = "003"  # the NIS debrief and the New York Times report
NIS_WORDINGS = {"South Korea's National Intelligence Service", "South Korean intelligence"}


def _text(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor()


def _claims(extractor: OfflineExtractor, prefix: str, published: dt.date | None = None):
    article = ArticleInput(text=_text(prefix), published=published)
    return extractor.extract(article).claims


def _with_value(claims: list[DraftClaim], value: float, approx: Approx) -> list[DraftClaim]:
    return [
        claim
        for claim in claims
        if any(q.value == value and q.approx is approx for q in claim.quantities)
    ]


def test_offline_extractor_meets_the_protocol(extractor: OfflineExtractor):
    result = extractor.extract(ArticleInput(text="Troops arrived in Kursk on Friday."))
    assert isinstance(extractor, Extractor)
    assert extractor.name == "offline"
    assert result.model == MODEL_NAME
    assert result.prompt_id is None
    assert "rules_version" in result.parameters


def test_around_5000_is_attributed_to_the_senior_ukrainian_official(extractor):
    (claim,) = _with_value(_claims(extractor, KURSK), 5000, Approx.approximately)
    assert claim.source is not None
    assert claim.source.name.lower() == "a senior ukrainian official"
    assert claim.source.anonymous
    assert claim.statement.startswith("Around 5,000 North Korean troops will be mobilized")
    assert claim.statement.endswith(".")


def test_nis_figures_are_attributed_to_the_intelligence_service(extractor):
    claims = _claims(extractor, SEOUL, dt.date(2024, 10, 27))
    nis_claims = [
        *_with_value(claims, 3000, Approx.approximately),
        *_with_value(claims, 10000, Approx.approximately),
    ]
    assert len(nis_claims) == 2
    for claim in nis_claims:
        assert claim.source is not None
        assert claim.source.name in NIS_WORDINGS


def test_reported_citing_officials_gives_the_officials_via_the_newspaper(extractor):
    claims = _claims(extractor, KURSK)
    (claim,) = [c for c in claims if "began arriving" in c.statement]
    assert claim.source is not None
    assert (claim.source.name, claim.source.via) == ("U.S. officials", "The New York Times")
    assert claim.source.anonymous


def test_publication_date_resolves_dates_in_the_text(extractor):
    claims = _claims(extractor, KURSK, dt.date(2024, 10, 27))
    (claim,) = [c for c in claims if "began arriving" in c.statement]
    assert claim.time is not None
    assert (claim.time.text, claim.time.start, claim.time.end) == (
        "on October 23",
        "2024-10-23",
        "2024-10-23",
    )


def test_page_furniture_gives_no_claims(extractor):
    statements = " ".join(claim.statement for claim in _claims(extractor, KURSK))
    assert "Views" not in statements
    assert "Most Commented" not in statements


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda path: path.stem[:20])
def test_every_quote_is_verbatim_in_the_article(extractor, path: Path):
    text = path.read_text(encoding="utf-8")
    grounded = extract_and_ground(ArticleInput(text=text), extractor)
    assert grounded.result.claims
    assert grounded.dropped_reasons == []
    for draft in grounded.result.claims:
        assert all(quote in text for quote in draft.evidence)
        assert draft.anchor is not None and 0 <= draft.anchor < len(text)


def test_same_input_gives_the_same_output(extractor):
    article = ArticleInput(text=_text(SEOUL), published=dt.date(2024, 10, 27))
    first = [claim.model_dump() for claim in extractor.extract(article).claims]
    second = [claim.model_dump() for claim in OfflineExtractor().extract(article).claims]
    assert first == second


def test_statements_leave_the_attribution_out(extractor):
    claims = _claims(extractor, SEOUL, dt.date(2024, 10, 27))
    attributed = [claim for claim in claims if claim.source is not None]
    assert attributed
    for claim in attributed:
        assert claim.source is not None
        assert "citing" not in claim.statement
        assert claim.source.via is None or claim.source.via not in claim.statement
        assert claim.statement[0].isupper()
