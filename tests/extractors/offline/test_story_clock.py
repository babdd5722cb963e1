"""The story clock: which time later relative phrases count from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc

from schemas.claims import TimeRef
from service.extractors.offline.story_clock import StoryClock

Parse = Callable[[str], Doc]
PUBLISHED = dt.date(2021, 5, 17)


def _head(doc: Doc, word: str):
    return next(token for token in doc if token.text == word)


def _clock_after_a_collapse(parse: Parse) -> tuple[StoryClock, Doc]:
    """A clock that has been told "The bridge collapsed on Friday."."""
    clock = StoryClock()
    doc = parse("The bridge collapsed on Friday.")
    friday = TimeRef(text="on Friday", start="2021-05-14", end="2021-05-14")
    clock.remember(friday, list(doc), _head(doc, "collapsed"))
    return clock, doc


def test_a_single_day_becomes_the_anchor_day(parse: Parse):
    clock, doc = _clock_after_a_collapse(parse)
    context = clock.context(PUBLISHED, _head(doc, "collapsed"), forward=False, speaking=None)
    assert (context.anchor, context.anchor_day) == ("2021-05-14", "2021-05-14")


def test_a_past_perfect_date_anchors_only_its_own_sentence(parse: Parse):
    clock, _ = _clock_after_a_collapse(parse)
    doc = parse("It had been inspected in 2016 and was closed a year later. Crews came later.")
    clock.remember(
        TimeRef(text="in 2016", start="2016", end="2016"), list(doc), _head(doc, "inspected")
    )
    same = clock.context(PUBLISHED, _head(doc, "closed"), forward=False, speaking=None)
    other = clock.context(PUBLISHED, _head(doc, "came"), forward=False, speaking=None)
    assert (same.anchor, same.anchor_day) == ("2016", None)
    assert (other.anchor, other.anchor_day) == ("2021-05-14", "2021-05-14")


def _dated_events(
    parse: Parse, text: str, verb: str, *, forward: bool = False, clock: StoryClock | None = None
) -> dict[str, str]:
    """The event dates a clock knows after noting the events a sentence dates itself."""
    clock = clock or StoryClock()
    doc = parse(text)
    context = clock.context(PUBLISHED, _head(doc, verb), forward=forward, speaking=None)
    clock.note_dated_events(list(doc), context)
    return clock.events.days


def test_an_event_noun_with_its_own_date_is_remembered_at_that_date(parse: Parse):
    text = "Pell ran the accounts from 2009 until his arrest in March 2016."
    assert _dated_events(parse, text, "ran") == {"arrest": "2016-03"}


def test_a_scheduled_occasion_is_remembered_ahead_of_publication(parse: Parse):
    text = "Delegates will meet at the party convention, scheduled for March."
    assert _dated_events(parse, text, "meet", forward=True) == {"convention": "2022-03"}


def test_an_own_date_outranks_the_date_of_the_clause_it_was_noted_in(parse: Parse):
    clock = StoryClock()
    clause = parse("Pell ran the accounts from 2009 until his arrest.")
    clock.events.note(list(clause), _head(clause, "ran"), "2009")  # the clause's start
    text = "Pell was jailed after his arrest in March 2016."
    assert _dated_events(parse, text, "jailed", clock=clock)["arrest"] == "2016-03"


def test_an_event_its_verb_dated_keeps_that_date(parse: Parse):
    clock = StoryClock()
    first = parse("Pell was arrested in 2016.")
    clock.events.note(list(first), _head(first, "arrested"), "2016")
    text = "Berg has not spoken since her arrest in 2020."
    assert _dated_events(parse, text, "spoken", clock=clock)["arrest"] == "2016"
