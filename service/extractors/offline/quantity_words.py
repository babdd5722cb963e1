"""Word tables for quantities: approximators, currencies and percent words."""

from __future__ import annotations

import re

from schemas.claims import Approx
from service.extractors.offline.tokens import word_set

# Verbs whose numeric object is a mark reached or passed: an "at least" figure.
PASSING_VERBS = word_set("surpass exceed top pass cross")
# Verbs of change: "rose from 12 to 31" gives the old and the new figure, not a range.
CHANGE_VERBS = word_set(
    """rise climb jump increase grow go fall drop decline decrease slip sink plunge soar raise
    lower cut reduce boost hike lift"""
)

# Approximator phrases (lower-case words) and what they mean, longest first when matching.
APPROXIMATORS: dict[tuple[str, ...], Approx] = {
    ("around",): Approx.approximately,
    ("about",): Approx.approximately,
    ("approximately",): Approx.approximately,
    ("some",): Approx.approximately,
    ("roughly",): Approx.approximately,
    ("nearly",): Approx.approximately,
    ("almost",): Approx.approximately,
    ("estimated",): Approx.approximately,
    ("close", "to"): Approx.approximately,
    ("at", "least"): Approx.at_least,
    ("more", "than"): Approx.at_least,
    ("over",): Approx.at_least,
    ("upwards", "of"): Approx.at_least,
    ("above",): Approx.at_least,
    ("in", "excess", "of"): Approx.at_least,
    ("no", "fewer", "than"): Approx.at_least,
    ("no", "less", "than"): Approx.at_least,
    ("up", "to"): Approx.at_most,
    ("under",): Approx.at_most,
    ("within",): Approx.at_most,
    ("fewer", "than"): Approx.at_most,
    ("less", "than"): Approx.at_most,
    ("at", "most"): Approx.at_most,
    ("below",): Approx.at_most,
    ("as", "many", "as"): Approx.at_most,
    ("as", "much", "as"): Approx.at_most,
    ("no", "more", "than"): Approx.at_most,
}
APPROXIMATORS_LONGEST_FIRST = sorted(APPROXIMATORS.items(), key=lambda item: -len(item[0]))
CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "r$": "BRL",
    "nt$": "TWD",
    "pln": "PLN",
    "zł": "PLN",
    "₽": "RUB",
    "₩": "KRW",
    "₴": "UAH",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "ruble": "RUB",
    "rouble": "RUB",
    "won": "KRW",
    "rupee": "INR",
    "zloty": "PLN",
    "złoty": "PLN",
    "hryvnia": "UAH",
    "franc": "CHF",
}
PERCENT_WORDS = frozenset({"%", "percent", "pc"})


# A race time, hours:minutes:seconds ("won in 2:01:24"), not a clock's ("at 10:47:03 p.m.").
_RACE_TIME = re.compile(r"(\d{1,2}):([0-5]\d):([0-5]\d)")
_RACE_TIME_BEFORE = word_set("in of ran run runs clocked record")


def race_seconds(text: str, before: str) -> float | None:
    """The seconds of a time taken ("in 2:01:24" -> 7284), told after `before`, or None."""
    taken = _RACE_TIME.fullmatch(text)
    if taken is None or before not in _RACE_TIME_BEFORE:
        return None
    hours, minutes, seconds = (int(part) for part in taken.groups())
    return float(hours * 3600 + minutes * 60 + seconds)
