"""Dated baselines: ", up from 187 in 2019" after a figure tells the earlier figure at a time
of its own, so it is a claim of its own (spec: split independent propositions; a figure and
its earlier value at another time are two). An undated baseline ("increased to 167 from a
previous 93") stays with its figure, as in the gold labels."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.segmentation import Proposition, trim
from service.extractors.offline.tokens import word_set

_TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Words that belong to a figure: its approximators, currency and scale ("about $4 million").
_FIGURE_WORDS = word_set("""
    about around roughly nearly almost some just only over under more less than at least most
    an estimated approximately $ € £ ¥ us$ c$ a$ million billion trillion thousand
    """)
# Words that end a baseline phrase before the next part of the clause.
_PHRASE_ENDS = frozenset({",", ";", "—", "–", ":", "(", ")"})


def split_dated_baseline(proposition: Proposition) -> list[Proposition]:
    """The proposition without a dated baseline, and the baseline as a claim of its own
    ("Turnout was 63.1 percent, up from 52.6 percent in 2019" -> "Turnout was 52.6 percent
    in 2019.")."""
    tokens = proposition.tokens
    for k in range(1, len(tokens) - 2):
        phrase_start = _baseline_start(tokens, k)
        if phrase_start is None:
            continue
        end = phrase_start
        while end < len(tokens) and tokens[end].text not in _PHRASE_ENDS:
            end += 1
        phrase = tokens[phrase_start:end]
        numbers = [t for t in phrase if _counts(t)]
        dates = _dates_of(phrase, numbers)
        main = tokens[:k]
        compared = [t for t in main if _counts(t)]
        if len(numbers) != 1 or not dates or not compared or not _has_verb(main):
            return [proposition]
        baseline_figure = _figure(numbers[0], phrase)
        if baseline_figure[0].i != phrase[0].i:
            return [proposition]  # "compared with a mean of 40": no figure alone
        figure = _figure(_compared_figure(compared, numbers[0]), main)
        if _in_a_range(figure):
            return [proposition]  # "between 210,000 and 225,000 units, from 240,000"
        rest = tokens[end:]
        kept = trim([*main, *rest])
        # "as of Thursday" and the like date the figure, not its baseline
        main_times = {t.i for time in main if _dates_the_figure(time) for t in time.subtree}
        replacements = {t.i: "" for t in figure}
        replacements[figure[0].i] = _figure_text(baseline_figure, figure, phrase, replacements)
        replacements |= {t.i: "" for t in tokens[k:phrase_start]}  # ", up from"
        replacements |= {t.i: "" for t in phrase if t not in dates}
        body = [t for t in tokens[:end] if t.i not in main_times]
        shown = [t for t in body if t in main and replacements.get(t.i) != "" and not t.is_punct]
        closing = [t for t in main if t.text in _PHRASE_ENDS and shown and t.i > shown[-1].i]
        replacements |= {t.i: "" for t in closing}
        baseline = Proposition(
            tokens=body,
            head=proposition.head,
            evidence=trim(tokens[k:end]),
            prefix=proposition.prefix,
            link=proposition.link,
            replacements={**proposition.replacements, **replacements},
            numbered_tokens=phrase,
            nominal=proposition.nominal,
            compared=True,
        )
        # a clause after the baseline ("— an increase of 35 percent") keeps the whole span
        evidence = trim(main) if not trim(rest) else proposition.evidence
        return [replace(proposition, tokens=kept, evidence=evidence), baseline]
    return [proposition]


def _dates_of(phrase: list[Token], numbers: list[Token]) -> list[Token]:
    """The baseline's own time: "in the whole of last year", "a week earlier", "in 2019"
    (not a rate's "a year" after the figure)."""
    dates = [
        t for t in phrase if t.ent_type_ in _TIME_ENTITIES and t not in numbers and not _rate(t)
    ]
    for token in phrase:
        inside = list(token.subtree)
        if (
            token.pos_ == "ADP"
            and any(t in dates for t in inside)
            and not set(inside) & set(numbers)
        ):
            dates += [t for t in inside if t in phrase and t not in dates]
    return sorted(dates, key=lambda t: t.i)


def _rate(token: Token) -> bool:
    """A word of "a year", "a day", "per week" after a figure: a rate, not a date."""
    doc = token.doc
    start = token.i if token.lower_ in ("a", "an", "per") else token.i - 1
    if start < 1 or doc[start].lower_ not in ("a", "an", "per") or start + 1 >= len(doc):
        return False
    period = doc[start + 1].lower_ in ("day", "week", "month", "year", "hour")
    after = doc[start + 2].lower_ if start + 2 < len(doc) else ""
    return period and after not in ("earlier", "before", "ago", "later")


def _in_a_range(figure: list[Token]) -> bool:
    """A figure that is one end of a range ("between 210,000 and 225,000", "5.4 to 5.7")."""
    doc = figure[0].doc
    before = doc[figure[0].i - 1].lower_ if figure[0].i > 0 else ""
    after = figure[-1].i + 1
    joined = after + 1 < len(doc) and doc[after].lower_ in ("to", "and", "-", "–")
    return before in ("between", "from") or (joined and is_number_token(doc[after + 1]))


def _figure_text(
    baseline: list[Token], figure: list[Token], phrase: list[Token], replacements: dict[int, str]
) -> str:
    """The baseline figure as written, with its own unit when it differs from the figure's
    ("about 900 kilograms" for "nearly three tonnes")."""
    text = " ".join(t.text for t in baseline).replace("$ ", "$")
    doc = figure[0].doc
    unit = doc[baseline[-1].i + 1] if baseline[-1].i + 1 < len(doc) else None
    own = doc[figure[-1].i + 1] if figure[-1].i + 1 < len(doc) else None
    if unit is None or unit not in phrase or unit.pos_ != "NOUN" or own is None:
        return text
    if own.pos_ == "NOUN" and own.lemma_ != unit.lemma_ and unit.ent_type_ not in _TIME_ENTITIES:
        replacements[own.i] = ""
        return f"{text} {unit.text}"
    return text


def _baseline_start(tokens: list[Token], k: int) -> int | None:
    """Where a baseline phrase's figure starts when one opens after tokens[k] (a comma):
    ", up from", ", down from", ", compared with", ", from"."""
    if tokens[k].text != ",":
        return None
    first, second = tokens[k + 1].lower_, tokens[k + 2].lower_
    if first in ("up", "down") and second == "from":
        return k + 3
    if first == "compared" and second in ("with", "to"):
        return k + 3
    if first == "from" and tokens[k + 1].head.i != tokens[k + 1].i:
        return k + 2
    return None


def _counts(token: Token) -> bool:
    """A number that counts something, not part of a date."""
    return is_number_token(token) and token.ent_type_ not in _TIME_ENTITIES


def _has_verb(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _dates_the_figure(token: Token) -> bool:
    """The main clause's own time phrase ("last year", "early on Tuesday", "As of Thursday"),
    but not a date that describes a noun ("in Sunday's vote")."""
    if token.ent_type_ in _TIME_ENTITIES and not _counts(token):
        return not any(c.tag_ == "POS" for c in token.children) and token.dep_ != "poss"
    if token.pos_ in ("ADP", "SCONJ") or token.lower_ in ("as", "since"):
        inside = [t for t in token.subtree if t.i != token.i]
        timed = any(t.ent_type_ in _TIME_ENTITIES for t in inside)
        return timed and all(
            t.ent_type_ in _TIME_ENTITIES or t.pos_ in ("ADP", "ADV", "DET") or t.lower_ == "as"
            for t in inside
        )
    return False


def _compared_figure(candidates: list[Token], baseline: Token) -> Token:
    """The main clause's figure the baseline is compared with: one counting the same noun,
    else the first that is not inside a place or time phrase ("in the two regions")."""
    doc = baseline.doc
    counted = doc[baseline.i + 1].lemma_ if baseline.i + 1 < len(doc) else ""
    for number in reversed(candidates):  # the nearest figure counting the same thing
        following = doc[number.i + 1] if number.i + 1 < len(doc) else None
        if following is not None and following.lemma_ == counted and not following.is_punct:
            return number
    for number in candidates:
        placed = any(a.pos_ == "ADP" and a.lower_ in ("in", "at", "near") for a in number.ancestors)
        if not placed:
            return number
    return candidates[0]


def _figure(number: Token, within: list[Token]) -> list[Token]:
    """The number with the approximator, currency and scale words around it."""
    ids = {t.i for t in within}
    start = end = number.i
    doc = number.doc
    while start - 1 in ids and doc[start - 1].lower_ in _FIGURE_WORDS:
        word = doc[start - 1].lower_
        if word == "at" and doc[start].lower_ not in ("least", "most"):
            break  # "stood at 31 percent": "at" is the verb's
        if word == "than" and (start < 2 or doc[start - 2].lower_ not in ("more", "less")):
            break
        start -= 1
    while end + 1 in ids and doc[end + 1].lower_ in _FIGURE_WORDS - {"at", "than"}:
        end += 1
    return list(doc[start : end + 1])
