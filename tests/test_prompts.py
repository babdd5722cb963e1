"""Versioned prompts: loading, rendering, stable hashes and the published-files manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from schemas.llm import LLMClaim, LLMExtraction
from service.grounding import Grounder
from service.prompts import (
    PROMPTS_DIR,
    PromptNotFound,
    available_versions,
    load_prompt,
)

TASK_DIR = PROMPTS_DIR / "extract_claims"


def test_prompt_loads_with_id_system_text_and_sha() -> None:
    prompt = load_prompt("extract_claims", "v1")

    assert prompt.id == "extract_claims/v1"
    assert "Evidence is verbatim" in prompt.system
    assert len(prompt.sha) == 64


def test_user_message_carries_date_with_weekday_title_outlet_and_text() -> None:
    prompt = load_prompt("extract_claims", "v1")

    user = prompt.render_user(
        text="The ferry opened.", published=dt.date(2024, 3, 6), title="Ferry", outlet="Coast"
    )

    assert "2024-03-06 (Wednesday)" in user
    assert "Title: Ferry" in user and "Outlet: Coast" in user
    assert "The ferry opened." in user
    assert "part" not in user


def test_user_message_of_a_chunk_names_the_part() -> None:
    user = load_prompt("extract_claims", "v1").render_user(text="x", part=2, parts=3)

    assert "part 2 of 3" in user


def test_sha_is_stable_across_loads() -> None:
    assert load_prompt("extract_claims", "v1").sha == load_prompt("extract_claims", "v1").sha


def test_sha_changes_when_a_prompt_file_changes(tmp_path: Path) -> None:
    shutil.copytree(TASK_DIR / "v1", tmp_path / "extract_claims" / "v1")
    before = load_prompt("extract_claims", "v1", prompts_dir=tmp_path).sha
    system = tmp_path / "extract_claims" / "v1" / "system.md"
    system.write_text(system.read_text() + "\nOne more rule.\n")

    assert load_prompt("extract_claims", "v1", prompts_dir=tmp_path).sha != before


def test_unknown_version_error_names_the_available_versions() -> None:
    with pytest.raises(PromptNotFound, match=r"extract_claims/v999.*available versions.*v1"):
        load_prompt("extract_claims", "v999")


def test_unknown_task_error_says_there_are_none() -> None:
    with pytest.raises(PromptNotFound, match="none"):
        load_prompt("no_such_task", "v1")


def test_versions_are_listed_in_numeric_order(tmp_path: Path) -> None:
    for version in ("v10", "v2", "v1"):
        (tmp_path / "task" / version).mkdir(parents=True)
        (tmp_path / "task" / version / "system.md").write_text("Be brief.")

    assert available_versions("task", tmp_path) == ["v1", "v2", "v10"]


def test_example_claims_match_the_schema_and_quote_their_article() -> None:
    examples = json.loads((TASK_DIR / "v1" / "examples.json").read_text(encoding="utf-8"))

    for example in examples:
        grounder = Grounder(example["text"])
        for raw in example["claims"]:
            claim = LLMClaim.model_validate(raw)
            for quote in claim.evidence:
                assert grounder.locate(quote).text == quote


def test_published_prompt_files_match_the_sha256_manifest() -> None:
    """Published versions are never edited: a change belongs in a new version directory."""
    manifest = {}
    for line in (TASK_DIR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        manifest[name] = digest
    on_disk = {
        path.relative_to(TASK_DIR).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for version in available_versions("extract_claims")
        for path in sorted((TASK_DIR / version).iterdir())
    }

    assert on_disk == manifest, (
        "prompt files differ from prompts/extract_claims/SHA256SUMS: do not edit a published "
        "version; add a new version directory and append its sums "
        "(cd prompts/extract_claims && sha256sum vN/* >> SHA256SUMS)"
    )


def _claim_schema(schema: dict[str, object]) -> dict[str, object]:
    """The schema of one claim, following a $ref if the schema uses $defs."""
    items = schema["properties"]["claims"]["items"]  # type: ignore[index]
    if "$ref" in items:
        return schema["$defs"][items["$ref"].rsplit("/", 1)[-1]]  # type: ignore[index, no-any-return]
    return items  # type: ignore[no-any-return]


@pytest.mark.parametrize("version", available_versions("extract_claims"))
def test_the_schema_a_version_shows_the_model_matches_the_llm_contract(version: str) -> None:
    prompt = load_prompt("extract_claims", version)
    assert prompt.schema is not None, f"{version} has no schema.json"
    shown = _claim_schema(prompt.schema)
    contract = _claim_schema(LLMExtraction.model_json_schema())
    assert set(shown["properties"]) == set(contract["properties"])  # type: ignore[arg-type]
    assert set(shown["required"]) == set(contract["required"])  # type: ignore[arg-type]


def test_the_schema_file_is_part_of_the_prompt_sha(tmp_path: Path) -> None:
    shutil.copytree(TASK_DIR / "v2", tmp_path / "extract_claims" / "v2")
    before = load_prompt("extract_claims", "v2", prompts_dir=tmp_path).sha
    schema = tmp_path / "extract_claims" / "v2" / "schema.json"
    schema.write_text(schema.read_text().replace('"number"', '"integer"', 1))

    assert load_prompt("extract_claims", "v2", prompts_dir=tmp_path).sha != before


def test_v2_user_message_leaves_out_unknown_title_and_outlet_and_ends_with_the_text() -> None:
    user = load_prompt("extract_claims", "v2").render_user(text="The ferry opened.")

    assert user.startswith("Published: unknown\n")
    assert "Title" not in user and "Outlet" not in user
    assert user.endswith("The ferry opened.\n>>>")
