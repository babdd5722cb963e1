"""Location: where the proposition holds or happens, from the proposition's own clause."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from service.extractors.offline.subjects import subject_token
from service.extractors.offline.tokens import entity_of, sentence_of, word_set

# Nouns that name a place when a proper name modifies them ("the Varn region").
LOCATION_NOUNS = word_set("""
    region province oblast district county city prefecture state territory area rainforest
    forest street valley island peninsula river sea ocean coast mountain desert neighborhood
    neighbourhood town village municipality capital suburb outskirts
    """)

# Last words of organisation names that are buildings or sites ("St Olaf Church").
FACILITY_NOUNS = word_set("""
    mosque church cathedral temple synagogue court courthouse hospital clinic station airport
    school university college prison jail base mall stadium hotel embassy port camp market
    """)
# Adjectives that make a named region of a bare one ("the western region").
COMPASS_ADJECTIVES = word_set("""
    northern southern eastern western central northeastern northwestern southeastern
    southwestern
    """)
LOCATIVE_PREPOSITIONS = word_set(
    "in at near inside outside across within throughout over around on off along"
)
# Prepositions of direction, locative only after a word of movement ("sent to Chile").
DIRECTIONAL_PREPOSITIONS = word_set("to into from toward towards")
MOTION_WORDS = word_set("""
    deploy deployment send dispatch move transport arrive arrival travel relocate evacuate
    flee enter gather mobilize return fly march advance withdraw retreat redeploy station
    """)
# Verbs whose direct object is the place where the event happens ("struck the coast").
PLACE_OBJECT_VERBS = word_set("enter reach visit invade strike hit affect cross occupy attack")
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# A place further than this from the predicate is about something else in the clause.
MAX_DEPTH = 5


@dataclass(frozen=True)
class _Candidate:
    depth: int
    directional: bool  # reached by "to/into/from": a destination, second to a position
    position: int
    text: str


def _strip(text: str) -> str:
    if text.lower().startswith("the "):
        text = text[4:]
    return text.removesuffix("’s").removesuffix("'s")


def _entity(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    return entity_of(token)


def _place_entity(token: Token) -> Span | None:
    """A GPE/LOC/FAC entity, or an organisation that is a building ("St Olaf Church")."""
    entity = _entity(token)
    if entity is None:
        return None
    if entity.label_ in _PLACE_ENTITIES:
        return entity
    if entity.label_ == "ORG" and entity[-1].lemma_.lower() in FACILITY_NOUNS:
        return entity
    return None


def _region_phrase(noun: Token) -> str | None:
    """ "the western Varn region" -> "Varn region"; "the province of Upper Lenn"."""
    if noun.lemma_.lower() not in LOCATION_NOUNS:
        return None
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    names = names or [c for c in noun.children if c.lower_ in COMPASS_ADJECTIVES]
    if names:
        first = min(c.left_edge.i for c in names)
        return noun.doc[first : noun.i + 1].text
    for child in noun.children:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ == "of" and objects and _place_entity(objects[0]) is not None:
            return _strip(_place_entity(objects[0]).text)  # type: ignore[union-attr]
    return None


def _is_locative(preposition: Token) -> bool:
    word = preposition.lower_
    if word in LOCATIVE_PREPOSITIONS:
        return True
    return word in DIRECTIONAL_PREPOSITIONS and preposition.head.lemma_.lower() in MOTION_WORDS


def _place_of(token: Token) -> str | None:
    """The place a pobj/dobj token names, if it is one."""
    region = _region_phrase(token)
    if region:
        return region
    entity = _place_entity(token)
    if entity is not None and entity.root.i == token.i:
        return _strip(entity.text)
    if _named_after_in(token):
        return _strip(_entity(token).text if token.ent_type_ else token.text)  # type: ignore[union-attr]
    return None


def _named_after_in(token: Token) -> bool:
    """ "met in Tarsk": a proper name after "in" is a place even when the entity
    recognizer calls it an organisation (or nothing)."""
    if token.pos_ != "PROPN" or token.head.lower_ != "in" or token.dep_ != "pobj":
        return False
    entity = _entity(token)
    if entity is None:
        return not any(c.dep_ == "compound" for c in token.children)
    return entity.label_ == "ORG" and entity.root.i == token.i


def _depth(token: Token, head: Token, owned: set[int]) -> int:
    """Steps from the token up to the predicate (or to the top of the proposition's own
    words, for a list item that shares its predicate with others)."""
    depth = 0
    while token.i != head.i and token.head.i != token.i and token.head.i in owned and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _place_role(token: Token, owned: set[int]) -> bool:
    """Object of a locative preposition, or of a verb like "struck" or "entered"."""
    if token.dep_ == "pobj":
        return token.head.i in owned and _is_locative(token.head)
    return token.dep_ == "dobj" and token.head.lemma_.lower() in PLACE_OBJECT_VERBS


def _candidates(tokens: list[Token], head: Token) -> list[_Candidate]:
    owned = {t.i for t in tokens}
    subject = subject_token(head)
    found = []
    for token in tokens:
        if subject is not None and token.i == subject.i:
            # the subject is what the claim is about, a place only if a natural one
            # ("The Lenn valley is flooded"), not an actor ("Chile said")
            natural = token.ent_type_ == "LOC" and token.ent_iob_ != "O"
            place = _region_phrase(token) or (_place_of(token) if natural else None)
        else:
            place = _place_of(token) if _place_role(token, owned) else None
        if place:
            directional = token.head.lower_ in DIRECTIONAL_PREPOSITIONS
            found.append(_Candidate(_depth(token, head, owned), directional, token.i, place))
    return [c for c in found if c.depth <= MAX_DEPTH]


def _relative_place(head: Token) -> str | None:
    """For a "..., where P" clause: the nearest place named before "where"."""
    where = next((c for c in head.children if c.lower_ == "where"), None)
    if where is None:
        return None
    for token in reversed(list(sentence_of(where))):
        if token.i >= where.i:
            continue
        place = _region_phrase(token) or (
            _strip(_place_entity(token).text)  # type: ignore[union-attr]
            if _place_entity(token) is not None and token.ent_iob_ == "B"
            else None
        )
        if place:
            return place
    return None


def location_of(tokens: list[Token], head: Token) -> str | None:
    """Where the proposition happens: the place nearest its predicate, a place named in its
    subject ("residents in Port Alva"), or the place a "where" clause refers to."""
    candidates = _candidates(tokens, head)
    if candidates:
        best = min(candidates, key=lambda c: (c.depth, c.directional, c.position))
        return best.text
    return _relative_place(head)
