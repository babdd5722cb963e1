"""Settings: every environment variable claimkit reads, validated at start."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


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
        None, description="API key sent to the model provider (else litellm's own env vars)"
    )
    prompt_version: str = Field("v1", description="prompt version under prompts/extract_claims/")
    llm_timeout: float = Field(60.0, gt=0, description="seconds per model request")
    llm_max_retries: int = Field(2, ge=0, description="re-asks after invalid or ungrounded output")
    llm_temperature: float = Field(0.0, ge=0, le=2)
    llm_max_tokens: int | None = Field(None, gt=0, description="cap on completion tokens")
    llm_chunk_chars: int = Field(12_000, ge=500, description="article characters per model call")

    max_article_chars: int = Field(200_000, gt=0, description="longest article text accepted")
    default_wait_seconds: float = Field(
        30.0, ge=0, description="how long POST waits for a run before answering 202"
    )
    api_key: SecretStr | None = Field(
        None, description="when set, write endpoints require it (X-API-Key header)"
    )
    host: str = "127.0.0.1"
    port: int = 8000

    def resolved_database_url(self) -> str:
        """The database URL to use: the configured one or the default SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'claimkit.db').as_posix()}"


@lru_cache
def get_settings() -> Settings:
    """Settings read once from the environment; tests call get_settings.cache_clear()."""
    return Settings()
