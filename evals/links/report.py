"""The links report: canonical report.json, plus report.md and report.html rendered from it."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from functools import reduce
from operator import add
from pathlib import Path
from typing import Any

from evals.links.gold import ROLES, links_fingerprint
from evals.links.runner import (
    GroupRun,
    GroupScores,
    gold_claims,
    mention_items,
    score_prediction,
)
from evals.links.scoring import transitive_closure
from schemas.claims import Claim

REPORT_FORMAT = "claimkit-links-eval-report"
REPORT_FORMAT_VERSION = 1


def report_versions() -> dict[str, Any]:
    """Versions of what produced the report (claimkit, git sha, python), as `claimkit eval`."""
    from evals.report.json import versions  # imported late: it loads the extractor eval

    return versions()


def _name(claim: Claim, role: str) -> str:
    if role == "source":
        return claim.source.name if claim.source else ""
    return (claim.subject if role == "subject" else claim.location) or ""


def _entity_detail(run: GroupRun, claims: dict[str, Claim]) -> dict[str, Any]:
    """Gold entities the linker split, and predicted entities that merge gold ones."""
    predicted = {(m["claim"], m["role"]): m["entity"] for m in run.prediction["mentions"]}
    names = {e["key"]: e["name"] for e in run.prediction["entities"]}
    gold_of: dict[tuple[str, str], str] = {}
    split = []
    for entity in run.loaded.group.entities:
        parts: dict[str | None, list[tuple[str, str]]] = defaultdict(list)
        for mention in entity.mentions:
            gold_of[mention.key] = entity.name
            parts[predicted.get(mention.key)].append(mention.key)
        if len(parts) > 1:
            split.append(
                {
                    "gold": entity.name,
                    "parts": [
                        {
                            "predicted": names.get(key, key) if key else "(not linked)",
                            "key": key,
                            "names": dict(Counter(_name(claims[c], role) for c, role in keys)),
                            "mentions": [f"{c} {role}" for c, role in keys],
                        }
                        for key, keys in parts.items()
                    ],
                }
            )
    merged_gold: dict[str, set[str]] = defaultdict(set)
    for item in mention_items(claims):
        if item in predicted:
            merged_gold[predicted[item]].add(gold_of.get(item, "?"))
    merged = [
        {"predicted": names.get(key, key), "gold": sorted(golds)}
        for key, golds in merged_gold.items()
        if len(golds) > 1
    ]
    return {
        "gold_entities": len(run.loaded.group.entities),
        "predicted_entities": len(set(predicted.values())),
        "split": split,
        "merged": merged,
    }


def _claim_view(key: str, claim: Claim) -> dict[str, Any]:
    return {
        "claim": key,
        "statement": claim.statement,
        "source": claim.source.name if claim.source else None,
    }


def _cluster_detail(run: GroupRun, claims: dict[str, Claim]) -> dict[str, Any]:
    """Each gold cluster with where its claims went; predicted clusters matching no gold one."""
    predicted_of = {
        claim: cluster["label"] or cluster["key"]
        for cluster in run.prediction["clusters"]
        for claim in cluster["claims"]
    }
    gold_sets = {frozenset(c.claims) for c in run.loaded.group.clusters}
    gold_of = {claim: c.label for c in run.loaded.group.clusters for claim in c.claims}
    gold = [
        {
            "label": cluster.label,
            "found": frozenset(cluster.claims)
            in {frozenset(c["claims"]) for c in run.prediction["clusters"]},
            "claims": [
                {**_claim_view(key, claims[key]), "predicted": predicted_of.get(key)}
                for key in cluster.claims
            ],
        }
        for cluster in run.loaded.group.clusters
    ]
    extra = [
        {
            "label": cluster["label"] or cluster["key"],
            "claims": [
                {**_claim_view(key, claims[key]), "gold": gold_of.get(key)}
                for key in cluster["claims"]
                if key in claims
            ],
        }
        for cluster in run.prediction["clusters"]
        if frozenset(cluster["claims"]) not in gold_sets
    ]
    return {"gold": gold, "extra": extra}


def _figure_view(
    figure: str, claims: dict[str, Claim], published: dict[str, Any]
) -> dict[str, Any]:
    claim_ref, _, index = figure.rpartition("#")
    claim = claims[claim_ref]
    quantity = claim.quantities[int(index)]
    article = claim_ref.split(":", 1)[0]
    return {
        "figure": figure,
        "text": quantity.text,
        "value": quantity.value,
        "upper": quantity.upper,
        "approx": quantity.approx.value,
        "unit": quantity.unit,
        "source": claim.source.name if claim.source else None,
        "time": claim.time.text if claim.time else None,
        "time_start": claim.time.start if claim.time else None,
        "time_end": claim.time.end if claim.time else None,
        "article": article,
        "published": published.get(article),
        "statement": claim.statement,
    }


def _pair_key(pair: tuple[str, str], ordered: bool) -> tuple[str, ...]:
    return tuple(pair) if ordered else tuple(sorted(pair))


def _relation_keys(
    disagreements: list[tuple[str, str]], updates: list[tuple[str, str]]
) -> set[tuple[str, tuple[str, ...]]]:
    """(kind, pair) of each relation: disagreements unordered, updates closed transitively."""
    return {("disagreement", _pair_key(p, False)) for p in disagreements} | {
        ("update", pair) for pair in transitive_closure(updates)
    }


def _figure_statement(figure: str, claims: dict[str, Claim]) -> str:
    claim_ref, _, index = figure.rpartition("#")
    claim = claims.get(claim_ref)
    if claim is None or not index.isdigit() or int(index) >= len(claim.quantities):
        return figure
    source = claim.source.name if claim.source else "no source"
    return f"{claim.quantities[int(index)].text} {claim.quantities[int(index)].unit} ({source})"


def _figure_detail(run: GroupRun, claims: dict[str, Claim]) -> dict[str, Any]:
    """Each gold figure group with its figures' sources and dates, and the relations found."""
    published = {
        case.id: case.article.published.isoformat() if case.article.published else None
        for case in run.loaded.cases
    }
    predicted_of = {
        figure: group["label"] or group["key"]
        for group in run.prediction["figure_groups"]
        for figure in group["figures"]
    }
    predicted = [r for g in run.prediction["figure_groups"] for r in g.get("relations", [])]
    found = _relation_keys(
        [(r["a"], r["b"]) for r in predicted if r["kind"] == "disagreement"],
        [(r["a"], r["b"]) for r in predicted if r["kind"] == "update"],
    )
    gold = run.loaded.group.figure_groups
    expected = _relation_keys(
        [pair for g in gold for pair in g.disagreements], [pair for g in gold for pair in g.updates]
    )
    groups = []
    for group in run.loaded.group.figure_groups:
        relations = [
            {
                "kind": kind,
                "a": a,
                "b": b,
                "found": (kind, _pair_key((a, b), kind == "update")) in found,
            }
            for kind, pairs in (("disagreement", group.disagreements), ("update", group.updates))
            for a, b in pairs
        ]
        groups.append(
            {
                "label": group.label,
                "unit": group.unit,
                "figures": [
                    {**_figure_view(f, claims, published), "predicted": predicted_of.get(f)}
                    for f in group.figures
                ],
                "relations": relations,
            }
        )
    extra = [
        {
            **relation,
            "statements": [_figure_statement(f, claims) for f in (relation["a"], relation["b"])],
        }
        for relation in predicted
        if (
            relation["kind"],
            _pair_key((relation["a"], relation["b"]), relation["kind"] == "update"),
        )
        not in expected
    ]
    return {"gold": groups, "extra_relations": extra}


