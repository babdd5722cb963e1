"""Quantities: explicit numbers with their approximator, range bound and unit."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from spacy.tokens import Token

from schemas.claims import Approx, Quantity
from service.extractors.offline.ages import AGE_UNIT, is_age
from service.extractors.offline.numerals import (
    DEGREES,
    DIGITS,
    LARGE_SCALES,
    SCALED,
    SCALES,
    SMALL_NUMBERS,
    TENS,
    numeral_end,
    numeral_value,
)
from service.extractors.offline.quantity_names import in_name
from service.extractors.offline.quantity_units import (
    counted_noun,
    currency_before,
    names_a_period,
    unit_after,
)
from service.extractors.offline.quantity_words import (
    APPROXIMATORS_LONGEST_FIRST,
    CHANGE_VERBS,
    CURRENCY_SYMBOLS,
    PASSING_VERBS,
    race_seconds,
)
from service.extractors.offline.tokens import (
    WEEKDAY_NAMES,
    verbatim,
    word_set,
)

DURATION_UNITS = word_set("second minute hour day week month year decade")
# Spelled-out numbers only count in these roles (so "one of the few countries" does not).
_WORD_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "conj", "appos"})
_CLOCK_WORDS = frozenset({"utc", "gmt", "et", "est", "edt", "pt", "cet", "local", "a.m.", "p.m."})
_CALENDAR_WORDS = frozenset(
    [*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", *calendar.day_name]
)
_TOKEN_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)%?[–—-](\d[\d,]*(?:\.\d+)?)$")  # "2.6%-2.9"
_RANGE_WORDS = frozenset({"to", "-", "–", "—"})


@dataclass(frozen=True)
class Found:
    """A quantity and the tokens it was read from (to assign it to list items)."""

    quantity: Quantity
    tokens: tuple[Token, ...]


def _is_year(token: Token) -> bool:
    text = token.text
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def is_number_token(token: Token) -> bool:
    """True for a numeral that can start a quantity (not a date, time, ordinal or name)."""
    lower = token.lower_
    if token.ent_type_ == "ORDINAL":
        return False
    if token.ent_type_ in ("DATE", "TIME") and _date_part(token):
        return False
    if token.text[:1] == "0" and len(token.text) > 1 and token.text.isdigit():
        return False  # "reference 0412", "0800 555 111": a code, not a count
    if token.text.isdigit() and any(map(_digit_group, _neighbours(token))):
        return False  # "0800 555 111": groups of one code
    if DIGITS.match(token.text) or _TOKEN_RANGE.match(token.text) or _scaled(token):
        return not (_is_year(token) or _day_range_end(token))
    if DEGREES.match(token.text):
        return True
    following = _next_words(token, 2)
    if following[:1] and following[0] in _ORDINAL_SCALES:
        return False  # "its one millionth dose"
    if lower == "one" and _next_words(token, 3) in _DAILY_MOVES:
        return False  # "its biggest one-day drop": how a move is measured, not a count
    if lower == "one" and following[:1] == ["of"]:
        return False  # "at 10,800 km one of the longest": "one of" counts nothing (guide)
    if lower == "one" and following[:1] == ["in"] and _is_count(following[-1]):
        return True  # "one in five": a proportion, not "one in the hospital"
    if lower == "half":  # "half a million"
        return len(following) == 2 and following[0] in ("a", "an") and following[1] in LARGE_SCALES
    if lower in SMALL_NUMBERS or lower in TENS:
        return token.dep_ in _WORD_NUMBER_DEPS or (lower != "one" and token.pos_ == "NUM")
    return False


_ORDINAL_SCALES = frozenset({"hundredth", "thousandth", "millionth", "billionth"})
_DAILY_MOVES = [
    ["-", "day", move] for move in ("drop", "fall", "rise", "gain", "loss", "decline", "jump")
]


def _neighbours(token: Token) -> list[Token]:
    doc = token.doc
    return [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]


def _digit_group(token: Token) -> bool:
    return token.text.isdigit() and not _is_year(token)


def _is_count(word: str) -> bool:
    return word in SMALL_NUMBERS or word in TENS or word.replace(",", "").isdigit()


def _next_words(token: Token, count: int) -> list[str]:
    return [t.lower_ for t in token.doc[token.i + 1 : token.i + 1 + count]]


def _scaled(token: Token) -> bool:
    """ "$3.2bn", "£40m": a scale letter counts after a currency ("5m" alone is a length)."""
    match = SCALED.match(token.text)
    if match is None:
        return False
    before = token.doc[token.i - 1].lower_ if token.i else ""
    return match.group(2).lower() in ("bn", "mn", "tn") or before in CURRENCY_SYMBOLS


def _date_part(token: Token) -> bool:
    """A numeral that writes a date or clock time ("March 4", "4 March", "at 9 p.m."), as
    opposed to a count the entity recognizer put in a date ("a 40-year-old", "aged 60")."""
    doc = token.doc
    if _is_year(token) or not (DIGITS.match(token.text) or token.like_num or _scaled(token)):
        return True
    if token.i >= 2 and doc[token.i - 1].text in ("-", "–", "/") and _is_year(doc[token.i - 2]):
        return len(token.text) == 2  # "1975-88", "the 2019/20 season"
    near = doc[max(token.i - 2, 0) : token.i + 3]
    if any(_dates_a_day(t, token) for t in near if t.i != token.i):
        return True
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is not None and following.lower_ in _CLOCK_WORDS | {"o'clock", "am", "pm"}


def _dates_a_day(word: Token, number: Token) -> bool:
    """True when a calendar word makes the number beside it a day of the month ("March 4",
    "Tuesday 4"), not a count near a weekday ("up from 40 last Tuesday")."""
    name = word.text.rstrip(".")
    if name not in _CALENDAR_WORDS:
        return False
    return name.lower() not in WEEKDAY_NAMES or abs(word.i - number.i) == 1


def _day_range_end(token: Token) -> bool:
    """ "from September 5 to 8", "between February 1 and 14": the second day of a range."""
    if not token.text.isdigit() or not 1 <= int(token.text) <= 31 or token.i < 3:
        return False
    month, day, joint = token.doc[token.i - 3 : token.i]
    joined = joint.lower_ in ("to", "and", "through", "until", "-", "–")
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and not (following.is_punct or _is_year(following)):
        return False  # "3 bodies on May 5 and 12 survivors": a count
    return joined and day.text.isdigit() and month.text.rstrip(".") in _CALENDAR_WORDS


def _is_duration(token: Token) -> bool:
    """ "12 days", "forty eight hours": a number counting time units, not a date."""
    doc, position = token.doc, token.i + 1
    while position < len(doc) and (doc[position].like_num or doc[position].lower_ in SCALES):
        position += 1
    return position < len(doc) and doc[position].lemma_.lower() in DURATION_UNITS


def _lone_number(token: Token) -> bool:
    """A bare number the entity recognizer mislabelled as a date ("17 in the old town")."""
    entity = [t for t in token.doc[max(token.i - 3, 0) : token.i + 4] if t.ent_iob_ != "O"]
    same = [t for t in entity if t.ent_type_ == token.ent_type_ and _same_entity(t, token)]
    return len(same) == 1 and not _is_year(token) and DIGITS.match(token.text) is not None


def _same_entity(first: Token, second: Token) -> bool:
    low, high = sorted((first.i, second.i))
    return all(t.ent_iob_ == "I" for t in first.doc[low + 1 : high + 1])


def _in_rate(token: Token) -> bool:
    """A rate's denominator ("per 100,000 people") belongs to the unit, not a quantity."""
    return any(ancestor.lower_ == "per" for ancestor in token.ancestors)


