"""Splitting long articles into overlapping chunks and merging the chunks' claims."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from schemas.claims import ClaimKind, DraftClaim
from service.extractors.chunking import (
    Chunk,
    LocatedClaim,
    merge_chunk_claims,
    normalize_statement,
    split_into_chunks,
)

ARTICLES = sorted((Path(__file__).parents[1] / "fixtures" / "articles").glob("*.txt"))


def paragraphs(count: int, length: int = 90) -> list[str]:
    """Distinct paragraphs of about `length` characters."""
    filler = " word" * ((length - 30) // 5)
    return [f"Paragraph {n} says something.{filler}" for n in range(count)]


def assert_valid_chunks(text: str, chunks: list[Chunk], max_chars: int) -> None:
    """Each chunk is a slice of the text within the limit, and together they cover it."""
    covered = 0
    for chunk in chunks:
        assert chunk.text == text[chunk.start : chunk.end]
        assert len(chunk.text) <= max_chars
        assert text[covered : chunk.start].strip() == ""  # nothing skipped but whitespace
        covered = max(covered, chunk.end)
    assert text[covered:].strip() == ""


def test_short_article_is_one_chunk_of_the_whole_text() -> None:
    text = "\n\n".join(paragraphs(3))

    assert split_into_chunks(text, 12_000) == [Chunk(start=0, text=text, shared_until=0)]


def test_chunks_end_on_paragraph_boundaries_and_share_one_paragraph() -> None:
    parts = paragraphs(10)
    text = "\n\n".join(parts)

    chunks = split_into_chunks(text, 300)

    assert len(chunks) > 1
    assert_valid_chunks(text, chunks, 300)
    for chunk in chunks:
        assert chunk.text.startswith("Paragraph") and chunk.text.endswith("word")
    for previous, current in itertools.pairwise(chunks):
        shared = text[current.start : previous.end]
        assert shared in parts  # exactly one whole paragraph overlaps
        assert current.shared_until == previous.end


def test_paragraph_longer_than_a_chunk_is_split_at_line_breaks() -> None:
    lines = [f"Line {n} of a list without blank lines." for n in range(12)]
    text = "Intro paragraph.\n\n" + "\n".join(lines)

    chunks = split_into_chunks(text, 120)

    assert_valid_chunks(text, chunks, 120)
    assert all(chunk.text.endswith(".") for chunk in chunks)


def test_paragraph_without_line_breaks_is_split_at_sentence_ends() -> None:
    text = " ".join(f'Sentence {n} ends with a quote "here."' for n in range(12))

    chunks = split_into_chunks(text, 100)

    assert_valid_chunks(text, chunks, 100)
    assert all(chunk.text.endswith('"here."') for chunk in chunks)


def test_text_without_any_boundary_is_cut_at_spaces() -> None:
    text = "word " * 100

    chunks = split_into_chunks(text.strip(), 64)

    assert_valid_chunks(text.strip(), chunks, 64)
    assert all(chunk.text.split() and set(chunk.text.split()) == {"word"} for chunk in chunks)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem[:12])
def test_fixture_articles_split_into_valid_chunks(article: Path) -> None:
    text = article.read_text(encoding="utf-8")

    assert_valid_chunks(text, split_into_chunks(text, 800), 800)


def draft(statement: str, quote: str = "quote") -> DraftClaim:
    """A minimal draft claim."""
    return DraftClaim(statement=statement, kind=ClaimKind.event, subject="it", evidence=[quote])


def located(statement: str, span: tuple[int, int], chunk: int) -> LocatedClaim:
    """A draft claim whose evidence sits at `span` in the article."""
    return LocatedClaim(claim=draft(statement), spans=(span,), chunk=chunk)


# Two chunks sharing characters 100-150 of a 250-character article.
CHUNKS = [
    Chunk(start=0, text="x" * 150, shared_until=0),
    Chunk(start=100, text="x" * 150, shared_until=150),
]


def test_statements_equal_after_normalisation_are_merged() -> None:
    first = located("The port opened on Monday.", (10, 40), chunk=0)
    second = located("the port  opened on monday", (200, 230), chunk=1)

    assert merge_chunk_claims(CHUNKS, [first, second]) == [first.claim]


def test_claims_of_two_chunks_quoting_the_shared_paragraph_are_merged() -> None:
    first = located("About 1,200 people used the ferry.", (105, 140), chunk=0)
    second = located("The ferry carried about 1,200 passengers.", (110, 140), chunk=1)

    assert merge_chunk_claims(CHUNKS, [first, second]) == [first.claim]


def test_claims_of_one_chunk_sharing_a_quote_are_both_kept() -> None:
    first = located("The ferry opened.", (105, 140), chunk=1)
    second = located("The ferry is run by the port.", (105, 140), chunk=1)

    assert merge_chunk_claims(CHUNKS, [first, second]) == [first.claim, second.claim]


def test_claims_of_two_chunks_with_separate_quotes_are_both_kept() -> None:
    first = located("The ferry opened.", (10, 40), chunk=0)
    second = located("The ferry will expand.", (160, 200), chunk=1)

    assert merge_chunk_claims(CHUNKS, [first, second]) == [first.claim, second.claim]


def test_normalised_statement_ignores_case_punctuation_and_curly_quotes() -> None:
    assert normalize_statement("The “Blue” line  opened!") == normalize_statement(
        'the "blue" line opened'
    )
