"""Highlighting: text cut at every span boundary, overlaps kept, offsets exact."""

from __future__ import annotations

import re
from html import unescape

from service.review.highlight import Mark, highlighted_html, segments


def test_text_is_cut_at_every_boundary_with_the_claims_covering_each_piece():
    marks = [Mark(0, 10, 1, "event"), Mark(5, 15, 2, "state")]
    pieces = segments(20, marks)
    assert [(p.start, p.end, [m.claim_id for m in p.marks]) for p in pieces] == [
        (0, 5, [1]),
        (5, 10, [1, 2]),
        (10, 15, [2]),
        (15, 20, []),
    ]


def test_a_claim_with_overlapping_spans_counts_once_per_piece():
    pieces = segments(10, [Mark(0, 6, 1, "event"), Mark(4, 10, 1, "event")])
    assert [len(p.marks) for p in pieces] == [1, 1, 1]


def test_spans_outside_the_text_are_ignored():
    assert segments(5, [Mark(3, 9, 1, "event")]) == segments(5, [])


def test_html_keeps_the_text_exactly_and_names_each_pieces_claims_and_offsets():
    text = "A <b>&</b> said\r\n“yes”."
    html = str(highlighted_html(text, [Mark(2, 10, 7, "event"), Mark(6, 16, 8, "forecast")]))
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    assert "<b>" not in html
    assert "&#13;" in html  # a raw CR would be folded into the LF by the HTML parser
    assert 'data-claims="7 8" data-start="6" data-end="10"' in html
    assert 'class="hl kind-event kind-forecast"' in html


def test_overlapping_claims_stack_one_underline_each():
    html = str(highlighted_html("abcdef", [Mark(0, 6, 1, "event"), Mark(2, 4, 2, "state")]))
    overlap = re.search(r'data-claims="1 2"[^>]*style="([^"]+)"', html)
    assert overlap is not None
    assert overlap.group(1).count("var(--kind-") == 3  # two underlines and one tint
