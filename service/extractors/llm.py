"""The LLM extractor: instructor over litellm, with every quote checked against the article.

Invalid output: the answer is parsed into the prompt version's response model
(llm_answer.py), whose validator locates every quote; instructor re-asks on validation
errors up to `max_retries` times, and on the last attempt claims whose quotes are still
missing are dropped and recorded. Schema errors and broken JSON on the last attempt are
fatal (`invalid_output`).

Transient faults are a different matter (llm_faults.py): a 429, a timeout, a lost
connection or a 5xx repeats the same request (tenacity, honouring Retry-After, else
exponential backoff with jitter) up to `model_retries` times before the run fails. Every
try first waits for the optional requests- and tokens-per-minute limit shared by all
workers (ratelimit.py). What a run cost is summed in llm_usage.py; why it failed is put
into words in llm_failures.py.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import math
import os
import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import partial
from typing import TYPE_CHECKING, Any

# litellm fetches its model cost map from the network on import unless told otherwise.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import instructor
import litellm
import openai  # (installed with litellm and instructor; their errors derive from it)
from instructor.core import (
    HookName,
    Hooks,
    InstructorError,
)
from tenacity import Retrying, retry_if_exception, stop_after_attempt

from service.extractors.base import (
    ArticleInput,
    DroppedClaim,
    ExtractionError,
    ExtractionResult,
    FailureKind,
)
from service.extractors.chunking import (
    Chunk,
    LocatedClaim,
    located_claim,
    merge_chunk_claims,
    split_into_chunks,
)
from service.extractors.llm_answer import (
    CURRENT_CHECK,
    GroundedAnswer,
    QuoteCheck,
    response_model_for,
)
from service.extractors.llm_failures import describe_failure, fault_line
from service.extractors.llm_faults import WaitForServer, is_transient, raised
from service.extractors.llm_usage import UsageLedger
from service.extractors.modes import LLMMode, instructor_mode, mode_hint, resolve_mode
from service.extractors.prompt_tokens import PromptTokens, request_tokens
from service.extractors.ratelimit import ModelRateLimiter, shared_limiter
from service.prompts import PromptNotFound, load_prompt

if TYPE_CHECKING:
    from service.config import Settings

litellm.suppress_debug_info = True  # no "Give Feedback / Get Help" banners on stdout
# Token estimates for rate limits use tiktoken (bundled with litellm) for every model: for
# Llama, Cohere and some Claude ids litellm would otherwise download a Hugging Face tokenizer.
litellm.disable_hf_tokenizer_download = True

# Modules the first model request would import lazily (the OpenAI client's resources, the
# HTTP stack, instructor's provider handlers): about 0.9 s, under the import lock, so a
# burst of first requests on many threads would queue behind it. warm_up() loads them.
_LAZY_MODULES = (
    "openai.resources.chat.completions",
    "httpcore",
    "h11",
    "docstring_parser",
    "litellm._service_logger",
    "instructor.v2.providers.litellm",
    "instructor.v2.providers.openai.handlers",
)


class _Captured(Exception):
    """Raised by first_request's stand-in model call once it has the request."""


