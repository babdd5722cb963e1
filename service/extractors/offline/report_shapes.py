"""Report shapes the small parser gets wrong: a court that "heard", a speaker hung under a
noun or a quote, a report set off by commas mid-sentence, a quotation resumed after its
attribution, a trailing report parsed as the content's complement."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.frames import REPORTING_VERBS, Frame
from service.extractors.offline.references import References
from service.extractors.offline.segmentation import long_enough
from service.extractors.offline.sources import source_of
from service.extractors.offline.tokens import strip_edges


def hearing(verb: Token) -> bool:
    """True for "the court heard": a court or inquiry hearing is told something."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lemma_.lower() in HEARING_BODIES


HEARING_BODIES = frozenset({"court", "inquest", "tribunal", "hearing", "jury", "inquiry"})


def speaker_clause(verb: Token) -> bool:
    """A past reporting verb the parser hung under the sentence's root noun, its speaker."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBD" and head.dep_ == "ROOT" and head.i < verb.i


def after_quote(verb: Token) -> bool:
    """ "P," Unity leader Sara Holm told supporters: parsed as a relative clause on P."""
    before = verb.left_edge.i - 1
    has_subject = any(child.dep_ == "nsubj" for child in verb.children)
    return verb.dep_ == "relcl" and has_subject and before >= 0 and verb.doc[before].is_quote


def trailing_report(clause: Token) -> bool:
    """A reporting clause with its own subject set off by a comma after its content."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i else clause
    has_subject = any(child.dep_ == "nsubj" for child in clause.children)
    reporting = clause.lemma_.lower() in REPORTING_VERBS and clause.pos_ == "VERB"
    return reporting and has_subject and before.text == ","


def interjected(verb: Token, tokens: list[Token], refs: References) -> Frame | None:
    """ "The toll, officials said, rose to 40": a report set off by commas mid-sentence."""
    doc = verb.doc
    words = [t for t in verb.subtree if not t.is_punct]
    left, right = words[0].i - 1, words[-1].i + 1
    if verb.dep_ != "parataxis" or left < 0 or right >= len(doc):
        return None
    if doc[left].text != "," or doc[right].text != ",":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    named = source_of([t for t in subject.subtree], refs)
    content = strip_edges([t for t in tokens if not left <= t.i <= right])
    if named is None or not long_enough(content):
        return None
    nouns = frozenset(t.lemma_.lower() for t in subject.subtree if t.pos_ in ("NOUN", "PROPN"))
    plural = subject.tag_ in ("NNS", "NNPS")
    return Frame(
        source=named[0], content=content, verb=verb, head_lemma=named[1], plural=plural, words=nouns
    )


def resumed_quote(verb: Token, tokens: list[Token]) -> list[Token]:
    """'"We will rebuild," she said, "and we will do it fast."': the quotation's second
    half, after the attribution."""
    ids = {t.i for t in tokens}
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.i > verb.i and child.i in ids:
            opener = verb.doc[child.left_edge.i - 1] if child.left_edge.i else child
            if opener.is_quote:
                return [t for t in child.subtree if t.i in ids]
    return []
