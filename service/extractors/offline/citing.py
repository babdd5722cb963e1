"""Citing phrases: "citing two aides", "which cited an official who saw it": who is
cited, and every word of the phrase to leave out of the content."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.sources import without_clauses
from service.extractors.offline.tokens import word_set

# What "citing" gives as a ground, not a source: "resigned, citing health reasons".
CITED_GROUNDS = word_set("""
    reason ground concern need lack risk fear problem difficulty pressure circumstance issue
    cost absence failure threat uncertainty tension weather commitment obligation
    """)
# Prepositions that tie a cited person to their body ("officials at the ministry").
_BODY_PREPS = frozenset({"at", "from", "in", "of", "with", "within"})


def citing(tokens: list[Token], zone: set[int]) -> list[Token]:
    """The cited noun phrase of a "citing Y" participle inside the frame zone."""
    for token in tokens:
        if token.lemma_ == "cite" and token.tag_ == "VBG" and token.i in zone:
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj", "attr")]
            if objects and objects[0].lemma_.lower() in CITED_GROUNDS:
                return []
            if objects:
                cited = list(objects[0].subtree)
                # "citing two officials at the ministry": the parser hung the body on "citing"
                cited += next(
                    (
                        list(c.subtree)
                        for c in token.children
                        if c.dep_ == "prep" and c.i == cited[-1].i + 1 and c.lower_ in _BODY_PREPS
                    ),
                    [],
                )
                return without_clauses(cited)
            cited = []
            for following in tokens:
                if following.i <= token.i:
                    continue
                if following.is_punct and following.text != "-":
                    break
                cited.append(following)
            return cited
    return []


CITING_WORDS = frozenset({"cite", "which"})


def cited_after(according: list[Token], tokens: list[Token]) -> list[Token]:
    """ "citing two aides" or "which cited two aides" right after an "according to X,"
    phrase: the citing words and what they cite, or []."""
    position = next((k for k, t in enumerate(tokens) if t.i > according[-1].i), None)
    if position is None:
        return []
    following = tokens[position:]
    if following and following[0].text == ",":
        following = following[1:]
    if len(following) > 2 and following[0].lower_ == "which" and following[1].lemma_ == "cite":
        cited_words = [c for c in following[1].children if c.dep_ == "dobj"]
        if cited_words:  # "according to the broadcaster MTV, which cited Anton Grieg"
            return [following[0], *citing_phrase(following[1])]
    if not following or following[0].lemma_ != "cite" or following[0].tag_ != "VBG":
        return []
    cited = citing(following, {t.i for t in following})
    return citing_phrase(following[0]) if cited else []


def citing_phrase(cite: Token) -> list[Token]:
    """ "citing two dockers at the port who saw it": the participle and all it governs but a
    clause of content, to leave out of the content."""
    ids = {cite.i}
    for child in cite.children:
        if child.dep_ in ("dobj", "pobj", "attr", "prep", "dative"):
            ids.update(t.i for t in child.subtree)
    return [cite.doc[i] for i in sorted(ids)]
