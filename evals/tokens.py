"""What an LLM evaluation cost: calls, prompt tokens (fixed part and article part), output
tokens, cached tokens and dollars, in total and per article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol


class _ArticleRun(Protocol):
    result: Any
    case: Any


@dataclass(frozen=True)
class TokenReport:
    """Token figures of one evaluation; the fixed part is per call times calls."""

    articles: int
    calls: int
    prompt_tokens: int
    fixed_per_call: int
    article_tokens: int  # the articles' own text, counted alone
    completion_tokens: int
    cached_tokens: int
    cost_usd: float | None

    @property
    def fixed_tokens(self) -> int:
        """Prompt tokens spent on instructions and schema: fixed per call."""
        return self.fixed_per_call * self.calls

    @property
    def article_part(self) -> int:
        """Prompt tokens spent on the articles (and any re-asks)."""
        return max(0, self.prompt_tokens - self.fixed_tokens)

    @property
    def ratio_to_articles(self) -> float:
        """Prompt tokens per token of article text."""
        return self.prompt_tokens / self.article_tokens if self.article_tokens else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The figures, with the derived ones and per-article means."""
        per = max(1, self.articles)
        return {
            **asdict(self),
            "fixed_tokens": self.fixed_tokens,
            "article_part": self.article_part,
            "ratio_to_articles": round(self.ratio_to_articles, 3),
            "per_article": {
                "calls": round(self.calls / per, 2),
                "prompt_tokens": round(self.prompt_tokens / per, 1),
                "completion_tokens": round(self.completion_tokens / per, 1),
                "cached_tokens": round(self.cached_tokens / per, 1),
                "cost_usd": None if self.cost_usd is None else self.cost_usd / per,
            },
        }


def token_report(runs: Sequence[_ArticleRun], extractor: Any) -> TokenReport | None:
    """The report for an LLM evaluation; None for extractors that call no model."""
    inner = getattr(extractor, "inner", extractor)  # a CachingExtractor wraps the real one
    fixed = getattr(inner, "prompt_tokens", None)
    if not callable(fixed):
        return None
    from service.extractors.prompt_tokens import count

    results = [run.result for run in runs if run.result is not None]
    costs = [result.usage.cost_usd for result in results]
    return TokenReport(
        articles=len(runs),
        calls=sum(result.attempts for result in results),
        prompt_tokens=sum(result.usage.prompt_tokens for result in results),
        fixed_per_call=fixed().total,
        article_tokens=sum(count(run.case.article.text) for run in runs),
        completion_tokens=sum(result.usage.completion_tokens for result in results),
        cached_tokens=sum(result.usage.cached_tokens for result in results),
        cost_usd=None if not costs or None in costs else sum(c for c in costs if c is not None),
    )
