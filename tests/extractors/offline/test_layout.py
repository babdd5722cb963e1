"""Layout: blocks, page furniture, datelines, headlines and transcript speakers."""

from __future__ import annotations

import datetime as dt

from service.extractors.offline.layout import is_furniture, split_blocks


def test_page_furniture_lines_are_dropped():
    text = "Headline About Troops\nDaniel Kim Views\nTroops arrived in Kursk.\nMost Commented\n"
    layout = split_blocks(text)
    assert [block.text for block in layout.blocks] == [
        "Headline About Troops",
        "Troops arrived in Kursk.",
    ]


def test_first_unpunctuated_line_is_the_headline():
    layout = split_blocks("Troops Gather in Kursk\n\nTroops gathered in Kursk on Friday.\n")
    assert [block.headline for block in layout.blocks] == [True, False]


def test_date_marker_is_read_and_the_caption_after_it_kept():
    text = " date 2024-10-27 Smoke rises over the city. (Reuters)\n\nBody text here."
    layout = split_blocks(text)
    assert layout.dateline == dt.date(2024, 10, 27)
    first = layout.blocks[0]
    assert first.text.startswith("Smoke rises over the city.")
    assert text[first.start : first.start + len(first.text)] == first.text


def test_dateline_line_is_not_a_block():
    layout = split_blocks("Plane crashes\n\nThursday, October 3, 2019  \n\nA plane crashed.\n")
    assert layout.dateline == dt.date(2019, 10, 3)
    assert [block.text for block in layout.blocks] == ["Plane crashes", "A plane crashed."]


def test_speaker_label_is_stripped_and_procedural_turns_dropped():
    text = (
        "Press Gaggle\n\nMODERATOR: Hey, everyone. Thanks for joining us.\n\n"
        "MR. KIRBY: The advisers met in Washington.\n"
    )
    layout = split_blocks(text)
    body = [block for block in layout.blocks if not block.headline]
    assert [(block.text, block.speaker) for block in body] == [
        ("The advisers met in Washington.", "MR. KIRBY")
    ]


def test_bylines_and_counters_are_furniture():
    assert is_furniture("By Daniel Kim")
    assert is_furniture("by DANIEL KIM, Reuters")
    assert is_furniture("1,234 views")
    assert not is_furniture("Troops arrived in Kursk on Friday.")


def test_a_paragraph_opening_with_by_a_time_is_no_byline():
    assert not is_furniture("By Wednesday morning, 20 people had died.")
    assert not is_furniture("By Sunday, the toll had risen to 40.")
    assert not is_furniture("by noon, rescuers had pulled 12 people from the rubble")


def test_a_question_line_drops_only_itself():
    text = (
        "The ministry said exports rose.\n\nQ: Can you confirm this?\n\n"
        "The spokesman said 40 trucks were sent.\n\nImports fell 3% in February."
    )
    blocks = split_blocks(text).blocks
    assert [block.text for block in blocks] == [
        "The ministry said exports rose.",
        "The spokesman said 40 trucks were sent.",
        "Imports fell 3% in February.",
    ]
    assert all(block.speaker is None for block in blocks)


def test_a_wire_dateline_is_not_part_of_the_paragraph():
    text = (
        "KARLOV, Vostria (AP) — Storms killed 11 people.\n\n"
        "NEW YORK (Reuters) - Stocks rose on Monday.\n\n"
        "GRELL, Feb 12 (Meridian Wire) - Miners were rescued.\n\n"
        "KALLEN, Lusara, June 27 (Reuters) - The firm was fined.\n\n"
        "(Wikinews) Lumenta agreed to buy Kerrin.\n\n"
        "SANTA LUCÍA, Ñorva (AFP) - The port reopened.\n\n"
        "KESSEL, Norland (Norland Government Press Office) - Schools stay open.\n\n"
        "GENEVA, 11 March 2025 - Cases rose.\n\n"
        "Lorvik, 4 May 2023 — Prices fell.\n\n"
        "Port Anselm, Sept. 3, 2023 - The bridge closed.\n\n"
        "Officials, 40 of them — all unpaid — met.\n\n"
        "By Friday, March 8 — two days after the vote — the council had not met.\n\n"
        "At Camp Lorvik, 40 Marines — most of them recruits — fell ill.\n\n"
        "The council — a body of nine — met on Monday."
    )
    assert [block.text for block in split_blocks(text).blocks] == [
        "Storms killed 11 people.",
        "Stocks rose on Monday.",
        "Miners were rescued.",
        "The firm was fined.",
        "Lumenta agreed to buy Kerrin.",
        "The port reopened.",
        "Schools stay open.",
        "Cases rose.",
        "Prices fell.",
        "The bridge closed.",
        "Officials, 40 of them — all unpaid — met.",
        "By Friday, March 8 — two days after the vote — the council had not met.",
        "At Camp Lorvik, 40 Marines — most of them recruits — fell ill.",
        "The council — a body of nine — met on Monday.",
    ]
