"""Earlier sources and named bodies a later phrase refers back to: "the company" after
"Orvik Paints said", "the two companies", "the judge" after "Judge Ana Berg ruled"."""

from __future__ import annotations

import re

from schemas.claims import Source
from service.extractors.offline.body_names import (
    BODY_DESCRIPTIONS,
    BUSINESS_DESCRIPTIONS,
    describes_an_outlet,
    fits,
    is_firm,
    names_its_kind,
    says,
)
from service.extractors.offline.known_sources import refers_back
from service.extractors.offline.person_words import TITLES
from service.extractors.offline.references import NAME_PARTICLES, References
from service.extractors.offline.tokens import word_set


def earlier_source(refs: References, name: str, head_lemma: str, offset: int) -> Source | None:
    """An earlier source this name refers back to: a definite description ("The
    officials", "the commissioner", "The Times") or a shorter wording of the same name
    ("Chilean customs" after "Chile's National Customs Service")."""
    words = name.split()
    if not words:
        return None
    definite = words[0].lower() == "the"
    rest = [word.lower() for word in words[1:]]
    for known_source in reversed(refs.sources):
        if refers_back(known_source, name, head_lemma):
            return known_source.source
    if definite and describes_an_outlet(rest):  # "the news agency" after "X reported"
        outlets = [k.source for k in refs.sources if k.outlet and not k.source.anonymous]
        if outlets:
            return outlets[-1]
    if definite and rest == ["statement"] and head_lemma == "statement":
        named = [k.source for k in refs.sources if not (k.source.anonymous or k.person)]
        if named:  # "..., the statement added": the body last quoted
            return named[-1]
    if definite and rest == ["authors"] and head_lemma == "author":  # "the authors wrote"
        return refs.document_authors.get("study")  # the study's, not an analysis cited
    if definite and rest == [head_lemma] and head_lemma in BODY_DESCRIPTIONS:  # not plural
        return described_body(refs, head_lemma, offset)
    if definite and len(rest) == 2 and rest[0] == "two" and head_lemma in BODY_DESCRIPTIONS:
        return _two_bodies(refs, head_lemma, offset) or _pair_before(refs, head_lemma, offset)
    if words[0].lower() in ("the", "both") and rest[-1:] == [head_lemma + "s"] and len(rest) <= 2:
        return _pair_before(refs, head_lemma, offset)  # "the airlines", "both banks"
    described = len(rest) > 1 and words[-1] == head_lemma  # not "the Tarn Ports Authority"
    if definite and described and head_lemma in BODY_DESCRIPTIONS:
        return _modified_body(refs, words[1:-1], head_lemma, offset)
    if len(words) == 1 and words[0].lower() in _GROUPS:  # "police" after "Dayton Police ..."
        return _fuller_group(refs, words[0].lower(), offset)
    if definite and len(rest) == 1 and rest[0] in TITLES:  # "the judge" after "Judge X"
        holders = [
            name for start, title, name in refs.titled if start < offset and title == rest[0]
        ]
        return Source(name=refs.full_name(holders[-1])) if holders else None
    return None


def described_body(
    refs: References, description: str, offset: int, *, sources: bool = True
) -> Source | None:
    """The organisation "the company" at `offset` points back to, named before it."""
    if description == "pollster":  # "citing the pollster's figures": the poll's author
        before = [source for at, source in refs.pollsters if at < offset]
        return before[-1] if before else None
    # as a source (unless `sources` is off, for lookups made after every source is
    # known) or anywhere in the text
    people = {word for _, person in refs.persons for word in person.split()}
    channels = refs.channel_names()  # "told the broadcaster NBR": no agency of the story
    # "the club" after "football club Leith Albion": the one body its own noun introduced
    introduced = {
        name
        for at, name in refs.organisations
        if at < offset and refs.introduced_bodies.get(name) == description
    }
    introduced = introduced if len(introduced) == 1 else set()
    fitting = [
        (at, name)
        for at, name in refs.organisations
        if at < offset
        and (fits(description, name) or name in introduced)
        and name not in people | channels
    ]
    sentence = refs.sentence_start(offset)
    here = [name for at, name in fitting if at >= sentence and at in refs.possessors]
    if sources and here:  # "Demand on Tarn Power's grid peaked, the utility said": the owner
        return Source(name=here[-1])
    source = _latest_named_body(refs, description) if sources else None
    if source is not None:  # the body already speaking ("Ardent Mills said ...")
        return source
    if description in BUSINESS_DESCRIPTIONS:  # a firm's name over a product's or place's
        firms = [(start, name) for start, name in fitting if is_firm(name)]
        fitting = firms or fitting
    if not sources:  # a subject: only a body whose name says what the description says
        fitting = [(start, name) for start, name in fitting if says(description, name)]
    return Source(name=fitting[-1][1]) if fitting else None


def _modified_body(
    refs: References, modifiers: list[str], description: str, offset: int
) -> Source | None:
    """ "the conduct board", "the holding company": the body "the <description>" points back
    to, named before, when its name holds every modifier. A capitalised one ("the Danish
    company", "the Labour Party group") may tell one body from another, which the names
    alone do not show: no body then."""
    if any(word.lower() in _OTHER_BODY or not word.islower() for word in modifiers):
        return None  # "the rival company", "the country's prison service"
    found = described_body(refs, description, offset)
    if found is None or not found.name[:1].isupper():  # not the description itself
        return None
    named = {word.lower() for word in found.name.split()}
    return found if all(word in named for word in modifiers) else None


# Modifiers of a description that point away from the body named before.
_OTHER_BODY = word_set("same other another new rival former previous local foreign second both")


# Groups of people an article may name more fully first ("race organisers", "Romanian police").
_GROUPS = word_set("police organisers organizers investigators rescuers")


