"""How organisations are named and described: "the company", "the news agency", initials."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale
from spacy.tokens import Doc, Token

from service.extractors.offline.person_words import (
    FIRM_ENDINGS,
    GROUP_ENDINGS,
    NOT_PERSONS,
    TITLES,
)
from service.extractors.offline.tokens import word_set

_STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "s"})
# Descriptions of a business, which never point back to a public body ("the company" is
# not "the Ministry of Energy").
BUSINESS_DESCRIPTIONS = word_set("""
    company firm carrier airline manufacturer insurer retailer lender bank operator utility
    carmaker automaker chipmaker drugmaker miner producer supplier developer exporter
    conglomerate startup
    """)
# "the company", "the agency": a description of an organisation named before.
BODY_DESCRIPTIONS = BUSINESS_DESCRIPTIONS | word_set("""
    agency ministry department directorate institute regulator watchdog foundation charity
    organisation organization university college school hospital council commission
    committee museum group movement party union coalition alliance association federation
    league club team network fund board bank bureau prefecture tribunal service observatory
    inspectorate pollster office authority district
    """)
# The name words of public bodies.
PUBLIC_BODY_WORDS = word_set("""
    ministry department directorate agency authority council office service commission
    committee police army navy government court parliament university institute command
    college school hospital museum airport inspectorate bureau administration tribunal senate
    assembly legislature municipality secretariat
    """)
# Descriptions that only fit a body whose name says so ("the council", "the university").
NAMED_KINDS = word_set("""
    ministry department directorate council commission committee court university college
    school hospital museum institute foundation party union coalition alliance
    association federation league club team network movement fund board bank bureau
    prefecture tribunal service observatory inspectorate district
    """)
# Organisations that report news rather than make it: never the body "the company" means.
# (Time zones the small model tags as organisations are left out too: "(1752 GMT)".)
NEWS_ORGANISATIONS = NOT_PERSONS | word_set("afp ap bloomberg gmt utc est edt pst pdt cet cest")


@lru_cache(maxsize=4096)
def stems(name: str) -> frozenset[str]:
    """Content-word stems of a name ("New Zealand's" -> {"new", "zeala"})."""
    words = re.findall(r"[a-z]+", name.lower().replace("’s", "").replace("'s", ""))
    return frozenset(word[:5] for word in words if word not in _STOP_WORDS)


# Descriptions of a news outlet: "the newspaper", "the state news agency", "the broadcaster".
_OUTLET_HEADS = word_set("newspaper paper broadcaster tabloid daily magazine broadsheet")
_OUTLET_MODIFIERS = word_set("news state local national public private online daily weekly")


def describes_an_outlet(words: list[str]) -> bool:
    """True for "newspaper", "state news agency": words that only describe a news outlet."""
    if not words or not all(w in _OUTLET_MODIFIERS | _OUTLET_HEADS | {"agency"} for w in words):
        return False
    return words[-1] in _OUTLET_HEADS or words[-2:] == ["news", "agency"]


def initials(name: str) -> str:
    """ "Federal Aviation Administration" -> "FAA" (small words left out)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _STOP_WORDS)


def says(description: str, name: str) -> bool:
    """True when the name itself says what "the <description>" says ("the company" of a
    firm, "the ministry" of a ministry)."""
    words = {word.lower() for word in name.split()}
    return description in words or (description in ("company", "firm") and is_firm(name))


def names_its_kind(description: str, name: str) -> bool:
    """True when the name tells what "the <description>" says ("the utility" of "Coastal
    Grid Energy", "the airline" of "Orvida Airlines"), not merely that it could be one."""
    words = {word.lower() for word in name.split()}
    return says(description, name) or bool(words & _KIND_WORDS.get(description, frozenset()))


# Name words that tell a business's kind.
_KIND_WORDS = {
    "utility": word_set("energy power electric electricity grid water gas"),
    "airline": word_set("air airlines airways aviation"),
    "carrier": word_set("air airlines airways aviation shipping lines"),
    "lender": word_set("bank credit finance"),
    "bank": word_set("bank banco banca"),
    "insurer": word_set("insurance assurance"),
    "miner": word_set("mining minerals resources"),
    "carmaker": word_set("motors auto automotive"),
    "automaker": word_set("motors auto automotive"),
    "drugmaker": word_set("pharma pharmaceuticals biotech therapeutics"),
}


def is_firm(name: str) -> bool:
    """True for a name that ends like a company's ("Ilvane Biologics", "Kerrin Holdings")."""
    words = name.lower().split()
    return bool(words) and words[-1].strip(".,") in FIRM_ENDINGS


def organisation_name(text: str) -> str:
    """An organisation entity as a source name: no leading "the", no possessive."""
    text = re.sub(r"^(?:The|the)\s+", "", text.strip())
    return text.removesuffix("’s").removesuffix("'s").strip()


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-case English names of countries and territories, from Babel's locale data."""
    return frozenset(str(name).lower() for name in Locale("en").territories.values())


def fits(description: str, name: str) -> bool:
    """True when an organisation of this name can be what "the <description>" means: "the
    company" no public body, "the council" only a council, "the agency" any body."""
    words = {word.lower() for word in name.split()}
    if description in words:
        return True
    if description == "group":
        return bool(name.split()) and name.split()[-1].lower() in GROUP_ENDINGS
    if description in BUSINESS_DESCRIPTIONS:  # not "the Pilots' Union" for "the airline"
        return not words & (PUBLIC_BODY_WORDS | (GROUP_ENDINGS - {"group"}))
    if description in _PUBLIC_DESCRIPTIONS and is_firm(name):  # "the authority": no firm
        return False
    return description not in NAMED_KINDS


