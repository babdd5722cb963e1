"""People's names in the parse: PERSON entities the small model cuts short, takes for
organisations or misses after a title ("Foreign Minister Anders Holm", "Dr Awa Sow"), a
pipeline component of `nlp.load_nlp`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from service.extractors.offline.person_words import (
    BODY_INTRODUCERS,
    DESCRIBING_ONLY,
    FIRM_ENDINGS,
    OCCUPATIONS,
    PERSON_DESCRIPTIONS,
    TITLES,
)
from service.extractors.offline.persons import ROLE_WORDS, with_age
from service.extractors.offline.tokens import MONTH_NAMES, WEEKDAY_NAMES, word_set

NAME_COMPLETION = "complete_person_names"
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


CALENDAR_WORDS = (
    WEEKDAY_NAMES
    | MONTH_NAMES
    | word_set(
        "today tomorrow tonight yesterday eastern central pacific mountain atlantic greenwich"
    )
)


# Descriptions opening a name that make it a body's ("Newspaper X"), but not "broadcaster" or
# "watchdog", which also describe people ("Broadcaster David Harlow").
NEVER_A_PERSONS = DESCRIBING_ONLY - word_set("broadcaster watchdog")


@Language.component(NAME_COMPLETION)
def complete_person_names(doc: Doc) -> Doc:
    """Stretch PERSON entities the small model cuts short ("[Tomas] Ekel said") over the
    rest of the name, and relabel as ORG those that end like an organisation."""
    entities = list(doc.ents)
    for index, entity in enumerate(entities):
        if (entity.label_ == "ORG" and _looks_like_a_person(entity)) or _set_off_name(entity):
            entities[index] = entity = Span(doc, entity.start, entity.end, label="PERSON")
        described = entity.label_ in ("PERSON", "ORG") and len(entity) > 1
        if described and entity[0].lower_ in NEVER_A_PERSONS:  # "[Newspaper X] said"
            entities[index] = Span(doc, entity.start + 1, entity.end, label="ORG")
            continue
        if entity.label_ != "PERSON":
            continue
        if (first := _particle_start(entity)) < entity.start:  # "El Observador del [Norte]"
            entities[index] = entity = Span(doc, first, entity.end, label="PERSON")
        opening = entity[0].lower_ in ORGANISATION_OPENINGS and len(entity) > 1
        organisation = opening or _introduced_as_a_body(entity) or told_with_which(entity)
        organisation = organisation or _described_as_a_body(entity)
        if entity[-1].lower_ in ORGANISATION_ENDINGS or organisation:  # "Kessler Biotech"
            end = _name_end(entity)  # "newspaper [Diario] do [Norte]": one name
            entities[index] = Span(doc, entity.start, end, label="ORG")
            continue
        start = entity.start
        while start > 0 and _opens_name(doc[start - 1], entity):
            start -= 1  # "director-general Hashim [Abdul Rahman]"
        end = _name_end(entity)
        swallowed = [
            e
            for e in entities
            if e.start >= entity.end and e.start < end < e.end and e.label_ == "PERSON"
        ]
        end = max([end, *(e.end for e in swallowed)])  # "[Femke van] der [Laan]"
        label = "ORG" if doc[end - 1].lower_ in ORGANISATION_ENDINGS else "PERSON"
        if (start, end) != (entity.start, entity.end):
            entities[index] = Span(doc, start, end, label=label)
    # a stretched name takes the place of the entities it now overlaps (the longest wins)
    entities = filter_spans(entities)
    doc.ents = [e for e in entities if not _title_before_a_name(e)]
    for name in [*_titled_names(doc), *_aged_names(doc)]:
        if any(_holds(entity, name) for entity in doc.ents):
            continue  # "President Abdel Fattah el-Sisi": the model's longer name stands
        kept = [e for e in doc.ents if e.end <= name.start or e.start >= name.end]
        doc.ents = sorted([*kept, name], key=lambda e: e.start)
    return doc


def _name_end(entity: Span) -> int:
    """Where the name an entity begins ends, over the words the model cut off, a particle
    included ("[Femke van] der Laan"), but never on a particle ("Hans von der [Leyen Bank]")."""
    doc, end = entity.doc, entity.end
    while end < len(doc) and _continues_name(doc[end - 1], doc[end]):
        end += 1
    while end > entity.start + 1 and doc[end - 1].lower_ in NAME_PARTICLES:
        end -= 1
    return end


def _particle_start(entity: Span) -> int:
    """Where a name starts whose capitalised words before a particle the model left out
    ("[El Observador] del [Norte]")."""
    doc, start = entity.doc, entity.start
    while start > 1 and doc[start - 1].lower_ in NAME_PARTICLES and _name_word(doc[start - 2]):
        start -= 2
        while start > 0 and (_name_word(doc[start - 1]) or doc[start - 1].lower_ in ("el", "la")):
            start -= 1
    return start if start == entity.start or _name_word(doc[start]) else entity.start


def _introduced_as_a_body(entity: Span) -> bool:
    """ "environmental group Ríos Vivos said", "pilots at carrier Aerolíneas Solana": a name
    told right after a body's noun, unless it is the subject of a clause on that noun ("the
    firm Ana Ruiz founded")."""
    doc = entity.doc
    if entity.start == 0 or doc[entity.start - 1].lower_ not in BODY_INTRODUCERS:
        return False
    noun = doc[entity.start - 1]
    # "the group Ana Ruiz leads", "for the union Maria Lund": a determiner before the noun
    # leaves the name a person's unless the parse makes the noun part of it
    determined = any(c.dep_ == "det" for c in noun.children) and noun.lower_ not in NEVER_A_PERSONS
    if determined and not (noun.dep_ == "compound" and noun.head in entity):
        return False
    after = doc[entity.end] if entity.end < len(doc) else None
    if after is None or after.pos_ not in ("VERB", "AUX"):
        return True
    # a clause on the noun ("firm Ana Ruiz founded"), or a clause told to it ("told firm
    # David Park had resigned"): the name is a person's, the subject of that clause
    clause = after.dep_ in ("relcl", "acl") or after.head == noun
    return not (clause or noun.dep_ in ("dobj", "dative"))


