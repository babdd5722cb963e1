"""Read models of the cross-article links: entities, clusters and figure groups.

Each function loads everything its page or endpoint shows in a few queries; presenters
turn the results into public bodies without querying. Keyword-only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from service.linking import FigureGroup, group_figures
from service.linking.store import figure_from_data, subject_entities
from service.models import (
    Article,
    ClaimCluster,
    ClaimEntity,
    ClaimRecord,
    ClusterMember,
    Entity,
    EntityAlias,
    EntityEdit,
    FigureRecord,
)


@dataclass(frozen=True)
class ClaimInfo:
    """A claim with the article facts a listing shows beside it."""

    record: ClaimRecord
    outlet: str | None
    published: dt.date | None


@dataclass(frozen=True)
class MentionInfo:
    """One claim link of an entity."""

    link: ClaimEntity
    claim: ClaimInfo


@dataclass
class EntityDetail:
    """Everything the entity page and endpoint show."""

    entity: Entity
    mentions: int
    aliases: list[EntityAlias]
    links: list[MentionInfo]
    edits: list[EntityEdit]
    undone: set[int]
    figure_groups: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ClusterInfo:
    """A cluster and its claims."""

    cluster: ClaimCluster
    claims: list[ClaimInfo]


@dataclass(frozen=True)
class FigureGroupInfo:
    """A figure group with the claims behind its figures."""

    group: FigureGroup
    claims: dict[int, ClaimInfo]


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _mention_counts(*, session: Session, entity_ids: Sequence[int]) -> dict[int, int]:
    if not entity_ids:
        return {}
    rows = session.exec(
        select(ClaimEntity.entity_id, func.count())
        .where(col(ClaimEntity.entity_id).in_(entity_ids))
        .group_by(col(ClaimEntity.entity_id))
    ).all()
    return dict(rows)


def search_entities(
    *, session: Session, q: str | None, type: str | None, skip: int, limit: int
) -> tuple[list[tuple[Entity, int]], int]:
    """Live entities whose name or an alias contains q, most mentioned first, and the total."""
    query = select(Entity).where(col(Entity.merged_into_id).is_(None))
    if q:
        pattern = _like(q)
        aliased = select(EntityAlias.entity_id).where(
            col(EntityAlias.alias).ilike(pattern, escape="\\")
        )
        query = query.where(
            or_(col(Entity.name).ilike(pattern, escape="\\"), col(Entity.id).in_(aliased))
        )
    if type:
        query = query.where(Entity.type == type)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    mentions = (
        select(func.count())
        .where(ClaimEntity.entity_id == Entity.id)
        .correlate(Entity)
        .scalar_subquery()
    )
    entities = session.exec(
        query.order_by(mentions.desc(), col(Entity.id)).offset(skip).limit(limit)
    ).all()
    counts = _mention_counts(session=session, entity_ids=[entity.id or 0 for entity in entities])
    return [(entity, counts.get(entity.id or 0, 0)) for entity in entities], total


def _claims_info(*, session: Session, claim_ids: Sequence[int]) -> dict[int, ClaimInfo]:
    if not claim_ids:
        return {}
    rows = session.exec(
        select(ClaimRecord, col(Article.outlet), col(Article.published))
        .join(Article, col(Article.id) == ClaimRecord.article_id)
        .where(col(ClaimRecord.id).in_(claim_ids))
    ).all()
    return {
        record.id or 0: ClaimInfo(record, outlet, published) for record, outlet, published in rows
    }


def entity_detail(*, session: Session, entity_id: int) -> EntityDetail | None:
    """An entity with its aliases, claim links (with claims), edits and figure groups."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        return None
    merged = [entity_id, *session.exec(select(Entity.id).where(Entity.merged_into_id == entity_id))]
    aliases = session.exec(
        select(EntityAlias)
        .where(col(EntityAlias.entity_id).in_(merged))
        .order_by(col(EntityAlias.id))
    ).all()
    links = session.exec(
        select(ClaimEntity)
        .where(ClaimEntity.entity_id == entity_id)
        .order_by(col(ClaimEntity.article_id), col(ClaimEntity.claim_id), col(ClaimEntity.role))
    ).all()
    claims = _claims_info(session=session, claim_ids=[link.claim_id for link in links])
    edits = session.exec(
        select(EntityEdit)
        .where(
            or_(
                col(EntityEdit.entity_id) == entity_id, col(EntityEdit.other_entity_id) == entity_id
            )
        )
        .order_by(col(EntityEdit.id))
    ).all()
    undone = {edit.undoes_id for edit in edits if edit.undoes_id is not None}
    subject_claims = [link.claim_id for link in links if link.role == "subject"]
    groups = sorted(
        set(
            session.exec(
                select(FigureRecord.group_key).where(col(FigureRecord.claim_id).in_(subject_claims))
            ).all()
        )
    )
    return EntityDetail(
        entity=entity,
        mentions=len(links),
        aliases=list(aliases),
        links=[MentionInfo(link, claims[link.claim_id]) for link in links],
        edits=list(edits),
        undone=undone,
        figure_groups=groups,
    )


