"""Article-wide references: full person names, pronoun antecedents and earlier sources."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from schemas.claims import Source
from service.extractors.offline.body_names import (
    NEWS_ORGANISATIONS,
    capitalised_bodies,
    country_names,
    defined_short_forms,
    initials,
    is_firm,
    organisation_name,
    with_country,
)
from service.extractors.offline.known_sources import KnownSource
from service.extractors.offline.owners import named_places
from service.extractors.offline.person_entities import told_with_which
from service.extractors.offline.person_words import BODY_INTRODUCERS
from service.extractors.offline.persons import Mention as PersonMention
from service.extractors.offline.persons import (
    agrees,
    gender_of,
    person_mentions,
    same_gender,
    strip_titles,
    titled_people,
)
from service.extractors.offline.tokens import article_offset, word_set

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS


@dataclass
class Mention:
    """A noun phrase seen earlier in the article, kept as a pronoun antecedent."""

    text: str
    offset: int
    person: bool
    plural: bool


@dataclass
class References:
    """What the article has said so far that later sentences may refer back to."""

    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name)
    # offset of a person mention -> (offset of its sentence, whether it is a subject)
    roles: dict[int, PersonMention] = field(default_factory=dict)  # by offset
    sentences: list[int] = field(default_factory=list)  # article offsets of sentence starts
    mentions: list[Mention] = field(default_factory=list)
    sources: list[KnownSource] = field(default_factory=list)
    short_forms: dict[str, str] = field(default_factory=dict)  # "CFWO" -> full name
    organisations: list[tuple[int, str]] = field(default_factory=list)  # (offset, name)
    subject_bodies: list[tuple[int, str]] = field(default_factory=list)  # organisations as subject
    possessors: set[int] = field(default_factory=set)  # offsets of "Tarn Power's", as owners
    titled: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, title, name)
    # "report" -> the body the article says wrote its one report ("the report by X")
    document_authors: dict[str, Source] = field(default_factory=dict)
    pollsters: list[tuple[int, Source]] = field(default_factory=list)  # authors of polls
    # "fertiliser maker Solvexa Química", "Vaskna Energia, which": names the article
    # introduced as a firm's or another body's
    # name -> the noun that introduced it ("club" of "football club Leith Albion"), or ""
    introduced_bodies: dict[str, str] = field(default_factory=dict)
    body_mentions: list[tuple[int, str]] = field(default_factory=list)  # capitalised names
    places: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, name, level)
    body_pairs: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, A, B)

    @classmethod
    def of(cls, docs: list[tuple[int, Doc]]) -> References:
        """Collect every PERSON entity and defined short form of the article (docs with
        their block offsets)."""
        mentions = person_mentions(docs)
        persons = [(m.offset, m.name) for m in mentions]
        roles = {m.offset: m for m in mentions}
        sentences = sorted(base + sent.start_char for base, doc in docs for sent in doc.sents)
        bodies = [
            (base + ent.start_char, with_country(doc, ent.start, name), ent)
            for base, doc in docs
            for ent in doc.ents
            if ent.label_ == "ORG" and (name := organisation_name(ent.text))
        ]
        organisations = [
            (at, name) for at, name, ent in bodies if ent.text.lower() not in NEWS_ORGANISATIONS
        ]
        subject_bodies = [
            (at, name) for at, name, ent in bodies if ent.root.dep_ in ("nsubj", "nsubjpass")
        ]
        possessors = {at for at, _, ent in bodies if _possessive(ent)}
        introduced_bodies: dict[str, str] = {}
        for _, name, ent in bodies:
            noun = _introducer(ent)
            if noun or told_with_which(ent):  # the first noun told stays
                introduced_bodies[name] = introduced_bodies.get(name) or noun
        return cls(
            persons=persons,
            possessors=possessors,
            roles=roles,
            sentences=sentences,
            short_forms=defined_short_forms(doc.text for _, doc in docs),
            organisations=organisations,
            subject_bodies=subject_bodies,
            titled=titled_people(docs),
            introduced_bodies=introduced_bodies,
            body_mentions=[found for base, doc in docs for found in capitalised_bodies(doc, base)],
            places=named_places(docs),
            body_pairs=_body_pairs(bodies),
        )

    def pair_before(self, offset: int) -> tuple[int, str, str] | None:
        """The latest two bodies named together ("Vestra Airlines and Kestrel Air") before."""
        return next((pair for pair in reversed(self.body_pairs) if pair[0] < offset), None)

    def expand(self, name: str) -> str:
        """A short form replaced by the full name the article defines or spells out."""
        bare = re.sub(r"^(?:The|the)\s+", "", name)
        if bare in self.short_forms:
            return self.short_forms[bare]
        if bare.isupper() and 2 <= len(bare) <= 6 and bare.isalpha():
            spelled = [n for _, n in self.organisations if initials(n) == bare]
            if spelled:  # "FAA" after "the Federal Aviation Administration"
                return spelled[0]
        match = re.fullmatch(r"(.+?)\s+\(([A-Z][A-Za-z]{1,11})\)", name)
        if match and match.group(2) in self.short_forms:
            return match.group(1)
        return name

    def full_name(self, name: str) -> str:
        """The fullest form the article gives of a person's name ("Vik" -> "Tor Vik")."""
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
        if best == name and len(words) == 1:  # "Olmedo" after "Javier Olmedo Ruiz"
            paternal = {
                " ".join(parts)
                for _, candidate in self.persons
                if len(parts := candidate.replace("’s", "").replace("'s", "").split()) == 3
                and parts[1].lower() == words[0]
                and parts[1][:1].isupper()
            }
            if len(paternal) == 1:
                best = paternal.pop()
        return best

    def note_person(self, name: str, offset: int) -> None:
        """Count a name the tagger missed as a person's ("spokesperson Marta Vell")."""
        if all(known != name for _, known in self.persons):
            self.persons.append((offset, name))

    def firm_named(self, word: str, *, last: bool = False) -> str | None:
        """The one firm whose name the article gave in full and `word` shortens ("Halden"
        after "Halden Motors Co"; with `last`, also "Solana" after "carrier Aerolíneas
        Solana", unless the word names a country)."""
        last = last and word.lower() not in country_names()
        firms = {
            name
            for _, name in self.organisations
            if len(name.split()) > 1 and self._shortened_to(name, word, last=last)
        }
        longest = max(firms, key=len, default=None)  # "Halden Motors" is "Halden Motors Co"
        words = longest.split() if longest else []
        if longest is None or any(words[: len(f.split())] != f.split() for f in firms):
            return None  # "Halden Motors" and "Halden Motorsport Ltd": two firms
        return longest

    def _shortened_to(self, name: str, word: str, *, last: bool) -> bool:
        """True when a firm's `name` is shortened to `word`: its first word, or (with `last`)
        the last word of a body the article introduced, not of "Bank of Ireland"."""
        words = name.split()
        introduced = name in self.introduced_bodies
        if words[0] == word:
            return is_firm(name) or introduced
        particles = {w.lower() for w in words} & NAME_PARTICLES
        return last and words[-1] == word and introduced and not particles

    def note(self, text: str, offset: int, *, person: bool, plural: bool) -> None:
        """Remember a noun phrase as a possible antecedent for later pronouns."""
        self.mentions.append(Mention(text, offset, person, plural))

    def antecedent(self, pronoun: str, offset: int) -> str | None:
        """The most recent phrase before `offset` that `pronoun` can refer to."""
        pronoun = pronoun.lower()
        if pronoun in PERSON_PRONOUNS:
            return self._person_before(pronoun, offset)
        wants_plural = pronoun in PLURAL_PRONOUNS
        for mention in reversed(self.mentions):
            if mention.offset >= offset or mention.person:
                continue
            if mention.plural == wants_plural:
                return mention.text
        return None

    def _person_before(self, pronoun: str, offset: int) -> str | None:
        """The person a "he"/"she" at `offset` refers to: in the nearest sentence before it
        that names a person of that gender, its first person in subject position, else its
        last person."""
        same = self._nearest_sentence_persons(pronoun, offset)
        if not same:
            return None
        if same[0].sentence == self.sentence_start(offset):  # "X endorsed Y, saying he ...": Y
            repeated = [m for m in same if m.pronoun and m.gender == same_gender(pronoun)]
            return self.full_name((repeated or same)[-1].name)  # "he did A, and he did B"
        gendered = [m for m in same if m.gender]  # "she" after "Biden praised Warren": Warren
        same = gendered or same
        subjects = [m for m in same if m.subject]
        return self.full_name(subjects[0].name if subjects else same[-1].name)

    def sentence_start(self, offset: int) -> int:
        """The offset of the sentence that holds `offset`."""
        index = bisect_right(self.sentences, offset) - 1
        return self.sentences[index] if index >= 0 else 0

    def remember_source(
        self,
        head_lemma: str,
        source: Source,
        *,
        plural: bool = False,
        words: frozenset[str] = frozenset(),
        offset: int = -1,
        outlet: bool = False,
    ) -> None:
        """Record a source (and its channel) so "the official", "The Gazette", "it" or "they"
        can point back to it."""
        person = any(name == source.name for _, name in self.persons)
        if source.via:
            channel = Source(name=source.via)
            lemma = source.via.split()[-1].lower()
            self._add(KnownSource(lemma, channel, False, False, offset=offset, outlet=True))
        self._add(KnownSource(head_lemma, source, plural, person, words, offset, outlet))

    def _add(self, known: KnownSource) -> None:
        # Lookups scan from the most recent source back, so an earlier identical entry
        # can never change an answer; dropping it keeps the list as short as the
        # article's distinct sources.
        if known in self.sources:
            self.sources.remove(known)
        self.sources.append(known)

    def source_for_pronoun(
        self, pronoun: str, offset: int, *, trailing: bool = False
    ) -> Source | None:
        """The earlier source a pronoun subject of a reporting verb refers to (`trailing`:
        the pronoun follows what was said, "P, he added")."""
        if pronoun in PERSON_PRONOUNS:
            speaker = self._recent_speaker(pronoun, offset, trailing=trailing)
            if speaker is not None:  # '"P," Teller said. He added ...': the speaker goes on
                return speaker
            name = self.antecedent(pronoun, offset)
            if name is None:
                return None
            known = [k.source for k in self.sources if k.source.name == name]
            return known[-1] if known else Source(name=name)
        plural = pronoun in PLURAL_PRONOUNS
        if not plural:
            body = self._body_told_before(offset)
            if body is not None:  # "The ministry gave a different account. It said P"
                return body
        channels = self.channel_names()
        for known_source in reversed(self.sources):
            if known_source.source.name in channels:
                continue  # "said in a video posted on Telegram. ... It said": not Telegram
            if not known_source.person and known_source.plural == plural:
                return known_source.source
        return None

    def channel_names(self) -> set[str]:
        """The channels earlier sources were relayed through ("Telegram", "Reuters")."""
        return {k.source.via for k in self.sources if k.source.via}

    def _body_told_before(self, offset: int) -> Source | None:
        """The organisation that is the subject of the sentence right before `offset`."""
        start = self.sentence_start(offset)
        previous = self.sentence_start(start - 1) if start > 0 else start
        bodies = [name for at, name in self.subject_bodies if previous <= at < start]
        if not bodies:
            return None
        body = bodies[-1]  # "The Times" after "The New York Times": the source named before
        known = [
            k.source
            for k in self.sources
            if f" {k.source.name}".endswith(f" {body}")
            and f" and {body}" not in f" {k.source.name}"  # not "the FAO and WFP" for "WFP"
        ]
        return known[-1] if known else Source(name=self.expand(body))

    def _recent_speaker(self, pronoun: str, offset: int, *, trailing: bool) -> Source | None:
        """The latest source, when it is a person named in the nearest sentence before
        `offset` that names a person the pronoun can refer to."""
        if self.sources and self._unnamed_speaker_before(pronoun, offset):
            return self.sources[-1].source  # "..., a Red Crescent spokesman said. He said P"
        if not self.sources or not self.sources[-1].person:
            return None
        # after what was said, persons before the pronoun's own sentence: in "Pryce had
        # repaid the money, he added", Pryce is what was said, not who said it
        before = self.sentence_start(offset) if trailing else offset
        named = {self.full_name(m.name) for m in self._nearest_sentence_persons(pronoun, before)}
        latest = self.sources[-1].source
        return latest if latest.name in named else None

    def _unnamed_speaker_before(self, pronoun: str, offset: int) -> bool:
        """True when the latest source is one unnamed person ("a spokesman") told in the
        sentence right before `offset`, of a gender the pronoun fits."""
        latest = self.sources[-1]
        if latest.person or latest.plural or not latest.source.anonymous or latest.offset < 0:
            return False
        if latest.head_lemma not in _UNNAMED_SPEAKERS:
            return False
        start = self.sentence_start(offset)
        if not (start > 0 and self.sentence_start(start - 1) <= latest.offset < start):
            return False
        return agrees(pronoun, gender_of({latest.head_lemma}))

    def note_pronoun(self, pronoun: Token, name: str) -> None:
        """Record a resolved "he"/"she" subject as a mention of its person."""
        # so a chain of pronouns keeps to that person ("He completed ... he made ...")
        offset = article_offset(pronoun)
        gender = same_gender(pronoun.lower_)
        sentence = self.sentence_start(offset)
        self.roles[offset] = PersonMention(offset, name, sentence, True, gender, pronoun=True)

    def _nearest_sentence_persons(self, pronoun: str, offset: int) -> list[PersonMention]:
        """The person mentions the pronoun can refer to in the nearest sentence before
        `offset` that has any, in article order."""
        # a person an earlier "she" was resolved to is no "he" ("Kvarn said she ...")
        resolved = [m for m in self.roles.values() if m.pronoun]
        fits = {self.full_name(m.name) for m in resolved if agrees(pronoun, m.gender)}
        other = {self.full_name(m.name) for m in resolved} - fits
        earlier = sorted(
            (
                m
                for m in self.roles.values()
                if m.offset < offset
                and agrees(pronoun, m.gender)
                and self.full_name(m.name) not in other
            ),
            key=lambda m: m.offset,
        )
        if not earlier:
            return []
        return [m for m in earlier if m.sentence == earlier[-1].sentence]


