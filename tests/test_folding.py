"""Folding makes re-typed quotes comparable; the checks say when two texts differ in substance."""

from __future__ import annotations

from collections import Counter

from service.folding import (
    FoldedText,
    evidence_change,
    fold,
    is_function_word,
    lower_same_length,
    numbers_in,
    words_in,
)


def test_fold_unifies_quote_marks_and_dashes_and_drops_spaces_next_to_punctuation():
    assert fold(" \u201cA\u201d \u2014\n\tB\u2019s  C ") == '"A"-B"s C'
    assert fold("U. S. \u00abword\u00bb , `x` \u2026") == 'U.S."word","x"...'
    assert fold("soft\u00adhyphen") == "softhyphen"


def test_folded_text_maps_every_folded_character_back_to_the_original():
    original = "A \u201cquoted\u201d  word"
    folded = FoldedText.of(original)
    assert folded.text == 'A"quoted"word'  # spaces next to punctuation dropped
    assert folded.origin[:3] == [0, 2, 3]
    assert folded.origin[-4:] == [12, 13, 14, 15]


def test_lower_same_length_keeps_characters_whose_lower_case_is_longer():
    assert lower_same_length("\u0130stanbul ABC") == "\u0130stanbul abc"


def test_numbers_in_ignores_digit_group_commas():
    assert numbers_in("5,000 troops and 5000 more, 1.5 percent") == Counter({"5000": 2, "1.5": 1})


def test_fold_keeps_the_space_between_two_numbers_a_comma_separates():
    assert numbers_in(fold("On May 19, 23 people died")) == Counter({"19": 1, "23": 1})
    assert numbers_in(fold("In 2019, 40 died; in 2020, 5,000")) == Counter(
        {"2019": 1, "40": 1, "2020": 1, "5000": 1}
    )
    assert fold("word , 5 ,x") == "word,5,x"  # no number before the comma: dropped as before


def test_words_in_cuts_possessives_and_contractions():
    assert words_in("Korea\u2019s troops didn't move") == ["korea", "troops", "didn", "move"]


def test_function_words_exclude_approximators_and_negations():
    assert is_function_word("the")
    assert not is_function_word("about")
    assert not is_function_word("not")


def test_evidence_change_names_numbers_then_negation_then_words():
    assert evidence_change("about 5000 troops", "about 500 troops") == "different numbers"
    assert evidence_change("troops did not arrive", "troops did arrive") == "different negation"
    assert evidence_change("troops arrived in kursk", "troops left kursk") == "different words"
    assert evidence_change("the troops arrived", "troops arrived") == ""
