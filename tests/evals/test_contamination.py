"""No prompt shows the model evaluation text: a run of words or a figure from a gold or
fixture article, outside the article itself."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from instructor.v2.providers.openai.schema import generate_openai_schema

from evals.contamination import findings, reference_texts, shingles
from service.extractors.llm_answer import response_model_for
from service.prompts import PROMPTS_DIR, available_versions, load_prompt

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evals" / "gold"
# Both splits and the made-up set: a prompt must not quote dev articles either (they would
# inflate dev figures).
REFERENCES = reference_texts(
    GOLD / "dev",
    GOLD / "test",
    ROOT / "evals" / "made-up",
    ROOT / "tests" / "fixtures" / "articles",
)
# v1 is kept unchanged for comparison; its schema descriptions quote gold articles.
KNOWN_CONTAMINATED = {"v1"}


def shown_text(version: str, prompts_dir: Path = PROMPTS_DIR) -> str:
    """Everything a version sends besides the article, and every file of the version."""
    prompt = load_prompt("extract_claims", version, prompts_dir)
    model = response_model_for(prompt)
    sent = [
        prompt.system,
        prompt.render_user(text="", title="", outlet="", part=1, parts=2),
        json.dumps(generate_openai_schema(model), ensure_ascii=False),
        json.dumps(model.model_json_schema(), ensure_ascii=False),
    ]
    files = [
        p.read_text(encoding="utf-8")
        for p in sorted((prompts_dir / "extract_claims" / version).iterdir())
    ]
    return "\n".join(sent + files)


def test_there_are_reference_articles_of_both_splits_to_check_against() -> None:
    assert len(REFERENCES) >= 12
    for split in ("dev", "test"):
        assert {path.name for path in (GOLD / split).glob("*.json")} <= set(REFERENCES)


@pytest.mark.parametrize(
    "version",
    [v for v in available_versions("extract_claims") if v not in KNOWN_CONTAMINATED],
)
def test_prompt_version_shows_the_model_no_gold_or_fixture_text(version: str) -> None:
    found = findings(shown_text(version), REFERENCES)
    assert found == [], "\n".join(f"{f.kind}: {f.text!r} ({f.reference})" for f in found)


def test_the_legacy_v1_is_caught_quoting_gold_figures() -> None:
    kinds = {finding.kind for finding in findings(shown_text("v1"), REFERENCES)}
    assert "quoted figure" in kinds


def test_a_planted_run_of_gold_words_is_caught(tmp_path: Path) -> None:
    shutil.copytree(PROMPTS_DIR / "extract_claims" / "v2", tmp_path / "extract_claims" / "v2")
    name, article = sorted(REFERENCES.items())[0]
    planted = " ".join(sorted(shingles(article))[0])
    system = tmp_path / "extract_claims" / "v2" / "system.md"
    system.write_text(system.read_text(encoding="utf-8") + f"\nFor instance: {planted}.\n")
    found = findings(shown_text("v2", tmp_path), REFERENCES)
    assert any(f.kind == "words" and f.reference == name for f in found)


def test_a_planted_gold_figure_in_the_schema_is_caught(tmp_path: Path) -> None:
    shutil.copytree(PROMPTS_DIR / "extract_claims" / "v2", tmp_path / "extract_claims" / "v2")
    schema_file = tmp_path / "extract_claims" / "v2" / "schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    name, article = sorted(REFERENCES.items())[0]
    figure = re.search(r"\b\d[\d,.]*\s+[a-z]{4,}", article)
    assert figure is not None
    schema["description"] += f" For example '{figure.group()}'."
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    found = findings(shown_text("v2", tmp_path), REFERENCES)
    assert {f.kind for f in found if f.reference == name} >= {"quoted figure", "figure with noun"}


def test_made_up_figures_and_everyday_words_are_not_findings() -> None:
    shown = "Record 'about 1,234 volunteers' and the 77 lighthouses of the claim, said the rules."
    assert findings(shown, {"article": "Officials said 3,000 soldiers arrived on Monday."}) == []
