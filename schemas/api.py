"""Request and response bodies of the HTTP API."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    TypeAdapter,
)

from schemas.claims import (
    NO_NUL_PATTERN,
    NOT_BLANK_PATTERN,
    Claim,
    JsonPattern,
    storable_text,
)
from schemas.review_status import Rating, ReviewStatus

_HTTP_URL = TypeAdapter(HttpUrl)

# An absolute http(s) URL with a DNS name (its last label starting with a letter) or an
# IPv4 address, an optional port, then anything but whitespace and control characters.
# Every string it matches is a valid URL (pydantic's HttpUrl agrees), and the OpenAPI
# description shows the same pattern, so clients can tell in advance what is accepted.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_TOP_LABEL = r"[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_HOST = rf"(?:(?:{_LABEL}\.)*{_TOP_LABEL}|{_OCTET}(?:\.{_OCTET}){{3}})"
WEB_ADDRESS_PATTERN = rf"^https?://{_HOST}(?::[1-9][0-9]{{0,3}})?(?:[/?#][^\s\x00-\x1f\x7f]*)?$"
_WEB_ADDRESS = re.compile(WEB_ADDRESS_PATTERN)
MAX_URL_CHARS = 2000


def web_address(value: str) -> str:
    """Accept an absolute http(s) URL, kept exactly as sent (not normalised)."""
    try:
        _HTTP_URL.validate_python(value)
    except ValueError:
        raise ValueError("must be an absolute http:// or https:// URL") from None
    if not _WEB_ADDRESS.fullmatch(value):
        raise ValueError(
            "must be an absolute http:// or https:// URL with a host name (or IPv4 address), "
            "an optional port below 10000, and no spaces or control characters"
        )
    return value


WebAddress = Annotated[
    str,
    StringConstraints(max_length=MAX_URL_CHARS),
    AfterValidator(web_address),
    JsonPattern(WEB_ADDRESS_PATTERN),
]
_Storable = AfterValidator(storable_text)
ArticleTitle = Annotated[
    str, StringConstraints(max_length=1000), _Storable, JsonPattern(NO_NUL_PATTERN)
]
OutletName = Annotated[
    str, StringConstraints(max_length=500), _Storable, JsonPattern(NO_NUL_PATTERN)
]
ModelId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    _Storable,
    JsonPattern(NOT_BLANK_PATTERN),
]
PromptVersion = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=40),
    _Storable,
    JsonPattern(NOT_BLANK_PATTERN),
]
# The text's own checks (empty, NUL, HTML, CLAIMKIT_MAX_ARTICLE_CHARS) answer with messages
# naming the problem (service/article_text.py); the pattern only describes them.
ArticleText = Annotated[str, JsonPattern(NOT_BLANK_PATTERN)]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date_only(value: object) -> object:
    """Refuse what pydantic would otherwise read as a date: numbers (Unix times), other
    spellings. A date is written YYYY-MM-DD, as the schema's `format: date` says."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(iso_date_only)]


class ErrorIssue(BaseModel):
    """One problem with a request: where it is and what is wrong."""

    loc: list[str | int] = Field(
        description="where: 'body', 'query', 'path' or 'header', then the field, e.g. "
        "['body', 'evidence', 0]"
    )
    msg: str = Field(description="what is wrong, for people")
    type: str = Field(description="the kind of problem, for programs, e.g. missing, too_long")


class ErrorPublic(BaseModel):
    """Every error answer: what went wrong, and a code programs can branch on."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"detail": "article 41 does not exist", "code": "not_found"},
                {
                    "detail": [
                        {"loc": ["query", "q"], "msg": "String should have at most 200 "
                         "characters", "type": "string_too_long"}
                    ],
                    "code": "validation_error",
                },
            ]
        }
    )  # fmt: skip

    detail: str | list[ErrorIssue] = Field(
        description="a message naming the problem, or (code validation_error) one issue per "
        "bad field"
    )
    code: str = Field(
        description="machine-readable: e.g. validation_error, not_found, body_too_large, "
        "json_too_deep, query_too_long, unsupported_media_type, cross_origin, unauthorized, "
        "model_not_allowed, queue_full"
    )


class ArticleCreate(BaseModel):
    """An article to store and extract claims from."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Ukrainian President Volodymyr Zelenskyy said Friday that Russia is "
                    "expected to deploy the first North Korean soldiers to combat zones as "
                    "early as Sunday.\n\nSouth Korea's National Intelligence Service said "
                    "approximately 3,000 North Korean soldiers have been sent to Russia.",
                    "title": "North Korean troops arrive in Kursk",
                    "outlet": "Example Daily",
                    "published": "2024-10-27",
                }
            ]
        },
    )

    text: ArticleText = Field(
        description="the article's plain text, exactly as it should be stored: not empty, "
        "no NUL, not HTML, at most CLAIMKIT_MAX_ARTICLE_CHARS characters"
    )
    title: ArticleTitle | None = None
    url: WebAddress | None = Field(None, description="where the article was published")
    outlet: OutletName | None = None
    published: IsoDate | None = Field(
        None, description="publication date; when absent, a dateline at the top is used"
    )


class ExtractRequest(BaseModel):
    """Which extractor, model and prompt version a re-extraction uses."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"extractor": "offline"}, {"model": "openai/gpt-4o-mini"}]},
    )

    extractor: Literal["offline", "llm", "sentences"] | None = Field(
        None, description="default: llm when a model is given or configured, else offline"
    )
    model: ModelId | None = Field(
        None,
        description="litellm model id, one of CLAIMKIT_ALLOWED_MODELS (default: the "
        "configured CLAIMKIT_MODEL)",
    )
    prompt_version: PromptVersion | None = Field(
        None, description="a version under prompts/extract_claims/, e.g. v1 (LLM only)"
    )


class UsagePublic(BaseModel):
    """Tokens and cost spent by a run."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cached_tokens: int = Field(
        0, description="prompt tokens the provider served from its prompt cache, if reported"
    )
    cost_usd: float | None


