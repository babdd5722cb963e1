"""Reports without a content clause: a reporting verb with a noun object ("The ministry has
confirmed six new cases"), an estimate ("She put the damage at ..."), a document's figure,
a claimed act, and a named subject introducing a quotation with a colon."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.body_names import BODY_DESCRIPTIONS
from service.extractors.offline.frames import NOMINAL_REPORT_VERBS, Frame
from service.extractors.offline.references import References
from service.extractors.offline.report_shapes import content_tokens, puts_at, report_subject
from service.extractors.offline.sources import DOCUMENT_HEADS, EVIDENCE_HEADS, source_of
from service.extractors.offline.tokens import word_set


def colon_quote(tokens: list[Token], allowed: set[int], refs: References) -> Frame | None:
    """ "Vik rejected the mayor's plan: "P"": a named subject introducing a quotation."""
    for position, token in enumerate(tokens[:-2]):
        if token.text != ":" or not tokens[position + 1].is_quote:
            continue
        verbs = [t for t in tokens[:position] if t.pos_ == "VERB" and t.dep_ == "ROOT"]
        if not verbs:
            return None
        subject = report_subject(verbs[0], allowed)
        named = source_of(subject, refs) if subject else None
        content = content_tokens(tokens[position + 1 :])
        if named is None or len(content) < 3:
            return None
        return Frame(source=named[0], content=content, verb=verbs[0], head_lemma=named[1])
    return None


# Modals that make a reporting verb a duty or a plan ("would not confirm" is a refusal told).
_DUTY_MODALS = frozenset({"must", "should", "shall", "will", "can", "may", "might", "'ll"})


def nominal_report(tokens: list[Token], allowed: set[int], refs: References) -> Frame | None:
    """ "The ministry has confirmed six new cases": a reporting verb with a noun object. The
    clause stays whole (nothing to strip) and the subject is its source."""
    roots = [
        t
        for t in tokens
        if (t.head.i == t.i or t.head.i not in allowed)  # the root of these tokens
        and (
            t.lemma_.lower() in NOMINAL_REPORT_VERBS
            or puts_at(t)
            or _document_gives(t)
            or _claims_an_act(t)
        )
    ]
    if not roots:
        return _owned_figure(tokens, allowed, refs)
    verb = roots[0]
    agent = _reporting_agent(verb)
    if agent:  # "The toll of 14 was confirmed by the prosecutor's office"
        by = source_of(agent, refs)
        if by is not None and by[1] not in EVIDENCE_HEADS:
            return Frame(source=by[0], content=content_tokens(tokens), verb=verb, head_lemma=by[1])
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    if not objects and not _claims_an_act(verb):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _DUTY_MODALS for c in verb.children):
        return None  # "signatories must report their catches": a duty, not a report
    if verb.lemma_.lower() == "record" and not any(t.pos_ == "NUM" for t in objects[0].subtree):
        return None  # "recorded 611 aftershocks" reports a count; "recorded an album" does not
    subject = report_subject(verb, allowed)
    if not subject:
        return None
    subject_head = next((t for t in subject if t.dep_ in ("nsubj", "nsubjpass")), subject[-1])
    if subject_head.pos_ == "PRON" and subject_head.lower_ not in _TOLD_BEFORE:
        return None  # "It estimated ...", but "Its developer, X, put the damage at ..."
    if verb.lemma_.lower() in _OCCURRING and subject_head.ent_type_ in ("GPE", "LOC"):
        return None  # "Beni has recorded 2,306 cases": the cases occurred there, no one spoke
    counted = any(c.dep_ == "nummod" for c in subject_head.children)
    if verb.lemma_.lower() == "expect" and counted and subject_head.tag_ == "NNS":
        return None  # "Nine economists expected a hike": a poll's result, not their report
    named = source_of(subject, refs)
    if named is None or named[1] in EVIDENCE_HEADS:
        return None
    if named[0].name.split()[0].lower() in _POSSESSIVE_PRONOUNS:
        return None  # "Their estimate put the crowd at 5,000": whose is not told
    return Frame(source=named[0], content=content_tokens(tokens), verb=verb, head_lemma=named[1])


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _reporting_agent(verb: Token) -> list[Token]:
    """The "by" phrase of a reporting verb in the passive ("was confirmed by the ministry")."""
    if verb.lemma_.lower() not in NOMINAL_REPORT_VERBS or verb.dep_ == "relcl":
        return []
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        if not objects or objects[0].ent_type_ in ("DATE", "TIME"):
            continue  # "recorded by Tuesday morning": a deadline, no agent
        words = list(objects[0].subtree)
        timed = next((k for k, t in enumerate(words) if t.ent_type_ in ("DATE", "TIME")), None)
        return words[:timed] if timed else words
    return []


# Verbs that, of a place, tell what happened there ("Tarn recorded its first case").
_OCCURRING = frozenset({"record", "register"})
# Pronouns for a source named before ("She put the damage at ..."); "we" is the speaker.
_TOLD_BEFORE = frozenset({"he", "she", "it", "they"})


def _claims_an_act(verb: Token) -> bool:
    """ "Rebels claimed to have shot down two helicopters": the subject's own claim of an act."""
    if verb.lemma_.lower() != "claim" or verb.pos_ != "VERB":
        return False
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    return bool(acts) and any(c.lower_ == "have" for c in acts[0].children if c.dep_ == "aux")


