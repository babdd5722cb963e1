"""Bodies and people told by whose they are ("the city's environment department", "the
provincial Health Ministry", "the party's national committee", "the hospital's chief
physician"), named after the owner the article named before ("Edmonton's environment
department"), as labels write a later short alias by its full name."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Token

from schemas.claims import Source
from service.extractors.offline.body_names import (
    BODY_DESCRIPTIONS,
    PUBLIC_BODY_WORDS,
    country_names,
)
from service.extractors.offline.source_phrases import without_article
from service.extractors.offline.tokens import article_offset, verbatim, word_set

# Words naming a place by its level, after its name ("Binh Dinh province").
_LEVEL_WORDS = word_set("province district county")
# Name words of bodies, which a level word may close too ("Dayton Public School District").
_BODY_WORDS = BODY_DESCRIPTIONS | PUBLIC_BODY_WORDS | word_set("public")
# A place named before any of these is not a city ("Ohio state", "the Tigray region").
_NOT_A_CITY_AFTER = _LEVEL_WORDS | word_set("state region")
# The owner words a body's description may open with, and the level of place each means.
_OWNER_PLACES = {
    "city": "city",
    "province": "province",
    "district": "district",
    "county": "county",
    "country": "country",
    "nation": "country",
}
# Adjectives for the level of place a body serves ("the provincial People's Committee").
_LEVEL_ADJECTIVES = {
    "provincial": "province",
    "district": "district",
    "county": "county",
}


def named_places(docs: list[tuple[int, Doc]]) -> list[tuple[int, str, str]]:
    """(offset, name, level) of the places an article names: a name with its level ("Binh
    Dinh province", "Sankhuwasabha District"), a country, or a city (any other place the
    tagger names, unless it is the larger place after one: "Dayton, Ohio")."""
    countries = country_names()
    places: list[tuple[int, str, str]] = []
    for base, doc in docs:
        for token in doc:
            first = _name_start(token) if token.lower_ in _LEVEL_WORDS else None
            named = list(doc[first : token.i + 1]) if first is not None else []
            if named and not any(t.lower_ in _BODY_WORDS for t in named[:-1]):  # "School District"
                places.append((base + named[0].idx, verbatim(named), token.lower_))
        for entity in doc.ents:
            if entity.label_ != "GPE":
                continue
            words = [t for t in entity if t.lower_ != "the"]
            if not words:
                continue
            name = verbatim(words)
            after = doc[entity.end] if entity.end < len(doc) else None
            second = entity.start >= 2 and doc[entity.start - 1].text == ","
            second = second and doc[entity.start - 2].ent_type_ == "GPE"
            if name.lower() in countries:
                places.append((base + entity.start_char, name, "country"))
            elif not second and (after is None or after.lower_ not in _NOT_A_CITY_AFTER):
                places.append((base + entity.start_char, name, "city"))
    return sorted(places)


def _name_start(level: Token) -> int | None:
    """Where the capitalised name before a level word starts ("Binh Dinh" of "Binh Dinh
    province"), or None; not in a longer name ("Chief District Officer")."""
    following = level.doc[level.i + 1] if level.i + 1 < len(level.doc) else None
    if following is not None and following.pos_ == "PROPN" and following.text[:1].isupper():
        return None
    start = level.i
    while start > 0 and start > level.i - 4:
        before = level.doc[start - 1]
        if before.pos_ != "PROPN" or not before.text[:1].isupper():
            break
        start -= 1
    return start if start < level.i else None


def owned_name(
    tokens: list[Token],
    places: list[tuple[int, str, str]],
    sentences: list[int],
    body_before: Callable[[str, int], Source | None],
) -> str | None:
    """ "the city's environment department" -> "Edmonton's environment department", "the
    district police office" -> "Sankhuwasabha district police office", "the hospital's chief
    physician" -> "Bursa City Hospital's chief physician"; None when the article named no
    such owner before. `sentences` are the article offsets where sentences start;
    `body_before(kind, offset)` gives the named body of that kind."""
    if len(tokens) < 3 or tokens[0].lower_ != "the":
        return None
    owner, offset = tokens[1], article_offset(tokens[0])
    possessive = tokens[2].tag_ == "POS"
    rest = tokens[3:] if possessive else tokens[2:]
    if not rest or not all(t.text[:1].isalpha() or t.tag_ == "POS" for t in rest):
        return None
    word = owner.lower_
    if possessive and rest[0].pos_ == "PROPN" and rest[0].text[:1].isupper():
        return None  # "the country's National Institute for ...": named in full already
    if _names_a_person(rest):
        return None  # "the city's mayor Rui Campos": the person, named
    if possessive and word in _OWNER_PLACES:
        place = _place_at(places, sentences, _OWNER_PLACES[word], offset)
        return f"{_possessive(place)} {verbatim(rest)}" if place else None
    if not possessive and word in _LEVEL_ADJECTIVES and owner.dep_ in ("amod", "compound"):
        place = _place_at(places, sentences, _LEVEL_ADJECTIVES[word], offset)
        if place is None:
            return None
        bare, level = place.rsplit(" ", 1)  # "Binh Dinh" of "Binh Dinh province"
        if level.lower() == word:  # "Orange County sheriff", as the name is written
            return f"{place} {verbatim(tokens[2:])}"
        return f"{bare} {verbatim(tokens[1:])}"
    if possessive and word in _OWNING_BODIES:
        body = body_before(word, offset)
        if body is not None and _named_as(word, body.name):
            return f"{_possessive(body.name)} {verbatim(rest)}"
    return None


def _names_a_person(words: list[Token]) -> bool:
    """True when a role is followed by a person's name ("mayor Rui Campos")."""
    return any(t.ent_type_ == "PERSON" for t in words) or (
        len(words) > 1 and words[-1].pos_ == "PROPN" and any(t.is_lower for t in words[:-1])
    )


def _named_as(kind: str, name: str) -> bool:
    """True for a body whose name ends in its kind, or opens with it ("Orvik General Hospital",
    "University of Tamsk"), not one that only holds the word ("Hospital Workers Union")."""
    words = name.lower().split()
    return words[-1] == kind or (len(words) > 2 and words[0] == kind and words[1] in ("of", "for"))


# Bodies whose name says their kind, so that "the hospital's" can only be the one named.
_OWNING_BODIES = word_set("""
    hospital centre center institute university college party federation union council
    commission ministry agency museum observatory foundation
    """)


def _place_at(
    places: list[tuple[int, str, str]], sentences: list[int], level: str, offset: int
) -> str | None:
    """The one place of this level named in the sentence at `offset`, else in the sentence
    before; for a province, district or county also the only one the article named before.
    None when there are several ("Voters in Berlin and Hamburg ... the city's election
    office", "a water main burst in Dayton in Ohio")."""
    index = bisect_right(sentences, offset) - 1
    windows = [sentences[k] for k in (index, index - 1) if k >= 0]
    for start in windows:
        named = {name for at, name, kind in places if kind == level and start <= at < offset}
        if named:
            return named.pop() if len(named) == 1 else None
    if level == "city":  # the tagger's places hold states and regions too
        return None
    named = {name for at, name, kind in places if kind == level and at < offset}
    return named.pop() if len(named) == 1 else None


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def body_of_the_place_before(tokens: list[Token], head: Token) -> str | None:
    """ "its health ministry", "the country's Ministry of Health" after a country that is the
    sentence's subject: that country's ("Paraguay's health ministry")."""
    owner = tokens[0]
    words = " ".join(t.lower_ for t in tokens[:3]).replace("’", "'")
    if words in ("the country 's", "the nation 's"):
        owner, tokens = tokens[2], tokens[2:]  # "the country's" stands for "its"
    elif owner.lower_ != "its" or owner.tag_ != "PRP$":
        return None
    if head.lemma_.lower() not in _STATE_BODIES:
        return None
    # the country that is the sentence's subject ("Norway fined Tarn Motors ..., its transport
    # ministry said"); the tagger may take it for an organisation ("Neighbouring Paraguay")
    places = [
        e
        for e in head.sent.ents
        if e.label_ in ("GPE", "ORG") and e.end <= owner.i and e.root.dep_ == "nsubj"
    ]
    if not places:
        return None
    place = without_article(places[0].text).removesuffix("'s").removesuffix("’s")
    return f"{_possessive(place)} {verbatim(tokens[1:])}"  # as labels write it: "Paraguay's"


# Bodies of a state, which "its" before them ties to the country the sentence is about.
_STATE_BODIES = word_set("ministry government army military police navy embassy department")
