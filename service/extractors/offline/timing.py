"""Times a claim takes from its sentence: the day its source spoke, an "as of" on the
reporting verb, or the time phrase its sentence shares among the claims split from it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Token

from schemas.claims import ClaimKind, DraftClaim, TimeRef
from service.extractors.offline.ages import AGE_UNIT
from service.extractors.offline.frames import Frame
from service.extractors.offline.relative_time import Context, counts_from_an_event, days_before
from service.extractors.offline.timeref import find_time, time_phrase
from service.extractors.offline.tokens import entity_of, verbatim, word_set

_VERB_MODIFIERS = frozenset({"npadvmod", "prep", "advmod"})
# Clauses whose time phrase is their own, not the sentence's.
_OWN_TIME_CLAUSES = frozenset({"relcl", "acl", "ccomp", "xcomp", "csubj", "advcl"})


@dataclass(frozen=True)
class FrameTime:
    """The day a source spoke ("said on Monday"), or an "as of" time its verb carries."""

    speaking: dt.date | None = None
    as_of: TimeRef | None = None
    said_at: TimeRef | None = None  # the phrase that gave `speaking`


def frame_time(frame: Frame | None, content: list[Token], published: dt.date | None) -> FrameTime:
    """The time phrase among the reporting verb's modifiers, outside the content."""
    if frame is None or frame.verb is None or published is None:
        return FrameTime()
    verb, inside = frame.verb, {t.i for t in content}
    words = sorted(
        (
            t
            for child in verb.children
            if child.dep_ in _VERB_MODIFIERS and child.i not in inside
            for t in child.subtree
        ),
        key=lambda t: t.i,
    )
    found = find_time(words, verb, Context(published))
    if found is None or found.start is None:
        return FrameTime()
    if found.text.lower().startswith("as of"):
        return FrameTime(as_of=found)
    if found.start != found.end or len(found.start) != 10:
        return FrameTime()
    return FrameTime(speaking=dt.date.fromisoformat(found.start), said_at=found)


def announced_acts(
    made: list[tuple[DraftClaim, Token, bool]], verb: Token | None, said: FrameTime
) -> list[tuple[DraftClaim, Token, bool]]:
    """ "Lumenta announced on Tuesday that it had agreed to buy Kerrin": an act done by
    announcing it (an agreement, endorsement, decision) happens when it is announced."""
    if verb is None or said.said_at is None:
        return made
    lemma = verb.lemma_.lower()
    # "announced that it had agreed": any act; "said she endorses": only an act done in words
    announced = ANNOUNCED_ACTS if lemma in ANNOUNCING_VERBS else set()
    if lemma in SAYING_VERBS:
        announced = SPOKEN_ACTS
    result = []
    for claim, head, nominal in made:
        acts = {head.lemma_.lower()} | {
            c.lemma_.lower() for c in head.children if c.dep_ == "xcomp"
        }
        done = claim.kind is not ClaimKind.forecast and not claim.negated
        told = lemma in SAYING_VERBS and verb.tag_ == "VBD" and _agreed_just_now(head)
        if claim.time is None and done and (acts & announced or told):
            claim = claim.model_copy(update={"time": said.said_at})
        result.append((claim, head, nominal))
    return result


def _agreed_just_now(head: Token) -> bool:
    """ "has agreed to buy Kerrin, the company said on Friday": an agreement made known as it
    is told; not "had previously agreed", "may have agreed", "have agreed for years"."""
    if head.lemma_.lower() != "agree":
        return False
    auxiliaries = [c for c in head.children if c.dep_ == "aux"]
    present_perfect = [a.lower_ for a in auxiliaries] in (["has"], ["have"])
    hedged = any(c.dep_ in ("advmod", "prep") and c.lower_ in _LONG_AGO for c in head.children)
    return present_perfect and not hedged


# Words that put an agreement before the telling ("previously", "for years").
_LONG_AGO = frozenset({"previously", "repeatedly", "earlier", "already", "long", "for", "since"})


ANNOUNCING_VERBS = frozenset({"announce", "declare", "proclaim"})
SAYING_VERBS = frozenset({"say", "tell", "tweet", "write", "state", "post"})
# Acts a speaker performs by saying them ("said she endorses Biden", "said he is conceding").
SPOKEN_ACTS = word_set("""
    endorse concede resign suspend withdraw quit apologize apologise congratulate thank
    pardon
    """)
