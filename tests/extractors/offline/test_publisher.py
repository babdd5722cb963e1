"""The publisher: the article's own outlet is never a source's channel."""

from __future__ import annotations

import datetime as dt

from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor
from service.extractors.offline.publisher import publisher_keys

TOLD = "A border guard told {outlet} that 14 shells hit the crossing on Sunday."


def _via(text: str, outlet: str | None = None) -> str | None:
    article = ArticleInput(text=text, published=dt.date(2025, 2, 10), outlet=outlet)
    claims = OfflineExtractor().extract(article).claims
    found = [c for c in claims if "shells" in c.statement]
    assert found and found[0].source is not None
    return found[0].source.via


def test_publisher_keys_fold_aliases_and_read_the_wire_credit():
    assert publisher_keys("Voice of America", "") == {"voa"}
    assert publisher_keys(None, "KARLOV, Vostria (AP) — Shells fell.") == {"ap"}
    assert publisher_keys(None, "Shells fell (in the east) on Sunday.") == frozenset()


def test_telling_the_publishing_wire_is_no_relay():
    text = "SANTEL, Previa (AP) — " + TOLD.format(outlet="The Associated Press")
    assert _via(text) is None


def test_telling_the_outlet_given_with_the_article_is_no_relay():
    assert _via(TOLD.format(outlet="VOA"), outlet="Voice of America") is None


def test_telling_another_outlet_is_still_a_relay():
    text = "SANTEL, Previa (AP) — " + TOLD.format(outlet="Reuters")
    assert _via(text) == "Reuters"
