"""Who wrote the article's documents: "a preliminary report by the Aviation Safety Office"
makes every "the report said" in the article that office's word (gold README: a
document's author is its source)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from schemas.claims import Source
from service.extractors.offline.references import References
from service.extractors.offline.sources import published_by, source_of
from service.extractors.offline.tokens import article_offset, word_set

# Documents a body writes and the article may refer back to with "the report".
_AUTHORED = word_set("report study survey poll audit review analysis assessment investigation")
# Names of one kind of document: "a poll by X ... according to the same survey".
_KIND = {"poll": "survey"}


def document_kind(lemma: str) -> str:
    """The kind a document noun names, one for "poll" and "survey"."""
    return _KIND.get(lemma, lemma)


def note_document_authors(docs: list[Doc], refs: References) -> None:
    """Remember, per kind of document, the one body the article says wrote it."""
    found: dict[str, set[str]] = {}
    sources: dict[str, Source] = {}
    for doc in docs:
        for noun in doc:
            lemma = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or noun.tag_ != "NN" or lemma not in _AUTHORED:
                continue
            kind = document_kind(lemma)
            owner = [c for c in noun.children if c.dep_ == "poss" or _proper_compound(c)]
            if owner:  # "its own report", "the Tarn Motors report": an author of its own
                found.setdefault(kind, set()).add(" ".join(t.text for t in owner[0].subtree))
                continue
            author = published_by(_written(noun))
            named = source_of(author, refs) if author else None
            if named is None or named[0].anonymous:
                continue
            if kind == "survey":  # "citing the pollster's figures": the latest poll's author
                refs.pollsters.append((article_offset(noun), named[0]))
            found.setdefault(kind, set()).add(named[0].name)
            sources.setdefault(kind, named[0])
    for kind, names in found.items():
        if len(names) == 1 and kind in sources:  # two authors: no telling which one is meant
            for lemma in _AUTHORED:
                if document_kind(lemma) == kind:
                    refs.document_authors[lemma] = sources[kind]


# Participles that tell who wrote a document ("a report published by X"), not who read it.
_WRITING = word_set("publish release issue compile prepare produce write conduct commission")


def _written(noun: Token) -> list[Token]:
    """The document's phrase without participles of reading ("a report seen by the Herald")."""
    dropped = {
        t.i
        for c in noun.children
        if c.dep_ == "acl" and c.lemma_.lower() not in _WRITING
        for t in c.subtree
    }
    return [t for t in noun.subtree if t.i not in dropped]


def _proper_compound(token: Token) -> bool:
    """ "the Tarn Motors report": a name before the document."""
    return token.dep_ == "compound" and token.pos_ == "PROPN"