# What a police force's name may end in after "Police".
_FORCE_ENDINGS = word_set("department service force")


def _elsewhere(refs: References, name: str, offset: int) -> bool:
    """True when the sentence at `offset` names a place the fuller name does not ("In
    Cincinnati, police said" after "the Dayton Police Department")."""
    start = refs.sentence_start(offset)
    return any(start <= at < offset and place not in name for at, place, _ in refs.places)


def _fuller_group(refs: References, word: str, offset: int) -> Source | None:
    """ "organisers" after "race organisers", "police" after "the Dayton Police Department":
    the one earlier source that named the group more fully, or None."""
    fuller: dict[str, Source] = {}
    for known in refs.sources:
        names = known.source.name.split()
        lowered = [name.lower() for name in names]
        if known.person or known.offset >= offset or len(names) < 2 or word not in lowered:
            continue
        if "and" in lowered or "," in known.source.name:
            continue  # "the hospital group and police": a joint source, not the group
        grouped = lowered[-1] == word  # "race organisers", "Romanian police"
        # "Dayton Police Department", not "Police Federation" or "Police Training College"
        force = lowered[-2] == word and lowered[-1] in _FORCE_ENDINGS
        if (grouped or force) and not _elsewhere(refs, known.source.name, offset):
            fuller[known.source.name] = known.source
    return next(iter(fuller.values())) if len(fuller) == 1 else None


def _two_bodies(refs: References, description: str, offset: int) -> Source | None:
    """ "the two companies": the last two bodies of that kind named together in one
    sentence before, in the article's order ("Brandt Logistik and Nordfrakt Shipping")."""
    by_sentence: dict[int, list[str]] = {}
    for at, name in refs.organisations:
        if at < offset and fits(description, name):
            names = by_sentence.setdefault(refs.sentence_start(at), [])
            if name not in names:
                names.append(name)
    pairs = [names for _, names in sorted(by_sentence.items()) if len(names) >= 2]
    return Source(name=f"{pairs[-1][0]} and {pairs[-1][1]}") if pairs else None


def _pair_before(refs: References, description: str, offset: int) -> Source | None:
    """ "the airlines" after "carrier Vestra Airlines and its rival Kestrel Air": the two
    bodies last named together as a subject, if no other body was named since and neither
    is a public body where a firm is meant ("Regulator FinWatch and Tarn Bank")."""
    if description not in _PAIRED_BODIES:
        return None
    found = refs.pair_before(offset)
    if found is None:
        return None
    at, first, second = found
    since = [name for start, name in refs.organisations if at < start < offset]
    if any(name not in (first, second) for name in since):
        return None
    told = [*first.lower().split(), *second.lower().split()]
    told += [refs.introduced_bodies.get(name) or "" for name in (first, second)]  # "regulator X"
    public = set(told) & _PUBLIC_WORDS
    if description in _FIRMS and public:
        return None
    return Source(name=f"{refs.expand(first)} and {refs.expand(second)}")


# Plural kinds of body that take up two named together before ("the airlines said").
_FIRMS = word_set("company firm airline carrier bank lender insurer retailer club")
_PAIRED_BODIES = _FIRMS | word_set("group agency organisation organization")
_PUBLIC_WORDS = word_set(
    "authority regulator federation commission ministry agency council office association"
)


def body_ending_in(refs: References, words: str) -> str | None:
    """The latest organisation whose name ends in these words ("the ports authority" after
    "Tarn Ports Authority"), or None."""
    named = [name for _, name in refs.organisations if name.lower().endswith(words.lower())]
    return named[-1] if named else None


def organisation_before(refs: References, offset: int) -> Source | None:
    """The organisation named last before `offset` ("its annual report")."""
    named = [name for start, name in refs.organisations if start < offset]
    return Source(name=named[-1]) if named else None


def mentioned_body(refs: References, description: str, offset: int) -> Source | None:
    """ "a spokeswoman for the agency": the body named last before `offset` whose name says
    the description, by the entity tagger's name, or by proper nouns it missed when they come
    later ("Farmers blamed the Lake Chad Basin Water Agency")."""
    tagged = described_body(refs, description, offset, sources=False)
    tagged_end = max(
        (at + len(name) for at, name in refs.organisations if tagged and name == tagged.name),
        default=-1,
    )
    missed = [
        (at, name)
        for at, name in refs.body_mentions
        if tagged_end < at < offset and says(description, name)
    ]
    if missed:
        return Source(name=missed[-1][1])
    # "a senior official at the utility" after "Coastal Grid Energy said": the body speaking,
    # when its name tells that kind (not "Orvida Airlines" for "the utility")
    speaking = None if tagged else _latest_named_body(refs, description)
    kinds = {
        k.source.name
        for k in refs.sources
        if not (k.person or k.source.anonymous) and names_its_kind(description, k.source.name)
    }
    if speaking is not None and kinds == {speaking.name}:  # one such body, or no telling
        return speaking
    return tagged


def _latest_named_body(refs: References, description: str) -> Source | None:
    """The most recent source that is a named organisation ("Vessa Pharma") of a kind
    the description fits."""
    channels = refs.channel_names()  # not "Telegram"
    for known_source in reversed(refs.sources):
        source = known_source.source
        if source.name in channels:
            continue
        words = re.sub(r"^(?:The|the)\s+", "", source.name).split()
        proper = bool(words) and all(
            word[:1].isupper() or word in NAME_PARTICLES for word in words
        )  # "Médecins du Monde", "Bank of Marovia"
        named_body = not (known_source.person or source.anonymous or source.via)
        if proper and named_body and fits(description, " ".join(words)):
            return source
    return None
