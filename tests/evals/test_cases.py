"""Loading gold files: any folder or single file; invalid files are refused with clear messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.cases import GoldError, check_gold, gold_fingerprint, load_gold, load_gold_file
from tests.evals.builders import gold_article, write_gold, write_raw


def raw_article(**changes: object) -> dict:
    data = json.loads(gold_article().model_dump_json())
    data.update(changes)
    return data


def problems_of(path: Path) -> list[str]:
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    return caught.value.problems


def test_a_folder_loads_every_json_file_in_name_order(tmp_path: Path) -> None:
    write_gold(tmp_path, gold_article("b"), gold_article("a"))
    (tmp_path / "README.md").write_text("not gold")
    assert [case.id for case in load_gold(tmp_path)] == ["a", "b"]


def test_a_single_file_loads_on_its_own(tmp_path: Path) -> None:
    path, _ = write_gold(tmp_path, gold_article("a"), gold_article("b"))
    cases = load_gold(path)
    assert [case.id for case in cases] == ["a"] and cases[0].path == path


def test_a_span_that_does_not_match_the_text_names_file_claim_and_span(tmp_path: Path) -> None:
    data = raw_article()
    data["claims"][1]["evidence"][0]["start"] += 1
    data["claims"][1]["evidence"][0]["end"] += 1
    path = write_raw(tmp_path / "bad-span.json", data)
    [problem] = problems_of(path)
    assert "bad-span.json" in problem
    assert "claim 'c2'" in problem and "evidence[0]" in problem
    assert "The ministry denied that the troops had fought." in problem


def test_a_repeated_claim_id_is_refused(tmp_path: Path) -> None:
    data = raw_article()
    data["claims"][2]["id"] = "c1"
    path = write_raw(tmp_path / "repeat.json", data)
    [problem] = problems_of(path)
    assert "repeat.json" in problem and "'c1'" in problem and "more than once" in problem


def test_a_field_that_breaks_the_contract_names_claim_and_field(tmp_path: Path) -> None:
    data = raw_article()
    data["claims"][1]["kind"] = "rumour"
    data["claims"][0]["quantities"][0]["value"] = "many"
    path = write_raw(tmp_path / "fields.json", data)
    problems = problems_of(path)
    assert any("claim 'c2'" in p and "field kind" in p for p in problems)
    assert any("claim 'c1'" in p and "field quantities[0].value" in p for p in problems)
    assert all(p.startswith(f"{path}: ") for p in problems)


def test_an_unknown_field_is_an_error_not_silently_dropped(tmp_path: Path) -> None:
    data = raw_article()
    data["claims"][0]["confidence"] = 0.9
    [problem] = problems_of(write_raw(tmp_path / "extra.json", data))
    assert "field confidence" in problem


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    data = raw_article()
    data["claims"][3]["id"] = "c1"
    data["claims"][1]["evidence"][0]["text"] = "The ministry denied that the troops had fought!"
    problems = problems_of(write_raw(tmp_path / "many.json", data))
    assert len(problems) == 2


def test_a_missing_article_field_is_named(tmp_path: Path) -> None:
    data = raw_article()
    del data["text"]
    [problem] = problems_of(write_raw(tmp_path / "no-text.json", data))
    assert "field text" in problem


def test_broken_json_is_refused_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "a",', encoding="utf-8")
    [problem] = problems_of(path)
    assert "broken.json" in problem and "not valid JSON" in problem and "line 1" in problem


def test_two_files_with_one_article_id_are_refused(tmp_path: Path) -> None:
    write_gold(tmp_path, gold_article("same"))
    (tmp_path / "copy.json").write_text((tmp_path / "same.json").read_text())
    [problem] = problems_of(tmp_path)
    assert "'same'" in problem and "already used" in problem


def test_an_empty_folder_and_a_missing_path_are_problems(tmp_path: Path) -> None:
    assert "no gold files" in problems_of(tmp_path)[0]
    assert "no such file or folder" in problems_of(tmp_path / "missing")[0]


def test_check_gold_keeps_valid_cases_beside_the_problems(tmp_path: Path) -> None:
    write_gold(tmp_path / "good", gold_article("a"))
    data = raw_article(id="b")
    data["claims"][0]["kind"] = "rumour"
    write_raw(tmp_path / "bad" / "b.json", data)
    cases, problems = check_gold([tmp_path / "good", tmp_path / "bad"])
    assert [case.id for case in cases] == ["a"]
    assert len(problems) == 1


def test_the_fingerprint_changes_with_the_gold_content(tmp_path: Path) -> None:
    [path] = write_gold(tmp_path, gold_article("a"))
    before = gold_fingerprint([load_gold_file(path)])
    data = raw_article(id="a", title="Another title")
    write_raw(path, data)
    assert gold_fingerprint([load_gold_file(path)]) != before
