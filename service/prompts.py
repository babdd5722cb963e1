"""Versioned prompt files: prompts/<task>/<version>/{system.md,user.md,examples.json,schema.json}.

A published version is never edited; a change is a new version directory. `schema.json` is
the output schema the model is shown (tool parameters, or the JSON schema it must follow),
so its descriptions are prompt text and belong to the version. Each loaded prompt carries a
sha256 of all these files: every run records exactly what the model was told.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
# The files that shape what the model sees, in hashing order; CHANGELOG.md is not one.
PROMPT_FILES = ("system.md", "user.md", "examples.json", "schema.json")

_ENVIRONMENT = jinja2.Environment(
    undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False
)


class PromptNotFound(LookupError):
    """A prompt task or version that does not exist; the message names the available ones."""


@dataclass(frozen=True)
class Prompt:
    """One loaded prompt version: the system message and the user-message template."""

    task: str
    version: str
    system: str
    user_template: str
    sha: str
    schema_text: str | None = None  # schema.json as written; None: the schemas/llm.py one

    @property
    def schema(self) -> dict[str, Any] | None:
        """The output schema shown to the model (a fresh copy), if the version has one."""
        return json.loads(self.schema_text) if self.schema_text is not None else None

    @property
    def id(self) -> str:
        """The prompt's id as recorded on runs: '<task>/<version>'."""
        return f"{self.task}/{self.version}"

    def render_user(
        self,
        *,
        text: str,
        published: dt.date | None = None,
        title: str | None = None,
        outlet: str | None = None,
        part: int = 1,
        parts: int = 1,
    ) -> str:
        """The user message for one article (or one part of a long article)."""
        return _compiled(self.user_template).render(
            text=text,
            published=published.isoformat() if published else None,
            published_weekday=published.strftime("%A") if published else None,
            title=title,
            outlet=outlet,
            part=part,
            parts=parts,
        )


@lru_cache(maxsize=32)
def _compiled(template: str) -> jinja2.Template:
    """A user template compiled once, not on every model call."""
    return _ENVIRONMENT.from_string(template)


def available_versions(task: str, prompts_dir: Path = PROMPTS_DIR) -> list[str]:
    """The versions of `task` on disk, oldest first (v1, v2, ..., v10)."""
    task_dir = prompts_dir / task
    if not task_dir.is_dir():
        return []
    versions = [p.name for p in task_dir.iterdir() if (p / "system.md").is_file()]
    return sorted(versions, key=_version_order)


def load_prompt(task: str, version: str, prompts_dir: Path = PROMPTS_DIR) -> Prompt:
    """Load one prompt version; raises PromptNotFound naming the available versions.

    Extractors are built for every run, so a version is read from disk again only when
    one of its files changed (size or modification time).
    """
    version_dir = prompts_dir / task / version
    stamp = tuple(_stat(version_dir / name) for name in PROMPT_FILES)
    return _load_prompt(task, version, prompts_dir, stamp)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=64)
def _load_prompt(
    task: str, version: str, prompts_dir: Path, _stamp: tuple[tuple[int, int] | None, ...]
) -> Prompt:
    versions = available_versions(task, prompts_dir)
    if version not in versions:
        listed = ", ".join(versions) if versions else "none"
        raise PromptNotFound(
            f"prompt {task}/{version} does not exist in {prompts_dir}; "
            f"available versions of {task}: {listed}"
        )
    version_dir = prompts_dir / task / version
    contents = {
        name: (version_dir / name).read_text(encoding="utf-8")
        for name in PROMPT_FILES
        if (version_dir / name).is_file()
    }
    system = contents["system.md"].strip()
    if "examples.json" in contents:
        system += "\n\n" + _render_examples(json.loads(contents["examples.json"]))
    return Prompt(
        task=task,
        version=version,
        system=system,
        user_template=contents.get("user.md", "{{ text }}"),
        sha=_sha(contents),
        schema_text=contents.get("schema.json"),
    )


def _sha(contents: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in PROMPT_FILES:
        if name in contents:
            digest.update(f"{name}\0{contents[name]}\0".encode())
    return digest.hexdigest()


def _render_examples(examples: list[dict[str, Any]]) -> str:
    parts = ["## Example (made up, for illustration only)"]
    for example in examples:
        published = _date_line(example.get("published"))
        lines = ",\n".join(json.dumps(c, ensure_ascii=False) for c in example["claims"])
        claims = f'{{"claims": [\n{lines}\n]}}'
        parts.append(
            f"Publication date: {published}\nArticle text:\n<<<\n{example['text']}\n>>>\n\n"
            f"Tool call arguments:\n{claims}"
        )
    return "\n\n".join(parts)


def _date_line(published: str | None) -> str:
    if not published:
        return "unknown"
    date = dt.date.fromisoformat(published)
    return f"{date.isoformat()} ({date:%A})"


def _version_order(name: str) -> tuple[int, str]:
    digits = name.removeprefix("v")
    return (int(digits) if digits.isdigit() else -1, name)
