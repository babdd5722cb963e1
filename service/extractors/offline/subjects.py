"""Subject: the main entity a proposition is about, as a short noun phrase."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.body_names import BODY_DESCRIPTIONS
from service.extractors.offline.body_references import described_body
from service.extractors.offline.references import References
from service.extractors.offline.tokens import (
    article_offset,
    entities_among,
    entity_of,
    join_tokens,
    sentence_of,
    word_set,
)

# Heads that name a share or count of something: the subject is what they count
# ("12 percent of exports" -> "exports", "thousands of fans" -> "fans").
PARTITIVES = word_set("""
    number total percent % share majority minority rest part half most proportion fraction
    thousand hundred million dozen ten score all some many none each any both either
    one two three four five six seven eight nine
    """)
# Adjectives that quantify rather than describe ("many transactions", "several thousand").
QUANTIFYING_ADJECTIVES = word_set("many several numerous various few additional more other")
# Nouns of evidence whose that-clause is what the proposition is about
# ("there is evidence that the ship is in port").
EVIDENCE_NOUNS = word_set("evidence indication sign proof information intelligence")
# Verbs whose object, not their subject (the source), is what a recording or interpreting
# claim is about ("the observatory recorded 90 tremors" -> "tremors").
OBJECT_TOPIC_VERBS = word_set("record register tally count interpret attribute estimate")
# Personal pronouns that never serve as a subject phrase ("we", "I" unresolved).
PERSONAL_PRONOUNS = word_set("i me we us you they them he him she her it this that these those")
# Entities that are amounts or times, never the entity a claim is about.
NUMERIC_ENTITIES = frozenset(
    {"CARDINAL", "DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
)
# Entities that name an actor: a passive's agent of this kind is what the claim is about.
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_DROPPED_IN_SUBJECT = frozenset(
    {"det", "nummod", "quantmod", "predet", "punct", "case", "poss", "advmod", "prep", "cc", "neg"}
)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "xcomp", "acl", "relcl", "advcl"})


def subject_token(head: Token) -> Token | None:
    """The grammatical subject of the predicate ("there is X" -> X)."""
    token: Token | None = head
    for _ in range(4):
        if token is None:
            break
        for child in token.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
            if child.dep_ == "expl":
                objects = [c for c in token.children if c.dep_ in ("attr", "dobj")]
                return objects[0] if objects else None
        token = token.head if token.dep_ in ("conj", "xcomp", "relcl") else None
    return None


def _clean_entity(text: str) -> str:
    """An entity's text without a leading "the", a possessive or an unclosed bracket."""
    if text.lower().startswith("the "):
        text = text[4:]
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")]
    return text.strip().removesuffix("’s").removesuffix("'s")


def entity_text(token: Token, refs: References) -> str | None:
    """The named entity a token belongs to (full person names), unless it is an amount."""
    if not token.ent_type_ or token.ent_type_ in NUMERIC_ENTITIES:
        return None
    entity = entity_of(token)
    if entity is None:
        return None
    if entity.label_ == "PERSON":
        return refs.full_name(entity.text)
    return _clean_entity(entity.text) or None


def _of_object(noun: Token, kinds: tuple[str, ...] = ("NOUN", "PROPN", "PRON")) -> Token | None:
    for child in noun.children:
        if child.lower_ == "of" and child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in kinds:
                return objects[0]
    return None


def describing_words(noun: Token) -> list[Token]:
    """The noun and the words before it that describe it (not determiners or numbers)."""
    words: list[Token] = []
    dropped: set[int] = set()
    for token in noun.subtree:
        if token.i > noun.i:
            break
        if token.text == "(":
            dropped.update(t.i for t in noun.doc[token.i : noun.i] if t.i <= _closing(token))
        hyphen = token.tag_ == "HYPH"
        if token.i in dropped or (token.dep_ in _DROPPED_IN_SUBJECT and not hyphen):
            dropped.update(t.i for t in token.subtree)
            continue
        if (token.pos_ in ("NUM", "PRON", "PUNCT") and not hyphen) or token.head.pos_ == "NUM":
            continue
        if token.i != noun.i and any(t.pos_ == "NUM" for t in token.subtree):
            continue  # "9,000-strong"
        if token.lower_ in QUANTIFYING_ADJECTIVES and token.i != noun.i:
            continue
        words.append(token)
    return _whole_names(_joined_hyphens(words), noun)


