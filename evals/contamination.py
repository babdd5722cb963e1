"""Contamination: does text shown to a model (outside the article) repeat evaluation data?

A prompt that quotes gold articles, or their figures, inflates every score measured on
them. Two checks, over everything a prompt version sends besides the article (system
message, user template, output schema) and over its files:

- any run of SHINGLE_WORDS consecutive words shared with a reference article;
- any quoted fragment holding a figure ('around 4,000', "by May 3") that occurs in a
  reference article, and any figure followed by its noun ("4,000 troops") that does.

Reference articles are the gold files' texts and the test fixtures' articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SHINGLE_WORDS = 6
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PAIRED_QUOTES = re.compile(r"“([^”\n]{2,80})”|‘([^’\n]{2,80})’")
_FIGURE_NOUN = re.compile(r"\b\d[\d,.]*\s+[^\W\d_]{3,}")
_FIGURE_WORDS = re.compile(r"(?=.*\d)(?=.*[^\W\d_]{2,})")


@dataclass(frozen=True)
class Finding:
    """One piece of shown text that repeats a reference article."""

    kind: str  # "words" | "quoted figure" | "figure with noun"
    text: str
    reference: str  # which article


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes normalised."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive words."""
    tokens = words(text)
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _normal(text: str) -> str:
    return " ".join(words(text))


def reference_texts(*folders: Path) -> dict[str, str]:
    """Article texts by file name: gold JSON files (their `text`) and .txt fixtures."""
    texts: dict[str, str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("text"), str):
                texts[path.name] = data["text"]
        for path in sorted(folder.rglob("*.txt")):
            texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def _quoted(shown: str) -> Iterable[str]:
    """Every stretch between two neighbouring straight quotes of one kind, and every
    curly-quoted stretch. Neighbouring pairs overlap on purpose: an apostrophe ("article's")
    must not hide the quote that follows it."""
    for mark in ("'", '"'):
        for part in shown.split(mark)[1:-1]:
            if 2 <= len(part) <= 80 and "\n" not in part:
                yield part
    for match in _PAIRED_QUOTES.finditer(shown):
        yield match.group(1) or match.group(2)


def _figures(shown: str) -> Iterable[tuple[str, str]]:
    for fragment in _quoted(shown):
        # A figure in words ("around 4,000"), not JSON punctuation between two strings.
        if _FIGURE_WORDS.search(fragment) and not set(fragment) & set('{}[]:"'):
            yield "quoted figure", fragment
    for match in _FIGURE_NOUN.finditer(shown):
        yield "figure with noun", match.group()


def findings(shown: str, references: dict[str, str]) -> list[Finding]:
    """Everything in `shown` that repeats one of the reference articles."""
    found: list[Finding] = []
    shown_shingles = shingles(shown)
    for name, article in references.items():
        for shared in sorted(shown_shingles & shingles(article)):
            found.append(Finding("words", " ".join(shared), name))
        normal_article = f" {_normal(article)} "
        for kind, fragment in _figures(shown):
            normal = _normal(fragment)
            if normal and f" {normal} " in normal_article:
                found.append(Finding(kind, fragment, name))
    return found
