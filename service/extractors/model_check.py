"""`claimkit models check`: which structured-output modes does the configured server accept?

One tiny made-up article per mode, with the configured re-asks but no retries of
transient faults: a mode is usable when an answer parses and its quotes ground.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from service.config import Settings
from service.extraction import extract_and_ground
from service.extractors.base import ArticleInput, ExtractionError
from service.extractors.modes import CONCRETE_MODES, LLMMode, resolve_mode

PROBE = ArticleInput(text="The Lakeside library reopened on Monday, the city council said.")


@dataclass(frozen=True)
class ModeCheck:
    """How one mode fared against the server."""

    mode: LLMMode
    ok: bool
    detail: str
    seconds: float


def check_modes(settings: Settings, *, model: str | None = None) -> list[ModeCheck]:
    """Try every concrete mode once against the configured model server."""
    from service.extractors.llm import LLMExtractor

    checks = []
    for mode in CONCRETE_MODES:
        probe = settings.model_copy(update={"llm_mode": mode.value, "model_retries": 0})
        started = time.perf_counter()
        try:
            extractor = LLMExtractor.from_settings(probe, model=model)
            grounded = extract_and_ground(PROBE, extractor)
        except ExtractionError as error:
            checks.append(ModeCheck(mode, False, error.message, time.perf_counter() - started))
            continue
        claims, dropped = len(grounded.claims), grounded.dropped
        ok = claims > 0
        detail = f"{claims} claim(s), {dropped} dropped" + ("" if ok else ": no usable claim")
        checks.append(ModeCheck(mode, ok, detail, time.perf_counter() - started))
    return checks


def auto_choice(settings: Settings, *, model: str | None = None) -> LLMMode:
    """The mode `auto` picks for this configuration."""
    chosen = model or settings.model or ""
    return resolve_mode(LLMMode.auto, model=chosen, api_base=settings.model_api_base)