def _joined_hyphens(words: list[Token]) -> list[Token]:
    """Hyphens only where they join two kept words ("third-party", not "- special")."""
    kept = {t.i for t in words}
    return [t for t in words if t.tag_ != "HYPH" or (t.i - 1 in kept and t.i + 1 in kept)]


def _whole_names(words: list[Token], noun: Token) -> list[Token]:
    """A name cut by the parse keeps all its words and its possessive ("Ana Maria Ruiz's
    decision", not "Ana Maria decision")."""
    doc = noun.doc
    indices = {t.i for t in words}
    for entity in entities_among(words):
        if entity.label_ in NUMERIC_ENTITIES or entity.end > noun.i:
            continue
        indices.update(range(entity.start, entity.end))
        after = doc[entity.end] if entity.end < noun.i else None
        if after is not None and after.tag_ == "POS":
            indices.add(after.i)
    return [doc[i] for i in sorted(indices)]


def _closing(opening: Token) -> int:
    """Index of the bracket closing `opening` (or of the last token of the sentence)."""
    for token in opening.doc[opening.i : sentence_of(opening).end]:
        if token.text == ")":
            return token.i
    return sentence_of(opening).end - 1


def noun_phrase(noun: Token, refs: References, *, complement: bool = True) -> str:
    """A short form of the noun phrase headed by `noun` ("Several hundred Chilean
    fishermen" -> "Chilean fishermen"; "12 percent of Chilean exports" -> "Chilean exports";
    "the arrival of the relief convoy" -> "arrival of relief convoy")."""
    partitive = noun.lemma_.lower() in PARTITIVES or noun.lower_ in PARTITIVES
    if partitive or noun.pos_ == "NUM":  # "one of the deceased", "two of the victims"
        counted = _of_object(noun, ("NOUN", "PROPN", "ADJ", "VERB"))
        if counted is not None:
            return noun_phrase(counted, refs, complement=complement)
    counted = _of_object(noun)
    entity = entity_text(noun, refs)
    if entity and noun.ent_type_ != "NORP":
        return entity
    if noun.pos_ == "PROPN" and not any(c.dep_ == "compound" for c in noun.children):
        full = refs.full_name(noun.text)  # "Vik" -> "Tor Vik"
        if full != noun.text:
            return full
    for child in noun.children:
        if child.dep_ == "appos" and child.ent_type_ in ACTOR_ENTITIES:
            return entity_text(child, refs) or child.text  # "our adviser, Ana Ruiz"
    phrase = join_tokens(describing_words(noun)) or noun.text
    if complement and counted is not None and counted.pos_ != "PRON":
        phrase += " of " + noun_phrase(counted, refs, complement=False)
    return phrase


def _with_conjuncts(noun: Token, refs: References) -> str:
    """ "Ana Ruiz and Tor Vik": coordinated names keep every member."""
    phrases = [noun_phrase(noun, refs)]
    if noun.ent_type_ in ACTOR_ENTITIES:
        phrases.extend(
            noun_phrase(c, refs)
            for c in noun.children
            if c.dep_ == "conj" and c.ent_type_ in ACTOR_ENTITIES
        )
    return " and ".join(dict.fromkeys(phrases))


def _object_topic(head: Token, refs: References) -> str | None:
    """ "The observatory recorded 90 tremors": the recorded thing, not the recorder."""
    if head.lemma_.lower() not in OBJECT_TOPIC_VERBS:
        return None
    for child in head.children:
        if child.dep_ == "dobj" and child.lower_ not in PERSONAL_PRONOUNS:
            return noun_phrase(child, refs)
    return None


def _extraposed_subject(head: Token, refs: References) -> str | None:
    """ "It remains unclear what role the envoys will play" -> "envoys"."""
    for child in head.children:
        if child.dep_ in ("ccomp", "csubj") and child.i > head.i:
            inner = subject_token(child)
            if inner is not None and inner.pos_ != "PRON":
                return noun_phrase(inner, refs)
    return None


