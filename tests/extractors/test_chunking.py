"""Splitting long articles into overlapping chunks and merging the chunks' claims."""

from __future__ import annotations

import itertools
import random
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


def reference_merge(chunks: list[Chunk], claims: list[LocatedClaim]) -> list[DraftClaim]:
    """The merge rule applied to every pair of claims, as it was first written."""

    def duplicates(earlier: LocatedClaim, later: LocatedClaim) -> bool:
        if normalize_statement(earlier.claim.statement) == normalize_statement(
            later.claim.statement
        ):
            return True
        if earlier.chunk == later.chunk:
            return False
        shared_start = chunks[later.chunk].start
        shared_end = min(chunks[earlier.chunk].end, chunks[later.chunk].shared_until)
        return any(
            max(a_start, b_start, shared_start) < min(a_end, b_end, shared_end)
            for a_start, a_end in earlier.spans
            for b_start, b_end in later.spans
        )

    kept: list[LocatedClaim] = []
    for candidate in claims:
        if not any(duplicates(earlier, candidate) for earlier in kept):
            kept.append(candidate)
    return [located.claim for located in kept]


def random_chunks(rng: random.Random) -> list[Chunk]:
    """Chunks of a random article as split_into_chunks makes them, or arbitrary ones."""
    if rng.random() < 0.7:
        text = "\n\n".join(paragraphs(rng.randrange(1, 15), length=rng.randrange(40, 120)))
        return split_into_chunks(text, rng.randrange(100, 400))
    chunks = []
    for _ in range(rng.randrange(1, 6)):
        start = rng.randrange(0, 300)
        chunks.append(Chunk(start, "x" * rng.randrange(1, 150), rng.randrange(0, 400)))
    return chunks


def random_claims(rng: random.Random, chunks: list[Chunk]) -> list[LocatedClaim]:
    """Claims with spans in (or, now and then, around) their chunk, mostly in chunk order."""
    claims = []
    for _ in range(rng.randrange(0, 40)):
        index = rng.randrange(len(chunks))
        chunk = chunks[index]
        spans = []
        for _ in range(rng.randrange(1, 4)):
            start = rng.randrange(chunk.start - 5, chunk.end + 5)
            spans.append((start, start + rng.randrange(-2, 60)))
        statement = rng.choice(["The port opened.", "the port opened", "Ships left."])
        if rng.random() < 0.6:
            statement = f"Claim {rng.randrange(1000)}."
        claims.append(LocatedClaim(claim=draft(statement), spans=tuple(spans), chunk=index))
    if rng.random() < 0.8:
        claims.sort(key=lambda claim: claim.chunk)
    return claims


def test_merge_keeps_the_same_claims_as_comparing_every_pair_on_random_inputs() -> None:
    rng = random.Random(1729)
    for _ in range(600):
        chunks = random_chunks(rng)
        claims = random_claims(rng, chunks)

        merged = merge_chunk_claims(chunks, claims)

        assert [id(c) for c in merged] == [id(c) for c in reference_merge(chunks, claims)]


def test_merge_of_thousands_of_claims_keeps_each_shared_paragraph_once() -> None:
    # Differently worded claims of two chunks about the paragraph they share: the pairwise
    # merge took tens of seconds for this many.
    parts = paragraphs(3000)
    text = "\n\n".join(parts)
    chunks = split_into_chunks(text, 1000)
    claims: list[LocatedClaim] = []
    first_claim: dict[str, int] = {}  # paragraph -> index of the first claim quoting it
    for index, chunk in enumerate(chunks):
        for part in chunk.text.split("\n\n"):
            start = text.index(part, chunk.start)
            first_claim.setdefault(part, len(claims))
            statement = f"{part.split(' says')[0]} as read in chunk {index}."
            claims.append(located(statement, (start, start + len(part)), chunk=index))

    merged = merge_chunk_claims(chunks, claims)

    assert len(claims) == 3000 + len(chunks) - 1
    assert merged == [claims[first].claim for first in first_claim.values()]
