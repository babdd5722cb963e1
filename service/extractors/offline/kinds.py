"""Kind of a proposition: event, state, forecast or assessment (spec section 2)."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Certainty, ClaimKind
from service.extractors.offline.certainty import predicate_chain
from service.extractors.offline.frames import NAMING_VERBS
from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.tokens import MONTH_NAMES, WEEKDAY_NAMES, owned_tokens, word_set

FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
FORECAST_VERBS = word_set("""
    expect anticipate plan intend aim hope schedule prepare seek predict forecast project
    propose vow pledge promise threaten
    """)
# Words that put an event just ahead ("on the verge of collapse", "stand ready to help").
IMMINENCE_WORDS = word_set("brink verge poised ready set about")
# Adjectives that weigh what their infinitive will do ("is likely to fall", "bound to rise").
LIKELIHOOD_WORDS = word_set("likely unlikely certain bound")
# Passive participles that schedule what their infinitive names ("is set to announce").
SCHEDULING_PARTICIPLES = word_set("set slate schedule poise")
ASSESSMENT_VERBS = word_set("""
    assess believe think consider interpret argue imply describe view regard deem judge
    criticise criticize praise condemn blame attribute
    """)
# Hedging verbs that, in the passive with an infinitive, leave the kind to that infinitive
# ("She is believed to have left the country" is an event).
TRANSPARENT_HEDGES = word_set("believe think say report know understand consider allege suspect")
HABITUAL_ADVERBS = word_set("usually often always generally typically normally rarely")
ASSESSMENT_MODALS = frozenset({"should", "must", "ought"})
EVALUATIVE_WORDS = word_set("""
    significant serious clear critical valuable unclear important crucial good bad brutal
    illegal strong weak successful historic unprecedented dangerous advantageous key vital
    concerning grave real crisis indication signal opportunity need issue problem threat test
    mistake asset advantage disaster success failure violation trouble priority concern risk
    danger challenge
    """)
# Verbs whose object carries the judgement ("represents a significant opportunity").
JUDGING_VERBS = word_set("represent constitute pose mark")
STATIVE_VERBS = word_set("""
    be have remain include lack contain consist comprise own possess live exist belong total
    number account represent know cost mean equal hold need
    """)
# Verbs that are stative only when they link a subject to a description ("appears calm",
# "seems to be"); otherwise events ("appeared in court").
LINKING_VERBS = word_set("seem appear look sound")
# Emotions are assessments ("humbled by the results").
EMOTION_WORDS = word_set("""
    humbled delighted pleased happy proud honoured honored grateful disappointed saddened
    shocked horrified outraged angry concerned worried alarmed devastated relieved
    heartbroken stunned thrilled excited sad upset
    """)
# Phrases that mark a standing total or condition ("as of Saturday", "to date", "still").
STATE_MARKERS = [
    phrase.split() for phrase in ("as of", "to date", "so far", "a total of", "in total", "still")
]
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def kind_of(
    head: Token,
    owned: set[int],
    reporting_verb: Token | None,
    certainty: Certainty,
    *,
    headline: bool = False,
) -> ClaimKind:
    """forecast / assessment / state / event from modality, cue words and tense
    (`headline`: a headline's present tense narrates an event)."""
    if _transparent(head, owned):
        inner = next(c for c in head.children if c.dep_ == "xcomp")
        return kind_of(inner, owned, reporting_verb, certainty, headline=headline)
    chain = [t for t in predicate_chain(head, owned) if not _transparent(t, owned)] or [head]
    auxiliaries = {c.lemma_.lower() for t in chain for c in t.children if c.dep_ in ("aux",)}
    auxiliaries |= {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
    lemmas = {t.lemma_.lower() for t in chain if not _weighing(t)}
    reported = reporting_verb.lemma_.lower() if reporting_verb is not None else ""
    stative = _stative(head)
    existential = any(child.dep_ == "expl" for child in head.children)
    if "would" in auxiliaries and auxiliaries & {"have", "'ve"}:
        return ClaimKind.assessment  # a counterfactual: "would have been handicapped"
    possible = certainty is Certainty.possible
    if stative and _evaluative(head, owned) and not (existential and possible):
        return ClaimKind.assessment  # "there may be opportunities" stays a forecast
    if {t.lower_ for t in chain} & EMOTION_WORDS or _evaluative_emotion(head, owned):
        return ClaimKind.assessment
    if auxiliaries & FUTURE_AUXILIARIES:
        return ClaimKind.forecast
    if lemmas & ASSESSMENT_VERBS or reported in ASSESSMENT_VERBS | NAMING_VERBS:
        return ClaimKind.assessment
    if (lemmas | {reported}) & FORECAST_VERBS or _is_to(head) or _imminent(head, owned):
        return ClaimKind.forecast
    if "would" in auxiliaries and reporting_verb is not None:
        return ClaimKind.forecast
    if auxiliaries & ASSESSMENT_MODALS:
        return ClaimKind.assessment
    if possible and auxiliaries & {"have", "'ve"} and head.tag_ == "VBN":
        return ClaimKind.assessment  # "may have weakened the bridge": a past possibility
    if certainty is Certainty.possible:
        return ClaimKind.forecast
    if _has_state_marker(head, owned) or _cumulative_count(head, owned):
        return ClaimKind.state
    if head.lemma_ == "be" and not existential and _timed(head, owned):
        return ClaimKind.event  # "The first cases were on May 8"
    habitual = any(child.lower_ in HABITUAL_ADVERBS for child in head.children)
    if stative or habitual:
        return ClaimKind.state
    if not headline and _simple_present(head):
        if _scheduled_day(head, owned):
            return ClaimKind.forecast  # "The trial resumes on Monday": a schedule
        return ClaimKind.state  # "Many transactions occur in dollars"
    return ClaimKind.event


def _weighing(token: Token) -> bool:
    """ "would consider a further package": deliberating, not judging ("consider it safe")."""
    if token.lemma_.lower() != "consider":
        return False
    return not any(c.dep_ in ("xcomp", "oprd", "ccomp", "attr", "acomp") for c in token.children)


def _stative(head: Token) -> bool:
    lemma = head.lemma_.lower()
    if lemma in LINKING_VERBS:
        return any(c.dep_ in ("acomp", "attr", "xcomp", "oprd") for c in head.children)
    return lemma in STATIVE_VERBS and not _passive(head)


def _evaluative_emotion(head: Token, owned: set[int]) -> bool:
    """ "was humbled", "is proud of": a copula or passive whose complement is an emotion."""
    return any(
        c.dep_ in ("acomp", "attr") and c.i in owned and c.lower_ in EMOTION_WORDS
        for c in head.children
    )


def _passive(head: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in head.children)


def _transparent(token: Token, owned: set[int]) -> bool:
    """ "is believed to have entered": a passive hedge over an infinitive in the claim."""
    return (
        token.lemma_.lower() in TRANSPARENT_HEDGES
        and _passive(token)
        and any(c.dep_ == "xcomp" and c.i in owned for c in token.children)
    )


def _is_to(head: Token) -> bool:
    """ "are to hold a vote": be + to-infinitive."""
    if head.lemma_ != "be":
        return False
    return any(
        child.dep_ == "xcomp" and any(a.lower_ == "to" for a in child.children)
        for child in head.children
    )


def _imminent(head: Token, owned: set[int]) -> bool:
    """ "are on the verge of collapse", "stand ready to send aid", "is due to appear",
    "is set to announce", "elections are due in March", "is likely to fall"."""
    if head.lemma_.lower() in SCHEDULING_PARTICIPLES and _passive(head):
        return any(c.dep_ == "xcomp" for c in head.children)
    for child in head.children:
        if child.i not in owned:
            continue
        if child.dep_ == "acomp" and child.lower_ == "due":
            return True
        if child.dep_ == "acomp" and child.lemma_.lower() in IMMINENCE_WORDS:
            return any(c.dep_ == "xcomp" for c in child.children)
        if child.dep_ == "acomp" and child.lower_ in LIKELIHOOD_WORDS:
            return _likely_to_happen(head, child)
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ == "prep" and objects and objects[0].lemma_.lower() in IMMINENCE_WORDS:
            return True
    return False


def _likely_to_happen(head: Token, likely: Token) -> bool:
    """ "The river is likely to rise", "talks were unlikely to resume": something weighed as
    coming. Not a comparison ("less likely"), a past ("likely to have fled"), a finding about
    people in general ("Smokers are likely to", "A smoker is likely to", "Participants who
    slept less were likely to"), nor a present state ("likely to be armed") unless dated."""
    if any(c.dep_ == "advmod" for c in likely.children):
        return False  # "less likely", "twice as likely": a comparison
    verb = next((c for c in likely.children if c.dep_ == "xcomp"), None)
    if verb is None or any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return False
    dated = any(_a_date(t) for t in verb.subtree)
    copula = verb.lemma_ == "be" or any(
        c.dep_ in ("auxpass", "aux") and c.lower_ == "be" for c in verb.children
    )
    if copula and not dated:
        return False  # "is likely to be a faulty heater", "likely to be hiding"
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or dated or not _generic(subject, present=head.tag_ in ("VBP", "VBZ"))


def _a_date(token: Token) -> bool:
    """A word that places in time ("Monday", "March", "2025", "next"), not a length
    ("within five days", "ten years earlier")."""
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    word = token.lower_
    year = len(word) == 4 and word.isdigit()
    return year or word in WEEKDAY_NAMES | MONTH_NAMES or word in _NEAR_TIMES


_NEAR_TIMES = frozenset({"tomorrow", "tonight", "next", "coming", "later", "weekend"})


def _generic(subject: Token, *, present: bool) -> bool:
    """ "Smokers are", "A smoker", "Anyone who smokes", "Those infected", "Participants who
    slept less": people or things in general, not the ones the story is about ("Regulators
    were likely to demand ..." is about the story's regulators)."""
    if subject.lower_ in ("anyone", "anybody", "everyone", "those", "people", "someone"):
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss", "nummod")}
    described = any(c.dep_ in ("relcl", "acl") for c in subject.children)
    if subject.tag_ == "NNS" and not determiners:
        return present or described  # a bare plural
    return bool(determiners & {"a", "an", "any", "every"})


def _evaluative(head: Token, owned: set[int]) -> bool:
    """A copula or stative verb whose complement judges ("is a serious issue")."""
    deps = {"acomp", "attr"} | ({"dobj"} if head.lemma_.lower() in JUDGING_VERBS else set())
    for child in head.children:
        if child.dep_ in deps and child.i in owned:
            words = [child, *child.children]
            if any(word.lemma_.lower() in EVALUATIVE_WORDS for word in words):
                return True
    return False


def _words(head: Token, owned: set[int]) -> list[str]:
    return [token.lower_ for token in owned_tokens(head, owned)]


def _has_state_marker(head: Token, owned: set[int]) -> bool:
    words = _words(head, owned)
    return any(
        words[start : start + len(marker)] == marker
        for marker in STATE_MARKERS
        for start in range(len(words) - len(marker) + 1)
    )


def _cumulative_count(head: Token, owned: set[int]) -> bool:
    """ "30 towns have joined": a present-perfect count with no "since" is a running total."""
    present_perfect = any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in _PRESENT_TAGS for c in head.children
    )
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not present_perfect or subject is None or "since" in _words(head, owned):
        return False
    if _dated(head, owned):
        return False  # "On Monday, floods have raised the toll": an event
    counted = [subject, *(c for c in subject.children if c.dep_ in ("nummod", "quantmod"))]
    return any(is_number_token(t) for t in counted)


def _scheduled_day(head: Token, owned: set[int]) -> bool:
    """True when the clause names a weekday or a day ahead ("on Monday", "tomorrow"), which
    with the simple present is a schedule (a caption's "October 25" is not)."""
    return any(
        t.ent_type_ in _TIME_ENTITIES and t.lower_ in SCHEDULE_DAY_WORDS
        for t in owned_tokens(head, owned)
    )


SCHEDULE_DAY_WORDS = WEEKDAY_NAMES | word_set("tomorrow tonight next")


def _dated(head: Token, owned: set[int]) -> bool:
    """True when the clause names a date or clock time."""
    return any(t.ent_type_ in _TIME_ENTITIES for t in owned_tokens(head, owned))


def _timed(head: Token, owned: set[int]) -> bool:
    """ "was on March 8", "was at 13:40": a copula placed at a point in time."""
    return any(
        child.dep_ == "prep"
        and child.i in owned
        and child.lower_ in ("on", "at")
        and any(c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTITIES for c in child.children)
        for child in head.children
    )


def _simple_present(head: Token) -> bool:
    """A present-tense verb with no auxiliary: a standing condition ("trade occurs")."""
    return head.tag_ in _PRESENT_TAGS and not any(
        child.dep_ in ("aux", "auxpass") for child in head.children
    )
