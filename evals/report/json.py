"""The canonical report.json: every figure, per-article scores, predictions and configuration."""

from __future__ import annotations

import datetime as dt
import json
import platform
import subprocess
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

from evals.cases import GoldCase, gold_fingerprint
from evals.errors import WRONG_SPAN_OVERLAP, counts_to_dict
from evals.fields import FIELD_CHECKS, FIELD_VALUES
from evals.matching import EVIDENCE_WEIGHT
from evals.metrics import (
    BOOTSTRAP_RESAMPLES,
    BOOTSTRAP_SEED,
    ArticleScore,
    PairScore,
    Summary,
    prf,
)
from evals.name_rules import LENIENT_MATCH_THRESHOLD
from evals.runner import ArticleRun, Evaluation
from schemas.claims import Claim
from schemas.gold import GoldClaim

REPORT_FORMAT = "claimkit-eval-report"
REPORT_FORMAT_VERSION = 2  # 2: per-split figures, gaps, error categories, lenient names


def claimkit_version() -> str | None:
    """The installed claimkit version, if it is installed."""
    try:
        return metadata.version("claimkit")
    except metadata.PackageNotFoundError:
        return None


def git_sha(directory: Path | None = None) -> str | None:
    """The checkout's commit sha (with "-dirty" when the tree has changes), if git is there."""
    cwd = directory or Path(__file__).resolve().parent
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=cwd, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=cwd, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{sha}-dirty" if dirty else sha


def versions() -> dict[str, Any]:
    """Versions of what produced a report."""
    return {
        "claimkit": claimkit_version(),
        "git_sha": git_sha(),
        "python": platform.python_version(),
    }


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """A summary as JSON data, with each field's accuracy spelled out."""
    data = asdict(summary)
    for key in ("fields", "lenient_fields"):
        data[key] = {
            name: {"accuracy": value.accuracy, "agree": value.agree, "total": value.total}
            for name, value in getattr(summary, key).items()
        }
    return data


def _pair_to_dict(pair: PairScore, gold: GoldClaim, predicted: Claim) -> dict[str, Any]:
    """A matched pair, with the gold and predicted values of every field that disagrees."""
    return {
        "gold_id": gold.id,
        "predicted": pair.predicted,
        "similarity": pair.similarity,
        "strict": pair.strict,
        "fields": pair.fields,
        "gold_statement": gold.statement,
        "predicted_statement": predicted.statement,
        "disagreements": {
            name: {"gold": FIELD_VALUES[name](gold), "predicted": FIELD_VALUES[name](predicted)}
            for name, agrees in pair.fields.items()
            if agrees is False
        },
    }


def _article_to_dict(run: ArticleRun, score: ArticleScore) -> dict[str, Any]:
    gold = run.case.article.claims
    precision, recall, f1 = prf(score.matched, score.predicted, score.gold)
    strict_f1 = prf(score.strict_matched, score.predicted, score.gold)[2]
    return {
        "id": score.article_id,
        "split": run.case.split_name,
        "title": run.case.article.title,
        "file": run.case.path.name,
        "gold": score.gold,
        "predicted": score.predicted,
        "matched": score.matched,
        "strict_matched": score.strict_matched,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "strict_f1": round(strict_f1, 4),
        "fields": {name: list(score.field_counts(name)) for name in FIELD_CHECKS},
        "grounding": asdict(score.grounding),
        "error": score.error,
        "seconds": round(run.seconds, 3),
        "pairs": [
            _pair_to_dict(pair, gold[pair.gold], run.claims[pair.predicted]) for pair in score.pairs
        ],
        "unmatched_gold": [gold[index].id for index in score.unmatched_gold],
        "unmatched_predicted": score.unmatched_predicted,
        "predictions": [claim.model_dump(mode="json") for claim in run.claims],
    }


def evaluation_to_dict(evaluation: Evaluation) -> dict[str, Any]:
    """One extractor's figures, configuration and per-article detail."""
    return {
        "name": evaluation.extractor,
        **evaluation.configuration,
        "usage": asdict(evaluation.usage),
        "tokens": evaluation.tokens.as_dict() if evaluation.tokens else None,
        "cache": {"hits": evaluation.cache_hits, "misses": evaluation.cache_misses},
        "summary": summary_to_dict(evaluation.summary),
        "splits": {name: summary_to_dict(s) for name, s in evaluation.splits.items()},
        "gaps": {name: asdict(gap) for name, gap in evaluation.gaps.items()},
        "errors": {name: counts_to_dict(found) for name, found in evaluation.errors.items()},
        "articles": [
            _article_to_dict(run, score)
            for run, score in zip(evaluation.runs, evaluation.scores, strict=True)
        ],
    }


def build_report(
    *,
    gold_path: Path,
    cases: list[GoldCase],
    evaluation: Evaluation,
    floor: Evaluation,
    options: dict[str, Any] | None = None,
    created_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """The canonical report: configuration, versions, the extractor's and the floor's figures
    (pooled in `summary`, per split in `splits`)."""
    split_cases: dict[str, list[GoldCase]] = {}
    for case in cases:
        split_cases.setdefault(case.split_name, []).append(case)
    return {
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "created_at": (created_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "versions": versions(),
        "config": {
            "gold": str(gold_path),
            "gold_articles": len(cases),
            "gold_claims": sum(len(case.article.claims) for case in cases),
            "gold_sha256": gold_fingerprint(cases),
            "splits": {
                name: {
                    "articles": len(group),
                    "claims": sum(len(case.article.claims) for case in group),
                    "gold_sha256": gold_fingerprint(group),
                }
                for name, group in split_cases.items()
            },
            "extractor": evaluation.extractor,
            **evaluation.configuration,
            "match_threshold": evaluation.threshold,
            "evidence_weight": EVIDENCE_WEIGHT,
            "name_rule": "normalised equality, acronym and short-name aliases",
            "lenient_name_threshold": LENIENT_MATCH_THRESHOLD,
            "wrong_span_overlap": WRONG_SPAN_OVERLAP,
            "bootstrap": {"resamples": BOOTSTRAP_RESAMPLES, "seed": BOOTSTRAP_SEED},
            **(options or {}),
        },
        "extractor": evaluation_to_dict(evaluation),
        "floor": evaluation_to_dict(floor),
    }


def write_report(report: dict[str, Any], path: Path) -> Path:
    """Write report.json, indented for readable diffs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_report(path: Path) -> dict[str, Any]:
    """Read a report.json, refusing files that are not eval reports."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise ValueError(f"{path}: not a claimkit eval report")
    return data
