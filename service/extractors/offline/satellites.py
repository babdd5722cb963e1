"""Satellites: phrases set off by commas that tell something of their own ("..., totaling 80
boats", "Anna Berg, 58,", "..., with 36 in the north"), split off their clause as claims."""

from __future__ import annotations

from dataclasses import replace

from lemminflect import getInflection
from spacy.tokens import Token

from service.extractors.offline.ages import bare_age, named_age
from service.extractors.offline.items import ITEM_OPENERS
from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.segmentation import Proposition, own_date, subject_tokens, trim
from service.extractors.offline.tokens import entity_of, word_set


def _satellite_head(token: Token, ids: set[int]) -> bool:
    """A comma-set-off participle, "with" or "including" phrase ("..., totaling 80 boats")."""
    before = token.left_edge.i - 1
    if before < 0 or token.doc[before].text != "," or token.left_edge.i not in ids:
        return False
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        if token.lemma_.lower() in TOLL_VERBS:
            return False  # "struck the town, killing three": one event with its toll
        return not any(child.dep_ == "mark" for child in token.children)
    if token.dep_ == "appos":
        return personal_appositive(token) or _described_thing(token)
    if _misparsed_appositive(token):
        return personal_appositive(token) or _described_thing(token)
    if token.dep_ != "prep" or token.lower_ not in _SATELLITE_PREPOSITIONS:
        return False
    return not _measured_attribute(token)


def _measured_attribute(preposition: Token) -> bool:
    """ "..., with winds of 170 mph", "..., including a four-month-old girl": the number
    measures what the phrase names, which describes the clause rather than adds a count."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if not objects:
        return False
    counts = [t for t in objects[0].subtree if is_number_token(t)]
    # "a family of four" counts people; "winds of 170 mph", "a four-month-old" measure
    measured = [t for t in counts if t.dep_ in ("nummod", "compound") and t.head.pos_ == "NOUN"]
    return bool(measured) and not any(_counts(t, objects[0]) for t in counts)


def _counts(number: Token, noun: Token) -> bool:
    """True when a number counts the noun itself ("1.3 million soldiers", "36")."""
    token = number
    for _ in range(4):
        if token.i == noun.i:
            return True
        if (
            token.dep_ not in ("nummod", "quantmod", "compound", "advmod")
            or token.head.i == token.i
        ):
            return False
        token = token.head
    return False


def personal_appositive(token: Token) -> bool:
    """ "Anna Berg, 58,", "Mara Kell, a three-time Olympic champion,": a description of a
    named person set off by commas; with a number of its own it is a claim of its own."""
    doc = token.doc
    after = token.right_edge.i + 1
    head = token.head
    # "named them as Ana Vik, 75; Tor Berg, 58; and Lia Dahl, 44.": list items end otherwise
    ends = (",", ")", ";", ".") if head.ent_type_ == "PERSON" else (",", ")")
    closed = after < len(doc) and doc[after].text in ends
    if not closed or head.i > token.i:
        return False
    age = token.left_edge.i == token.right_edge.i and bare_age(token)
    followed = after + 1 < len(doc) and doc[after + 1].pos_ in ("VERB", "AUX")
    named = head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON", "ORG")
    aged = age and head.i == token.i - 2 and named_age(token)  # "ordered Bello-Ade, 51, the"
    return head.ent_type_ == "PERSON" or (age and named and followed) or aged


def _described_thing(token: Token) -> bool:
    """ "Tarn, a village of about 900 people,", "The ferry, a Marlin 30 built in 1998,": a
    description of a named place or thing set off by commas (a number or date of its own
    makes it a claim)."""
    doc, head = token.doc, token.head
    after = token.right_edge.i + 1
    closed = after < len(doc) and (doc[after].text == "," or _closing_description(token))
    described = head.pos_ == "PROPN" or head.dep_ in ("nsubj", "nsubjpass")
    described = described and head.ent_type_ != "PERSON" and head.i < token.i
    # "a village of ...": a definite one ("the mountaineer who ...") often names the referent
    return closed and described and _indefinite(token) and token.pos_ in ("NOUN", "PROPN")


def _closing_description(appositive: Token) -> bool:
    """ "..., a village of about 900 people." closing the sentence right after a named place
    or body, as a comma would close it; not a description of the event or figure ("in Tarn,
    a rise of 4 points", "in May, a 24-year high") nor one hung on another noun."""
    doc, head = appositive.doc, appositive.head
    after = appositive.right_edge.i + 1
    at_end = after < len(doc) and bool(doc[after].is_sent_end) and doc[after].is_punct
    next_to_name = appositive.left_edge.i == head.i + 2  # "Tarn, a village ..."
    named = head.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or (
        head.pos_ == "PROPN" and not head.ent_type_  # a name the tagger left untyped
    )
    return at_end and next_to_name and named and appositive.lemma_.lower() not in _OF_EVENTS


# Nouns that describe an event or figure rather than a place or body ("a rise of 4 points").
_OF_EVENTS = word_set("""
    rise drop fall gain increase decrease jump decline high low record trip journey voyage
    distance deal decision project vote move total share figure rate flight drive walk climb
    """)


def _misparsed_appositive(token: Token) -> bool:
    """ "The ferry, a Marlin 30 built in 1998, ...", "Rieck, 58, has led": an appositive the
    parser took for an adverbial noun phrase."""
    if token.dep_ != "npadvmod":
        return False
    return _indefinite(token) or (bare_age(token) and token.head.ent_type_ == "PERSON")


def _another_description(appositive: Token, phrase: list[Token]) -> bool:
    """True when another appositive of the same name follows this one's closing comma."""
    doc = appositive.doc
    following = phrase[-1].i + 2
    if following >= len(doc) or doc[following - 1].text != ",":
        return False
    word = doc[following]
    return any(t.dep_ == "appos" and t.head.i == appositive.head.i for t in (word, *word.ancestors))


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _dated_description(phrase: list[Token]) -> bool:
    """ "a Marlin 30 built in 1998": a year inside a description."""
    return any(t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 for t in phrase)


_SATELLITE_PREPOSITIONS = frozenset({"with", "including"})
# Participles that give an event's toll, which stays with the event (spec: "one event with
# its place, time and toll stays one").
TOLL_VERBS = word_set("kill injure wound leave displace")


def split_share_of_them(proposition: Proposition) -> list[Proposition]:
    """ "62 people were taken to hospital, eight of them in critical condition": the share
    closing the clause is a claim of its own ("Eight of the people were in critical
    condition"), its number no longer the clause's (guide: a total, then each part)."""
    tokens = proposition.tokens
    for k in range(len(tokens) - 4):
        comma, number, of, them = tokens[k : k + 4]
        if comma.text != "," or not is_number_token(number) or of.lower_ != "of":
            continue
        if them.lower_ not in ("them", "whom"):
            continue
        share = trim(tokens[k + 1 :])
        rest = trim(tokens[:k])
        total = [
            t for t in rest if t.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in t.children)
        ]
        if len(share) < 4 or not total or not any(t.pos_ in ("VERB", "AUX") for t in rest):
            return [proposition]
        if all(t.pos_ == "ADV" for t in share[3:] if not t.is_punct):
            return [proposition]  # "..., 11 of them seriously": the elided verb's, told elsewhere
        main = replace(proposition, tokens=rest, evidence=rest)
        part = Proposition(
            tokens=share,
            head=number,
            evidence=share,
            replacements={them.i: f"the {total[-1].text} were"},
            nominal=True,
        )
        return [main, part]
    return [proposition]


