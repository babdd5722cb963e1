"""What follows a report in its sentence: the reporter's own acts ("said P and ordered
flags lowered"), added reports, contrasts and outcomes ("..., the air force said, killing
three")."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.frames import REPORTING_VERBS, Frame
from service.extractors.offline.person_words import PERSON_DESCRIPTIONS
from service.extractors.offline.satellites import TOLL_VERBS
from service.extractors.offline.tokens import strip_edges, word_set


def report_added_after(tokens: list[Token], frame: Frame | None) -> list[Token]:
    """ "P, the minister said, adding that Q": Q after a trailing report is the same source's;
    returns Q's tokens when the frame's content left them out, or []."""
    verb = frame.verb if frame else None
    if frame is None or verb is None:
        return []
    ids, content = {t.i for t in tokens}, {t.i for t in frame.content}
    for child in verb.children:
        if child.dep_ != "advcl" or child.tag_ != "VBG" or child.i < verb.i:
            continue
        if child.lemma_.lower() not in REPORTING_VERBS or child.i in content:
            continue
        clause = next((c for c in child.children if c.dep_ == "ccomp" and c.i in ids), None)
        if clause is not None:
            return strip_edges([t for t in clause.subtree if t.i in ids], frozenset({"that"}))
    return []


_ACT_OBJECTS = frozenset({"dobj", "xcomp", "ccomp", "prep", "dative", "prt"})


def trailing_act(tokens: list[Token], frame: Frame | None) -> list[Token]:
    """ "Hollis said she was heartbroken and ordered flags lowered": a second verb of the
    reporting subject is its own act, not part of what was said. Returns the subject and that
    verb's clause, or []."""
    verb = frame.verb if frame else None
    if verb is None:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None:
        return []
    ids = {t.i for t in tokens}
    for child in verb.children:
        if child.dep_ != "conj" or child.i < verb.i or child.i not in ids or child.pos_ != "VERB":
            continue
        if child.lemma_.lower() in REPORTING_VERBS:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            continue
        if not any(c.dep_ in _ACT_OBJECTS for c in child.children):
            continue  # "..., held the previous day": a misparse, no act of the reporter's
        subject_words = [t for t in subject.subtree if t.i in ids]
        return [*subject_words, *(t for t in child.subtree if t.i in ids)]
    return []


def another_speakers_clause(tokens: list[Token], frame: Frame | None) -> list[Token]:
    """ "Australia said it had sent 30 tonnes, and Japan pledged $2 million": a clause joined
    to the reporting verb with a subject of its own is no part of what was said. Returns
    that clause, or []."""
    verb = frame.verb if frame else None
    if verb is None or frame is None or not frame.content or frame.content[0].i < verb.i:
        return []  # "P, X said, but Q": Q goes on with X's report
    ids = {t.i for t in tokens}
    for child in verb.children:
        if child.dep_ != "conj" or child.i < verb.i or child.i not in ids or child.pos_ != "VERB":
            continue
        subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            continue  # "..., but he would not rule out cuts": the same speaker
        # a speaker of its own, or a named actor's act; "but the work was postponed" after
        # "said" may still be what was said
        named = subject.ent_type_ in ("ORG", "GPE", "PERSON", "NORP")
        if child.lemma_.lower() in REPORTING_VERBS or named:
            return [t for t in child.subtree if t.i in ids]
    return []


def drop_from_content(frame: Frame, act: list[Token]) -> None:
    """Leave the reporting subject's own act, and the "and" joining it, out of the content."""
    verb = frame.verb
    joiners = {c.i for c in verb.children if c.dep_ == "cc"} if verb is not None else set()
    root = next((t for t in act if t.dep_ == "conj"), None)
    if root is not None:  # only the "and" right before the act, not the clause's own
        before = [c.i for c in root.head.children if c.dep_ == "cc" and c.i < root.i]
        joiners |= set(before[-1:])
    dropped = {t.i for t in act} | joiners
    frame.content = strip_edges([t for t in frame.content if t.i not in dropped])


