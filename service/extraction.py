"""One extraction, nothing stored: the extractor, then grounding of its quotes.

The pipeline calls it for a run, the CLI and the eval harness call it directly; it
imports no database code, so `claimkit extract` starts quickly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from schemas.claims import Claim
from service.evidence_checks import reads_as_instruction, sentence_around, unsupported
from service.extractors.base import ArticleInput, DroppedClaim, ExtractionResult, Extractor
from service.grounding import ground_claims

if TYPE_CHECKING:
    from service.config import Settings


@dataclass
class GroundedExtraction:
    """An extractor's result with every surviving claim anchored to the text."""

    result: ExtractionResult
    claims: list[Claim]
    # drafts whose quotes grounding could not locate, or whose evidence does not carry them
    grounding_dropped: list[DroppedClaim]

    @property
    def dropped(self) -> int:
        """Claims lost in the extractor plus those grounding could not anchor."""
        return self.result.dropped + len(self.grounding_dropped)

    @property
    def dropped_claims(self) -> list[DroppedClaim]:
        """Every dropped claim with its reason: the extractor's first, then grounding's."""
        return [*self.result.dropped_claims, *self.grounding_dropped]

    @property
    def dropped_reasons(self) -> list[str]:
        """Why grounding dropped each of its drafts."""
        return [dropped.reason for dropped in self.grounding_dropped]


def extract_and_ground(article: ArticleInput, extractor: Extractor) -> GroundedExtraction:
    """Run the extractor, anchor its quotes and keep the claims their evidence carries.

    A claim whose evidence reads as an instruction to the model is kept, with a run note
    (the review page flags it). Raises ExtractionError from the extractor.
    """
    result = extractor.extract(article)
    grounded = ground_claims(article.text, result.claims)
    dropped = [DroppedClaim.of(draft, reason) for draft, reason in grounded.dropped]
    kept: list[Claim] = []
    for claim in grounded.claims:
        problem = unsupported(claim, article.text)
        if problem:
            quotes = tuple(span.text for span in claim.evidence)
            dropped.append(DroppedClaim(statement=claim.statement, evidence=quotes, reason=problem))
            continue
        context = [sentence_around(article.text, span.start, span.end) for span in claim.evidence]
        instruction = next((text for text in context if reads_as_instruction(text)), None)
        if instruction is not None:
            result.notes.append(
                f"claim {len(kept) + 1} flagged for review: its evidence reads as an "
                f"instruction to the model: {instruction.strip()[:200]!r}"
            )
        kept.append(claim)
    return GroundedExtraction(result=result, claims=kept, grounding_dropped=dropped)


def _provider(model: str) -> str | None:
    """The provider litellm sends `model` to, or None when it cannot tell (no network)."""
    import litellm

    try:
        return str(litellm.get_llm_provider(model)[1])
    except Exception:  # litellm raises BadRequestError and others for unknown ids
        return None


def _same_server(model: str, settings: Settings) -> bool:
    """True when `model` goes where the configured model goes: same provider (and base)."""
    if model == settings.model:
        return True
    if not settings.model:
        return False
    provider = _provider(model)
    return provider is not None and provider == _provider(settings.model)


def scoped_settings(settings: Settings, model: str | None) -> Settings:
    """Settings for building `model`'s extractor: the configured key and API base go only
    to the configured model's provider, never to one a caller's model id names."""
    if model is None or _same_server(model, settings):
        return settings
    return settings.model_copy(update={"model_api_key": None, "model_api_base": None})


def model_problem(model: str, settings: Settings) -> str | None:
    """Why `model` cannot be run as configured, or None; decided offline, at once.

    The configured model is the operator's choice (/health reports on it). Any other id
    must name a provider litellm knows and, unless it shares the configured model's
    server (a self-hosted model behind CLAIMKIT_MODEL_API_BASE), be in litellm's model map.
    """
    if model == settings.model:
        return None
    provider = _provider(model)
    if provider is None:
        return (
            f"litellm does not know which provider serves model {model!r} (listed in "
            "CLAIMKIT_ALLOWED_MODELS): name the provider first, e.g. openai/gpt-4o-mini"
        )
    if settings.model_api_base and _same_server(model, settings):
        return None
    if not _in_model_map(model, provider):
        return (
            f"litellm has no entry for model {model!r} (listed in CLAIMKIT_ALLOWED_MODELS): "
            "check the id, or serve it with the configured model's provider behind "
            "CLAIMKIT_MODEL_API_BASE"
        )
    return None


def _in_model_map(model: str, provider: str) -> bool:
    import litellm

    cost_map: dict[str, Any] = litellm.model_cost
    name = model.split("/", 1)[1] if model.startswith(f"{provider}/") else model
    return any(key in cost_map for key in (model, name, f"{provider}/{name}"))


def build_scoped_extractor(
    settings: Settings,
    *,
    kind: str | None = None,
    model: str | None = None,
    prompt_version: str | None = None,
) -> Extractor:
    """`build_extractor` with the model key and API base scoped to the configured provider."""
    from service.extractors import build_extractor

    return build_extractor(
        scoped_settings(settings, model), kind=kind, model=model, prompt_version=prompt_version
    )
