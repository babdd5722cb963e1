"""A scripted extractor for tests: enqueue results or errors, inspect the history."""

from __future__ import annotations

from collections import deque

from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput, ExtractionError, ExtractionResult


class FakeExtractor:
    """Returns enqueued results in order; with an empty queue, returns no claims."""

    name = "fake"

    def __init__(self) -> None:
        self.queue: deque[ExtractionResult | ExtractionError] = deque()
        self.history: list[ArticleInput] = []

    def enqueue(self, *items: ExtractionResult | ExtractionError | list[DraftClaim]) -> None:
        """Queue results (or bare claim lists) and errors for the next extract() calls."""
        for item in items:
            self.queue.append(ExtractionResult(claims=item) if isinstance(item, list) else item)

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """Record the call and play back the next queued item."""
        self.history.append(article)
        item = self.queue.popleft() if self.queue else ExtractionResult(claims=[])
        if isinstance(item, ExtractionError):
            raise item
        return item
