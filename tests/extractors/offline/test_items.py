"""Items: parallel numbered list items and number-carrying side phrases."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.items import split_list_items
from service.extractors.offline.satellites import split_satellites
from service.extractors.offline.segmentation import split_clauses
from service.extractors.offline.statement import render

Parse = Callable[[str], Doc]


def _statements(parse: Parse, text: str) -> list[str]:
    doc = parse(text)
    statements = []
    for clause in split_clauses(list(doc)):
        for part in split_satellites(clause):
            for item in split_list_items(part):
                statements.append(render(item.tokens, item.replacements, item.prefix))
    return statements


def test_parallel_numbered_items_are_one_proposition_each(parse: Parse):
    text = "The vote passed with 215 votes in favor, ten abstentions, and one vote against."
    assert _statements(parse, text) == [
        "The vote passed with 215 votes in favor.",
        "The vote passed with ten abstentions.",
        "The vote passed with one vote against.",
    ]


def test_including_list_splits_the_total_from_its_parts(parse: Parse):
    text = "The tremor damaged 143 buildings including 70 schools and 40 houses."
    assert _statements(parse, text) == [
        "The tremor damaged 143 buildings.",
        "The tremor damaged 70 schools.",
        "The tremor damaged 40 houses.",
    ]


def test_numbered_side_phrase_is_its_own_proposition(parse: Parse):
    text = "In the United States, over 244 thousand cases were recorded, linking to 5,900 deaths."
    assert _statements(parse, text) == [
        "In the United States, over 244 thousand cases were recorded.",
        "Over 244 thousand cases linked to 5,900 deaths.",
    ]


def test_list_of_objects_without_numbers_stays_one_proposition(parse: Parse):
    text = "The soldiers were trained in artillery, drones and infantry tactics."
    assert _statements(parse, text) == [
        "The soldiers were trained in artillery, drones and infantry tactics."
    ]


def test_a_with_phrase_count_gets_the_subject_and_a_verb(parse: Parse):
    doc = parse(
        "The army is the fourth-largest, with 1.3 million soldiers and 7.6 million reservists."
    )
    statements = []
    for clause in split_clauses(list(doc)):
        for part in split_satellites(clause):
            for item in split_list_items(part):
                statements.append(render(item.tokens, item.replacements, item.prefix, item.link))
    assert statements == [
        "The army is the fourth-largest.",
        "The army has 1.3 million soldiers.",
        "The army has 7.6 million reservists.",
    ]
