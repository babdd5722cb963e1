"""Cross-article link gold (evals/gold/links/README.md): models, loading and checks.

A link gold file names a group of gold articles and labels, over every claim of them,
which subject/source/location mentions are one entity, which claims are one proposition,
and which figures measure one thing (with their disagreements and updates).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from evals.cases import GoldCase, GoldError, duplicate_id_problems, load_gold_file
from schemas.claims import ContractModel

EntityType = Literal["person", "organisation", "place", "group"]
Role = Literal["subject", "source", "location"]
ROLES: tuple[Role, ...] = ("subject", "source", "location")
LINKS_FOLDER = "links"

ClaimRef = str  # "<gold id>:<claim id>"
FigureRef = str  # "<gold id>:<claim id>#<quantity index>"


class MentionRef(ContractModel):
    """One name of a claim: its subject, its source's name or its location."""

    claim: ClaimRef = Field(pattern=r"^[^:#\s]+:[^:#\s]+$")
    role: Role

    @property
    def key(self) -> tuple[str, str]:
        """(claim key, role), as the linker keys its mention decisions."""
        return (self.claim, self.role)


class GoldEntity(ContractModel):
    """One real-world referent and every mention naming it."""

    name: str = Field(min_length=1)
    type: EntityType
    mentions: list[MentionRef] = Field(min_length=1)
    note: str | None = None


class GoldCluster(ContractModel):
    """Claims from two or more articles stating the same proposition."""

    label: str = Field(min_length=1)
    claims: list[ClaimRef] = Field(min_length=2)
    note: str | None = None


FigurePair = tuple[FigureRef, FigureRef]


class GoldFigureGroup(ContractModel):
    """Figures measuring the same thing, with the pairs that disagree or update."""

    label: str = Field(min_length=1)
    unit: str
    figures: list[FigureRef] = Field(min_length=2)
    disagreements: list[FigurePair] = Field(default_factory=list)
    updates: list[FigurePair] = Field(default_factory=list, description="[earlier, later]")
    note: str | None = None


class LinkGroup(ContractModel):
    """One link gold file: a group of gold articles and their cross-article labels."""

    id: str = Field(min_length=1)
    description: str | None = None
    articles: list[str] = Field(min_length=1)
    annotator: str | None = None
    entities: list[GoldEntity] = Field(default_factory=list)
    clusters: list[GoldCluster] = Field(default_factory=list)
    figure_groups: list[GoldFigureGroup] = Field(default_factory=list)


@dataclass(frozen=True)
class LoadedGroup:
    """A valid link group, its file, and the gold articles it references (in its order)."""

    path: Path
    group: LinkGroup
    cases: list[GoldCase] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The group id."""
        return self.group.id


def claim_key(article_id: str, claim_id: str) -> ClaimRef:
    """A claim's key across articles."""
    return f"{article_id}:{claim_id}"


def figure_key(claim: ClaimRef, quantity_index: int) -> FigureRef:
    """A figure's key: its claim's key and the quantity's index."""
    return f"{claim}#{quantity_index}"


def link_files(path: Path) -> list[Path]:
    """The link gold files at `path`: the file, or every *.json in the folder, sorted."""
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.glob("*.json") if p.is_file())
    raise GoldError([f"{path}: no such file or folder"])


def is_link_gold_path(path: Path) -> bool:
    """True for a `links/` folder or a file inside one: link gold, not article gold."""
    return path.name == LINKS_FOLDER if path.is_dir() else path.parent.name == LINKS_FOLDER


def link_gold_paths(paths: list[Path]) -> list[Path]:
    """The link gold among `paths`: link paths themselves, and `links/` of any gold root given;
    each once, however often it was named."""
    found: dict[Path, None] = {}
    for path in paths:
        if is_link_gold_path(path):
            found[path.resolve()] = None
        elif path.is_dir() and (path / LINKS_FOLDER).is_dir():
            found[(path / LINKS_FOLDER).resolve()] = None
    return list(found)