def _body_pairs(bodies: list[tuple[int, str, Span]]) -> list[tuple[int, str, str]]:
    """Two organisations named together in one sentence ("carrier Vestra Airlines and its
    rival Kestrel Air"), for a later "the airlines" or "the two companies"; not the last two
    of a longer list ("the FSO, the CCT and the LUE")."""
    pairs = []
    for k in range(1, len(bodies)):
        at, first, one = bodies[k - 1]
        _, second, other = bodies[k]
        if other.doc is not one.doc or one.sent != other.sent or first == second:
            continue
        between = [t.lower_ for t in one.doc[one.end : other.start]]
        if "and" not in between or len(between) > 4 or "," in between[:1]:
            continue
        earlier = bodies[k - 2][2] if k >= 2 else None
        later = bodies[k + 1][2] if k + 1 < len(bodies) else None
        listed = earlier is not None and earlier.doc is one.doc and one.start - earlier.end <= 2
        listed = listed or (
            later is not None and later.doc is one.doc and later.start - other.end <= 3
        )
        # "the unions at Vestra Airlines and Kestrel Air": bodies a group belongs to
        belonging = one.root.dep_ == "pobj"
        if not listed and not belonging:
            pairs.append((at, _unpossessed(first), _unpossessed(second)))
    return pairs


