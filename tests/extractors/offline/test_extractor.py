"""The offline extractor end to end, on the seed and fixture articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schemas.claims import Approx, DraftClaim
from service.extraction import extract_and_ground
from service.extractors.base import ArticleInput, Extractor
from service.extractors.offline import OfflineExtractor
from service.extractors.offline.nlp import MODEL_NAME

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


REFUGEES = "\n\n".join(
    [
        "Ministers report on refugee resettlement",
        "The ministry said that after an initial shipment of around 2,000 Syrian refugees to "
        "Germany in May, some additional 800 have since been resettled. So far, about 4,000 "
        "Syrian refugees have been resettled in Germany, with the agency expecting around "
        "9,000 to be resettled by March.",
        "The city council confirmed on Monday that inspectors estimated the company had dumped "
        "at least 300 tonnes of waste into the river in September.",
        "Portugal previously announced it planned to join the alliance. The Lisbon garrison, "
        "with 1,200 soldiers, guards the port.",
    ]
)


@pytest.fixture(scope="module")
def refugee_claims(extractor: OfflineExtractor) -> list[DraftClaim]:
    article = ArticleInput(text=REFUGEES, published=dt.date(2024, 10, 27))
    return extractor.extract(article).claims


def _claim(claims: list[DraftClaim], words: str) -> DraftClaim:
    (claim,) = [claim for claim in claims if words in claim.statement]
    return claim


def test_an_elided_count_is_completed_from_the_previous_clause(refugee_claims):
    claim = _claim(refugee_claims, "800")
    assert claim.statement == "Some additional 800 Syrian refugees have since been resettled."
    assert claim.subject == "Syrian refugees"


def test_an_object_infinitive_fragment_becomes_a_full_forecast(refugee_claims):
    claim = _claim(refugee_claims, "9,000")
    assert claim.statement == "Around 9,000 Syrian refugees are expected to be resettled by March."
    assert claim.kind.value == "forecast"
    assert claim.certainty.value == "probable"


def test_a_relayed_estimate_is_attributed_to_the_relaying_source(refugee_claims):
    claim = _claim(refugee_claims, "300 tonnes")
    assert claim.statement.startswith("The company had dumped at least 300 tonnes")
    assert claim.source is not None and claim.source.name == "The city council"
    assert claim.certainty.value == "probable"


def test_a_pronoun_in_a_reported_clause_takes_the_reporting_subject(refugee_claims):
    claim = _claim(refugee_claims, "planned to join")
    assert claim.statement == "Portugal planned to join the alliance."
    assert claim.subject == "Portugal"


def test_a_with_phrase_count_becomes_an_attribute_of_the_subject(refugee_claims):
    claim = _claim(refugee_claims, "1,200")
    assert claim.statement == "The Lisbon garrison has 1,200 soldiers."
    assert claim.kind.value == "state"


def _only_claim(extractor: OfflineExtractor, text: str) -> DraftClaim:
    (claim,) = extractor.extract(ArticleInput(text=text)).claims
    return claim


def test_a_pronoun_quoted_before_its_speaker_is_not_the_speaker(extractor: OfflineExtractor):
    claim = _only_claim(extractor, "It's an assault rifle, the minister said.")
    assert claim.statement == "It's an assault rifle."
    assert claim.source is not None and claim.source.name == "the minister"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("It's an assault rifle, the minister said.", "assault rifle"),
        ("We received a mass casualty alert, the hospital said.", "mass casualty alert"),
        ('"If they\'re co-belligerents, that is a serious issue," Austin said.', "co-belligerents"),
    ],
)
def test_a_fallback_subject_is_a_whole_noun_not_a_modifier(
    extractor: OfflineExtractor, text: str, subject: str
):
    assert _only_claim(extractor, text).subject == subject


def _made_up(extractor: OfflineExtractor, text: str) -> list[DraftClaim]:
    article = ArticleInput(text=text, published=dt.date(2024, 3, 13))
    return extractor.extract(article).claims


def test_claims_split_from_a_sentence_share_its_opening_time(extractor: OfflineExtractor):
    text = "Storm hits coast\n\nOn Tuesday, the storm destroyed 40 homes and flooded two roads."
    times = {c.time.start if c.time else None for c in _made_up(extractor, text)[1:]}
    assert times == {"2024-03-12"}


def test_a_participle_takes_the_time_of_its_clause(extractor: OfflineExtractor):
    text = "Plane crashes\n\nA small plane crashed on Monday, killing four people."
    claims = [c for c in _made_up(extractor, text) if c.quantities]
    assert claims and all(c.time and c.time.start == "2024-03-11" for c in claims)


def test_she_does_not_refer_to_a_man_named_just_before(extractor: OfflineExtractor):
    text = (
        "Chemist dies\n\nChemist Ada Lindqvist won many prizes.\n\n"
        "Her son, Erik Lindqvist, told reporters that she died peacefully."
    )
    died = [c for c in _made_up(extractor, text) if "died" in c.statement]
    assert died and died[0].subject == "Ada Lindqvist"
