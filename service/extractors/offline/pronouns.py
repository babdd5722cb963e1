"""Pronouns: what a pronoun subject (or possessive) refers to, where grammar makes it
reliable (spec rule 3: "He" -> "Tor Vik").

"Chile said it would sign": the reporting subject. "I" in reported speech: the
speaker. "It" in a later clause: the sentence's main subject when that is a named thing.
"He"/"they" otherwise: the most recent person or plural phrase (`References`).
"""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.channels import OUTLET_WORDS
from service.extractors.offline.kinds import LINKING_VERBS
from service.extractors.offline.person_words import (
    BODY_INTRODUCERS,
    FEMALE_WORDS,
    FIRM_ENDINGS,
    MALE_WORDS,
)
from service.extractors.offline.references import PRONOUNS, References
from service.extractors.offline.subjects import noun_phrase
from service.extractors.offline.tokens import article_offset, join_tokens, sentence_of

# Possessive pronouns resolved like their personal pronoun ("their role" -> "they").
POSSESSIVE_PRONOUNS = {"their": "they", "his": "he", "her": "she"}
_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "xcomp"})
_NAMED_ENTITIES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW"})


def plural(token: Token) -> bool:
    """Plural noun, number above one, or "X and Y" (not "the ILO, or the labour agency")."""
    if token.tag_ in ("NNS", "NNPS"):
        return True
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in token.children)
    if joined and any(c.dep_ == "conj" for c in token.children):
        return True
    return token.pos_ == "NUM" and token.lower_ not in ("one", "1")


def mention(noun: Token) -> str:
    """How a statement names an antecedent: its words up to the head, determiner kept
    lower-case, appositives and clauses left out ("the Lenn valley")."""
    words = [
        t
        for t in noun.subtree
        if t.i <= noun.i and not t.is_punct and not any(a.dep_ == "appos" for a in _path(t, noun))
    ]
    text = join_tokens(words)
    first = words[0] if words else noun
    if first.dep_ == "det" and first.lower_ in ("the", "a", "an"):
        text = first.lower_ + text[len(first.text) :]
    return text


