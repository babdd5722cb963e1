"""SQLModel tables: articles, runs, claims, reviews, workers, and the cross-article links."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, text
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """Timezone-aware now, the one clock the models use."""
    return dt.datetime.now(dt.UTC)


class RunStatus(StrEnum):
    """Life cycle of an extraction run."""

    pending = "pending"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"


class ReviewState(StrEnum):
    """A claim's review state as stored on its row (schemas.review_status.ReviewStatus, plus
    `removed`: a reviewer's claim whose "add" was undone, which no read shows)."""

    unreviewed = "unreviewed"
    accepted = "accepted"
    edited = "edited"
    rejected = "rejected"
    added = "added"
    removed = "removed"


class ClaimOrigin(StrEnum):
    """Where a stored claim came from."""

    extracted = "extracted"  # an extraction run produced it
    review = "review"  # a reviewer added it from a text selection


class Article(SQLModel, table=True):
    """An article exactly as received; unique by the hash of its text."""

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    text_sha256: str = Field(max_length=64, unique=True, index=True)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_source: str | None = Field(default=None, max_length=16)  # request | dateline
    published_text: str | None = None  # the dateline as written, when it came from one
    title_source: str | None = Field(default=None, max_length=16)  # request | first_line
    char_count: int
    created_at: dt.datetime = Field(default_factory=utcnow)


class ExtractionRun(SQLModel, table=True):
    """One extraction of one article: who extracted, how, with what result."""

    __tablename__ = "extraction_run"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    status: str = Field(default=RunStatus.pending, max_length=16, index=True)
    extractor: str = Field(max_length=32)
    model: str | None = None
    prompt_version: str | None = Field(default=None, max_length=32)  # as asked for
    prompt_id: str | None = None
    prompt_sha: str | None = Field(default=None, max_length=64)
    parameters: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    # Prompt tokens the provider served from its prompt cache, when it reports them.
    cached_tokens: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    cost_usd: float | None = None
    attempts: int = 0
    claims_count: int = 0
    dropped_count: int = 0
    # Claims that did not survive, each {statement, evidence: [quotes], reason}.
    dropped: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    notes: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    error_kind: str | None = Field(default=None, max_length=32)
    error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime = Field(default_factory=utcnow)
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    latency_ms: float | None = None
    # Identity of what produced the run (extractor, model, prompt sha, parameters), so an
    # identical re-extraction of the same article returns this run instead of a new call.
    fingerprint: str | None = Field(default=None, max_length=64, index=True)
    retries: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # model retries
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    # Queue bookkeeping: which worker holds the run, under which lease, how often a worker
    # died holding it, and when it was last put on the queue.
    worker_id: str | None = Field(default=None, max_length=100)
    lease: str | None = Field(default=None, max_length=32)
    interruptions: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    queued_at: dt.datetime | None = None


