"""Rendering: a proposition's tokens as a stand-alone statement and a verbatim quote."""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Token

from service.evidence_checks import MIN_EVIDENCE_CHARS
from service.extractors.offline.frames import Frame
from service.extractors.offline.tokens import MONTH_NAMES, WEEKDAY_NAMES, demonstrative, verbatim

# Discourse connectives dropped from the start of a statement ("However, ...").
CONNECTIVES = [
    phrase.split()
    for phrase in (
        "in a related development",
        "at this point",
        "in addition",
        "in particular",
        "in response",
        "as a result",
        "by contrast",
        "in contrast",
        "on the other hand",
        "however",
        "meanwhile",
        "furthermore",
        "moreover",
        "nonetheless",
        "nevertheless",
        "additionally",
        "also",
        "but",
        "and",
        "so",
        "still",
        "earlier",
        "expectedly",
        "indeed",
        "notably",
        "separately",
        "similarly",
        "likewise",
        "finally",
        "overall",
        "then",
        "yet",
        "thus",
        "therefore",
        "that",
    )
]
# Words that make a connective part of a phrase to keep ("So far, 3,000 ...").
_FIXED_PHRASE_ENDS = {"so": frozenset({"far", "many", "much"}), "yet": frozenset({"again"})}
# Connectives dropped even without a following comma.
_BARE_CONNECTIVES = frozenset({"but", "and", "so", "also", "yet", "that", "then"})
_EDGE_CHARACTERS = " \t\n,;:—–-“”\"‘'«»"
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[])\s+")
_DOUBLE_COMMA = re.compile(r",\s*,")
_SPACES = re.compile(r"\s+")


def _strip_connectives(tokens: list[Token]) -> list[Token]:
    changed = True
    while changed and tokens:
        changed = False
        for phrase in CONNECTIVES:
            size = len(phrase)
            if [t.lower_ for t in tokens[:size]] != phrase or len(tokens) <= size:
                continue
            following = tokens[size]
            if following.lower_ in _FIXED_PHRASE_ENDS.get(" ".join(phrase), ()):
                continue  # "so far", "so many" are not the connective "so"
            if following.text == ",":
                tokens, changed = tokens[size + 1 :], True
            elif phrase[0] in _BARE_CONNECTIVES and size == 1 and not demonstrative(tokens[0]):
                tokens, changed = tokens[size:], True
            if changed:
                break
        while tokens and (tokens[0].is_punct or tokens[0].is_space):
            tokens, changed = tokens[1:], True
    return tokens


def render(
    tokens: list[Token], replacements: dict[int, str], prefix: list[Token], link: str = ""
) -> str:
    """The statement: tokens joined with their original spacing, quotes and connectives
    dropped, pronouns replaced, first letter capitalised, ending with a period. `link` is a
    word put between an elided subject (`prefix`) and the tokens ("has")."""
    body = _strip_connectives([t for t in tokens if not t.is_quote])
    words = [t for t in prefix if not t.is_quote] + body
    parts: list[str] = []
    previous: Token | None = None
    for token in words:
        if previous is not None:
            adjacent = token.i == previous.i + 1 and token.doc is previous.doc
            parts.append(previous.whitespace_ if adjacent else " ")
        if link and body and token is body[0] and prefix:
            parts.append(link + " ")
        parts.append(replacements.get(token.i, token.text))
        previous = token
    text = "".join(parts)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text)
    text = _SPACES.sub(" ", text).strip(_EDGE_CHARACTERS + ".!?")
    if not text:
        return ""
    return text[0].upper() + text[1:] + "."


def quote(tokens: list[Token]) -> str:
    """The verbatim text from the first to the last token, trimmed of edge punctuation."""
    text = verbatim(tokens)
    stripped = text.strip(_EDGE_CHARACTERS)
    return stripped or text.strip()


_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def dated_weekday(tokens: list[Token], time_text: str, day: str) -> dict[int, str]:
    """A replacement that writes the resolved date after a weekday the claim's time names
    ("on Thursday" -> "on Thursday, August 22, 2019"), as the spec asks of statements."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return {}
    year, month, date = (int(part) for part in day.split("-"))
    written = f"{calendar.month_name[month]} {date}, {year}"
    for position, token in enumerate(tokens):
        if token.lower_ not in WEEKDAY_NAMES or token.text not in time_text:
            continue
        following = tokens[position + 1 : position + 3]
        if any(t.lower_ in MONTH_NAMES or t.lower_ in ("'s", "’s") for t in following):
            return {}  # already dated ("Thursday, August 22") or possessive
        last = token
        if following and following[0].lower_ in _PARTS_OF_DAY:
            last = following[0]
        return {last.i: f"{last.text}, {written},"}
    return {}


def attribution_span(frame: Frame | None, tokens: list[Token]) -> list[str]:
    """ "The army said 15 soldiers had been killed and 22 wounded": an item too short to carry
    its claim gets its attribution as a second span (guide: extended to adjacent attribution)."""
    if frame is None or frame.verb is None or len(quote(tokens)) >= MIN_EVIDENCE_CHARS:
        return []
    verb = frame.verb
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    # "the army said" or, inverted, "said Fenn"
    start = min(subject[0].left_edge.i, verb.i) if subject else verb.i
    end = max(subject[0].right_edge.i, verb.i) if subject else verb.i
    return [quote(list(verb.doc[start : end + 1]))]
