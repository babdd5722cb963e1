"""Person mentions of an article: where each person is named, in which sentence, whether as
a subject, and the gender the text gives them (for "he" and "she")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.extractors.offline.person_words import (
    FEMALE_WORDS,
    FIRM_ENDINGS,
    GROUP_ENDINGS,
    MALE_WORDS,
    NOT_PERSONS,
    PERSON_DESCRIPTIONS,
    TITLES,
)
from service.extractors.offline.tokens import entities_among, sentence_of, word_set


@dataclass(frozen=True)
class Mention:
    """One place a person is named."""

    offset: int
    name: str
    sentence: int  # article offset of the sentence
    subject: bool
    gender: str  # "m", "f" or ""
    pronoun: bool = False  # a "he"/"she" already resolved to this person


def strip_titles(name: str) -> str:
    """The name without leading ranks and titles ("President Ana Ruiz" -> "Ana Ruiz")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(",") in TITLES:
        words = words[1:]
    return " ".join(words)


# Prepositions whose object is a place ("villages in Rakhine State", "roads into Jumla").
_PLACE_PREPOSITIONS = frozenset({"in", "into", "near", "across", "outside", "inside", "around"})
_PLACE_ENDINGS = frozenset({"state", "province", "city", "county", "district", "region"})


def _placed(root: Token) -> bool:
    """True for a "person" the small model tagged that the phrase shows is a place or thing:
    "in Selva", "Tessara's eastern coast", "His former club, FK Lasta Korvan"."""
    if root.lower_ in _PLACE_ENDINGS:
        return True
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PLACE_PARTS:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in _APPOSED_BODIES:
        return True  # "His former club, FK Lasta Korvan,"
    if (
        root.dep_ == "compound"
        and root.head.pos_ == "NOUN"
        and root.head.lemma_.lower() in _THING_NOUNS
    ):
        return True  # "the Selva range project"
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


# Parts of a place named with its possessor ("Tessara's eastern coast").
_PLACE_PARTS = word_set("""
    coast border capital north south east west region province island shore coastline
    highlands interior outskirts
    """)
# Nouns of bodies whose appositive name is no person.
_APPOSED_BODIES = word_set("""
    club team company firm party band label publisher chain school university newspaper
    agency ministry department hospital orchestra studio
    """)
# Common nouns a name before them makes a place or thing ("the Selva range").
_THING_NOUNS = word_set("""
    range mountain river valley lake sea bay coast island peninsula desert forest region
    province district county state bridge dam road highway street square stadium airport
    station port mine plant field reserve park
    """)
# Verbs said of people only: an untagged proper name as their subject is a person
# ("Jan Roos died on Sunday", "Hart was born in 1929").
_PERSON_VERBS = word_set("die bear marry retire graduate")


def given_name(token: Token) -> bool:
    """The name a person is "identified (only) as" or "gave his name as" ("Fatou")."""
    if token.dep_ != "pobj" or token.head.lower_ != "as" or token.pos_ != "PROPN":
        return False
    verb = token.head.head
    identified = verb.lemma_.lower() == "identify" and verb.tag_ == "VBN"
    named = verb.lemma_.lower() == "give" and any(c.lower_ == "name" for c in verb.children)
    return identified or named


ROLE_WORDS = word_set("substitute forward defender midfielder goalkeeper striker winger manager")
# Words before a name that describe the person rather than name them ("Substitute", "Judge").
_NOT_NAME_WORDS = PERSON_DESCRIPTIONS | TITLES | ROLE_WORDS


def with_age(token: Token) -> bool:
    """ "Ciarán Mulvey, 19, headed the winner": a name with an age set off by commas."""
    doc = token.doc
    if token.i + 3 >= len(doc):
        return False
    comma, age, closing = doc[token.i + 1], doc[token.i + 2], doc[token.i + 3]
    return (
        comma.text == ","
        and closing.text == ","
        and age.text.isascii()  # not "²"
        and age.text.isdigit()
        and 0 < int(age.text) < 120
    )


