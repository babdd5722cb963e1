"""The LLM extractor: instructor over litellm, with every quote checked against the article.

How invalid output is handled. The model returns claims with quoted evidence; a pydantic
validator locates every quote in the text the model was given (instructor passes the
per-call state in its validation context). On every attempt but the last, an unlocatable
quote, a schema error or broken JSON is a validation error, and instructor re-asks the
model with the error message, up to `max_retries` times. On the last attempt the quote
check turns lenient: claims whose quotes still cannot be found are dropped and counted,
the rest are kept. Schema errors and broken JSON on the last attempt remain fatal
(`invalid_output`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

# litellm fetches its model cost map from the network on import unless told otherwise.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import httpx
import instructor
import litellm
import openai  # (installed with litellm and instructor; their errors derive from it)
from instructor.core import (
    HookName,
    Hooks,
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
)
from pydantic import ConfigDict, ValidationError, ValidationInfo, model_validator

from schemas.claims import DraftClaim, Span
from schemas.llm import LLMExtraction
from service.extractors.base import (
    ArticleInput,
    ExtractionError,
    ExtractionResult,
    FailureKind,
    Usage,
)
from service.extractors.chunking import (
    Chunk,
    LocatedClaim,
    merge_chunk_claims,
    split_into_chunks,
)
from service.grounding import Grounder, QuoteNotFound
from service.prompts import PromptNotFound, load_prompt

if TYPE_CHECKING:
    from service.config import Settings

litellm.suppress_debug_info = True  # no "Give Feedback / Get Help" banners on stdout

MODE = instructor.Mode.TOOLS
SCHEMA_SHA = hashlib.sha256(
    json.dumps(LLMExtraction.model_json_schema(), sort_keys=True).encode()
).hexdigest()
_LITELLM_PREFIX = re.compile(r"^(litellm\.\w+: )?(\w+: )?(\w+Exception - )?")


class _QuoteCheck:
    """Per-call state for the quote validator: the chunk's text and the attempt count."""

    def __init__(self, chunk_text: str, max_attempts: int) -> None:
        self.grounder = Grounder(chunk_text)
        self.max_attempts = max_attempts
        self.attempts = 0
        self.spans: list[list[Span]] = []  # per kept claim, offsets within the chunk
        self.dropped: list[str] = []

    def count_attempt(self, *args: Any, **kwargs: Any) -> None:
        """Hook: called by instructor before every request to the model."""
        self.attempts += 1

    @property
    def final_attempt(self) -> bool:
        """True on the last attempt instructor will make."""
        return self.attempts >= self.max_attempts

    def locate(self, evidence: list[str]) -> list[Span]:
        """Spans of the quotes in the chunk; later quotes prefer matches after earlier ones."""
        spans: list[Span] = []
        for quote in evidence:
            spans.append(self.grounder.locate(quote, anchor=spans[-1].end if spans else None))
        return spans


class _GroundedExtraction(LLMExtraction):
    # Same tool name and description as LLMExtraction: instructor sends both to the model.
    __doc__ = LLMExtraction.__doc__
    model_config = ConfigDict(title="LLMExtraction")

    @model_validator(mode="after")
    def _quotes_are_in_the_text(self, info: ValidationInfo) -> _GroundedExtraction:
        check = (info.context or {}).get("quote_check")
        if not isinstance(check, _QuoteCheck):
            return self
        kept, problems = [], []
        check.spans = []
        for number, claim in enumerate(self.claims, start=1):
            try:
                check.spans.append(check.locate(claim.evidence))
                kept.append(claim)
            except QuoteNotFound as error:
                problems.append(f"claim {number} ({claim.statement!r}): {error}")
        if problems and not check.final_attempt:
            raise ValueError(
                "evidence must be copied character for character from the article text; "
                "fix or remove these quotes: " + "; ".join(problems)
            )
        check.dropped = problems
        self.claims = kept
        return self


@dataclass
class _Ledger:
    """Usage, cost and attempts summed over every request of one extraction."""

    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    cost_known: bool = True

    def record_response(self, response: Any) -> None:
        """Hook: add one model response's token usage and cost."""
        usage = getattr(response, "usage", None)
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion = int(getattr(usage, "completion_tokens", 0) or 0)
        total = int(getattr(usage, "total_tokens", 0) or 0) or prompt + completion
        self.usage.add(
            Usage(prompt_tokens=prompt, completion_tokens=completion, total_tokens=total)
        )
        cost = _cost(response)
        if cost is None:
            self.cost_known = False
        if self.cost_known and cost is not None:
            self.usage.cost_usd = (self.usage.cost_usd or 0.0) + cost
        else:
            self.usage.cost_usd = None  # a partial sum would understate the cost