def _unpossessed(name: str) -> str:
    """ "Kestrel Air's" -> "Kestrel Air"."""
    return name.removesuffix("'s").removesuffix("’s").rstrip("'’")


def _introducer(entity: Span) -> str:
    """The body's noun a name was told right after ("run by fertiliser maker Solvexa Química",
    "football club Leith Albion"), or "" for none."""
    before = entity.doc[entity.start - 1] if entity.start else None
    return before.lower_ if before is not None and before.lower_ in BODY_INTRODUCERS else ""


def _possessive(entity: Span) -> bool:
    """ "Tarn Power's grid": an organisation told as the owner of what follows."""
    doc = entity.doc
    return entity[-1].tag_ == "POS" or (entity.end < len(doc) and doc[entity.end].tag_ == "POS")


# Lower-case words inside organisation names.
NAME_PARTICLES = frozenset({"of", "for", "and", "the", "du", "de", "des", "la", "le", "del"})
# Unnamed people a later "he" or "she" can go on quoting.
_UNNAMED_SPEAKERS = word_set("""
    spokesman spokeswoman spokesperson official officer diplomat source aide adviser advisor
    representative doctor witness resident lawyer attorney agent worker volunteer medic nurse
    rescuer engineer analyst expert survivor villager farmer teacher
    """)