def _untagged_person(token: Token) -> list[Token]:
    """The words of a proper name the tagger missed as a person, or []."""
    # the subject of a verb said only of people ("Jan Roos died"), described as one
    # ("Ruben Achterhof, the Vennish mountaineer,"), or the name a speaker is identified as
    if token.pos_ != "PROPN":
        return []
    subject = token.dep_ in ("nsubj", "nsubjpass") and token.ent_type_ in ("", "PERSON")
    subject = subject and token.head.lemma_.lower() in _PERSON_VERBS
    # "the body of Ruben Achterhof, the mountaineer,": the parser hangs the appositive higher
    holders = [token, token.head.head] if token.dep_ == "pobj" else [token]
    described = any(
        c.dep_ == "appos" and c.lemma_.lower() in PERSON_DESCRIPTIONS and c.i > token.i
        for holder in holders
        for c in holder.children
    )
    given = given_name(token)
    tagged_otherwise = token.ent_type_ in ("GPE", "NORP", "ORG", "DATE")
    aged = with_age(token) and token.dep_ in ("nsubj", "nsubjpass")
    words = [t for t in token.subtree if t.i <= token.i]
    # "Sizwe Dlamini-Hartley, 44, the founder of ...": an age and a person's description
    # outweigh the recognizer's "organisation"
    aged_and_described = described and with_age(token) and token.ent_type_ != "GPE"
    untagged = (subject or described or aged) and not tagged_otherwise
    if not (given or untagged or aged_and_described or _titled_name(words)):
        return []
    while len(words) > 2 and words[0].lower_ in _NOT_NAME_WORDS:
        words = words[1:]  # "Substitute Ciarán Mulvey": the name without the role
    doc = token.doc
    joined = (words[0].i > 0 and doc[words[0].i - 1].text == "-") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    )  # "Okonde-" or "-Larch": part of a hyphenated name the parser split
    names = [t for t in words if not _inner_hyphen(t)]  # "Dlamini-Hartley" is one name
    named = bool(names) and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names)
    return words if not joined and len(names) - _hyphens(words) <= 3 and named else []


