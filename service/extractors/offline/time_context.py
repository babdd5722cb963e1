"""Where a time phrase sits in its clause: told in passing, a comparison's baseline, a
deadline or a postponement, and how deep below the predicate (timeref picks by these)."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import TimeRef
from service.extractors.offline.ahead import booked_then_called_off
from service.extractors.offline.moments import moments_apart
from service.extractors.offline.tokens import word_set


def past_predicate(head: Token) -> bool:
    """A past-tense predicate: "closed", "had closed", "has been closed", "were awaiting"
    (not "will close")."""
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    if head.tag_ == "VBD":
        return True
    if head.tag_ == "VBG" and head.lemma_ != "go":  # the past progressive, not "was going to"
        return any(a.tag_ == "VBD" and a.lemma_ == "be" for a in auxiliaries)
    if head.tag_ == "VBN" and not auxiliaries:  # "The river flooded in December", mis-tagged
        return any(child.dep_ == "nsubj" for child in head.children)
    return head.tag_ == "VBN" and any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries)


def in_side_clause(token: Token, head: Token) -> bool:
    """True inside a participle told in passing ("The aircraft, built in 2009, had ...")."""
    # set off by commas, opening the sentence ("Founded in 1890, the club ...") or after
    # "after/before" ("After retiring in 1982, ...")
    described = False  # the phrase sits in a clause describing a noun ("an airport built in")
    for _ in range(8):
        if token.i == head.i or token.head.i == token.i:
            return False
        token = token.head
        if _describes(token, head):
            return True  # "a campaign that started on October 4 has reached ..."
        if token.tag_ not in ("VBN", "VBG") or token.i == head.i:
            continue
        described = described or token.dep_ in ("acl", "relcl")
        before = token.doc[token.left_edge.i - 1] if token.left_edge.i else None
        set_off = token.dep_ == "acl" and before is not None and before.text == ","
        if set_off and token.head.i == head.i and head.dep_ == "ROOT" and head.pos_ == "NOUN":
            return False  # "The centre, which has 200 shops, reopened": the clause's predicate
        governor = token.head.lower_ if token.dep_ == "pcomp" else ""
        if governor == "after" and not (set_off or described) and moments_apart(token.head):
            continue  # "exploded 41 seconds after lifting off on Wednesday": that Wednesday
        if set_off or governor in ("after", "before") or _fronted(token):
            return True
    return False


def _describes(clause: Token, head: Token) -> bool:
    """True for a "that/which/who" clause describing a noun of a present or perfect predicate
    ("a campaign that started on October 4 has reached ..."); "the quake that struck on
    Monday damaged ..." is the event the date names."""
    if clause.dep_ != "relcl" or clause.i == head.i or head in clause.subtree:
        return False
    described = clause.head
    copular = head.lemma_ == "be" and described.dep_ == "attr" and described.head.i == head.i
    if copular or (described.i == head.i and head.pos_ == "NOUN"):
        # "Holt is a physician who has sat in parliament since 2014", "Holt, a physician who
        # has sat ...": the description is the claim, and its time the claim's
        return False
    if past_predicate(head) and not any(c.lemma_ == "have" for c in head.children):
        return False
    relative = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(relative) and relative[0].lower_ in ("that", "which", "who")


def _fronted(participle: Token) -> bool:
    """ "Born in Kvalsund in 1933, Ana ...": a participle clause opening the sentence."""
    doc = participle.doc
    after = participle.right_edge.i + 1
    opening = participle.left_edge.i == participle.sent.start
    comma = after < len(doc) and doc[after].text == ","
    unmarked = not any(child.dep_ == "mark" for child in participle.children)
    return participle.dep_ == "advcl" and opening and comma and unmarked


