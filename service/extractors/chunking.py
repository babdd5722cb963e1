"""Split long articles into overlapping chunks for the model, and merge the chunks' claims.

Chunks end on paragraph boundaries (blank lines, else line breaks, else sentence ends),
hold at most `max_chars` characters, and repeat the previous chunk's last paragraph so a
claim that needs it keeps its context. Each chunk is a slice of the article and knows its
start offset, so quotes found in a chunk map back to article offsets exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.claims import DraftClaim
from service.grounding import fold

# Boundaries tried in order (group 1 is the gap between units): a unit longer than a
# chunk is split at the next kind.
_BOUNDARIES = (
    re.compile(r"(\n[^\S\n]*\n\s*)"),  # blank line(s)
    re.compile(r"(\n\s*)"),  # line break
    re.compile(r"[.!?][\"'”’)\]]*(\s+)"),  # sentence end, after any closing quote
)


@dataclass(frozen=True)
class Chunk:
    """A slice of the article: text == article[start:end]; shared_until marks the overlap."""

    start: int
    text: str
    shared_until: int  # characters before this offset also end the previous chunk

    @property
    def end(self) -> int:
        """Offset one past the chunk's last character in the article."""
        return self.start + len(self.text)


@dataclass(frozen=True)
class LocatedClaim:
    """A chunk's draft claim with the article offsets of its evidence."""

    claim: DraftClaim
    spans: tuple[tuple[int, int], ...]
    chunk: int


def split_into_chunks(text: str, max_chars: int) -> list[Chunk]:
    """Split `text` into chunks of at most `max_chars`, overlapping by one paragraph."""
    if len(text) <= max_chars:
        return [Chunk(start=0, text=text, shared_until=0)]
    units = _units(text, 0, len(text), max_chars, level=0)
    chunks: list[Chunk] = []
    first = 0
    while True:
        last = first
        while last + 1 < len(units) and units[last + 1][1] - units[first][0] <= max_chars:
            last += 1
        start, end = units[first][0], units[last][1]
        shared_until = chunks[-1].end if chunks else start
        chunks.append(Chunk(start=start, text=text[start:end], shared_until=shared_until))
        if last + 1 == len(units):
            return chunks
        # Repeat the last unit in the next chunk when that still makes progress and fits.
        overlap_fits = units[last + 1][1] - units[last][0] <= max_chars
        first = last if last > first and overlap_fits else last + 1


def _units(text: str, start: int, end: int, max_chars: int, level: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the trimmed pieces of text[start:end], each <= max_chars."""
    piece = text[start:end]
    start, end = start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
    if start >= end:
        return []
    if end - start <= max_chars:
        return [(start, end)]
    if level == len(_BOUNDARIES):
        return _hard_cut(text, start, end, max_chars)
    pieces: list[tuple[int, int]] = []
    position = start
    for boundary in _BOUNDARIES[level].finditer(text, start, end):
        pieces.append((position, boundary.start(1)))
        position = boundary.end(1)
    pieces.append((position, end))
    units: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        units.extend(_units(text, piece_start, piece_end, max_chars, level + 1))
    return units


def _hard_cut(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut a boundary-free run at the last space that fits (or anywhere, if none)."""
    units: list[tuple[int, int]] = []
    while end - start > max_chars:
        space = text.rfind(" ", start + 1, start + max_chars)
        cut = space if space != -1 else start + max_chars
        units.append((start, cut))
        start = cut + 1 if space != -1 else cut
    units.append((start, end))
    return units


def normalize_statement(statement: str) -> str:
    """Case-, punctuation- and whitespace-insensitive form of a statement."""
    return " ".join(re.findall(r"\w+", fold(statement).casefold()))


def merge_chunk_claims(chunks: list[Chunk], claims: list[LocatedClaim]) -> list[DraftClaim]:
    """Claims of all chunks in order, keeping one of each duplicate.

    Duplicates: the same statement after normalisation, or claims of different chunks
    whose evidence overlaps inside the paragraph those chunks share.
    """
    kept: list[LocatedClaim] = []
    for candidate in claims:
        if not any(_duplicates(earlier, candidate, chunks) for earlier in kept):
            kept.append(candidate)
    return [located.claim for located in kept]


def _duplicates(earlier: LocatedClaim, later: LocatedClaim, chunks: list[Chunk]) -> bool:
    if normalize_statement(earlier.claim.statement) == normalize_statement(later.claim.statement):
        return True
    if earlier.chunk == later.chunk:
        return False  # one chunk may legitimately quote a sentence for several claims
    shared_start = chunks[later.chunk].start
    shared_end = min(chunks[earlier.chunk].end, chunks[later.chunk].shared_until)
    for a_start, a_end in earlier.spans:
        for b_start, b_end in later.spans:
            if max(a_start, b_start, shared_start) < min(a_end, b_end, shared_end):
                return True
    return False
