"""The Extractor protocol: article text in, unanchored draft claims out."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from schemas.claims import DraftClaim


@dataclass(frozen=True)
class ArticleInput:
    """What an extractor sees of an article."""

    text: str
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None


@dataclass
class Usage:
    """Token usage and cost of the model calls behind one extraction."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cost_usd: float | None = None
    cached_tokens: int = 0  # prompt tokens the provider served from its cache

    def add(self, other: Usage) -> None:
        """Accumulate another call's usage into this one."""
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.total_tokens += other.total_tokens
        self.cached_tokens += other.cached_tokens
        if other.cost_usd is not None:
            self.cost_usd = (self.cost_usd or 0.0) + other.cost_usd


@dataclass(frozen=True)
class DroppedClaim:
    """A draft claim that was discarded, with the quotes it cited and why it was dropped."""

    statement: str
    evidence: tuple[str, ...]
    reason: str

    @classmethod
    def of(cls, draft: DraftClaim, reason: str) -> DroppedClaim:
        """The record of a dropped draft claim."""
        return cls(statement=draft.statement, evidence=tuple(draft.evidence), reason=reason)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: {statement, evidence: [quotes], reason}, as a run stores it."""
        return {"statement": self.statement, "evidence": list(self.evidence), "reason": self.reason}


@dataclass
class ExtractionResult:
    """Draft claims plus everything a run records about how they were produced."""

    claims: list[DraftClaim]
    model: str | None = None
    prompt_id: str | None = None
    prompt_sha: str | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    attempts: int = 1
    # Claims the extractor itself discarded (e.g. ungrounded after re-asks): the count, and
    # each one with its reason. The count is never below the list's length (it is raised to
    # it); it can exceed it for a result that kept only the count (the eval cache does).
    dropped: int = 0
    dropped_claims: list[DroppedClaim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    retries: int = 0  # model requests repeated after a transient fault (429, timeout, 5xx)
    last_error: str | None = None  # the last transient fault, even when a retry then worked

    def __post_init__(self) -> None:
        self.dropped = max(self.dropped, len(self.dropped_claims))


class FailureKind(StrEnum):
    """Why an extraction failed, as recorded on the failed run."""

    timeout = "timeout"
    rate_limited = "rate_limited"
    invalid_output = "invalid_output"
    model_error = "model_error"
    configuration = "configuration"


class ExtractionError(Exception):
    """An extraction that could not produce claims; the run is recorded as failed."""

    def __init__(
        self,
        kind: FailureKind,
        message: str,
        *,
        attempts: int = 1,
        usage: Usage | None = None,
        retries: int = 0,
        last_error: str | None = None,
    ) -> None:
        super().__init__(f"{kind.value}: {message}")
        self.kind = kind
        self.message = message
        self.attempts = attempts
        self.usage = usage or Usage()
        self.retries = retries
        self.last_error = last_error


@runtime_checkable
class Extractor(Protocol):
    """Anything that turns an article into draft claims."""

    name: str  # "offline", "llm", ...

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """Extract draft claims; raise ExtractionError when no result can be produced."""
        ...


def fingerprint(extractor: Extractor) -> str:
    """A hash of everything that determines an extractor's output for a given text.

    Extractors describe themselves with an optional `identity()` (model, prompt sha,
    parameters, rules version); two runs with equal fingerprints on the same text would
    produce the same claims, so the second can be answered by the first.
    """
    identity = getattr(extractor, "identity", None)
    described = identity() if callable(identity) else {}
    canonical = json.dumps({"extractor": extractor.name, **described}, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