# Denominators of a fraction written in words ("two thirds", "three-quarters").
_FRACTION_WORDS = word_set("third quarter fifth sixth seventh eighth ninth tenth")


def _fraction_at(tokens: list[Token], position: int) -> bool:
    """True when a fraction's denominator follows: like "a third of", it is no quantity."""
    hyphenated = position < len(tokens) and tokens[position].text == "-"
    words = [t for t in tokens[position : position + 3] if t.text != "-"]
    if not words or words[0].lemma_.lower() not in _FRACTION_WORDS:
        return False
    # "two thirds of the money", "three-quarters"; not "two quarters of 2023"
    of_part = len(words) > 2 and words[1].lower_ == "of" and not words[2].like_num
    return hyphenated or of_part


def _is_clock(tokens: list[Token]) -> bool:
    last = tokens[-1]
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return following is not None and following.lower_ in _CLOCK_WORDS


def _approximator(tokens: list[Token], start: int) -> tuple[Approx, int]:
    """The approximator before position `start`, and where it begins."""
    anchors = [start]
    if start > 0 and tokens[start - 1].pos_ == "ADJ":
        anchors.append(start - 1)  # "some further 700"
    for anchor in anchors:
        for phrase, approx in APPROXIMATORS_LONGEST_FIRST:
            begin = anchor - len(phrase)
            if begin >= 0 and tuple(t.lower_ for t in tokens[begin:anchor]) == phrase:
                return approx, begin
    return Approx.exact, start


