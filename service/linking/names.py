"""Name normalisation: the keys under which a name is looked up, from strict to loose.

Stages (each a reason word of `LinkDecision`):
- exact: the text with its spaces collapsed;
- normalised: ASCII (diacritics folded by anyascii), case-folded, punctuation and hyphens
  as spaces, a leading "the" and possessive 's removed ("the DPRK's" -> "dprk");
- title: also without leading titles ("Gen.", "Foreign Minister", "North Korean leader");
- romanisation: also each word folded by `data/romanisation.json` (Young -> yong,
  Zelenskiy -> zelensky), with the spaces removed (Yong-bok = Yong Bok = Yongbok);
- synonym: also head nouns of counted people folded by `data/synonyms.json`
  (soldiers -> troops), so "North Korean soldiers" joins "North Korean troops".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from anyascii import anyascii

from service.linking.tables import tables

_POSSESSIVE = re.compile(r"(\w)'s\b")
_PLURAL_POSSESSIVE = re.compile(r"(\w)s'(?=\W|$)")
_WORD = re.compile(r"[a-z0-9]+")
STAGES = ("exact", "normalised", "title", "romanisation", "synonym")


@lru_cache(maxsize=65536)
def normal_words(text: str) -> tuple[str, ...]:
    """Case-folded ASCII words without punctuation, possessive 's or a leading 'the'."""
    folded = anyascii(text).casefold().replace("&", " and ")
    folded = _POSSESSIVE.sub(r"\1", folded)
    folded = _PLURAL_POSSESSIVE.sub(r"\1s", folded)
    folded = folded.replace("'", "").replace(".", "")  # O'Brien, U.S.
    words = tuple(_WORD.findall(folded))
    if len(words) > 1 and words[0] == "the":
        return words[1:]
    return words


def _is_name_like(words: Sequence[str]) -> bool:
    """Words that could be a person's name: none of them names an organisation, place or group."""
    table = tables()
    blocked = table.organisation_words | table.people_plural | table.place_words
    return 0 < len(words) <= 4 and not blocked.intersection(words)


@cache
def _titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for title in tables().titles:  # longest first, kept in that order
        by_first.setdefault(title[0], []).append(title)
    return {word: tuple(titles) for word, titles in by_first.items()}


def _titles_starting(word: str) -> tuple[tuple[str, ...], ...]:
    return _titles_by_first_word().get(word, ())


@lru_cache(maxsize=65536)
def strip_titles(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(name words, title words): leading titles removed when what is left looks like a name."""
    table = tables()
    for qualifiers in range(min(4, len(words))):
        for title in _titles_starting(words[qualifiers]):
            end = qualifiers + len(title)
            if words[qualifiers:end] != title:
                continue
            if qualifiers and title not in table.qualifiable_titles:
                continue
            rest = words[end:]
            if _is_name_like(rest) and " ".join(rest) not in country_names():
                inner, more = strip_titles(rest)
                return inner, words[:end] + more
    return words, ()


@lru_cache(maxsize=65536)
def romanise(word: str) -> str:
    """One word folded by the romanisation and spelling rules."""
    for pattern, replacement in tables().romanisation:
        word = pattern.sub(replacement, word)
    return word


def fold_synonyms(words: Sequence[str], synonyms: dict[str, str]) -> list[str]:
    """Replace one- and two-word synonyms by their canonical word."""
    out: list[str] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index : index + 2])
        if index + 1 < len(words) and pair in synonyms:
            out.append(synonyms[pair])
            index += 2
            continue
        out.append(synonyms.get(words[index], words[index]))
        index += 1
    return out


@dataclass(frozen=True)
class NameKeys:
    """Every lookup key of one name, by stage."""

    exact: str
    normalised: str
    title: str
    romanisation: str
    synonym: str
    words: tuple[str, ...]  # normalised words without titles
    titles: tuple[str, ...]  # the title words removed

    def key(self, stage: str) -> str:
        """The key for one of `STAGES`."""
        value: str = getattr(self, stage)
        return value


def _title_cut(raw: list[str], titles: tuple[str, ...]) -> int:
    """How many raw words spell the titles; 0 when what follows is not a capitalised name."""
    particles = tables().name_particles
    for cut in range(1, len(raw)):
        if normal_words(" ".join(raw[:cut])) == titles:
            rest = raw[cut:]
            capitalised = all(word[:1].isupper() or word in particles for word in rest)
            return cut if capitalised else 0
    return 0


@lru_cache(maxsize=65536)
def name_keys(text: str) -> NameKeys:
    """The keys of a name, from exact to loosest.

    Titles are set aside only before a capitalised name ("President Varga", not "the
    president the senator seeks to defeat").
    """
    words = normal_words(text)
    bare, titles = strip_titles(words)
    if titles and not _title_cut(text.split(), titles):
        bare, titles = words, ()
    return NameKeys(
        exact=" ".join(text.split()),
        normalised=" ".join(words),
        title=" ".join(bare),
        romanisation="".join(romanise(word) for word in bare),
        synonym="".join(romanise(word) for word in fold_synonyms(bare, tables().heads)),
        words=bare,
        titles=titles,
    )


def fuzzy_words(text: str) -> tuple[str, ...]:
    """The folded words fuzzy matching compares (function words dropped)."""
    particles = tables().name_particles
    words = fold_synonyms(name_keys(text).words, tables().heads)
    return tuple(romanise(word) for word in words if word not in particles)


@cache
def country_names() -> dict[str, str]:
    """Normalised country name or alias -> canonical country name."""
    return {" ".join(normal_words(raw)): name for raw, name in tables().countries.items()}


@cache
def capital_names() -> dict[str, str]:
    """Normalised capital -> the canonical name of its country."""
    return {" ".join(normal_words(raw)): name for raw, name in tables().capitals.items()}


def country_of(text: str, *, actor: bool) -> str | None:
    """The canonical country a name stands for; capitals count only for an actor."""
    key = name_keys(text).normalised
    if key in country_names():
        return country_names()[key]
    if actor:
        return capital_names().get(key)
    return None


def display_name(text: str) -> str:
    """A name as an entity is called: no leading 'the', possessive 's or titles."""
    name = " ".join(text.split())
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"(?:'s|’s|'|’)$", "", name)
    raw = name.split()
    titles = name_keys(name).titles
    cut = _title_cut(raw, titles) if titles else 0
    return " ".join(raw[cut:])


def group_core(text: str) -> str | None:
    """A group named without the words describing which part of it, when there are any.

    "elite Northland troops in the border region" -> "northland troops"; "first units of
    Northland military personnel" -> "northland military personnel"; None when nothing was
    set aside or less than two words would be left.
    """
    table = tables()
    words = normal_words(text)
    end = next(
        (
            index
            for index, word in enumerate(words)
            if index
            and (word in table.prepositions or word in table.group_trailers)
            and words[index - 1] not in table.group_modifiers
        ),
        len(words),
    )
    start = 0
    while start < end and words[start] in table.group_modifiers:
        start += 1
    core = words[start:end]
    if len(core) < 2 or core == words:
        return None
    return " ".join(core)
