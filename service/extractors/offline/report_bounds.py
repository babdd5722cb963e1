"""Where a report's parts lie when the parse does not say: content after an opener, a
speaker trailing the content (or a clause of its own after "and"), a time of saying before
the content, fronted modifiers, a fronted "Citing X"."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.citing import CITED_GROUNDS
from service.extractors.offline.sources import DOCUMENT_HEADS

_NOUN_PHRASE_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "PART", "PRON", "CCONJ"})


def after_opener(verb: Token, tokens: list[Token]) -> list[Token]:
    """Content after the first "that", colon or opening quote following the verb (for parses
    that hang the content clause somewhere odd)."""
    for position, token in enumerate(tokens):
        if token.i > verb.i and (token.lower_ == "that" or token.text in (":", "“", '"')):
            return tokens[position + 1 :]
    return []


def trailing_subject(verb: Token, tokens: list[Token]) -> list[Token]:
    """The noun phrase of a trailing attribution: ", the Harbour Gazette reported Friday"."""
    position = next((k for k, t in enumerate(tokens) if t.i == verb.i), None)
    if position is None:
        return []
    ids = {t.i for t in tokens}
    if position + 1 < len(tokens):
        # inverted: "..., said police.", "..., said city engineer Tomas Ekel."
        following = tokens[position + 1]
        inverted = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
        if inverted is not None and inverted.left_edge.i == following.i:
            return [t for t in inverted.subtree if t.i in ids]
    # the subject nearest the verb: "..., one critically, Varnia Police stated"
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    subject = subjects[-1] if subjects else None
    if subject is not None and verb.i + 1 < len(verb.doc) and verb.nbor(1).is_punct:
        named = _named_before(tokens, position, subject)
        if named:  # "The quake hit near Sorn, the Tessaly Institute of Seismology reported."
            return named
    if subject is not None and subject.left_edge.i - 1 in ids:
        before = verb.doc[subject.left_edge.i - 1]
        phrase = [t for t in subject.subtree]
        if (before.text == "," or before.is_quote) and all(t.i in ids for t in phrase):
            return phrase  # "..., a spokeswoman for the council said"
    k = position - 1
    while k >= 0 and tokens[k].pos_ == "ADV" and not tokens[k].is_punct:
        k -= 1
    if k > 0 and tokens[k].text == "," and subject is None:
        return _named_between_commas(tokens, k)
    collected: list[Token] = []
    while k >= 0 and not (tokens[k].text == "," or tokens[k].is_quote):
        inside_name = _joins_name(tokens[k]) and bool(collected)  # "Institute for Disaster"
        if (
            tokens[k].pos_ not in _NOUN_PHRASE_POS
            and tokens[k].text not in ("-", "(", ")")
            and not inside_name
        ):
            return []
        collected.insert(0, tokens[k])
        k -= 1
    if k < 0 or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in collected):
        return []
    return collected


def _joins_name(token: Token) -> bool:
    """ "of", "for", "at" inside a speaker's noun phrase: between two capitalised words of
    one name ("Institute for Disaster Risk Management") or after the noun of a role ("a
    spokesperson for the sheriff's office")."""
    if token.pos_ != "ADP" or token.lower_ not in ("of", "for", "on", "at", "with", "from"):
        return False
    if token.i == 0:
        return False  # nothing before it to join (doc[-1] would be the text's last word)
    doc = token.doc
    before, after = doc[token.i - 1], doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None:
        return False
    named = before.text[:1].isupper() and after.text[:1].isupper()
    return named or (before.pos_ == "NOUN" and token.head.i == before.i)


def _named_before(tokens: list[Token], position: int, subject: Token) -> list[Token]:
    """The name between the last comma and a sentence-final reporting verb, when the parser
    took an earlier noun for the verb's subject; [] otherwise."""
    comma = next((k for k in range(position - 1, -1, -1) if tokens[k].text == ","), None)
    if comma is None or subject.i > tokens[comma].i:
        return []
    phrase = tokens[comma + 1 : position]
    capitalised = [t for t in phrase if t.pos_ == "PROPN" and t.text[:1].isupper()]
    words = {"the", "of", "for", "and", "&"}
    fits = all(t.pos_ == "PROPN" or t.lower_ in words for t in phrase)
    return phrase if phrase and fits and len(capitalised) >= 2 else []


def _named_between_commas(tokens: list[Token], comma: int) -> list[Token]:
    """ "..., the agency's spokesman, Agus Widodo, said": the description and the name set
    off by commas before a trailing reporting verb, or []."""
    segments: list[list[Token]] = [[]]
    k = comma - 1
    while k >= 0 and len(segments) <= 2:
        if tokens[k].text == "," or tokens[k].is_quote:
            segments.append([])
        elif (
            tokens[k].pos_ in _NOUN_PHRASE_POS or tokens[k].tag_ == "POS" or tokens[k].pos_ == "ADP"
        ):
            segments[-1].insert(0, tokens[k])
        else:
            return []
        k -= 1
    if len(segments) < 3 or not segments[0] or not segments[1]:
        return []
    name, description = segments[0], segments[1]
    opener = description[0].lower_ in ("the", "a", "an") or description[0].tag_ == "PRP$"
    if not all(t.pos_ == "PROPN" for t in name) or not opener:  # "its director, Ana Ruiz,"
        return []
    return [*description, tokens[comma - len(name) - 1], *name]


def without_leading_time(tokens: list[Token]) -> list[Token]:
    """Drop a time phrase that belongs to the act of saying ("told reporters Wednesday")."""
    while tokens and (_adverbial_date(tokens[0]) or _preposition_before_date(tokens)):
        tokens = tokens[1:]
    return tokens


def _adverbial_date(token: Token) -> bool:
    """A date word that modifies the verb ("told reporters Wednesday"), or a word of such a
    date phrase ("last" in "reported last month")."""
    dates = ("DATE", "TIME")
    if token.ent_type_ not in dates:
        return False
    if token.dep_ not in _NOMINAL_DEPS:
        return True
    head = token.head
    return head.ent_type_ in dates and head.i > token.i and head.dep_ not in _NOMINAL_DEPS


def _preposition_before_date(tokens: list[Token]) -> bool:
    return tokens[0].pos_ == "ADP" and len(tokens) > 1 and tokens[1].ent_type_ == "DATE"


_NOMINAL_DEPS = frozenset({"poss", "compound", "nsubj", "nsubjpass", "amod", "nmod"})


def fronted_modifier(verb: Token, content: list[Token]) -> bool:
    """True when the words before the subject only modify the verb ("In Europe, ...")."""
    fronted = {
        t.i
        for child in verb.children
        if child.dep_ in ("prep", "advmod", "npadvmod", "advcl")
        and child.i < verb.i
        and not unmarked_clause(child)
        for t in child.subtree
    }
    return all(t.i in fronted or t.is_punct for t in content)


def unmarked_clause(clause: Token) -> bool:
    """ "Fighting intensified on Wednesday, the army said": a finite clause with its own
    subject and no "when", "after" ... that the parser hung as an adverbial clause."""
    if clause.dep_ != "advcl" or clause.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    if any(c.dep_ == "mark" or (c.tag_ == "WRB" and c.i < clause.i) for c in clause.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def ends_clause(content: list[Token]) -> bool:
    """True when the content before a trailing "X said" is closed by a comma or quote."""
    last = content[-1]
    return last.text == "," or last.is_quote


def fronted_citing(verb: Token, subject: Token) -> set[int]:
    """ "Citing police at the scene, the daily Kano Post reported that P": the indices of a
    "Citing X" opening the report, when X is someone it relays, not its own data, images or
    reporting ("Citing its own data, the ministry reported")."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.lemma_ != "cite" or child.i > subject.i:
            continue
        cited = next((c for c in child.children if c.dep_ == "dobj"), None)
        if cited is None or cited.lemma_.lower() in DOCUMENT_HEADS | CITED_GROUNDS:
            return set()
        if any(c.dep_ == "poss" for c in cited.children):
            return set()
        return {t.i for t in child.subtree}
    return set()


def tells_more(verb: Token) -> bool:
    """True when a verb after "and" has words of its own after it ("warn the losses could
    rise"), not only a word that points back ("confirmed it", "said so", "said as much")."""
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("dobj", "ccomp", "xcomp", "advmod"):
            continue
        if child.lower_ not in ("it", "this", "that", "so", "much", "same", "as"):
            return True
    return False