def _passed(group: list[Token]) -> bool:
    """The number is what a verb of passing a mark takes as its object ("surpassed 500")."""
    for token in group:
        head = token.head
        if token.dep_ == "dobj" and head.lemma_.lower() in PASSING_VERBS:
            return True
    return False


def _token_range(token: Token) -> tuple[float, float] | None:
    match = _TOKEN_RANGE.match(token.text)
    if not match:
        return None
    low, high = (float(part.replace(",", "")) for part in match.groups())
    return (low, high) if high >= low else None


def _range_bound(tokens: list[Token], begin: int, end: int) -> tuple[float, int, int] | None:
    """The upper bound of "200 to 300" / "between $2 and $4 million": (value, start, end)."""
    if end + 1 >= len(tokens):
        return None
    joiner = tokens[end].lower_
    between = begin > 0 and tokens[begin - 1].lower_ == "between"
    before = tokens[begin - 1] if begin > 0 else None
    changed = before is not None and before.head.lemma_ in CHANGE_VERBS
    if changed and before is not None and before.lower_ == "from":
        return None  # "rose from 12 to 31": two figures
    # "five or six a week": two neighbouring figures joined by "or" are a range
    alternative = joiner == "or" and end - begin == 1 and not between
    if joiner not in _RANGE_WORDS and not (joiner == "and" and between) and not alternative:
        return None
    start = end + 1
    if tokens[start].lower_ in CURRENCY_SYMBOLS and start + 1 < len(tokens):
        start += 1
    sign = -1.0 if _negative(tokens, start + 1) else 1.0
    start += sign < 0  # "between minus 3 and minus 5"
    if start >= len(tokens) or not is_number_token(tokens[start]):
        return None
    stop = numeral_end(tokens, start)
    high = numeral_value([t.text for t in tokens[start:stop]])
    if changed and before is not None and before.lower_ == "by" and not _shared_unit(tokens, stop):
        return None  # "dropped by 312 to 1,188": the change and the new level
    return None if high is None else (sign * high, start, stop)


def _shared_unit(tokens: list[Token], stop: int) -> bool:
    """ "by 18 to 25 percent", "by 2 to 3 million": a scale or unit both ends share."""
    following = tokens[stop] if stop < len(tokens) else None
    unit = following is not None and (
        following.lower_ in ("%", "percent") or following.pos_ == "NOUN"
    )
    return tokens[stop - 1].lower_ in SCALES or unit


def _negative(tokens: list[Token], position: int) -> bool:
    """ "minus 5 degrees": the word before the number at `position` makes it negative."""
    if not 0 < position < len(tokens) or tokens[position - 1].lower_ not in ("minus", "negative"):
        return False
    return [t.lower_ for t in tokens[max(position - 3, 0) : position - 1]] != ["plus", "or"]


def _percent_at(tokens: list[Token], position: int) -> bool:
    return position < len(tokens) and tokens[position].lower_ in ("%", "percent")


def _cents_currency(tokens: list[Token], found: list[Found]) -> str:
    """The currency cents belong to: that of an amount told beside them, else "USD"."""
    if any(t.text == "€" or t.lower_ in ("euro", "euros") for t in tokens):
        return "EUR"
    codes = [f.quantity.unit for f in found if re.fullmatch(r"[A-Z]{3}", f.quantity.unit)]
    return codes[-1] if codes else "USD"


# Amounts told in a word: "twice" (2 times), "a quarter-point cut" (0.25 percentage point).
_POINT_SIZES = {"quarter": 0.25, "half": 0.5}
_RATE_MOVES = frozenset({"cut", "hike", "rise", "increase", "reduction", "raise", "move"})


