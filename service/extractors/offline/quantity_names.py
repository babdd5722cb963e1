"""Numbers that are no quantity: parts of names, designations and idioms ("the Stoxx 600
index", "No. 3", "a one-way ticket", "all but two")."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.tokens import entity_of, word_set

_NAME_ENTITIES = frozenset(
    {"ORG", "PERSON", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC", "NORP"}
)


def _next_words(token: Token, count: int) -> list[str]:
    return [t.lower_ for t in token.doc[token.i + 1 : token.i + 1 + count]]


# Words that make "one-"/"two-" an adjective, not a count ("a one-way ticket", "a one-off").
_IDIOM_PARTS = word_set("way off sided time")


def in_name(token: Token) -> bool:
    """True for a number that is part of a name or designation ("Boeing 747", "No. 3")."""
    if _listed_count(token):
        return False
    following = _next_words(token, 2)
    if following[:1] == ["-"] and following[1:] and following[1] in _IDIOM_PARTS:
        return True  # not a count at all: "one-way", "two-time"
    if _gapped_figure(token):
        return False  # "won 41 seats and the People's Movement 38"
    if following[:1] == ["-"] and _names_a_kind(token):
        return True  # "the 10-year bond", "the five-year average": a kind, not a count
    if token.ent_type_ in _NAME_ENTITIES:
        entity = [t for t in (entity_of(token) or [token]) if not t.is_punct]
        preceding = token.doc[entity[0].i - 1] if entity[0].i else None
        named = preceding is not None and preceding.pos_ == "PROPN"  # "Boeing 747"
        return named or not all(t.like_num for t in entity)  # "by 104 votes": no name
    doc = token.doc
    before = [t.lower_ for t in doc[max(token.i - 2, 0) : token.i]]
    if before == ["all", "but"]:
        return True  # "all but two of the children": no count of its own (spec)
    if before[-1:] in (["’"], ["'"]):
        return True  # an abbreviated year: "June of ’31"
    if before[-1:] in (["number"], ["numbers"]) and doc[token.i - 1].pos_ == "NOUN":
        return True  # "world number one", "the number 17 car": a rank or designation
    if before[-1:] in (["#"], ["no."], ["nos."]) or before in (["no", "."], ["nos", "."]):
        return True  # "No. 3": a designation
    designation = doc[token.i - 1] if token.i else token
    if designation.text.istitle() and designation.lower_ in _DESIGNATIONS:
        return True  # "Level 3", "Interstate 95", "Phase 2"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.i == token.i - 1:
        owner = head.head  # "the Group of 20"
        return owner.pos_ == "PROPN" and owner.i == head.i - 1 and owner.is_title
    if _next_words(token, 2)[:1] == ["-"] and doc[token.i + 2 : token.i + 3].text.isdigit():
        return False  # "Harlan 4-3": a score after a name
    previous = doc[token.i - 1] if token.i else None
    named = previous is not None and previous.pos_ == "PROPN" and previous.is_title
    if named and _next_words(token, 1)[:1] and _next_words(token, 1)[0] in _NAMED_KINDS:
        return True  # "the Stoxx 600 index", "an Airbus 320 jet"
    if named and _designation(token):
        return True  # "flies the Meridian 220 on the route"
    return head.pos_ == "PROPN" and head.i == token.i - 1 and token.dep_ in ("nummod", "appos")


# Capitalised words a number after them designates ("Level 3", "Interstate 95").
_DESIGNATIONS = word_set("""
    level phase category stage region zone district ward gate terminal platform route highway
    interstate flight article section chapter grade tier sector precinct
    """)
# Nouns a span of time before them names a kind of ("the five-year average", "a 10-year
# high", "the 30-year mortgage rate").
_SPAN_KINDS = word_set("average high low bond yield note plan mortgage")
_SPANS = word_set("year month week day decade")


def _names_a_kind(token: Token) -> bool:
    words = [t.lemma_.lower() for t in token.doc[token.i + 2 : token.i + 4]]
    return len(words) == 2 and words[0] in _SPANS and words[1] in _SPAN_KINDS


def _designation(token: Token) -> bool:
    """ "the Meridian 220": a number closing a name after an article, counting nothing."""
    doc = token.doc
    article = doc[token.i - 2] if token.i >= 2 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    counts = following is not None and following.pos_ in ("NOUN", "PROPN", "NUM", "SYM")
    return article is not None and article.lower_ in ("the", "a", "an") and not counts


def _gapped_figure(token: Token) -> bool:
    """A figure after a second agent that leaves out the counted noun of the first."""
    head = token.head
    counted = head.head
    gapped = counted.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in counted.children)
    return token.dep_ == "nummod" and head.dep_ == "conj" and head.i == token.i - 1 and gapped


# Nouns a name with a number in it denotes ("the Stoxx 600 index").
_NAMED_KINDS = word_set("index indexes indices series model jet jets aircraft engine class")
_NAME_MARKS = frozenset({"-", "'", "’"})


def _listed_count(token: Token) -> bool:
    """ "won 365 seats, Labour 203 and the Liberal Democrats 11": a count after a name in a
    list that leaves out the verb, not a designation like "Flight 370"."""
    doc, k = token.doc, token.i - 1
    while k >= 0 and (doc[k].pos_ == "PROPN" or (doc[k].text in _NAME_MARKS and k > 0)):
        k -= 1  # "Okonkwo-Dahl 487", "the Farmers' League 15"
    if k == token.i - 1 or k < 0:
        return False
    if doc[k].lower_ == "the":
        k -= 1
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "."
    opens = k >= 0 and (doc[k].text == "," or doc[k].lower_ == "and")
    if not (opens and after in (",", ".", "%", "and", "percent", ";")):
        return False
    start = token.sent.start
    return any(  # the list's first item counts something: "365 seats", "45%"
        t.like_num and (doc[t.i + 1].pos_ == "NOUN" or doc[t.i + 1].lower_ in ("%", "percent"))
        for t in doc[start:k]
    )
