"""A reviewer's claim is checked against the contract: evidence must be verbatim."""

from __future__ import annotations

from typing import Any

import pytest

from schemas.review import ClaimEdit
from service.grounding import Grounder
from service.review.edits import EditError, resolve_edit

TEXT = "Officials said about 3,000 soldiers arrived. Officials said more would follow."


def edit(*evidence: Any) -> ClaimEdit:
    return ClaimEdit.model_validate(
        {"statement": "Soldiers arrived.", "kind": "event", "subject": "soldiers",
         "evidence": list(evidence)}
    )  # fmt: skip


def test_a_verbatim_span_is_kept():
    claim = resolve_edit(
        TEXT, edit({"start": 15, "end": 43, "text": "about 3,000 soldiers arrived"})
    )
    assert claim.evidence[0].matches(TEXT)


def test_a_quote_is_located_nearest_the_anchor():
    claim = resolve_edit(TEXT, edit("Officials said"), anchor=50)
    assert claim.evidence[0].start == TEXT.rindex("Officials said")


def test_a_quote_with_straight_quotes_and_extra_spaces_is_located_leniently():
    text = "He said “the  troops” arrived."
    claim = resolve_edit(text, edit('"the troops"'))
    assert claim.evidence[0].text == "“the  troops”"
    assert claim.evidence[0].alignment == "fuzzy"


def test_a_span_whose_text_differs_from_the_article_names_the_evidence_item():
    with pytest.raises(EditError) as error:
        resolve_edit(TEXT, edit("Officials", {"start": 0, "end": 5, "text": "Minis"}))
    assert error.value.loc == ("evidence", 1)
    assert "'Offic'" in error.value.message


def test_a_quote_not_in_the_article_is_refused():
    with pytest.raises(EditError) as error:
        resolve_edit(TEXT, edit("tanks rolled in"))
    assert error.value.detail()[0]["loc"] == ["body", "evidence", 0]


def test_the_same_span_given_twice_is_kept_once():
    claim = resolve_edit(TEXT, edit("about 3,000", {"start": 15, "end": 26, "text": "about 3,000"}))
    assert len(claim.evidence) == 1


def test_a_span_sent_back_without_alignment_keeps_the_original_fuzzy_alignment():
    text = "He said \u201cthe  troops\u201d arrived."
    original = Grounder(text).locate('"the troops"')
    sent = {"start": original.start, "end": original.end, "text": original.text}
    claim = resolve_edit(text, edit(sent), original=[original])
    assert claim.evidence == [original]
    assert claim.evidence[0].alignment == "fuzzy"


def test_a_span_at_new_offsets_is_located_afresh():
    claim = resolve_edit(
        TEXT,
        edit({"start": 45, "end": 59, "text": "Officials said", "alignment": "fuzzy"}),
        original=[Grounder(TEXT).locate("Officials said")],
    )
    assert (claim.evidence[0].start, claim.evidence[0].alignment) == (45, "exact")


def test_a_span_that_matches_only_after_folding_quotes_is_refused():
    text = "He said \u201ctroops\u201d arrived."
    start = text.index("\u201c")
    with pytest.raises(EditError) as error:
        resolve_edit(text, edit({"start": start, "end": start + 8, "text": '"troops"'}))
    assert error.value.loc == ("evidence", 0)


def test_a_span_with_surrounding_whitespace_is_refused():
    with pytest.raises(EditError) as error:
        resolve_edit(TEXT, edit({"start": 14, "end": 20, "text": " about"}))
    assert error.value.loc == ("evidence", 0)
    assert "whitespace" in error.value.message