def in_baseline(token: Token) -> bool:
    """True inside a comparison's baseline ("down from 67% in 2018", "than in 2015")."""
    # that time belongs to the figure compared with, not the claim
    if _after_a_from_figure(token):
        return True
    for _ in range(6):
        if token.head.i == token.i:
            return False
        token = token.head
        governor = token.head.lower_
        changed = governor == "unchanged" or token.head.lemma_.lower() in _CHANGE_WORDS
        if token.lower_ == "from" and changed:
            return True  # "down from 67%", "climbed 11% from a year earlier"
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        if token.lower_ == "from" and before is not None and before.lower_ in ("up", "down"):
            return True  # "was down from 2016", parsed with "from" on the verb
        if token.lower_ in ("with", "to") and governor in ("compared", "compare"):
            return True
        if token.lower_ == "than":
            return True
        if token.lower_ == "as" and token.dep_ == "prep" and governor in ("many", "much"):
            return True  # "twice as many as in 2020"
        if token.lemma_.lower() == "record" and token.pos_ == "NOUN":
            return True  # "beating the 2020 record"
    return False


# Verbs that move an event to a later date ("postponed to Saturday").
# Orders in force until a date ("suspended all flights until Wednesday") look ahead too.
_POSTPONING_VERBS = frozenset(
    {
        "postpone",
        "delay",
        "reschedule",
        "defer",
        "push",
        "move",
        "suspend",
        "close",
        "shut",
        "halt",
        "ban",
        "extend",
        "ground",
        "adjourn",
        "remand",
    }
)


def postponed_to(token: Token) -> bool:
    """ "was postponed to Saturday": the new date lies ahead, whatever the tense; not a day
    booked for an occasion called off ("cancelled all departures scheduled for Tuesday"),
    which may be past."""
    preposition = token if token.dep_ == "prep" else token.head
    verb = preposition.head
    moved = (
        preposition.lower_ in ("to", "until", "till") and verb.lemma_.lower() in _POSTPONING_VERBS
    )
    if preposition.lower_ == "for" and verb.pos_ == "NOUN" and verb.head.pos_ == "VERB":
        verb = verb.head  # "set sentencing for April 19": the date belongs to the setting
    booked = preposition.lower_ == "for" and verb.lemma_.lower() in _BOOKING_VERBS
    booked = booked and not any(c.lower_ in ("originally", "initially") for c in verb.children)
    pushed = preposition.lower_ == "back" and verb.lemma_.lower() == "push"
    return (moved or booked or pushed) and not booked_then_called_off(token)


# Verbs that book a date for something ahead: "set the hearing for May 3".
_BOOKING_VERBS = frozenset(
    {"set", "schedule", "slate", "book", "fix", "reschedule", "cancel", "call"}
)  # "cancelled all flights for Friday", "called a strike for Monday"


def _after_a_from_figure(token: Token) -> bool:
    """ "rose to 69 percent from 63 percent in 2018", "to $712 million from $640 million a year
    ago": the time right after a "from" figure."""
    doc = token.doc
    start = token.i if token.dep_ == "prep" else token.i - 1
    if start < 2:
        return False
    if doc[start].lower_ in ("in", "on", "during"):
        figure = doc[start - 1]  # "percent" or "63"
    elif token.lower_ in ("a", "the", "one") and token.dep_ != "prep":
        figure = doc[start]  # "from $640 million a year ago / the previous year"
    else:
        return False
    number = (
        figure
        if figure.like_num
        else next((c for c in figure.children if c.dep_ == "nummod" and c.like_num), None)
    )
    governor = figure.head if figure.dep_ == "pobj" else None
    if number is None or governor is None or governor.lower_ != "from":
        return False
    return governor.head.lemma_.lower() in _CHANGE_WORDS  # not "output from the 12 mines"


# Verbs and adverbs of a change from one figure to another.
_CHANGE_WORDS = word_set("""
    rise fall increase decrease drop climb grow jump decline surge slip rebound soar plunge
    gain shrink expand edge go up down
    """)


