"""Trimming a source phrase to the name it gives."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.source_phrases import (
    without_appositive,
    without_article,
    without_description,
)

Parse = Callable[[str], Doc]


def test_a_title_keeps_its_article_and_a_body_loses_it():
    assert without_article("The Times") == "The Times"
    assert without_article("the Velm Institute") == "Velm Institute"


def test_a_description_before_a_name_is_dropped(parse: Parse):
    doc = parse("Local broadcaster Radio Velmont said the bridge fell.")
    assert [t.text for t in without_description(list(doc)[:4])] == ["Radio", "Velmont"]


def test_a_name_set_off_after_a_role_is_the_speaker(parse: Parse):
    doc = parse("the party's chair, Lotte Varn, said")
    phrase = list(doc)[:7]
    assert [t.text for t in without_appositive(phrase)] == ["Lotte", "Varn"]
