"""Who a document belongs to: "the Harbour Authority's figures", "university figures"."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.body_names import BODY_DESCRIPTIONS
from service.extractors.offline.tokens import verbatim


def document_author(document: Token) -> str:
    """The proper name that a document noun belongs to ("Tarvia Police records",
    "the Harbour Authority's figures"), or "" when there is none."""
    owners = [c for c in document.children if c.dep_ in ("compound", "poss") and c.i < document.i]
    if not owners or owners[-1].pos_ != "PROPN" or owners[-1].ent_type_ in ("DATE", "TIME"):
        return ""  # "Monday's statement", "the March report": a date, no author
    owner = owners[-1]
    words = [t for t in owner.subtree if t.tag_ != "POS" and t.dep_ != "det"]
    if owner.dep_ == "compound":
        words = [t for t in document.subtree if t.i < document.i and t.dep_ != "det"]
    return verbatim(words) if all(t.pos_ in ("PROPN", "ADP", "CCONJ") for t in words) else ""


def described_owner(document: Token) -> Token | None:
    """The description of a body that a document belongs to ("university" figures)."""
    for child in document.children:
        if child.dep_ in ("compound", "poss") and child.lemma_.lower() in BODY_DESCRIPTIONS:
            return child
    return None
