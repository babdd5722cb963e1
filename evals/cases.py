"""Load and validate gold files (spec section 3): any folder of JSON files or a single file.

A folder holding `dev/` and `test/` subfolders is a split gold set: its cases carry their
split's name and are scored per split (nothing else in it is read, so `links/` and the
like may sit beside the splits). Any other folder or file is one flat set.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.gold import GoldArticle

SPLITS = ("dev", "test")
ALL_SPLITS = "all"  # the name of a flat gold set, and of every split pooled


class GoldError(ValueError):
    """One or more gold files are invalid; `problems` holds one readable line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class GoldCase:
    """A validated gold article and the file it came from."""

    path: Path
    article: GoldArticle
    split: str | None = None  # "dev" or "test" in a split gold set

    @property
    def id(self) -> str:
        """The article id (unique within a gold set)."""
        return self.article.id

    @property
    def split_name(self) -> str:
        """The split this case is scored in ("all" for a flat gold set)."""
        return self.split or ALL_SPLITS


def split_folders(path: Path) -> dict[str, Path]:
    """{"dev": path/dev, "test": path/test} when `path` is a split gold folder, else {}."""
    folders = {split: path / split for split in SPLITS}
    return folders if all(folder.is_dir() for folder in folders.values()) else {}


def _json_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def gold_files_by_split(path: Path) -> list[tuple[Path, str | None]]:
    """(file, split) for every gold file at `path`: the file itself, the *.json of a flat
    folder, or those of each split folder in turn."""
    if path.is_file():
        return [(path, None)]
    if not path.is_dir():
        raise GoldError([f"{path}: no such file or folder"])
    splits = split_folders(path)
    if not splits:
        return [(file, None) for file in _json_files(path)]
    return [(file, split) for split, folder in splits.items() for file in _json_files(folder)]


def gold_files(path: Path, split: str | None = None) -> list[Path]:
    """The gold files at `path` (of one split, when given), sorted within each split."""
    return [file for file, name in gold_files_by_split(path) if split in (None, name)]


def _claim_label(raw: Any, index: int) -> str:
    claims = raw.get("claims") if isinstance(raw, dict) else None
    if isinstance(claims, list) and index < len(claims) and isinstance(claims[index], dict):
        claim_id = claims[index].get("id")
        if claim_id:
            return f"claim {claim_id!r} (claims[{index}])"
    return f"claims[{index}]"


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for item in loc:
        text += f"[{item}]" if isinstance(item, int) else (f".{item}" if text else str(item))
    return text


def _describe_validation_error(path: Path, raw: Any, error: ValidationError) -> list[str]:
    """Turn pydantic errors into lines naming the file, the claim and the field."""
    lines = []
    for item in error.errors():
        loc = tuple(item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
            where = f"{_claim_label(raw, loc[1])}, field {_field_path(loc[2:]) or '(claim)'}"
        else:
            where = f"field {_field_path(loc)}" if loc else "article"
        lines.append(f"{path}: {where}: {message}")
    return lines


def _raw_problems(path: Path, raw: dict[str, Any]) -> list[str]:
    """Every repeated claim id and mismatched evidence span, before pydantic stops at the first."""
    text = raw.get("text")
    claims = raw.get("claims")
    if not isinstance(text, str) or not isinstance(claims, list):
        return []
    problems: list[str] = []
    seen: set[str] = set()
    for index, claim in enumerate(claims):
        if not isinstance(claim, dict):
            continue
        claim_id = claim.get("id")
        if isinstance(claim_id, str) and claim_id in seen:
            problems.append(
                f"{path}: claim {claim_id!r} (claims[{index}]): id is used more than once"
            )
        if isinstance(claim_id, str):
            seen.add(claim_id)
        evidence = claim.get("evidence")
        for span_index, span in enumerate(evidence if isinstance(evidence, list) else []):
            if not isinstance(span, dict):
                continue
            start, end, quoted = span.get("start"), span.get("end"), span.get("text")
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(quoted, str)):
                continue
            found = text[start:end]
            if found != quoted:
                problems.append(
                    f"{path}: {_claim_label(raw, index)}, span evidence[{span_index}] "
                    f"({start}:{end}): says {quoted!r} but the text there is {found!r}"
                )
    return problems


