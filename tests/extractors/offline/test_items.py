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


def test_an_amount_restated_after_or_stays_in_its_item(parse: Parse):
    text = "Profit rose to $52 million, or 19 cents a share, from $40 million a year earlier."
    assert _statements(parse, text) == [
        "Profit rose to $52 million, or 19 cents a share, from $40 million a year earlier."
    ]


def test_or_without_a_comma_still_joins_list_items(parse: Parse):
    text = "The crash left 3 dead or 5 missing."
    assert len(_statements(parse, text)) == 2


def test_each_item_keeps_only_its_own_figure_of_a_compared_list(parse: Parse):
    text = (
        "The agency counted 410 cases and 12 deaths this year, compared with 300 cases "
        "and 9 deaths in 2024."
    )
    statements = _statements(parse, text)
    assert len(statements) == 2
    assert "410 cases" in statements[0] and "300 cases in 2024" in statements[0]
    assert "9 deaths" not in statements[0]
    assert "12 deaths" in statements[1] and "9 deaths in 2024" in statements[1]
    assert "300 cases" not in statements[1]


def test_a_compared_list_of_another_length_is_left_whole(parse: Parse):
    text = "The agency counted 410 cases and 12 deaths, compared with 300 cases last year."
    statements = _statements(parse, text)
    assert all("compared with 300 cases last year" in s for s in statements)
