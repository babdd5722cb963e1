"""The body an unnamed speaker works for, told by its name: "a spokesperson for the
authority" -> "a spokesperson for the Tarn Water Authority"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from service.extractors.offline.body_names import BODY_DESCRIPTIONS, is_firm
from service.extractors.offline.body_references import mentioned_body
from service.extractors.offline.references import References
from service.extractors.offline.tokens import article_offset, verbatim


def employer_named(tokens: list[Token], name: str, refs: References) -> str:
    """ "a spokesperson for the authority" -> "a spokesperson for the Tarn Water Authority":
    an unnamed speaker's body, described with "the", told by the name the article gave it."""
    for token in tokens:
        if token.dep_ != "prep" or token.lower_ not in ("for", "at", "of", "from"):
            continue
        body = next((c for c in token.children if c.dep_ == "pobj"), None)
        if body is None or body.lemma_.lower() not in BODY_DESCRIPTIONS:
            continue
        words = [t for t in body.subtree if t.i <= body.i]  # not its ", who asked ..."
        after = body.i + 1 < len(body.doc) and body.doc[body.i + 1] in body.subtree
        set_off = not after or body.doc[body.i + 1].text == ","
        if len(words) != 2 or words[0].lower_ != "the" or not set_off:
            continue
        description, at = body.lemma_.lower(), article_offset(body)
        named = mentioned_body(refs, description, at)
        if named is not None:  # "for Spain's Ministry of Health": no "the" before a country's
            owned = re.match(r"\S+(?:'s|’s)\s", named.name) is not None
            # "at the Tarn Water Agency", "for the Red Cross", but "at Coastal Grid Energy"
            article = "" if owned or is_firm(named.name) else "the "
            return name.replace(verbatim(words), article + named.name, 1)
    return name