def split_satellites(proposition: Proposition) -> list[Proposition]:
    """Split off comma-set-off phrases that carry their own number, keeping the rest."""
    ids = {t.i for t in proposition.tokens}
    satellites: list[tuple[Token, list[Token]]] = []
    taken: set[int] = set()
    for token in proposition.tokens:
        if token.i in taken or token.i == proposition.head.i or not _satellite_head(token, ids):
            continue
        phrase = [t for t in token.subtree if t.i in ids]
        dated = token.tag_ == "VBG" and own_date(token)
        appositive = token.dep_ == "appos" or _misparsed_appositive(token)
        dated = dated or (appositive and _dated_description(phrase))
        if dated or any(map(is_number_token, phrase)):  # "..., becoming a professor in 1988"
            satellites.append((token, phrase))
            taken.update(t.i for t in phrase)
            if appositive:  # "Anna Berg, 58, resigned": its commas go with it
                # "Dunmore, 61, a three-term Democrat, ...": the age keeps its comma
                aged = phrase[0].i > 1 and phrase[0].doc[phrase[0].i - 2].like_num
                opening = set() if aged else {phrase[0].i - 1}
                # "Tunde Bello-Ade, 51, the founder of ...": the next description keeps it
                closing = set() if _another_description(token, phrase) else {phrase[-1].i + 1}
                taken.update((opening | closing) & ids)
    # a comma kept before a second description goes when that description went too
    doc = proposition.head.doc
    taken |= {i for i in ids - taken if doc[i].text == "," and i + 1 in taken and i - 1 in taken}
    rest = [t for t in proposition.tokens if t.i not in taken]
    if not satellites or not any(t.pos_ in ("VERB", "AUX") for t in rest) or len(rest) < 4:
        return [proposition]
    main = replace(proposition, tokens=trim(rest), evidence=trim(rest))
    split = [main]
    for satellite, phrase in satellites:
        if satellite.dep_ == "appos" or _misparsed_appositive(satellite):
            split.append(described_person(phrase, proposition.head))
            continue
        opener = phrase[0]
        tokens = trim(phrase[1:] if opener.lower_ in _SATELLITE_PREPOSITIONS else phrase)
        participle = opener.tag_ == "VBG" and opener.lower_ not in _SATELLITE_PREPOSITIONS
        possessed = opener.lower_ == "with" and _starts_with_number(tokens)
        subject = subject_tokens(proposition.head, ids) if participle or possessed else []
        subject = [t for t in subject if t.i not in taken]  # "the garrison, with 1,200 ..."
        replacements = {opener.i: _finite(opener, proposition.head, subject)} if participle else {}
        replacements = replacements if subject else {}
        among = _among(proposition, opener) if opener.lower_ == "including" else ""
        if among and _plain_count(tokens):
            # "..., including 420 children" -> "420 children were among the people killed"
            replacements = {tokens[-1].i: f"{tokens[-1].text} {among}"}
        split.append(
            Proposition(
                tokens=tokens,
                head=opener,
                evidence=tokens,
                prefix=subject,
                link=_possession(subject) if possessed and subject else "",
                replacements=replacements,
                nominal=not participle,
            )
        )
    return split


