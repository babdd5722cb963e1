"""The linker's word tables, read once from the JSON files in `data/` beside this module."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Tables:
    """Every word list the linker uses, in the shapes it uses them."""

    titles: tuple[tuple[str, ...], ...]  # longest first
    qualifiable_titles: frozenset[tuple[str, ...]]
    romanisation: tuple[tuple[re.Pattern[str], str], ...]
    heads: dict[str, str]  # synonym phrase -> canonical head noun
    units: dict[str, str]  # unit phrase -> canonical unit
    unit_symbols: dict[str, str]
    countries: dict[str, str]  # any country name (raw) -> canonical name
    capitals: dict[str, str]  # capital (raw) -> country's canonical name
    people_plural: frozenset[str]
    people_singular: frozenset[str]
    organisation_words: frozenset[str]
    place_words: frozenset[str]
    prepositions: frozenset[str]
    name_particles: frozenset[str]
    not_name_starts: frozenset[str]
    group_modifiers: frozenset[str]
    group_trailers: frozenset[str]
    tally_heads: frozenset[str]


def _synonym_map(groups: list[list[str]]) -> dict[str, str]:
    return {word: group[0] for group in groups for word in group}


@cache
def tables() -> Tables:
    """The tables (read and compiled on first use)."""
    titles = _load("titles.json")
    folds = _load("romanisation.json")
    synonyms = _load("synonyms.json")
    countries = _load("countries.json")
    words = _load("entity_words.json")
    names = {alias: name for name, aliases in countries["countries"].items() for alias in aliases}
    names.update({name: name for name in countries["countries"]})
    return Tables(
        titles=tuple(
            sorted((tuple(t.split()) for t in titles["titles"]), key=lambda t: (-len(t), t))
        ),
        qualifiable_titles=frozenset(tuple(t.split()) for t in titles["qualifiable"]),
        romanisation=tuple((re.compile(rule[0]), rule[1]) for rule in folds["rules"]),
        heads=_synonym_map(synonyms["heads"]),
        units=_synonym_map(synonyms["units"]),
        unit_symbols=dict(synonyms["symbols"]),
        countries=names,
        capitals=dict(countries["capitals"]),
        people_plural=frozenset(words["people_plural"]),
        people_singular=frozenset(words["people_singular"]),
        organisation_words=frozenset(words["organisation"]),
        place_words=frozenset(words["place"]),
        prepositions=frozenset(words["prepositions"]),
        name_particles=frozenset(words["name_particles"]),
        not_name_starts=frozenset(words["not_name_starts"]),
        group_modifiers=frozenset(words["group_modifiers"]),
        group_trailers=frozenset(words["group_trailers"]),
        tally_heads=frozenset(words["tally_heads"]),
    )
