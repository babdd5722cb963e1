"""The link gold checker: what it accepts, what it rejects, and the committed link gold."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from evals.links import check_links_gold, is_link_gold_path, link_gold_paths
from tests.evals.links.trees import link_group, write_tree

COMMITTED = Path(__file__).resolve().parents[3] / "evals" / "gold" / "links"


def problems_of(tmp_path: Path, group: dict[str, Any]) -> list[str]:
    """The checker's problems for this group over the small test tree."""
    write_tree(tmp_path, group)
    groups, problems = check_links_gold([tmp_path / "links"])
    assert bool(groups) != bool(problems)
    return problems


def test_the_small_test_group_is_valid(tmp_path: Path) -> None:
    assert problems_of(tmp_path, link_group()) == []


def test_a_missing_claim_id_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["clusters"][0]["claims"][1] = "b:c9"
    problems = problems_of(tmp_path, group)
    assert any("'b:c9': no such claim id" in p for p in problems)


def test_a_mention_listed_twice_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["entities"][4]["mentions"].append({"claim": "a:c1", "role": "subject"})
    problems = problems_of(tmp_path, group)
    assert any(
        "a:c1 subject is already a mention of entity 'North Korean troops'" in p for p in problems
    )


def test_a_mention_in_no_entity_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    del group["entities"][4]  # South Korea, the source of b:c1
    problems = problems_of(tmp_path, group)
    assert any("mention b:c1 source ('South Korea') belongs to no entity" in p for p in problems)


def test_a_role_the_claim_does_not_have_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["entities"][2]["mentions"].append({"claim": "a:c2", "role": "location"})
    assert any("'a:c2' has no location" in p for p in problems_of(tmp_path, group))


def test_a_quantity_index_out_of_range_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["figure_groups"][0]["figures"][1] = "b:c1#3"
    problems = problems_of(tmp_path, group)
    assert any(
        "'b:c1#3': quantity index 3 out of range (b:c1 has 1 quantities)" in p for p in problems
    )


def test_a_relation_between_figures_outside_the_group_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["figure_groups"][0]["updates"] = [["a:c1#0", "b:c2#0"]]
    assert any("b:c2#0 is not in the group" in p for p in problems_of(tmp_path, group))


def test_a_cluster_within_one_article_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["clusters"] = [{"label": "one article", "claims": ["a:c1", "a:c2"]}]
    assert any("spans one article" in p for p in problems_of(tmp_path, group))


def test_an_unknown_article_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["articles"].append("nowhere")
    assert any("no gold article with id 'nowhere'" in p for p in problems_of(tmp_path, group))


def test_an_unknown_field_is_rejected(tmp_path: Path) -> None:
    group = copy.deepcopy(link_group())
    group["clusters"][0]["claim_ids"] = []
    assert any("clusters.0.claim_ids" in p for p in problems_of(tmp_path, group))


def test_the_committed_link_gold_validates() -> None:
    groups, problems = check_links_gold([COMMITTED])
    assert problems == []
    assert {g.id for g in groups} >= {"north-korean-troops", "covid-19-early-april-2020"}
    assert all("/test/" not in str(case.path) for g in groups for case in g.cases)


def test_the_seed_gold_groups_the_troop_figures_and_flags_the_ukrainian_south_korean_clash() -> (
    None
):
    groups, _ = check_links_gold([COMMITTED])
    group = next(g.group for g in groups if g.id == "north-korean-troops")
    seed, nis = "kim-trusted-generals-kursk-undated", "north-korean-troops-kursk-2024-10-27"
    troops = next(g for g in group.figure_groups if f"{seed}:c10#0" in g.figures)
    assert {f"{nis}:c20#0", f"{nis}:c21#0", f"{nis}:c22#0"} <= set(troops.figures)
    assert (f"{seed}:c10#0", f"{nis}:c20#0") in troops.disagreements
    kim = next(e for e in group.entities if e.name == "Kim Yong-bok")
    assert {m.claim for m in kim.mentions} >= {f"{seed}:c12", f"{nis}:c12"}


def test_link_gold_paths_finds_links_folders_and_the_links_of_a_gold_root(tmp_path: Path) -> None:
    link_file = write_tree(tmp_path)
    assert link_gold_paths([tmp_path]) == [tmp_path / "links"]
    assert link_gold_paths([link_file, tmp_path / "dev"]) == [link_file]
    assert not is_link_gold_path(tmp_path / "dev" / "a.json")
