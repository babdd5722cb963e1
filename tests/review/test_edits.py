"""A reviewer's claim is checked against the contract: evidence must be verbatim."""

from __future__ import annotations

from typing import Any

import pytest

from service.review.edits import EditError, resolve_edit
from service.review.schemas import ClaimEdit

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
