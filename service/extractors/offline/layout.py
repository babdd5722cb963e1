"""Article layout: lines into blocks, page furniture, datelines, headlines and speaker labels."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from service.datelines import find_dateline

# Transcript speaker labels: "MS. RUIZ: ...", "MODERATOR: ...".
_SPEAKER = re.compile(r"^((?:[A-Z][A-Z.'\-]*\s?){1,4}):\s+")
# A wire dateline opening a paragraph: "KARLOV, Vostria (AP) — ", "PELLAN — ", "(Reuters) - ".
_CAPITAL = "A-ZÀ-ÖØ-Þ"  # with the accented capitals of "BOGOTÁ", "SÃO PAULO"
_WIRE_DATELINE = re.compile(
    rf"^(?:[{_CAPITAL}][{_CAPITAL}.'\-]+(?:\s[{_CAPITAL}][{_CAPITAL}.'\-]+){{0,3}}"  # KARLOV
    rf"(?:,\s*[{_CAPITAL}\d][\w.'\-]+(?:\s[{_CAPITAL}\d][\w.'\-]*){{0,2}}){{0,2}}"  # , 11 March
    r"\s*(?:\([A-Z][\w ]{0,40}\))?\s*(?:[—–]|-{1,2}(?=\s))"  # (AP) —
    r"|\([A-Z][\w ]{0,20}\))\s*"  # (Wikinews)
)
# A press-release dateline in title case needs its full date: "Lorvik, 4 May 2023 — ".
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_RELEASE_DATELINE = re.compile(
    rf"^[{_CAPITAL}][\w.'\-]+(?:\s[{_CAPITAL}][\w.'\-]+){{0,3}},\s*"
    rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}),?\s+\d{{4}}"
    r"\s*(?:[—–]|-{1,2}(?=\s))\s*"
)
# Lines that are navigation, counters, credits or bylines, never claims.
_FURNITURE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(most (commented|read|popular|viewed|shared)|related( articles| stories| news)?)$",
        r"^(advertisement|share( this( article)?)?|read more|comments?|print|email|subscribe.*)$",
        r"^(sign up|follow us|click here|photo|image|video)\b.{0,40}$",
        r"^.{0,60}\b(views?|comments?|shares?)$",
        # "By Jane Doe, Reuters"; not "By Wednesday morning, 20 people had died."
        r"^by\s+(?-i:[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,3})(\s*[,|].{0,40})?(?<![.!?])$",
        r"^(\(|\[)?(reuters|ap|afp|upi|yonhap)(\)|\])?$",
        r"^[\W\d_]*$",
    )
]
# Transcript speakers whose turns are procedure (greetings, questions), not claims.
PROCEDURAL_SPEAKERS = frozenset({"MODERATOR", "OPERATOR", "Q", "QUESTION", "REPORTER", "HOST"})
_TERMINAL = tuple('.!?"”’)')
_MAX_HEADLINE_WORDS = 25


@dataclass(frozen=True)
class Block:
    """A stretch of article text processed as one unit (a paragraph or a headline)."""

    text: str
    start: int  # offset of text[0] in the article
    headline: bool = False
    speaker: str | None = None  # transcript speaker label in force, as written ("MS. RUIZ")


@dataclass(frozen=True)
class Layout:
    """The article's blocks plus any date the text itself states as its dateline."""

    blocks: list[Block]
    dateline: dt.date | None


def is_furniture(line: str) -> bool:
    """True for navigation, counters, bylines and other lines that never carry a claim."""
    return any(pattern.match(line) for pattern in _FURNITURE)


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their offsets, stripped of surrounding whitespace."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            lines.append((match.start() + raw.index(stripped), stripped))
    return lines


def _looks_like_headline(line: str) -> bool:
    return not line.endswith(_TERMINAL) and len(line.split()) <= _MAX_HEADLINE_WORDS


def split_blocks(text: str) -> Layout:
    """Split an article into claim-bearing blocks, dropping furniture and datelines."""
    blocks: list[Block] = []
    dateline = find_dateline(text)
    speaker: str | None = None
    for start, line in _lines(text):
        if dateline is not None and start == dateline.start:
            # "date 2024-10-27 <photo caption>": the caption after the date is kept
            rest = line[len(dateline.text) :]
            cut = len(line) - len(rest.lstrip())
            start, line = start + cut, line[cut:]
        if not line or is_furniture(line):
            continue
        label = _SPEAKER.match(line)
        if label and len(label.group(1).split()) <= 3:
            speaker = label.group(1).strip()
            start, line = start + label.end(), line[label.end() :]
        elif speaker in PROCEDURAL_SPEAKERS:
            speaker = None  # a question is one line; what follows unlabelled is the article's
        if speaker in PROCEDURAL_SPEAKERS:
            continue
        wire = _WIRE_DATELINE.match(line) or _RELEASE_DATELINE.match(line)
        if wire and wire.end() < len(line):
            start, line = start + wire.end(), line[wire.end() :]
        headline = not blocks and _looks_like_headline(line)
        if not headline and not line.endswith(_TERMINAL) and len(line.split()) <= 4:
            continue  # a short unpunctuated line in the body: a byline, label or link
        blocks.append(Block(text=line, start=start, headline=headline, speaker=speaker))
        if headline and label:
            speaker = None  # "WHO: Infections surpass 100,000": the headline's source only
    return Layout(blocks=blocks, dateline=dateline.date if dateline else None)
