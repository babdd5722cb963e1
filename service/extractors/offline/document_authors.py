"""Who wrote the article's documents: "a preliminary report by the Aviation Safety Office"
makes every "the report said" in the article that office's word (gold README: a
document's author is its source)."""

from __future__ import annotations

from spacy.tokens import Doc

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
            author = published_by(list(noun.subtree))
            named = source_of(author, refs) if author else None
            if named is None or named[0].anonymous:
                continue
            kind = document_kind(lemma)
            if kind == "survey":  # "citing the pollster's figures": the latest poll's author
                refs.pollsters.append((article_offset(noun), named[0]))
            found.setdefault(kind, set()).add(named[0].name)
            sources.setdefault(kind, named[0])
    for kind, names in found.items():
        if len(names) == 1:  # two authors of "a report": no telling which one is meant
            for lemma in _AUTHORED:
                if document_kind(lemma) == kind:
                    refs.document_authors[lemma] = sources[kind]
