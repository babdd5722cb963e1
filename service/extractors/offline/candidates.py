"""Which segments are claim candidates: not questions, greetings, fragments, rhetoric or
remarks about the reporting itself."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.frames import QUESTION_WORDS
from service.extractors.offline.tokens import word_set

# Openers of rhetorical filler and greetings that carry no claim.
FILLER_OPENERS = word_set(
    "thanks thank sorry hey hi hello welcome okay ok well yes no please goodbye"
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def is_claim_candidate(tokens: list[Token]) -> bool:
    """False for questions, greetings, fragments without a verb and other non-claims."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if len(words) < 4 and not _short_statement(words):
        return False
    last = next((t for t in reversed(tokens) if t.text not in ("”", '"', "’", ")")), None)
    if last is not None and last.text == "?":
        return False
    if _filler_opening(words[0]) or words[0].lower_ == "let":
        return False
    if words[0].lower_ == "good" and len(words) > 1 and words[1].lower_ in _GREETING_TIMES:
        return False
    if _about_the_reporting(words):
        return False
    verbal = any(t.pos_ in ("VERB", "AUX") or misread_predicate(t) for t in words)
    return verbal and not _subjectless_opening(words)


def misread_predicate(token: Token) -> bool:
    """True for a verb tagged as a noun ("The PWS forecast storms"): subject and object."""
    deps = {child.dep_ for child in token.children}
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and {"nsubj", "dobj"} <= deps


def _about_the_reporting(words: list[Token]) -> bool:
    """ "X declined to comment", "did not answer requests for comment", "The claim could
    not be independently verified", "(Reporting by ...)": remarks about the reporting itself
    and wire credits, which the spec says are not claims."""
    text = " ".join(t.lower_ for t in words)
    if words[0].lower_ in ("reporting", "editing", "writing") and len(words) > 1:
        return words[1].lower_ == "by"
    if withheld_detail(words):
        return True
    if not any(phrase in text for phrase in REPORTING_REMARKS):
        return False
    # "Rebels killed 40 soldiers, a figure that cannot be independently verified": a remark
    # set off after a clause of its own leaves that clause a claim
    doc = words[0].doc
    for comma in (t for t in doc[words[0].i : words[-1].i] if t.text == ","):
        lead = doc[words[0].i : comma.i]
        tail = " ".join(t.lower_ for t in doc[comma.i + 1 : words[-1].i + 1] if not t.is_punct)
        clause = any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in lead)
        if clause and any(p in tail for p in REPORTING_REMARKS):
            return False
    return True


def withheld_detail(words: list[Token]) -> bool:
    """ "The ministry did not say how many soldiers were involved", "He did not give a toll",
    "declined to say whether": what a source left untold, a remark about the reporting."""
    ids = {t.i for t in words}
    roots = [
        t
        for t in words
        if (t.head.i == t.i or t.head.i not in ids) and t.dep_ not in ("cc", "punct", "mark")
    ]
    if len(roots) != 1:
        return False
    verb = roots[0]
    declined = [
        c
        for c in verb.children
        if verb.lemma_.lower() in ("decline", "refuse") and c.dep_ == "xcomp"
    ]
    if declined:  # "declined to say whether rates would rise"
        verb = declined[0]
    if verb.lemma_.lower() not in _WITHHOLDING_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    nobody = any(
        s.lower_ in ("neither", "none", "nobody") or any(d.lower_ == "neither" for d in s.children)
        for s in subjects
    )  # "Neither government has said whether ..."
    if not (declined or nobody or any(c.dep_ == "neg" for c in verb.children)):
        return False
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.left_edge.lower_ in QUESTION_WORDS:
            return True
        if child.dep_ == "dobj" and child.lower_ in _WITHHELD_DETAILS:
            return True
    return False


def set_off_remark(tokens: list[Token]) -> bool:
    """True for a relative clause that only remarks on the reporting (", which cannot be
    independently confirmed", ", who is not authorized to discuss the talks")."""
    text = " ".join(t.lower_ for t in tokens if not t.is_punct)
    return any(phrase in text for phrase in (*REPORTING_REMARKS, *_ANONYMITY_REMARKS))


# Why a source is unnamed, told in a relative clause ("who is not authorized to discuss").
_ANONYMITY_REMARKS = (
    "authorised to speak",
    "authorized to speak",
    "authorised to discuss",
    "authorized to discuss",
    "not to be named",
    "not to be identified",
    "condition of anonymity",
)


# Word sequences that only occur in remarks about the reporting.
REPORTING_REMARKS = (
    "declined to comment",
    "declined to elaborate",
    "request for comment",
    "requests for comment",
    "be reached for comment",
    "not be independently verified",
    "not independently verify",
    "not independently confirm",
    "not be independently confirmed",
    "unable to independently",
    "independently verify the",
    "be independently verified",
    "be independently confirmed",
)

_WITHHOLDING_VERBS = frozenset({"say", "specify", "disclose", "give", "provide", "reveal"})
_WITHHELD_DETAILS = frozenset(
    {"toll", "detail", "details", "figure", "figures", "breakdown", "number", "timeline"}
)


def _filler_opening(first: Token) -> bool:
    """ "Thanks for ...", "No, ...", "Well, ...": but not "No deaths were reported"."""
    if first.lower_ not in FILLER_OPENERS:
        return False
    if first.lower_ in _ANSWER_WORDS:
        following = first.nbor() if first.i + 1 < len(first.doc) else None
        return following is None or following.is_punct
    return True


_ANSWER_WORDS = frozenset({"no", "yes", "well", "okay", "ok"})


def _short_statement(words: list[Token]) -> bool:
    """ "She was 88.", "Nine died.": a subject, a verb and a number are a claim however short."""
    return (
        len(words) >= 2
        # a name opening it is its subject, however the parser hung it ("Tasco has 1,105")
        and (any(t.dep_ in _SUBJECT_DEPS for t in words) or words[0].pos_ == "PROPN")
        and any(t.pos_ in ("VERB", "AUX") for t in words)
        and any(t.pos_ == "NUM" or t.like_num for t in words)
    )


def _subjectless_opening(words: list[Token]) -> bool:
    """ "Had some technical difficulties here.": a chatty fragment with the subject dropped."""
    first = words[0]
    return (
        first.dep_ == "ROOT"
        and first.tag_ in ("VBD", "VBZ", "VBP")
        and not any(child.dep_ in _SUBJECT_DEPS for child in first.children)
    )


_GREETING_TIMES = frozenset({"morning", "afternoon", "evening", "day"})
