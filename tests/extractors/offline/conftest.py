"""Helpers for the offline extractor's tests: parse a sentence with the shared pipeline, or
run whole texts through one extractor."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline import OfflineExtractor
from service.extractors.offline.nlp import load_nlp


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Doc]:
    """Parse a text with the offline extractor's (cached) spaCy pipeline."""
    return load_nlp()


@pytest.fixture(scope="session")
def extractor() -> OfflineExtractor:
    """One offline extractor for every test that runs whole articles through it."""
    return OfflineExtractor()