def _evidence_clause_subject(noun: Token, refs: References) -> str | None:
    """ "There is evidence that the ship is in port" -> "ship"."""
    if noun.lemma_.lower() not in EVIDENCE_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ in _CLAUSE_DEPS:
            inner = subject_token(child)
            if inner is not None and inner.pos_ != "PRON" and inner.lower_ != "that":
                return noun_phrase(inner, refs)
    return None


def _agent(head: Token) -> Token | None:
    """The named actor of a passive ("was backed by union officials" -> officials)."""
    if not any(child.dep_ == "auxpass" for child in head.children):
        return None
    for child in head.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and any(t.ent_type_ in ACTOR_ENTITIES for t in objects[0].subtree):
                return objects[0]
    return None


def _without_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in ("the", "a", "an") and rest else text


def subject_of(
    head: Token, refs: References, replacement: str | None = None, *, reported: bool = False
) -> str | None:
    """The main entity the proposition is about, as a short noun phrase; None when the
    subject is a pronoun the rules could not resolve, a number or a date. `reported`: the
    clause is its own report ("The observatory recorded 90 tremors"), its subject the source."""
    if replacement:
        return _without_determiner(replacement)
    subject = subject_token(head)
    if subject is None:
        return noun_phrase(head, refs) if head.pos_ in ("NOUN", "PROPN") else None
    if reported and (topic := _object_topic(head, refs)):
        return topic
    if subject.lower_ == "it" and subject.dep_ == "nsubj":
        return _extraposed_subject(subject.head, refs)
    if subject.lower_ in PERSONAL_PRONOUNS or subject.lower_ in ("who", "which"):
        return None
    agent = _agent(subject.head)
    if agent is not None and not (subject.ent_type_ in ACTOR_ENTITIES or subject.pos_ == "PROPN"):
        return _with_conjuncts(agent, refs)
    if subject.ent_type_ in ("DATE", "TIME"):
        return None
    phrase = _evidence_clause_subject(subject, refs) or _with_conjuncts(subject, refs)
    if all(not c.isalpha() for c in phrase):
        return None
    return _described_body(subject, phrase, refs) or phrase


def _described_body(subject: Token, phrase: str, refs: References) -> str | None:
    """ "The company cut 300 jobs": the organisation the description points back to."""
    definite = any(c.lower_ == "the" for c in subject.children)
    if (
        not definite
        or phrase.lower() != subject.lower_
        or subject.lemma_.lower() not in BODY_DESCRIPTIONS
    ):
        return None
    offset = article_offset(subject)
    body = described_body(refs, subject.lemma_.lower(), offset, sources=False)
    return body.name if body is not None else None


def prefix_subject(prefix: list[Token], refs: References) -> str | None:
    """The subject a split-off clause shares with its main clause ("..., surpassing ...")."""
    ids = {t.i for t in prefix}
    roots = [t for t in prefix if t.head.i not in ids and t.pos_ in ("NOUN", "PROPN")]
    return noun_phrase(roots[0], refs) if roots else None


def first_noun(tokens: list[Token], head: Token, refs: References) -> str:
    """A fallback subject: the first noun outside time and fronted phrases ("At this point")."""
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    for token in nouns:
        if token.ent_type_ in ("DATE", "TIME") or _in_fronted_phrase(token, head):
            continue
        return noun_phrase(_phrase_head(token), refs)
    return noun_phrase(nouns[0], refs) if nouns else tokens[0].text


def _phrase_head(token: Token) -> Token:
    """The noun a modifier belongs to ("assault" -> "rifle", "co-belligerents" -> the last
    part), so a fallback subject is never a bare modifier."""
    while token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    doc = token.doc
    while token.i + 2 < len(doc) and _joins(token, doc[token.i + 1]):
        token = doc[token.i + 2]
    return token


def _joins(token: Token, hyphen: Token) -> bool:
    """A hyphen written tight between two words ("co-belligerents")."""
    return hyphen.text == "-" and not token.whitespace_ and not hyphen.whitespace_


def _in_fronted_phrase(token: Token, head: Token) -> bool:
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.i < head.i and token.head.i == head.i:
            return True
        token = token.head
    return False
