"""What a language model returns: claims whose evidence is quoted, not located.

Answers are validated against these models. What the model is *shown* is the schema of
its prompt version (`prompts/extract_claims/<version>/schema.json`, covered by the
prompt's sha, checked against these models by tests), so the descriptions here are for
developers and never carry examples from any article.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas.claims import (
    Approx,
    Certainty,
    ClaimFields,
    ClaimKind,
    NonEmptyStr,
    PartialIsoDate,
    Quantity,
    Source,
    TimeRef,
)

_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
# Models forgive unknown keys (small models add "id" or "type"); known keys stay strict.
_LENIENT = ConfigDict(extra="ignore")


class LLMSource(Source):
    """Who puts the claim forward; absent when the article asserts it itself."""

    model_config = _LENIENT

    name: NonEmptyStr = Field(description="a person, an organisation or an unnamed group")
    anonymous: bool = Field(False, description="true when nobody is identified")
    via: str | None = Field(None, description="the channel that relayed the words, never a person")


class LLMQuantity(Quantity):
    """An explicit number in the proposition, with its approximator and unit."""

    model_config = _LENIENT

    text: NonEmptyStr = Field(description="the number as written, with its approximator")
    value: float = Field(description="the number as a plain value")

    @field_validator("value", "upper", mode="before")
    @classmethod
    def _plain_number(cls, value: object) -> object:
        # "5,000" for 5000: a thousands separator is formatting, not a wrong answer.
        if isinstance(value, str) and re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", value.strip()):
            return value.replace(",", "").strip()
        return value

    upper: float | None = Field(None, description="upper bound of a range")
    unit: str = Field("", description="what is counted or measured; a currency code for money")
    approx: Approx = Field(Approx.exact, description="how the number is qualified")


class LLMTimeRef(TimeRef):
    """When the proposition holds or happens, if the text says."""

    model_config = _LENIENT

    text: NonEmptyStr = Field(description="the time expression as written")
    start: PartialIsoDate | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    end: PartialIsoDate | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")

    @field_validator("start", "end", mode="before")
    @classmethod
    def _no_date_is_null(cls, value: object) -> object:
        # Small models write "unknown", "N/A" or "" where they have no date: that is null,
        # not a reason to reject every claim of the answer.
        if isinstance(value, str) and not _ISO_DATE.match(value.strip()):
            return None
        return value.strip() if isinstance(value, str) else value


class LLMClaim(ClaimFields):
    """One checkable proposition the article puts forward, with verbatim evidence quotes."""

    model_config = _LENIENT

    statement: NonEmptyStr = Field(description="the proposition as one standalone sentence")
    kind: ClaimKind = Field(description="event, state, forecast or assessment")
    subject: NonEmptyStr = Field(description="the main entity, a short noun phrase")
    source: LLMSource | None = Field(None, description="null for the article's own voice")
    certainty: Certainty = Field(Certainty.certain, description="as the source states it")
    negated: bool = Field(False, description="true when stated in the negative")
    quantities: list[LLMQuantity] = Field(  # type: ignore[assignment]  # list is invariant
        default_factory=list, description="every explicit number in the proposition"
    )
    time: LLMTimeRef | None = Field(None, description="when the proposition holds or happens")
    location: str | None = Field(None, description="where the proposition holds or happens")
    # An empty list is let through here and treated like a quote that is not in the text
    # (re-asked, then that claim dropped), so one careless claim does not void the answer.
    evidence: list[NonEmptyStr] = Field(
        description="quotes copied character for character from the article"
    )


class LLMExtraction(BaseModel):
    """Record every checkable claim the article text puts forward, each with verbatim quotes."""

    model_config = ConfigDict(extra="ignore", title="LLMExtraction")

    claims: list[LLMClaim] = Field(description="all claims in the text, in article order")
