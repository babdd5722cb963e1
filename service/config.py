"""Settings: every environment variable claimkit reads, validated at start."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# A JSON body may escape every character of an article as \uXXXX (6 bytes); the envelope
# (field names, title, url, outlet) gets 64 KiB on top.
JSON_BYTES_PER_CHAR = 6
BODY_ENVELOPE_BYTES = 65_536


class Settings(BaseSettings):
    """claimkit configuration; each field is read from CLAIMKIT_<NAME> (or .env)."""

    model_config = SettingsConfigDict(
        env_prefix="CLAIMKIT_", env_file=".env", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Field(Path("data"), description="where the SQLite file and caches live")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default: SQLite file <data_dir>/claimkit.db"
    )

    model: str | None = Field(
        None, description="litellm model id (e.g. openai/gpt-4o-mini); unset: offline extractor"
    )
    model_api_base: str | None = Field(
        None,
        validation_alias=AliasChoices("CLAIMKIT_MODEL_API_BASE", "CLAIMKIT_API_BASE"),
        description="base URL of an OpenAI-compatible server (vLLM, llama.cpp, Ollama)",
    )
    model_api_key: SecretStr | None = Field(
        None,
        description="API key sent to the configured model's provider only (else litellm's "
        "own env vars)",
    )
    allowed_models: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="comma-separated litellm model ids callers may choose in POST "
        "/articles/{id}/extract; default: the configured model only",
    )
    prompt_version: str = Field("v2", description="prompt version under prompts/extract_claims/")
    llm_mode: Literal["auto", "tools", "json_schema", "json"] = Field(
        "auto",
        description="how the model returns structure: tool call, JSON schema or plain JSON; "
        "auto picks JSON schema for a custom api_base, tools where litellm knows the "
        "provider supports them",
    )
    llm_timeout: float = Field(60.0, gt=0, description="seconds per model request")
    llm_max_retries: int = Field(2, ge=0, description="re-asks after invalid or ungrounded output")
    llm_temperature: float = Field(0.0, ge=0, le=2)
    llm_max_tokens: int | None = Field(None, gt=0, description="cap on completion tokens")
    llm_chunk_chars: int = Field(12_000, ge=500, description="article characters per model call")

    model_retries: int = Field(
        4,
        ge=0,
        le=20,
        description="retries of a model request after a 429, timeout, "
        "connection error or 5xx, with exponential backoff and jitter",
    )
    model_retry_backoff: float = Field(
        1.0, ge=0, description="seconds before the first retry of a failed model request"
    )
    model_retry_max_wait: float = Field(
        60.0, ge=0, description="longest wait between two tries (also caps Retry-After)"
    )
    model_rpm: int | None = Field(
        None, gt=0, description="requests per minute to the model, shared by all workers"
    )
    model_tpm: int | None = Field(
        None, gt=0, description="prompt tokens per minute to the model, shared by all workers"
    )

    queue_url: str | None = Field(
        None,
        description="redis://host:6379/0 to share runs between processes and machines; "
        "default: a SQLite queue file <data_dir>/queue.db (one machine)",
    )
    queue_name: str = Field(
        "claimkit",
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9_]+$",
        description="name of the queue, so several deployments can share one Redis",
    )
    workers: int = Field(
        16,
        ge=1,
        le=256,
        description="worker threads per consumer (runs mostly wait on the "
        "model); CPU-bound offline runs are limited to the cores",
    )
    embedded_worker: bool = Field(
        True, description="`claimkit serve` also executes runs (false: API only)"
    )
    max_pending_runs: int = Field(
        1000,
        ge=1,
        description="runs waiting to start before POST answers 503 (the article is still stored)",
    )
    worker_heartbeat_seconds: float = Field(
        5.0, gt=0, description="how often a worker says it is alive and looks for lost runs"
    )
    worker_timeout_seconds: float = Field(
        30.0, gt=0, description="a worker silent this long is dead: its runs start again"
    )
    max_interruptions: int = Field(
        3, ge=1, description="interrupted attempts (worker died) before a run fails"
    )

    db_pool_size: int = Field(10, ge=1, description="database connections kept open")
    db_max_overflow: int = Field(30, ge=0, description="extra connections under load")
    db_pool_timeout: float = Field(
        30.0, gt=0, description="seconds to wait for a free database connection"
    )

    max_article_chars: int = Field(200_000, gt=0, description="longest article text accepted")
    max_body_bytes: int = Field(
        2_097_152,
        gt=0,
        description="largest request body accepted (413 above it), checked before parsing; "
        "at least 6 bytes per CLAIMKIT_MAX_ARTICLE_CHARS character plus 64 KiB",
    )
    default_wait_seconds: float = Field(
        30.0, ge=0, description="how long POST waits for a run before answering 202"
    )
    api_key: SecretStr | None = Field(
        None, description="when set, write endpoints require it (X-API-Key header)"
    )
    trusted_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="comma-separated origins (https://host:port) besides this server's own "
        "whose pages may write; every other cross-site write is refused",
    )
    host: str = "127.0.0.1"
    port: int = 8000

    @field_validator("allowed_models", "trusted_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("trusted_origins")
    @classmethod
    def _origins(cls, origins: list[str]) -> list[str]:
        origins = [origin.rstrip("/").lower() for origin in origins]
        for origin in origins:
            scheme, _, host = origin.partition("://")
            if scheme not in ("http", "https") or not host or "/" in host:
                raise ValueError(
                    f"CLAIMKIT_TRUSTED_ORIGINS: {origin!r} is not an origin; write "
                    "scheme://host[:port], e.g. https://review.example.org"
                )
        return origins

    @field_validator("api_key")
    @classmethod
    def _key_not_empty(cls, key: SecretStr | None) -> SecretStr | None:
        if key is not None and not key.get_secret_value().strip():
            raise ValueError(
                "CLAIMKIT_API_KEY is set but empty: an empty key would leave writes "
                "unprotected; unset the variable, or set it to a secret"
            )
        return key

    @model_validator(mode="after")
    def _body_holds_an_article(self) -> Settings:
        needed = self.max_article_chars * JSON_BYTES_PER_CHAR + BODY_ENVELOPE_BYTES
        if self.max_body_bytes < needed:
            raise ValueError(
                f"CLAIMKIT_MAX_BODY_BYTES={self.max_body_bytes} cannot hold the longest article "
                f"(CLAIMKIT_MAX_ARTICLE_CHARS={self.max_article_chars}, up to "
                f"{JSON_BYTES_PER_CHAR} bytes per character in JSON, plus "
                f"{BODY_ENVELOPE_BYTES} for the rest): set it to at least {needed}"
            )
        return self

    def permitted_models(self) -> list[str]:
        """The model ids callers may choose: CLAIMKIT_ALLOWED_MODELS, else the configured one."""
        if self.allowed_models:
            return list(self.allowed_models)
        return [self.model] if self.model else []

    def resolved_database_url(self) -> str:
        """The database URL to use: the configured one or the default SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'claimkit.db').as_posix()}"

    def resolved_queue_url(self) -> str:
        """The queue URL to use: the configured one or the default SQLite queue file."""
        if self.queue_url:
            return self.queue_url
        return f"sqlite:///{(self.data_dir / 'queue.db').as_posix()}"


@lru_cache
def get_settings() -> Settings:
    """Settings read once from the environment; tests call get_settings.cache_clear()."""
    return Settings()
