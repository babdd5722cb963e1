"""When a sentence without its own attribution still belongs to a report: inside a quotation
whose speaker is named elsewhere in the paragraph, an explicit continuation ("Of these, ..."),
or a transcript speaker's turn."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from schemas.claims import Source
from service.extractors.offline.frames import Frame
from service.extractors.offline.references import References, strip_titles
from service.extractors.offline.tokens import doc_text, per_doc, strip_edges

# Sentence openers that explicitly continue the previous sentence's report.
CONTINUATION_OPENERS = [
    phrase.split()
    for phrase in (
        "of these",
        "of those",
        "of them",
        "of which",
        "among them",
        "among these",
        "among those",
        "to date",
        "so far",
        "in total",
        "in all",
        "this includes",
        "that includes",
        "this figure",
        "that figure",
        "the figure",
        "the figures",
    )
]
_OPENING_QUOTES = frozenset({"“", "«"})
_CLOSING_QUOTES = frozenset({"”", "»"})


def quotation_regions(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of quotations in a block (curly pairs or alternating straight quotes)."""
    return per_doc(doc, "quotation_regions", lambda: _find_quotations(doc_text(doc)))


def _find_quotations(text: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    straight_open: int | None = None
    for position, char in enumerate(text):
        if char in _OPENING_QUOTES:
            opened = position
        elif char in _CLOSING_QUOTES and opened is not None:
            regions.append((opened, position + 1))
            opened = None
        elif char == '"':
            if straight_open is None:
                straight_open = position
            else:
                regions.append((straight_open, position + 1))
                straight_open = None
    unclosed = opened if opened is not None else straight_open
    if unclosed is not None:  # a quotation that goes on into the next paragraph (wire style)
        regions.append((unclosed, len(text)))
    return regions


def _span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def quoted_frame(
    segment: list[Token], frames: list[tuple[list[Token], Frame | None]], doc: Doc
) -> Frame | None:
    """The frame of the speaker of a quotation that contains the whole segment."""
    start, end = _span(segment)
    for region_start, region_end in quotation_regions(doc):
        if not (region_start <= start and end <= region_end + 1):
            continue
        # the sentence that shares text with the quotation ("... more," Strand said) names
        # its speaker before one that merely ends where the quotation opens
        candidates: list[tuple[int, Frame]] = []
        for tokens, frame in frames:
            if frame is None or frame.verb is None:
                continue
            verb_outside = not region_start <= frame.verb.idx < region_end
            segment_start, segment_end = _span(tokens)
            touches = segment_start <= region_end + 2 and region_start <= segment_end + 2
            overlaps = segment_start < region_end and region_start < segment_end
            if verb_outside and touches:
                candidates.append((0 if overlaps else 1, frame))
        if candidates:
            frame = min(candidates, key=lambda candidate: candidate[0])[1]
            return Frame(
                source=frame.source,
                content=_strip(segment),
                verb=frame.verb,
                head_lemma=frame.head_lemma,
            )
    return None


def continued_frame(segment: list[Token], previous: Frame | None) -> Frame | None:
    """The previous sentence's frame when this one opens with "Of these," and the like."""
    if previous is None:
        return None
    words = [t.lower_ for t in segment[:3]]
    for phrase in CONTINUATION_OPENERS:
        if words[: len(phrase)] == phrase:
            return Frame(
                source=previous.source,
                content=_strip(segment),
                verb=None,
                head_lemma=previous.head_lemma,
            )
    return None


def speaker_frame(
    segment: list[Token], speaker: str | None, refs: References, *, headline: bool = False
) -> Frame | None:
    """The speaker label ("MS. RUIZ:", a headline's "WHO:") as the source of the text."""
    if not speaker:
        return None
    name = refs.full_name(strip_titles(speaker.title()))
    if headline and name == speaker.title():
        name = refs.expand(speaker)  # a headline's label is written as the body writes it
    return Frame(
        source=Source(name=name),
        content=_without_preamble(_strip(segment)),
        verb=None,
        head_lemma=name.lower(),
    )


def _without_preamble(tokens: list[Token]) -> list[Token]:
    """Drop a speaker's "I just wanted to let you know that" before the content."""
    words = [t for t in tokens if t.lower_ not in ("but", "and", "so")]
    if not words or words[0].lower_ not in ("i", "we"):
        return tokens
    for position, token in enumerate(tokens[:16]):
        if token.lower_ == "that" and position > 0:
            verbs = {t.lemma_.lower() for t in tokens[:position]}
            if verbs & _PREAMBLE_VERBS:
                return _strip(tokens[position + 1 :])
    return tokens


_PREAMBLE_VERBS = frozenset({"know", "say", "tell", "note", "announce", "mention", "report"})


def _strip(tokens: list[Token]) -> list[Token]:
    return strip_edges(tokens)
