"""Public bodies of the cross-article API: entities, claim clusters and the figures ledger."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.claims import Certainty, NonEmptyStr

EntityType = Literal["person", "organisation", "place", "group"]
Role = Literal["subject", "source", "location"]


class AliasPublic(BaseModel):
    """A spelling an entity goes by and why it was attached."""

    alias: str
    reason: str = Field(description="how the spelling was linked: exact, romanisation, ...")


class EntitySummary(BaseModel):
    """An entity in a listing."""

    id: int
    name: str
    type: EntityType
    mentions: int = Field(description="claim subjects, sources and locations linked to it")
    url: str = Field(description="the entity's page")


class EntitiesPublic(BaseModel):
    """A page of entities and the total that matched."""

    data: list[EntitySummary]
    count: int


class MentionPublic(BaseModel):
    """One claim naming the entity, with why the name was linked."""

    id: int = Field(description="the link's id (for a split)")
    claim_id: int
    article_id: int
    role: Role
    text: str = Field(description="the name as the claim writes it")
    reason: str
    score: float | None = None
    detail: str
    statement: str
    source: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


class EntityEditPublic(BaseModel):
    """One reviewer edit of entities (audit log)."""

    id: int
    action: str
    entity_id: int
    other_entity_id: int | None
    reviewer: str
    created_at: dt.datetime
    undone: bool
    change: dict[str, object]


class EntityPublic(BaseModel):
    """An entity with its aliases and every claim that names it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 12,
                    "name": "Kim Young Bok",
                    "type": "person",
                    "mentions": 3,
                    "url": "/entities/12",
                    "aliases": [
                        {"alias": "Kim Young Bok", "reason": "new"},
                        {"alias": "Kim Yong-bok", "reason": "romanisation"},
                    ],
                    "merged_into": None,
                    "as_subject": [],
                    "as_source": [],
                    "as_location": [],
                    "figure_groups": [],
                    "edits": [],
                }
            ]
        }
    )

    id: int
    name: str
    type: EntityType
    mentions: int
    url: str
    aliases: list[AliasPublic]
    merged_into: int | None = Field(description="set when a reviewer merged it into another")
    as_subject: list[MentionPublic]
    as_source: list[MentionPublic]
    as_location: list[MentionPublic]
    figure_groups: list[str] = Field(description="keys of figure groups about this entity")
    edits: list[EntityEditPublic]


class MergeRequest(BaseModel):
    """Merge other entities into this one."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"others": [7]}]})

    others: list[int] = Field(min_length=1, max_length=100)


class SplitRequest(BaseModel):
    """Move some of an entity's mentions to a new entity."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"mentions": [31, 40], "name": "Kim Jong Un"}]},
    )

    mentions: list[int] = Field(min_length=1, max_length=1000, description="mention (link) ids")
    name: NonEmptyStr = Field(max_length=500)


class RenameRequest(BaseModel):
    """Give an entity a new canonical name."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "DPRK"}]})

    name: NonEmptyStr = Field(max_length=500)


class ClusterClaim(BaseModel):
    """A claim of a cluster, with who said it where and when."""

    claim_id: int
    article_id: int
    statement: str
    source: str | None
    outlet: str | None
    published: dt.date | None
    certainty: Certainty


class ClusterPublic(BaseModel):
    """Claims from different articles asserting one proposition."""

    id: int
    label: str
    articles: int
    claims: list[ClusterClaim]
    url: str


class ClustersPublic(BaseModel):
    """A page of clusters and the total."""

    data: list[ClusterPublic]
    count: int


class FigurePublic(BaseModel):
    """One reported figure: a row of the ledger."""

    id: str = Field(description="claim id and quantity index, e.g. 41#0")
    claim_id: int
    article_id: int
    text: str
    value: float
    upper: float | None
    approx: str
    unit: str
    counts: str = Field(description="what the figure counts")
    source: str | None
    via: str | None
    published: dt.date | None
    time_start: str | None
    time_end: str | None
    certainty: str
    kind: str
    statement: str
    outlet: str | None


class FigureRelationPublic(BaseModel):
    """Two figures of a group that disagree, or a source's later figure updating its own."""

    a: str
    b: str
    kind: Literal["disagreement", "update"]
    reason: str


class FigureGroupPublic(BaseModel):
    """Figures about one measured thing, with disagreements and updates flagged."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "key": "e4-troops",
                    "label": "North Korean troops",
                    "unit": "troops",
                    "disagreement": True,
                    "figures": [],
                    "relations": [
                        {
                            "a": "12#0",
                            "b": "40#0",
                            "kind": "disagreement",
                            "reason": "around 5,000 and approximately 3,000 cannot both hold",
                        }
                    ],
                    "url": "/figures/e4-troops",
                }
            ]
        }
    )

    key: str
    label: str
    unit: str
    disagreement: bool
    figures: list[FigurePublic]
    relations: list[FigureRelationPublic]
    url: str


class FigureGroupsPublic(BaseModel):
    """A page of figure groups and the total."""

    data: list[FigureGroupPublic]
    count: int
