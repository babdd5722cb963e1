"""The claim contract (spec v1): Claim, Source, Quantity, TimeRef, Span and their enums."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

PartialIsoDate = Annotated[
    str, StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
]

# What the JSON schema promises about text: no NUL anywhere, and (for non-empty text)
# at least one character that is not whitespace. Validation is done by `storable_text`,
# whose messages name the problem; the patterns only describe it to clients.
NO_NUL_PATTERN = r"^[^\x00]*$"
NOT_BLANK_PATTERN = r"^[^\x00]*\S[^\x00]*$"


@dataclass(frozen=True)
class JsonPattern:
    """Adds `pattern` to a string's JSON schema without changing its validation."""

    pattern: str

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The wrapped type's schema with the pattern."""
        schema = handler(core_schema)
        schema["pattern"] = self.pattern
        return schema


def storable_text(value: str) -> str:
    """Refuse text no database stores faithfully: NUL characters and unpaired surrogates."""
    if "\x00" in value:
        raise ValueError(
            f"must not contain NUL (\\u0000); found at character {value.index(chr(0))}"
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(
            f"must be valid Unicode: unpaired surrogate \\u{ord(value[error.start]):04x} at "
            f"character {error.start}"
        ) from None
    return value


Text = Annotated[str, AfterValidator(storable_text), JsonPattern(NO_NUL_PATTERN)]
"""Any text a database can store: no NUL, no unpaired surrogate."""

NonEmptyStr = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(storable_text),
    JsonPattern(NOT_BLANK_PATTERN),
]
"""Text with at least one non-whitespace character, stripped, storable."""

FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
"""A number JSON can carry: NaN and infinities are refused."""


class ClaimKind(StrEnum):
    """What sort of proposition a claim is."""

    event = "event"
    state = "state"
    forecast = "forecast"
    assessment = "assessment"


class Certainty(StrEnum):
    """How strongly the source asserts the claim."""

    certain = "certain"
    probable = "probable"
    possible = "possible"


class Approx(StrEnum):
    """How a quantity's number relates to the true amount."""

    exact = "exact"
    approximately = "approximately"
    at_least = "at_least"
    at_most = "at_most"
    range = "range"


class Alignment(StrEnum):
    """How an evidence quote was located in the article text."""

    exact = "exact"
    fuzzy = "fuzzy"  # located after folding (quotes, dashes, spacing, an ellipsis) or aligning


class ContractModel(BaseModel):
    """Base for contract models: unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Source(ContractModel):
    """Who puts a claim forward, and through which channel."""

    name: NonEmptyStr
    anonymous: bool = False
    via: Text | None = None


class Quantity(ContractModel):
    """An explicit number in a claim, with its approximator and unit."""

    text: NonEmptyStr
    value: FiniteFloat
    upper: FiniteFloat | None = None
    unit: Text = ""
    approx: Approx = Approx.exact

    @model_validator(mode="after")
    def _range_has_upper(self) -> Quantity:
        if self.approx is Approx.range and self.upper is None:
            raise ValueError("a range quantity needs 'upper'")
        if self.upper is not None and self.upper < self.value:
            raise ValueError("'upper' must not be below 'value'")
        return self


class TimeRef(ContractModel):
    """When a claim holds or happens: the verbatim phrase and its resolved ISO bounds."""

    text: NonEmptyStr
    start: PartialIsoDate | None = None
    end: PartialIsoDate | None = None


class Span(ContractModel):
    """A verbatim stretch of the article: text == article_text[start:end]."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: Text = Field(min_length=1)
    alignment: Alignment | None = None
    score: float | None = Field(
        default=None,
        ge=0,
        le=1,
        allow_inf_nan=False,
        exclude_if=lambda score: score is None,  # spans stored without a score stay as they were
        description=(
            "for a fuzzy span located by alignment, how similar the quote was to this text "
            "(0..1); absent when the quote was this text exactly or up to folding"
        ),
    )

    @model_validator(mode="after")
    def _consistent_length(self) -> Span:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.start}:{self.end} has length {self.end - self.start}, "
                f"but its text has {len(self.text)} characters"
            )
        return self

    def matches(self, article_text: str) -> bool:
        """True when the span's text is exactly article_text[start:end]."""
        return article_text[self.start : self.end] == self.text


class ClaimFields(ContractModel):
    """Every claim field except evidence: shared by anchored and unanchored claims."""

    statement: NonEmptyStr
    kind: ClaimKind
    subject: NonEmptyStr
    source: Source | None = None
    certainty: Certainty = Certainty.certain
    negated: bool = False
    quantities: list[Quantity] = Field(default_factory=list)
    time: TimeRef | None = None
    location: Text | None = None


_CLAIM_EXAMPLE: dict[str, Any] = {
    "statement": "Approximately 3,000 North Korean soldiers have been sent to Russia.",
    "kind": "state",
    "subject": "North Korean soldiers",
    "source": {
        "name": "South Korea's National Intelligence Service",
        "anonymous": False,
        "via": None,
    },
    "certainty": "certain",
    "negated": False,
    "quantities": [
        {
            "text": "approximately 3,000",
            "value": 3000,
            "upper": None,
            "unit": "soldiers",
            "approx": "approximately",
        }
    ],
    "time": {"text": "To date", "start": None, "end": "2024-10-23"},
    "location": "Russia",
    "evidence": [
        {
            "start": 2975,
            "end": 3050,
            "text": "To date, approximately 3,000 North Korean soldiers have been sent to Russia",
            "alignment": "exact",
        }
    ],
}


class Claim(ClaimFields):
    """One checkable proposition with verbatim, offset-anchored evidence."""

    model_config = ConfigDict(json_schema_extra={"examples": [_CLAIM_EXAMPLE]})

    evidence: list[Span] = Field(min_length=1)


class DraftClaim(ClaimFields):
    """A claim as an extractor returns it: evidence as quotes, not yet located."""

    evidence: list[NonEmptyStr] = Field(min_length=1)
    anchor: int | None = Field(
        default=None,
        ge=0,
        description="approximate offset of the evidence; grounding prefers the nearest match",
    )
