"""Article-wide references: full person names, pronoun antecedents and earlier sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from schemas.claims import Source
from service.extractors.offline.tokens import entities_among, word_set

# Ranks, titles and honorifics dropped from person names ("Dr Meerjady Sabrina Flora").
TITLES = word_set("""
    mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady president
    vice prime minister secretary chancellor senator sen. sen governor gov. gov rep. rep
    representative judge justice general gen. gen lt. colonel col. major maj. captain capt.
    commander admiral adm. sergeant sgt. mayor king queen prince princess pope ceo chairman
    chairwoman chair spokesperson spokesman spokeswoman director commissioner deputy chief
    ambassador minister. cardinal rev. reverend father sheikh
    """)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS
# "The National Disaster Risk Reduction and Management Council (NDRRMC)": a name and its short form.
_NAME_WORD = r"[A-Z][\w’'.&-]*"
_DEFINITION = re.compile(
    rf"({_NAME_WORD}(?:\s+(?:of|and|for|the|on|in|de|del|{_NAME_WORD}))*\s+{_NAME_WORD})"
    r"\s+\(([A-Z][A-Za-z]{1,11})\)"
)
_STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "s"})


@lru_cache(maxsize=4096)
def _stems(name: str) -> frozenset[str]:
    """Content-word stems of a name ("South Korea's" -> {"south", "korea"})."""
    words = re.findall(r"[a-z]+", name.lower().replace("’s", "").replace("'s", ""))
    return frozenset(word[:5] for word in words if word not in _STOP_WORDS)


def strip_titles(name: str) -> str:
    """The name without leading ranks and titles ("President Volodymyr Zelenskyy")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(",") in TITLES:
        words = words[1:]
    return " ".join(words)


@dataclass
class Mention:
    """A noun phrase seen earlier in the article, kept as a pronoun antecedent."""

    text: str
    offset: int
    person: bool
    plural: bool


@dataclass(frozen=True)
class KnownSource:
    """A source named earlier, with what back-references need to match it."""

    head_lemma: str
    source: Source
    plural: bool
    person: bool
    words: frozenset[str] = frozenset()  # noun lemmas of the phrase that named it


