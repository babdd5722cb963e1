"""The offline extractor: spaCy plus rules, the default when no model is configured."""

from service.extractors.offline.extractor import RULES_VERSION, OfflineExtractor

__all__ = ["RULES_VERSION", "OfflineExtractor"]
