"""A claim's review state, derived from its append-only review log.

Design: reviews never overwrite the extraction. The `claim` row keeps the extracted value
and every reviewer action is a new `claim_review` row (accept, reject, edit, add, rate,
undo). The current state is a fold over those rows:

- accept, reject, edit, add and rate rows are *effective* unless an undo row points at them
  (`undoes_id`); undo rows themselves are never undone (there is no redo).
- the status comes from the latest effective decision (accept, reject, edit, add); the
  reviewed value is the value of the latest effective edit or add, else the extracted value.
- the rating (true, false, misleading, unverifiable, with a note) is the latest effective
  rate row's; rating a claim is not a decision about it, so its status stays as it was.
- undo targets the latest effective row, so repeated undos walk back through the history
  like an editor's undo stack, while the log keeps every step (who, when, what).

Pointing an undo at the row it reverts (rather than storing a "restored state" snapshot)
keeps the log small and makes per-claim and per-article undo agree: both just pick the
latest effective row of their scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from schemas.review_status import Rating, ReviewStatus


class ReviewAction(StrEnum):
    """What a review row does."""

    accept = "accept"
    reject = "reject"
    edit = "edit"
    add = "add"
    rate = "rate"
    undo = "undo"


REVIEWED = frozenset(
    {ReviewStatus.accepted, ReviewStatus.edited, ReviewStatus.rejected, ReviewStatus.added}
)
GOLD = frozenset({ReviewStatus.accepted, ReviewStatus.edited, ReviewStatus.added})


class ReviewEvent(Protocol):
    """The fields of a review row the fold reads (ClaimReview has them)."""

    @property
    def id(self) -> int | None: ...
    @property
    def action(self) -> str: ...
    @property
    def value(self) -> dict[str, Any] | None: ...
    @property
    def undoes_id(self) -> int | None: ...
    @property
    def reviewer(self) -> str: ...
    @property
    def created_at(self) -> dt.datetime: ...


E = TypeVar("E", bound=ReviewEvent)


@dataclass(frozen=True)
class RatingState:
    """A fact-checker's rating of a claim: the verdict, why, who and when."""

    rating: Rating
    note: str | None
    reviewer: str
    rated_at: dt.datetime


@dataclass(frozen=True)
class ClaimState:
    """A claim as review has left it."""

    status: ReviewStatus
    value: dict[str, Any]  # the claim as reviewed (the extracted one unless edited)
    reviewer: str | None
    reviewed_at: dt.datetime | None
    removed: bool = False  # an added claim whose "add" was undone: it no longer exists
    rating: RatingState | None = None


def _rating(row: ReviewEvent) -> RatingState:
    value = row.value or {}
    return RatingState(Rating(value["rating"]), value.get("note"), row.reviewer, row.created_at)


def effective_events(events: Iterable[E]) -> list[E]:
    """The rows that still count: no undo rows, none that an undo reverted; oldest first."""
    rows = sorted(events, key=lambda event: event.id or 0)
    undone = {event.undoes_id for event in rows if event.action == ReviewAction.undo}
    return [row for row in rows if row.action != ReviewAction.undo and row.id not in undone]


def undo_target(events: Iterable[E]) -> E | None:
    """The row an undo would revert: the latest effective one, if any."""
    rows = effective_events(events)
    return rows[-1] if rows else None


def claim_state(
    *, original: dict[str, Any], added: bool, events: Sequence[ReviewEvent]
) -> ClaimState:
    """Fold a claim's review rows into its current state (see the module docstring)."""
    effective = effective_events(events)
    rates = [row for row in effective if row.action == ReviewAction.rate]
    rating = _rating(rates[-1]) if rates else None
    rows = [row for row in effective if row.action != ReviewAction.rate]
    if not rows:
        return ClaimState(
            ReviewStatus.unreviewed, original, None, None, removed=added, rating=rating
        )
    last = rows[-1]
    valued = [row.value for row in rows if row.value is not None]
    value = valued[-1] if valued else original
    edited = any(row.action == ReviewAction.edit for row in rows)
    if last.action == ReviewAction.reject:
        status = ReviewStatus.rejected
    elif added:
        status = ReviewStatus.added
    elif edited:
        status = ReviewStatus.edited
    else:
        status = ReviewStatus.accepted
    return ClaimState(status, value, last.reviewer, last.created_at, rating=rating)