def _document_gives(verb: Token) -> bool:
    """ "A poll by Harlow University gave Brenner 44 percent": a document's figure."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    document = bool(subjects) and subjects[0].lemma_.lower() in DOCUMENT_HEADS
    maker = document and any(t.pos_ == "PROPN" for t in subjects[0].subtree)  # not "The result"
    # "the agency's readings showed ...": a body described before owns the document
    owned = document and any(
        c.dep_ == "poss" and c.lemma_.lower() in BODY_DESCRIPTIONS for c in subjects[0].children
    )
    return (maker or owned) and verb.lemma_.lower() in ("give", "put", "show", "find")


# Figures a body keeps ("the ministry's death toll") and verbs telling their level.
_FIGURES = word_set("toll tally count figure estimate register registry census")
_LEVEL_VERBS = word_set("stand rise reach climb fall drop jump hit total list increase")
# Descriptions of a body that keeps counts ("the ministry's toll"), not a team's or party's.
_COUNTING_BODIES = word_set("ministry agency authority office department service commission")
# What a standing counts ("Labour's tally of seats", "the team's tally rose to 30 points").
_STANDINGS = word_set("seat point trophy medal title win goal vote")
# Names of storms, whose toll is the dead, not a count they keep.
_STORMS = word_set("hurricane storm typhoon cyclone tropical")


def _owned_figure(tokens: list[Token], allowed: set[int], refs: References) -> Frame | None:
    """ "The Interior Ministry's death toll stood at 11": a body's own count is its word (not
    "Labour's tally of seats", "Hurricane Milton's death toll", another owner's clause)."""
    for verb in tokens:
        if verb.lemma_.lower() not in _LEVEL_VERBS or verb.pos_ != "VERB":
            continue
        if not (verb.head.i == verb.i or verb.head.i not in allowed):
            continue  # the root of these tokens only
        joined = [c for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ == "conj" or any(_figure_subject(c) for c in joined):
            continue  # "the ministry's toll rose to 30 and the UN's figure stood at 45"
        subject = _figure_subject(verb)
        if subject is None or any(t.lemma_.lower() in _STANDINGS for t in verb.subtree):
            continue
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        body = owner is not None and (
            owner.ent_type_ == "ORG" or owner.lemma_.lower() in _COUNTING_BODIES
        )
        if owner is None or not body or any(t.lower_ in _STORMS for t in owner.subtree):
            continue  # "its toll", "Kenya's toll" (the toll in Kenya) stay the article's
        named = source_of([t for t in owner.subtree if t.tag_ != "POS"], refs)
        if named is not None and named[1] not in EVIDENCE_HEADS and not named[0].anonymous:
            return Frame(source=named[0], content=content_tokens(tokens), verb=verb,
                         head_lemma=named[1])  # fmt: skip
    return None


def _figure_subject(verb: Token) -> Token | None:
    """The subject of a verb when it is a figure ("the ministry's toll")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.lemma_.lower() in _FIGURES else None
