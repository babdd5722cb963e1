"""Content negotiation: ?format= wins, then the best Accept match, JSON by default."""

from __future__ import annotations

import pytest

from service.exports.formats import ExportFormat, NotAcceptable, negotiate

ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, ExportFormat.json),
        ("", ExportFormat.json),
        ("*/*", ExportFormat.json),
        ("application/json", ExportFormat.json),
        ("text/csv", ExportFormat.csv),
        ("text/*", ExportFormat.csv),
        ("application/x-ndjson", ExportFormat.jsonl),
        ("application/jsonl", ExportFormat.jsonl),
        ("application/ld+json", ExportFormat.jsonld),
        (ANNO, ExportFormat.annotation),
        ("application/ld+json;profile=http://www.w3.org/ns/anno.jsonld", ExportFormat.annotation),
        ("text/csv;q=0.5, application/x-ndjson", ExportFormat.jsonl),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ExportFormat.json),
        ("application/json;q=0, */*", ExportFormat.csv),
    ],
)
def test_accept_picks_the_best_matching_format(accept: str | None, expected: ExportFormat):
    assert negotiate(None, accept) == expected


def test_the_format_parameter_wins_over_accept():
    assert negotiate(ExportFormat.jsonld, "text/csv") == ExportFormat.jsonld


def test_an_accept_no_format_matches_names_what_is_offered():
    with pytest.raises(NotAcceptable, match="text/csv; charset=utf-8, application/x-ndjson"):
        negotiate(None, "image/png, text/html;q=0.5")