def clause_depth(token: Token, head: Token) -> int:
    depth = 0
    while token.i != head.i and token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth if token.i == head.i else 50


def governing_word(
    token: Token, head: Token, window: set[int], words: frozenset[str] = frozenset({"since"})
) -> Token | None:
    """The "since" (or other of `words`) a time phrase hangs under, below the predicate."""
    for _ in range(6):
        if token.i == head.i or token.head.i == token.i:
            return None
        token = token.head
        if token.lower_ in words and token.i in window:
            return token
        for child in token.children:
            if child.dep_ == "mark" and child.lower_ in words and child.i in window:
                return child
    return None


def after_superlative(token: Token) -> bool:
    """ "..., the most since records began in 1961": a superlative's baseline, which yields
    to the time of the event itself."""
    through_since = _since(token)  # the phrase hangs from "since", not beside it
    for _ in range(4):
        if token.head.i == token.i:
            return False
        token = token.head
        if any(c.tag_ == "JJS" or c.lower_ in ("first", "last") for c in token.children):
            return through_since
        through_since = through_since or _since(token)
    return False


def _since(token: Token) -> bool:
    """ "since 2011", "since records began": the word itself or a clause it marks."""
    return token.lower_ == "since" or any(
        c.dep_ == "mark" and c.lower_ == "since" for c in token.children
    )


def closing_end(
    opening: TimeRef,
    covered: list[Token],
    found: list[tuple[TimeRef, list[Token]]],
    head: Token,
    window: set[int],
) -> tuple[TimeRef, list[Token]] | None:
    """ "from 1950 until his retirement in 1988": a "from" start closed by a dated "until"
    phrase later in the clause is one period (1950..1988)."""
    if not opening.start or opening.end or not opening.text.lower().startswith("from "):
        return None
    for reference, later in found:
        if later[0].i <= covered[-1].i or not reference.end or reference.end < opening.start:
            continue
        closing = later[0].lower_ in ("until", "till", "to")  # "to his death"
        until = governing_word(later[0], head, window, frozenset({"until", "till", "to"}))
        if not closing and (until is None or until.i < covered[-1].i):
            continue
        doc = later[0].doc
        text = doc.text[covered[0].idx : later[-1].idx + len(later[-1].text)]
        tokens = list(doc[covered[0].i : later[-1].i + 1])
        return TimeRef(text=text, start=opening.start, end=reference.end), tokens
    return None


def joined_times(
    first: TimeRef, covered: list[Token], found: list[tuple[TimeRef, list[Token]]]
) -> tuple[TimeRef, list[Token]] | None:
    """ "over the weekend and on Monday": two dated phrases joined by "and" are one period,
    from the earlier start to the later end ("in 2002 and again in 2009" are two times)."""
    if not first.start or not first.end:
        return None
    doc, after = covered[0].doc, covered[-1].i + 1
    if after >= len(doc) or doc[after].lower_ != "and":
        return None
    link = after + 1
    for reference, later in found:
        if later[0].i != link or not reference.start or not reference.end:
            continue
        start, end = min(first.start, reference.start), max(first.end, reference.end)
        text = doc.text[covered[0].idx : later[-1].idx + len(later[-1].text)]
        return TimeRef(text=text, start=start, end=end), list(doc[covered[0].i : later[-1].i + 1])
    return None


def past_perfect(head: Token) -> bool:
    """ "had passed": told as before the narrated events."""
    return head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)


def lasting_up_to_now(head: Token) -> bool:
    """ "has served", "has been patient", "have been chasing": a present perfect of a state
    or an activity, which lasts up to now; not an act whose term runs on ("has sentenced
    him to prison for 12 years", "has signed him for three years"), a passive ("has been
    jailed for two years") or "will have served"."""
    auxiliaries = {c.lower_ for c in head.children if c.dep_ == "aux"}
    passive = any(c.dep_ == "auxpass" for c in head.children)
    if passive or auxiliaries & {"will", "would", "could", "should", "must", "may", "might"}:
        return False
    if not auxiliaries & {"has", "have", "'ve", "'s"}:
        return False
    progressive = head.tag_ == "VBG" and "been" in auxiliaries
    return progressive or (head.tag_ == "VBN" and head.lemma_.lower() in _DURATIVE_VERBS)


