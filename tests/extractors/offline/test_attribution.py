"""Attribution frames: source, channel and the reported content."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.attribution import Frame, find_frame
from service.extractors.offline.references import References

Parse = Callable[[str], Doc]


def _frame(parse: Parse, text: str) -> Frame | None:
    doc = parse(text)
    return find_frame(list(doc), References.of([(0, doc)]))


def _content(frame: Frame) -> str:
    doc = frame.content[0].doc
    return doc.text[frame.content[0].idx : frame.content[-1].idx + len(frame.content[-1].text)]


def test_leading_said_gives_source_and_content(parse: Parse):
    frame = _frame(parse, "A senior Ukrainian official said around 5,000 troops will be mobilized.")
    assert frame is not None and frame.source is not None
    assert frame.source.name == "A senior Ukrainian official"
    assert frame.source.anonymous
    assert _content(frame) == "around 5,000 troops will be mobilized"


def test_reported_citing_gives_the_cited_source_via_the_outlet(parse: Parse):
    text = "The New York Times reported, citing U.S. officials, that elite troops began arriving."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None
    assert (frame.source.name, frame.source.via) == ("U.S. officials", "The New York Times")
    assert frame.source.anonymous
    assert _content(frame) == "elite troops began arriving"


def test_according_to_outlet_becomes_the_channel_of_the_speaker(parse: Parse):
    text = "According to Kyodo News, an official from the ministry stated that the troops left."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None
    assert frame.source.name == "an official from the ministry"
    assert frame.source.via == "Kyodo News"


def test_announced_via_a_social_network_sets_the_channel(parse: Parse):
    text = "Volodymyr Zelenskyy announced via Telegram that the forces are anticipated to deploy."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None
    assert (frame.source.name, frame.source.via) == ("Volodymyr Zelenskyy", "Telegram")


def test_trailing_attribution_after_a_comma(parse: Parse):
    frame = _frame(parse, "Further charges may be laid in the future, police said.")
    assert frame is not None and frame.source is not None
    assert frame.source.name == "police"
    assert _content(frame) == "Further charges may be laid in the future"


def test_person_source_is_named_without_title(parse: Parse):
    text = "U.S. Defense Secretary Lloyd Austin told reporters that there is evidence of troops."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None
    assert frame.source.name == "Lloyd Austin"
    assert not frame.source.anonymous


def test_hedged_evidence_is_not_a_source(parse: Parse):
    frame = _frame(parse, "Growing indications suggest that troops are on the brink of deployment.")
    assert frame is not None
    assert frame.source is None
    assert _content(frame) == "troops are on the brink of deployment"


def test_sentence_in_the_article_voice_has_no_frame(parse: Parse):
    assert _frame(parse, "Kursk has been a contested border area since August.") is None


def test_reportedly_gives_unnamed_reports_as_source(parse: Parse):
    frame = _frame(parse, "The harbour master reportedly resigned after the collision.")
    assert frame is not None and frame.source is not None
    assert (frame.source.name, frame.source.anonymous) == ("reports", True)
    assert "reportedly" not in [token.lower_ for token in frame.content]


def test_by_reports_mid_sentence_attributes_only_what_follows(parse: Parse):
    frame = _frame(parse, "The blast destroyed two sheds and, by early reports, injured four.")
    assert frame is not None and frame.source is not None
    assert frame.source.name == "early reports"
    assert frame.scope > frame.content[0].i


def test_a_relaying_outlet_loses_its_country_and_description(parse: Parse):
    text = "According to Freedonia's Daily Star, the mayor said that she had resigned."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None
    assert frame.source.via == "Daily Star"


def test_a_document_source_is_its_author(parse: Parse):
    frame = _frame(parse, "According to Lenn University data, 400 wells have run dry.")
    assert frame is not None and frame.source is not None
    assert frame.source.name == "Lenn University"
    text = "According to a survey released Monday by the Varn Institute, rents rose sharply."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None
    assert frame.source.name == "Varn Institute"
    assert _content(frame) == "rents rose sharply"


def test_unnamed_officials_are_anonymous(parse: Parse):
    text = "One unnamed Chilean and two Peruvian officials said the border had reopened."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None and frame.source.anonymous


def test_a_trailing_source_keeps_its_prepositional_phrase(parse: Parse):
    text = "The ferry will resume service on Monday, a spokeswoman for the operator said."
    frame = _frame(parse, text)
    assert frame is not None and frame.source is not None
    assert frame.source.name == "a spokeswoman for the operator" and frame.source.anonymous


def test_a_passive_hedge_is_not_an_attribution(parse: Parse):
    assert _frame(parse, "Investigators are expected to publish a report within 30 days.") is None