def _plain_count(tokens: list[Token]) -> bool:
    """ "at least 30 minors": a number and its noun, nothing more ("79,332 cases in the
    24 hours before ..." or "three rifles, and $2 million in cash" are more)."""
    position = 0
    while position < len(tokens) and tokens[position].lower_ in ITEM_OPENERS:
        position += 1
    rest = tokens[position:]
    return 1 < len(rest) <= 3 and not any(t.pos_ in ("PUNCT", "ADP", "CCONJ") for t in rest)


def _among(proposition: Proposition, opener: Token) -> str:
    """ "were among the people killed": what an "including" item belongs to, told from the
    counted noun before it (the total), or ""."""
    counted = [
        t
        for t in proposition.tokens
        if t.i < opener.i and t.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in t.children)
    ]
    if not counted:
        return ""
    total, head = counted[-1], proposition.head
    if head.pos_ != "VERB":
        return f"were among the {total.text}"
    forms = getInflection(head.lemma_, tag="VBN")  # "the people killed", "the arrests made"
    return f"were among the {total.text} {forms[0] if forms else head.text}"


def _finite(participle: Token, main: Token, subject: list[Token]) -> str:
    """ "..., becoming a professor in 1988" -> "became": the participle told as its own
    clause, in the tense of the clause it hangs from."""
    past = main.tag_ == "VBD" or any(
        c.tag_ == "VBD" for c in main.children if c.dep_ in ("aux", "auxpass")
    )
    plural = any(t.tag_ in ("NNS", "NNPS") for t in subject if t.dep_ in ("nsubj", "nsubjpass"))
    tag = "VBD" if past else ("VBP" if plural else "VBZ")
    forms = getInflection(participle.lemma_, tag=tag)
    return forms[0] if forms else participle.text


def described_person(phrase: list[Token], head: Token) -> Proposition:
    """ "Anna Berg, 58," -> "Anna Berg is 58 years old": a person's numbered appositive."""
    # "Mara Kell, a three-time champion," -> "Mara Kell was ..." beside a past predicate
    appositive = next(t for t in phrase if t.dep_ == "appos" or _misparsed_appositive(t))
    entity = entity_of(appositive.head)
    described = appositive.head
    name = (
        list(entity) if entity is not None else [t for t in described.subtree if t.i <= described.i]
    )
    tokens = trim(phrase)
    replacements = {}
    if len(tokens) == 1 and tokens[0].like_num:
        replacements[tokens[0].i] = f"{tokens[0].text} years old"
    past = head.tag_ == "VBD" or any(
        c.tag_ == "VBD" for c in head.children if c.dep_ in ("aux", "auxpass")
    )
    past = past and not replacements
    return Proposition(
        tokens=tokens,
        head=appositive,
        evidence=[*name, *tokens],
        prefix=name,
        link="was" if past else "is",
        replacements=replacements,
        nominal=True,
    )


def _starts_with_number(tokens: list[Token]) -> bool:
    """ "40 ships", "up to 500 staff": a counted thing, not "this time 67%"."""
    position = 0
    while position < len(tokens) and tokens[position].lower_ in ITEM_OPENERS:
        position += 1
    return position < len(tokens) and is_number_token(tokens[position])


def _possession(subject: list[Token]) -> str:
    """ "has" or "have": "the fleet, with 40 ships" -> "the fleet has ..."."""
    ids = {t.i for t in subject}
    head = next((t for t in subject if t.head.i not in ids), subject[-1])
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    return "have" if plural else "has"
