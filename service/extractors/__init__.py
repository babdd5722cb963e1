"""Extractors and the factory that picks one from settings.

Importing this package is cheap (the CLI's help lists EXTRACTOR_KINDS); each extractor
and its dependencies load when built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.config import Settings
    from service.extractors.base import Extractor

EXTRACTOR_KINDS = ("offline", "llm", "sentences")


class ExtractorUnavailable(ValueError):
    """The requested extractor cannot be built (unknown kind, no model, missing prompt)."""


def build_extractor(
    settings: Settings,
    *,
    kind: str | None = None,
    model: str | None = None,
    prompt_version: str | None = None,
) -> Extractor:
    """The extractor for `kind`; by default the LLM when a model is configured, else offline.

    Raises ExtractorUnavailable, saying why, when it cannot be built.
    """
    if kind is None:
        kind = "llm" if (model or settings.model) else "offline"
    if kind == "offline":
        from service.extractors.offline import OfflineExtractor

        return OfflineExtractor()
    if kind == "sentences":
        from service.extractors.sentences import SentenceExtractor

        return SentenceExtractor()
    if kind == "llm":
        from service.extractors.base import ExtractionError
        from service.extractors.llm import LLMExtractor

        try:
            return LLMExtractor.from_settings(settings, model=model, prompt_version=prompt_version)
        except ExtractionError as error:
            raise ExtractorUnavailable(error.message) from error
    raise ExtractorUnavailable(
        f"unknown extractor {kind!r}; choose one of {', '.join(EXTRACTOR_KINDS)}"
    )