class ClaimRecord(SQLModel, table=True):
    """A stored claim: the full contract object plus columns to filter on."""

    __tablename__ = "claim"
    # A run's extracted claims are written once: a second write of the same run would clash.
    __table_args__ = (
        Index(
            "uq_claim_extracted_position",
            "run_id",
            "position",
            unique=True,
            sqlite_where=text("origin = 'extracted'"),
            postgresql_where=text("origin = 'extracted'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="extraction_run.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    position: int
    statement: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(max_length=16, index=True)
    # Not indexed: searches are substring matches, and long values exceed btree row limits.
    subject: str = Field(sa_column=Column(Text, nullable=False))
    source_name: str | None = Field(default=None, sa_column=Column(Text))
    certainty: str = Field(max_length=16)
    negated: bool = False
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # Claim.model_dump
    origin: str = Field(
        default=ClaimOrigin.extracted,
        max_length=16,
        sa_column_kwargs={"server_default": ClaimOrigin.extracted.value},
    )
    # The review state, materialised from the claim's review log by every review action and
    # undo (service.review.store, same transaction), so reads filter on and answer with the
    # reviewed value. The reviewed_* columns are null while the claim is unreviewed.
    review_state: str = Field(
        default=ReviewState.unreviewed,
        max_length=16,
        index=True,
        sa_column_kwargs={"server_default": ReviewState.unreviewed.value},
    )
    reviewed_data: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    reviewed_statement: str | None = Field(default=None, sa_column=Column(Text))
    reviewed_subject: str | None = Field(default=None, sa_column=Column(Text))
    reviewed_source_name: str | None = Field(default=None, sa_column=Column(Text))
    reviewed_kind: str | None = Field(default=None, max_length=16)
    reviewed_certainty: str | None = Field(default=None, max_length=16)
    rating: str | None = Field(default=None, max_length=16)  # true|false|misleading|unverifiable
    rating_note: str | None = Field(default=None, sa_column=Column(Text))
    rated_by: str | None = Field(default=None, max_length=100)
    rated_at: dt.datetime | None = None


class ClaimReview(SQLModel, table=True):
    """One review action on a claim; append-only (see service.review.state for the rules)."""

    __tablename__ = "claim_review"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    action: str = Field(max_length=16)  # accept | reject | edit | add | rate | undo
    # edit/add: the Claim; rate: {rating, note}
    value: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    undoes_id: int | None = Field(default=None, foreign_key="claim_review.id")
    reviewer: str = Field(max_length=100)
    created_at: dt.datetime = Field(default_factory=utcnow)


class Worker(SQLModel, table=True):
    """A process executing runs; its heartbeat tells the others it is alive."""

    id: str = Field(primary_key=True, max_length=100)  # host:pid:random
    hostname: str = Field(max_length=255)
    pid: int
    threads: int
    started_at: dt.datetime = Field(default_factory=utcnow)
    last_seen: dt.datetime = Field(default_factory=utcnow, index=True)
    stopped_at: dt.datetime | None = None


class Entity(SQLModel, table=True):
    """One actor, place or group across articles, under a canonical name.

    A merge points the merged entity at the one it joined (`merged_into_id`) instead of
    deleting it, so the merge can be undone.
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False))
    type: str = Field(max_length=16, index=True)  # person | organisation | place | group
    merged_into_id: int | None = Field(default=None, foreign_key="entity.id", index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class EntityAlias(SQLModel, table=True):
    """A spelling an entity goes by, and why it was attached."""

    __tablename__ = "entity_alias"
    __table_args__ = (Index("uq_entity_alias", "entity_id", "alias", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", index=True)
    alias: str = Field(max_length=500)
    reason: str = Field(max_length=32)


class ClaimEntity(SQLModel, table=True):
    """A claim's subject, source or location linked to an entity, with the reason."""

    __tablename__ = "claim_entity"
    __table_args__ = (Index("uq_claim_entity_role", "claim_id", "role", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    entity_id: int = Field(foreign_key="entity.id", index=True)
    role: str = Field(max_length=16)  # subject | source | location
    text: str = Field(sa_column=Column(Text, nullable=False))  # the name as the claim has it
    reason: str = Field(max_length=32)
    score: float | None = None
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))


class EntityEdit(SQLModel, table=True):
    """One reviewer action on entities (merge, split, rename, undo); append-only."""

    __tablename__ = "entity_edit"

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(max_length=16)
    entity_id: int = Field(foreign_key="entity.id", index=True)
    other_entity_id: int | None = Field(default=None, foreign_key="entity.id")
    # What changed, enough to reverse it: moved link ids, old and new names.
    change: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    undoes_id: int | None = Field(default=None, foreign_key="entity_edit.id")
    reviewer: str = Field(max_length=100)
    created_at: dt.datetime = Field(default_factory=utcnow)


class ClaimCluster(SQLModel, table=True):
    """Claims asserting the same proposition, keyed by their shared signature."""

    __tablename__ = "claim_cluster"

    id: int | None = Field(default=None, primary_key=True)
    signature: str = Field(max_length=500, unique=True)
    label: str = Field(sa_column=Column(Text, nullable=False))


class ClusterMember(SQLModel, table=True):
    """A claim's place in a cluster (one cluster per claim)."""

    __tablename__ = "cluster_member"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    cluster_id: int = Field(foreign_key="claim_cluster.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)


class FigureRecord(SQLModel, table=True):
    """One reported figure (a claim's quantity) in the figures ledger."""

    __tablename__ = "figure"
    __table_args__ = (Index("uq_figure_quantity", "claim_id", "quantity_index", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    quantity_index: int
    group_key: str = Field(max_length=300, index=True)
    label: str = Field(sa_column=Column(Text, nullable=False))  # the measured thing
    unit: str = Field(default="", sa_column=Column(Text, nullable=False))
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # the ledger row
