"""Trimming a source phrase to the name it gives: no leading article (unless a title keeps
it), no description around the name ("local broadcaster Radio Velmont"), no appositive."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.person_words import (
    BODY_INTRODUCERS,
    DESCRIBING_ONLY,
    GROUP_ENDINGS,
    TITLES,
)
from service.extractors.offline.tokens import strip_edges, word_set

_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})


# Common nouns that describe an outlet after its name ("the RIA Novosti news agency").
_OUTLET_KINDS = word_set("news agency newspaper broadcaster channel network website tabloid")
# Kinds of publication a name follows, which the tagger may take for adjectives ("daily").
_PRESS_KINDS = word_set("daily weekly monthly newspaper paper tabloid magazine broadcaster")


# Words that join the capitalised words of one name ("La Voz del Paraná", "Vest-Posten").
NAME_JOINERS = frozenset(
    {"&", "of", "for", "and", "-", "de", "del", "des", "da", "do", "dos", "du", "la", "le"}
)


def _in_name(tokens: list[Token], position: int) -> bool:
    """A word of a proper name: capitalised, or a joiner between capitalised words
    ("Doctors Across Borders", "Vell Light & Power", "La Voz del Paraná")."""
    token = tokens[position]
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    if token.like_num and position > 0 and tokens[position - 1].pos_ == "PROPN":
        return True  # "Maritime News 95", "Radio 4"
    if token.text[:1].isupper() and not token.is_sent_start and token.pos_ == "NOUN":
        return True  # "charity Doctors Across Borders": a capitalised name word
    inner = 0 < position < len(tokens) - 1 and tokens[position - 1].text[:1].isupper()
    joiner = token.text in NAME_JOINERS or (
        token.text[:1].isupper() and token.pos_ in ("ADP", "CCONJ", "NOUN")
    )
    return inner and joiner and tokens[position + 1].text[:1].isupper()


def without_description(tokens: list[Token]) -> list[Token]:
    """The name alone when common words only describe it ("local broadcaster Radio Velmont",
    "utility Southfield Electric", "the RIA Novosti news agency")."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].text.islower() and tokens[end - 1].lower_ in _OUTLET_KINDS:
        end -= 1
    named = tokens[end - 1].pos_ == "PROPN" and tokens[end - 1].text[:1].isupper()
    trimmed = end < len(tokens) and named  # not "the national statistics agency"
    if trimmed:
        tokens = tokens[:end]
    start = len(tokens)
    while start > 0 and _in_name(tokens, start - 1):
        start -= 1
    if start < len(tokens) and tokens[start].lower_ in ("of", "for", "and", "&"):
        return tokens  # "Residents of Korr": no name starts with "of"
    if start == 0 and len(tokens) > 1 and _opening_description(tokens[0], tokens[1]):
        return tokens[1:]  # "Newspaper Gazeta Capitalei reported"
    described = tokens[:start]
    if trimmed and start < len(tokens) and [t.lower_ for t in described] == ["the"]:
        return tokens[start:]  # "the Pelita news agency": the article went with the kind
    if not described or start == len(tokens):
        return tokens
    if (
        described[-1].lower_ in _PRESS_KINDS
        and all(  # the tagger may take "daily" for an adverb
            t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in described[:-1]
        )
    ):
        return tokens[start:]  # "the Lyon daily Le Courrier", "the business weekly Ostmark"
    if _body_described(described, tokens[start]):
        return tokens[start:]  # "Ruling party Nuevo Rumbo", "Farmers' union Tierra Libre"
    if described[-1].pos_ != "NOUN":
        return tokens
    opening = described[0].is_sent_start  # "National carrier Aeris Air said"
    # "Zarnak's state news agency ZNA": a possessive owner before the description
    owner = len(described) > 2 and described[1].tag_ == "POS"
    # "rate-tracking website RateLens", "the Tallinn-based think tank X": hyphened modifiers
    described = [t for t in described if not _hyphened_modifier(t)]
    lowered = all(t.text.islower() or (t is described[0] and (opening or owner)) for t in described)
    kinds = ("DET", "ADJ", "NOUN", "PROPN") if owner else ("DET", "ADJ", "NOUN")
    if described and lowered and all(t.pos_ in kinds or t.tag_ == "POS" for t in described):
        return tokens[start:]
    return tokens


def _body_described(described: list[Token], name: Token) -> bool:
    """Lower-case words ending in a body's noun before a name the tagger calls a body's."""
    lowered = all(t.text.islower() or t.is_sent_start or t.tag_ == "POS" for t in described)
    named = name.ent_type_ == "ORG" and name.ent_iob_ == "B"
    return lowered and named and described[-1].lower_ in BODY_INTRODUCERS


def _opening_description(first: Token, following: Token) -> bool:
    """A capitalised description opening a sentence before a name the tagger tells apart
    ("Broadcaster [Canal Centru]"), not a word of the name ("Union Pacific")."""
    described = bool(first.is_sent_start) and first.lower_ in DESCRIBING_ONLY | _PRESS_KINDS
    return described and first.ent_type_ == "" and following.ent_iob_ == "B"