def _path(token: Token, top: Token) -> list[Token]:
    chain = []
    while token.i != top.i and token.head.i != token.i:
        chain.append(token)
        token = token.head
    return chain


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Number and person agreement between a pronoun and a candidate antecedent."""
    word = pronoun.lower_
    person = noun.ent_type_ == "PERSON"
    if word in ("he", "she"):
        other = FEMALE_WORDS if word == "he" else MALE_WORDS
        return person and not any(t.lower_ in other for t in noun.subtree)
    if word == "they":
        return plural(noun) and not person
    if word != "it" or plural(noun):
        return False
    return not person or _described_as_thing(noun)


def _described_as_thing(noun: Token) -> bool:
    """ "Yesilova Tekstil, which employs 650 people": a name the tagger took for a person is
    a thing when a "which" clause describes it."""
    return any(
        c.dep_ == "relcl" and any(w.lower_ == "which" and w.head.i == c.i for w in c.children)
        for c in noun.children
    )


def _plural_firm(pronoun: Token, head: Token, noun: Token) -> bool:
    """ "Corvalen Systems said it would cut jobs": a firm whose name ends in a plural firm
    word is one thing, which "it" takes up; not before a linking verb ("it was a difficult
    decision", "it remains unclear whether": that "it" is most often the thing judged)."""
    firm = noun.tag_ == "NNPS" and noun.ent_type_ == "ORG" and noun.lower_ in FIRM_ENDINGS
    passive = any(c.dep_ == "auxpass" for c in head.children)
    linking = head.lemma_.lower() in _LINKING_VERBS and not passive
    return pronoun.lower_ == "it" and firm and not linking


_LINKING_VERBS = LINKING_VERBS | {"be", "remain", "become"}


def _reporter(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return subject


def _reported_clause(head: Token, verb: Token) -> bool:
    """True when `head` is the reported clause of `verb` (or a conjunct of it)."""
    token = head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.head.i == verb.i and token.dep_ in ("ccomp", "parataxis"):
        return True
    return _statement_content(token, verb)


def _statement_content(clause: Token, verb: Token) -> bool:
    """ "said in its filing that the bank would appeal": the clause tells what the filing
    (a noun the reporting verb governs through a preposition) says."""
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    if clause.dep_ != "acl" or not marked:
        return False
    noun = clause.head
    preposition = noun.head
    return noun.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.head.i == verb.i


def reporter_pronoun(subject: Token, head: Token, verb: Token | None, refs: References) -> str:
    """ "Chile said it would sign": a pronoun subject of the reported clause
    that agrees with the reporting subject refers to it. Returns "" when it does not."""
    if verb is None or subject.lower_ not in ("it", "they", "he", "she"):
        return ""
    reporter = _reporter(verb)
    if reporter is None or not _reported_clause(head, verb):
        return ""
    missed_name = _untagged_name(subject, reporter)
    if not (_agrees(subject, reporter) or missed_name or _plural_firm(subject, head, reporter)):
        return ""
    if reporter.i > subject.i:  # "It's an assault rifle, the minister said": not cataphoric
        return ""
    if reporter.ent_type_ == "PERSON" or missed_name:
        return noun_phrase(reporter, refs)  # the full name
    return mention(_set_off_name(reporter) or reporter)


def _set_off_name(noun: Token) -> Token | None:
    """ "The mine's operator, Tarn Minerals,": the name set off by commas after a
    description (not a bracketed short form, not a person beside a body)."""
    for child in noun.children:
        named = child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ != "PERSON"
        start = child.left_edge.i
        if named and start > 0 and noun.doc[start - 1].text == ",":
            return child
    return None


def _untagged_name(pronoun: Token, reporter: Token) -> bool:
    """ "Holt said she would appeal": a name the tagger did not call a person is one when
    "he"/"she" takes it up (a place or outlet would be "it")."""
    if pronoun.lower_ not in ("he", "she") or reporter.ent_type_ == "PERSON":
        return False
    words = list(reporter.subtree)
    described = any(t.lower_ in BODY_INTRODUCERS for t in words)  # "Broadcaster Canal Centru"
    names = all(t.pos_ == "PROPN" for t in words) and not described
    return names and reporter.lower_ not in OUTLET_WORDS


def expletive(subject: Token) -> bool:
    """ "It remains unclear what ...", "it is likely that ...": an "it" with no referent."""
    head = subject.head
    holders = [head, *(c for c in head.children if c.dep_ in ("acomp", "attr"))]
    return any(
        child.dep_ in _CLAUSE_DEPS and child.i > head.i
        for holder in holders
        for child in holder.children
    )


def named_antecedent(subject: Token, candidate: Token | None, refs: References) -> str:
    """ "Peru left the union, but it still belongs to the treaty": "it" takes the main
    subject of the sentence (or of the sentence before) when that is a named, non-person
    thing of the same number. Returns "" when the rules cannot tell."""
    if subject.lower_ != "it" or candidate is None or expletive(subject):
        return ""
    phrase = [t for t in candidate.subtree if t.i <= candidate.i]
    named = any(t.ent_type_ in _NAMED_ENTITIES or t.pos_ == "PROPN" for t in phrase)
    if not named or candidate.pos_ == "PRON" or not _agrees(subject, candidate):
        return ""
    return mention(candidate)


def possessive(head: Token, owned: set[int], refs: References) -> tuple[int, str] | None:
    """ "Their exact role remains unclear": the subject's possessive pronoun and what it
    refers to (token index, antecedent), or None."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i not in owned:
        return None
    pronoun = next(
        (c for c in subject.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS),
        None,
    )
    if pronoun is None:
        return None
    offset = article_offset(pronoun)
    antecedent = refs.antecedent(POSSESSIVE_PRONOUNS[pronoun.lower_], offset)
    return (pronoun.i, antecedent) if antecedent else None


class PronounResolver:
    """Resolves pronoun subjects claim by claim, remembering each sentence's main subject."""

    def __init__(self, refs: References) -> None:
        self.refs = refs
        # the subject of each sentence's first claim, keyed by (block offset, sentence start)
        self.main_subjects: dict[tuple[int, int], Token] = {}

    def note_subject(self, token: Token) -> None:
        """Remember a claim's subject token (the first one per sentence is its main one)."""
        base = int(token.doc.user_data.get("base", 0))
        self.main_subjects.setdefault((base, sentence_of(token).start), token)

    def resolve(
        self, subject: Token, head: Token, verb: Token | None, source: Source | None
    ) -> str | None:
        """What a pronoun subject refers to, or None when the rules cannot tell."""
        reporter = reporter_pronoun(subject, head, verb, self.refs)
        if reporter:
            return reporter
        if subject.lower_ == "i" and source is not None and self.is_person(source.name):
            return source.name
        repeated = verb is not None and self._same_pronoun(subject, head, verb)
        if repeated and source is not None and self.is_person(source.name):
            return source.name  # "He added that he would stay": the speaker
        if subject.lower_ == "it":
            candidate = self._main_subject_before(subject)
            return named_antecedent(subject, candidate, self.refs) or None
        if subject.lower_ not in PRONOUNS:
            return None
        offset = article_offset(subject)
        return self.refs.antecedent(subject.lower_, offset)

    @staticmethod
    def _same_pronoun(subject: Token, head: Token, verb: Token) -> bool:
        """ "He said he ...": the reported clause's pronoun repeats the reporting one."""
        reporter = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        repeated = reporter is not None and reporter.lower_ == subject.lower_
        return repeated and subject.lower_ in ("he", "she") and _reported_clause(head, verb)

    def is_person(self, name: str) -> bool:
        """True when the name is a person the article names."""
        return any(name in (full, self.refs.full_name(full)) for _, full in self.refs.persons)

    def _main_subject_before(self, pronoun: Token) -> Token | None:
        """The first claim's subject in the pronoun's sentence, or else in the sentence
        before it (same block)."""
        base = int(pronoun.doc.user_data.get("base", 0))
        sentence = sentence_of(pronoun)
        here = self.main_subjects.get((base, sentence.start))
        if here is not None and here.i < pronoun.i:
            return here
        if sentence.start == 0:
            return None
        previous = sentence_of(pronoun.doc[sentence.start - 1])
        return self.main_subjects.get((base, previous.start))
