"""Name normalisation: the keys a name is looked up under."""

from __future__ import annotations

import json

import pytest

from service.linking.names import display_name, group_core, name_keys, romanise
from service.linking.tables import DATA


def test_normalising_folds_case_accents_hyphens_possessives_and_a_leading_the() -> None:
    assert name_keys("the Ruritanian Coast-Guard's").normalised == "ruritanian coast guard"
    assert name_keys("José Álvarez").normalised == "jose alvarez"
    assert name_keys("U.S. Navy").normalised == "us navy"


def test_titles_are_set_aside_including_qualified_ones() -> None:
    assert name_keys("Gen. Ivan Horvat").title == "ivan horvat"
    assert name_keys("Lt. Gen. Ivan Horvat").title == "ivan horvat"
    assert name_keys("Foreign Minister Lena Dahl").title == "lena dahl"
    assert name_keys("Pentagon spokesperson Lena Dahl").title == "lena dahl"
    assert name_keys("Vostrian leader Park Min-jun").title == "park min jun"


def test_a_title_followed_by_an_organisation_word_is_part_of_the_name() -> None:
    assert name_keys("General Motors").title == "general motors"
    assert name_keys("General Assembly").title == "general assembly"
    assert name_keys("Prime Minister's Office").title == "prime minister office"


def test_romanisation_folds_young_and_yong_and_ignores_hyphens_and_spaces() -> None:
    assert name_keys("Kim Young Bok").romanisation == name_keys("Kim Yong-bok").romanisation
    assert name_keys("Choi Yongbok").romanisation == name_keys("Choi Young-bok").romanisation


@pytest.mark.parametrize(
    "rule", json.loads((DATA / "romanisation.json").read_text())["rules"], ids=lambda r: r[2]
)
def test_every_romanisation_rule_unifies_the_example_it_documents(rule: list[str]) -> None:
    first, second = (pair.split(",")[0].strip() for pair in rule[2].split(" / ")[:2])
    assert folded(first) == folded(second)


def folded(name: str) -> str:
    return "".join(romanise(word) for word in name_keys(name).words)


def test_head_noun_synonyms_fold_soldiers_into_troops() -> None:
    assert name_keys("Vostrian soldiers").synonym == name_keys("Vostrian troops").synonym
    assert name_keys("Vostrian soldiers").romanisation != name_keys("Vostrian troops").romanisation


def test_a_display_name_drops_the_article_possessive_and_titles() -> None:
    assert display_name("the Vostrian Navy's") == "Vostrian Navy"
    assert display_name("Gen. Ivan Horvat") == "Ivan Horvat"
    assert display_name("North Vostrian troops") == "North Vostrian troops"


def test_a_title_before_words_that_are_not_a_capitalised_name_stays() -> None:
    assert name_keys("the president Varga hopes to beat").titles == ()
    assert display_name("the president Varga hopes to beat") == "president Varga hopes to beat"


def test_group_core_sets_aside_the_words_describing_a_part_of_the_group() -> None:
    assert group_core("elite Northland troops in the border region") == "northland troops"
    assert group_core("first units of Northland military personnel") == (
        "northland military personnel"
    )
    assert group_core("Northland troops deployed to Eastland") == "northland troops"
    assert group_core("Northland troops") is None
    assert group_core("elite troops") is None  # one word would be left
