"""Request and response bodies of the review API, and the review statuses they report."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from schemas.api import ClaimFlag, RunPublic
from schemas.claims import (
    NO_NUL_PATTERN,
    NOT_BLANK_PATTERN,
    Claim,
    ClaimFields,
    JsonPattern,
    Quantity,
    Source,
    Span,
    TimeRef,
    storable_text,
)
from schemas.review_status import Rating, ReviewStatus

QueueStatus = Literal["new", "in_progress", "done"]

# Limits on what a reviewer sends: generous for real claims, small enough that a claim
# stays cheap to store and to serve on every read of its article.
MAX_STATEMENT_CHARS = 2_000
MAX_FIELD_CHARS = 500  # subject, location, source name and channel, quantity and time text
MAX_QUOTE_CHARS = 5_000  # one evidence item
MAX_EVIDENCE_ITEMS = 20
MAX_QUANTITIES = 20
MAX_NOTE_CHARS = 2_000  # a rating's note

_Storable = AfterValidator(storable_text)


Statement = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_STATEMENT_CHARS),
    _Storable,
    JsonPattern(NOT_BLANK_PATTERN),
]
FieldText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_FIELD_CHARS),
    _Storable,
    JsonPattern(NOT_BLANK_PATTERN),
]
OptionalText = Annotated[
    str, StringConstraints(max_length=MAX_FIELD_CHARS), _Storable, JsonPattern(NO_NUL_PATTERN)
]
Quote = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_QUOTE_CHARS),
    _Storable,
    JsonPattern(NOT_BLANK_PATTERN),
]
NoteText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=MAX_NOTE_CHARS),
    _Storable,
    JsonPattern(NO_NUL_PATTERN),
]
SpanText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_QUOTE_CHARS),
    _Storable,
    JsonPattern(NO_NUL_PATTERN),
]


class EditSource(Source):
    """A claim's source as a reviewer writes it (the contract's Source, with size limits)."""

    name: FieldText
    via: OptionalText | None = None


class EditQuantity(Quantity):
    """A quantity as a reviewer writes it (the contract's Quantity, with size limits)."""

    text: FieldText
    unit: OptionalText = ""


class EditTime(TimeRef):
    """A time as a reviewer writes it (the contract's TimeRef, with size limits)."""

    text: FieldText


class EditSpan(Span):
    """An evidence span as a reviewer sends it (the contract's Span, with a size limit)."""

    text: SpanText


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

    statement: Statement
    subject: FieldText
    source: EditSource | None = None
    quantities: list[EditQuantity] = Field(  # type: ignore[assignment]  # narrowed: limits
        default_factory=list, max_length=MAX_QUANTITIES
    )
    time: EditTime | None = None
    location: OptionalText | None = None
    evidence: list[EditSpan | Quote] = Field(
        min_length=1,
        max_length=MAX_EVIDENCE_ITEMS,
        description="each item a span `{start, end, text}` that must satisfy "
        "`article_text[start:end] == text` (no surrounding whitespace; `alignment` is "
        "ignored: kept from the claim's span at the same offsets, else set by the server), "
        "or a plain quote that is located in the text "
        "(exact first, then ignoring whitespace, quote and dash differences)",
    )


class ClaimRating(BaseModel):
    """A fact-checker's rating of a claim, with an optional note saying why."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"rating": "misleading", "note": "The 3,000 counts every unit, not soldiers."}
            ]
        },
    )

    rating: Rating = Field(description="true, false, misleading or unverifiable")
    note: NoteText | None = Field(
        None, description=f"why; at most {MAX_NOTE_CHARS} characters, no NUL"
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
    rating: Rating | None = Field(
        None, description="the fact-checker's rating (true, false, misleading, unverifiable)"
    )
    rating_note: str | None = Field(None, description="why the claim got its rating")
    rated_by: str | None = Field(None, description="who gave the rating")
    rated_at: dt.datetime | None = None
    flags: list[ClaimFlag] = Field(
        default_factory=list,
        description="why a reviewer should look closely: evidence located only by the lenient "
        "match, or evidence that reads as an instruction to a language model (a prompt "
        "injection the extractor may have obeyed)",
    )


class ReviewEventPublic(BaseModel):
    """One row of a claim's review log."""

    id: int
    claim_id: int
    action: Literal["accept", "reject", "edit", "add", "rate", "undo"]
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
        description="unreviewed claims with a flag: evidence located only by the lenient "
        "(fuzzy) match, or evidence that reads as an instruction to the model"
    )


class GoldStatusPublic(BaseModel):
    """Whether the article exports as a gold file, and how many claims stand in the way."""

    run_id: int | None = Field(
        description="the run the gold file comes from: the most recently reviewed one, else "
        "the run under review"
    )
    total: int = Field(description="claims of that run")
    unreviewed: int = Field(
        description="claims of that run still unreviewed: while any are, the export answers "
        "409 unless asked for a file marked partial"
    )
    complete: bool = Field(description="every claim of that run has a decision")
    url: str = Field(description="the gold file (409 while claims are unreviewed)")
    partial_url: str = Field(description="the gold file marked partial, whatever is unreviewed")


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
    gold: GoldStatusPublic


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
