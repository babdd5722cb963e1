"""Segmentation: sentences into clause-level and list-item propositions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor
from service.extractors.offline.segmentation import segments, split_clauses
from service.extractors.offline.statement import render

Parse = Callable[[str], Doc]


def _statements(parse: Parse, text: str) -> list[str]:
    doc = parse(text)
    statements = []
    for part in segments(next(iter(doc.sents))):
        for clause in split_clauses(part):
            statements.append(render(clause.tokens, clause.replacements, clause.prefix))
    return statements


def test_coordinated_main_clauses_are_two_propositions(parse: Parse):
    text = "The troops had not yet engaged in combat, and their exact role remains unclear."
    assert _statements(parse, text) == [
        "The troops had not yet engaged in combat.",
        "Their exact role remains unclear.",
    ]


def test_coordinated_verb_phrase_keeps_the_shared_subject(parse: Parse):
    text = "Elite troops began arriving on October 23 and are expected to join the offensive."
    assert _statements(parse, text) == [
        "Elite troops began arriving on October 23.",
        "Elite troops are expected to join the offensive.",
    ]


def test_semicolon_separates_propositions(parse: Parse):
    text = "It was followed by another quake an hour later; the second quake was recorded in Manay."
    assert _statements(parse, text) == [
        "It was followed by another quake an hour later.",
        "The second quake was recorded in Manay.",
    ]


def test_non_restrictive_relative_clause_gets_its_antecedent(parse: Parse):
    text = "The assessment was backed up by NATO officials, who are awaiting briefings from Seoul."
    assert _statements(parse, text) == [
        "The assessment was backed up by NATO officials.",
        "NATO officials are awaiting briefings from Seoul.",
    ]


def test_who_refers_to_the_person_not_to_the_organisation_in_the_apposition(parse: Parse):
    text = (
        "One victim was Jalal Rahman, a director of the Anti-Corruption Commission, "
        "who was cared for at a hospital."
    )
    statements = _statements(parse, text)
    assert "Jalal Rahman was cared for at a hospital." in statements


def test_a_document_that_records_figures_is_left_out_of_the_statement(parse: Parse):
    text = (
        "Ten villages were affected, according to a report on Saturday, "
        "which figured 21 injured residents."
    )
    statements = _statements(parse, text)
    assert "21 injured residents." in statements


def test_a_counted_participle_set_off_by_commas_is_a_proposition_of_its_own(parse: Parse):
    text = "The ferry terminal, built to handle 3,000 passengers, was closed for repairs."
    assert _statements(parse, text) == [
        "The ferry terminal was closed for repairs.",
        "The ferry terminal was built to handle 3,000 passengers.",
    ]


def test_a_counted_copular_relative_clause_is_a_proposition_of_its_own(parse: Parse):
    text = "The glacier, which is about 9 kilometres long, loses ice every summer."
    assert _statements(parse, text) == [
        "The glacier loses ice every summer.",
        "The glacier is about 9 kilometres long.",
    ]


def test_an_uncounted_copular_relative_clause_stays_in_its_sentence(parse: Parse):
    text = "The glacier, which is the largest in the range, loses ice every summer."
    assert len(_statements(parse, text)) == 1


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        (
            "Dogo said the toll had risen to 31, that 45 people had been rescued and that 12 "
            "remained missing.",
            [
                "The toll had risen to 31.",
                "45 people had been rescued.",
                "12 people remained missing.",
            ],
        ),
        # "so that" and a relative "that" are no second report
        (
            "Vell said the firm had changed its checks so that faults reach engineers sooner.",
            ["The firm had changed its checks so that faults reach engineers sooner."],
        ),
    ],
)
def test_a_second_that_clause_of_a_report_is_its_own_claim(
    extractor: OfflineExtractor, text: str, statements: list[str]
):
    claims = extractor.extract(ArticleInput(text=text, published=dt.date(2021, 5, 17))).claims
    assert [c.statement for c in claims] == statements
