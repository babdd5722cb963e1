"""The test splits are sealed: rules (service/) and prompts (prompts/) never read or quote
them (evals/gold/test/, and evals/made-up/test/); only the eval harness does."""

from __future__ import annotations

import re
from pathlib import Path

from evals.cases import gold_files
from evals.contamination import findings, reference_texts

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evals" / "gold"
TEST_SPLIT = GOLD / "test"
MADE_UP_TEST = ROOT / "evals" / "made-up" / "test"
RULE_FOLDERS = (ROOT / "service", ROOT / "prompts")
TEXT_SUFFIXES = {".py", ".md", ".json", ".txt", ".yaml", ".yml", ".toml", ".j2", ".jinja"}
# Any way of spelling a path into the test split: "gold/test", "gold" / "test", 'gold', 'test'.
TEST_PATH = re.compile(r"(?:gold|made-up)\W{1,6}test\b", re.IGNORECASE)
# Quotes of test articles that predate the split, in comments of the offline rules; reword
# them and remove them here (the lead's call: service/ is not the harness's to edit).
KNOWN_QUOTES: dict[str, set[str]] = {}


def rule_files() -> list[Path]:
    """Every text file of the rules and prompts."""
    return [
        path
        for folder in RULE_FOLDERS
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts
    ]


def test_there_are_rule_files_and_a_test_split_to_check() -> None:
    assert len(rule_files()) > 20
    assert len(gold_files(GOLD, "test")) >= 3
    assert len(gold_files(MADE_UP_TEST)) >= 3


def test_no_rule_or_prompt_file_refers_to_the_test_split() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in rule_files()
        if TEST_PATH.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_no_rule_or_prompt_file_names_a_test_article() -> None:
    ids = [path.stem for path in [*gold_files(GOLD, "test"), *gold_files(MADE_UP_TEST)]]
    offenders = [
        f"{path.relative_to(ROOT)}: {article}"
        for path in rule_files()
        for article in ids
        if article in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert offenders == []


def test_no_rule_or_prompt_file_quotes_a_test_article_beyond_the_known_old_quotes() -> None:
    references = reference_texts(TEST_SPLIT, MADE_UP_TEST)
    new = []
    for path in rule_files():
        name = str(path.relative_to(ROOT))
        shown = path.read_text(encoding="utf-8", errors="replace")
        for finding in findings(shown, references):
            if finding.kind == "words" and not any(
                finding.text in known or known in finding.text
                for known in KNOWN_QUOTES.get(name, set())
            ):
                new.append(f"{name}: {finding.text!r} ({finding.reference})")
    assert new == [], "\n".join(new)


def test_the_path_pattern_catches_the_usual_spellings() -> None:
    spellings = ('"evals/gold/test"', 'GOLD / "test"', "Path('evals', 'gold', 'test')")
    for spelling in (*spellings, '"evals/made-up/test"'):
        assert TEST_PATH.search(spelling.replace("GOLD", "gold")), spelling
    assert not TEST_PATH.search("gold_tests_helper")
