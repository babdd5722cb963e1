"""Document authors: the one body an article says wrote its report."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.document_authors import note_document_authors
from service.extractors.offline.references import References

Parse = Callable[[str], Doc]


def _authors(parse: Parse, text: str) -> dict[str, str]:
    doc = parse(text)
    refs = References.of([(0, doc)])
    note_document_authors([doc], refs)
    return {kind: source.name for kind, source in refs.document_authors.items()}


def test_a_report_by_a_named_body_makes_that_body_its_author(parse: Parse):
    text = "The plane took off at noon, the report by the Ostmark Air Safety Office said."
    assert _authors(parse, text) == {"report": "Ostmark Air Safety Office"}


def test_reports_by_two_bodies_leave_the_report_without_an_author(parse: Parse):
    text = "A report by the Velm Institute found 40 faults. A report by Tarn University found 12."
    assert _authors(parse, text) == {}


def test_a_report_by_an_unnamed_group_names_no_author(parse: Parse):
    assert _authors(parse, "A report by local officials found 40 faults.") == {}
