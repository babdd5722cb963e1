"""The reference floor: every sentence is one claim with no fields filled in.

Eval reports score it beside the real extractors, so each figure is read against what
plain sentence splitting already achieves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from schemas.claims import ClaimKind, DraftClaim
from service.extractors.base import ArticleInput, ExtractionResult

if TYPE_CHECKING:
    from spacy.language import Language

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_][\w'’.-]*")
SUBJECT_WORDS = 2


@lru_cache(maxsize=1)
def _sentencizer() -> Language:
    """A blank English pipeline with only the rule-based sentencizer (fast, deterministic)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for every sentence; lines are split first, so headlines stand alone."""
    nlp = _sentencizer()
    for line in _LINE.finditer(text):
        for sentence in nlp(line.group()).sents:
            stripped = sentence.text.strip()
            if any(char.isalnum() for char in stripped):
                offset = line.start() + sentence.start_char + sentence.text.index(stripped)
                yield offset, stripped


def _subject(sentence: str) -> str:
    words = _WORD.findall(sentence)[:SUBJECT_WORDS]
    return " ".join(words) or "unknown"


class SentenceExtractor:
    """Every sentence one claim: statement and evidence are the sentence, kind `state`."""

    name = "sentences"
    cpu_bound = True  # workers run at most one per core

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """One draft claim per sentence of the article text."""
        claims = [
            DraftClaim(
                statement=sentence,
                kind=ClaimKind.state,
                subject=_subject(sentence),
                evidence=[sentence],
                anchor=offset,
            )
            for offset, sentence in split_sentences(article.text)
        ]
        return ExtractionResult(claims=claims)
