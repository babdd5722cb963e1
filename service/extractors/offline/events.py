"""Events the article dates, so later phrases that name them take that date (spec: "a time
relative to another dated event takes that date"): "He died on Monday ... from 1980 until his
death", "The plane crashed on Sunday ... two days before the crash"."""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Token

from service.extractors.offline.tokens import word_set

# Nouns of one-off events a later phrase can name ("since the collapse", "before the vote").
EVENT_NOUNS = word_set(
    """
    collapse attack crash quake earthquake storm fire blaze shooting explosion blast outbreak
    eruption flood flooding disaster accident derailment incident landslide tornado hurricane
    typhoon cyclone tsunami bombing raid strike stabbing sinking death election vote referendum
    caucus retirement resignation arrest murder killing launch landfall
    """
)
# Events that can be a passive's agent ("hit by this year's epidemic").
CAUSING_EVENTS = EVENT_NOUNS | word_set("epidemic pandemic drought heatwave wave floods rains")
# Occasions one attends, which "at the convention" or "during the hearing" can date.
GATHERING_NOUNS = word_set(
    "convention meeting hearing summit conference rally funeral inauguration trial congress"
)
# Verbs whose dated use tells the event a noun names later ("died on Monday" -> "his death").
_EVENT_OF_VERB = {
    "die": "death",
    "crash": "crash",
    "collapse": "collapse",
    "explode": "explosion",
    "erupt": "eruption",
    "retire": "retirement",
    "resign": "resignation",
    "arrest": "arrest",
    "shoot": "shooting",
    "attack": "attack",
    "sink": "sinking",
    "derail": "derailment",
    "murder": "murder",
    "launch": "launch",
}
# "until his death", "before the crash", "when the fire started": a named event as a bound;
# with a word before the noun ("before the deadly crash") or without ("since the fighting
# began", where the longer form would take "began" for the noun).
_BOUND_WORDS = (
    r"(?i:at\s+the\s+time\s+of|prior\s+to|until|till|to|before|after|since|at|during|when)"
)
EVENT_BOUND = re.compile(
    rf"\b(?P<prep>{_BOUND_WORDS})\s+(?i:the|his|her|their|its)\s+[a-z-]+\s+(?P<event>[a-z]+)\b"
)
NEAR_EVENT_BOUND = re.compile(
    rf"\b(?P<prep>{_BOUND_WORDS})\s+(?i:the|his|her|their|its)\s+(?P<event>[a-z]+)\b"
    # "when the fire started": the verb telling the event happened goes with it
    r"(?:\s+(?:started|began|struck|hit|broke\s+out|happened|occurred)\b)?"
)
_END_BOUNDS = frozenset({"until", "till", "to", "before", "prior to"})


class EventMemory:
    """The first date the article gives each event it names."""

    def __init__(self) -> None:
        self.days: dict[str, str] = {}
        # events dated only by the clause their noun stood in, which their own date replaces
        self._provisional: set[str] = set()

    def date(self, noun: str, start: str) -> None:
        """Remember the date a phrase of its own gives an event ("his arrest in May 2017",
        "the convention, scheduled for March"), over one taken from the clause it stood in
        ("from 2012 until his arrest in 2017" starts in 2012), never over an earlier one."""
        if noun not in self.days or noun in self._provisional:
            self.days[noun] = start
            self._provisional.discard(noun)

    def note(self, tokens: list[Token], head: Token, start: str) -> None:
        """Remember the events a dated claim tells: its verb's event and event nouns near it."""
        words = (
            {_EVENT_OF_VERB[head.lemma_.lower()]}
            if head.lemma_.lower() in _EVENT_OF_VERB
            else set()
        )
        own = set(words)  # "was arrested in 2016", "The fire broke out on Tuesday": own dates
        for token in tokens:
            lemma = token.lemma_.lower()
            if token.tag_ == "NNS":
                continue  # "11 deaths in crashes in 2022": a kind of event, not "the crash"
            if token.pos_ == "NOUN" and lemma in EVENT_NOUNS and _near(token, head):
                words.add(lemma)
                if token.dep_ == "nsubj" and token.head.i == head.i and _happened(head):
                    own.add(lemma)
        for word in words:
            if word in own and (word not in self.days or word in self._provisional):
                self.days[word] = start
                self._provisional.discard(word)  # "was arrested in 2016": the event's own date
            elif word not in self.days:
                self._provisional.add(word)  # "arrest" near "ran ... from 2012": the clause's
            self.days.setdefault(word, start)


def _happened(head: Token) -> bool:
    """ "The fire broke out", "the storm struck": a verb telling the event took place (not
    "was contained", which dates a later stage of it)."""
    return head.lemma_.lower() in _HAPPENING_VERBS


_HAPPENING_VERBS = word_set("break start begin strike hit erupt happen occur")


def _near(token: Token, head: Token) -> bool:
    """A noun the predicate governs within two steps ("the crash happened", "in a crash")."""
    for _ in range(3):
        if token.i == head.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return token.i == head.i


def event_day(words: str, events: Mapping[str, str]) -> str | None:
    """The date of the first known event named in the next few words ("the deadly crash")."""
    for word in words.lower().split()[:4]:
        word = word.strip(".,;:'’\"")
        for form in (word.removesuffix("s"), word):  # "the murders", "the crash"
            if form in events:
                return events[form]
    return None


def event_bounds(match: re.Match[str], events: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The bounds of "until his death" (end), "after the crash" (start), "at the time of the
    vote" (that day) from the event's date."""
    day = events.get(match.group("event").lower())
    if day is None:
        return None, None
    preposition = " ".join(match.group("prep").lower().split())
    if preposition in _END_BOUNDS:
        return None, day
    if preposition in ("after", "since"):
        return day, None
    return day, day


def caused_by(covered: list[Token]) -> bool:
    """ "hit by this year's epidemic": a passive's agent that is an event, not a deadline
    ("repaired by Friday's deadline")."""
    owner = covered[-1]
    event = owner.head if owner.dep_ == "poss" else None
    caused = event is not None and event.lemma_.lower() in CAUSING_EVENTS
    return covered[0].dep_ == "agent" and caused