def default_gold_root(link_file: Path) -> Path:
    """Where a link file's gold articles live: the folder above `links/` (evals/gold)."""
    folder = link_file.resolve().parent
    return folder.parent if folder.name == LINKS_FOLDER else folder


class ArticleIndex:
    """Gold articles found by id anywhere under a gold root (link files excluded)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._loaded: dict[str, GoldCase] = {}
        self._paths: dict[str, Path] | None = None

    def _candidates(self) -> list[Path]:
        return sorted(
            p
            for p in self.root.rglob("*.json")
            if LINKS_FOLDER not in p.relative_to(self.root).parts[:-1]
        )

    def _path_of(self, article_id: str) -> Path | None:
        # Gold files are named after their id; only when one is not is every file opened.
        named = [p for p in self._candidates() if p.stem == article_id]
        if len(named) == 1:
            return named[0]
        if self._paths is None:
            self._paths = {}
            for path in self._candidates():
                try:
                    raw = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    self._paths.setdefault(raw["id"], path)
        return self._paths.get(article_id)

    def get(self, article_id: str) -> GoldCase:
        """The validated gold article with this id; raises GoldError when absent or invalid."""
        if article_id not in self._loaded:
            path = self._path_of(article_id)
            if path is None:
                raise GoldError([f"no gold article with id {article_id!r} under {self.root}"])
            case = load_gold_file(path)
            if case.id != article_id:
                raise GoldError([f"{path}: has id {case.id!r}, expected {article_id!r}"])
            self._loaded[article_id] = case
        return self._loaded[article_id]


def _duplicates(values: list[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def group_problems(group: LinkGroup, cases: list[GoldCase]) -> list[str]:
    """Everything wrong with a parsed group against its articles (empty when it is valid)."""
    problems = [f"article {a!r} is listed more than once" for a in _duplicates(group.articles)]
    claims = {claim_key(c.id, claim.id): claim for c in cases for claim in c.article.claims}
    expected = {
        (key, role)
        for key, claim in claims.items()
        for role, name in (
            ("subject", claim.subject),
            ("source", claim.source.name if claim.source else None),
            ("location", claim.location),
        )
        if name
    }
    figures = {
        figure_key(key, i) for key, claim in claims.items() for i in range(len(claim.quantities))
    }

    def unknown_claim(ref: str, where: str) -> str | None:
        if ref in claims:
            return None
        article = ref.split(":", 1)[0]
        if article not in group.articles:
            return f"{where}: {ref!r}: article {article!r} is not in the group's articles"
        return f"{where}: {ref!r}: no such claim id"

    seen: dict[tuple[str, str], str] = {}
    for entity in group.entities:
        where = f"entity {entity.name!r}"
        for mention in entity.mentions:
            problem = unknown_claim(mention.claim, where)
            if problem:
                problems.append(problem)
            elif mention.key not in expected:
                problems.append(f"{where}: {mention.claim!r} has no {mention.role}")
            elif mention.key in seen:
                problems.append(
                    f"{where}: {mention.claim} {mention.role} is already a mention of "
                    f"entity {seen[mention.key]!r}"
                )
            seen.setdefault(mention.key, entity.name)
    problems += [
        f"mention {key} {role} ({_mention_text(claims[key], role)!r}) belongs to no entity"
        for key, role in sorted(expected - set(seen))
    ]
    problems += [
        f"entity name {name!r} is used more than once"
        for name in _duplicates([e.name for e in group.entities])
    ]

    in_cluster: dict[str, str] = {}
    for cluster in group.clusters:
        where = f"cluster {cluster.label!r}"
        for ref in cluster.claims:
            problem = unknown_claim(ref, where)
            if problem:
                problems.append(problem)
            elif ref in in_cluster:
                problems.append(f"{where}: {ref} is already in cluster {in_cluster[ref]!r}")
            in_cluster.setdefault(ref, cluster.label)
        if len({ref.split(":", 1)[0] for ref in cluster.claims}) < 2:
            problems.append(f"{where}: spans one article; clusters span two or more")

    in_group: dict[str, str] = {}
    for figure_group in group.figure_groups:
        where = f"figure group {figure_group.label!r}"
        for ref in figure_group.figures:
            claim, _, index = ref.rpartition("#")
            problem = unknown_claim(claim, where) if claim else f"{where}: {ref!r}: not claim#index"
            if problem:
                problems.append(problem)
            elif ref not in figures:
                count = len(claims[claim].quantities)
                problems.append(
                    f"{where}: {ref!r}: quantity index {index} out of range "
                    f"({claim} has {count} quantities)"
                )
            elif ref in in_group:
                problems.append(f"{where}: {ref} is already in figure group {in_group[ref]!r}")
            in_group.setdefault(ref, figure_group.label)
        members = set(figure_group.figures)
        for kind, pairs in (
            ("disagreement", figure_group.disagreements),
            ("update", figure_group.updates),
        ):
            for a, b in pairs:
                if a == b:
                    problems.append(f"{where}: {kind} [{a}, {b}] pairs a figure with itself")
                for ref in (a, b):
                    if ref not in members:
                        problems.append(f"{where}: {kind} [{a}, {b}]: {ref} is not in the group")
    return problems


def _mention_text(claim: object, role: str) -> str | None:
    if role == "source":
        source = getattr(claim, "source", None)
        return source.name if source else None
    value = getattr(claim, role, None)
    return value if isinstance(value, str) else None


def load_link_file(path: Path, gold_root: Path | None = None) -> LoadedGroup:
    """Read and check one link gold file; raises GoldError listing every problem found."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError([f"{path}: cannot read: {error}"]) from error
    except json.JSONDecodeError as error:
        raise GoldError([f"{path}: not valid JSON: {error}"]) from error
    try:
        group = LinkGroup.model_validate(raw)
    except ValidationError as error:
        raise GoldError(
            [
                f"{path}: field {'.'.join(str(p) for p in item['loc']) or '(file)'}: {item['msg']}"
                for item in error.errors()
            ]
        ) from error
    index = ArticleIndex(gold_root or default_gold_root(path))
    cases, problems = [], []
    for article_id in dict.fromkeys(group.articles):
        try:
            cases.append(index.get(article_id))
        except GoldError as error:
            problems += error.problems
    if not problems:  # a missing article would make every reference to it a problem too
        problems = group_problems(group, cases)
    if problems:
        raise GoldError([f"{path}: {problem}" for problem in problems])
    return LoadedGroup(path=path, group=group, cases=cases)


def check_links_gold(
    paths: list[Path], gold_root: Path | None = None
) -> tuple[list[LoadedGroup], list[str]]:
    """Validate every link gold file under `paths`; return the valid groups and all problems.

    Gold articles are found by id under `gold_root`, by default the folder above each
    file's `links/` folder.
    """
    groups: list[LoadedGroup] = []
    problems: list[str] = []
    for root in paths:
        try:
            files = link_files(root)
        except GoldError as error:
            problems += error.problems
            continue
        if not files:
            problems.append(f"{root}: no link gold files (*.json) found")
        for file in files:
            try:
                groups.append(load_link_file(file, gold_root))
            except GoldError as error:
                problems += error.problems
    problems += duplicate_id_problems([(loaded.id, loaded.path) for loaded in groups], noun="group")
    return groups, problems


def links_fingerprint(groups: list[LoadedGroup]) -> str:
    """A sha256 over the link groups and their articles, so reports say what they scored."""
    digest = hashlib.sha256()
    for loaded in sorted(groups, key=lambda g: g.id):
        digest.update(loaded.group.model_dump_json().encode("utf-8"))
        for case in loaded.cases:
            digest.update(case.article.model_dump_json().encode("utf-8"))
    return digest.hexdigest()
