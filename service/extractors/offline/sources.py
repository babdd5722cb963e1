"""Naming sources: a noun phrase into a Source (person names, documents, short forms)."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.references import PRONOUNS, References, person_in
from service.extractors.offline.tokens import entity_of, strip_edges, verbatim, word_set

# Head nouns of sources that identify no individual or organisation.
ANONYMOUS_HEADS = word_set("""
    official source report analyst expert observer diplomat insider person people officer
    authority resident witness agency media outlet lawmaker researcher scientist investigator
    critic commentator member aide staff employee worker insider intelligence
    """)
# Heads of sources that are documents of an organisation ("Johns Hopkins University data").
DOCUMENT_HEADS = word_set("""
    report data record statement figure estimate analysis study survey briefing release
    document assessment account post tally count bulletin update
    """)
# Heads of phrases that report evidence rather than name a source ("Growing indications suggest").
EVIDENCE_HEADS = frozenset({"indication", "sign", "evidence", "signal", "clue", "hint"})


def without_clauses(tokens: list[Token]) -> list[Token]:
    """Drop relative clauses and their commas from a noun phrase."""
    dropped: set[int] = set()
    for token in tokens:
        if token.dep_ in ("relcl", "acl") and token.i not in dropped:
            dropped.update(t.i for t in token.subtree)
    return strip_edges([t for t in tokens if t.i not in dropped])


def phrase_text(tokens: list[Token]) -> str:
    """Verbatim text from the first to the last token."""
    if not tokens:
        return ""
    return verbatim(tokens)


def _head(tokens: list[Token]) -> Token:
    indices = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in indices or token.head.i == token.i:
            return token
    return tokens[-1]


def source_of(tokens: list[Token], refs: References) -> tuple[Source, str] | None:
    """A Source named by a noun phrase, with the phrase's head lemma."""
    tokens = without_clauses(tokens)
    if not tokens:
        return None
    head = _head(tokens)
    lemma = head.lemma_.lower()
    if len(tokens) == 1 and head.lower_ in PRONOUNS:
        earlier = refs.source_for_pronoun(head.lower_, head.idx + _base(head))
        if earlier is not None:
            return earlier, lemma
        return None
    person = person_in(tokens)
    if person is not None:
        return Source(name=refs.full_name(person.text)), lemma
    if lemma in DOCUMENT_HEADS:
        for token in tokens:
            if token.ent_type_ == "ORG" and token.ent_iob_ == "B":
                entity = entity_of(token)
                assert entity is not None  # a token tagged B begins an entity
                return Source(name=refs.expand(entity.text)), lemma
    text = refs.expand(phrase_text(tokens))
    earlier = refs.earlier_source(text, lemma)
    if earlier is not None:
        return earlier, lemma
    anonymous = lemma in ANONYMOUS_HEADS and head.pos_ != "PROPN"
    return Source(name=text, anonymous=anonymous), lemma


def _base(token: Token) -> int:
    return int(token.doc.user_data.get("base", 0))
