"""What a language model is asked to return: claims whose evidence is quoted, not located.

The field descriptions are sent to the model as part of the tool schema, so they are
prompt text: they restate the claim contract (spec sections 1, 2 and 5) for the model.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

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

# Models forgive unknown keys (small models add "id" or "type"); known keys stay strict.
_LENIENT = ConfigDict(extra="ignore")


class LLMSource(Source):
    """Who puts the claim forward. Omit the source entirely when the article itself asserts it."""

    model_config = _LENIENT

    name: NonEmptyStr = Field(
        description=(
            "The source as the article names it. A person: full name as given, without rank or "
            "title ('Lloyd J. Austin III'). An organisation: as named ('South Korea's National "
            "Intelligence Service'). An unidentified group: as written ('officials', "
            "'analysts', 'reports')."
        )
    )
    anonymous: bool = Field(
        False,
        description=(
            "True when no individual or organisation is identified ('officials', 'sources "
            "within the military', 'reports')."
        ),
    )
    via: str | None = Field(
        None,
        description=(
            "The channel that relayed the source's words: a publication, news agency, "
            "broadcaster, press release or social network ('Kyodo News', 'Telegram'). Never a "
            "person: a person who relays others is the source. Null when not relayed."
        ),
    )


class LLMQuantity(Quantity):
    """An explicit number in the proposition, with its approximator and unit."""

    model_config = _LENIENT

    text: NonEmptyStr = Field(
        description="The number verbatim with its approximator: 'around 5,000', 'at least 30'."
    )
    value: float = Field(
        description="The number as a plain value: 5000 for '5,000', 1300000 for '1.3 million'."
    )
    upper: float | None = Field(
        None, description="Upper bound of a range ('11,000 to 12,000' -> 12000); else null."
    )
    unit: str = Field(
        "",
        description=(
            "What is counted or measured: 'troops', 'percent', 'deaths per 100,000 people'. "
            "Money uses the currency code as unit ('USD', 'GBP')."
        ),
    )
    approx: Approx = Field(
        Approx.exact,
        description=(
            "'exact' for a plain number; 'approximately' for around/about/approximately/some/"
            "nearly; 'at_least' for at least/over/more than/upwards of; 'at_most' for up to/"
            "under/fewer than/within; 'range' for 'X to Y' (then fill upper)."
        ),
    )


class LLMTimeRef(TimeRef):
    """When the proposition holds or happens, if the text says."""

    model_config = _LENIENT

    text: NonEmptyStr = Field(
        description="The time expression verbatim: 'on Wednesday', 'by October 28', 'last month'."
    )
    start: PartialIsoDate | None = Field(
        None,
        description=(
            "ISO date, as precise as the text allows: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. Resolve "
            "relative expressions against the publication date. Null for 'by ...' expressions "
            "and vague periods."
        ),
    )
    end: PartialIsoDate | None = Field(
        None,
        description=(
            "ISO date of the end, same format. A single day has start == end; 'by December' has "
            "only end. Null for vague periods ('in the coming days')."
        ),
    )


class LLMClaim(ClaimFields):
    """One checkable proposition the article puts forward, with verbatim evidence quotes."""

    model_config = _LENIENT

    statement: NonEmptyStr = Field(
        description=(
            "One sentence stating the proposition so it stands alone: without the attribution "
            "('X said'), with pronouns and vague references resolved to names from the article, "
            "keeping numbers, conditions, time qualifiers and hedging ('expected to'). No facts "
            "from outside the article."
        )
    )
    kind: ClaimKind = Field(
        description=(
            "event: something that happened or is happening at a time; state: a standing "
            "condition or attribute (sizes, roles, capabilities); forecast: an expectation, "
            "plan, intention or prediction about the future; assessment: an evaluation, "
            "interpretation or opinion."
        )
    )
    subject: NonEmptyStr = Field(
        description="The main entity the claim is about, as a short noun phrase."
    )
    source: LLMSource | None = Field(
        None,
        description=(
            "Who puts the claim forward; null when the article asserts it in its own voice. "
            "'announced', 'confirmed', 'told reporters' count like 'said'."
        ),
    )
    certainty: Certainty = Field(
        Certainty.certain,
        description=(
            "As the source states it. certain: plain assertion (also 'can' stating an ability). "
            "probable: expected, believed, likely, anticipated, assess, estimate, 'evidence "
            "suggests', 'all indications are'. possible: could, may, might, potentially, "
            "assuming."
        ),
    )
    negated: bool = Field(
        False,
        description=(
            "True when the proposition is stated in the negative: 'not', 'not yet', 'cannot "
            "corroborate', 'has not confirmed', 'there is no evidence that'."
        ),
    )
    quantities: list[LLMQuantity] = Field(  # type: ignore[assignment]  # list is invariant
        default_factory=list,
        description=(
            "Every explicit number in the proposition, spelled-out numbers included ('five "
            "people'). Not ordinals, years or dates. Vague amounts ('thousands of') are not "
            "quantities. Empty when none."
        ),
    )
    time: LLMTimeRef | None = Field(
        None,
        description=(
            "When the proposition holds or happens, if the text says; not when it was said. "
            "Null when the text gives no time for the proposition itself."
        ),
    )
    location: str | None = Field(
        None, description="Where the proposition holds or happens, if the text says; else null."
    )
    evidence: list[NonEmptyStr] = Field(
        min_length=1,
        description=(
            "One or more quotes copied character for character from the article text that "
            "support the claim: a sentence or clause, not paraphrased, not shortened with "
            "'...', no added words."
        ),
    )


class LLMExtraction(BaseModel):
    """Record every checkable claim the article text puts forward, each with verbatim quotes."""

    model_config = ConfigDict(extra="ignore", title="LLMExtraction")

    claims: list[LLMClaim] = Field(
        description=("All claims in the text, in article order; an empty list when there are none.")
    )
