"""Claims as schema.org JSON-LD: `Claim` for every claim, `ClaimReview` for rated ones.

A Claim's `text` (and `name`) is its statement, `author` the claim's source (a Person or an
Organization, by a guess from the name), `appearance` and `firstAppearance` the article (a
NewsArticle with its url, headline, datePublished and the outlet as publisher), `about`
the subject. A rated claim also gets a ClaimReview (`claimReviewed`, `itemReviewed` the
Claim, `reviewRating` with the rating as `alternateName` and the note as
`ratingExplanation`, `author` the reviewer): the markup fact-checkers publish.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from schemas.api import ClaimPublic
from schemas.claims import Source
from service.exports.annotation import article_iri, claim_iri
from service.linking.entity_types import entity_type
from service.models import Article

SCHEMA_CONTEXT = "https://schema.org"


def _agent(source: Source) -> dict[str, Any]:
    """A claim's source as a schema.org Person or Organization."""
    kind = "Person" if entity_type(source.name, "source") == "person" else "Organization"
    return {"@type": kind, "name": source.name}


def article_node(article_id: int, article: Article | None) -> dict[str, Any]:
    """The article a claim appears in, as a NewsArticle."""
    node: dict[str, Any] = {"@type": "NewsArticle", "@id": article_iri(article_id, article)}
    if article is None:
        return node
    if article.url:
        node["url"] = article.url
    if article.title:
        node["headline"] = article.title
    if article.published:
        node["datePublished"] = article.published.isoformat()
    if article.outlet:
        node["publisher"] = {"@type": "Organization", "name": article.outlet}
    return node


def claim_node(claim: ClaimPublic, article: Article | None) -> dict[str, Any]:
    """One claim as a schema.org Claim."""
    appearance = article_node(claim.article_id, article)
    node: dict[str, Any] = {
        "@type": "Claim",
        "@id": claim_iri(claim.id),
        "identifier": str(claim.id),
        "text": claim.statement,
        "name": claim.statement,
        "about": {"@type": "Thing", "name": claim.subject},
        "appearance": appearance,
        "firstAppearance": {"@id": appearance["@id"]},
    }
    if claim.source is not None:
        node["author"] = _agent(claim.source)
    if article is not None and article.published:
        node["datePublished"] = article.published.isoformat()
    return node


def claim_review_node(claim: ClaimPublic) -> dict[str, Any] | None:
    """A rated claim's ClaimReview; None when the claim has no rating."""
    if claim.rating is None:
        return None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.rating.value}
    if claim.rating_note:
        rating["ratingExplanation"] = claim.rating_note
    node: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"{claim_iri(claim.id)}:review",
        "claimReviewed": claim.statement,
        "itemReviewed": {"@id": claim_iri(claim.id)},
        "reviewRating": rating,
    }
    if claim.rated_by:
        node["author"] = {"@type": "Person", "name": claim.rated_by}
    if claim.rated_at:
        node["datePublished"] = claim.rated_at.date().isoformat()
    return node


def claims_graph(claims: Iterable[ClaimPublic], articles: Mapping[int, Article]) -> dict[str, Any]:
    """A JSON-LD document: every claim as a Claim, and a ClaimReview for each rated one."""
    graph: list[dict[str, Any]] = []
    for claim in claims:
        graph.append(claim_node(claim, articles.get(claim.article_id)))
        review = claim_review_node(claim)
        if review is not None:
            graph.append(review)
    return {"@context": SCHEMA_CONTEXT, "@graph": graph}
