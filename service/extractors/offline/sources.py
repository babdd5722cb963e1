"""Naming sources: a noun phrase into a Source (person names, documents, short forms)."""

from __future__ import annotations

import re
from functools import partial

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.body_names import (
    BODY_DESCRIPTIONS,
    PUBLIC_BODY_WORDS,
    says_a_public_body,
    without_place_reference,
    without_seat,
)
from service.extractors.offline.body_references import (
    body_ending_in,
    described_body,
    earlier_source,
    mentioned_body,
    organisation_before,
)
from service.extractors.offline.document_owners import described_owner, document_author
from service.extractors.offline.employers import employer_named
from service.extractors.offline.families import family_source
from service.extractors.offline.owners import body_of_the_place_before, owned_name
from service.extractors.offline.person_words import TITLES
from service.extractors.offline.persons import given_name, person_in
from service.extractors.offline.references import PRONOUNS, References
from service.extractors.offline.source_phrases import (
    is_proper,
    named_group,
    the_body,
    without_appositive,
    without_article,
    without_description,
    without_side_words,
)
from service.extractors.offline.tokens import (
    article_offset,
    entity_of,
    strip_edges,
    verbatim,
    word_set,
)
from service.extractors.offline.untagged_names import named_after_role, named_before_body

# Head nouns of sources that identify no individual or organisation.
ANONYMOUS_HEADS = word_set("""
    official source report analyst expert observer diplomat insider person people officer
    authority resident witness media outlet lawmaker researcher scientist investigator
    critic commentator member aide staff employee worker insider spokesperson
    spokesman spokeswoman adviser advisor representative rescuer doctor forecaster coroner
    organizer organiser nurse medic paramedic firefighter survivor villager neighbour neighbor
    mediator negotiator economist meteorologist insurer group campaigner activist protester
    agent lawyer attorney publicist family relative friend colleague wife husband widow son
    daughter commander soldier
    """)
# Words that mark a source as deliberately unidentified ("one unnamed and two other officials").
UNNAMED_WORDS = word_set("unnamed anonymous unidentified")
# Heads of sources that are documents of an organisation ("Lenn University data").
DOCUMENT_HEADS = word_set("""
    report data record statement figure estimate analysis study survey briefing release
    document assessment account post tally count bulletin update datum statistic filing
    poll census audit review investigation memo result image imagery projection photo
    footage finding calculation model database register registry website reading
    decision ruling order verdict judgment judgement indictment
    """)
# A clause saying the source kept its name back ("spoke on condition of anonymity").
_WITHHELD = re.compile(r"not to be (?:named|identified)|anonymity|not authori[sz]ed to")
FIRST_PERSON = frozenset({"i", "we"})
# Heads of phrases that report evidence rather than name a source ("Growing indications suggest").
EVIDENCE_HEADS = frozenset({"indication", "sign", "evidence", "signal", "clue", "hint"})


def without_clauses(tokens: list[Token]) -> list[Token]:
    """Drop relative clauses and their commas from a noun phrase."""
    dropped: set[int] = set()
    for token in tokens:
        if token.dep_ in ("relcl", "acl") and token.i not in dropped:
            if _describes_the_unnamed(token):
                continue  # "three people involved in the talks", "a person briefed on it"
            dropped.update(t.i for t in token.subtree)
    return strip_edges([t for t in tokens if t.i not in dropped])


def _describes_the_unnamed(clause: Token) -> bool:
    """A participle right after an unnamed speaker that says who they are."""
    head = clause.head
    participle = clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.i == head.i + 1
    return participle and head.lemma_.lower() in _UNNAMED_PEOPLE


_UNNAMED_PEOPLE = word_set("person people source official diplomat officer insider")


