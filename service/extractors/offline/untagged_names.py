"""Speakers' names the tagger missed, told by where they stand in the source phrase: after a
role ("Karbonia spokesperson Marta Vell") or before the body they belong to ("Tomasz Wielgus
of Cardova Capital")."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.body_names import BODY_DESCRIPTIONS, PUBLIC_BODY_WORDS
from service.extractors.offline.person_words import TITLES
from service.extractors.offline.tokens import word_set

# Roles written before a name as a title: "Karbonia spokesperson Marta Vell".
_ROLES_BEFORE_NAMES = word_set("""
    spokesperson spokesman spokeswoman official aide adviser advisor lawyer attorney analyst
    economist researcher representative
    """)


def named_after_role(tokens: list[Token]) -> list[Token]:
    """The name closing a phrase after a role ("Karbonia spokesperson Marta Zielinska-Kos"),
    whatever the tagger made of it; [] when the phrase does not end so."""
    for k, token in enumerate(tokens[:-2]):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _ROLES_BEFORE_NAMES:
            continue
        name = tokens[k + 1 :]
        words = [t for t in name if t.tag_ != "HYPH"]
        proper = all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
        if proper and len(words) >= 2 and name[0].tag_ != "HYPH":
            return name
    return []


def named_before_body(tokens: list[Token]) -> list[Token]:
    """The untagged name opening "Tomasz Wielgus of Cardova Capital" (two or three
    capitalised words, then "of" and an organisation); [] otherwise."""
    of = next((k for k, t in enumerate(tokens) if t.lower_ == "of"), None)
    if of is None or not 2 <= of <= 3 or of + 1 >= len(tokens):
        return []
    name, body = tokens[:of], tokens[of + 1 :]
    proper = all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name)
    untagged = all(t.ent_type_ in ("", "PERSON") for t in name)
    kinds = _NOT_NAMES | TITLES
    plain = not any(t.lower_ in kinds for t in name)
    organisation = any(t.ent_type_ == "ORG" for t in body)
    return name if proper and untagged and plain and organisation else []


# Capitalised words that make "X of Y" a body or an office, not a person ("Bank of Tarn").
_NOT_NAMES = BODY_DESCRIPTIONS | PUBLIC_BODY_WORDS