def _described_as_a_body(entity: Span) -> bool:
    """ "Transportes Ruiz, a bus company based in Lima," and "Viação Sul, one of the bus
    companies named": a name whose appositive says it is a body."""
    for child in entity.root.children:
        if child.dep_ != "appos" or child.i < entity.end:
            continue
        noun = child
        if child.lower_ == "one":  # "one of the bus companies"
            of = next((c for c in child.children if c.lower_ == "of"), None)
            objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
            noun = objects[0] if objects else child
        if noun.lemma_.lower() in _BODY_APPOSITIVES:
            return True
    return False


# Appositive nouns that say a body, never a person ("a bus company", not "a bus operator").
_BODY_APPOSITIVES = word_set("""
    company firm airline manufacturer carmaker automaker chipmaker drugmaker conglomerate
    startup charity nonprofit newspaper regulator consortium cooperative bank lender
    """)


def told_with_which(entity: Span) -> bool:
    """ "Yeşilova Tekstil, which employs 650 people, said": a name whose relative clause
    opens with "which" is no person's (people take "who")."""
    doc = entity.doc
    if entity.end + 1 >= len(doc) or doc[entity.end].text != ",":
        return False
    which = doc[entity.end + 1]
    return which.lower_ == "which" and which.head.dep_ == "relcl" and which.head.head in entity


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


def _opens_name(token: Token, entity: Span) -> bool:
    """True when `token` is a first name the model left out of the PERSON entity after it."""
    named = token.pos_ == "PROPN" and not token.ent_type_ and token.is_alpha and token.is_title
    inside = token.dep_ == "compound" and entity.start <= token.head.i < entity.end
    described = token.lower_ in _TITLE_WORDS | PERSON_DESCRIPTIONS | TITLES | ROLE_WORDS
    # "director-general Hashim [Abdul Rahman]": after a lower-case word; a capitalised word
    # opening the sentence or after another ("Whistleblower X", "Team Principal X") is a title
    before = token.doc[token.i - 1] if token.i > 0 else None
    after_lower = before is not None and not before.is_sent_start and before.text[:1].islower()
    return named and inside and not described and after_lower


# Lower-case words inside people's names ("van der Laan", "da Silva", "bin Salman").
NAME_PARTICLES = word_set(
    "van der den de da do dos das des del di della von zu bin ibn al el la le du"
)


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
