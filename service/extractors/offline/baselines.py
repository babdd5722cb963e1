"""Dated baselines: ", up from 187 in 2019" after a figure tells the earlier figure at a time
of its own, so it is a claim of its own (spec: split independent propositions; a figure and
its earlier value at another time are two). An undated baseline ("increased to 167 from a
previous 93") stays with its figure, as in the gold labels."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.segmentation import Proposition, subject_tokens, trim
from service.extractors.offline.tokens import word_set

_TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Words that belong to a figure: its approximators, currency and scale ("about $4 million").
_FIGURE_WORDS = word_set("""
    about around roughly nearly almost some just only over under more less than at least most
    an estimated approximately $ € £ ¥ us$ c$ a$ million billion trillion thousand
    """)
# Verbs of change, whose baseline is told as the state it changed from.
CHANGE_VERBS = word_set("""
    rise fall climb drop increase decrease grow jump slip reach decline slide surge soar plunge
    ease edge dip tumble rebound double triple halve shrink expand narrow widen
    """)
# Units that measure one quantity in several scales ("nearly three tonnes, up from 900 kg").
_MEASURES = word_set("""
    tonne ton kilogram kg gram pound kilometre kilometer km mile metre meter litre liter gallon
    barrel hectare acre degree percent point dollar euro pound yen
    """)
# Prepositions of a time or an occasion, which stay with the figure's own subject.
_TIME_PREPOSITIONS = frozenset({"during", "since", "until", "throughout", "after", "before"})
_SCALES = word_set("million billion trillion thousand")
# Words that end a baseline phrase before the next part of the clause.
_PHRASE_ENDS = frozenset({",", ";", "—", "–", ":", "(", ")"})


def split_dated_baseline(proposition: Proposition) -> list[Proposition]:
    """The proposition without a dated baseline, and the baseline as a claim of its own
    ("Turnout was 63.1 percent, up from 52.6 percent in 2019" -> "Turnout was 52.6 percent
    in 2019."; "Unemployment fell to 5.8 percent, down from 6.1 percent a year earlier" ->
    "Unemployment was 6.1 percent a year earlier.")."""
    tokens = proposition.tokens
    for k in range(1, len(tokens) - 2):
        phrase_start = _baseline_start(tokens, k)
        if phrase_start is None:
            continue
        end = phrase_start
        while end < len(tokens) and tokens[end].text not in _PHRASE_ENDS:
            end += 1
        baseline = _baseline(proposition, k, phrase_start, end)
        if baseline is None:
            return [proposition]
        main, rest = tokens[:k], tokens[end:]
        # a clause after the baseline ("— an increase of 35 percent") keeps the whole span
        evidence = trim(main) if not trim(rest) else proposition.evidence
        return [replace(proposition, tokens=trim([*main, *rest]), evidence=evidence), baseline]
    return [proposition]


def _baseline(proposition: Proposition, k: int, start: int, end: int) -> Proposition | None:
    """The baseline tokens[start:end] told as a claim, or None when it cannot stand alone:
    no date of its own, more than a figure, its unit and its date ("compared with 19 for
    Jon Tamsen"), or another thing counted ("from 40 countries")."""
    tokens = proposition.tokens
    phrase, main = tokens[start:end], tokens[:k]
    numbers = [t for t in phrase if _counts(t)]
    dates = _dates_of(phrase, numbers)
    compared = [t for t in main if _counts(t)]
    if len(numbers) != 1 or not dates or not compared or not _has_verb(main):
        return None
    if tokens[k + 1].lower_ == "from" and proposition.head.lemma_.lower() not in CHANGE_VERBS:
        return None  # ", from 40 countries": where they came from, not an earlier figure
    baseline_figure = _figure(numbers[0], phrase)
    figure = _figure(_compared_figure(compared, numbers[0]), main)
    unit = _unit_after(baseline_figure, phrase)
    covered = {t.i for t in [*baseline_figure, *dates, *unit]}
    if baseline_figure[0].i != phrase[0].i or any(t.i not in covered for t in phrase):
        return None  # "compared with a mean of 40", "compared with 450 in the Tarsa region"
    own_unit = _unit_after(figure, main)
    if unit and own_unit and not _same_unit(unit[0], own_unit[0]):
        return None  # "killed 12 people, compared to 3 deaths in 2019": another count
    if _in_a_range(figure):
        return None  # "between 210,000 and 225,000 units, from 240,000"
    hidden = {t.i: "" for t in tokens[k:start]}  # ", up from"
    hidden |= {t.i: "" for t in phrase if t not in dates}
    text = " ".join(t.text for t in baseline_figure).replace("$ ", "$")
    if _changed_to(figure, proposition.head):
        return _was(proposition, baseline_figure + unit, dates, hidden, text, own_unit, unit)
    # "treated 900 patients last month, up from 700 in 2019": the clause with the earlier
    # figure, without its own time ("now", "last month", "as of Thursday")
    main_times = {t.i for time in main if _dates_the_figure(time) for t in time.subtree}
    replacements = hidden | {t.i: "" for t in figure}
    replacements[figure[0].i] = f"{text} {unit[0].text}" if unit and own_unit else text
    if unit and own_unit:
        replacements[own_unit[0].i] = ""
    body = [t for t in tokens[:end] if t.i not in main_times]
    shown = [t for t in body if t in main and replacements.get(t.i) != "" and not t.is_punct]
    closing = [t for t in main if t.text in _PHRASE_ENDS and shown and t.i > shown[-1].i]
    replacements |= {t.i: "" for t in closing}
    return Proposition(
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


def _changed_to(figure: list[Token], head: Token) -> bool:
    """ "rose to 18 percent", "reached 40 percent": the figure is the level the change reached
    (not "rose 9.4%", whose baseline is an earlier change)."""
    if head.lemma_.lower() not in CHANGE_VERBS:
        return False
    before = figure[0].doc[figure[0].i - 1] if figure[0].i > 0 else None
    reached = head.lemma_.lower() in ("reach", "hit") and any(
        t.dep_ == "dobj" and t.head.i == head.i for t in (*figure, *figure[-1].ancestors)
    )
    return reached or (before is not None and before.lower_ == "to")


def _was(
    proposition: Proposition,
    counted: list[Token],
    dates: list[Token],
    hidden: dict[int, str],
    text: str,
    own_unit: list[Token],
    unit: list[Token],
) -> Proposition | None:
    """ "Support rose 3 points to 18 percent, up from 15 percent in 2019" -> "Support was 15
    percent in 2019.": a change told as the state it started from (spec: "X was N in YEAR")."""
    ids = {t.i for t in proposition.tokens}
    subject = [
        t
        for t in subject_tokens(proposition.head, ids)
        if not any(a.lower_ in _TIME_PREPOSITIONS for a in (t, *t.ancestors) if a.pos_ == "ADP")
    ]
    if not subject or subject[0].pos_ == "PRON":
        return None
    plural = any(t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass") for t in subject)
    words = " ".join(t.text for t in (unit or own_unit))
    figure = counted[0]
    replacements = hidden | {t.i: "" for t in counted} | {figure.i: f"{text} {words}".strip()}
    phrase = sorted([*counted, *dates], key=lambda t: t.i)
    return Proposition(
        tokens=phrase,
        head=figure,
        evidence=trim(phrase),
        prefix=subject,
        link="were" if plural else "was",
        replacements=replacements,
        numbered_tokens=phrase,
        nominal=True,
        compared=True,
    )


def _unit_after(figure: list[Token], within: list[Token]) -> list[Token]:
    """The unit words right after a figure: "percent", "patients", "an hour", "%"."""
    ids = {t.i for t in within}
    doc = figure[-1].doc
    words: list[Token] = []
    position = figure[-1].i + 1
    while position in ids and len(words) < 3:
        token = doc[position]
        rate = token.lower_ in ("a", "an", "per") and _rate(token)
        if not (token.pos_ == "NOUN" or token.text == "%" or rate or (words and _rate(token))):
            break
        if token.ent_type_ in _TIME_ENTITIES and not _rate(token):
            break
        words.append(token)
        position += 1
    return words


def _same_unit(one: Token, other: Token) -> bool:
    """The same thing counted, or two measures of one quantity ("tonnes", "kilograms")."""
    return one.lemma_.lower() == other.lemma_.lower() or (
        one.lemma_.lower() in _MEASURES and other.lemma_.lower() in _MEASURES
    )


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
    doc, first = figure[0].doc, figure[0].i
    before = doc[first - 1].lower_ if first > 0 else ""
    after = figure[-1].i + 1
    joined = after + 1 < len(doc) and doc[after].lower_ in ("to", "and", "-", "–")
    ending = first > 1 and before in ("to", "and", "-", "–") and is_number_token(doc[first - 2])
    return before in ("between", "from") or ending or (joined and is_number_token(doc[after + 1]))


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
    if token.pos_ == "ADV" and token.lower_ in ("now", "currently", "still", "already"):
        return True  # "now costs 12 euros": not so in 2018
    if token.pos_ == "ADP" and token.lower_ in _TIME_PREPOSITIONS:
        return True  # "during the lockdown"
    if token.pos_ in ("ADP", "SCONJ") or token.lower_ in ("as", "since"):
        inside = [t for t in token.subtree if t.i != token.i]
        timed = any(t.ent_type_ in _TIME_ENTITIES for t in inside)
        return timed and all(
            t.ent_type_ in _TIME_ENTITIES or t.pos_ in ("ADP", "ADV", "DET") or t.lower_ == "as"
            for t in inside
        )
    return False


def _compared_figure(candidates: list[Token], baseline: Token) -> Token:
    """The main clause's figure the baseline is compared with: the nearest counting the same
    noun, else the nearest that is not inside a place's phrase ("in the two regions")."""
    doc = baseline.doc
    counted = doc[baseline.i + 1].lemma_ if baseline.i + 1 < len(doc) else ""
    for number in reversed(candidates):  # the nearest figure counting the same thing
        following = doc[number.i + 1] if number.i + 1 < len(doc) else None
        if following is not None and following.lemma_ == counted and not following.is_punct:
            return number
    for number in reversed(candidates):  # else the nearest not in a place's phrase
        placed = any(a.pos_ == "ADP" and a.lower_ in ("in", "at", "near") for a in number.ancestors)
        if not placed:
            return number
    return candidates[-1]


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
    while end + 1 in ids and doc[end + 1].lower_ in _SCALES:
        end += 1
    return list(doc[start : end + 1])