def _multi_article_clusters():
    return (
        select(ClusterMember.cluster_id)
        .group_by(col(ClusterMember.cluster_id))
        .having(func.count(func.distinct(ClusterMember.article_id)) >= 2)
    )


def list_clusters(
    *, session: Session, entity_id: int | None, skip: int, limit: int
) -> tuple[list[ClusterInfo], int]:
    """Clusters whose claims come from two or more articles, and the total."""
    query = select(ClaimCluster).where(col(ClaimCluster.id).in_(_multi_article_clusters()))
    if entity_id is not None:
        about = (
            select(ClusterMember.cluster_id)
            .join(ClaimEntity, col(ClaimEntity.claim_id) == ClusterMember.claim_id)
            .where(ClaimEntity.entity_id == entity_id)
        )
        query = query.where(col(ClaimCluster.id).in_(about))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    clusters = session.exec(query.order_by(col(ClaimCluster.id)).offset(skip).limit(limit)).all()
    return [_cluster_info(session=session, cluster=cluster) for cluster in clusters], total


def _cluster_info(*, session: Session, cluster: ClaimCluster) -> ClusterInfo:
    claim_ids = list(
        session.exec(
            select(ClusterMember.claim_id).where(ClusterMember.cluster_id == cluster.id)
        ).all()
    )
    info = _claims_info(session=session, claim_ids=claim_ids)
    ordered = sorted(
        info.values(),
        key=lambda claim: (claim.published or dt.date.min, claim.record.id or 0),
    )
    return ClusterInfo(cluster=cluster, claims=ordered)


def cluster_detail(*, session: Session, cluster_id: int) -> ClusterInfo | None:
    """One cluster with its claims."""
    cluster = session.get(ClaimCluster, cluster_id)
    return _cluster_info(session=session, cluster=cluster) if cluster else None


def _group_info(*, session: Session, records: Sequence[FigureRecord]) -> list[FigureGroupInfo]:
    claim_ids = sorted({record.claim_id for record in records})
    subjects = {
        str(claim): str(entity)
        for claim, entity in subject_entities(session=session, claim_ids=claim_ids).items()
    }
    by_key: dict[str, list[FigureRecord]] = defaultdict(list)
    for record in records:
        by_key[record.group_key].append(record)
    claims = _claims_info(session=session, claim_ids=claim_ids)
    infos = []
    for key in sorted(by_key):
        figures = [figure_from_data(record.data) for record in by_key[key]]
        for group in group_figures(figures, subject_entity=subjects):
            group_claims = {
                int(figure.claim_key): claims[int(figure.claim_key)] for figure in group.figures
            }
            infos.append(FigureGroupInfo(group=_keyed(group, key), claims=group_claims))
    return infos


def _keyed(group: FigureGroup, key: str) -> FigureGroup:
    """The group under the key it is stored by (the linker derives the same one)."""
    return group if group.key == key else replace(group, key=key)


