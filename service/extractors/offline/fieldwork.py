"""When a poll or survey was done: its fieldwork dates what it found ("A poll of 800 voters,
conducted from May 2 to 4, put Tarn at 41 percent" holds from May 2 to 4)."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.tokens import word_set

_SURVEY_NOUNS = word_set("poll survey census")
# "conducted/taken/carried out from May 2 to 4"; "which questioned 900 people on May 3"
_PARTICIPLE_VERBS = word_set("conduct take carry field")
_ASKING_VERBS = word_set("question survey poll interview")


def surveyed(participle: Token) -> Token | None:
    """The poll or survey a participle tells the fieldwork of ("a poll of 800 voters,
    conducted ..."), however deep in the noun phrase the parser hung it."""
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return None  # "taken", not "taking their children to school"
    if participle.lemma_.lower() not in _PARTICIPLE_VERBS:
        return None
    noun = participle.head
    for _ in range(4):  # "a poll of 800 voters by Tarn, taken ..." hung on "voters" or "Tarn"
        if noun.lemma_.lower() in _SURVEY_NOUNS:
            return noun
        if noun.dep_ not in ("pobj", "prep") or noun.head.i == noun.i:
            return None
        noun = noun.head
    return None


def fieldwork_of(head: Token) -> Token | None:
    """The clause telling when the subject of `head` did its survey: a participle of a poll
    subject, or "which questioned ..." of a pollster subject."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    for token in subjects[0].subtree:
        if surveyed(token) is not None:
            return token
        asked = token.dep_ == "relcl" and token.lemma_.lower() in _ASKING_VERBS
        if asked and token.head.i == subjects[0].i and _counted_people(token):
            return token  # "X, which questioned 1,500 people in May," is a pollster
    return None


def _counted_people(verb: Token) -> bool:
    """True when the verb's object is a counted sample ("questioned 1,500 people"), as a
    pollster's is, not one person ("questioned the suspect")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and any(t.like_num for t in objects[0].subtree)
