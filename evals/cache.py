"""On-disk cache of extraction results, so re-running an unchanged configuration calls no model.

The key covers everything that can change a model's answer: the extractor's name, model,
API base, prompt id and sha, parameters, and the article (text, date, title, outlet). Results are
cached before grounding, so grounding or scoring changes never need a new model call.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput, ExtractionResult, Extractor, Usage

CACHE_FORMAT = 1
# Attributes an extractor may expose that change its output; missing ones are left out.
FINGERPRINT_ATTRIBUTES = ("model", "api_base", "prompt_id", "prompt_sha", "parameters")


def _digest(payload: Any) -> str:
    encoded = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def article_hash(article: ArticleInput) -> str:
    """sha256 of everything the extractor sees of an article."""
    return _digest(
        {
            "text": article.text,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title,
            "outlet": article.outlet,
        }
    )


def extractor_fingerprint(extractor: Extractor) -> dict[str, Any]:
    """The extractor's name plus whichever configuration attributes it exposes."""
    fingerprint: dict[str, Any] = {"extractor": extractor.name}
    for attribute in FINGERPRINT_ATTRIBUTES:
        value = getattr(extractor, attribute, None)
        if value is not None and not callable(value):
            fingerprint[attribute] = value
    prompt = getattr(extractor, "prompt", None)  # the LLM extractor's loaded prompt
    for attribute in ("id", "sha"):
        value = getattr(prompt, attribute, None)
        if isinstance(value, str):
            fingerprint[f"prompt_{attribute}"] = value
    return fingerprint


def cache_key(fingerprint: dict[str, Any], article: ArticleInput) -> str:
    """The cache key of one extractor configuration on one article."""
    return _digest(
        {"format": CACHE_FORMAT, "extractor": fingerprint, "article": article_hash(article)}
    )


def result_to_dict(result: ExtractionResult) -> dict[str, Any]:
    """An extraction result as JSON-ready data."""
    return {
        "claims": [claim.model_dump(mode="json") for claim in result.claims],
        "model": result.model,
        "prompt_id": result.prompt_id,
        "prompt_sha": result.prompt_sha,
        "parameters": result.parameters,
        "usage": asdict(result.usage),
        "attempts": result.attempts,
        "dropped": result.dropped,
        "notes": result.notes,
    }


def result_from_dict(data: dict[str, Any]) -> ExtractionResult:
    """Rebuild an extraction result from result_to_dict's output."""
    return ExtractionResult(
        claims=[DraftClaim.model_validate(claim) for claim in data["claims"]],
        model=data.get("model"),
        prompt_id=data.get("prompt_id"),
        prompt_sha=data.get("prompt_sha"),
        parameters=data.get("parameters") or {},
        usage=Usage(**data.get("usage", {})),
        attempts=data.get("attempts", 1),
        dropped=data.get("dropped", 0),
        notes=data.get("notes") or [],
    )


class ExtractionCache:
    """Extraction results stored as one JSON file per key under `directory`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> ExtractionResult | None:
        """The cached result for `key`, or None (a corrupt entry counts as a miss)."""
        path = self._path(key)
        try:
            return result_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: ExtractionResult) -> None:
        """Store a result; written to a temporary file first so readers never see half."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_text(json.dumps(result_to_dict(result), ensure_ascii=False), "utf-8")
        os.replace(temporary, path)


class CachingExtractor:
    """An extractor that answers from the cache when it can and fills it when it cannot."""

    def __init__(self, inner: Extractor, cache: ExtractionCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name
        self.fingerprint = extractor_fingerprint(inner)
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """The cached result for this configuration and article, else a fresh (stored) one."""
        key = cache_key(self.fingerprint, article)
        cached = self.cache.get(key)
        with self._lock:
            if cached is not None:
                self.hits += 1
            else:
                self.misses += 1
        if cached is not None:
            return cached
        result = self.inner.extract(article)  # errors are not cached: the next run retries
        self.cache.put(key, result)
        return result
