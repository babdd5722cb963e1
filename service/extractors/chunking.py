"""Split long articles into overlapping chunks for the model, and merge the chunks' claims.

Chunks end on paragraph boundaries (blank lines, else line breaks, else sentence ends),
hold at most `max_chars` characters, and repeat the previous chunk's last paragraph so a
claim that needs it keeps its context. Each chunk is a slice of the article and knows its
start offset, so quotes found in a chunk map back to article offsets exactly.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from schemas.claims import DraftClaim, Span
from service.folding import fold

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


def located_claim(
    fields: dict[str, Any], spans: list[Span], chunk: Chunk, index: int
) -> LocatedClaim:
    """A draft claim anchored at its first quote, with article offsets of all its quotes."""
    draft = DraftClaim(**fields, anchor=chunk.start + spans[0].start)
    offsets = tuple((chunk.start + s.start, chunk.start + s.end) for s in spans)
    return LocatedClaim(claim=draft, spans=offsets, chunk=index)


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
    statements: set[str] = set()
    evidence = _KeptEvidence(chunks)
    kept: list[DraftClaim] = []
    for candidate in claims:
        statement = normalize_statement(candidate.claim.statement)
        if statement in statements or evidence.overlaps(candidate):
            continue
        statements.add(statement)
        evidence.add(candidate)
        kept.append(candidate.claim)
    return kept


class _KeptEvidence:
    """The evidence spans of the claims kept so far, sorted by start for overlap queries.

    A later claim duplicates a kept claim of another chunk when one span of each overlaps
    inside the later chunk's shared region, cut at the kept claim's chunk end. Only kept
    spans starting less than the longest kept span before that region can reach into it.
    """

    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self.starts: list[int] = []  # sorted, parallel to spans
        self.spans: list[tuple[int, int, int]] = []  # (start, end, chunk)
        self.longest = 0

    def add(self, claim: LocatedClaim) -> None:
        """Remember a kept claim's non-empty spans."""
        for start, end in claim.spans:
            if start < end:
                position = bisect.bisect_right(self.starts, start)
                self.starts.insert(position, start)
                self.spans.insert(position, (start, end, claim.chunk))
                self.longest = max(self.longest, end - start)

    def overlaps(self, claim: LocatedClaim) -> bool:
        """True when a kept claim of another chunk shares evidence with `claim`."""
        chunk = self.chunks[claim.chunk]
        for b_start, b_end in claim.spans:
            low, high = max(b_start, chunk.start), min(b_end, chunk.shared_until)
            if low >= high:
                continue  # this span lies outside the shared region
            first = bisect.bisect_right(self.starts, low - self.longest)
            last = bisect.bisect_left(self.starts, high)
            for a_start, a_end, a_chunk in self.spans[first:last]:
                # One chunk may legitimately quote a sentence for several claims.
                end = min(a_end, high, self.chunks[a_chunk].end)
                if a_chunk != claim.chunk and max(a_start, low) < end:
                    return True
        return False