def outlet(tokens: list[Token]) -> list[Token]:
    """An outlet's own name: "Freedonia's Daily Star, a local paper" -> "Daily Star",
    "the newspaper Nordlys" -> "Nordlys"."""
    tokens = without_description(without_clauses(tokens))
    comma = next((k for k, t in enumerate(tokens) if t.text == "," and k > 0), None)
    tokens = tokens[:comma] if comma is not None else tokens
    while len(tokens) > 1 and tokens[-1].pos_ == "NOUN" and tokens[-2].pos_ == "PROPN":
        tokens = tokens[:-1]  # "the Daily Star newspaper"
    for k, token in enumerate(tokens[:-1]):
        if token.tag_ == "POS":
            place = all(t.ent_type_ in ("GPE", "NORP") for t in tokens[:k] if t.lower_ != "the")
            return tokens[k + 1 :] if place and k > 0 else tokens
    return tokens


def phrase_text(tokens: list[Token]) -> str:
    """Verbatim text from the first to the last token."""
    if not tokens:
        return ""
    return verbatim(tokens)


def _head(tokens: list[Token]) -> Token:
    indices = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in indices or t.head.i == t.i]
    if not heads:
        return tokens[-1]
    if heads[0].pos_ == "DET" and len(heads) > 1:
        # "figures from the agency show": the parser hung "the" and "agency" on "show"
        return heads[-1]
    return heads[0]