@dataclass
class References:
    """What the article has said so far that later sentences may refer back to."""

    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name)
    mentions: list[Mention] = field(default_factory=list)
    sources: list[KnownSource] = field(default_factory=list)
    short_forms: dict[str, str] = field(default_factory=dict)  # "NDRRMC" -> full name

    @classmethod
    def of(cls, docs: list[tuple[int, Doc]]) -> References:
        """Collect every PERSON entity and defined short form of the article (docs with
        their block offsets)."""
        persons = [
            (base + ent.start_char, strip_titles(ent.text))
            for base, doc in docs
            for ent in doc.ents
            if ent.label_ == "PERSON"
        ]
        short_forms: dict[str, str] = {}
        for _, doc in docs:
            for match in _DEFINITION.finditer(doc.text):
                full = re.sub(r"^(?:The|the)\s+", "", match.group(1))
                short_forms.setdefault(match.group(2), full)
        return cls(persons=persons, short_forms=short_forms)

    def expand(self, name: str) -> str:
        """A short form replaced by the full name the article defines for it."""
        bare = re.sub(r"^(?:The|the)\s+", "", name)
        if bare in self.short_forms:
            return self.short_forms[bare]
        match = re.fullmatch(r"(.+?)\s+\(([A-Z][A-Za-z]{1,11})\)", name)
        if match and match.group(2) in self.short_forms:
            return match.group(1)
        return name

    def full_name(self, name: str) -> str:
        """The fullest form the article gives of a person's name ("Austin" -> "Lloyd Austin")."""
        name = strip_titles(name).replace("’s", "").replace("'s", "")
        words = name.lower().split()
        if not words:
            return name
        best = name
        for _, candidate in self.persons:
            parts = candidate.replace("’s", "").replace("'s", "").split()
            lowered = [part.lower() for part in parts]
            same = lowered[-len(words) :] == words or lowered[: len(words)] == words
            if same and len(parts) > len(best.split()):
                best = " ".join(parts)
        return best

    def note(self, text: str, offset: int, *, person: bool, plural: bool) -> None:
        """Remember a noun phrase as a possible antecedent for later pronouns."""
        self.mentions.append(Mention(text, offset, person, plural))

    def antecedent(self, pronoun: str, offset: int) -> str | None:
        """The most recent phrase before `offset` that `pronoun` can refer to."""
        pronoun = pronoun.lower()
        if pronoun in PERSON_PRONOUNS:
            earlier = [name for start, name in self.persons if start < offset]
            return self.full_name(earlier[-1]) if earlier else None
        wants_plural = pronoun in PLURAL_PRONOUNS
        for mention in reversed(self.mentions):
            if mention.offset >= offset or mention.person:
                continue
            if mention.plural == wants_plural:
                return mention.text
        return None

    def remember_source(
        self,
        head_lemma: str,
        source: Source,
        *,
        plural: bool = False,
        words: frozenset[str] = frozenset(),
    ) -> None:
        """Record a source (and its channel) so "the official", "The Times", "it" or "they"
        can point back to it."""
        person = any(name == source.name for _, name in self.persons)
        if source.via:
            channel = Source(name=source.via)
            self._add(KnownSource(source.via.split()[-1].lower(), channel, False, False))
        self._add(KnownSource(head_lemma, source, plural, person, words))

    def _add(self, known: KnownSource) -> None:
        # Lookups scan from the most recent source back, so an earlier identical entry
        # can never change an answer; dropping it keeps the list as short as the
        # article's distinct sources.
        if known in self.sources:
            self.sources.remove(known)
        self.sources.append(known)

    def source_for_pronoun(self, pronoun: str, offset: int) -> Source | None:
        """The earlier source a pronoun subject of a reporting verb refers to."""
        if pronoun in PERSON_PRONOUNS:
            name = self.antecedent(pronoun, offset)
            if name is None:
                return None
            known = [k.source for k in self.sources if k.source.name == name]
            return known[-1] if known else Source(name=name)
        plural = pronoun in PLURAL_PRONOUNS
        for known_source in reversed(self.sources):
            if not known_source.person and known_source.plural == plural:
                return known_source.source
        return None

    def earlier_source(self, name: str, head_lemma: str) -> Source | None:
        """An earlier source this name refers back to: a definite description ("The
        officials", "the commissioner", "The Times") or a shorter wording of the same name
        ("South Korean intelligence" after "South Korea's National Intelligence Service")."""
        words = name.split()
        if not words:
            return None
        definite = words[0].lower() == "the"
        rest = [word.lower() for word in words[1:]]
        stems = _stems(name)
        for known_source in reversed(self.sources):
            known_name = known_source.source.name
            known = [word.lower() for word in known_name.split()]
            if definite and rest and known[-len(rest) :] == rest and known != ["the", *rest]:
                return known_source.source
            if (
                definite
                and len(rest) <= 2
                and head_lemma
                in {
                    known_source.head_lemma,
                    *known_source.words,
                }
            ):
                return known_source.source
            shorter = len(stems) >= 2 and len(stems) < len(_stems(known_name))
            if shorter and stems <= _stems(known_name):
                return known_source.source
        return None


def person_in(tokens: list[Token]) -> Span | None:
    """The PERSON entity of a phrase: the one at its head, else the last one."""
    indices = {token.i for token in tokens}
    found = [
        entity
        for entity in entities_among(tokens)
        if entity.label_ == "PERSON" and all(i in indices for i in range(entity.start, entity.end))
    ]
    for entity in found:
        if any(t.head.i not in indices or t.head.i == t.i for t in entity):
            return entity
    return found[-1] if found else None
