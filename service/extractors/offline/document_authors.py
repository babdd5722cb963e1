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
    described: list[tuple[str, Token]] = []  # "the institute's study": whose, told later
    for doc in docs:
        for noun in doc:
            lemma = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or noun.tag_ != "NN" or lemma not in _AUTHORED:
                continue
            kind = document_kind(lemma)
            owner = [c for c in noun.children if c.dep_ == "poss" or _proper_compound(c)]
            if owner and _described(owner[0]):
                described.append((kind, owner[0]))
                continue
            if owner:  # "its own report", "the Tarn Motors report": an author of its own
                found.setdefault(kind, set()).add(" ".join(t.text for t in owner[0].subtree))
                continue
            author = published_by(_written(noun))
            named = source_of(author, refs) if author else None
            writer = _writer(noun)
            if named is None and writer:  # "researchers at the Varn Institute published a study"
                named = source_of(writer, refs)
                if named is None or not _names_a_body(writer, named[0].name):
                    found.setdefault(kind, set()).add(" ".join(t.text for t in writer))
                    continue  # "Tom Vell published a study": a second author, not a source
            elif named is not None and named[0].anonymous:
                named = None
            if named is None:
                continue
            if kind == "survey":  # "citing the pollster's figures": the latest poll's author
                refs.pollsters.append((article_offset(noun), named[0]))
            found.setdefault(kind, set()).add(named[0].name)
            sources.setdefault(kind, named[0])
    for kind, told in described:  # "the institute's study" after the Varn Institute's
        names = found.setdefault(kind, set())
        if not any(told.lower_ in name.lower().split() for name in names):
            names.add(told.text)  # "the government's report": another author
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


def _described(owner: Token) -> bool:
    """ "the institute's": an owner told by a definite description, not by its name."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)
    return owner.pos_ == "NOUN" and owner.text.islower() and definite


def _writer(noun: Token) -> list[Token]:
    """ "researchers at X published a study": the subject of the verb that wrote the
    document, or []."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _WRITING:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return []
    return list(subject.subtree)


def _names_a_body(tokens: list[Token], name: str) -> bool:
    """A writer that is, or works for, a named body and is named by it ("the Varn
    Institute", "researchers at the Varn Institute"), not a person, people unnamed
    ("scientists") or a team a person leads."""
    bodies = [t.text for t in tokens if t.ent_type_ == "ORG"]
    persons = any(t.ent_type_ == "PERSON" for t in tokens)
    return bool(bodies) and not persons and all(word in name for word in bodies)


def _proper_compound(token: Token) -> bool:
    """ "the Tarn Motors report": a name before the document."""
    return token.dep_ == "compound" and token.pos_ == "PROPN"
