"""The time a claim takes: its own time phrase, else the occasion of the clause a "where"
clause hangs from, else a date in the subject it shares; with the extra evidence spans."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import TimeRef
from service.extractors.offline.fieldwork import fieldwork_of
from service.extractors.offline.segmentation import Proposition
from service.extractors.offline.statement import quote
from service.extractors.offline.timeref import Context, find_time, time_phrase
from service.extractors.offline.tokens import WEEKDAY_NAMES

# The shortest evidence span that carries a claim (grounding rejects shorter ones).
_SHORT_EVIDENCE = 12


def claim_time(
    proposition: Proposition, context: Context, *, forecast: bool
) -> tuple[TimeRef | None, list[str]]:
    """The claim's time and the spans beyond its own that carry it or its subject."""
    head, tokens, prefix = proposition.head, proposition.tokens, proposition.prefix
    time = find_time(tokens, head, context)
    spans: list[str] = []
    if len(quote(proposition.evidence)) < _SHORT_EVIDENCE and prefix:
        spans.append(quote(prefix))  # "won 26 Tests and lost 14": the subject it shares
    if time is None and not forecast and _where_clause(head):
        # "appeared in court on Friday, where he was charged": the same occasion
        shared = time_phrase(*_main_clause(head), context)
        if shared is not None:
            time = shared[0]
            spans.append(quote(shared[1]))
    if time is None and not forecast:  # "closed schools on Thursday and barred cars": Thursday
        shared = _day_of_the_first_act(head, context)
        if shared is not None:
            time = shared[0]
            spans.append(quote(shared[1]))
    if time is None and not forecast:  # "A poll, taken on May 2-4, put Tarn at 41%"
        fieldwork = fieldwork_of(head)
        found = time_phrase(list(fieldwork.subtree), fieldwork, context) if fieldwork else None
        if found is not None:
            time = found[0]
            spans.append(quote(found[1]))
    if time is None:  # "in 2017, when 9,000 were infected and 180 died": both in 2017
        antecedent = _when_antecedent(head)
        if antecedent is not None:
            preposition = [antecedent.head] if antecedent.head.pos_ == "ADP" else []
            phrase = preposition + [t for t in antecedent.subtree if t.i <= antecedent.i]
            time = find_time(phrase, antecedent, context)  # "in 2017"
            if time is not None:
                spans.append(time.text)
    if time is None:  # "before the tour, which starts on December 8": an end only
        bounded = _bounded_by_a_dated_event(head, context)
        if bounded is not None:
            time, span = bounded
            spans.append(span)
    if time is None and prefix:  # "The bombing on March 15 ... injured 49"
        prefix_ids = {t.i for t in prefix}
        root = next((t for t in prefix if t.head.i not in prefix_ids), None)
        time = find_time(prefix, root, context) if root is not None else None
        carried = " ".join([quote(proposition.evidence), *spans])
        if time is not None and time.text not in carried:
            spans.append(quote(prefix))  # the shared subject's span
    return time, spans


_BEFORE = frozenset({"before", "until", "by"})
_AFTER = frozenset({"after", "following", "since"})


def _bounded_by_a_dated_event(head: Token, context: Context) -> tuple[TimeRef, str] | None:
    """The bound a dated event gives a claim timed against it ("before the tour, which
    starts on December 8" ends on December 8)."""
    for preposition in head.children:
        word = preposition.lower_
        if preposition.dep_ != "prep" or word not in _BEFORE | _AFTER:
            continue
        for clause in preposition.subtree:
            if clause.dep_ != "relcl":
                continue
            found = time_phrase(list(clause.subtree), clause, context)
            if found is None or found[0].start is None or found[0].start != found[0].end:
                continue
            day = found[0].start
            start, end = (None, day) if word in _BEFORE else (day, None)
            time = TimeRef(text=found[0].text, start=start, end=end)
            return time, quote([preposition, *found[1]])
    return None


def _day_of_the_first_act(head: Token, context: Context) -> tuple[TimeRef, list[Token]] | None:
    """The day of the act a past-tense conjunct shares its subject with ("closed all schools
    on Thursday and barred cars from the centre": both on Thursday); only a weekday, as a
    year, a month or a calendar date may begin acts told in sequence ("joined in 2010 and
    became chief")."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is head or head.tag_ != "VBD" or first.tag_ != "VBD":
        return None
    if any(c.dep_ in _SUBJECTS or c.lower_ in _SEQUENCE_WORDS for c in head.children):
        return None  # "resigned on Monday and later joined a bank"
    if any(t.ent_type_ in ("DATE", "TIME") for t in head.subtree):
        return None  # "ran it for two decades", "missed the rest of the season"
    inside = {t.i for t in head.subtree}  # the subject's own date is the prefix's to give
    inside |= {t.i for c in first.children if c.dep_ in _SUBJECTS for t in c.subtree}
    own = [t for t in first.subtree if t.i not in inside and _nearest_clause(t) == first.i]
    found = time_phrase(own, first, context)
    if found is None:
        return None
    phrase = {t.i for t in found[1]}
    between = head.doc[first.i + 1 : head.i]
    if any(_time_phrase_word(t) and t.i not in phrase for t in between):
        return None  # "met on Thursday and again on Saturday and agreed a ceasefire"
    time = found[0]
    single_day = time.start is not None and len(time.start) == 10 and time.end == time.start
    # a weekday, the news's own day; acts joined to a calendar date are often told in
    # sequence ("hired her on May 2 and promoted her", "founded it on March 3, 1998, and ran
    # it for two decades")
    weekday = any(word.strip(",.").lower() in _DAY_WORDS for word in time.text.split())
    return found if single_day and weekday else None


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_SEQUENCE_WORDS = frozenset(
    {"later", "then", "subsequently", "eventually", "afterwards", "afterward", "previously",
     "again", "since", "earlier", "once", "soon", "finally", "still"}
)  # fmt: skip
_DAY_WORDS = WEEKDAY_NAMES | {"yesterday", "today", "tonight"}


def _time_phrase_word(token: Token) -> bool:
    """A date word heading a time phrase ("again on Saturday"), not one inside a noun
    phrase ("her 2020 presidential campaign")."""
    return token.ent_type_ in ("DATE", "TIME") and token.dep_ in ("pobj", "npadvmod")


def superseded_plan(head: Token) -> bool:
    """True for a plan already past ("was originally scheduled for February 27")."""
    return any(c.lower_ in ("originally", "initially") for c in head.children)


def _when_antecedent(head: Token) -> Token | None:
    """The time a later conjunct of a "when" clause hangs from ("2017" in "in 2017, when
    9,000 were infected and 180 died")."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    opens = first.doc[first.left_edge.i].lower_ == "when"
    if first is head or first.dep_ != "relcl" or not opens:
        return None
    return first.head if first.head.ent_type_ in ("DATE", "TIME") else None


def _where_clause(head: Token) -> bool:
    """True for a relative clause opened by "where" ("the court, where he was charged")."""
    return head.dep_ == "relcl" and head.doc[head.left_edge.i].lower_ == "where"


def _main_clause(relative: Token) -> tuple[list[Token], Token]:
    """The tokens and predicate of the clause a relative clause hangs from."""
    clause = relative.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    inside = {t.i for t in relative.subtree}
    own = [t for t in clause.subtree if t.i not in inside and _nearest_clause(t) == clause.i]
    return own, clause


def _nearest_clause(token: Token) -> int:
    """The index of the verb whose clause a token belongs to (itself for a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i
