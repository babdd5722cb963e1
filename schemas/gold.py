"""The gold-file format (spec section 3): one article with its hand-labelled claims."""

from __future__ import annotations

import datetime as dt
import json

from pydantic import Field, model_validator

from schemas.claims import Claim, ContractModel


class GoldClaim(Claim):
    """A labelled claim with an id that is stable across edits."""

    id: str = Field(min_length=1)


class GoldReview(ContractModel):
    """How far review had got when a partial gold file was exported."""

    claims: int = Field(ge=0, description="claims of the reviewed run")
    reviewed: int = Field(ge=0, description="claims with a decision")
    unreviewed: int = Field(ge=0, description="claims nobody had decided on: not in the file")


class GoldArticle(ContractModel):
    """One gold file: the article text exactly as sent, and its claims.

    A gold file claims to list *all* the article's claims; one exported before review
    finished says so (`partial: true`, with `review` counts), and the eval harness and
    `claimkit gold check` refuse it: scored against, it would count the unreviewed claims
    as misses.
    """

    id: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    text: str = Field(min_length=1)
    annotator: str | None = None
    claims: list[GoldClaim] = Field(default_factory=list)
    partial: bool = Field(
        default=False,
        exclude_if=lambda partial: not partial,  # complete files stay as they always were
        description="true when some claims were unreviewed at export: not usable as gold",
    )
    review: GoldReview | None = Field(
        default=None,
        exclude_if=lambda review: review is None,
        description="review progress, in partial files",
    )

    @model_validator(mode="after")
    def _ids_unique_and_spans_verbatim(self) -> GoldArticle:
        seen: set[str] = set()
        for claim in self.claims:
            if claim.id in seen:
                raise ValueError(f"claim id {claim.id!r} is used more than once")
            seen.add(claim.id)
            for index, span in enumerate(claim.evidence):
                if not span.matches(self.text):
                    found = self.text[span.start : span.end]
                    raise ValueError(
                        f"claim {claim.id!r} evidence[{index}] ({span.start}:{span.end}) "
                        f"says {span.text!r} but the text there is {found!r}"
                    )
        return self

    def to_json(self) -> str:
        """The file's text: indented UTF-8 JSON with each claim's id first (readable diffs)."""
        data = self.model_dump(mode="json")
        data["claims"] = [{"id": claim["id"], **claim} for claim in data["claims"]]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