# Acts that take place by being announced (spec section 5, "Time belongs to the proposition").
ANNOUNCED_ACTS = word_set("""
    agree endorse decide approve resign appoint name nominate accept reject award select
    choose suspend cancel ban withdraw join launch end drop quit retire concede pardon sign
    """)


def shared_time(
    made: list[tuple[DraftClaim, Token, bool]],
    content: list[Token],
    published: dt.date | None,
    as_of: TimeRef | None,
) -> list[DraftClaim]:
    """Claims of one sentence without a time take its opening time or the frame's "as of"."""
    # `made`: each claim with its predicate and whether it is nominal; "On Monday, two died
    # and five were hurt" dates both claims, "..., killing four" takes its clause's time.
    claims = _when_clauses_share(_tallies_share(_participles_share(made), made), made, published)
    made = [(claim, head, nominal) for claim, (_, head, nominal) in zip(claims, made, strict=True)]
    if all(claim.time is not None for claim in claims):
        return claims
    shared = as_of
    root = _root(content)
    trailing = False  # "recorded 312 cases and four deaths in the week to Sunday"
    if shared is None and len(made) > 1:
        found = time_phrase(content, root, Context(published))
        if found is not None and (found[0].start or found[0].end):
            trailing = _closing(found[1], root, content)
            if trailing or _fronted(found[1], root):
                shared = found[0]
    if shared is None:
        return claims
    result = []
    for claim, head, nominal in made:
        if trailing and head.i != root.i:
            result.append(claim)  # a trailing time dates only the items of the main verb
            continue
        past = nominal or _past_form(head)
        described = head.dep_ == "relcl" and shared is not as_of  # "a book, which sold ..."
        # "On Monday, police named Vik, 44,": an age as at publication; "In 1998, Berg, 22,
        # won": an age then
        days = days_before(shared.start, published)
        recent = days is not None and abs(days) <= 31
        described = described or (nominal and _age_only(claim) and recent)
        takes = (past or shared is as_of) and not described
        if claim.time is None and takes and not claim.negated and claim.kind != ClaimKind.forecast:
            claim = claim.model_copy(update={"time": shared})
        result.append(claim)
    return result


def _past_form(head: Token) -> bool:
    """ "died", "were killed", "were staying": a verb told in the past."""
    if head.tag_ in ("VBD", "VBN"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)


def _participles_share(made: list[tuple[DraftClaim, Token, bool]]) -> list[DraftClaim]:
    """ "The roof collapsed on Monday, injuring six": the participle's claim takes the time
    of the clause it hangs from."""
    times = {head.i: claim.time for claim, head, _ in made if claim.time is not None}
    result = []
    for claim, head, _ in made:
        donor = times.get(head.head.i)
        if claim.time is None and head.dep_ == "advcl" and head.tag_ == "VBG" and donor:
            claim = claim.model_copy(update={"time": donor})
        result.append(claim)
    return result


def _tallies_share(
    claims: list[DraftClaim], made: list[tuple[DraftClaim, Token, bool]]
) -> list[DraftClaim]:
    """ "Eleven were killed and 64 injured late Thursday": joined past tallies share the time
    written once, after the last of them (not one counted from the first: "two years later")."""
    dated = {
        head.head.i: claim.time
        for claim, (_, head, _) in zip(claims, made, strict=True)
        if claim.time is not None
        and _tally(claim)
        and head.dep_ == "conj"
        and _past_form(head)
        and claim.kind is not ClaimKind.forecast  # "400,000 were expected next week"
        and not counts_from_an_event(claim.time.text)
    }
    result = []
    for claim, (_, head, _) in zip(claims, made, strict=True):
        donor = dated.get(head.i)
        shares = donor is not None and _tally(claim) and _past_form(head)
        if claim.time is None and shares and not _dated_apart(head):
            claim = claim.model_copy(update={"time": donor})
        result.append(claim)
    return result


def _age_only(claim: DraftClaim) -> bool:
    """True for a claim that only gives a person's age ("Vik is 44 years old")."""
    return bool(claim.quantities) and all(q.unit == AGE_UNIT for q in claim.quantities)


def _tally(claim: DraftClaim) -> bool:
    """True for a claim counting things ("64 injured", "14 vehicles"), not only an age."""
    return any(q.unit and q.unit != AGE_UNIT for q in claim.quantities)