def source_of(tokens: list[Token], refs: References) -> tuple[Source, str] | None:
    """A Source named by a noun phrase, with the phrase's head lemma."""
    given = _name_given_as(tokens)
    if given:  # "One refugee, a mother of four identified only as Fatou,"
        return Source(name=phrase_text(given)), given[-1].lemma_.lower()
    tokens = without_appositive(tokens)
    author = published_by(tokens)
    withheld = _WITHHELD.search(" ".join(t.lower_ for t in tokens)) is not None
    tokens = without_clauses(tokens)
    opening = next((k for k, t in enumerate(tokens) if t.text == "("), None)
    short_form = opening is not None and re.fullmatch(
        r"[A-Z][A-Za-z]{1,11}", tokens[opening + 1].text if opening + 1 < len(tokens) else ""
    )
    if opening and short_form:  # "the Ministry of Finance (MoF)": the name without it
        tokens = tokens[:opening]
    if not tokens:
        return None
    head = _head(tokens)
    lemma = head.lemma_.lower()
    unbased = _without_base(tokens, head)
    contiguous = unbased is tokens
    tokens = unbased
    if len(tokens) == 1 and head.lower_ in FIRST_PERSON:
        return None  # "We believe ..." inside a quotation: the speaker's own view
    if len(tokens) == 1 and head.lower_ in PRONOUNS:
        previous = head.doc[head.i - 1].text if head.i > 0 else ""
        trailing = previous in (",", '"', "”")  # "..., he added"
        earlier = refs.source_for_pronoun(head.lower_, article_offset(head), trailing=trailing)
        if earlier is not None:
            return earlier, lemma
        return None
    titled_name = named_after_role(tokens) or named_before_body(tokens)
    if titled_name:  # "spokesperson Marta Vell", "Tom Vell of Tarn Capital": untagged names
        name = refs.full_name(phrase_text(titled_name))
        refs.note_person(name, article_offset(titled_name[0]))
        return Source(name=name), lemma
    family = family_source(head, refs)
    if family is not None:  # "her family said": that person's family
        return family, lemma
    state_body = body_of_the_place_before(tokens, head)
    if state_body is not None:  # "Paraguay has 312 cases, its health ministry said"
        return Source(name=state_body), lemma
    owned = (
        None
        if lemma in DOCUMENT_HEADS
        else owned_name(tokens, refs.places, refs.sentences, partial(mentioned_body, refs))
    )
    if owned is not None:  # "the city's environment department": Edmonton's
        return Source(name=owned, anonymous=lemma in ANONYMOUS_HEADS), lemma
    person = person_in(tokens)
    # "A Voss aide" is an unnamed aide, not Voss
    unnamed_role = head.pos_ == "NOUN" and lemma in ANONYMOUS_HEADS
    # "A Voss aide", "a spokesman for Governor Dale Ruiz": the role, not the person
    served = person.root if person is not None else None
    # "for Governor Dale Ruiz", "from Ostmark's foreign ministry", "at the embassy in Ruma"
    serving = (
        served is not None
        and served.dep_ != "appos"  # "a spokesman for Aeroline, Derek Yeo": Yeo himself
        and any(served in child.subtree for child in head.children if child.dep_ == "prep")
    )
    # "Erdogan's office": not Erdogan; "Ostran's Defense Ministry": a place the tagger took
    # for a person
    owned_body = lemma in _PERSONAL_BODIES or lemma in PUBLIC_BODY_WORDS
    # "The Ostran government": a country's adjective the tagger took for a person
    modifier = person is not None and person.root.dep_ in ("poss", "compound")
    if modifier and owned_body and person is not None and person.root.head.i == head.i:
        words = [t for t in tokens if t.dep_ != "det"]
        return Source(name=phrase_text(words)), lemma
    if person is not None and _body_named_after(head, person.root):
        return Source(name=without_article(phrase_text(tokens))), lemma  # "Friends of X"
    if person is not None and not (unnamed_role and (head.i >= person.end or serving)):
        full = refs.full_name(person.text)
        titled = person.start > 0 and person.doc[person.start - 1].lower_ in TITLES  # "Mrs."
        alone = len(person) == 1 and not titled
        firm = refs.firm_named(person.text, last=True) if alone else None
        if full != person.text and _told_before(refs, full, person[0]):
            firm = None  # "Pedro Solana said ... Solana said": the person told before
        return Source(name=firm or full), lemma  # "Marlowe", a firm the tagger took for a man
    if len(tokens) == 1 and head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper():
        fuller = refs.full_name(head.text)  # a bare surname the tagger missed: "Ekel added"
        if fuller != head.text and _told_before(refs, fuller, head):
            return Source(name=fuller), lemma
        place = head.ent_type_ in ("GPE", "NORP", "LOC")  # "India said" after "Air India"
        firm = refs.firm_named(head.text, last=not place)  # "Halden" of "Halden Motors Co"
        # the tagger takes an unknown first word for a place, but a firm that spoke already
        # is the one its first word names
        spoke = any(known.source.name == firm for known in refs.sources)
        spoke = spoke and not _named_as_a_place(head)
        if firm is not None and (spoke or not place):
            return Source(name=firm), lemma
    if lemma in DOCUMENT_HEADS:
        behind = source_of(author, refs) if author else None
        if behind is not None:  # "figures from the statistics office published on Thursday"
            found = behind[0]
            if not found.anonymous and found.name.startswith("the "):  # "the municipality"
                found = found.model_copy(update={"name": found.name[4:]})
            return found, lemma
        for token in tokens:
            if token.ent_type_ == "ORG" and token.ent_iob_ == "B":
                entity = entity_of(token)
                assert entity is not None  # a token tagged B begins an entity
                if any(t.pos_ == "PROPN" for t in entity):  # not "Exit polls"
                    name = without_article(entity.text).removesuffix("'s").removesuffix("’s")
                    return Source(name=refs.expand(name)), lemma  # "the Orvik Tribune's count"
        owned = document_author(head)
        if owned:
            return Source(name=refs.expand(owned)), lemma
        if any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in head.children):
            told = earlier_source(refs, f"the {head.lower_}", lemma, article_offset(head))
            if told is not None:  # "according to Monday's statement": the one told before
                return told, lemma
        pronoun = next((c for c in head.children if c.lower_ in ("its", "their")), None)
        if pronoun is not None:  # "according to its annual report": the body named before
            body = organisation_before(refs, article_offset(pronoun))
            if body is not None:
                return body, lemma
        owner = described_owner(head)
        if owner is not None:  # "university figures", "the company's statement"
            body = described_body(refs, owner.lemma_.lower(), article_offset(owner))
            if body is not None and says_a_public_body(owner.lemma_.lower(), body.name):
                return body, lemma
            if owner.dep_ == "poss":  # "the ministry's bulletin": the ministry
                words = [t for t in owner.subtree if t.tag_ != "POS"]
                return Source(name=phrase_text(words)), lemma
            if owner.dep_ == "compound" and lemma in _MEASURES:  # "electoral commission data"
                words = [t for t in head.subtree if t.i < head.i and t.dep_ != "det"]
                return Source(name=phrase_text(words)), lemma
        institution = next((c for c in head.children if c.lower_ in _GENERIC_BODIES), None)
        if institution is not None and institution.dep_ == "compound":  # "a police statement"
            return Source(name=institution.lower_), lemma
        written_by = refs.document_authors.get(lemma) if head.tag_ == "NN" else None
        if written_by is not None:  # "the report said", after "a report by X" anywhere
            return written_by, lemma
    placed = without_seat(without_place_reference(tokens, head))
    tokens = named_group(without_description(placed))
    # "the monitoring group Observatoire X": the description went, the name is left
    named = len(tokens) < len(placed) and is_proper(tokens)
    sided = without_side_words(tokens)
    contiguous = contiguous and sided[1:2] == tokens[1:2]  # "the [smaller] Tarn Party"
    tokens = sided
    written = phrase_text(tokens) if contiguous else _joined(tokens)
    text = refs.expand(written)
    # a short form the article defined names its body outright ("the MOH" is the Ministry
    # of Health, not another health ministry told since)
    earlier = earlier_source(refs, text, lemma, article_offset(head)) if text == written else None
    if earlier is not None:
        return earlier, lemma
    unnamed = any(t.lower_ in UNNAMED_WORDS for t in tokens) or _unnamed_group(tokens, head)
    unnamed = unnamed or withheld
    anonymous = (lemma in ANONYMOUS_HEADS or unnamed) and head.pos_ != "PROPN" and not named
    # "the disaster authority said": one body named by what it is (gold: "police said")
    public_body = the_body(tokens, head)
    anonymous = anonymous and not public_body
    name = text if anonymous else without_article(text)  # "a Voss aide" stays as written
    if public_body:  # "disaster authority", as labels write "police"; "the ports
        # authority" after "Tarn Ports Authority": that body
        kind = phrase_text(tokens[1:])
        name = body_ending_in(refs, kind) or kind
    if anonymous:  # "a spokesperson for the authority": the authority named before
        name = employer_named(tokens, name, refs)
    possessed = len(tokens) > 1 and tokens[1].tag_ == "POS"  # "Lund's agent": a name
    opening = tokens[0].is_sent_start and tokens[0].pos_ != "PROPN" and not tokens[0].is_upper
    opening = opening and tokens[0].ent_type_ not in ("NORP", "GPE", "ORG")  # "Dalian bloggers"
    opening = opening and not possessed
    if anonymous and opening:  # "Experts say ...": an unnamed group, lower-cased
        name = name[:1].lower() + name[1:]
    return Source(name=name, anonymous=anonymous), lemma


