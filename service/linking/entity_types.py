"""A deterministic guess of an entity's type from its name and the role it was mentioned in."""

from __future__ import annotations

import re
from typing import Literal

from service.linking.names import capital_names, country_names, name_keys, normal_words
from service.linking.tables import tables

EntityType = Literal["person", "organisation", "place", "group"]
Role = Literal["subject", "source", "location"]

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&-]{1,9}$")
_DIRECTIONS = frozenset(
    ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central")
)


def head_noun(words: tuple[str, ...]) -> str:
    """The last word before the first preposition ('officials from the ministry' -> officials)."""
    prepositions = tables().prepositions
    for index, word in enumerate(words):
        if index and word in prepositions:
            return words[index - 1]
    return words[-1] if words else ""


def _is_place(words: tuple[str, ...]) -> bool:
    key = " ".join(words)
    if key in country_names() or key in capital_names():
        return True
    undirected = tuple(word for word in words if word not in _DIRECTIONS)
    if undirected != words and " ".join(undirected) in country_names():
        return True  # "eastern Ukraine"
    return head_noun(words) in tables().place_words


def _looks_like_a_name(name: str) -> bool:
    particles = tables().name_particles
    raw = name.split()
    return bool(raw) and all(word[:1].isupper() or word in particles for word in raw)


def entity_type(name: str, role: Role) -> EntityType:
    """Person, organisation, place or group, from titles, word tables and capitalisation.

    Order: a title makes a person; a location is a place; a people noun as head makes a
    group (plural) or person (singular); then place words, organisation words, acronyms;
    a capitalised name is a person; anything else (a common-noun phrase) is a group.
    """
    table = tables()
    keys = name_keys(name)
    words = normal_words(name)
    if keys.titles and keys.words:
        return "person"
    if role == "location":
        return "place"
    head = head_noun(words)
    if head in table.people_plural:
        return "group"
    if head in table.people_singular:
        return "person"
    if _is_place(words):
        return "place"
    if table.organisation_words.intersection(words):
        return "organisation"
    stripped = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    if _ACRONYM.match(stripped):
        return "organisation"
    if _looks_like_a_name(stripped):
        return "person"
    return "group"
