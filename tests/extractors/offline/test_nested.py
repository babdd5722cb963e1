"""Nested attribution: a relayed report keeps the outer source and gives its hedge."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.attribution import Frame, find_frame
from service.extractors.offline.nested import unwrap_nested
from service.extractors.offline.references import References

Parse = Callable[[str], Doc]


def _unwrapped(parse: Parse, text: str) -> Frame:
    doc = parse(text)
    frame = find_frame(list(doc), References.of([(0, doc)]))
    assert frame is not None
    return unwrap_nested(frame)


def _content(frame: Frame) -> str:
    doc = frame.content[0].doc
    return doc.text[frame.content[0].idx : frame.content[-1].idx + len(frame.content[-1].text)]


def test_a_relayed_estimate_keeps_the_outer_source(parse: Parse):
    text = (
        "The city council confirmed on Monday that inspectors estimated "
        "the company had dumped at least 300 tonnes of waste."
    )
    frame = _unwrapped(parse, text)
    assert frame.source is not None and frame.source.name == "The city council"
    assert _content(frame) == "the company had dumped at least 300 tonnes of waste"
    assert frame.verb is not None and frame.verb.lemma_ == "estimate"


def test_relayed_information_is_the_hedge(parse: Parse):
    text = "The mayor said his office had information that two contractors were working illegally."
    frame = _unwrapped(parse, text)
    assert frame.source is not None and frame.source.name == "The mayor"
    assert _content(frame) == "two contractors were working illegally"
    assert frame.verb is not None and frame.verb.lemma_ == "information"


def test_a_plain_report_is_unchanged(parse: Parse):
    frame = _unwrapped(parse, "The mayor said two contractors were working illegally.")
    assert _content(frame) == "two contractors were working illegally"
    assert frame.verb is not None and frame.verb.lemma_ == "say"