def _partial_problems(path: Path, raw: dict[str, Any]) -> list[str]:
    """A file exported before review finished does not list all the article's claims."""
    if raw.get("partial") is not True:
        return []
    found = raw.get("review")
    review: dict[str, Any] = found if isinstance(found, dict) else {}
    unreviewed, total = review.get("unreviewed"), review.get("claims")
    counted = f" ({unreviewed} of {total} claims were unreviewed)" if unreviewed else ""
    return [
        f"{path}: marked partial{counted}: exported before every claim was reviewed, it "
        "does not list all the article's claims and would count the missing ones as misses; "
        "finish the review and export it again"
    ]


def load_gold_file(path: Path, split: str | None = None) -> GoldCase:
    """Read and validate one gold file; raises GoldError listing every problem found."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError([f"{path}: cannot read: {error}"]) from error
    except json.JSONDecodeError as error:
        raise GoldError([f"{path}: not valid JSON: {error}"]) from error
    if not isinstance(raw, dict):
        raise GoldError([f"{path}: expected a JSON object, got {type(raw).__name__}"])
    problems = _partial_problems(path, raw) + _raw_problems(path, raw)
    try:
        article = GoldArticle.model_validate(raw)
    except ValidationError as error:
        lines = _describe_validation_error(path, raw, error)
        # The model-level check repeats the first raw problem; keep field errors only then.
        problems += [line for line in lines if not problems or ": article: " not in line]
        raise GoldError(problems) from error
    if problems:
        raise GoldError(problems)
    return GoldCase(path=path, article=article, split=split)


def check_gold(paths: list[Path]) -> tuple[list[GoldCase], list[str]]:
    """Validate every gold file under `paths`; return the valid cases and all problems."""
    cases: list[GoldCase] = []
    problems: list[str] = []
    for root in paths:
        try:
            files = gold_files_by_split(root)
        except GoldError as error:
            problems += error.problems
            continue
        if not files:
            problems.append(f"{root}: no gold files (*.json) found")
        if split_folders(root):
            problems += [
                f"{stray}: a gold file outside dev/ and test/; move it into one of them"
                for stray in _json_files(root)
            ]
        for file, split in files:
            try:
                cases.append(load_gold_file(file, split))
            except GoldError as error:
                problems += error.problems
    problems += duplicate_id_problems([(case.id, case.path) for case in cases], noun="article")
    return cases, problems


def duplicate_id_problems(items: list[tuple[str, Path]], *, noun: str) -> list[str]:
    """One problem per (id, file) whose id an earlier file already uses."""
    first: dict[str, Path] = {}
    problems = []
    for item_id, path in items:
        if item_id in first:
            problems.append(f"{path}: {noun} id {item_id!r} is already used by {first[item_id]}")
        first.setdefault(item_id, path)
    return problems


def load_gold(path: Path, split: str | None = None) -> list[GoldCase]:
    """Every gold case at `path` (folder or file), or those of one split ("dev", "test";
    None or "all" for every split); raises GoldError when any file is invalid."""
    if split in (None, ALL_SPLITS):
        cases, problems = check_gold([path])
    elif folder := split_folders(path).get(split):
        cases, problems = check_gold([folder])  # the other split is not even read
        cases = [replace(case, split=split) for case in cases]
    else:
        problems = [f"{path}: no split {split!r} (a split gold folder has dev/ and test/)"]
    if problems:
        raise GoldError(problems)
    return cases


def gold_fingerprint(cases: list[GoldCase]) -> str:
    """A sha256 over the gold articles' content, so reports say which gold set they scored."""
    digest = hashlib.sha256()
    for case in sorted(cases, key=lambda c: c.id):
        digest.update(case.article.model_dump_json().encode("utf-8"))
    return digest.hexdigest()
