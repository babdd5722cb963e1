"""Honest name scoring: normalised equality plus explicit aliases, never containment."""

from __future__ import annotations

import pytest

from evals.name_rules import (
    ArticleNames,
    initials_match,
    normalize_name,
    same_name,
    same_name_lenient,
)

KIM = (
    "Kim Jong Un has sent troops to Russia. Analysts say Kim wants hard currency "
    "and battle experience for his army."
)
KIM_AND_ANOTHER_KIM = KIM + " General Kim Young Bok leads them."
BOLSONARO = (
    "President Jair Bolsonaro rejected the offer. Critics of Jair Bolsonaro, including "
    "Greenpeace, blamed his policies; Bolsonaro said the fires were natural."
)
NTSB = (
    "The National Transportation Safety Board will investigate. The NTSB sent a team, "
    "U.S. officials said, and United States officials confirmed it."
)


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The U.S. Army's", "us army"),
        ("US Army", "us army"),
        ("São Paulo", "sao paulo"),
        ("  Kyodo   News ", "kyodo news"),
        ("the Ministry of Defence", "ministry of defence"),
        ("Zelenskyy’s office", "zelenskyy office"),
        ("officials'", "officials"),
        ("The", "the"),
    ],
)
def test_names_are_normalised_for_case_diacritics_punctuation_the_and_possessives(
    name: str, normal: str
) -> None:
    assert normalize_name(name) == normal


def test_normalised_equal_names_agree_without_any_article() -> None:
    assert same_name("the U.S. Army's", "US Army")
    assert same_name("Jair Bolsonaro", "JAIR BOLSONARO")
    assert same_name(None, None) and not same_name(None, "Analysts")


def test_kim_is_kim_jong_un_when_the_article_names_him_and_calls_him_kim() -> None:
    assert ArticleNames(KIM).rule("Kim", "Kim Jong Un") == "short name"


def test_kim_is_not_kim_jong_un_when_the_article_names_another_kim() -> None:
    assert not same_name("Kim", "Kim Jong Un", ArticleNames(KIM_AND_ANOTHER_KIM))


def test_a_surname_needs_the_full_name_in_the_article() -> None:
    assert not same_name("Kim", "Kim Jong Un", ArticleNames("Kim said so."))
    assert not same_name("Kim", "Kim Jong Un")  # no article at all


def test_a_surname_after_a_title_still_counts_as_used_alone() -> None:
    assert same_name("Bolsonaro", "Jair Bolsonaro", ArticleNames(BOLSONARO))


def test_a_given_name_is_not_the_full_name() -> None:
    assert not same_name("Jair", "Jair Bolsonaro", ArticleNames(BOLSONARO))


def test_critics_of_jair_bolsonaro_are_not_jair_bolsonaro() -> None:
    names = ArticleNames(BOLSONARO)
    assert not same_name("critics of Jair Bolsonaro", "Jair Bolsonaro", names)
    assert same_name_lenient("critics of Jair Bolsonaro", "Jair Bolsonaro")  # the old rule


def test_officials_are_not_us_officials() -> None:
    assert not same_name("officials", "U.S. officials", ArticleNames(NTSB))
    assert same_name_lenient("officials", "U.S. officials")


def test_an_acronym_equals_its_expansion_when_the_article_uses_both() -> None:
    names = ArticleNames(NTSB)
    assert names.rule("NTSB", "National Transportation Safety Board") == "acronym"
    assert same_name("National Transportation Safety Board", "NTSB", names)


def test_an_acronym_needs_both_forms_in_the_article() -> None:
    only_acronym = ArticleNames("The NTSB sent a team.")
    assert not same_name("NTSB", "National Transportation Safety Board", only_acronym)
    assert not same_name("NTSB", "National Transportation Safety Board")


def test_an_alias_applies_to_the_one_stretch_where_two_names_differ() -> None:
    names = ArticleNames(NTSB)
    assert same_name("U.S. officials", "United States officials", names)
    assert not same_name("U.S. officials", "United Nations officials", names)


def test_different_qualifiers_are_different_entities() -> None:
    assert not same_name("Ukrainian officials", "U.S. officials", ArticleNames(NTSB))
    assert not same_name_lenient("Ukrainian officials", "U.S. officials")


def test_a_middle_initial_is_no_longer_forgiven() -> None:
    assert not same_name("Lloyd Austin", "Lloyd J. Austin III", ArticleNames("Lloyd J. Austin III"))
    assert same_name_lenient("Lloyd Austin", "Lloyd J. Austin III")


@pytest.mark.parametrize(
    ("acronym", "expansion", "matches"),
    [
        ("ntsb", "national transportation safety board", True),
        ("afcfta", "african continental free trade area", True),
        ("dod", "department of defense", True),
        ("dprk", "democratic peoples republic of korea", True),
        ("us", "united states", True),
        ("usa", "united states", False),
        ("nis", "national security council", False),
    ],
)
def test_an_acronym_takes_a_prefix_of_every_word_in_order(
    acronym: str, expansion: str, matches: bool
) -> None:
    assert initials_match(acronym, expansion.split()) is matches