class _QuietCapture(logging.Filter):
    """Drops instructor's retry log records while first_request stops its own request."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not _CAPTURING.get()


_CAPTURING: ContextVar[bool] = ContextVar("capturing", default=False)
logging.getLogger("instructor.v2.retry").addFilter(_QuietCapture())


class LLMExtractor:
    """Extracts claims with a language model through litellm (any provider it supports)."""

    name = "llm"

    def __init__(
        self,
        *,
        model: str,
        api_base: str | None = None,
        api_key: str | None = None,
        prompt_version: str = "v2",
        timeout: float = 60.0,
        max_retries: int = 2,
        temperature: float = 0.0,
        max_tokens: int | None = None,
        chunk_chars: int = 12_000,
        model_retries: int = 4,
        model_retry_backoff: float = 1.0,
        model_retry_max_wait: float = 60.0,
        rate_limiter: ModelRateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        mode: LLMMode | str = LLMMode.auto,
    ) -> None:
        try:
            self._provider = str(litellm.get_llm_provider(model, api_base=api_base)[1])
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
        self.mode = resolve_mode(mode, model=model, api_base=api_base)
        self.timeout = timeout
        self.max_retries = max_retries
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.chunk_chars = chunk_chars
        self.model_retries = model_retries
        self.model_retry_backoff = model_retry_backoff
        self.model_retry_max_wait = model_retry_max_wait
        self.rate_limiter = rate_limiter
        self._sleep = sleep
        self._api_key = api_key

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
            mode=settings.llm_mode,
            model_retries=settings.model_retries,
            model_retry_backoff=settings.model_retry_backoff,
            model_retry_max_wait=settings.model_retry_max_wait,
            rate_limiter=shared_limiter(
                model=chosen,
                rpm=settings.model_rpm,
                tpm=settings.model_tpm,
                queue_url=settings.queue_url,
                queue_name=settings.queue_name,
            ),
        )

    def warm_up(self) -> None:
        """Load what the first request would load lazily, so a worker starts ready."""
        for name in _LAZY_MODULES:
            with contextlib.suppress(ImportError):  # best effort: names move between versions
                importlib.import_module(name)
        _ = openai.OpenAI(api_key="warm-up", base_url="http://127.0.0.1:9").chat.completions

    def identity(self) -> dict[str, Any]:
        """What determines the output besides the text: model, prompt and parameters."""
        return {"model": self.model, "prompt_sha": self.prompt.sha, "parameters": self.parameters}

    @property
    def parameters(self) -> dict[str, Any]:
        """Everything besides model and prompt that shapes the output (a cache key part)."""
        return {
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "max_retries": self.max_retries,
            "chunk_chars": self.chunk_chars,
            "timeout": self.timeout,
            "mode": self.mode.value,
        }

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """Extract draft claims chunk by chunk; raises ExtractionError when the model fails."""
        chunks = split_into_chunks(article.text, self.chunk_chars)
        ledger = UsageLedger()
        located: list[LocatedClaim] = []
        notes: list[str] = []
        dropped: list[DroppedClaim] = []
        for index, chunk in enumerate(chunks):
            check = QuoteCheck(chunk.text, max_attempts=self.max_retries + 1)
            try:
                extraction = self._ask(article, chunk, index, len(chunks), check, ledger)
            except InstructorError as error:
                raise self._failure(error, ledger.attempts + check.attempts, ledger) from error
            finally:
                ledger.attempts += check.attempts
            for claim, spans in zip(extraction.claims, check.spans, strict=True):
                located.append(located_claim(claim.model_dump(), spans, chunk, index))
            dropped += check.dropped
            notes += [f"dropped: {d.statement!r}: {d.reason}" for d in check.dropped]
        claims = merge_chunk_claims(chunks, located)
        if len(chunks) > 1:
            notes.append(
                f"article split into {len(chunks)} chunks of at most {self.chunk_chars} "
                f"characters; {len(located) - len(claims)} duplicate claims merged"
            )
        if ledger.retries:
            notes.append(ledger.retry_note())
        return ExtractionResult(
            claims=claims,
            model=self.model,
            prompt_id=self.prompt.id,
            prompt_sha=self.prompt.sha,
            parameters=self.parameters,
            usage=ledger.usage,
            attempts=ledger.attempts,
            dropped=len(dropped),
            dropped_claims=dropped,
            notes=notes,
            retries=ledger.retries,
            last_error=ledger.last_error,
        )

    def _ask(
        self,
        article: ArticleInput,
        chunk: Chunk,
        index: int,
        parts: int,
        check: QuoteCheck,
        ledger: UsageLedger,
    ) -> GroundedAnswer:
        hooks = Hooks()
        hooks.on(HookName.COMPLETION_KWARGS, check.count_attempt)
        hooks.on(HookName.COMPLETION_RESPONSE, ledger.record_response)
        sampling: dict[str, Any] = {"temperature": self.temperature}
        if self.max_tokens is not None:
            sampling["max_tokens"] = self.max_tokens
        client = instructor.from_litellm(
            partial(self._complete, ledger), mode=instructor_mode(self.mode)
        )
        messages = self._messages(article, chunk.text, index + 1, parts)
        token = CURRENT_CHECK.set(check)
        try:
            return client.create(
                model=self.model,
                response_model=response_model_for(self.prompt),
                messages=messages,
                max_retries=self.max_retries,
                strict=False,
                hooks=hooks,
                **sampling,
            )
        finally:
            CURRENT_CHECK.reset(token)

    def _messages(self, article: ArticleInput, text: str, part: int, parts: int) -> list[Any]:
        """System message first, then the user message with the article text last."""
        user = self.prompt.render_user(
            text=text,
            published=article.published,
            title=article.title,
            outlet=article.outlet,
            part=part,
            parts=parts,
        )
        return [self._system_message(), {"role": "user", "content": user}]

    def first_request(self, article: ArticleInput) -> dict[str, Any]:
        """The keyword arguments of the first request sent for `article`; nothing is sent."""
        captured: dict[str, Any] = {}

        def capture(**request: Any) -> Any:
            captured.update(request)
            raise _Captured

        chunks = split_into_chunks(article.text, self.chunk_chars)
        chunk, parts = chunks[0], len(chunks)
        client = instructor.from_litellm(capture, mode=instructor_mode(self.mode))
        token = _CAPTURING.set(True)
        try:
            with contextlib.suppress(_Captured, InstructorError):
                client.create(
                    model=self.model,
                    response_model=response_model_for(self.prompt),
                    messages=self._messages(article, chunk.text, 1, parts),
                    max_retries=0,
                    strict=False,
                )
        finally:
            _CAPTURING.reset(token)
        return captured

    def prompt_tokens(self, article: ArticleInput | None = None) -> PromptTokens:
        """Prompt tokens of the first request for `article`; for none, the fixed part."""
        return request_tokens(self.first_request(article or ArticleInput(text="")))

    def _system_message(self) -> dict[str, Any]:
        """The static instructions, marked cacheable for providers that need asking.

        OpenAI caches a repeated prompt prefix by itself; Anthropic only when told to.
        """
        if self._provider != "anthropic":
            return {"role": "system", "content": self.prompt.system}
        block = {"type": "text", "text": self.prompt.system, "cache_control": {"type": "ephemeral"}}
        return {"role": "system", "content": [block]}

    def _complete(self, ledger: UsageLedger, **request: Any) -> Any:
        """One model request through litellm, retrying transient faults with backoff.

        Connection settings are added here rather than passed through instructor, which
        would otherwise also stop its re-asks once `timeout` seconds have passed in total.
        """
        tokens = self._estimate_tokens(request)
        retrying = Retrying(
            retry=retry_if_exception(is_transient),
            stop=stop_after_attempt(self.model_retries + 1),
            wait=WaitForServer(self.model_retry_backoff, self.model_retry_max_wait),
            after=lambda state: ledger.note_fault(fault_line(raised(state), timeout=self.timeout)),
            before_sleep=lambda state: ledger.count_retry(),
            sleep=self._sleep,
            reraise=True,  # the provider's error for describe_failure, not tenacity's RetryError
        )
        return retrying(self._request, request, tokens)

    def _request(self, request: dict[str, Any], tokens: int) -> Any:
        """Send one request, first waiting for the shared rate limit when one is set."""
        if self.rate_limiter is not None:
            self.rate_limiter.acquire(tokens)
        return litellm.completion(
            **request,
            api_base=self.api_base,
            api_key=self._api_key,
            timeout=self.timeout,
            max_retries=0,  # retried in _complete; the SDK's own retries would come on top
            drop_params=True,  # omit parameters a provider does not support
        )

    def _estimate_tokens(self, request: dict[str, Any]) -> int:
        """Prompt tokens of a request, for a token rate limit (0 when none is set)."""
        if self.rate_limiter is None or not self.rate_limiter.counts_tokens:
            return 0
        messages, tools = request.get("messages") or [], request.get("tools")
        try:
            return int(litellm.token_counter(model=self.model, messages=messages, tools=tools))
        except Exception:  # litellm raises a variety of errors for content it cannot count
            return math.ceil(len(json.dumps([messages, tools], default=str)) / 4)

    def _failure(
        self, error: InstructorError, attempts: int, ledger: UsageLedger
    ) -> ExtractionError:
        kind, message = describe_failure(
            error,
            attempts,
            timeout=self.timeout,
            model_retries=self.model_retries,
            max_tokens=self.max_tokens,
            api_base=self.api_base,
        )
        if kind in (FailureKind.invalid_output, FailureKind.model_error):
            hint = mode_hint(self.mode, message)
            message += f" (mode {self.mode.value}: {hint})" if hint else ""
        return ExtractionError(
            kind,
            message,
            attempts=attempts,
            usage=ledger.usage,
            retries=ledger.retries,
            last_error=ledger.last_error,
        )