# Descriptions of public bodies, which never mean a firm.
_PUBLIC_DESCRIPTIONS = word_set("agency authority office regulator watchdog")


def says_a_public_body(description: str, name: str) -> bool:
    """False for a body told as a public one ("the regulator's decision") whose name says no
    public body (a firm speaking in the story); an acronym ("UNHCR") may be any."""
    if description not in _PUBLIC_DESCRIPTIONS or name.isupper():
        return True
    return any(word.lower() in PUBLIC_BODY_WORDS for word in name.split())


# "The Coastal Flood Warning Office (CFWO)": a name and its short form.
_NAME_WORD = r"[A-Z][\w’'.&-]*"
_DEFINITION = re.compile(
    rf"({_NAME_WORD}(?:\s+(?:of|and|for|the|on|in|de|del|{_NAME_WORD}))*\s+{_NAME_WORD})"
    r"\s+\(([A-Z][A-Za-z]{1,11})\)"
)


def defined_short_forms(texts: Iterable[str]) -> dict[str, str]:
    """Every short form the texts define, with its full name ("CFWO" -> "Coastal Flood
    Warning Office"); the first definition wins."""
    short_forms: dict[str, str] = {}
    for text in texts:
        for match in _DEFINITION.finditer(text):
            full = re.sub(r"^(?:The|the)\s+", "", match.group(1))
            short_forms.setdefault(match.group(2), full)
    return short_forms


_PLACE_REFERENCES = frozenset({"country", "nation", "province", "state", "region", "city"})


def without_place_reference(tokens: list[Token], head: Token) -> list[Token]:
    """ "the country's National Disaster Agency": the name without "the country's"."""
    if len(tokens) < 4 or head.pos_ != "PROPN" or tokens[0].lower_ != "the":
        return tokens
    if tokens[1].lower_ in _PLACE_REFERENCES and tokens[2].tag_ == "POS":
        return tokens[3:]
    return tokens


def without_seat(tokens: list[Token]) -> list[Token]:
    """ "researchers at the Varn Institute in Hamburg, Germany": the body without the city
    and country it sits in, which no label keeps ("the Ministry of Health in Gaza" keeps its
    place, which tells the ministry)."""
    for k, token in enumerate(tokens[:-1]):
        seat = token.lower_ == "in" and token.head.ent_type_ == "ORG" and k > 0
        rest = [t for t in tokens[k + 1 :] if t.text != ","]
        places = bool(rest) and all(t.ent_type_ in ("GPE", "LOC") for t in rest)
        if seat and places and rest[0].ent_iob_ == "B" and _city_and_country(rest[-1]):
            return tokens[:k]
    return tokens


def _city_and_country(last: Token) -> bool:
    """ "in Hamburg, Germany": a place told with its country after it (the parse may leave
    the country out of the phrase)."""
    doc = last.doc
    following = doc[last.i + 2] if last.i + 2 < len(doc) else None
    told = following is not None and doc[last.i + 1].text == ","
    country = following if told else None
    return (country is not None and country.lower_ in country_names()) or (
        last.lower_ in country_names() and last.i > 1 and doc[last.i - 1].text == ","
    )


def capitalised_bodies(doc: Doc, base: int) -> list[tuple[int, str]]:
    """Every name of a body the text gives as proper nouns ending in a body word ("the West
    Sahel Crop Protection Agency"), with its offset, whether or not the entity tagger caught
    it; not a place ("the West Bank") nor a title ("Water Agency chief Luis Pardo")."""
    found = []
    for token in doc:
        if token.lower_ not in BODY_DESCRIPTIONS or token.pos_ != "PROPN":
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        titled = following is not None and (following.pos_ == "PROPN" or following.lower_ in TITLES)
        if titled or token.ent_type_ == "GPE":  # "the West Bank", "the Soviet Union"
            continue
        start = token.i
        while start > token.sent.start and _in_name(doc[start - 1]):
            start -= 1
        if start < token.i:
            name = with_country(doc, start, doc[start : token.i + 1].text)
            found.append((base + doc[start].idx, name))
    return found


def _in_name(token: Token) -> bool:
    """A proper noun, or a capitalised adjective inside a sentence ("East African"), not one
    opening it ("Former Water Agency chief ...")."""
    adjective = token.pos_ == "ADJ" and token.text[:1].isupper() and not token.is_sent_start
    return token.pos_ == "PROPN" or adjective


# Words of a state body's name, which labels give with the country owning it ("Spain's
# Ministry of Health"); not a university's, a hospital's or a firm's.
_STATE_BODY_WORDS = word_set("""
    ministry department directorate agency authority office service commission police army
    navy government court parliament institute inspectorate bureau observatory secretariat
    """)


def with_country(doc: Doc, start: int, name: str) -> str:
    """ "Spain's Ministry of Health": a state body named from token `start` keeps the country
    told as its owner, as the labels name it; a firm or a university does not."""
    if start < 2 or doc[start - 1].tag_ != "POS":
        return name
    owner = doc[start - 2]
    state = {word.lower() for word in name.split()} & _STATE_BODY_WORDS
    if owner.ent_type_ != "GPE" or not state or is_firm(name):
        return name
    first = owner.i
    while first > 0 and doc[first].ent_iob_ == "I":  # "South Korea's"
        first -= 1
    if first > 0 and doc[first - 1].lower_ in ("and", "of", "&"):
        return name  # "Bosnia and Herzegovina's": the tagger split the country
    country = organisation_name(doc[first : owner.i + 1].text)  # not "The United Arab ..."
    return f"{country}{doc[start - 1].text} {name}"
