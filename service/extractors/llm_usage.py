"""What one LLM extraction cost: tokens, dollars, attempts and transient faults, summed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

# litellm fetches its model cost map from the network on import unless told otherwise.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import litellm

from service.extractors.base import Usage


@dataclass
class UsageLedger:
    """Usage, cost, attempts and transient faults summed over every request of one extraction."""

    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    cost_known: bool = True
    retries: int = 0  # requests repeated after a transient fault
    last_error: str | None = None  # the last transient fault, even if its retry worked

    def note_fault(self, description: str) -> None:
        """Remember the latest transient fault."""
        self.last_error = description

    def count_retry(self) -> None:
        """Count one request about to be repeated."""
        self.retries += 1

    def retry_note(self) -> str:
        """The run note saying how often requests were retried and why."""
        noun = "retry" if self.retries == 1 else "retries"
        return (
            f"{self.retries} model request {noun} after transient faults; last: {self.last_error}"
        )

    def record_response(self, response: Any) -> None:
        """Hook: add one model response's token usage and cost."""
        usage = getattr(response, "usage", None)
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion = int(getattr(usage, "completion_tokens", 0) or 0)
        total = int(getattr(usage, "total_tokens", 0) or 0) or prompt + completion
        details = getattr(usage, "prompt_tokens_details", None)
        cached = int(getattr(details, "cached_tokens", 0) or 0)
        self.usage.add(
            Usage(
                prompt_tokens=prompt,
                completion_tokens=completion,
                total_tokens=total,
                cached_tokens=cached,
            )
        )
        cost = response_cost(response)
        if cost is None:
            self.cost_known = False
        if self.cost_known and cost is not None:
            self.usage.cost_usd = (self.usage.cost_usd or 0.0) + cost
        else:
            self.usage.cost_usd = None  # a partial sum would understate the cost


def response_cost(response: Any) -> float | None:
    """What litellm says the response cost in USD; None for models it has no price for."""
    try:
        return float(litellm.completion_cost(completion_response=response))
    except Exception:  # litellm raises a variety of errors for unpriced models
        return None