def _body_named_after(head: Token, person: Token) -> bool:
    """ "the Group for the Defence of the Sahel", "Friends of Ana Vell": a name of a body whose
    "of"/"for" phrase holds a word the tagger took for a person; not a title ("President")."""
    if head.pos_ != "PROPN" or not head.is_title or head.lower_ in TITLES or person.i < head.i:
        return False
    return any(
        person in child.subtree
        for child in head.children
        if child.dep_ == "prep" and child.lower_ in ("of", "for")
    )


def _told_before(refs: References, name: str, token: Token) -> bool:
    """True when the article named this person before `token`."""
    at = article_offset(token)
    return any(known == name and start < at for start, known in refs.persons)


def _named_as_a_place(word: Token) -> bool:
    """True when the text also uses the word as a place ("in Paris", "near Paris")."""
    return re.search(rf"\b(?:in|near)\s+{re.escape(word.text)}\b", word.doc.text) is not None


def _name_given_as(tokens: list[Token]) -> list[Token]:
    """The name a described speaker is "identified (only) as" or "gave ... as", or []."""
    named = next((t for t in tokens if given_name(t)), None)
    return [t for t in named.subtree if t.pos_ == "PROPN"] if named is not None else []


def _without_base(tokens: list[Token], head: Token) -> list[Token]:
    """ "the Tillbury, Maine-based company", "the Geneva-based Tarn Institute": the body,
    without where it is based."""
    based = next((t for t in tokens if t.lower_ == "based" and t.head.i == head.i), None)
    if based is None or based.i == 0 or based.nbor(-1).text != "-":
        return tokens
    return [t for t in tokens if t.dep_ == "det" or t.i > based.i]