def _hyphened_modifier(token: Token) -> bool:
    """A word of a hyphened modifier, the hyphen included ("rate-tracking", "Oslo-based")."""
    doc = token.doc
    if token.text == "-":
        return token.i > 0 and not doc[token.i - 1].whitespace_ and not token.whitespace_
    before = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    after = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return (before and token.i + 2 < len(doc)) or (after and token.text.islower())


def without_article(name: str) -> str:
    """A name without a leading article, which only a publication keeps ("The Times")."""
    first, _, rest = name.partition(" ")
    words = rest.split()
    named = bool(words) and words[0][:1].isupper() and "," not in rest
    if not named or words[-1].lower() in TITLE_ENDINGS:
        return name
    return rest if first.lower() in ("the", "a", "an") else name


# Last words of publications whose "The" is part of the title.
TITLE_ENDINGS = word_set("""
    times post herald journal guardian telegraph economist independent globe star sun mail
    tribune gazette chronicle observer mirror express standard nation atlantic register
    inquirer examiner courier review bulletin
    """)


def without_appositive(tokens: list[Token]) -> list[Token]:
    """The phrase without a comma-set-off appositive, or the name when that comes second."""
    ids = {t.i for t in tokens}
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if comma is not None and 0 < comma < len(tokens) - 1:  # "the party's chair, Lotte Varn"
        role, name = tokens[:comma], tokens[comma + 1 :]
        root = next((t for t in name if t.head.i not in {n.i for n in name}), name[-1])
        detached = root.head.i not in {t.i for t in role}  # the parser left the name off
        if role[-1].pos_ == "NOUN" and detached and all(t.pos_ == "PROPN" for t in name):
            return name
    for token in tokens:
        if token.dep_ == "appos" and token.head.i in ids and token.i > token.head.i:
            inside = {t.i for t in token.subtree}
            before = token.doc[token.left_edge.i - 1] if token.left_edge.i else token
            if before.text != "," or any(token.doc[i].ent_type_ == "PERSON" for i in inside):
                continue
            # "a nurse at the centre in the capital, Okambe,": the place names the capital
            placed = token.doc[before.i - 1] if before.i else before  # the noun before ","
            nested = any(
                t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPOSITIONS
                for t in (token.head, placed)
            )
            if token.pos_ == "PROPN" and token.head.pos_ != "PROPN" and not nested:
                return strip_edges([t for t in tokens if t.i in inside])
            if token.head.lower_ == "one":  # "One of them, a battalion commander,"
                return strip_edges([t for t in tokens if t.i in inside])
            return strip_edges([t for t in tokens if t.i not in inside])
    return tokens


def named_group(tokens: list[Token]) -> list[Token]:
    """ "the Workplace Safety Watch group" -> "Workplace Safety Watch": a group's own name
    that already says it is a group."""
    if len(tokens) < 4 or tokens[0].lower_ != "the" or tokens[-1].lower_ != "group":
        return tokens
    name = tokens[1:-1]
    # not "the Labour Party group", a party's group on a council
    if is_proper(name) and name[-1].lower_ in GROUP_ENDINGS - {"party"}:
        return name
    return tokens


def is_proper(tokens: list[Token]) -> bool:
    """Capitalised words only, and the words that join them ("Médecins des Rues")."""
    return (
        bool(tokens)
        and all(t.text[:1].isupper() or t.lower_ in NAME_JOINERS for t in tokens)
        and tokens[0].text[:1].isupper()
    )


def the_body(tokens: list[Token], head: Token) -> bool:
    """ "the disaster authority": one public body, singular, named by what it is."""
    modifiers = tokens[1:-1]
    return (
        head.lemma_.lower() == "authority"
        and head.tag_ == "NN"
        and bool(modifiers)  # not "the authority" alone, which may be any
        and tokens[0].lower_ == "the"
        and all(t.pos_ == "NOUN" or t.lower_ in _LEVELS for t in modifiers)
    )  # not "the same authority", "the relevant authority"


# Adjectives of the level of government a body serves ("the provincial health authority").
_LEVELS = word_set("local regional provincial national federal state municipal county city")


def without_side_words(tokens: list[Token]) -> list[Token]:
    """A source phrase without words that tell where or which rather than who: "hospital
    officials there" -> "hospital officials", "the smaller Teachers' Initiative 2018" ->
    "the Teachers' Initiative 2018"."""
    if len(tokens) > 1 and tokens[-1].lower_ in ("there", "here"):
        tokens = tokens[:-1]
    if len(tokens) > 2 and tokens[0].lower_ == "the" and tokens[1].pos_ in ("ADJ", "VERB"):
        rest = tokens[2:]
        named = rest[0].text[:1].isupper() and all(
            t.text[:1].isupper() or t.is_punct or t.like_num or t.tag_ == "POS" for t in rest
        )
        # "the former President": a title, not a name ("the former Tarn Party" is one)
        titled = any(t.lower_ in TITLES for t in rest) or (len(rest) == 1 and not rest[0].ent_type_)
        if tokens[1].is_lower and tokens[1].lower_ not in _LEVELS and named and not titled:
            return [tokens[0], *rest]
    return tokens
