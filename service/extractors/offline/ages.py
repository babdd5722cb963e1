"""Ages: "aged 87", "a 56-year-old man", "Anna Berg, 58,", counted in "years of age"."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.tokens import word_set

AGE_UNIT = "years of age"
# Where a parsed block keeps the surnames of the people its article names in full.
PERSON_SURNAMES = "person_surnames"
# Nouns for people, whom a "-year-old" describes by age.
PERSON_NOUNS = word_set("""
    man woman boy girl child baby son daughter person resident driver pilot passenger
    suspect victim mother father student patient teenager teen worker officer soldier
    player athlete singer actor author journalist citizen national tourist mountaineer
    """)


def is_age(first: Token, last: Token) -> bool:
    """True for a person's age ("aged 87", "a 56-year-old man", "88 years old")."""
    doc = first.doc
    before = [t.lower_ for t in doc[max(first.i - 3, 0) : first.i] if t.lower_ != "between"]
    if before[-1:] == ["aged"] or before[-2:] in (["age", "of"], ["ages", "of"]):
        return True
    if first.i == last.i and 0 < first.i < len(doc) - 1 and first.text.isdigit():
        person = doc[first.i - 2] if first.i >= 2 else None
        set_off = doc[first.i - 1].text == "," and doc[first.i + 1].text == ","
        if set_off and person is not None and (person.ent_type_ == "PERSON" or named_age(first)):
            return True  # "Anna Berg, 58, resigned"
    if first.i == last.i and first.dep_ in ("attr", "acomp") and first.head.lemma_ == "be":
        subject = next((c for c in first.head.children if c.dep_ == "nsubj"), None)
        someone = subject is not None and (
            subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she")
        )
        if someone and bare_age(first):
            return True  # "He was 91."
    after = "".join(t.lower_ for t in doc[last.i + 1 : last.i + 5])
    if after.startswith(("-year-old", "year-old")):
        old = next((t for t in doc[last.i + 1 : last.i + 5] if t.lower_ == "old"), None)
        if old is None:
            return True  # "16-year-olds": people of that age
        following = doc[old.i + 1 : old.i + 4]
        described = next((t for t in following if t.pos_ in ("NOUN", "PROPN")), None)
        return described is None or _a_person(described)  # not "a 30-year-old bridge"
    return after.startswith(("yearsold", "years-old", "yearsofage"))


def _a_person(noun: Token) -> bool:
    """True for a noun that names a person ("man", "driver", "Ana Ruiz")."""
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_NOUNS


def bare_age(number: Token) -> bool:
    """True for a whole number a person's age can be, standing alone ("91")."""
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    alone = following is None or following.is_punct
    digits = number.text.isascii() and number.text.isdigit()  # not "²"
    return alone and digits and 0 < int(number.text) < 120


def named_age(number: Token) -> bool:
    """ "ordered Tunde Bello-Ade, 51, the founder of ...": an age set off by commas after a
    capitalised name, whatever the recognizer made of the name, unless it took it for a
    place ("Norway, 12, leads Sweden") or the name follows "in"."""
    doc = number.doc
    if not (2 <= number.i < len(doc) - 1 and bare_age(number)):
        return False
    name, before, after = doc[number.i - 2], doc[number.i - 1], doc[number.i + 1]
    placed = name.dep_ == "pobj" and name.head.lower_ in ("in", "at", "near", "from", "to")
    if _listed(number):
        return False  # "Labour, 34, the Conservatives, 21, ...": a table, not ages
    return (
        before.text == ","
        and after.text == ","
        and name.pos_ == "PROPN"
        and name.text[:1].isupper()
        and (
            name.ent_type_ not in ("DATE", "CARDINAL", "LOC", "FAC", "GPE", "NORP")
            or a_surname(name)
        )
        and not placed
    )


def a_surname(word: Token) -> bool:
    """True for the last word of a person the article names in full ("Lomuria" after "Samwel
    Lomuria"), whatever the tagger makes of it here, standing alone (not "Real Madrid", "The
    Houston")."""
    if word.text not in word.doc.user_data.get(PERSON_SURNAMES, frozenset()):
        return False
    before = word.doc[word.i - 1] if word.i else None
    return before is None or not (before.text[:1].isupper() or before.pos_ == "DET")


def _listed(number: Token) -> bool:
    """True when the sentence pairs another name with a number the same way ("Arsenal, 61,
    Chelsea, 58")."""
    doc, pairs = number.doc, 0
    for token in number.sent:
        if token.text != "," or token.i == 0 or token.i + 1 >= len(doc):
            continue
        if doc[token.i + 1].like_num and doc[token.i - 1].text[:1].isupper():
            pairs += 1
    return pairs > 1
