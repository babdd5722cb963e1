"""What one article tells the linker about its own names: acronyms and full person names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from service.linking.entity_types import entity_type
from service.linking.names import (
    capital_names,
    country_names,
    display_name,
    name_keys,
    normal_words,
    romanise,
)
from service.linking.tables import tables

_SPACE = r"[ \t\u00a0]+"
_PARTICLES = "of|the|for|and|on|de|da|del|der|van|von|bin|al|la|le|du|des"
_TOKEN = r"[A-Z](?:[\w'’\-]|\.(?=[A-Za-z]))*"  # "U.S" inside, never a sentence's full stop
_RUN = rf"{_TOKEN}(?:{_SPACE}(?:(?:{_PARTICLES}){_SPACE})*{_TOKEN})*"
_ACRONYM = r"[A-Z][A-Za-z0-9.&\-]{1,11}"
_LONG_THEN_SHORT = re.compile(rf"({_RUN})[ \t\u00a0]*\((?:the )?({_ACRONYM})\)")
_SHORT_THEN_LONG = re.compile(rf"\b({_ACRONYM})[ \t\u00a0]*\((?:the )?({_RUN})\)")
_NAME_RUN = re.compile(_RUN)
_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")


def acronym_letters(acronym: str) -> str:
    """The capitals and digits of an acronym ('D.P.R.K.' -> 'DPRK', 'DoD' -> 'DD')."""
    return "".join(char for char in acronym if char.isupper() or char.isdigit())


def _initials(words: list[str]) -> str:
    particles = tables().name_particles
    return "".join(word[0].upper() for word in words if word.lower() not in particles)


def _expansions(run: str, acronym: str) -> tuple[str, ...]:
    """The shortest tail of `run` whose initials spell the acronym, and the whole run."""
    letters = acronym_letters(acronym)
    words = run.rstrip(".").split()
    if len(letters) < 2:
        return ()
    for start in range(len(words) - 1, -1, -1):
        if words[start].lower() in tables().name_particles:
            continue
        if _initials(words[start:]) == letters:
            shortest = " ".join(words[start:])
            whole = _strip_starts(words)
            if start > 0 and _POSSESSIVE_END.search(words[start - 1]) and whole != shortest:
                return (whole, shortest)  # "South Korea's National Intelligence Service"
            return (shortest,)
    return ()


def _strip_starts(words: list[str]) -> str:
    """Drop sentence-opening words that are not part of a name ('On', 'The', 'Meanwhile')."""
    starts = tables().not_name_starts
    index = 0
    while index < len(words) - 1 and words[index].lower() in starts:
        index += 1
    return " ".join(words[index:])


def _possessive_parts(run: str) -> list[list[str]]:
    """Split a run after each possessive: "North Korea's Kim Jong Un" -> two parts."""
    parts: list[list[str]] = [[]]
    for word in run.split():
        bare = _POSSESSIVE_END.sub("", word)
        parts[-1].append(bare)
        if bare != word:
            parts.append([])
    return [part for part in parts if part]


def _reads_as_a_person(name: str) -> bool:
    """A person-typed name with no 'and' and no country or capital inside it."""
    words = normal_words(name)
    places = country_names().keys() | capital_names().keys()
    spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    if "and" in words or spans & places:
        return False
    return entity_type(name, "subject") == "person"


def _person_candidates(text: str) -> list[str]:
    """Capitalised runs of two to four words that read as a person's full name."""
    found: dict[str, str] = {}
    for match in _NAME_RUN.finditer(text):
        for words in _possessive_parts(match.group(0).rstrip(".,")):
            name = display_name(_strip_starts(words))
            if 2 <= len(name.split()) <= 4 and _reads_as_a_person(name):
                found.setdefault(name_keys(name).romanisation, name)
    return list(found.values())


@dataclass(frozen=True)
class ArticleContext:
    """Acronyms an article defines and the full person names it introduces."""

    acronyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # letters -> names
    persons: tuple[str, ...] = ()

    def expansions_of(self, name: str) -> tuple[str, ...]:
        """What this article defines the acronym `name` as (longest first), if it does."""
        stripped = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
        if " " in stripped:
            return ()
        return self.acronyms.get(acronym_letters(stripped), ())

    def acronym_for(self, name: str) -> str | None:
        """The acronym this article gives for the full name `name`, if any."""
        key = name_keys(name).normalised
        for letters, expansions in sorted(self.acronyms.items()):
            if any(name_keys(expansion).normalised == key for expansion in expansions):
                return letters
        return None

    def persons_named(self, word: str) -> tuple[str, ...]:
        """The introduced full names whose first or last word is `word` (after folding)."""
        folded = "".join(romanise(part) for part in name_keys(word).words)
        matches = []
        for person in self.persons:
            words = name_keys(person).words
            if folded in {romanise(words[0]), romanise(words[-1])}:
                matches.append(person)
        return tuple(matches)


EMPTY_CONTEXT = ArticleContext()


def article_context(text: str) -> ArticleContext:
    """Read an article once: its acronym definitions and the full person names it introduces."""
    acronyms: dict[str, list[str]] = {}
    for run, acronym in _LONG_THEN_SHORT.findall(text):
        for expansion in _expansions(run, acronym):
            acronyms.setdefault(acronym_letters(acronym), []).append(expansion)
    for acronym, run in _SHORT_THEN_LONG.findall(text):
        for expansion in _expansions(run, acronym):
            acronyms.setdefault(acronym_letters(acronym), []).append(expansion)
    return ArticleContext(
        acronyms={letters: tuple(dict.fromkeys(names)) for letters, names in acronyms.items()},
        persons=tuple(_person_candidates(text)),
    )