def _cost(response: Any) -> float | None:
    """What litellm says the response cost in USD; None for models it has no price for."""
    try:
        return float(litellm.completion_cost(completion_response=response))
    except Exception:  # litellm raises a variety of errors for unpriced models
        return None


class LLMExtractor:
    """Extracts claims with a language model through litellm (any provider it supports)."""

    name = "llm"

    def __init__(
        self,
        *,
        model: str,
        api_base: str | None = None,
        api_key: str | None = None,
        prompt_version: str = "v1",
        timeout: float = 60.0,
        max_retries: int = 2,
        temperature: float = 0.0,
        max_tokens: int | None = None,
        chunk_chars: int = 12_000,
        rate_limit_retries: int = 2,
        rate_limit_backoff: float = 1.0,
    ) -> None:
        try:
            litellm.get_llm_provider(model, api_base=api_base)
        except Exception as error:
            raise ExtractionError(
                FailureKind.configuration,
                f"litellm does not know which provider serves model {model!r}; name the "
                "provider first, e.g. 'openai/gpt-4o-mini' or 'ollama/llama3.1'",
            ) from error
        try:
            self.prompt = load_prompt("extract_claims", prompt_version)
        except PromptNotFound as error:
            raise ExtractionError(FailureKind.configuration, str(error)) from error
        self.model = model
        self.api_base = api_base
        self.timeout = timeout
        self.max_retries = max_retries
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.chunk_chars = chunk_chars
        self.rate_limit_retries = rate_limit_retries
        self.rate_limit_backoff = rate_limit_backoff
        self._api_key = api_key
        self._client = instructor.from_litellm(self._complete, mode=MODE)

    @classmethod
    def from_settings(
        cls, settings: Settings, *, model: str | None = None, prompt_version: str | None = None
    ) -> LLMExtractor:
        """An extractor configured from CLAIMKIT_* settings; arguments override them."""
        chosen = model or settings.model
        if not chosen:
            raise ExtractionError(
                FailureKind.configuration,
                "no model configured: set CLAIMKIT_MODEL to a litellm model id "
                "(e.g. openai/gpt-4o-mini)",
            )
        key = settings.model_api_key
        return cls(
            model=chosen,
            api_base=settings.model_api_base,
            api_key=key.get_secret_value() if key else None,
            prompt_version=prompt_version or settings.prompt_version,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
            temperature=settings.llm_temperature,
            max_tokens=settings.llm_max_tokens,
            chunk_chars=settings.llm_chunk_chars,
        )

    @property
    def parameters(self) -> dict[str, Any]:
        """Everything besides model and prompt that shapes the output (a cache key part)."""
        return {
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "max_retries": self.max_retries,
            "chunk_chars": self.chunk_chars,
            "timeout": self.timeout,
            "mode": MODE.value,
            "schema_sha": SCHEMA_SHA,
        }

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """Extract draft claims chunk by chunk; raises ExtractionError when the model fails."""
        chunks = split_into_chunks(article.text, self.chunk_chars)
        ledger = _Ledger()
        located: list[LocatedClaim] = []
        notes: list[str] = []
        dropped = 0
        for index, chunk in enumerate(chunks):
            check = _QuoteCheck(chunk.text, max_attempts=self.max_retries + 1)
            try:
                extraction = self._ask(article, chunk, index, len(chunks), check, ledger)
            except InstructorError as error:
                raise self._failure(error, ledger.attempts + check.attempts, ledger) from error
            finally:
                ledger.attempts += check.attempts
            for claim, spans in zip(extraction.claims, check.spans, strict=True):
                located.append(_located(claim.model_dump(), spans, chunk, index))
            dropped += len(check.dropped)
            notes += [f"dropped after {check.attempts} attempts: {p}" for p in check.dropped]
        claims = merge_chunk_claims(chunks, located)
        if len(chunks) > 1:
            notes.append(
                f"article split into {len(chunks)} chunks of at most {self.chunk_chars} "
                f"characters; {len(located) - len(claims)} duplicate claims merged"
            )
        return ExtractionResult(
            claims=claims,
            model=self.model,
            prompt_id=self.prompt.id,
            prompt_sha=self.prompt.sha,
            parameters=self.parameters,
            usage=ledger.usage,
            attempts=ledger.attempts,
            dropped=dropped,
            notes=notes,
        )

    def _ask(
        self,
        article: ArticleInput,
        chunk: Chunk,
        index: int,
        parts: int,
        check: _QuoteCheck,
        ledger: _Ledger,
    ) -> _GroundedExtraction:
        hooks = Hooks()
        hooks.on(HookName.COMPLETION_KWARGS, check.count_attempt)
        hooks.on(HookName.COMPLETION_RESPONSE, ledger.record_response)
        user = self.prompt.render_user(
            text=chunk.text,
            published=article.published,
            title=article.title,
            outlet=article.outlet,
            part=index + 1,
            parts=parts,
        )
        sampling: dict[str, Any] = {"temperature": self.temperature}
        if self.max_tokens is not None:
            sampling["max_tokens"] = self.max_tokens
        return self._client.create(
            model=self.model,
            response_model=_GroundedExtraction,
            messages=[
                {"role": "system", "content": self.prompt.system},
                {"role": "user", "content": user},
            ],
            max_retries=self.max_retries,
            context={"quote_check": check},
            strict=False,
            hooks=hooks,
            **sampling,
        )

    def _complete(self, **request: Any) -> Any:
        """One model request through litellm, retrying HTTP 429 with exponential backoff.

        Connection settings are added here rather than passed through instructor, which
        would otherwise also stop its re-asks once `timeout` seconds have passed in total.
        """
        for retry in range(self.rate_limit_retries + 1):
            try:
                return litellm.completion(
                    **request,
                    api_base=self.api_base,
                    api_key=self._api_key,
                    timeout=self.timeout,
                    max_retries=0,  # the SDK's own retries would also repeat timeouts
                    drop_params=True,  # omit parameters a provider does not support
                )
            except litellm.RateLimitError:
                if retry == self.rate_limit_retries:
                    raise
                time.sleep(self.rate_limit_backoff * 2**retry)
        raise AssertionError("unreachable")

    def _failure(self, error: InstructorError, attempts: int, ledger: _Ledger) -> ExtractionError:
        kind, message = self._describe(error, attempts)
        return ExtractionError(kind, message, attempts=attempts, usage=ledger.usage)

    def _describe(self, error: InstructorError, attempts: int) -> tuple[FailureKind, str]:
        """The failure kind and a one-line explanation a user can act on."""
        if isinstance(error, IncompleteOutputException):
            return FailureKind.invalid_output, (
                f"the model's output was cut off at the token limit (max_tokens={self.max_tokens})"
            )
        cause = error.__cause__ if isinstance(error, InstructorRetryException) else None
        if cause is None or not isinstance(cause, openai.OpenAIError):
            return FailureKind.invalid_output, (
                f"the model's output was still invalid after {attempts} attempts: "
                + _summarize(cause or error)
            )
        if isinstance(cause, litellm.Timeout):
            return FailureKind.timeout, (
                f"the model did not answer within the {self.timeout:g} s request timeout"
            )
        detail = _LITELLM_PREFIX.sub("", str(getattr(cause, "message", cause)))
        status = getattr(cause, "status_code", None)
        if isinstance(cause, litellm.RateLimitError):
            return FailureKind.rate_limited, (
                f"the model provider refused the request as rate limited (HTTP 429), still "
                f"after {self.rate_limit_retries} retries: {detail}"
            )
        if _connection_failed(cause):
            where = self.api_base or "the provider's default address"
            return FailureKind.model_error, f"could not connect to the model server at {where}"
        if status in (401, 403):
            return FailureKind.model_error, (
                f"the model provider rejected the credentials (HTTP {status}): {detail}"
            )
        if status is not None:
            return FailureKind.model_error, f"the model provider answered HTTP {status}: {detail}"
        return FailureKind.model_error, f"the model call failed: {detail}"


def _summarize(error: BaseException) -> str:
    """The first few validation problems as 'field: message', without pydantic's URLs."""
    if not isinstance(error, ValidationError):
        return str(error).strip().splitlines()[0][:300]
    problems = [
        f"{'.'.join(str(part) for part in problem['loc']) or 'output'}: {problem['msg']}"
        for problem in error.errors()[:3]
    ]
    more = error.error_count() - len(problems)
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


def _connection_failed(error: BaseException) -> bool:
    """True when the error chain shows the server could not be reached at all."""
    current: BaseException | None = error
    while current is not None:
        if isinstance(current, httpx.ConnectError):
            return True
        current = current.__cause__ or current.__context__
    return False


def _located(fields: dict[str, Any], spans: list[Span], chunk: Chunk, index: int) -> LocatedClaim:
    """A draft claim anchored at its first quote, with article offsets of all its quotes."""
    draft = DraftClaim(**fields, anchor=chunk.start + spans[0].start)
    offsets = tuple((chunk.start + s.start, chunk.start + s.end) for s in spans)
    return LocatedClaim(claim=draft, spans=offsets, chunk=index)