# Verbs of states and ongoing activities, whose "for N years" runs up to the present.
_DURATIVE_VERBS = word_set("""
    be serve live work run lead hold stay remain wait teach chair head manage govern
    represent coach play own know study practise practice operate
    """)


def looks_back(time_text: str) -> bool:
    """ "two days before the collapse", "on the eve of the vote": a glance back from the event
    told before, which stays the one later times count from."""
    words = time_text.lower().split()
    return "eve" in words or "before" in words


_PREDICTING = frozenset({"forecast", "predict", "project", "expect", "anticipate", "estimate"})


def dates_the_pledge(token: Token, head: Token) -> bool:
    """ "pledged $1.2 billion at a conference on Tuesday": a phrase on a plan's own past-tense
    verb dates the pledging, which lies behind, not the deed ahead."""
    perfect = head.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in head.children
    )  # "had pledged $110 million at a conference in April"
    if (head.tag_ != "VBD" and not perfect) or head.pos_ != "VERB" or head.lemma_ == "be":
        return False
    if head.lemma_.lower() in _PREDICTING:
        return False  # "forecast 40 centimetres over the weekend": the period predicted
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX", "ADJ"):
            return ancestor.i == head.i
    return False


def when_predicted(token: Token, head: Token) -> bool:
    """ "projected in September a deficit of $180 million this year": a phrase between a
    predicting verb and its object dates the prediction (the time of saying), not the
    figure predicted, unlike "forecast 40 centimetres over the weekend"."""
    if head.lemma_.lower() not in _PREDICTING or head.tag_ != "VBD":
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    nearest = _nearest_verb(token)
    return bool(objects) and nearest is not None and nearest.i == head.i < token.i < objects[0].i


def named_by_its_period(token: Token) -> bool:
    """ "the December figures", "the August average": a month naming what a noun covers,
    which lies behind like any month told in passing, even in a forecast."""
    return token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.ent_type_ == "DATE"


_TEMPORAL_MARKS = frozenset({"before", "until", "till", "once", "when", "after"})


def told_in_the_present(token: Token) -> bool:
    """ "before the new duties take effect on March 1": a dated clause of time in the present
    tense tells a coming event."""
    return _in_clause_of_time(token, ("VBZ", "VBP"))


def told_in_the_past(token: Token) -> bool:
    """ "will cut 900 jobs after it reported a loss in the third quarter": a dated clause of
    time in the past tense tells an event behind, which does not date a forecast."""
    return _in_clause_of_time(token, ("VBD",))


def _in_clause_of_time(token: Token, tags: tuple[str, ...]) -> bool:
    """True when the token's nearest verb heads a clause of time ("before", "after", "when")
    in one of these tenses."""
    verb = _nearest_verb(token)
    if verb is None or verb.tag_ not in tags or verb.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in verb.children)


# Words whose infinitive looks ahead ("scheduled to end on March 30", "due to open").
_AHEAD_OF = frozenset({"schedule", "set", "due", "plan", "expect", "slate", "poise"})


def planned_ahead(token: Token) -> bool:
    """ "exercises scheduled to end on March 30", "a proposal to reopen the strait by
    January 15": a phrase on an infinitive that a plan or a noun governs lies ahead, whatever
    the tense of the clause around it."""
    verb = _nearest_verb(token)
    if verb is None or verb.tag_ != "VB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    governor = verb.head
    return governor.pos_ == "NOUN" or governor.lemma_.lower() in _AHEAD_OF


def _nearest_verb(token: Token) -> Token | None:
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
