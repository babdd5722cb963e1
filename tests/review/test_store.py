"""A reviewed claim compares its reviewed value with the extracted one."""

from __future__ import annotations

from typing import Any

from service.models import ClaimRecord
from service.review.state import ClaimState, ReviewStatus
from service.review.store import ReviewedClaim

SPAN = {"start": 0, "end": 9, "text": "Officials", "alignment": "fuzzy"}
CLAIM = {"statement": "Officials spoke.", "kind": "event", "subject": "officials",
         "evidence": [SPAN]}  # fmt: skip


def edited(value: dict[str, Any]) -> ReviewedClaim:
    """The extracted CLAIM, reviewed to `value`."""
    record = ClaimRecord(
        id=1, run_id=1, article_id=1, position=0, statement=CLAIM["statement"], kind="event",
        subject="officials", certainty="certain", data=CLAIM,
    )  # fmt: skip
    return ReviewedClaim(record, ClaimState(ReviewStatus.edited, value, "ada", None), ())


def test_an_alignment_only_difference_is_not_a_changed_field():
    exact = {**CLAIM, "statement": "They spoke.", "evidence": [{**SPAN, "alignment": "exact"}]}
    assert edited(exact).changed_fields() == ["statement"]


def test_moved_evidence_is_a_changed_field():
    moved = {**CLAIM, "evidence": [{**SPAN, "start": 1, "end": 10}]}
    assert edited(moved).changed_fields() == ["evidence"]
