"""Kind, subject and location of a proposition."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Certainty, ClaimKind
from service.extractors.offline.certainty import predicate_chain
from service.extractors.offline.references import PRONOUNS, References
from service.extractors.offline.tokens import word_set

FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
FORECAST_VERBS = word_set("""
    expect anticipate plan intend aim schedule prepare seek predict forecast project
    propose vow pledge promise threaten
    """)
ASSESSMENT_VERBS = word_set("""
    assess believe think consider interpret argue imply describe view regard deem judge
    criticise criticize praise condemn
    """)
HABITUAL_ADVERBS = word_set("usually often always generally typically normally rarely")
ASSESSMENT_MODALS = frozenset({"should", "must", "ought"})
EVALUATIVE_WORDS = word_set("""
    significant serious clear critical valuable unclear important crucial good bad brutal
    illegal strong weak successful historic unprecedented dangerous advantageous key vital
    concerning grave real
    """)
STATIVE_VERBS = word_set("""
    be have remain include lack contain consist comprise own possess live exist belong total
    number account represent know cost mean equal seem appear hold need
    """)
# Heads of partitive subjects that name a share of something ("16 percent of trade").
PARTITIVES = word_set(
    "number total percent % share majority rest part half most proportion fraction"
)
LOCATION_NOUNS = word_set(
    "region province oblast district county city prefecture state territory area"
)
LOCATIVE_PREPOSITIONS = word_set(
    "in at near into to inside outside across within throughout from over around"
)
_LOCATION_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_DROPPED_IN_SUBJECT = frozenset(
    {"det", "nummod", "quantmod", "predet", "punct", "case", "poss", "advmod"}
)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def kind_of(
    head: Token, owned: set[int], reporting_verb: Token | None, certainty: Certainty
) -> ClaimKind:
    """forecast / assessment / state / event from modality, cue verbs and tense."""
    chain = predicate_chain(head, owned)
    auxiliaries = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
    lemmas = {t.lemma_.lower() for t in chain}
    reported = reporting_verb.lemma_.lower() if reporting_verb is not None else ""
    if auxiliaries & FUTURE_AUXILIARIES or lemmas & FORECAST_VERBS or _is_to(head):
        return ClaimKind.forecast
    if "would" in auxiliaries and reporting_verb is not None:
        return ClaimKind.forecast
    stative = head.lemma_.lower() in STATIVE_VERBS and not _passive(head)
    if auxiliaries & ASSESSMENT_MODALS or reported in ASSESSMENT_VERBS or lemmas & ASSESSMENT_VERBS:
        return ClaimKind.assessment
    if certainty is Certainty.possible:
        return ClaimKind.assessment if stative else ClaimKind.forecast
    if stative and _evaluative(head, owned):
        return ClaimKind.assessment
    habitual = any(child.lower_ in HABITUAL_ADVERBS for child in head.children)
    if stative or habitual:
        return ClaimKind.state
    return ClaimKind.event


def _passive(head: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in head.children)


def _is_to(head: Token) -> bool:
    """ "are to find a new leader": be + to-infinitive."""
    if head.lemma_ != "be":
        return False
    return any(
        child.dep_ == "xcomp" and any(a.lower_ == "to" for a in child.children)
        for child in head.children
    )


def _evaluative(head: Token, owned: set[int]) -> bool:
    for child in head.children:
        if child.dep_ in ("acomp", "attr") and child.i in owned:
            words = [child, *child.children]
            if any(word.lemma_.lower() in EVALUATIVE_WORDS for word in words):
                return True
    return False


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


def _entity_text(token: Token, refs: References) -> str | None:
    if not token.ent_type_ or token.ent_type_ in ("CARDINAL", "DATE", "TIME", "ORDINAL"):
        return None
    entity = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    text = entity.text
    if entity.label_ == "PERSON":
        return refs.full_name(text)
    return text[4:] if text.lower().startswith("the ") else text


def noun_phrase(noun: Token, refs: References) -> str:
    """A short form of the noun phrase headed by `noun` ("Several thousand North Korean
    soldiers" -> "North Korean soldiers")."""
    entity = _entity_text(noun, refs)
    if entity and noun.ent_type_ not in ("NORP",):
        return entity
    if noun.pos_ == "PROPN" and not any(c.dep_ == "compound" for c in noun.children):
        full = refs.full_name(noun.text)  # "Tarrant" -> "Brenton Tarrant"
        if full != noun.text:
            return full
    for child in noun.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _entity_text(child, refs) or child.text  # "our adviser, Jake Sullivan"
    if noun.lemma_.lower() in PARTITIVES:
        for child in noun.children:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "of" and objects:
                return noun_phrase(objects[0], refs)
    words = []
    dropped: set[int] = set()
    for token in noun.subtree:
        if token.i > noun.i:
            break
        if token.i in dropped or token.dep_ in _DROPPED_IN_SUBJECT:
            dropped.update(t.i for t in token.subtree)
            continue
        if token.pos_ in ("NUM", "PRON", "PUNCT") or token.head.pos_ == "NUM":
            continue
        if token.i != noun.i and any(t.pos_ == "NUM" for t in token.subtree):
            continue  # "200,000-strong"
        words.append(token.text)
    return " ".join(words) or noun.text


def subject_of(head: Token, refs: References, replacement: str | None = None) -> str | None:
    """The main entity the proposition is about, as a short noun phrase."""
    subject = subject_token(head)
    if subject is None:
        return noun_phrase(head, refs) if head.pos_ in ("NOUN", "PROPN") else None
    if subject.lower_ in PRONOUNS:
        return replacement
    if subject.lower_ in ("who", "which", "that"):
        return replacement
    return noun_phrase(subject, refs)


def location_of(tokens: list[Token], head: Token) -> str | None:
    """Where the proposition happens: a named region phrase or a place after a preposition."""
    owned = {t.i for t in tokens}
    subject = subject_token(head)
    excluded = {t.i for t in subject.subtree} if subject is not None else set()
    for token in tokens:
        if token.lemma_.lower() in LOCATION_NOUNS and token.i not in excluded:
            names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names and all(c.i in owned for c in names):
                first = min(c.left_edge.i for c in names)
                return token.doc[first : token.i + 1].text
    best: tuple[int, str] | None = None
    for entity in tokens[0].doc.ents:
        if entity.label_ not in _LOCATION_ENTITIES or entity.start not in owned:
            continue
        if entity.start in excluded:
            continue
        root = entity.root
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
            text = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
            depth = _depth(root, head)
            if best is None or depth < best[0]:
                best = (depth, text.removesuffix("’s").removesuffix("'s"))
    return best[1] if best else None


def _depth(token: Token, head: Token) -> int:
    depth = 0
    while token.i != head.i and token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth
