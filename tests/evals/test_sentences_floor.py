"""The sentence floor (service/extractors/sentences.py): every sentence one claim, no fields."""

from __future__ import annotations

from service.extraction import extract_and_ground
from service.extractors.base import ArticleInput
from service.extractors.sentences import SentenceExtractor, split_sentences

TEXT = (
    "Troops gather in Kursk\n\n"
    "U.S. officials said troops arrived on Monday. Mr. Kim leads them.\n"
    "---\n"
    "“They will fight,” he said. Most Commented"
)


def test_lines_are_split_first_so_a_headline_stands_alone() -> None:
    sentences = [sentence for _, sentence in split_sentences(TEXT)]
    assert sentences[0] == "Troops gather in Kursk"


def test_abbreviations_do_not_end_a_sentence() -> None:
    sentences = [sentence for _, sentence in split_sentences(TEXT)]
    assert "U.S. officials said troops arrived on Monday." in sentences
    assert "Mr. Kim leads them." in sentences


def test_lines_without_letters_or_digits_are_skipped() -> None:
    assert all(sentence != "---" for _, sentence in split_sentences(TEXT))


def test_offsets_point_at_the_sentence_in_the_text() -> None:
    for offset, sentence in split_sentences(TEXT):
        assert TEXT[offset : offset + len(sentence)] == sentence


def test_each_sentence_becomes_a_claim_with_no_fields() -> None:
    result = SentenceExtractor().extract(ArticleInput(text=TEXT))
    first = result.claims[1]
    assert first.statement == "U.S. officials said troops arrived on Monday."
    assert first.evidence == [first.statement]
    assert first.kind == "state" and first.subject == "U.S. officials"
    assert first.source is None and first.quantities == [] and first.time is None
    assert first.certainty == "certain" and first.negated is False


def test_every_floor_claim_is_grounded_at_its_own_sentence() -> None:
    text = "Troops arrived.\nTroops arrived.\n"
    grounded = extract_and_ground(ArticleInput(text=text), SentenceExtractor())
    assert [claim.evidence[0].start for claim in grounded.claims] == [0, 16]
