"""Loading gold files: any folder or single file; invalid files are refused with clear messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.cases import (
    GoldError,
    check_gold,
    gold_files,
    gold_fingerprint,
    load_gold,
    load_gold_file,
    split_folders,
)
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


def split_gold(root: Path) -> Path:
    write_gold(root / "dev", gold_article("d1"), gold_article("d2"))
    write_gold(root / "test", gold_article("t1"))
    return root


def test_a_folder_with_dev_and_test_loads_both_splits_each_case_knowing_its_split(
    tmp_path: Path,
) -> None:
    cases = load_gold(split_gold(tmp_path))
    assert [(case.id, case.split) for case in cases] == [
        ("d1", "dev"),
        ("d2", "dev"),
        ("t1", "test"),
    ]
    assert split_folders(tmp_path) == {"dev": tmp_path / "dev", "test": tmp_path / "test"}


def test_one_split_is_selected_without_reading_the_other(tmp_path: Path) -> None:
    split_gold(tmp_path)
    write_raw(tmp_path / "test" / "broken.json", {"id": "half-written"})
    assert [case.id for case in load_gold(tmp_path, "dev")] == ["d1", "d2"]
    assert load_gold(tmp_path, "dev")[0].split_name == "dev"
    with pytest.raises(GoldError):
        load_gold(tmp_path, "all")


def test_other_folders_beside_the_splits_are_not_gold(tmp_path: Path) -> None:
    split_gold(tmp_path)
    write_raw(tmp_path / "links" / "pairs.json", {"links": []})
    assert len(load_gold(tmp_path)) == 3


def test_a_gold_file_left_beside_the_splits_is_a_problem(tmp_path: Path) -> None:
    split_gold(tmp_path)
    write_gold(tmp_path, gold_article("stray"))
    problems = check_gold([tmp_path])[1]
    assert problems == [f"{tmp_path / 'stray.json'}: a gold file outside dev/ and test/; "
                        "move it into one of them"]  # fmt: skip


def test_an_article_id_may_not_repeat_across_splits(tmp_path: Path) -> None:
    split_gold(tmp_path)
    write_gold(tmp_path / "test", gold_article("d1"))
    assert any("article id 'd1' is already used" in p for p in check_gold([tmp_path])[1])


def test_a_split_is_refused_for_a_flat_folder(tmp_path: Path) -> None:
    write_gold(tmp_path, gold_article("a"))
    with pytest.raises(GoldError, match="no split 'test'"):
        load_gold(tmp_path, "test")
    assert [case.split_name for case in load_gold(tmp_path)] == ["all"]
    assert gold_files(tmp_path) == [tmp_path / "a.json"]