def _told_in_words(tokens: list[Token], position: int) -> tuple[Found, int] | None:
    """ "at least twice", "roughly twice the target", "a quarter-point hike" as a quantity
    ("twice as many" stays a comparison, like "three-quarters of"), with the position after
    it, or None."""
    token = tokens[position]
    following = [t.lower_ for t in tokens[position + 1 : position + 4]]
    before = tokens[position - 1].lower_ if position else ""
    # "thinking twice", "twice-weekly", "once or twice", the band Twice
    idiom = token.head.lemma_.lower() == "think" or before == "or" or in_name(token)
    taken = race_seconds(token.text, before)
    if token.lower_ == "twice" and following[:1] not in (["as"], ["-"]) and not idiom:
        value, unit, last = 2.0, "times", position + 1
    elif taken is not None:  # "finished in 2:01:24": one time, in seconds
        value, unit, last = taken, "seconds", position + 1
    elif (
        token.lower_ in _POINT_SIZES
        and following[:2] == ["-", "point"]
        and (
            following[2:3] and following[2] in _RATE_MOVES  # "a quarter-point cut", not a lead
        )
    ):
        value, unit, last = _POINT_SIZES[token.lower_], "percentage point", position + 3
    else:
        return None
    approx, begin = _approximator(tokens, position)
    text = verbatim(tokens[begin:last])
    quantity = Quantity(text=text, value=value, upper=None, unit=unit, approx=approx)
    return Found(quantity, tuple(tokens[begin:last])), last


def find_quantities(tokens: list[Token], carried_unit: str = "") -> list[Found]:
    """Every explicit quantity in the tokens, in order; elided units carry from the left."""
    found: list[Found] = []
    unit_so_far = carried_unit
    position = 0
    while position < len(tokens):
        token = tokens[position]
        told = _told_in_words(tokens, position)
        if told is not None:  # "at least twice", "a quarter-point cut"
            found.append(told[0])
            position = told[1]
            continue
        after_per = position > 0 and tokens[position - 1].lower_ == "per"
        if not is_number_token(token) or in_name(token) or _in_rate(token) or after_per:
            position += 1
            continue
        end = numeral_end(tokens, position)
        group = tokens[position:end]
        if _is_clock(group) or _fraction_at(tokens, end):
            position = end
            continue
        value = numeral_value([t.text for t in group])
        upper: float | None = None
        token_range = _token_range(token) if len(group) == 1 else None
        if token_range:
            value, upper = token_range
        if value is None:
            position = end
            continue
        currency, begin = currency_before(tokens, position)
        if _negative(tokens, begin):
            value, begin = -value, begin - 1
        approx, begin = _approximator(tokens, begin)
        if approx is Approx.exact and _passed(group):
            approx = Approx.at_least  # "the toll passed 1,000"
        last = end
        first_counted = group[-1]
        if upper is None:
            joint = end  # "6% to 7%": the first figure's percent sign comes before the joiner
            if end + 1 < len(tokens) and _percent_at(tokens, end):
                joint = end + 1 if tokens[end + 1].lower_ in _RANGE_WORDS | {"and"} else end
            bound = _range_bound(tokens, begin, joint)
            if bound is not None and joint != end and not _percent_at(tokens, bound[2]):
                bound = None  # "rose 6% to $61.20": a change and a level, not a range
            if bound is not None:
                high, other_start, last = bound
                scale = tokens[last - 1].lower_
                low = value  # "3 to 5 million": the low end shares the scale
                if scale in SCALES and group[-1].lower_ not in SCALES:
                    low = value * SCALES[scale]
                if low < 0 and high < 0:  # "between minus 3 and minus 5": lowest first
                    low, high = min(low, high), max(low, high)
                if high >= low:  # not "grew by 2,000 to 1.3 million"
                    value, upper, group = low, high, tokens[other_start:last]
                else:
                    last = end
        after_unit, last = unit_after(tokens, last)
        counted = group[0] if group[-1].lower_ == "half" else group[-1]  # "six and a half years"
        # "between 300 and 500 fighters": the parser may hang the noun on the first figure
        by_first = upper is not None and not names_a_period(first_counted.head)
        counts = counted_noun(counted) or (counted_noun(first_counted) if by_first else None)
        unit = currency or after_unit or counts or unit_so_far
        if is_age(tokens[begin], tokens[last - 1]):
            unit = AGE_UNIT
        if upper is not None:
            approx = Approx.range
        if not currency and unit.split()[:1] in (["cents"], ["cent"]):
            # "38 cents per share" is money: $0.38, compared by value with "$0.38"; in the
            # currency of an amount told beside it, else dollars
            value, upper = value / 100, upper / 100 if upper is not None else None
            unit = " ".join([_cents_currency(tokens, found), *unit.split()[1:]])
        quantity = Quantity(
            text=verbatim(tokens[begin:last]), value=value, upper=upper, unit=unit, approx=approx
        )
        found.append(Found(quantity, tuple(tokens[begin:last])))
        unit_so_far = unit
        position = max(last, position + 1)
    return found
