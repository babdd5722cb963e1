"""Where a claim stands in review, and the rating a fact-checker may give it.

Shared by the claim API (every read says whether its values are reviewed) and the review
API (which sets them).
"""

from __future__ import annotations

from enum import StrEnum


class ReviewStatus(StrEnum):
    """Where a claim stands in review."""

    unreviewed = "unreviewed"
    accepted = "accepted"  # accepted as extracted
    edited = "edited"  # accepted with changes
    rejected = "rejected"
    added = "added"  # written by a reviewer, not extracted


class Rating(StrEnum):
    """A fact-checker's verdict on a claim (schema.org ClaimReview's `alternateName`)."""

    true = "true"
    false = "false"
    misleading = "misleading"
    unverifiable = "unverifiable"
