"""Review storage: append review rows and read claims with their derived state; caller commits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from schemas.claims import Claim
from schemas.review_status import Rating, ReviewStatus
from service import repository
from service.evidence_checks import claim_flags
from service.models import (
    ClaimOrigin,
    ClaimRecord,
    ClaimReview,
    ExtractionRun,
    ReviewState,
)
from service.review.state import (
    GOLD,
    REVIEWED,
    ClaimState,
    ReviewAction,
    claim_state,
    undo_target,
)

ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class ReviewedClaim:
    """A stored claim and the state its review log gives it."""

    record: ClaimRecord
    state: ClaimState
    events: tuple[ClaimReview, ...]

    @property
    def added(self) -> bool:
        """True when a reviewer wrote this claim."""
        return self.record.origin == ClaimOrigin.review

    @property
    def reviewed_claim(self) -> Claim:
        """The claim as reviewed."""
        return Claim.model_validate(self.state.value)

    @property
    def flags(self) -> list[str]:
        """Why to look closely: fuzzy-located evidence, evidence that reads as an instruction."""
        return claim_flags(self.record.data.get("evidence", []))

    @property
    def low_confidence(self) -> bool:
        """Unreviewed, with a flag on its extracted evidence."""
        return self.state.status == ReviewStatus.unreviewed and bool(self.flags)

    def changed_fields(self) -> list[str]:
        """Top-level fields where the reviewed value differs from the extracted one.

        Evidence counts as changed when its spans differ, not when only how a span was
        located (its alignment) differs.
        """
        if self.added:
            return []
        original, reviewed = _comparable(self.record.data), _comparable(self.state.value)
        return [name for name in Claim.model_fields if original.get(name) != reviewed.get(name)]


def _comparable(claim: dict[str, Any]) -> dict[str, Any]:
    spans = claim.get("evidence") or []
    return {**claim, "evidence": [(s["start"], s["end"], s["text"]) for s in spans]}


@dataclass(frozen=True)
class Counts:
    """Claims per review status, plus the unreviewed ones with fuzzy evidence."""

    total: int = 0
    unreviewed: int = 0
    accepted: int = 0
    edited: int = 0
    rejected: int = 0
    added: int = 0
    low_confidence: int = 0

    @property
    def reviewed(self) -> int:
        """Claims with a decision."""
        return self.total - self.unreviewed

    @property
    def gold(self) -> int:
        """Claims that go into a gold file."""
        return self.accepted + self.edited + self.added

    @classmethod
    def of(cls, claims: Iterable[ReviewedClaim]) -> Counts:
        """Count a list of reviewed claims."""
        by_status: dict[str, int] = defaultdict(int)
        total = low = 0
        for claim in claims:
            total += 1
            by_status[claim.state.status.value] += 1
            low += claim.low_confidence
        return cls(total=total, low_confidence=low, **by_status)


def review_run(*, session: Session, article_id: int) -> ExtractionRun | None:
    """The run whose claims are reviewed: the current (latest succeeded) one, else the latest."""
    current = repository.current_run(session=session, article_id=article_id)
    return current or repository.latest_run(session=session, article_id=article_id)


def gold_run(*, session: Session, article_id: int) -> ExtractionRun | None:
    """The run gold files come from: the most recently reviewed one, else the review run.

    Re-extracting an article must not drop finished review work from its gold file: until
    the new run gets a review, the older reviewed run keeps supplying the gold claims.
    """
    latest_reviewed = session.exec(
        select(ClaimRecord.run_id)
        .join(ClaimReview, col(ClaimReview.claim_id) == col(ClaimRecord.id))
        .where(ClaimReview.article_id == article_id, ClaimReview.action != ReviewAction.rate)
        .order_by(col(ClaimReview.id).desc())
    ).first()
    if latest_reviewed is not None:
        return session.get(ExtractionRun, latest_reviewed)
    return review_run(session=session, article_id=article_id)


def _events_by_claim(*, session: Session, claim_ids: Sequence[int]) -> dict[int, list[ClaimReview]]:
    grouped: dict[int, list[ClaimReview]] = defaultdict(list)
    if claim_ids:
        rows = session.exec(
            select(ClaimReview)
            .where(col(ClaimReview.claim_id).in_(claim_ids))
            .order_by(col(ClaimReview.id))
        ).all()
        for row in rows:
            grouped[row.claim_id].append(row)
    return grouped


def reviewed(*, session: Session, records: Sequence[ClaimRecord]) -> list[ReviewedClaim]:
    """Claims with their states; added claims whose "add" was undone are left out."""
    claim_ids = [record.id for record in records if record.id]
    events = _events_by_claim(session=session, claim_ids=claim_ids)
    result = []
    for record in records:
        assert record.id is not None
        rows = events.get(record.id, [])
        state = claim_state(
            original=record.data, added=record.origin == ClaimOrigin.review, events=rows
        )
        if not state.removed:
            result.append(ReviewedClaim(record, state, tuple(rows)))
    return result


def runs_claims(*, session: Session, run_ids: Sequence[int]) -> dict[int, list[ReviewedClaim]]:
    """The reviewed claims of several runs, by run id, in (position, id) order."""
    if not run_ids:
        return {}
    records = session.exec(
        select(ClaimRecord)
        .where(col(ClaimRecord.run_id).in_(run_ids))
        .order_by(col(ClaimRecord.run_id), col(ClaimRecord.position), col(ClaimRecord.id))
    ).all()
    grouped: dict[int, list[ReviewedClaim]] = {run_id: [] for run_id in run_ids}
    for claim in reviewed(session=session, records=records):
        grouped[claim.record.run_id].append(claim)
    return grouped


def run_claims(*, session: Session, run_id: int) -> list[ReviewedClaim]:
    """The reviewed claims of one run, extracted and added, in position order."""
    return runs_claims(session=session, run_ids=[run_id])[run_id]


def get_claim(*, session: Session, claim_id: int) -> ReviewedClaim | None:
    """One claim with its state; None when it does not exist or its "add" was undone."""
    record = session.get(ClaimRecord, claim_id)
    if record is None:
        return None
    found = reviewed(session=session, records=[record])
    return found[0] if found else None


def _append(
    *,
    session: Session,
    record: ClaimRecord,
    action: ReviewAction,
    reviewer: str,
    value: dict[str, Any] | None = None,
    undoes_id: int | None = None,
) -> ClaimReview:
    """Append a review row and bring the claim row's materialised state up to date.

    The article's row is locked first, so the log each action folds holds every committed
    action on the claim (two concurrent actions would otherwise each write a state that
    misses the other's row).
    """
    assert record.id is not None
    repository.lock_article(session=session, article_id=record.article_id)
    row = ClaimReview(
        claim_id=record.id,
        article_id=record.article_id,
        action=action.value,
        value=value,
        undoes_id=undoes_id,
        reviewer=reviewer or ANONYMOUS,
    )
    session.add(row)
    session.flush()
    refresh_state(session=session, record=record)
    return row


def apply_state(record: ClaimRecord, state: ClaimState) -> None:
    """Write a claim's review state onto its row: its status and, once it has a decision,
    its reviewed value and the fields searches filter on (null while unreviewed)."""
    decided = state.status != ReviewStatus.unreviewed
    record.review_state = ReviewState.removed if state.removed else ReviewState(state.status)
    value = state.value if decided else None
    source = (value or {}).get("source") or {}
    record.reviewed_data = value
    record.reviewed_statement = value["statement"] if value else None
    record.reviewed_subject = value["subject"] if value else None
    record.reviewed_source_name = source.get("name") if value else None
    record.reviewed_kind = value["kind"] if value else None
    record.reviewed_certainty = value.get("certainty", "certain") if value else None
    rating = state.rating
    record.rating = rating.rating.value if rating else None
    record.rating_note = rating.note if rating else None
    record.rated_by = rating.reviewer if rating else None
    record.rated_at = rating.rated_at if rating else None


def refresh_state(*, session: Session, record: ClaimRecord) -> ClaimState:
    """Fold the claim's review log and store the result on its row (flushed).

    The row is read again first: a copy loaded before another transaction's action
    committed would make an unchanged-looking column skip the UPDATE and keep that
    transaction's state.
    """
    assert record.id is not None
    session.refresh(record)
    events = _events_by_claim(session=session, claim_ids=[record.id]).get(record.id, [])
    state = claim_state(
        original=record.data, added=record.origin == ClaimOrigin.review, events=events
    )
    apply_state(record, state)
    session.add(record)
    session.flush()
    return state


def accept(*, session: Session, record: ClaimRecord, reviewer: str) -> ClaimReview:
    """Record that the claim is right as it stands."""
    return _append(session=session, record=record, action=ReviewAction.accept, reviewer=reviewer)


def reject(*, session: Session, record: ClaimRecord, reviewer: str) -> ClaimReview:
    """Record that the claim is wrong or not a claim."""
    return _append(session=session, record=record, action=ReviewAction.reject, reviewer=reviewer)


def edit(*, session: Session, record: ClaimRecord, claim: Claim, reviewer: str) -> ClaimReview:
    """Record a corrected value for the claim (the extracted value stays in the claim row)."""
    value = claim.model_dump(mode="json")
    return _append(
        session=session, record=record, action=ReviewAction.edit, reviewer=reviewer, value=value
    )


def rate(
    *, session: Session, record: ClaimRecord, rating: Rating, note: str | None, reviewer: str
) -> ClaimReview:
    """Record a fact-checker's rating of the claim, with an optional note."""
    value = {"rating": rating.value, "note": note or None}
    return _append(
        session=session, record=record, action=ReviewAction.rate, reviewer=reviewer, value=value
    )


def add(*, session: Session, run: ExtractionRun, claim: Claim, reviewer: str) -> ClaimRecord:
    """Store a claim a reviewer wrote, on the run under review, with its "add" row.

    It goes after the run's claims. Two concurrent adds may share a position; claims are
    ordered by (position, id) and gold ids come from row ids, so that is harmless.
    """
    assert run.id is not None
    last = session.exec(
        select(func.max(ClaimRecord.position)).where(ClaimRecord.run_id == run.id)
    ).one()
    position = 0 if last is None else last + 1
    record = repository.claim_record(
        claim=claim, run=run, position=position, origin=ClaimOrigin.review
    )
    session.add(record)
    session.flush()
    _append(
        session=session,
        record=record,
        action=ReviewAction.add,
        reviewer=reviewer,
        value=record.data,
    )
    return record


def lock_reviews(*, session: Session, article_id: int) -> None:
    """Hold the article's row until the transaction ends, so undos on it run one at a time.

    Two undos that read the same log would both revert its latest action; under the lock
    the second reads the first's row and reverts the action before (or finds none).
    """
    repository.lock_article(session=session, article_id=article_id)


def undo(*, session: Session, events: Iterable[ClaimReview], reviewer: str) -> ClaimReview | None:
    """Revert the latest effective row among `events`; returns the reverted row, or None."""
    target = undo_target(events)
    if target is None:
        return None
    record = session.get(ClaimRecord, target.claim_id)
    assert record is not None
    _append(
        session=session,
        record=record,
        action=ReviewAction.undo,
        reviewer=reviewer,
        undoes_id=target.id,
    )
    return target


def article_events(*, session: Session, article_id: int, run_id: int) -> list[ClaimReview]:
    """Every review row on the claims of one run of an article."""
    claim_ids = select(ClaimRecord.id).where(ClaimRecord.run_id == run_id)
    return list(
        session.exec(
            select(ClaimReview).where(
                ClaimReview.article_id == article_id, col(ClaimReview.claim_id).in_(claim_ids)
            )
        ).all()
    )


def is_reviewed(claims: Iterable[ReviewedClaim]) -> bool:
    """True when at least one claim has a decision."""
    return any(claim.state.status in REVIEWED for claim in claims)


def gold_claims(claims: Iterable[ReviewedClaim]) -> list[ReviewedClaim]:
    """The claims a gold file keeps: accepted, edited and added."""
    return [claim for claim in claims if claim.state.status in GOLD]
