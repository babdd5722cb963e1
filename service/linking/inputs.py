"""What the linker is given: articles with their claims, and the names a claim mentions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from schemas.claims import Claim
from service.linking.entity_types import Role


@dataclass(frozen=True)
class ArticleInput:
    """One article with its claims."""

    key: str  # article id as string, or gold file id
    text: str
    published: dt.date | None
    outlet: str | None
    claims: Sequence[tuple[str, Claim]]  # (claim key unique across all articles, claim)


def mention_texts(claim: Claim) -> dict[Role, str]:
    """The claim's names by role: subject, source name and location, when present."""
    names: dict[Role, str | None] = {
        "subject": claim.subject,
        "source": claim.source.name if claim.source else None,
        "location": claim.location,
    }
    return {role: name.strip() for role, name in names.items() if name and name.strip()}
