"""Locating quotes in article text and computing offsets."""

from __future__ import annotations

import random

import pytest

from schemas.claims import Alignment, DraftClaim
from service.grounding import FoldedText, Grounder, QuoteNotFound, fold, ground_claims

ARTICLE = (
    "Kim Jong Un\u2019s generals arrived. A senior official said, \u201cExpectedly, around "
    "5,000 troops will be mobilized\u201d \u2014 by October 28.\n\n"
    "Officials said more.  Officials said more.\n"
    "S\u00e3o Paulo turned dark \U0001f525 at 3:00 p.m."
)


def draft(*quotes: str, anchor: int | None = None) -> DraftClaim:
    """A draft claim citing the given quotes."""
    return DraftClaim(
        statement="A claim.", kind="event", subject="someone", evidence=list(quotes), anchor=anchor
    )


def test_exact_quote_is_located_with_its_offsets():
    span = Grounder(ARTICLE).locate("around 5,000 troops will be mobilized")
    assert ARTICLE[span.start : span.end] == span.text == "around 5,000 troops will be mobilized"
    assert span.alignment is Alignment.exact


def test_quote_with_straight_quotes_matches_curly_quotes_in_text():
    span = Grounder(ARTICLE).locate('said, "Expectedly, around 5,000 troops will be mobilized"')
    assert span.alignment is Alignment.fuzzy
    assert span.text == "said, \u201cExpectedly, around 5,000 troops will be mobilized\u201d"
    assert ARTICLE[span.start : span.end] == span.text


def test_quote_with_apostrophe_matches_curly_apostrophe():
    span = Grounder(ARTICLE).locate("Kim Jong Un's generals arrived")
    assert span.text == "Kim Jong Un\u2019s generals arrived"


def test_quote_with_hyphen_and_collapsed_whitespace_matches_em_dash_and_newlines():
    span = Grounder(ARTICLE).locate("mobilized\u201d - by October 28. Officials said more.")
    assert span.text.startswith("mobilized\u201d \u2014 by October 28.\n\nOfficials")
    assert ARTICLE[span.start : span.end] == span.text


def test_repeated_phrase_picks_the_occurrence_nearest_the_anchor():
    grounder = Grounder(ARTICLE)
    first = grounder.locate("Officials said more.")
    second_start = ARTICLE.index("Officials said more.", first.end)
    second = grounder.locate("Officials said more.", anchor=second_start - 3)
    assert first.start == ARTICLE.index("Officials said more.")
    assert second.start == second_start


def test_repeated_phrase_without_anchor_picks_the_first_occurrence():
    span = Grounder(ARTICLE).locate("Officials said")
    assert span.start == ARTICLE.index("Officials said")


def test_offsets_count_code_points_with_non_ascii_and_astral_characters():
    span = Grounder(ARTICLE).locate("dark \U0001f525 at 3:00 p.m.")
    assert ARTICLE[span.start : span.end] == "dark \U0001f525 at 3:00 p.m."
    assert span.end - span.start == len("dark \U0001f525 at 3:00 p.m.")


def test_fuzzy_match_after_non_ascii_maps_back_to_original_offsets():
    span = Grounder(ARTICLE).locate("S\u00e3o   Paulo turned dark")
    assert span.text == "S\u00e3o Paulo turned dark"
    assert ARTICLE[span.start : span.end] == span.text


def test_quote_surrounding_whitespace_is_ignored():
    span = Grounder(ARTICLE).locate("  generals arrived.\n")
    assert span.text == "generals arrived."


@pytest.mark.parametrize("quote", ["troops were never mobilized", "", "   "])
def test_unlocatable_quote_raises(quote: str):
    with pytest.raises(QuoteNotFound):
        Grounder(ARTICLE).locate(quote)


def test_fold_collapses_whitespace_and_folds_quotes_and_dashes():
    assert fold(" \u201cA\u201d \u2014\n\tB\u2019s ") == '"A" - B\'s'


def test_ground_claims_keeps_located_drafts_and_reports_the_rest():
    result = ground_claims(ARTICLE, [draft("generals arrived"), draft("generals", "nowhere")])
    assert len(result.claims) == 1
    assert result.claims[0].evidence[0].text == "generals arrived"
    (_draft, reason) = result.dropped[0]
    assert "nowhere" in reason


def test_grounding_deduplicates_identical_spans_of_one_claim():
    result = ground_claims(ARTICLE, [draft("generals arrived", "generals arrived")])
    assert len(result.claims[0].evidence) == 1


def reference_locate(text: str, quote: str, anchor: int | None) -> tuple[int, int] | None:
    """Offsets of `quote` by listing every occurrence and taking the nearest (the old way)."""

    def occurrences(haystack: str, needle: str) -> list[int]:
        return [i for i in range(len(haystack)) if haystack.startswith(needle, i)]

    def nearest(starts: list[int]) -> int:
        return starts[0] if anchor is None else min(starts, key=lambda s: (abs(s - anchor), s))

    stripped = quote.strip()
    if starts := occurrences(text, stripped):
        start = nearest(starts)
        return start, start + len(stripped)
    folded = FoldedText.of(text)
    folded_quote = fold(stripped)
    starts = occurrences(folded.text, folded_quote)
    if not starts:
        return None
    chosen = nearest([folded.origin[s] for s in starts])
    folded_start = next(s for s in starts if folded.origin[s] == chosen)
    return chosen, folded.origin[folded_start + len(folded_quote) - 1] + 1


def random_text(rng: random.Random, length: int) -> str:
    """Text from a tiny alphabet with curly quotes, dashes and whitespace runs."""
    return "".join(rng.choice("ab ab\u2019'\u2014-\n  \u00a0") for _ in range(length))


def test_located_quote_is_the_nearest_occurrence_of_all_for_random_texts_and_anchors():
    rng = random.Random(20240611)
    for _ in range(3000):
        text = random_text(rng, rng.randrange(1, 40))
        quote = random_text(rng, rng.randrange(1, 5))
        if rng.random() < 0.5:  # often a real substring, so exact matches happen
            start = rng.randrange(len(text))
            quote = text[start : start + rng.randrange(1, 6)]
        anchor = rng.choice([None, rng.randrange(-3, len(text) + 4)])
        try:
            span = Grounder(text).locate(quote, anchor=anchor)
        except QuoteNotFound:
            assert not quote.strip() or reference_locate(text, quote, anchor) is None
            continue
        assert (span.start, span.end) == reference_locate(text, quote, anchor)
        assert span.text == text[span.start : span.end]


def test_repeated_phrase_before_and_after_the_anchor_at_equal_distance_picks_the_earlier():
    text = "ab..ab"
    assert Grounder(text).locate("ab", anchor=2).start == 0
    assert Grounder(text).locate("ab", anchor=3).start == 4


def test_fuzzy_repeated_phrase_picks_the_occurrence_nearest_the_anchor():
    text = "it\u2019s here. it\u2019s here. it\u2019s here."
    third = text.rindex("it")

    span = Grounder(text).locate("it's here.", anchor=third - 2)

    assert span.start == third and span.alignment is Alignment.fuzzy
