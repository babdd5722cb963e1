"""Times a claim takes from around it (the day of the act it shares a subject with, "that
day") and weekdays that lie ahead of the telling (a deadline, an occasion called off, talks a
mediator has called): invented texts through the whole offline extractor, checking the time
of the claim whose statement holds a phrase. Published on Monday 2021-05-17."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor

MONDAY = dt.date(2021, 5, 17)


def _claim(extractor: OfflineExtractor, text: str, phrase: str) -> DraftClaim:
    claims = extractor.extract(ArticleInput(text=text, published=MONDAY)).claims
    found = [claim for claim in claims if phrase in claim.statement]
    assert found, [claim.statement for claim in claims]
    return found[0]


def _bounds(claim: DraftClaim) -> tuple[str | None, str | None]:
    return (claim.time.start, claim.time.end) if claim.time else (None, None)


SHARED_DAYS = [
    # a past-tense act joined to a dated one with the same subject happened that day
    (
        "Authorities in Tarn closed all primary schools on Thursday and barred private cars "
        "with odd-numbered plates from the city centre.",
        "barred private cars",
        ("2021-05-13", "2021-05-13"),
    ),
    (
        "On Friday, Senator Ilse Varga ended her campaign and endorsed her rival, Tomas Brel.",
        "endorsed",
        ("2021-05-14", "2021-05-14"),
    ),
    # a calendar date or a year may begin acts told in sequence
    ("Vell won the first round on April 28 and lost the runoff.", "runoff", (None, None)),
    (
        "Kowal joined the bank in 2010 and became its chief executive.",
        "chief executive",
        (None, None),
    ),
    # a conjunct with a subject of its own tells its own act
    (
        "The kitchen was closed on Wednesday, and schools served cold lunches.",
        "cold lunches",
        (None, None),
    ),
    # "that day" is the day of the telling the sentence gives, else the day told before
    (
        "Tarn Energy said on Friday that 40 staff had stayed away that day.",
        "stayed away",
        ("2021-05-14", "2021-05-14"),
    ),
    (
        "Shares of Orbix rose 6 percent on Wednesday. Kestel's stock fell 2 percent that day.",
        "Kestel",
        ("2021-05-12", "2021-05-12"),
    ),
    # "kept overnight" is a length of stay: it neither dates the claim nor the ones after it
    (
        "On Saturday, 30 guests fell ill at a wedding in Orsk. Nine were kept overnight in "
        "hospital. The first ambulance arrived at about 9 p.m., officials said.",
        "ambulance",
        ("2021-05-15", "2021-05-15"),
    ),
    (
        "On Saturday, 30 guests fell ill at a wedding in Orsk. Nine were kept overnight in "
        "hospital, officials said.",
        "Nine",
        (None, None),
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "bounds"), SHARED_DAYS, ids=[t[0][:50] for t in SHARED_DAYS]
)
def test_a_claim_takes_the_day_it_shares(
    extractor: OfflineExtractor, text: str, phrase: str, bounds: tuple[str | None, str | None]
):
    assert _bounds(_claim(extractor, text, phrase)) == bounds


DAYS_AHEAD = [
    # a deadline gives only an end, the nearer reading of its weekday; one passed or missed
    # happened on its day
    ("The hackers set a deadline of Wednesday, police said.", "deadline", (None, "2021-05-19")),
    ("The union gave the firm a Thursday deadline to reply.", "deadline", (None, "2021-05-20")),
    ("Kessel missed a deadline of Thursday set by the bank.", "deadline", ("2021-05-13",) * 2),
    (
        "The Friday deadline passed without a deal, the union said.",
        "deadline",
        ("2021-05-14", "2021-05-14"),
    ),
    (
        "The court had set a deadline of Friday, which the firm ignored.",
        "deadline",
        ("2021-05-14",) * 2,
    ),
    ("The deadline of Friday came and went without a deal.", "deadline", ("2021-05-14",) * 2),
    # an occasion called off: the nearer of the two days
    (
        "Organisers cancelled Wednesday's concert because of the storm.",
        "concert",
        ("2021-05-19",) * 2,
    ),
    ("Organisers have postponed Thursday's final, the league said.", "final", ("2021-05-20",) * 2),
    (
        "Organisers cancelled Saturday's concert because of the storm.",
        "concert",
        ("2021-05-15",) * 2,
    ),
    # a booked day whose occasion is called off: the nearer day
    (
        "Orsk Air cancelled all flights scheduled for Saturday, the airline said.",
        "flights",
        ("2021-05-15",) * 2,
    ),
    ("The court set the hearing for Wednesday, the judge said.", "hearing", ("2021-05-19",) * 2),
    (
        "All flights scheduled for Saturday were cancelled, the airline said.",
        "flights",
        ("2021-05-15",) * 2,
    ),
    # an announced measure's calendar date: the nearer of last year's and this year's
    ("Rail unions announced a four-day stoppage from June 3.", "stoppage", ("2021-06-03", None)),
    (
        "The government announced a curfew from May 2, officials said.",
        "curfew",
        ("2021-05-02", None),
    ),
    (
        "The government declared a state of emergency on June 2, 2020.",
        "emergency",
        ("2020-06-02",) * 2,
    ),
    # a present perfect cannot carry a past day: the talks are ahead
    ("The mediator has called both sides to talks on Wednesday.", "talks", ("2021-05-19",) * 2),
    # a simple past may: the call was made that day
    ("The mediator called both sides to talks on Wednesday.", "talks", ("2021-05-12",) * 2),
    # a past occasion told without calling it off stays behind
    ("Wednesday's concert drew 4,000 people, organisers said.", "concert", ("2021-05-12",) * 2),
]


@pytest.mark.parametrize(
    ("text", "phrase", "bounds"), DAYS_AHEAD, ids=[t[0][:50] for t in DAYS_AHEAD]
)
def test_a_weekday_that_may_lie_ahead_takes_the_nearer_day(
    extractor: OfflineExtractor, text: str, phrase: str, bounds: tuple[str | None, str | None]
):
    assert _bounds(_claim(extractor, text, phrase)) == bounds


OPEN_BOUNDS = [
    # "starting on D" and "D at the earliest" give only a start; "D at the latest" an end
    (
        "Crews will survey the street starting on Thursday, the council said.",
        "survey",
        ("2021-05-20", None),
    ),
    (
        "Results are expected on Saturday at the earliest, officials said.",
        "Results",
        ("2021-05-22", None),
    ),
    ("A ruling is due on Friday at the latest, the court said.", "ruling", (None, "2021-05-21")),
    # an adjective before a noun is no bound
    (
        "Police will question him on Friday at the earliest opportunity, his lawyer said.",
        "question",
        ("2021-05-21", "2021-05-21"),
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "bounds"), OPEN_BOUNDS, ids=[t[0][:50] for t in OPEN_BOUNDS]
)
def test_a_bound_said_around_a_day_leaves_the_other_end_open(
    extractor: OfflineExtractor, text: str, phrase: str, bounds: tuple[str | None, str | None]
):
    assert _bounds(_claim(extractor, text, phrase)) == bounds