class DroppedClaimPublic(BaseModel):
    """A claim the extractor proposed but the run discarded, so a reviewer can add it by hand."""

    statement: str = Field(description="the claim as the extractor stated it")
    evidence: list[str] = Field(description="the quotes it cited, as the extractor wrote them")
    reason: str = Field(
        description="why it was dropped, e.g. a quote not found verbatim in the article"
    )


class RunPublic(BaseModel):
    """An extraction run: its status, how it was made, and why it failed if it did."""

    id: int
    article_id: int
    status: Literal["pending", "running", "succeeded", "failed"]
    extractor: str
    model: str | None
    prompt_id: str | None
    prompt_sha: str | None
    parameters: dict[str, Any]
    usage: UsagePublic
    attempts: int
    retries: int = Field(
        description="model requests repeated after transient faults (429, timeout, 5xx)"
    )
    last_error: str | None = Field(
        description="the last transient fault, also when a retry then succeeded"
    )
    interruptions: int = Field(
        description="times the worker executing this run died or was stopped mid-run"
    )
    worker: str | None = Field(description="the worker that holds or last held the run")
    claims_count: int
    dropped_count: int = Field(description="claims discarded by the extractor or by grounding")
    dropped: list[DroppedClaimPublic] = Field(
        default_factory=list,
        description="each discarded claim with its quotes and the reason (empty for runs "
        "stored before dropped claims were recorded)",
    )
    notes: list[str]
    error_kind: str | None
    error: str | None
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    latency_ms: float | None
    url: str = Field(description="where to poll this run")


class ArticleSummary(BaseModel):
    """An article without its text."""

    id: int
    title: str | None
    title_source: Literal["request", "first_line"] | None = Field(
        description="where the title came from: the request, or the text's first line when "
        "it reads as a headline (short, not ending like a sentence, more text after it)"
    )
    url: str | None
    outlet: str | None
    published: dt.date | None
    published_source: Literal["request", "dateline"] | None = Field(
        description="where the publication date came from"
    )
    published_text: str | None = Field(description="the dateline it was read from, if any")
    text_sha256: str
    char_count: int
    created_at: dt.datetime
    current_run_id: int | None = Field(description="latest succeeded run")
    latest_run: RunPublic | None = None


class ArticlePublic(ArticleSummary):
    """An article with its full text."""

    text: str


class ArticlesPublic(BaseModel):
    """A page of articles."""

    data: list[ArticleSummary]
    count: int = Field(description="total number of articles")


ClaimFlag = Literal["fuzzy_evidence", "instruction_in_evidence"]


class ClaimPublic(Claim):
    """A stored claim, as reviewed when it has been: the contract claim plus where it lives
    and its review state."""

    id: int
    article_id: int
    run_id: int
    review_state: ReviewStatus = Field(
        description="unreviewed, accepted, edited, rejected or added (written by a reviewer)"
    )
    reviewed: bool = Field(
        description="true when the claim's fields are the reviewed values (a reviewer accepted, "
        "edited, rejected or added it); false while they are as extracted"
    )
    rating: Rating | None = Field(
        None, description="a fact-checker's rating: true, false, misleading or unverifiable"
    )
    rating_note: str | None = Field(None, description="why the claim got its rating")
    rated_by: str | None = Field(None, description="who gave the rating")
    rated_at: dt.datetime | None = None
    flags: list[ClaimFlag] = Field(
        default_factory=list,
        description="why a reviewer should look closely: evidence located only by the lenient "
        "match, or evidence that reads as an instruction to a language model (a prompt "
        "injection the extractor may have obeyed)",
    )


class ClaimsPublic(BaseModel):
    """A page of claims."""

    data: list[ClaimPublic]
    count: int = Field(description="total number of matching claims")


class RunsPublic(BaseModel):
    """An article's runs, newest first."""

    data: list[RunPublic]
    count: int


class ExtractionPublic(BaseModel):
    """The answer to a POST: the stored article, the run, and its claims once it finished."""

    article: ArticlePublic
    run: RunPublic | None
    claims: list[ClaimPublic] | None = Field(
        description="null while the run is pending or running; poll run.url"
    )
    created: bool = Field(description="false when the same text was already stored")
    reused: bool = Field(
        False,
        description="true when an earlier succeeded run with the same extractor, model, "
        "prompt and parameters answers instead of a new run (ask `force=true` to re-run)",
    )


class QueueHealth(BaseModel):
    """The run queue: where it lives, how much waits, who works on it."""

    backend: str = Field(description="sqlite (one machine) or redis (shared)")
    ok: bool = Field(description="the queue's storage answers")
    detail: str
    pending_runs: int = Field(description="runs waiting to start (the backlog)")
    max_pending_runs: int = Field(description="backlog at which POST answers 503")
    running_runs: int
    workers: int = Field(description="worker processes heard from recently")
    worker_threads: int = Field(description="their threads in total")
    embedded_worker: bool = Field(description="this server executes runs itself")


class HealthPublic(BaseModel):
    """Whether the service can store and extract."""

    status: Literal["ok", "degraded"]
    database: str
    database_ok: bool
    extractor: str
    model: str | None
    extractor_ok: bool
    extractor_detail: str
    queue: QueueHealth | None = Field(
        description="null when the database cannot be read (the queue state lives there)"
    )
