"""Locate evidence quotes in the article text: the only place offsets are computed."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from schemas.claims import Alignment, Claim, DraftClaim, Span

# Characters folded together by the lenient match: quotes, apostrophes and dashes.
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
        "\u2033": '"', "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-",
        "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ",
    }
)  # fmt: skip
_WHITESPACE = re.compile(r"\s+")


class QuoteNotFound(ValueError):
    """A quote that occurs nowhere in the article, even after folding."""

    def __init__(self, quote: str) -> None:
        super().__init__(f"quote not found verbatim in the article: {quote!r}")
        self.quote = quote


@dataclass(frozen=True)
class FoldedText:
    """Article text with whitespace runs collapsed and quotes/dashes folded, plus an offset map."""

    text: str
    origin: list[int]  # origin[i] = offset in the original text of folded character i

    @classmethod
    def of(cls, original: str) -> FoldedText:
        """Fold `original`, remembering where each folded character came from."""
        chars: list[str] = []
        origin: list[int] = []
        previous_space = False
        for offset, char in enumerate(original.translate(_FOLD)):
            if char.isspace():
                if previous_space:
                    continue
                char, previous_space = " ", True
            else:
                previous_space = False
            chars.append(char)
            origin.append(offset)
        return cls("".join(chars), origin)


def fold(text: str) -> str:
    """Collapse whitespace and fold curly quotes and dashes, as the lenient match does."""
    return _WHITESPACE.sub(" ", text.translate(_FOLD)).strip()


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


class Grounder:
    """Locates quotes in one article; build once per article and reuse for every quote."""

    def __init__(self, article_text: str) -> None:
        self.text = article_text
        self._folded: FoldedText | None = None

    @property
    def folded(self) -> FoldedText:
        """The folded article, computed on first use (exact matches never need it)."""
        if self._folded is None:
            self._folded = FoldedText.of(self.text)
        return self._folded

    def locate(self, quote: str, *, anchor: int | None = None) -> Span:
        """Return the span of `quote`: exact match first, then the folded match.

        With several occurrences the one nearest `anchor` wins (the first when no anchor).
        Raises QuoteNotFound when the quote is nowhere in the text.
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
        folded = self.folded
        folded_start = _nearest(folded.text, folded_quote, anchor, folded.origin)
        if folded_start == -1:
            raise QuoteNotFound(quote)
        start = folded.origin[folded_start]
        end = folded.origin[folded_start + len(folded_quote) - 1] + 1
        return Span(start=start, end=end, text=self.text[start:end], alignment=Alignment.fuzzy)

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
