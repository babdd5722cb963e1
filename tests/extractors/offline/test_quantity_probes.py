"""A probe battery for quantities: made-up sentences in wire-service and Wikinews style, each
with the quantities the gold conventions (evals/gold/README.md, "Quantities") call for.

Every sentence is invented; none comes from an article. The eval scores a quantity's
`value`, `upper` and `approx` (not its text or unit), so each probe asserts those exactly,
in order, and that each quantity's text contains the expected words.

Decisions where the gold README is silent (closest convention in brackets):
- "a dozen" is not a quantity, "two dozen" is 24 ["a couple of" and "a"/"an" are not].
- "half a million" is 500,000 [it names a definite number, unlike "several thousand"].
- Vague plurals ("tens of thousands", "hundreds of", "dozens of") are not quantities
  ["several thousand" is not].
- Fractions and comparisons ("a third of", "two thirds", "three-quarters", "twice as many")
  are not quantities [ordinals are not]; "twice" alone ("at least twice", "roughly twice the
  target") is 2 times, like "three times", and "a quarter-point cut" is 0.25 percentage point
  (the made-up annotators' labels).
- "one in five" is a proportion: the two numbers it is written with, 1 and 5 [the statement
  mentions only numbers that are in its quantities].
- A score ("beat them 4-3") is two exact quantities, not a range [a range is one amount
  between bounds].
- "rose from 12 to 31" is two quantities, the old and the new figure, not a range.
- "five or six" is a range [the spec's range: one amount between bounds].
- A race time ("2:03:58") is one quantity in seconds; a clock time is none.
- Ages: a bare age in apposition ("Pellan, 67,") and "died at 103" are ages like "aged 28".
- Temperatures ("40C"), speeds and distances are quantities [magnitudes are].
- "a one-day drop" measures how a move is counted, not a day; "a one-day strike" lasts one.
- Numbers in names and designations ("No. 3", "number 17", "world number one", "COVID-19",
  "Boeing 747", "B-17", "Group of 20", "Flight 302") are not quantities ["Group of Seven",
  "Region 11"].
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.quantities import find_quantities

Parse = Callable[[str], Doc]
Expected = tuple[str, float, float | None, str]  # words in the text, value, upper, approx


def _probe(text: str, *expected: Expected, xfail: str | None = None):
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(text, list(expected), marks=marks, id=text[:60])


APPROXIMATORS = [
    _probe("Five or six boats sank.", ("Five or six", 5, 6, "range")),
    _probe("Groups of 20 or 30 men crossed.", ("20 or 30", 20, 30, "range")),
    _probe("Three died or were missing.", ("Three", 3, None, "exact")),
    _probe("More than 1,200 people were evacuated.", ("More than 1,200", 1200, None, "at_least")),
    _probe("Nearly 300 homes were destroyed.", ("Nearly 300", 300, None, "approximately")),
    _probe(
        "About 5,000 protesters gathered in the square.",
        ("About 5,000", 5000, None, "approximately"),
    ),
    _probe("At least 24 people were killed.", ("At least 24", 24, None, "at_least")),
    _probe("Up to 10,000 troops could be deployed.", ("Up to 10,000", 10000, None, "at_most")),
    _probe("Some 700 volunteers joined the search.", ("Some 700", 700, None, "approximately")),
    _probe("Fewer than 100 people attended.", ("Fewer than 100", 100, None, "at_most")),
    _probe("Almost 2 million doses were given.", ("Almost 2 million", 2e6, None, "approximately")),
    _probe("Only 27 people survived.", ("27", 27, None, "exact")),
    _probe("The toll passed 1,000 on Friday.", ("1,000", 1000, None, "at_least")),
    _probe("Cases surpassed one million worldwide.", ("one million", 1e6, None, "at_least")),
    _probe("Well over 400 flights were cancelled.", ("over 400", 400, None, "at_least")),
    _probe("Shares fell as much as 14 percent.", ("as much as 14", 14, None, "at_most")),
]

RANGES = [
    _probe("Between 3,000 and 5,000 troops arrived.", ("3,000 and 5,000", 3000, 5000, "range")),
    _probe("Officials said 3,000-5,000 troops arrived.", ("3,000-5,000", 3000, 5000, "range")),
    _probe("Officials expect 200 to 300 arrests.", ("200 to 300", 200, 300, "range")),
    _probe(
        "The repairs will cost $5 million to $7 million.",
        ("$5 million to $7 million", 5e6, 7e6, "range"),
    ),
    _probe("The children, aged 4 to 9, were rescued.", ("4 to 9", 4, 9, "range")),
    _probe("The firm expects a margin of 6% to 7%.", ("6% to 7%", 6, 7, "range")),
    _probe("Margins were between 6% and 7%.", ("6% and 7%", 6, 7, "range")),
    _probe("The toll rose from 12 to 31.", ("12", 12, None, "exact"), ("31", 31, None, "exact")),
]

VAGUE_AND_WORDS = [
    _probe("Tens of thousands of people marched."),
    _probe("Hundreds of homes were flooded."),
    _probe("Dozens of people were injured."),
    _probe("Several thousand people fled."),
    _probe("A dozen soldiers were captured."),
    _probe("Two dozen soldiers were captured.", ("Two dozen", 24, None, "exact")),
    _probe("Half a million people fled.", ("Half a million", 5e5, None, "exact")),
    _probe("Twenty-four people were killed.", ("Twenty-four", 24, None, "exact")),
    _probe("Four people were injured.", ("Four", 4, None, "exact")),
    _probe("One person died.", ("One", 1, None, "exact")),
    _probe("Two of the victims were children.", ("Two", 2, None, "exact")),
    _probe("A third of the crops were lost."),
    _probe("Two thirds of the money was spent."),
    _probe("Former world number one Lida Ferro retired."),
    _probe("The number 17 car will not race again."),
    _probe("The firm lost money in two quarters of 2023.", ("two", 2, None, "exact")),
    _probe("Three-quarters of residents have left."),
    _probe("The bus rolled over at least twice.", ("at least twice", 2, None, "at_least")),
    _probe(
        "Rents are roughly twice the national average.", ("roughly twice", 2, None, "approximately")
    ),
    _probe("Twice as many people voted."),
    _probe("Voters are thinking twice."),
    _probe("The bank made a quarter-point cut.", ("quarter-point", 0.25, None, "exact")),
    # a race time is one quantity in seconds (the made-up annotators' labels); a clock time none
    _probe("Kiprop won the marathon in 2:03:58.", ("2:03:58", 7438, None, "exact")),
    _probe("The polls closed at 8:00 p.m."),
    _probe("The shooting happened at 10:47:03 p.m. on Friday."),
    _probe("The agency publishes a twice-weekly bulletin."),
    _probe("He was convicted once or twice of theft."),
    _probe("Ruiz took a half-point lead in the tournament."),
    _probe("His term was cut to six and a half years.", ("six and a half", 6.5, None, "exact")),
    _probe(
        "About 5,200 cases were open, up from 4,700 twelve months before.",
        ("About 5,200", 5200, None, "approximately"),
        ("4,700", 4700, None, "exact"),
        ("twelve", 12, None, "exact"),
    ),
    _probe("Twice as many people voted."),
    _probe(
        "The storm killed one in Harlan and two in Vostria.",
        ("one", 1, None, "exact"),
        ("two", 2, None, "exact"),
        xfail="'one' as a bare object is read as a pronoun; telling a count needs more context",
    ),
    _probe("It was the third time the bridge collapsed."),
    _probe("One in five adults smokes.", ("One", 1, None, "exact"), ("five", 5, None, "exact")),
]

MONEY_AND_PERCENT = [
    _probe("The city has 1.5 million residents.", ("1.5 million", 1.5e6, None, "exact")),
    _probe("The dam cost $2.3 billion.", ("$2.3 billion", 2.3e9, None, "exact")),
    _probe("Vostria received US$40 million in aid.", ("US$40 million", 4e7, None, "exact")),
    _probe("The club paid £350m for the stadium.", ("£350m", 3.5e8, None, "exact")),
    _probe("The bank lost €12bn last year.", ("€12bn", 1.2e10, None, "exact")),
    _probe("The fund holds 2.6 trillion yen.", ("2.6 trillion", 2.6e12, None, "exact")),
    _probe("Unemployment fell 5 percent.", ("5", 5, None, "exact")),
    _probe("Unemployment fell 5%.", ("5%", 5, None, "exact")),
    _probe("The firm reported a 12 per cent rise in sales.", ("12", 12, None, "exact")),
    _probe("Roughly 40 percent of voters abstained.", ("Roughly 40", 40, None, "approximately")),
    _probe("Inflation reached 9.1% in June.", ("9.1%", 9.1, None, "exact")),
    _probe("Turnout fell 1.2 percentage points.", ("1.2", 1.2, None, "exact")),
    _probe("The Greens won 54.3% of the vote.", ("54.3%", 54.3, None, "exact")),
]

COUNTS = [
    _probe("The 24 victims were buried on Friday.", ("24", 24, None, "exact")),
    _probe("The storm killed 24 people.", ("24", 24, None, "exact")),
    _probe(
        "24 people were killed, including 3 children.",
        ("24", 24, None, "exact"),
        ("3", 3, None, "exact"),
    ),
    _probe(
        "Police arrested 11 men and two women.",
        ("11", 11, None, "exact"),
        ("two", 2, None, "exact"),
    ),
    _probe("The company cut 1,500 jobs.", ("1,500", 1500, None, "exact")),
    _probe(
        "The party won 312 seats, a majority of 24.",
        ("312", 312, None, "exact"),
        ("24", 24, None, "exact"),
    ),
    _probe("All 13 people on board were killed.", ("13", 13, None, "exact")),
    _probe("The ship carried 2,400 tonnes of grain.", ("2,400", 2400, None, "exact")),
    _probe("The 5,000-strong force crossed the river.", ("5,000", 5000, None, "exact")),
    _probe("The strike lasted three days.", ("three", 3, None, "exact")),
    _probe("Workers began a 24-hour strike.", ("24", 24, None, "exact")),
    _probe("Vostria beat Harlan 4-3.", ("4", 4, None, "exact"), ("3", 3, None, "exact")),
]

AGES = [
    _probe("A seven-year-old boy was rescued.", ("seven", 7, None, "exact")),
    _probe("A 40-year-old man was arrested.", ("40", 40, None, "exact")),
    _probe("Pellan, 67, was arrested.", ("67", 67, None, "exact")),
    _probe("Pellan died at the age of 82.", ("82", 82, None, "exact")),
    _probe("Pellan, aged 67, was arrested.", ("67", 67, None, "exact")),
    _probe("Pellan died at 103.", ("103", 103, None, "exact")),
]

MEASURES = [
    _probe("A magnitude 6.4 earthquake struck the coast.", ("6.4", 6.4, None, "exact")),
    _probe("A 6.4-magnitude earthquake struck the coast.", ("6.4", 6.4, None, "exact")),
    _probe("A 6.4 magnitude earthquake struck the coast.", ("6.4", 6.4, None, "exact")),
    _probe("Temperatures reached 40C in the capital.", ("40C", 40, None, "exact")),
    _probe("The train reached 100 km/h.", ("100", 100, None, "exact")),
    _probe("The convoy stretched 3 km.", ("3", 3, None, "exact")),
    _probe("The quake was 10 km deep.", ("10", 10, None, "exact")),
    _probe("It was the worst flood in 1,000 years.", ("1,000", 1000, None, "exact")),
]

NAMES_AND_DATES = [
    _probe("The team is ranked No. 3 in the league."),
    _probe("Three patients died of COVID-19.", ("Three", 3, None, "exact")),
    _probe("The Boeing 747 landed safely."),
    _probe("The Stoxx 600 index closed lower."),
    _probe("A restored B-17 bomber crashed on takeoff."),
    _probe("The Group of 20 met in Vostria."),
    _probe("Flight 302 crashed after takeoff."),
    _probe("The bridge opened on May 14, 1998."),
    _probe("The vote was held at 9 a.m. on Sunday."),
    _probe("The index fell 4%, its worst one-day fall in a decade.", ("4%", 4, None, "exact")),
    _probe(
        "The one-day strike closed 40 schools.",
        ("one", 1, None, "exact"),
        ("40", 40, None, "exact"),
    ),
]

PROBES = [
    *APPROXIMATORS,
    *RANGES,
    *VAGUE_AND_WORDS,
    *MONEY_AND_PERCENT,
    *COUNTS,
    *AGES,
    *MEASURES,
    *NAMES_AND_DATES,
]


@pytest.mark.parametrize(("text", "expected"), PROBES)
def test_quantity_probe(parse: Parse, text: str, expected: list[Expected]):
    found = [f.quantity for f in find_quantities(list(parse(text)))]
    values = [(q.value, q.upper, q.approx.value) for q in found]
    assert values == [(value, upper, approx) for _, value, upper, approx in expected], found
    for quantity, (words, *_) in zip(found, expected, strict=True):
        assert words.lower() in quantity.text.lower(), quantity


@pytest.mark.parametrize(
    "text",
    [
        "A 40-year-old man was arrested.",
        "Anna Pellan, 67, was arrested.",
        "Pellan died at the age of 82.",
        "Pellan, aged 67, was arrested.",
        "She was 88 years old.",
        "The victims were aged between 17 and 71.",
    ],
)
def test_an_age_is_counted_in_years_of_age(parse: Parse, text: str):
    found = find_quantities(list(parse(text)))
    assert [f.quantity.unit for f in found] == ["years of age"], found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("61 people were in intensive care, up from 40 last Tuesday.", [61, 40]),
        ("The law raises the retirement age from 62 to 64.", [62, 64]),
        ("Velmoria gave its one millionth dose on Tuesday.", []),
        ("The match was played on Tuesday 4 June.", []),
        ("He bought a one-way ticket to Orvel.", []),
        ("The payment was a one-off grant of 500 euros.", [500]),
    ],
)
def test_numbers_near_weekdays_and_ordinal_scales(parse: Parse, text: str, values: list[float]):
    found = find_quantities(list(parse(text)))
    assert [f.quantity.value for f in found] == values, found


def test_a_person_who_was_a_number_was_that_age(parse: Parse):
    found = find_quantities(list(parse("Ivo Kessel died on Saturday. He was 91.")))
    assert [(f.quantity.value, f.quantity.unit) for f in found] == [(91, "years of age")]


@pytest.mark.parametrize(
    ("text", "word", "unit"),
    [
        (
            "The guard, a 58-year-old father of three, spent 11 days in hospital.",
            "three",
            "children",
        ),
        ("Nowak was the driver, a mother of two.", "two", "children"),
        ("She was a grandmother of 11.", "11", "grandchildren"),
        ("Holm, a great-grandfather of four, died.", "four", "great-grandchildren"),
        ("The mother of two of the hostages spoke.", "two", "hostages"),
    ],
)
def test_a_parent_of_a_number_counts_children_not_years(
    parse: Parse, text: str, word: str, unit: str
):
    found = [f.quantity for f in find_quantities(list(parse(text)))]
    assert [q.unit for q in found if q.text == word] == [unit], found


UNITS = [
    # a range counts the noun after it, wherever the parser hangs it
    ("The militia has between 300 and 500 fighters.", "fighters"),
    ("Between 30 and 50 people were hurt.", "people"),
    ("The militia has 300 to 500 fighters.", "fighters"),
    ("Prices rose between 2 and 3 percent.", "percent"),
    # but not a noun that dates it
    ("Sales of between 40 and 50 last year were disappointing.", ""),
    ("The vote will take place between 6 and 8 p.m.", ""),
    # a number the parser made the object still counts the noun after it
    ("Varga has won 412 pledged delegates so far.", "delegates"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS, ids=[t for t, _ in UNITS])
def test_a_quantity_counts_the_noun_it_goes_with(parse: Parse, text: str, unit: str):
    found = [f.quantity for f in find_quantities(list(parse(text)))]
    assert [q.unit for q in found] == [unit], found
