"""Request and response bodies of the review API, and the review statuses they report."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.api import RunPublic
from schemas.claims import Claim, ClaimFields, NonEmptyStr, Span

QueueStatus = Literal["new", "in_progress", "done"]


class ReviewStatus(StrEnum):
    """Where a claim stands in review."""

    unreviewed = "unreviewed"
    accepted = "accepted"  # accepted as extracted
    edited = "edited"  # accepted with changes
    rejected = "rejected"
    added = "added"  # written by a reviewer, not extracted


class ClaimEdit(ClaimFields):
    """A claim as a reviewer writes it: evidence as verbatim spans or as quotes to locate."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "statement": "About 3,000 soldiers arrived on Wednesday.",
                    "kind": "event",
                    "subject": "soldiers",
                    "source": {"name": "Officials", "anonymous": True, "via": None},
                    "certainty": "certain",
                    "negated": False,
                    "quantities": [
                        {"text": "about 3,000", "value": 3000, "unit": "soldiers",
                         "approx": "approximately"}
                    ],
                    "time": {"text": "on Wednesday", "start": None, "end": None},
                    "location": None,
                    "evidence": [{"start": 15, "end": 56,
                                  "text": "about 3,000 soldiers arrived on Wednesday"}],
                }
            ]
        },
    )  # fmt: skip

    evidence: list[Span | NonEmptyStr] = Field(
        min_length=1,
        description="each item a span `{start, end, text}` that must satisfy "
        "`article_text[start:end] == text` (no surrounding whitespace; `alignment` is "
        "ignored: kept from the claim's span at the same offsets, else set by the server), "
        "or a plain quote that is located in the text "
        "(exact first, then ignoring whitespace, quote and dash differences)",
    )


class ReviewedClaimPublic(BaseModel):
    """A claim with its review state: the extracted value is kept beside the reviewed one."""

    id: int
    article_id: int
    run_id: int
    position: int
    origin: Literal["extracted", "review"]
    status: ReviewStatus
    reviewer: str | None = Field(description="who took the action that set the status")
    reviewed_at: dt.datetime | None
    original: Claim | None = Field(description="as extracted; null for claims reviewers added")
    reviewed: Claim = Field(description="as reviewed: the edited value, else the original")
    changed: list[str] = Field(description="top-level fields where reviewed differs from original")


class ReviewEventPublic(BaseModel):
    """One row of a claim's review log."""

    id: int
    claim_id: int
    action: Literal["accept", "reject", "edit", "add", "undo"]
    value: dict[str, Any] | None
    undoes_id: int | None
    undone: bool = Field(description="a later undo reverted this row")
    reviewer: str
    created_at: dt.datetime


class ClaimReviewPublic(BaseModel):
    """A claim's review state and its full review log, oldest first."""

    claim: ReviewedClaimPublic
    history: list[ReviewEventPublic]


class UndoPublic(BaseModel):
    """What an undo reverted, and the claim's state afterwards."""

    undone: ReviewEventPublic
    claim: ReviewedClaimPublic | None = Field(
        description="null when the undone row added the claim: it no longer exists"
    )


class ReviewCounts(BaseModel):
    """How many claims are in each review status."""

    total: int
    reviewed: int
    unreviewed: int
    accepted: int
    edited: int
    rejected: int
    added: int
    low_confidence: int = Field(
        description="unreviewed claims with evidence located only by the lenient (fuzzy) match"
    )


class ArticleReviewPublic(BaseModel):
    """An article's review: its text, the run under review and every claim's state."""

    article_id: int
    title: str | None
    text: str
    run: RunPublic | None = Field(description="the run under review: current, else latest")
    latest_run: RunPublic | None
    counts: ReviewCounts
    claims: list[ReviewedClaimPublic]
    page_url: str
    gold_url: str


class QueueItemPublic(BaseModel):
    """One article in the review queue."""

    article_id: int
    title: str | None
    outlet: str | None
    published: dt.date | None
    run_id: int | None
    extractor: str | None
    latest_run_status: str | None
    status: QueueStatus = Field(
        description="new: nothing reviewed yet; in_progress: some claims reviewed; "
        "done: at least one claim and none left unreviewed"
    )
    failed_run: bool = Field(description="the article's latest run failed")
    counts: ReviewCounts
    page_url: str


class QueuePublic(BaseModel):
    """A page of the review queue, most urgent first."""

    data: list[QueueItemPublic]
    count: int
    extractors: list[str] = Field(description="extractors seen, for filtering")