def _joined(tokens: list[Token]) -> str:
    """The words of tokens that need not be contiguous, with their own spacing."""
    return "".join(t.text_with_ws for t in tokens).strip()


# Bodies that belong to a person and speak for them: "Erdogan's office said".
_PERSONAL_BODIES = word_set("office campaign administration government cabinet team")
# Institutions named generically in a document's description ("a police statement").
_GENERIC_BODIES = word_set("police government military army")
# Plural nouns that name an institution generically ("police said"): named sources (spec).
INSTITUTION_PLURALS = word_set("police")


def _unnamed_group(tokens: list[Token], head: Token) -> bool:
    """ "Unions said", "Several MPs said", "his colleagues said": a plural common noun with
    no name in the phrase is an unnamed group."""
    if head.tag_ != "NNS" or head.pos_ != "NOUN" or head.lemma_.lower() in INSTITUTION_PLURALS:
        return False
    if tokens[0].lower_ == "the":
        return False  # "the two companies": named before
    return not any(t.pos_ == "PROPN" for t in tokens)


def published_by(tokens: list[Token]) -> list[Token]:
    """The named body behind a document, said by a participle or a preposition ("a survey
    released on Monday by the Varn Institute", "a report by the Varn Institute")."""
    for token in tokens:
        document = token.lemma_.lower() in DOCUMENT_HEADS and token.pos_ == "NOUN"
        if (token.dep_ == "acl" and token.tag_ == "VBN") or document:  # "a report by X"
            # "a poll of 900 voters by X": the parser may hang "by X" on the voters
            counted = [o for c in token.children if c.lower_ == "of" for o in c.children]
            for child in [*token.children, *(c for o in counted for c in o.children)]:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                dated = bool(objects) and objects[0].ent_type_ in ("DATE", "TIME")
                if child.lower_ in ("by", "from") and objects and _a_body(objects[0]) and not dated:
                    return list(objects[0].subtree)
    return []


def _a_body(noun: Token) -> bool:
    """A name, or a common noun for a body ("the municipality", "the prosecutor's office")."""
    lemma = noun.lemma_.lower()
    group = noun.tag_ == "NNS" and lemma in ANONYMOUS_HEADS  # "a tally by organisers"
    group = group or (lemma == "family" and any(c.dep_ == "poss" for c in noun.children))
    capitalised = noun.text[:1].isupper() and not noun.is_sent_start  # "Elections Canada"
    return (
        group
        or noun.pos_ == "PROPN"
        or capitalised
        or lemma in BODY_DESCRIPTIONS | PUBLIC_BODY_WORDS | _BODY_NOUNS
    )


# Documents that only carry a body's figures: "central bank data" is the central bank's word.
_MEASURES = word_set("data datum figure statistic estimate record count tally")
_BODY_NOUNS = word_set("municipality prosecutor tank")
