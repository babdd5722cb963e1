"""Where relative times count from as the story goes on: the latest claim time, the latest
single day, and the days of the events told so far."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from schemas.claims import TimeRef
from service.extractors.offline.durations import LASTING
from service.extractors.offline.events import EVENT_NOUNS, GATHERING_NOUNS, EventMemory
from service.extractors.offline.time_context import looks_back, past_perfect
from service.extractors.offline.timeref import Context, time_phrase
from service.extractors.offline.tokens import word_set


@dataclass
class StoryClock:
    """The times later relative phrases ("since", "the next day") count from."""

    anchor: str | None = None  # start of the latest claim time, for "since"
    anchor_day: str | None = None  # the latest single day, for "the next day"
    anchor_since: bool = False  # that day came from "since <event> on <day>"
    events: EventMemory = field(default_factory=EventMemory)  # "until his death"
    # a past perfect's time, which only its own sentence counts from
    background: tuple[Doc, int, str] | None = None
    anchored_in: tuple[Doc, int] | None = None  # the sentence whose main clause set the anchor

    def remember(self, time: TimeRef, tokens: list[Token], head: Token) -> None:
        """Later relative times count from this claim's time, and later phrases naming its
        event take its date, unless it only glances back from the event told before ("two
        days before the collapse" neither moves the anchor nor dates a collapse), or only
        says since when a state has held ("on this street since 1956")."""
        if time.start is None or looks_back(time.text) or LASTING.fullmatch(time.text):
            return  # "has served for 14 years" runs up to now: no event to count from
        if time.end is None and not _dated_event_since(time):
            return
        if self.anchor_day is not None and past_perfect(head):
            # "The plane had passed an inspection in June": background to the event, though
            # "... and had flown 300 hours since then" in the same sentence counts from it
            self.background = (head.doc, head.sent.start, time.start)
            return
        described = head.dep_ in ("relcl", "acl")
        if described and self.anchored_in == (head.doc, head.sent.start):
            # "convicted on May 2, 2015, of killing Tarn, who was found on June 3, 2013":
            # the description's date does not move the story on from the main clause's
            self.events.note(tokens, head, time.start)
            return
        self.anchor = time.start
        self.anchored_in = None if described else (head.doc, head.sent.start)
        if len(time.start) == 10 and time.end in (time.start, None):
            self.anchor_day = time.start
            self.anchor_since = time.end is None
        self.events.note(tokens, head, time.start)

    def note_dated_events(self, tokens: list[Token], context: Context) -> None:
        """Remember events a claim dates by a phrase of their own ("before his arrest in May
        2017", "the convention, scheduled for March"), for later "since his arrest"."""
        owned = {t.i for t in tokens}
        for noun in tokens:
            event = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or event not in _DATABLE_NOUNS:
                continue
            for phrase in _date_phrases(noun):
                planned = phrase.lemma_.lower() in _PLANNED
                found = time_phrase(
                    [t for t in phrase.subtree if t.i in owned],
                    phrase,
                    replace(context, forward=planned, past=not planned),
                )
                if found is not None and found[0].start is not None:
                    self.events.date(event, found[0].start)
                    break

    def context(
        self,
        published: dt.date | None,
        head: Token,
        *,
        forward: bool,
        speaking: dt.date | None,
    ) -> Context:
        """The resolution context of a claim whose predicate is `head`."""
        anchor, anchor_day = self.anchor, self.anchor_day
        if self.background and self.background[:2] == (head.doc, head.sent.start):
            anchor = self.background[2]
            anchor_day = anchor if len(anchor) == 10 else None
        return Context(
            published,
            forward=forward,
            speaking=speaking,
            anchor=anchor,
            anchor_day=anchor_day,
            anchor_since=self.anchor_since and anchor_day == self.anchor_day,
            events=self.events.days,
        )


def _dated_event_since(time: TimeRef) -> bool:
    """ "since Lena carried Nevada on November 16": an event told with its day, which later
    times count from, unlike the bare bound of "since 1956" or "since March"."""
    words = time.text.split()
    told = any(word.isalpha() and word.islower() and word not in _DATE_WORDS for word in words[1:])
    return (
        len(words) >= 4
        and words[0].lower() == "since"
        and told  # a clause ("Aro won Tarn on May 3"), not a date ("March 3, 2020")
        and time.start is not None
        and len(time.start) == 10
    )


_DATE_WORDS = frozenset({"of", "the", "on", "in", "at", "early", "late", "mid", "and"})


# Nouns of events and occasions a phrase of their own can date ("his arrest in May 2017").
_DATABLE_NOUNS = EVENT_NOUNS | GATHERING_NOUNS
# "the vote, scheduled for Sunday", "a hearing which is set for May 3": a planned date
_PLANNED = word_set("schedule set plan slate due expect")


def _date_phrases(noun: Token) -> list[Token]:
    """The phrases hanging from an event noun that may date it: "in May 2017", "on Sunday",
    "Sunday's", "scheduled for March"."""
    phrases = []
    for child in noun.children:
        dated = any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        if not dated:
            continue
        timed = child.dep_ == "prep" and child.lower_ in ("in", "on")  # "arrest in May"
        planned = child.dep_ in ("acl", "relcl") and child.lemma_ in _PLANNED
        if timed or planned or child.dep_ == "poss":  # "Sunday's vote"
            phrases.append(child)
    doc, after = noun.doc, noun.right_edge.i + 1
    if after + 1 < len(doc) and doc[after].text == "," and not phrases:
        participle = doc[after + 1]  # "at the convention, scheduled for March", hung elsewhere
        planned = participle.tag_ == "VBN" and participle.lemma_ in _PLANNED
        if planned and participle.dep_ in ("acl", "advcl"):
            phrases.append(participle)
    return phrases
