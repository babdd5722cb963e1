"""Evidence as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).

One annotation per evidence span: its body the claim's statement (motivation
`describing`), its target the article with two selectors, a TextQuoteSelector (the
verbatim quote with up to QUOTE_CONTEXT_CHARS characters of text either side) and a
TextPositionSelector (character offsets, counted in Unicode code points, into the text
claimkit stored). The target's source is the article's URL when it has one, else
`urn:claimkit:article:{id}`: a client anchoring on the live page uses the quote, the
offsets hold for the stored text. A list is an AnnotationCollection with one page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from schemas.api import ClaimPublic
from service.exports.formats import ANNOTATION_PROFILE
from service.models import Article

ANNOTATION_CONTEXT = ANNOTATION_PROFILE  # http://www.w3.org/ns/anno.jsonld
QUOTE_CONTEXT_CHARS = 32


def article_iri(article_id: int, article: Article | None) -> str:
    """The IRI that names an article: its URL when known, else a claimkit URN."""
    if article is not None and article.url:
        return article.url
    return f"urn:claimkit:article:{article_id}"


def claim_iri(claim_id: int) -> str:
    """The IRI that names a claim."""
    return f"urn:claimkit:claim:{claim_id}"


def _quote_selector(text: str | None, start: int, end: int, exact: str) -> dict[str, Any]:
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": exact}
    if text is not None:
        prefix = text[max(0, start - QUOTE_CONTEXT_CHARS) : start]
        suffix = text[end : end + QUOTE_CONTEXT_CHARS]
        if prefix:
            selector["prefix"] = prefix
        if suffix:
            selector["suffix"] = suffix
    return selector


def evidence_annotations(claim: ClaimPublic, article: Article | None) -> list[dict[str, Any]]:
    """One annotation per evidence span of the claim (without @context)."""
    text = article.text if article is not None else None
    source = article_iri(claim.article_id, article)
    annotations = []
    for index, span in enumerate(claim.evidence):
        annotations.append(
            {
                "id": f"{claim_iri(claim.id)}:evidence:{index}",
                "type": "Annotation",
                "motivation": "describing",
                "body": {
                    "type": "TextualBody",
                    "value": claim.statement,
                    "format": "text/plain",
                    "purpose": "describing",
                },
                "target": {
                    "type": "SpecificResource",
                    "source": source,
                    "selector": [
                        _quote_selector(text, span.start, span.end, span.text),
                        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                    ],
                },
            }
        )
    return annotations


def annotation_collection(
    claims: Iterable[ClaimPublic], articles: Mapping[int, Article], *, collection_id: str
) -> dict[str, Any]:
    """The claims' evidence as an AnnotationCollection holding one AnnotationPage."""
    items = [
        annotation
        for claim in claims
        for annotation in evidence_annotations(claim, articles.get(claim.article_id))
    ]
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "claimkit claim evidence",
        "total": len(items),
        "first": {
            "id": f"{collection_id}#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
