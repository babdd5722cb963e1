"""Locate evidence quotes in the article text: the only place offsets are computed.

A quote is located by the first of three stages that finds it:

1. exact: the quote as given (alignment `exact`, no score);
2. folded: quote marks, dashes, whitespace and the spaces around punctuation folded
   (`fold`); a model-inserted ellipsis splits the quote into parts that must follow each
   other within MAX_ELLIPSIS_GAP characters (alignment `fuzzy`, no score: the quote is the
   text up to folding, as for every fuzzy span stored before scores existed);
3. aligned: for quotes of at least MIN_FUZZY_CHARS characters and MIN_FUZZY_WORDS words,
   a rapidfuzz alignment inside a few candidate windows found by the quote's rarest words.
   The located text must have the quote's content words in the same order, its numbers
   and its negations (so only function words, punctuation, casing and number formatting
   may differ) and score at least FUZZY_MIN_SCORE (alignment `fuzzy`, score = similarity).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from schemas.claims import Alignment, Claim, DraftClaim, Span
from service.folding import (
    WORD,
    FoldedText,
    evidence_change,
    fold,
    is_function_word,
    lower_same_length,
)

# The lowest similarity (rapidfuzz Indel, 0..1, of the folded, lower-cased quote and the
# located text) at which an aligned quote grounds. Chosen from the 108 labelled cases in
# evals/alignment/ (`.venv/bin/python -m evals.alignment` prints every score): the midpoint
# between the lowest altered quote (0.9474, one added function word in a 40-character
# quote) and the highest paraphrase that passes the word, number and negation checks
# (0.9333, function words rewritten in four places). Similarity alone does not separate
# near-misses (a changed number or name scores up to 0.9956); the checks reject those.
FUZZY_MIN_SCORE = 0.940
MIN_FUZZY_CHARS = 20  # shorter quotes must match exactly or folded
MIN_FUZZY_WORDS = 4
MAX_ELLIPSIS_GAP = 200  # characters of article an inserted ellipsis may stand for

_RARE_WORDS = 4  # quote words whose occurrences propose candidate windows
_MAX_HITS_PER_WORD = 200  # occurrences per word considered, nearest the anchor first
_MAX_WINDOWS = 6  # candidate windows aligned per quote
_MAX_ELLIPSIS_STARTS = 20  # occurrences of an ellipsis quote's first part tried

_ELLIPSIS = re.compile(r"\.{3,}")
_PART_EDGES = " ,;:-"  # left over at the ends of a quote's parts after an ellipsis
_APOSTROPHES = "'\u2019\u02bc"


class QuoteNotFound(ValueError):
    """A quote that no stage locates in the article (exact, folded or aligned)."""

    def __init__(self, quote: str) -> None:
        super().__init__(f"quote not found verbatim in the article: {quote!r}")
        self.quote = quote


def _nearest(
    haystack: str, needle: str, anchor: int | None, origin: list[int] | None = None
) -> int:
    """Index of the occurrence of `needle` nearest `anchor` (the earlier on a tie), or -1.

    `origin` maps haystack indices to the offsets `anchor` is given in (the identity when
    None). Searches outward from the anchor instead of listing every occurrence, so one
    quote costs the distance to its match, not the length of the article.
    """
    if anchor is None:
        return haystack.find(needle)
    split = _first_index_at(anchor, origin)
    after = haystack.find(needle, split)
    low = 0
    if after != -1:
        distance = (after if origin is None else origin[after]) - anchor
        low = _first_index_at(anchor - distance, origin)
    # The last occurrence starting in [low, split) is at least as near as `after`.
    before = haystack.rfind(needle, low, split - 1 + len(needle))
    return before if before != -1 else after


def _first_index_at(offset: int, origin: list[int] | None) -> int:
    """The first haystack index whose offset is at least `offset` (never negative)."""
    return max(offset, 0) if origin is None else bisect.bisect_left(origin, offset)


def _distance(offset: int, anchor: int | None) -> int:
    """How far `offset` is from `anchor`; without an anchor, earlier offsets are nearer."""
    return offset if anchor is None else abs(offset - anchor)


def _splits_word(text: str, offset: int) -> bool:
    """True when a span edge at `offset` would cut a word, "Korea’s" or "5,000" in two."""
    if offset <= 0 or offset >= len(text):
        return False
    left, right = text[offset - 1], text[offset]
    if left.isalnum() and right.isalnum():
        return True
    if offset + 1 < len(text) and _joins(left, right, text[offset + 1]):
        return True
    return offset >= 2 and _joins(text[offset - 2], left, right)


def _joins(before: str, middle: str, after: str) -> bool:
    """True when `middle` is inside a word: an apostrophe, or a separator inside a number."""
    if middle in _APOSTROPHES:
        return before.isalnum() and after.isalnum()
    return middle in ".," and before.isdigit() and after.isdigit()


def _is_window_word(word: str) -> bool:
    """True for quote words worth looking up to find candidate windows."""
    return not is_function_word(word) and (len(word) > 2 or word.isdigit())


@dataclass(frozen=True)
class FuzzyCandidate:
    """The best aligned stretch of the article for a quote, before the threshold applies."""

    start: int  # offsets in the original article text
    end: int
    score: float  # similarity of the folded, lower-cased quote and stretch, 0..1
    change: str  # how the stretch says something else than the quote; "" when it does not


class Grounder:
    """Locates quotes in one article; build once per article and reuse for every quote."""

    def __init__(self, article_text: str, *, min_score: float = FUZZY_MIN_SCORE) -> None:
        self.text = article_text
        self.min_score = min_score
        self._folded: FoldedText | None = None
        self._lowered: str | None = None
        self._words: dict[str, list[int]] | None = None

    @property
    def folded(self) -> FoldedText:
        """The folded article, computed on first use (exact matches never need it)."""
        if self._folded is None:
            self._folded = FoldedText.of(self.text)
        return self._folded

    @property
    def lowered(self) -> str:
        """The folded article lower-cased, for the aligned stage."""
        if self._lowered is None:
            self._lowered = lower_same_length(self.folded.text)
        return self._lowered

    @property
    def words(self) -> dict[str, list[int]]:
        """Where each word of the lowered article starts, for finding candidate windows."""
        if self._words is None:
            self._words = {}
            for match in WORD.finditer(self.lowered):
                self._words.setdefault(match.group(), []).append(match.start())
        return self._words

    def locate(self, quote: str, *, anchor: int | None = None) -> Span:
        """Return the span of `quote`: exact match first, then folded, then aligned.

        With several occurrences the one nearest `anchor` wins (the first when no anchor).
        Raises QuoteNotFound when no stage locates the quote.
        """
        stripped = quote.strip()
        if not stripped:
            raise QuoteNotFound(quote)
        start = _nearest(self.text, stripped, anchor)
        if start != -1:
            return Span(
                start=start,
                end=start + len(stripped),
                text=stripped,
                alignment=Alignment.exact,
            )
        folded_quote = fold(stripped)
        if folded_quote:
            for stage in (self._folded_span, self._ellipsis_span, self._aligned_span):
                span = stage(folded_quote, anchor)
                if span is not None:
                    return span
        raise QuoteNotFound(quote)

    def _span(self, folded_start: int, folded_end: int) -> Span:
        """The fuzzy span of the original text behind folded[folded_start:folded_end]."""
        origin = self.folded.origin
        start, end = origin[folded_start], origin[folded_end - 1] + 1
        return Span(start=start, end=end, text=self.text[start:end], alignment=Alignment.fuzzy)

    def _folded_span(self, folded_quote: str, anchor: int | None) -> Span | None:
        folded = self.folded
        found = _nearest(folded.text, folded_quote, anchor, folded.origin)
        return None if found == -1 else self._span(found, found + len(folded_quote))

    def _ellipsis_span(self, folded_quote: str, anchor: int | None) -> Span | None:
        """Span from the first to the last part of a quote with a model-inserted ellipsis."""
        if not _ELLIPSIS.search(folded_quote):
            return None
        parts = [part.strip(_PART_EDGES) for part in _ELLIPSIS.split(folded_quote)]
        parts = [part for part in parts if WORD.search(part)]
        if not parts:
            return None
        for first in self._occurrences(parts[0], anchor):
            end = self._follow(first + len(parts[0]), parts[1:])
            if end is not None:
                return self._span(first, end)
        return None

    def _occurrences(self, needle: str, anchor: int | None) -> list[int]:
        """Folded indices where `needle` starts, nearest `anchor` first (a bounded number)."""
        text, origin = self.folded.text, self.folded.origin
        found: list[int] = []
        index = text.find(needle)
        while index != -1:
            found.append(index)
            index = text.find(needle, index + 1)
        found.sort(key=lambda index: (_distance(origin[index], anchor), index))
        return found[:_MAX_ELLIPSIS_STARTS]

    def _follow(self, end: int, parts: list[str]) -> int | None:
        """Folded end of `parts` found one after another from `end`, each gap bounded."""
        text, origin = self.folded.text, self.folded.origin
        for part in parts:
            limit = bisect.bisect_right(origin, origin[end - 1] + MAX_ELLIPSIS_GAP + 1)
            found = text.find(part, end, limit + len(part))
            if found == -1:
                return None
            end = found + len(part)
        return end

    def _aligned_span(self, folded_quote: str, anchor: int | None) -> Span | None:
        found = self.fuzzy_candidate(folded_quote, anchor=anchor)
        if found is None or found.change or found.score < self.min_score:
            return None
        text = self.text[found.start : found.end]
        return Span(
            start=found.start,
            end=found.end,
            text=text,
            alignment=Alignment.fuzzy,
            score=found.score,
        )

    def fuzzy_candidate(self, quote: str, *, anchor: int | None = None) -> FuzzyCandidate | None:
        """The best aligned stretch for `quote`, whatever its score; None for short quotes.

        Stretches that keep the quote's evidence win over those that do not, then the
        higher score, then the one nearer `anchor`.
        """
        needle = lower_same_length(fold(quote))
        if len(needle) < MIN_FUZZY_CHARS or len(WORD.findall(needle)) < MIN_FUZZY_WORDS:
            return None
        found = [self._align(needle, low, high) for low, high in self._windows(needle, anchor)]
        return max(
            (candidate for candidate in found if candidate is not None),
            key=lambda c: (not c.change, c.score, -_distance(c.start, anchor)),
            default=None,
        )

    def _windows(self, needle: str, anchor: int | None) -> list[tuple[int, int]]:
        """Folded (low, high) windows where the quote's rarest words point to its start."""
        words, origin = self.words, self.folded.origin
        offsets: dict[str, int] = {}
        for match in WORD.finditer(needle):
            if _is_window_word(match.group()) and match.group() in words:
                offsets.setdefault(match.group(), match.start())
        rarest = sorted(offsets, key=lambda word: len(words[word]))[:_RARE_WORDS]
        votes: list[tuple[int, str]] = []
        for word in rarest:
            hits = words[word]
            if len(hits) > _MAX_HITS_PER_WORD:
                hits = sorted(hits, key=lambda hit: _distance(origin[hit], anchor))
                hits = hits[:_MAX_HITS_PER_WORD]
            votes.extend((hit - offsets[word], word) for hit in hits)
        groups = _group_votes(sorted(votes), radius=max(8, len(needle) // 4))
        groups.sort(key=lambda g: (-len(g[2]), _distance(origin[max(g[0], 0)], anchor), g[0]))
        pad = len(needle) // 4 + 16
        size = len(self.lowered)
        return [
            (max(0, first - pad), min(size, last + len(needle) + pad))
            for first, last, _words in groups[:_MAX_WINDOWS]
        ]

    def _align(self, needle: str, low: int, high: int) -> FuzzyCandidate | None:
        """The best stretch of lowered[low:high] for `needle`, snapped to word edges."""
        lowered, origin = self.lowered, self.folded.origin
        rough = fuzz.partial_ratio_alignment(needle, lowered[low:high])
        if rough is None:
            return None
        start, end = low + rough.dest_start, low + rough.dest_end
        reach = 12 + len(needle) // 10
        starts = [i for i in range(start - reach, start + reach + 1) if self._starts_word(i)]
        ends = [j for j in range(end - reach, end + reach + 1) if self._ends_word(j)]
        pairs = sorted(
            ((i, j) for i in starts for j in ends if i < j),
            key=lambda pair: abs(pair[0] - start) + abs(pair[1] - end),
        )
        if not pairs:
            return None
        choices = [lowered[i:j] for i, j in pairs]
        _, score, best = process.extractOne(needle, choices, scorer=Indel.normalized_similarity)
        i, j = pairs[best]
        return FuzzyCandidate(
            start=origin[i],
            end=origin[j - 1] + 1,
            score=score,
            change=evidence_change(needle, lowered[i:j]),
        )

    def _starts_word(self, index: int) -> bool:
        """True when a span may start at folded `index`: not in a word or a space."""
        folded = self.folded
        if index < 0 or index >= len(folded.text) or folded.text[index] == " ":
            return False
        if index > 0 and folded.origin[index - 1] == folded.origin[index]:
            return False  # inside a character folded to several ("…" -> "...")
        return not _splits_word(self.text, folded.origin[index])

    def _ends_word(self, index: int) -> bool:
        """True when a span may end before folded `index`: not in a word or after a space."""
        folded = self.folded
        if index <= 0 or index > len(folded.text) or folded.text[index - 1] == " ":
            return False
        if index < len(folded.text) and folded.origin[index] == folded.origin[index - 1]:
            return False
        return not _splits_word(self.text, folded.origin[index - 1] + 1)

    def ground(self, draft: DraftClaim) -> Claim:
        """Turn a draft claim into a claim with located spans; raises QuoteNotFound."""
        spans = []
        anchor = draft.anchor
        for quote in draft.evidence:
            span = self.locate(quote, anchor=anchor)
            spans.append(span)
            anchor = span.end  # later quotes of one claim usually follow the earlier ones
        unique = list({(s.start, s.end): s for s in spans}.values())
        fields = draft.model_dump(exclude={"evidence", "anchor"})
        return Claim(**fields, evidence=unique)


def _group_votes(votes: list[tuple[int, str]], radius: int) -> list[tuple[int, int, set[str]]]:
    """Sorted (start, word) votes grouped when within `radius` of a group's first vote."""
    groups: list[tuple[int, int, set[str]]] = []
    for start, word in votes:
        if groups and start - groups[-1][0] <= radius:
            first, _last, words = groups[-1]
            groups[-1] = (first, start, words | {word})
        else:
            groups.append((start, start, {word}))
    return groups


@dataclass
class GroundingResult:
    """Claims whose quotes were all located, and the drafts that were dropped with why."""

    claims: list[Claim]
    dropped: list[tuple[DraftClaim, str]]


def ground_claims(article_text: str, drafts: list[DraftClaim]) -> GroundingResult:
    """Ground every draft; a draft with any unlocatable quote is dropped and reported."""
    grounder = Grounder(article_text)
    claims: list[Claim] = []
    dropped: list[tuple[DraftClaim, str]] = []
    for draft in drafts:
        try:
            claims.append(grounder.ground(draft))
        except QuoteNotFound as error:
            dropped.append((draft, str(error)))
    return GroundingResult(claims=claims, dropped=dropped)
