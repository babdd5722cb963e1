"""One extraction, nothing stored: the extractor, then grounding of its quotes.

The pipeline calls it for a run, the CLI and the eval harness call it directly; it
imports no database code, so `claimkit extract` starts quickly.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.claims import Claim
from service.extractors.base import ArticleInput, DroppedClaim, ExtractionResult, Extractor
from service.grounding import ground_claims


@dataclass
class GroundedExtraction:
    """An extractor's result with every surviving claim anchored to the text."""

    result: ExtractionResult
    claims: list[Claim]
    grounding_dropped: list[DroppedClaim]  # drafts whose quotes grounding could not locate

    @property
    def dropped(self) -> int:
        """Claims lost in the extractor plus those grounding could not anchor."""
        return self.result.dropped + len(self.grounding_dropped)

    @property
    def dropped_claims(self) -> list[DroppedClaim]:
        """Every dropped claim with its reason: the extractor's first, then grounding's."""
        return [*self.result.dropped_claims, *self.grounding_dropped]

    @property
    def dropped_reasons(self) -> list[str]:
        """Why grounding dropped each of its drafts."""
        return [dropped.reason for dropped in self.grounding_dropped]


def extract_and_ground(article: ArticleInput, extractor: Extractor) -> GroundedExtraction:
    """Run the extractor and anchor its quotes; raises ExtractionError from the extractor."""
    result = extractor.extract(article)
    grounded = ground_claims(article.text, result.claims)
    return GroundedExtraction(
        result=result,
        claims=grounded.claims,
        grounding_dropped=[DroppedClaim.of(draft, reason) for draft, reason in grounded.dropped],
    )