def figure_groups(
    *,
    session: Session,
    about: str | None,
    unit: str | None,
    disagreement: bool | None,
    skip: int,
    limit: int,
) -> tuple[list[FigureGroupInfo], int]:
    """Figure groups about a measured thing (label or subject alias), and the total."""
    keys = select(FigureRecord.group_key)
    if about:
        pattern = _like(about)
        subject_claims = select(ClaimEntity.claim_id).where(
            ClaimEntity.role == "subject",
            col(ClaimEntity.entity_id).in_(
                select(EntityAlias.entity_id).where(
                    col(EntityAlias.alias).ilike(pattern, escape="\\")
                )
            ),
        )
        keys = keys.where(
            or_(
                col(FigureRecord.label).ilike(pattern, escape="\\"),
                col(FigureRecord.claim_id).in_(subject_claims),
            )
        )
    if unit:
        keys = keys.where(col(FigureRecord.unit).ilike(_like(unit), escape="\\"))
    matching = sorted(set(session.exec(keys.distinct()).all()))
    records = session.exec(
        select(FigureRecord).where(col(FigureRecord.group_key).in_(matching))
    ).all()
    infos = _group_info(session=session, records=records)
    # Most figures first: the groups worth looking at.
    infos.sort(key=lambda info: (-len(info.group.figures), info.group.key))
    if disagreement is not None:
        infos = [info for info in infos if info.group.disagreement == disagreement]
    return infos[skip : skip + limit], len(infos)


def figure_group(*, session: Session, key: str) -> FigureGroupInfo | None:
    """One figure group by its key."""
    records = session.exec(select(FigureRecord).where(FigureRecord.group_key == key)).all()
    infos = _group_info(session=session, records=records)
    return infos[0] if infos else None


@dataclass
class ClaimLinks:
    """Where one claim leads across articles: its entities, figure groups and cluster."""

    entities: list[tuple[str, Entity]] = field(default_factory=list)  # (role, entity)
    figure_groups: list[str] = field(default_factory=list)
    cluster: ClaimCluster | None = None
    cluster_size: int = 0


def claim_links(*, session: Session, claim_ids: Sequence[int]) -> dict[int, ClaimLinks]:
    """Each claim's entities (by role), figure groups and cluster, in four queries."""
    links: dict[int, ClaimLinks] = {claim_id: ClaimLinks() for claim_id in claim_ids}
    if not claim_ids:
        return links
    for claim_entity, entity in session.exec(
        select(ClaimEntity, Entity)
        .join(Entity, col(Entity.id) == ClaimEntity.entity_id)
        .where(col(ClaimEntity.claim_id).in_(claim_ids))
    ).all():
        links[claim_entity.claim_id].entities.append((claim_entity.role, entity))
    for claim_id, group_key in session.exec(
        select(FigureRecord.claim_id, FigureRecord.group_key)
        .where(col(FigureRecord.claim_id).in_(claim_ids))
        .order_by(col(FigureRecord.quantity_index))
    ).all():
        if group_key not in links[claim_id].figure_groups:
            links[claim_id].figure_groups.append(group_key)
    members = session.exec(
        select(ClusterMember.claim_id, ClaimCluster)
        .join(ClaimCluster, col(ClaimCluster.id) == ClusterMember.cluster_id)
        .where(col(ClusterMember.claim_id).in_(claim_ids))
    ).all()
    sizes = dict(
        session.exec(
            select(ClusterMember.cluster_id, func.count())
            .where(col(ClusterMember.cluster_id).in_([cluster.id for _, cluster in members]))
            .group_by(col(ClusterMember.cluster_id))
        ).all()
    )
    for claim_id, cluster in members:
        links[claim_id].cluster = cluster
        links[claim_id].cluster_size = sizes.get(cluster.id or 0, 0)
    role_order = {"subject": 0, "source": 1, "location": 2}
    for item in links.values():
        item.entities.sort(key=lambda pair: role_order.get(pair[0], 3))
    return links
