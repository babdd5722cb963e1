"""What the model is asked to return, checked as it is parsed.

`response_model_for(prompt)` is the pydantic model instructor parses an answer into: it
shows the model the prompt version's own schema.json, and its validator locates every
quote in the text the model was given (`QuoteCheck`, set for the call in `CURRENT_CHECK`).
On every attempt but the last an unlocatable quote is a validation error, so instructor
re-asks; on the last, claims whose quotes are still missing are dropped and recorded.
"""

from __future__ import annotations

import copy
import json
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from pydantic import ConfigDict, model_validator

from schemas.claims import Span
from schemas.llm import LLMExtraction
from service.extractors.base import DroppedClaim
from service.grounding import Grounder, QuoteNotFound
from service.prompts import Prompt


class QuoteCheck:
    """Per-call state for the quote validator: the chunk's text and the attempt count."""

    def __init__(self, chunk_text: str, max_attempts: int) -> None:
        self.grounder = Grounder(chunk_text)
        self.max_attempts = max_attempts
        self.attempts = 0
        self.spans: list[list[Span]] = []  # per kept claim, offsets within the chunk
        self.dropped: list[DroppedClaim] = []  # claims still unlocatable on the last attempt

    def count_attempt(self, *args: Any, **kwargs: Any) -> None:
        """Hook: called by instructor before every request to the model."""
        self.attempts += 1

    @property
    def final_attempt(self) -> bool:
        """True on the last attempt instructor will make."""
        return self.attempts >= self.max_attempts

    def drop(self, statement: str, evidence: list[str], error: QuoteNotFound) -> DroppedClaim:
        """The record of a claim dropped on this attempt, its reason saying how often we asked."""
        asked = f"{self.attempts} attempt" + ("" if self.attempts == 1 else "s")
        return DroppedClaim(statement, tuple(evidence), f"{error} (after {asked})")

    def locate(self, evidence: list[str]) -> list[Span]:
        """Spans of the quotes in the chunk; later quotes prefer matches after earlier ones."""
        if not evidence:  # answered like an unfound quote: re-asked, then dropped
            raise QuoteNotFound("")
        spans: list[Span] = []
        for quote in evidence:
            spans.append(self.grounder.locate(quote, anchor=spans[-1].end if spans else None))
        return spans


_SCHEMAS: dict[str, str] = {}  # GroundedAnswer's JSON schema by arguments
# The quote check of the request under way in this thread. Not instructor's `context`:
# instructor renders every message as a Jinja template with it, which would rewrite any
# "{{ ... }}" in an article's text (and fail on "{% ... %}").
CURRENT_CHECK: ContextVar[QuoteCheck | None] = ContextVar("quote_check", default=None)


class GroundedAnswer(LLMExtraction):
    # Same tool name and description as LLMExtraction: instructor sends both to the model.
    __doc__ = LLMExtraction.__doc__
    model_config = ConfigDict(title="LLMExtraction")

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON schema, generated once: instructor asks for it on every request, and
        generating it was a third of a request's CPU time. Each caller gets its own copy."""
        key = json.dumps([args, sorted(kwargs.items())], default=repr)
        if key not in _SCHEMAS:
            _SCHEMAS[key] = json.dumps(super().model_json_schema(*args, **kwargs))
        schema: dict[str, Any] = json.loads(_SCHEMAS[key])
        return schema

    @model_validator(mode="after")
    def _quotes_are_in_the_text(self) -> GroundedAnswer:
        check = CURRENT_CHECK.get()
        if check is None:
            return self
        kept, problems, dropped = [], [], []
        check.spans = []
        for number, claim in enumerate(self.claims, start=1):
            try:
                check.spans.append(check.locate(claim.evidence))
                kept.append(claim)
            except QuoteNotFound as error:
                problems.append(f"claim {number} ({claim.statement!r}): {error}")
                dropped.append(check.drop(claim.statement, claim.evidence, error))
        if problems and not check.final_attempt:
            raise ValueError(
                "evidence must be copied character for character from the article text; "
                "fix or remove these quotes: " + "; ".join(problems)
            )
        check.dropped = dropped
        self.claims = kept
        return self


@lru_cache(maxsize=16)
def _versioned_model(schema_text: str) -> type[GroundedAnswer]:
    """A response model that shows the model a prompt version's own schema.json."""
    schema = json.loads(schema_text)

    def model_json_schema(cls: type, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return copy.deepcopy(schema)

    return type(
        str(schema.get("title", "LLMExtraction")),
        (GroundedAnswer,),
        {"model_json_schema": classmethod(model_json_schema), "__doc__": schema.get("description")},
    )


def response_model_for(prompt: Prompt) -> type[GroundedAnswer]:
    """What the model is asked to return under `prompt`: its schema.json when it has one."""
    if prompt.schema_text is None:
        return GroundedAnswer
    return _versioned_model(prompt.schema_text)
