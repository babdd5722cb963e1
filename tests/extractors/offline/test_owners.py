"""Sources told by whose they are ("the city's environment department"), and groups an article
named more fully before ("race organisers", then "organisers"): invented texts through the whole
offline extractor, checking the source of the claim that holds a phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor

MONDAY = dt.date(2021, 5, 17)


def _claims(extractor: OfflineExtractor, text: str) -> list[DraftClaim]:
    return extractor.extract(ArticleInput(text=text, published=MONDAY)).claims


def _source_of(extractor: OfflineExtractor, text: str, phrase: str) -> str | None:
    claims = [c for c in _claims(extractor, text) if phrase in c.statement]
    assert claims, [c.statement for c in _claims(extractor, text)]
    return claims[0].source.name if claims[0].source else None


OWNED = [
    (
        "Smog warnings were issued in Tarnow on 12 days this year, according to the city's "
        "environment department.",
        "Smog",
        "Tarnow's environment department",
    ),
    (
        "Floods cut roads in Kalbar province on Monday. Six people drowned, the provincial "
        "disaster office said.",
        "drowned",
        "Kalbar provincial disaster office",
    ),
    (
        "A landslide buried homes in Dolpa District on Sunday. Nine people died, according to "
        "the district administration.",
        "died",
        "Dolpa District administration",
    ),
    (
        "Mara Voss of the Civic Party won 212 delegates, according to a count by the party's "
        "election committee.",
        "delegates",
        "Civic Party's election committee",
    ),
    (
        "Three miners were taken to Orvik General Hospital, the hospital's medical director "
        "told reporters.",
        "miners",
        "Orvik General Hospital's medical director",
    ),
    (
        "The glacier shrank by 40 metres, according to the Tarn Alpine Research Centre. The "
        "centre's glaciologists said the melt had sped up.",
        "melt",
        "Tarn Alpine Research Centre's glaciologists",
    ),
]

# a bare group takes the one fuller name told before
GROUPS = [
    (
        "The race drew 14,000 runners, according to race organisers. The course is flat, "
        "organisers said.",
        "course",
        "race organisers",
    ),
    (
        "The officer had served for 14 years, the Tarnow Police Department said. Police said a "
        "knife was found at the scene.",
        "knife",
        "Tarnow Police Department",
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "source"), [*OWNED, *GROUPS], ids=[o[2] for o in [*OWNED, *GROUPS]]
)
def test_a_source_takes_the_owner_or_fuller_name_told_before(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source_of(extractor, text, phrase) == source


KEPT = [
    # no city named before: the description stays as written
    ("Smog warnings were issued on 12 days, the city's environment department said.", "Smog"),
    # two places the tagger names, either of which may be the city
    (
        "A water main burst in Dayton in Ohio on Tuesday. About 3,000 homes lost water, the "
        "city's water department said.",
        "homes",
    ),
    (
        "Voters in Berlin and Hamburg went to the polls. Turnout was 60 percent, the city's "
        "election office said.",
        "Turnout",
    ),
    # the hospital's is not a union's that only holds the word
    (
        "Orvik General Hospital nurses joined the Hospital Workers Union strike. Care was "
        "normal, the hospital's director said.",
        "Care",
    ),
    # "District Officer" is a title, not a district
    (
        "Chief District Officer Ram Thapa visited on Monday. Two bridges were washed away, "
        "the district police office said.",
        "bridges",
    ),
    # a level word closing a body's name is no place
    (
        "The Dayton Public School District closed 12 schools. Two pupils were hurt, the "
        "district police said.",
        "pupils",
    ),
    # the country's body named in full is that body, no country put before it
    (
        "Floods hit Mozambique on Monday. Forty people died, the country's National Institute "
        "for Disaster Management said.",
        "died",
    ),
]


@pytest.mark.parametrize(("text", "phrase"), KEPT, ids=[k[1] for k in KEPT])
def test_a_body_with_no_owner_named_before_keeps_its_own_words(
    extractor: OfflineExtractor, text: str, phrase: str
):
    source = _source_of(extractor, text, phrase)
    assert source is not None
    assert not source.startswith(("Tarnow", "Chief", "Mozambique", "Ohio", "Hamburg")), source
    assert not source.startswith(("Berlin", "Dayton", "Hospital Workers", "The Dayton")), source


def test_a_role_followed_by_a_persons_name_is_that_person(extractor: OfflineExtractor):
    text = "Rents in Lisbon rose 12 percent last year, the city's mayor Rui Campos said."
    assert _source_of(extractor, text, "Rents") == "Rui Campos"


def test_a_documents_owner_is_its_source_not_the_document(extractor: OfflineExtractor):
    text = (
        "The Tarn Water Agency tested the river on Monday. Nitrate levels were twice the limit, "
        "according to the agency's readings."
    )
    assert _source_of(extractor, text, "Nitrate") == "Tarn Water Agency"


def test_a_bare_group_stays_bare_when_two_fuller_names_were_told(extractor: OfflineExtractor):
    text = (
        "Tarnow police said two men were held. Orvik police said a third had fled. Police said "
        "a knife was found."
    )
    assert _source_of(extractor, text, "knife") == "Police"


@pytest.mark.parametrize(
    "text",
    [
        "The Police Federation said officers were overworked. Police said a knife was found.",
        "The Dayton Police Department said two men were held. In Cincinnati, police said a "
        "knife was found.",
    ],
)
def test_a_bare_group_takes_no_body_that_only_holds_the_word_or_serves_another_place(
    extractor: OfflineExtractor, text: str
):
    assert _source_of(extractor, text, "knife") in ("Police", "police")


def test_a_joint_source_is_no_fuller_name_of_its_members(extractor: OfflineExtractor):
    text = (
        "The hospital group and police said the attack began on Sunday. Police said the gang "
        "demanded a ransom."
    )
    assert _source_of(extractor, text, "ransom") == "Police"


def test_according_to_a_body_which_said_more_keeps_the_first_claim(
    extractor: OfflineExtractor,
):
    text = (
        "Growth slowed to 2 percent last year, according to the Orvik Development Bank, which "
        "said it expected a rebound."
    )
    statements = {c.statement: c for c in _claims(extractor, text)}
    first = [c for s, c in statements.items() if s.startswith("Growth slowed")]
    assert first, list(statements)
    assert first[0].source is not None
    assert first[0].source.name == "Orvik Development Bank"


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5 percent, according to the Orvik Statistics Office, which said food costs "
        "drove the rise.",
        "Prices rose 5 percent, according to Anna Berg, who said that food costs drove the rise.",
    ],
)
def test_what_the_cited_source_said_in_a_relative_clause_is_its_own_plain_claim(
    extractor: OfflineExtractor, text: str
):
    statements = [c.statement for c in _claims(extractor, text)]
    assert "Prices rose 5 percent." in statements
    assert "Food costs drove the rise." in statements


def test_residents_there_stay_an_unnamed_group(extractor: OfflineExtractor):
    claims = [c for c in _claims(extractor, "Residents there said 40 homes had burned.")]
    assert claims and claims[0].source is not None
    assert (claims[0].source.name, claims[0].source.anonymous) == ("residents", True)


TWO_BODIES = [
    (
        "On Monday, carrier Vestra Airlines and its rival Kestel Air agreed to merge. The airlines "
        "said 400 jobs would go.",
        "400 jobs",
        "Vestra Airlines and Kestel Air",
    ),
    (
        "The Tarn Relief Agency and the Orsk Child Fund issued a joint appeal on Monday. The two "
        "agencies said 9,000 children were malnourished.",
        "9,000 children",
        "Tarn Relief Agency and Orsk Child Fund",
    ),
    # a regulator is no bank, a group's bodies are not the group, and a body named since
    # breaks the pair
    (
        "Regulator FinWatch and Tarn Bank reached a settlement on Thursday. The banks said the "
        "fine of 40 million euros would be paid in June.",
        "fine of 40 million",
        "The banks",
    ),
    (
        "The unions at Vestra Airlines and Kestrel Air called a strike. The two unions said "
        "3,000 staff would join.",
        "3,000 staff",
        "The two unions",
    ),
    (
        "Oskar Lind Holdings and Velmark Steel signed a deal. Lysa Mining then bought a stake in "
        "Velmark Steel. The two companies said the price was 300 million euros.",
        "300 million",
        "Lysa Mining and Velmark Steel",
    ),
    # the last two of a longer list are no pair
    (
        "The strike was called by the Tarn Workers Union, the Orsk Labour Federation and the "
        "Vell Union of Employees. The unions said 60 percent of staff joined.",
        "60 percent",
        "The unions",
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "source"), TWO_BODIES, ids=[t[0][:50] for t in TWO_BODIES]
)
def test_the_two_bodies_named_together_speak_as_one(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source_of(extractor, text, phrase) == source
