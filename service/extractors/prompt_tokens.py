"""What a model request costs in prompt tokens, and how much of that is fixed per call.

Counted the way the benchmarks report it: litellm's token counter for gpt-4o-mini over
the text of every message plus the JSON of the tools or response format, i.e. over
everything the model reads. The fixed part is the request for an empty article: system
message, schema and the user template around the text.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import litellm

COUNTING_MODEL = "gpt-4o-mini"


@dataclass(frozen=True)
class PromptTokens:
    """Prompt tokens of a request, split into its parts."""

    messages: int
    schema: int  # tools or response_format

    @property
    def total(self) -> int:
        """Everything the model reads."""
        return self.messages + self.schema


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks (e.g. with cache_control)
        return "".join(str(block.get("text", "")) for block in content if isinstance(block, dict))
    return ""


def count(text: str) -> int:
    """Tokens of a text for the counting model."""
    return int(litellm.token_counter(model=COUNTING_MODEL, text=text)) if text else 0


def request_tokens(request: dict[str, Any]) -> PromptTokens:
    """Prompt tokens of a chat request (the keyword arguments sent to litellm)."""
    messages = "\n".join(_text(message.get("content")) for message in request.get("messages", []))
    shown = [request[key] for key in ("tools", "response_format") if request.get(key)]
    schema = count(json.dumps(shown, ensure_ascii=False)) if shown else 0
    return PromptTokens(messages=count(messages), schema=schema)