# Acts a reporter does beside what they report ("said P but declined to name him").
_SPEAKER_ACTS = word_set("""
    decline refuse vow pledge promise urge deny rule thank apologise apologize praise
    criticise criticize condemn accuse welcome call ask
    """)


def _could_act(clause: Token) -> bool:
    """True when the reported clause's subject is someone who could do the act itself."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return True
    return subject.pos_ in ("PROPN", "PRON") or subject.lemma_.lower() in PERSON_DESCRIPTIONS


def speaker_act_in_content(tokens: list[Token], frame: Frame | None) -> list[Token]:
    """The reporter's own act the parser joined to the reported clause, or []."""
    # "Tom Brask said the vote was a mistake and vowed to file a motion"
    verb = frame.verb if frame else None
    if frame is None or verb is None:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if subject is None or clause is None:
        return []
    ids, content = {t.i for t in tokens}, {t.i for t in frame.content}
    for act in clause.children:
        if act.dep_ != "conj" or act.pos_ != "VERB" or act.i not in content or act.i not in ids:
            continue
        finite = act.tag_ in ("VBD", "VBZ") or any(c.lemma_ == "do" for c in act.children)
        if act.lemma_.lower() not in _SPEAKER_ACTS or not finite:  # not "would rule out"
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "ccomp") for c in act.children):
            continue  # "and the party vowed ...", "and warned that Q": no act of the reporter
        joint = [c for c in clause.children if c.dep_ == "cc" and c.i < act.i]
        if not (joint and joint[-1].lower_ == "but") and _could_act(clause):
            continue  # "said the driver ignored the signals and refused to stop": the driver's
        subject_words = [t for t in subject.subtree if t.i in ids]
        return [*subject_words, *(t for t in act.subtree if t.i in ids)]
    return []


_REPORT_CONTRASTS = frozenset({"while", "whereas"})


def contrast_after_report(tokens: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """(P with its report, Q) for "P, the ministry said, while Q", or None."""
    # the parser hangs Q on the trailing report, but Q is a clause of its own
    for position, mark in enumerate(tokens[1:], start=1):
        clause, verb = mark.head, mark.head.head
        if mark.lower_ not in _REPORT_CONTRASTS or mark.dep_ != "mark" or clause.dep_ != "advcl":
            continue
        if tokens[position - 1].text != "," or verb.i > mark.i:
            continue
        if verb.lemma_.lower() not in REPORTING_VERBS or not _reported_before(verb):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        return tokens[: position - 1], tokens[position + 1 :]
    return None


def _reported_before(verb: Token) -> bool:
    """True for a report that follows what it reports ("P, the ministry said")."""
    has_subject = any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
    content_before = verb.dep_ == "parataxis" or any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.children
    )
    return has_subject and content_before


# Participles that tell an event's outcome ("..., killing three", "..., leaving 3,000 ...").
_OUTCOMES = TOLL_VERBS | word_set("destroy damage force trap cut flatten sink strand")


def participle_after_report(tokens: list[Token], frame: Frame | None) -> list[Token]:
    """The outcome participle after a trailing report ("..., the air force said, killing
    three"), which belongs to the reported event, or []."""
    verb = frame.verb if frame else None
    if frame is None or verb is None or not frame.content or not _reported_before(verb):
        return []
    ids, content = {t.i for t in tokens}, {t.i for t in frame.content}
    if max(content) > verb.i:
        return []
    for child in verb.children:
        if child.dep_ != "advcl" or child.tag_ != "VBG" or child.i < verb.i or child.i not in ids:
            continue
        if child.lemma_.lower() not in _OUTCOMES:
            continue  # "..., the air force said, giving no further details": the reporter's
        if child.nbor(-1).text != "," or not any(c.dep_ == "dobj" for c in child.children):
            continue
        return [child.nbor(-1), *(t for t in child.subtree if t.i in ids and not t.is_space)]
    return []
