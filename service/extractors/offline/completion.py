"""Completion: make a clause split off its sentence stand alone (spec rule 3).

Each rule returns token replacements for the statement (token index -> text) and, where it
names the subject, the subject phrase: a bare number gets the noun it counts ("another
400 have" -> "another 400 volunteers have"), an object-infinitive fragment gets its verb
back ("about 900 to be hired" -> "... are expected to be hired"). Pronouns are resolved in
`pronouns`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from service.extractors.offline.pronouns import plural
from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.quantity_words import CURRENCY_SYMBOLS
from service.extractors.offline.subjects import describing_words
from service.extractors.offline.tokens import join_tokens, owned_tokens, sentence_of

# Verbs taking an object and an infinitive ("expecting 900 to be hired"), with the
# participle that turns the fragment into a passive clause ("are expected to ...").
PARTICIPLES = {
    "anticipate": "anticipated",
    "expect": "expected",
    "estimate": "estimated",
    "believe": "believed",
    "predict": "predicted",
    "project": "projected",
    "forecast": "forecast",
    "report": "reported",
    "consider": "considered",
    "understand": "understood",
    "know": "known",
    "assume": "assumed",
    "suspect": "suspected",
}
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# Roles of a number that heads a list item of its own ("12 injured, 8 in the old town").
_ITEM_DEPS = frozenset({"appos", "conj", "dep"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "advcl", "oprd", "ccomp"})


@dataclass
class Completion:
    """Replacements that complete a statement, and the subject phrase they supply."""

    replacements: dict[int, str] = field(default_factory=dict)
    subject: str | None = None


def _arguments(head: Token, owned: set[int]) -> list[Token]:
    """Subjects and objects of the head, and arguments whose governor lies outside the
    proposition ("expecting [about 900] to be hired")."""
    children = [c for c in head.children if c.dep_ in _ARGUMENT_DEPS and c.i in owned]
    tokens = owned_tokens(head, owned)
    dangling = [
        t for t in tokens if t.dep_ in _ARGUMENT_DEPS and t.head.i not in owned and t.i < head.i
    ]
    items = [t for t in tokens if t.dep_ in _ITEM_DEPS and t.pos_ == "NUM"]
    return children + dangling + items


def _bare_number(head: Token, owned: set[int]) -> Token | None:
    """A number standing alone as subject or object ("another 400 have ...")."""
    for argument in _arguments(head, owned):
        partitive = any(c.lower_ == "of" for c in argument.children)  # "two of the victims"
        age = argument.dep_ == "appos" and argument.head.ent_type_ == "PERSON"  # "Tallis, 28,"
        # "between 29 and 32 percent", "aged 15 and 17": the second number is the first's kind
        ranged = argument.dep_ == "conj" and (
            argument.head.dep_ == "nummod" or argument.head.pos_ == "NUM"
        )
        money = any(c.tag_ == "$" or c.lower_ in CURRENCY_SYMBOLS for c in argument.children)
        if (
            argument.pos_ == "NUM"
            and is_number_token(argument)
            and not (partitive or age or ranged or money)  # "raised £250,000"
        ):
            return argument
    return None


def _counted_earlier(number: Token) -> Token | None:
    """The noun the nearest number before `number` counts, in its sentence or the one
    before ("about 300 volunteers" -> volunteers)."""
    doc = number.doc
    sentence = sentence_of(number)
    start = sentence.start
    if start > 0:
        start = sentence_of(doc[start - 1]).start
    for token in reversed(doc[start : number.i]):
        if token.dep_ != "nummod" or not is_number_token(token):
            continue
        noun = token.head
        if noun.pos_ == "NOUN" and noun.tag_ == "NNS":
            return noun
    return None


def counted_number(head: Token, owned: set[int]) -> Completion:
    """ "another 400 have since joined": the number gets the noun the previous number
    counted."""
    number = _bare_number(head, owned)
    if number is None:
        return Completion()
    noun = _counted_earlier(number)
    if noun is None:
        return Completion()
    phrase = join_tokens(describing_words(noun))
    subject = phrase if number.dep_ != "dobj" or number.head.i != head.i else None
    return Completion({number.i: f"{number.text} {phrase}"}, subject)


def object_infinitive(head: Token, verb: Token | None) -> Completion:
    """ "expecting about 900 to be hired": the fragment "about 900 to be hired" becomes
    "about 900 ... are expected to be hired"."""
    if verb is None or head.head.i != verb.i or head.dep_ not in _COMPLEMENT_DEPS:
        return Completion()
    participle = PARTICIPLES.get(verb.lemma_.lower())
    to = next((c for c in head.children if c.lower_ == "to" and c.dep_ == "aux"), None)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:  # the parser may hang the subject on the verb as its object
        subject = next((c for c in verb.children if c.dep_ == "dobj" and c.i < head.i), None)
    if participle is None or to is None or subject is None or subject.i > to.i:
        return Completion()
    be = "are" if plural(subject) else "is"
    negated = " not" if any(c.dep_ == "neg" for c in verb.children) else ""  # "did not expect"
    return Completion({to.i: f"{be}{negated} {participle} to"})
