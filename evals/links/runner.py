"""Run the cross-article linker over each link gold group and score what it links.

The linker's answer is first turned into a plain prediction dict (entities, mentions,
clusters, figure groups), which the report stores; every score is computed from that dict,
so a report can be re-scored and tests can hand-make predictions.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.cases import GoldError
from evals.links.gold import (
    LINKS_FOLDER,
    ROLES,
    LoadedGroup,
    check_links_gold,
    claim_key,
    figure_key,
)
from evals.links.scoring import (
    ClusteringCounts,
    PairCounts,
    clustering_from_groups,
    score_clustering,
    score_pairs,
    transitive_closure,
    unordered_pairs,
)
from schemas.claims import Claim

Linker = Callable[[list[Any]], Any]


@dataclass(frozen=True)
class GroupScores:
    """Every count of one group (or, summed, of all groups)."""

    entities: ClusteringCounts = field(default_factory=ClusteringCounts)
    clusters: ClusteringCounts = field(default_factory=ClusteringCounts)
    figures: ClusteringCounts = field(default_factory=ClusteringCounts)
    disagreements: PairCounts = field(default_factory=PairCounts)
    updates: PairCounts = field(default_factory=PairCounts)

    def __add__(self, other: GroupScores) -> GroupScores:
        return GroupScores(
            *(getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__)
        )

    def as_dict(self) -> dict[str, Any]:
        """Each task's scores and counts."""
        return {name: getattr(self, name).as_dict() for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class GroupRun:
    """One group's prediction (a plain dict), or the error that stopped the linker."""

    loaded: LoadedGroup
    prediction: dict[str, Any]
    error: str | None
    seconds: float


def gold_claims(loaded: LoadedGroup) -> dict[str, Claim]:
    """Every claim of the group's articles by claim key, in article order."""
    return {
        claim_key(case.id, claim.id): claim
        for case in loaded.cases
        for claim in case.article.claims
    }


def mention_items(claims: dict[str, Claim]) -> list[tuple[str, str]]:
    """(claim key, role) of every non-empty subject, source name and location."""
    items: list[tuple[str, str]] = []
    for key, claim in claims.items():
        names = (claim.subject, claim.source.name if claim.source else None, claim.location)
        items += [(key, role) for role, name in zip(ROLES, names, strict=True) if name]
    return items


def figure_items(claims: dict[str, Claim]) -> list[str]:
    """The key of every quantity of every claim."""
    return [
        figure_key(key, i) for key, claim in claims.items() for i in range(len(claim.quantities))
    ]


def article_inputs(loaded: LoadedGroup) -> list[Any]:
    """The group's gold articles as the linker takes them, claims keyed "<gold id>:<claim id>"."""
    from service.linking import ArticleInput

    return [
        ArticleInput(
            key=case.id,
            text=case.article.text,
            published=case.article.published,
            outlet=case.article.outlet,
            claims=[
                (
                    claim_key(case.id, claim.id),
                    Claim.model_validate(claim.model_dump(exclude={"id"})),
                )
                for claim in case.article.claims
            ],
        )
        for case in loaded.cases
    ]


def prediction_from_linking(linking: Any) -> dict[str, Any]:
    """The linker's answer as plain JSON data."""
    mentions = [
        {
            "claim": claim,
            "role": role,
            "entity": decision.entity_key,
            "reason": getattr(decision, "reason", None),
            "score": getattr(decision, "score", None),
        }
        for (claim, role), decision in linking.mentions.items()
    ]
    return {
        "entities": [
            {
                "key": entity.key,
                "name": entity.name,
                "type": entity.type,
                "aliases": sorted(getattr(a, "text", str(a)) for a in entity.aliases or ()),
            }
            for entity in linking.entities
        ],
        "mentions": mentions,
        "clusters": [
            {"key": c.key, "label": c.label, "claims": list(c.claim_keys)} for c in linking.clusters
        ],
        "figure_groups": [
            {
                "key": group.key,
                "label": group.label,
                "unit": group.unit,
                "figures": [figure.id for figure in group.figures],
                "relations": [
                    {"a": r.a, "b": r.b, "kind": r.kind, "reason": getattr(r, "reason", None)}
                    for r in group.relations
                ],
            }
            for group in linking.figure_groups
        ],
    }


EMPTY_PREDICTION: dict[str, Any] = {
    "entities": [],
    "mentions": [],
    "clusters": [],
    "figure_groups": [],
}


def _default_linker(articles: list[Any]) -> Any:
    from service.linking import link_articles

    return link_articles(articles)


def run_group(loaded: LoadedGroup, linker: Linker | None = None) -> GroupRun:
    """Link one group's articles; a failing linker is recorded and scored as linking nothing."""
    started = time.perf_counter()
    try:
        linking = (linker or _default_linker)(article_inputs(loaded))
        prediction, error = prediction_from_linking(linking), None
    except Exception as failure:  # the report says which group failed and why
        prediction, error = EMPTY_PREDICTION, f"{type(failure).__name__}: {failure}"
    return GroupRun(loaded, prediction, error, time.perf_counter() - started)


def _relation_pairs(groups: Iterable[dict[str, Any]], kind: str) -> list[tuple[str, str]]:
    return [
        (relation["a"], relation["b"])
        for group in groups
        for relation in group.get("relations", [])
        if relation["kind"] == kind
    ]


def score_prediction(loaded: LoadedGroup, prediction: dict[str, Any]) -> GroupScores:
    """Score a prediction dict against the group's gold."""
    group = loaded.group
    claims = gold_claims(loaded)
    mentions = mention_items(claims)
    gold_entities = clustering_from_groups(
        mentions, ([m.key for m in entity.mentions] for entity in group.entities)
    )
    predicted_entities = {(m["claim"], m["role"]): m["entity"] for m in prediction["mentions"]}
    gold_clusters = clustering_from_groups(claims, (c.claims for c in group.clusters))
    predicted_clusters = clustering_from_groups(
        claims, (c["claims"] for c in prediction["clusters"])
    )
    figures = figure_items(claims)
    gold_figures = clustering_from_groups(figures, (g.figures for g in group.figure_groups))
    predicted_figures = clustering_from_groups(
        figures, (g["figures"] for g in prediction["figure_groups"])
    )
    predicted_groups = prediction["figure_groups"]
    return GroupScores(
        entities=score_clustering(gold_entities, predicted_entities),
        clusters=score_clustering(gold_clusters, predicted_clusters),
        figures=score_clustering(gold_figures, predicted_figures),
        disagreements=score_pairs(
            unordered_pairs(pair for g in group.figure_groups for pair in g.disagreements),
            unordered_pairs(_relation_pairs(predicted_groups, "disagreement")),
        ),
        updates=score_pairs(
            transitive_closure(pair for g in group.figure_groups for pair in g.updates),
            transitive_closure(_relation_pairs(predicted_groups, "update")),
        ),
    )


def resolve_links_paths(gold_dir: Path) -> tuple[Path, Path]:
    """(link gold files or folder, gold root) for a gold root holding `links/`, or a links path."""
    if (gold_dir / LINKS_FOLDER).is_dir():
        return gold_dir / LINKS_FOLDER, gold_dir
    folder = gold_dir if gold_dir.is_dir() else gold_dir.parent
    return gold_dir, folder.parent if folder.name == LINKS_FOLDER else folder


def load_link_groups(gold_dir: Path) -> list[LoadedGroup]:
    """Every link group at `gold_dir`; raises GoldError when any is invalid."""
    links, root = resolve_links_paths(gold_dir)
    groups, problems = check_links_gold([links], root)
    if problems:
        raise GoldError(problems)
    return groups


def run_groups(groups: Sequence[LoadedGroup], linker: Linker | None = None) -> list[GroupRun]:
    """Run the linker over every group, in order."""
    return [run_group(loaded, linker) for loaded in groups]


def run_links_eval(
    gold_dir: Path, out_dir: Path, *, linker: Linker | None = None
) -> dict[str, Any]:
    """Score the linker on every link gold group; write report.json/md/html into out_dir."""
    from evals.links.report import build_links_report, write_links_reports

    started = dt.datetime.now(dt.UTC)
    groups = load_link_groups(gold_dir)
    runs = run_groups(groups, linker)
    report = build_links_report(gold_path=gold_dir, runs=runs, created_at=started)
    write_links_reports(report, out_dir)
    return report
