"""Entity linking: every name a claim mentions joins a known entity, or starts a new one.

`EntityIndex.link` tries, in order, and records which rule decided:
1. acronym: the article defines the acronym ("Korean People's Army (KPA)"), either way round;
2. surname: a bare surname ("Kim", "Gen. Kim") stands for the one full name its article
   introduces with that word; with two such people it joins neither;
3. alias-table: a country's other names, and a capital written as an actor
   (`data/countries.json`);
4. exact, normalised, title, romanisation, synonym: ever looser keys (`names.py`);
5. group-core: a group described by which part of it ("elite X troops", "X troops in Y",
   "first units of X personnel") joins the known group once the describing words are
   set aside (`names.group_core`); never creates an entity;
6. fuzzy: rapidfuzz similarity of folded words at or above `FUZZY_THRESHOLD`, only between
   names of the same guessed type, never for a one-word person or a known country;
7. new: nothing matched; a new entity is named after the mention (titles, "the" and
   possessive dropped).
A one-word alias of a person with a longer name (a surname) and a capital recorded for its
country are kept as aliases but never matched globally: they mean something only in their
own article.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from service.linking.context import EMPTY_CONTEXT, ArticleContext
from service.linking.entity_types import EntityType, Role, entity_type, head_noun
from service.linking.fuzzy import FUZZY_THRESHOLD, blocking_key, name_similarity
from service.linking.names import (
    STAGES,
    capital_names,
    country_names,
    country_of,
    display_name,
    group_core,
    name_keys,
)
from service.linking.tables import tables

_STAGE_DETAIL = {
    "exact": 'matched "{alias}" exactly',
    "normalised": 'matched "{alias}" after normalising case, accents, punctuation and "the"',
    "title": 'matched "{alias}" with the titles set aside',
    "romanisation": 'matched "{alias}" after romanisation folding',
    "synonym": 'matched "{alias}" after folding synonyms of its head noun',
}
_FUZZY_SHORTLIST = 20


@dataclass(frozen=True)
class Mention:
    """One name occurrence in a claim."""

    claim_key: str
    article_key: str
    role: Role
    text: str


@dataclass(frozen=True)
class LinkDecision:
    """Why a mention joined an entity."""

    entity_key: str
    reason: str
    score: float | None
    detail: str


@dataclass(frozen=True)
class AliasView:
    """One way an entity is written, and the rule that linked it."""

    text: str
    reason: str


@dataclass(frozen=True)
class EntityView:
    """An entity as callers see it."""

    key: str
    name: str
    type: EntityType
    aliases: tuple[AliasView, ...]


@dataclass
class _Entity:
    key: str
    name: str
    type: EntityType
    aliases: dict[str, str]  # alias text -> reason, in the order they were added


@dataclass(frozen=True)
class _Match:
    entity_key: str
    stage: str
    alias: str


class EntityIndex:
    """Known entities and their aliases; links new mentions incrementally."""

    def __init__(
        self,
        new_key: Callable[[], str] | None = None,
        *,
        fuzzy_threshold: float = FUZZY_THRESHOLD,
    ) -> None:
        counter = itertools.count(1)
        self._new_key = new_key or (lambda: f"e{next(counter)}")
        self.fuzzy_threshold = fuzzy_threshold
        self._entities: dict[str, _Entity] = {}
        self._by_key: dict[str, dict[str, list[_Match]]] = {stage: {} for stage in STAGES}
        self._blocking: dict[str, dict[str, list[_Match]]] = {}  # type -> blocking key -> ...
        self._blocking_lists: dict[str, list[str]] = {}

    def add_entity(
        self, key: str, name: str, type: EntityType, aliases: Iterable[str] = ()
    ) -> None:
        """Add a known entity with its canonical name and other names."""
        if key in self._entities:
            raise ValueError(f"entity {key!r} is already in the index")
        self._entities[key] = _Entity(key=key, name=name, type=type, aliases={})
        self._attach(key, name, "name")
        for alias in aliases:
            self._attach(key, alias, "alias")

    def add_alias(self, key: str, alias: str, reason: str = "alias") -> None:
        """Record another name of a known entity."""
        self._attach(key, alias, reason)

    def entity(self, key: str) -> EntityView:
        """One entity by key."""
        entity = self._entities[key]
        aliases = tuple(AliasView(text, reason) for text, reason in entity.aliases.items())
        return EntityView(key=entity.key, name=entity.name, type=entity.type, aliases=aliases)

    def entities(self) -> list[EntityView]:
        """Every entity, in the order they were added or created."""
        return [self.entity(key) for key in self._entities]

    def link(self, mention: Mention, *, context: ArticleContext | None = None) -> LinkDecision:
        """The entity a mention joins (a new one when nothing matches); records the alias."""
        context = context or EMPTY_CONTEXT
        text = " ".join(mention.text.split())
        actor = mention.role != "location"
        decision = (
            self._by_acronym(text, context, mention.role)
            or self._by_surname(text, context, mention.role)
            or self._by_table(text, actor)
            or self._by_keys(text)
            or self._by_core(text, mention.role)
            or self._by_fuzzy(text, mention.role)
            or self._create(
                display_name(text) or text,
                entity_type(text, mention.role),
                f'nothing known matched "{text}"{self._ambiguity(text, context, mention.role)}',
            )
        )
        self._attach(decision.entity_key, text, decision.reason)
        return decision

    # --- indexing -------------------------------------------------------------------------

    def _attach(self, key: str, alias: str, reason: str) -> None:
        entity = self._entities[key]
        alias = " ".join(alias.split())
        if not alias or alias in entity.aliases:
            return
        entity.aliases[alias] = reason
        if not self._matchable(entity, alias):
            return
        keys = name_keys(alias)
        for stage in STAGES:
            stage_key = keys.key(stage)
            if stage_key:
                self._append(self._by_key[stage].setdefault(stage_key, []), key, stage, alias)
        blocking = blocking_key(alias)
        if blocking:
            by_type = self._blocking.setdefault(entity.type, {})
            if blocking not in by_type:
                self._blocking_lists.pop(entity.type, None)
            self._append(by_type.setdefault(blocking, []), key, "fuzzy", alias)

    @staticmethod
    def _append(matches: list[_Match], key: str, stage: str, alias: str) -> None:
        if all(match.entity_key != key for match in matches):
            matches.append(_Match(key, stage, alias))

    @staticmethod
    def _matchable(entity: _Entity, alias: str) -> bool:
        """False for aliases that only mean this entity inside their own article."""
        alias_key = name_keys(alias).normalised
        if alias_key in capital_names() and alias_key != name_keys(entity.name).normalised:
            return False  # "Pyongyang" said for North Korea
        surname = len(name_keys(alias).words) == 1 < len(name_keys(entity.name).words)
        return not (entity.type == "person" and surname)

    # --- rules ----------------------------------------------------------------------------

    def _lookup(self, name: str, *, actor: bool = True) -> _Match | None:
        """The first stage whose key of `name` (or of the country it names) is known."""
        canonical = country_of(name, actor=actor)
        keys = name_keys(canonical or name)
        for stage in STAGES:
            stage_key = keys.key(stage)
            matches = self._by_key[stage].get(stage_key) if stage_key else None
            if matches:
                return _Match(matches[0].entity_key, stage, matches[0].alias)
        return None

    def _create(self, name: str, type: EntityType, why: str) -> LinkDecision:
        key = self._new_key()
        self.add_entity(key, name, type)
        return LinkDecision(key, "new", None, f'{why}: new {type} "{name}"')

    def _by_acronym(self, text: str, context: ArticleContext, role: Role) -> LinkDecision | None:
        actor = role != "location"
        expansions = context.expansions_of(text)
        for expansion in expansions:
            match = self._lookup(expansion, actor=actor)
            if match:
                detail = f'this article defines "{text}" as "{expansion}", which {_said(match)}'
                return LinkDecision(match.entity_key, "acronym", None, detail)
        if expansions:
            decision = self._create(
                display_name(expansions[0]),
                entity_type(expansions[0], role),
                f'this article defines "{text}" as "{expansions[0]}", not yet known',
            )
            for expansion in expansions:
                self._attach(decision.entity_key, expansion, "acronym")
            return decision
        acronym = context.acronym_for(text)
        if acronym and self._lookup(text, actor=actor) is None:
            match = self._lookup(acronym, actor=actor)
            if match:
                detail = f'this article abbreviates "{text}" as "{acronym}", which {_said(match)}'
                return LinkDecision(match.entity_key, "acronym", None, detail)
        return None

    def _by_surname(self, text: str, context: ArticleContext, role: Role) -> LinkDecision | None:
        if not _bare_name(text, role):
            return None
        people = context.persons_named(text)
        if len(people) != 1:
            return None
        full = people[0]
        why = f'"{text}" stands for "{full}", the only person this article introduces by that name'
        match = self._lookup(full)
        if match:
            return LinkDecision(match.entity_key, "surname", None, f"{why}, which {_said(match)}")
        return self._create(full, "person", why)

    @staticmethod
    def _ambiguity(text: str, context: ArticleContext, role: Role) -> str:
        if not _bare_name(text, role):
            return ""
        people = context.persons_named(text)
        if len(people) < 2:
            return ""
        return f" (a bare name: this article introduces {' and '.join(people)})"

    def _by_table(self, text: str, actor: bool) -> LinkDecision | None:
        canonical = country_of(text, actor=actor)
        if canonical is None or name_keys(canonical).normalised == name_keys(text).normalised:
            return None
        why = f'"{text}" is another name of {canonical} in the country table'
        match = self._lookup(canonical)
        if match:
            return LinkDecision(
                match.entity_key, "alias-table", None, f"{why}, which {_said(match)}"
            )
        return self._create(canonical, "place", why)

    def _by_keys(self, text: str) -> LinkDecision | None:
        match = self._lookup(text, actor=False)
        if match is None:
            return None
        detail = _STAGE_DETAIL[match.stage].format(alias=match.alias)
        return LinkDecision(match.entity_key, match.stage, None, detail)

    def _by_core(self, text: str, role: Role) -> LinkDecision | None:
        """A described part of a known group joins the group ("elite X troops in Y" -> X troops)."""
        if role == "location" or entity_type(text, role) != "group":
            return None
        core = group_core(text)
        if core is None:
            return None
        head = head_noun(tuple(core.split()))
        if head not in tables().people_plural or head in tables().tally_heads:
            return None  # "deaths in X" are a tally of their own, not a part of "deaths"
        match = self._lookup(core, actor=False)
        if match is None or self._entities[match.entity_key].type != "group":
            return None
        detail = f'"{core}", the group it describes a part of, {_said(match)}'
        return LinkDecision(match.entity_key, "group-core", None, detail)

    def _by_fuzzy(self, text: str, role: Role) -> LinkDecision | None:
        type = entity_type(text, role)
        query = blocking_key(text)
        one_word_person = type == "person" and len(name_keys(text).words) < 2
        if len(query) < 4 or one_word_person or name_keys(text).normalised in country_names():
            return None
        choices = self._blocking_choices(type)
        shortlist = process.extract(
            query,
            choices,
            scorer=fuzz.ratio,
            score_cutoff=self.fuzzy_threshold * 100,
            limit=_FUZZY_SHORTLIST,
        )
        best: tuple[float, _Match] | None = None
        for choice, _, _ in shortlist:
            for match in self._blocking[type][choice]:
                if name_keys(match.alias).normalised in country_names():
                    continue
                score = name_similarity(text, match.alias)
                if score >= self.fuzzy_threshold and (best is None or score > best[0]):
                    best = (score, match)
        if best is None:
            return None
        score, match = best
        detail = (
            f'matched "{match.alias}" by name similarity {score:.2f} '
            f"(threshold {self.fuzzy_threshold:.2f})"
        )
        return LinkDecision(match.entity_key, "fuzzy", round(score, 4), detail)

    def _blocking_choices(self, type: str) -> list[str]:
        if type not in self._blocking_lists:
            self._blocking_lists[type] = list(self._blocking.get(type, {}))
        return self._blocking_lists[type]


def _bare_name(text: str, role: Role) -> bool:
    """One word that could be a surname: not a location, country or capital."""
    if role == "location" or len(name_keys(text).words) != 1:
        return False
    return country_of(text, actor=True) is None


def _said(match: _Match) -> str:
    how = "exactly" if match.stage == "exact" else f"({match.stage})"
    return f'matched "{match.alias}" {how}'
