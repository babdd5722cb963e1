"""The export formats and content negotiation: `?format=` first, then the Accept header."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

ANNOTATION_PROFILE = "http://www.w3.org/ns/anno.jsonld"


class ExportFormat(StrEnum):
    """A representation of a list of claims."""

    json = "json"  # the API's own {data, count}
    csv = "csv"  # one row per claim (RFC 4180, header row)
    jsonl = "jsonl"  # JSON Lines: one claim object per line
    annotation = "annotation"  # W3C Web Annotation: one annotation per evidence span
    jsonld = "jsonld"  # schema.org Claim (and ClaimReview for rated claims) as JSON-LD


class DumpFormat(StrEnum):
    """A file format for the whole store (`claimkit export`)."""

    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


# The media type each format answers with; the order is the server's preference on ties.
MEDIA_TYPES: dict[ExportFormat, str] = {
    ExportFormat.json: "application/json",
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.jsonl: "application/x-ndjson",
    ExportFormat.jsonld: "application/ld+json",
    ExportFormat.annotation: f'application/ld+json; profile="{ANNOTATION_PROFILE}"',
}
# Other names clients use for JSON Lines, which has no registered media type yet.
ALIASES = frozenset({"application/jsonl", "application/x-jsonlines", "application/json-lines"})


class NotAcceptable(ValueError):
    """The Accept header names no media type any format answers with."""

    def __init__(self, accept: str) -> None:
        offered = ", ".join(MEDIA_TYPES.values())
        super().__init__(
            f"no format matches Accept: {accept[:200]!r}; this operation answers with "
            f"{offered} (or ask with ?format={'|'.join(ExportFormat)})"
        )


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header: type, subtype, parameters and quality."""

    type: str
    subtype: str
    params: dict[str, str]
    quality: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches `media_type` (-1: not at all)."""
        candidate = parse_media_range(media_type)
        if self.type not in ("*", candidate.type):
            return -1
        if self.subtype not in ("*", candidate.subtype):
            return -1
        if any(candidate.params.get(name) != value for name, value in self.params.items()):
            return -1
        return (self.type != "*") + (self.subtype != "*") + len(self.params)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def parse_media_range(text: str) -> MediaRange:
    """A media range such as `text/csv;q=0.5` (lower-cased names; q defaults to 1)."""
    kind, *parameters = text.split(";")
    main, _, sub = kind.strip().lower().partition("/")
    params: dict[str, str] = {}
    quality = 1.0
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        name = name.strip().lower()
        if name == "q":
            try:
                quality = min(max(float(value), 0.0), 1.0)
            except ValueError:
                quality = 0.0
        elif name and name != "charset":
            params[name] = _unquote(value)
    return MediaRange(main or "*", sub or "*", params, quality)


def _quality(ranges: list[MediaRange], media_type: str) -> float:
    """The quality of the most specific range matching `media_type` (0 when none does)."""
    best, quality = -1, 0.0
    for media_range in ranges:
        specificity = media_range.matches(media_type)
        if specificity > best:
            best, quality = specificity, media_range.quality
    return quality


def negotiate(asked: ExportFormat | None, accept: str | None) -> ExportFormat:
    """The format to answer with: `asked` (the query parameter) wins; else the best match
    for Accept, ties going to the order of MEDIA_TYPES; JSON without either.

    Raises NotAcceptable when Accept excludes every format.
    """
    if asked is not None:
        return asked
    if not accept or not accept.strip():
        return ExportFormat.json
    ranges = [parse_media_range(part) for part in accept.split(",") if part.strip()]
    ranges += [
        MediaRange("application", "x-ndjson", {}, media_range.quality)
        for media_range in ranges
        if f"{media_range.type}/{media_range.subtype}" in ALIASES
    ]
    scored = [(_quality(ranges, media_type), fmt) for fmt, media_type in MEDIA_TYPES.items()]
    best = max(quality for quality, _ in scored)
    if best <= 0:
        raise NotAcceptable(accept)
    return next(fmt for quality, fmt in scored if quality == best)