def _inner_hyphen(token: Token) -> bool:
    """A hyphen written without spaces between two capitalised words ("Dlamini-Hartley")."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
        and doc[token.i - 1].text[:1].isupper()
        and doc[token.i + 1].text[:1].isupper()
    )


def _hyphens(words: list[Token]) -> int:
    return sum(map(_inner_hyphen, words))


# Last words of public bodies' names ("Judge Advocate General's Office" is no person).
_BODY_LAST_WORDS = word_set("""
    court council ministry office agency department committee commission university hospital
    army police bank institute authority board service airport island sound park foundation
    league club school college bay river lake mountain county province
    """)


# Titles that also open the names of places and bodies ("King Fahd International Airport",
# "Prince Edward Island", "Major League Cricket", "General Motors"): no sign of a person.
_PLACE_TITLES = word_set("king queen prince princess major general gen lord lady saint st")


def _titled_name(words: list[Token]) -> bool:
    """ "Magistrate Lerato Nkosi": a title, then two or three capitalised names that end no
    firm's or body's name (not "General Motors"), whatever the recognizer took them for."""
    if len(words) < 3 or words[0].lower_ not in TITLES or not words[0].text[:1].isupper():
        return False
    titles = [t for t in words if t.lower_ in TITLES]
    name = words[1:]
    while name and name[0].lower_ in TITLES:
        name = name[1:]  # "Deputy Mayor Ana Vik"
    last = name[-1].lower_ if name else ""
    body = last in FIRM_ENDINGS or last in GROUP_ENDINGS or last in _BODY_LAST_WORDS
    placed = any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in words)
    placed = placed or any(t.lower_ in _PLACE_TITLES for t in titles)
    return (
        2 <= len(name) <= 3
        and not body
        and not placed
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() for t in name)
    )


def _given_names_before(ent: Span) -> int:
    """Where a person's name starts when the recognizer tagged only the surname ("Verbeek"
    of "Joost Verbeek"): up to two capitalised names hung on it, not titles or roles."""
    doc, first = ent.doc, ent.start
    if len(ent) != 1:
        return first  # "Chief Executive Dana Vell": a two-word name is taken as tagged
    while first > 0 and ent.start - first < 2:
        token = doc[first - 1]
        given = token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.isalpha()
        given = given and token.dep_ == "compound" and ent.start <= token.head.i < ent.end
        given = given and not token.is_upper  # "Conservative MP Kell": no acronym or title
        if not given or token.ent_type_ not in ("", "PERSON") or token.lower_ in _NOT_NAME_WORDS:
            break
        first -= 1
    return first


def person_mentions(docs: list[tuple[int, Doc]]) -> list[Mention]:
    """Every person mention in article order, bare surnames of named people included."""
    # The recognizer tags "Quill said" as anything after "Mara Quill"; it also takes
    # platforms for people, which are left out.
    found: dict[int, tuple[str, Token]] = {}
    for base, doc in docs:
        for ent in doc.ents:
            named = ent.label_ == "PERSON" and ent.text.lower() not in NOT_PERSONS
            named = named and ent[-1].lower_ not in GROUP_ENDINGS
            named = named and ent[0].lower_ not in ("the", "a", "an")  # "the Orlen Prize"
            if named and not _placed(ent.root):
                first = _given_names_before(ent)
                text = doc[first : ent.end].text
                found[base + doc[first].idx] = (strip_titles(text), ent.root)
    for base, doc in docs:
        for token in doc:
            words = _untagged_person(token)
            if words:
                start = base + words[0].idx
                if not any(start <= at < start + len(n) for at, (n, _) in found.items()):
                    found[start] = (doc[words[0].i : words[-1].i + 1].text, token)
    surnames = {name.split()[-1]: name for name, _ in found.values() if len(name.split()) > 1}
    for base, doc in docs:
        for token in doc:
            offset = base + token.idx
            # the tagger often reads a sentence-initial surname as a common noun
            if token.pos_ not in ("PROPN", "NOUN") or token.text not in surnames:
                continue
            if not any(start <= offset < start + len(n) for start, (n, _) in found.items()):
                found[offset] = (token.text, token)
    mentions = []
    for offset in sorted(found):
        name, token = found[offset]
        sentence = int(token.doc.user_data.get("base", 0)) + sentence_of(token)[0].idx
        gender = _gender(token) or _own_possessive_gender(token)
        mentions.append(Mention(offset, name, sentence, _subject(token), gender))
    # a gender told at any mention ("Quill, who signed his first contract") is the person's
    genders = {surnames.get(m.name, m.name): m.gender for m in mentions if m.gender}
    return [
        Mention(
            m.offset, m.name, m.sentence, m.subject, genders.get(surnames.get(m.name, m.name), "")
        )
        for m in mentions
    ]


def same_gender(pronoun: str) -> str:
    """The gender a personal pronoun gives ("he" -> "m"), or ""."""
    if pronoun in ("he", "him", "his"):
        return "m"
    return "f" if pronoun in ("she", "her") else ""


def agrees(pronoun: str, gender: str) -> bool:
    """False only when the text gives the person the other gender."""
    if pronoun in ("he", "him", "his"):
        return gender != "f"
    if pronoun in ("she", "her"):
        return gender != "m"
    return True


def _subject(token: Token) -> bool:
    while token.dep_ in ("compound", "appos", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _own_possessive_gender(token: Token) -> str:
    """ "Warren ended her campaign": a subject's own possessive (or reflexive) on its verb's
    object gives the gender, when the sentence names no other person."""
    if not _subject(token):
        return ""
    sentence = sentence_of(token)
    people = {t.i for t in sentence if t.ent_type_ == "PERSON"} - {t.i for t in token.subtree}
    verb = token
    while (
        verb.dep_ in ("compound", "appos", "flat", "nsubj", "nsubjpass") and verb.head.i != verb.i
    ):
        verb = verb.head
    if people or verb.pos_ not in ("VERB", "AUX"):
        return ""
    words = {
        t.lower_
        for child in verb.children
        if child.dep_ in ("dobj", "prep", "attr")
        for t in child.subtree
        if t.dep_ in ("poss", "pobj", "dobj")
    }
    # "Kvarn said she was honoured": the reported clause's pronoun is the speaker's, but not
    # in "told Pryce he had ...", where it is the addressee's
    addressed = any(c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" for c in verb.children)
    # "Nkosi said ..., but she imposed ...": a joined clause's pronoun subject is hers too
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not addressed]
    # not "greeted the delegation, but she left": after an object, "she" may be the object
    objects = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    clauses += [
        c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not objects
    ]
    words |= {
        c.lower_
        for child in clauses
        for c in child.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she")
    }
    words = {"his" if w == "he" else "her" if w == "she" else w for w in words}
    male, female = bool(words & {"his", "himself"}), bool(words & {"her", "herself"})
    return "m" if male and not female else "f" if female and not male else ""


def _gender(token: Token) -> str:
    """The gender a title or appositive noun gives a person ("Mrs Ruiz", "her son, Tor")."""
    doc = token.doc
    left = token.left_edge.i
    words = {doc[left - 1].lower_} if left else set()
    words |= {t.lower_ for t in token.subtree if t.i < token.i}
    if token.dep_ == "appos":
        words.add(token.head.lower_)
    words |= {c.lower_ for c in token.children if c.dep_ == "appos"}
    return gender_of(words)


def gender_of(words: set[str]) -> str:
    """ "m" or "f" when the words give one gender only ("spokeswoman", "Mrs"), else ""."""
    if words & MALE_WORDS and not words & FEMALE_WORDS:
        return "m"
    if words & FEMALE_WORDS and not words & MALE_WORDS:
        return "f"
    return ""


def titled_people(docs: list[tuple[int, Doc]]) -> list[tuple[int, str, str]]:
    """(offset, title, name) of each person named with a title ("Judge Miriam Okafor")."""
    found = []
    for base, doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            before = doc[max(ent.start - 2, 0) : ent.start]
            words = [t.lower_ for t in [*before, *ent] if t.lower_ in TITLES]
            if words:
                found.append((base + ent.start_char, words[-1], strip_titles(ent.text)))
    return found


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
