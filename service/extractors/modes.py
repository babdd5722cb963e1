"""How the model is asked for structured output: a tool call, a JSON schema, or plain JSON.

`auto` picks per server: a custom OpenAI-compatible `api_base` (llama.cpp, vLLM, Ollama,
LM Studio) gets a JSON schema in `response_format`, which such servers turn into a grammar
and which small models follow; a provider litellm knows to support function calling gets
a tool call; anything else gets a JSON schema when litellm says the provider takes one,
else plain JSON with the schema in the prompt.
"""

from __future__ import annotations

import os
from enum import StrEnum

# litellm fetches its model cost map from the network on import unless told otherwise.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import instructor
import litellm


class LLMMode(StrEnum):
    """CLAIMKIT_LLM_MODE values."""

    auto = "auto"
    tools = "tools"
    json_schema = "json_schema"
    json = "json"


CONCRETE_MODES = (LLMMode.tools, LLMMode.json_schema, LLMMode.json)
_INSTRUCTOR = {
    LLMMode.tools: instructor.Mode.TOOLS,
    LLMMode.json_schema: instructor.Mode.JSON_SCHEMA,
    LLMMode.json: instructor.Mode.JSON,
}


def resolve_mode(requested: LLMMode | str, *, model: str, api_base: str | None) -> LLMMode:
    """The concrete mode for a model: `requested` unless it is `auto`."""
    mode = LLMMode(requested)
    if mode is not LLMMode.auto:
        return mode
    if api_base:
        return LLMMode.json_schema
    if _supports(litellm.supports_function_calling, model):
        return LLMMode.tools
    if _supports(litellm.supports_response_schema, model):
        return LLMMode.json_schema
    return LLMMode.json


def instructor_mode(mode: LLMMode) -> instructor.Mode:
    """The instructor mode that implements a concrete claimkit mode."""
    return _INSTRUCTOR[mode]


def _supports(check: object, model: str) -> bool:
    try:
        return bool(check(model=model))  # type: ignore[operator]
    except Exception:  # litellm raises for models missing from its map
        return False


def mode_hint(mode: LLMMode, problem: str) -> str:
    """A sentence telling the user which mode to try when the server rejects `mode`."""
    others = [other.value for other in CONCRETE_MODES if other is not mode]
    text = problem.lower()
    if mode is LLMMode.tools and ("tool" in text or "function" in text):
        return (
            "the server did not answer with a tool call (many local servers do not support "
            f"tool calling): try CLAIMKIT_LLM_MODE={LLMMode.json_schema.value}"
        )
    if mode is not LLMMode.tools and ("response_format" in text or "json" in text):
        return (
            f"the server does not seem to accept response_format for mode {mode.value}: "
            f"try CLAIMKIT_LLM_MODE={' or '.join(others)}"
        )
    return ""
