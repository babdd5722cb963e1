"""Currency names beyond the common ones, from Babel's English locale data: "ariary" is MGA,
"Tunisian dinars" TND; a word several currencies share ("dinars", "pesos") names none."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies
from spacy.tokens import Token

from service.extractors.offline.tokens import word_set

# Currencies in use on this day count for a bare word ("kuna" until Croatia took the euro).
_IN_USE_ON = dt.date(2020, 1, 1)
# Bare words that name an older or other currency as often as the one in use today (the
# German mark, the Italian or Lebanese lira, the Dutch guilder, the Portuguese escudo).
_HOMONYMS = word_set("""
    mark marks lira liras guilder guilders escudo escudos florin florins quetzal quetzals dram
    drams
    """)


@cache
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """Unambiguous two-word names ("tunisian dinars") and last words ("ariary") -> code."""
    locale = Locale("en")
    codes = [str(code) for code in locale.currencies]
    in_use = {
        code
        for territory in locale.territories
        for code in get_territory_currencies(str(territory), start_date=_IN_USE_ON)
    }
    pairs: dict[str, set[str]] = defaultdict(set)
    words: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        for count in (1, 2):
            full = get_currency_name(code, count=count, locale=locale).lower()
            if "(" in full:
                continue  # "US Dollar (Next day)", "Croatian Dinar (1991–1994)": variants
            if "unit" in full:
                continue  # "investment units", "index units": accounting units, not money
            name = full.split()
            if len(name) >= 2:
                pairs[" ".join(name[-2:])].add(code)
            if code in in_use and name[-1] not in _HOMONYMS:
                words[name[-1]].add(code)
    unique = {name: found.pop() for name, found in pairs.items() if len(found) == 1}
    single = {word: found.pop() for word, found in words.items() if len(found) == 1}
    return unique, single


def currency_named(tokens: list[Token], position: int) -> tuple[str, int] | None:
    """The ISO code a currency name at `position` gives, and the position after the name:
    "Tunisian dinars" -> ("TND", +2), "ariary" -> ("MGA", +1); None for no currency."""
    pairs, words = _names()
    token = tokens[position]
    if position + 1 < len(tokens):
        pair = f"{token.lower_} {tokens[position + 1].lower_}"
        if pair in pairs and tokens[position + 1].pos_ in ("NOUN", "PROPN"):
            return pairs[pair], position + 2
    if token.pos_ not in ("NOUN", "PROPN", "X", "ADV") or not token.is_lower:
        return None  # "three real problems", "12 Real Madrid players", "3,000 Guarani"
    code = words.get(token.lower_) or words.get(token.lemma_.lower())
    return (code, position + 1) if code else None