def group_report(run: GroupRun, scores: GroupScores) -> dict[str, Any]:
    """One group's scores, counts, what went wrong, and the prediction itself."""
    claims = gold_claims(run.loaded)
    group = run.loaded.group
    return {
        "id": group.id,
        "file": run.loaded.path.name,
        "articles": group.articles,
        "claims": len(claims),
        "mentions": len(mention_items(claims)),
        "figures": scores.figures.items,
        "gold_clusters": len(group.clusters),
        "predicted_clusters": len(run.prediction["clusters"]),
        "gold_figure_groups": len(group.figure_groups),
        "predicted_figure_groups": len(run.prediction["figure_groups"]),
        "error": run.error,
        "seconds": round(run.seconds, 3),
        "scores": scores.as_dict(),
        "entities": _entity_detail(run, claims),
        "clusters": _cluster_detail(run, claims),
        "figure_groups": _figure_detail(run, claims),
        "prediction": run.prediction,
    }


def build_links_report(
    *, gold_path: Path, runs: list[GroupRun], created_at: dt.datetime | None = None
) -> dict[str, Any]:
    """The canonical links report: configuration, micro-averaged scores, each group's detail."""
    scores = [score_prediction(run.loaded, run.prediction) for run in runs]
    total = reduce(add, scores, GroupScores())
    return {
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "created_at": (created_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "versions": report_versions(),
        "config": {
            "gold": str(gold_path),
            "groups": len(runs),
            "articles": sum(len(run.loaded.cases) for run in runs),
            "claims": sum(len(gold_claims(run.loaded)) for run in runs),
            "links_sha256": links_fingerprint([run.loaded for run in runs]),
            "roles": list(ROLES),
            "averaging": "micro: counts pooled over groups",
        },
        "summary": {**total.as_dict(), "failed_groups": [r.loaded.id for r in runs if r.error]},
        "groups": [group_report(run, score) for run, score in zip(runs, scores, strict=True)],
    }


def write_links_reports(report: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write report.json, report.md and report.html into out_dir."""
    from evals.links.render import render_html, render_markdown

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "report.json", out_dir / "report.md", out_dir / "report.html"]
    paths[0].write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    paths[1].write_text(render_markdown(report), encoding="utf-8")
    paths[2].write_text(render_html(report), encoding="utf-8")
    return paths


def read_links_report(path: Path) -> dict[str, Any]:
    """Read a links report.json, refusing files that are not links reports."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise ValueError(f"{path}: not a claimkit links eval report")
    return data
