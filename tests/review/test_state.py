"""A claim's review state is a fold over its append-only review log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from schemas.review import ReviewStatus
from service.review.state import claim_state, effective_events, undo_target

ORIGINAL = {"statement": "Troops arrived.", "subject": "troops"}
EDITED = {"statement": "Troops arrived on Monday.", "subject": "troops"}


@dataclass
class Event:
    """A review row as the fold sees it."""

    id: int
    action: str
    value: dict[str, Any] | None = None
    undoes_id: int | None = None
    reviewer: str = "ada"
    created_at: dt.datetime = field(
        default_factory=lambda: dt.datetime(2024, 10, 27, tzinfo=dt.UTC)
    )


def state(*events: Event, added: bool = False):  # type: ignore[no-untyped-def]
    return claim_state(original=ORIGINAL, added=added, events=list(events))


def test_a_claim_without_reviews_is_unreviewed_with_its_extracted_value():
    result = state()
    assert result.status == ReviewStatus.unreviewed
    assert result.value == ORIGINAL
    assert result.reviewer is None


def test_accept_and_reject_set_the_status_and_who_did_it():
    assert state(Event(1, "accept")).status == ReviewStatus.accepted
    rejected = state(Event(1, "accept"), Event(2, "reject", reviewer="bo"))
    assert rejected.status == ReviewStatus.rejected
    assert rejected.reviewer == "bo"


def test_an_edit_replaces_the_value_and_later_accepts_keep_it():
    result = state(Event(1, "edit", EDITED), Event(2, "accept"))
    assert result.status == ReviewStatus.edited
    assert result.value == EDITED


def test_undo_reverts_the_latest_effective_action_step_by_step():
    events = [Event(1, "accept"), Event(2, "edit", EDITED), Event(3, "undo", undoes_id=2)]
    assert state(*events).status == ReviewStatus.accepted
    assert state(*events).value == ORIGINAL
    assert undo_target(events) == events[0]
    events.append(Event(4, "undo", undoes_id=1))
    assert state(*events).status == ReviewStatus.unreviewed
    assert undo_target(events) is None


def test_undo_rows_are_never_effective_themselves():
    events = [Event(1, "reject"), Event(2, "undo", undoes_id=1), Event(3, "accept")]
    assert [event.id for event in effective_events(events)] == [3]


def test_events_are_folded_in_id_order_whatever_order_they_arrive_in():
    assert state(Event(2, "reject"), Event(1, "accept")).status == ReviewStatus.rejected


def test_an_added_claim_is_added_until_rejected_and_gone_once_its_add_is_undone():
    add = Event(1, "add", EDITED)
    assert state(add, added=True).status == ReviewStatus.added
    assert state(add, Event(2, "edit", ORIGINAL), added=True).status == ReviewStatus.added
    assert state(add, Event(2, "reject"), added=True).status == ReviewStatus.rejected
    assert state(add, Event(2, "undo", undoes_id=1), added=True).removed
