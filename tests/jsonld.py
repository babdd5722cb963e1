"""Expand JSON-LD offline: pyld gets a loader serving the vendored contexts in
tests/fixtures/jsonld (see its README) and refusing every other URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyld import jsonld
from pyld.documentloader.frozen import FrozenDocumentLoader

CONTEXTS = Path(__file__).parent / "fixtures" / "jsonld"
SCHEMA_ORG = CONTEXTS / "schemaorg-context.jsonld"
DOCUMENTS: dict[str, dict[str, Any] | Path] = {
    "http://www.w3.org/ns/anno.jsonld": CONTEXTS / "anno.jsonld",
    "https://schema.org": SCHEMA_ORG,
    "https://schema.org/": SCHEMA_ORG,
    "http://schema.org": SCHEMA_ORG,
    "http://schema.org/": SCHEMA_ORG,
}

OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SCHEMA = "http://schema.org/"


def offline_loader() -> FrozenDocumentLoader:
    """A pyld document loader that serves only the vendored contexts."""
    return FrozenDocumentLoader(documents=DOCUMENTS)


def expand(document: Any) -> list[dict[str, Any]]:
    """The expanded form of a JSON-LD document, contexts read from the fixtures."""
    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": offline_loader()})
    return expanded


def flatten(document: Any) -> list[dict[str, Any]]:
    """Every node of a JSON-LD document, flattened (nested nodes get their own entry)."""
    flat = jsonld.flatten(document, None, {"documentLoader": offline_loader()})
    nodes: list[dict[str, Any]] = flat["@graph"] if isinstance(flat, dict) else flat
    return nodes