def _dated_apart(head: Token) -> bool:
    """True when a verb has a date of its own outside its joined verbs, even one left unresolved
    ("raised $2 million in the last quarter of 2024 but had ... at the end of January")."""
    joined = {t.i for c in head.children if c.dep_ == "conj" for t in c.subtree}
    if any(t.ent_type_ == "DATE" and t.i not in joined for t in head.subtree):
        return True
    # "fled before the typhoon arrived": timed by an event of its own
    return any(
        (child.dep_ == "prep" and child.lower_ in _TIMING_WORDS)
        or (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in _TIMING_WORDS for m in child.children)
        )
        for child in head.children
    )


_TIMING_WORDS = frozenset({"before", "after", "during", "since", "until", "when", "while"})


def _when_clauses_share(
    claims: list[DraftClaim], made: list[tuple[DraftClaim, Token, bool]], published: dt.date | None
) -> list[DraftClaim]:
    """ "..., since 2011, when 23 people died": a "when" clause hanging from a date happens
    at that date (its first day for "since 2011", its last for "by 2011")."""
    result = []
    for claim, (_, head, _) in zip(claims, made, strict=True):
        if head.dep_ == "ccomp" and head.head.dep_ == "relcl":
            head = head.head  # "since 2019, when police said 15,000 gathered"
        date = _date_before_when(head)
        if claim.time is None and date is not None:
            phrase = [t for t in date.subtree if t.i < head.left_edge.i]
            while phrase and phrase[-1].is_punct:
                phrase.pop()
            if date.dep_ == "pobj":
                phrase = [date.head, *phrase]
            text = verbatim([t for t in phrase if t.i != date.head.i or date.dep_ != "pobj"])
            found = _dated_by_main_clause(text, claims) or find_time(
                phrase, date, Context(published)
            )
            point = found and (found.start if found.start is not None else found.end)
            if found is not None and point is not None:
                bounded = found.start is None or found.end is None
                start, end = (point, point) if bounded else (found.start, found.end)
                time = TimeRef(text=text, start=start, end=end)
                claim = claim.model_copy(update={"time": time})
        result.append(claim)
    return result


def _dated_by_main_clause(text: str, claims: list[DraftClaim]) -> TimeRef | None:
    """The time a claim of the same sentence resolved from the date a "when" clause hangs
    from: "due in court on Feb. 9, when ..." looks ahead as the main clause does."""
    same = re.compile(rf"(?:(?:on|in|at|by|from|until)\s+)?{re.escape(text)}", re.IGNORECASE)
    for claim in claims:
        if claim.time is not None and same.fullmatch(claim.time.text):
            return claim.time  # "on Feb. 9" for "Feb. 9", not "between 2010 and 2019"
    return None


def _date_before_when(head: Token) -> Token | None:
    """The date a "when" clause hangs from: its governor, or the date just before it (the
    parser may attach "on April 27, 2011, when ..." to the noun before the date)."""
    if head.dep_ != "relcl" or head.left_edge.lower_ != "when":
        return None
    if head.head.ent_type_ == "DATE":
        return head.head
    doc, k = head.doc, head.left_edge.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    if k < 0 or doc[k].ent_type_ != "DATE":
        return None
    entity = entity_of(doc[k])
    return entity.root if entity is not None else doc[k]


def _fronted(phrase: list[Token], root: Token) -> bool:
    """True when a time phrase opens the sentence, before its subject, outside any relative,
    reported or infinitive clause: it dates everything the sentence says."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if phrase[-1].i >= (subject.left_edge.i if subject is not None else root.i):
        return False
    token = phrase[0]
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in _OWN_TIME_CLAUSES:
            return False
        token = token.head
    return True


def _closing(phrase: list[Token], root: Token, content: list[Token]) -> bool:
    """True when a time phrase hangs from the main verb and ends the sentence: it dates each
    item the verb takes ("recorded 312 cases and four deaths in the week to Sunday")."""
    ids = {t.i for t in phrase}
    tops = [t for t in phrase if t.head.i not in ids]
    if not tops or any(not _hangs_from(t, root) for t in tops) or phrase[0].i < root.i:
        return False
    # "..., bringing the total to 4,058": a participle after it leaves the phrase closing
    participles = {
        t.i
        for c in root.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > phrase[-1].i
        for t in c.subtree
    }
    return all(t.is_punct or t.i in participles for t in content if t.i > phrase[-1].i)


def _hangs_from(token: Token, root: Token) -> bool:
    """True when a phrase hangs from the root, directly or through a prepositional phrase
    ("at a hearing in January")."""
    head = token.head
    while head.i != root.i and head.dep_ in ("pobj", "prep") and head.head.i != head.i:
        head = head.head
    return head.i == root.i


def _root(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return max(roots, key=lambda root: sum(1 for t in root.subtree if t.i in ids))
