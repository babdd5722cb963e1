"""Read models of the links as public bodies; no queries here."""

from __future__ import annotations

from schemas.claims import Certainty
from schemas.links import (
    AliasPublic,
    ClusterClaim,
    ClusterPublic,
    EntityEditPublic,
    EntityPublic,
    EntitySummary,
    FigureGroupPublic,
    FigurePublic,
    FigureRelationPublic,
    MentionPublic,
)
from service.linking.reads import (
    ClaimInfo,
    ClusterInfo,
    EntityDetail,
    FigureGroupInfo,
    MentionInfo,
)
from service.models import Entity


def entity_url(entity_id: int) -> str:
    """The entity's page."""
    return f"/entities/{entity_id}"


def figure_group_url(key: str) -> str:
    """The figure group's page."""
    return f"/figures/{key}"


def cluster_url(cluster_id: int) -> str:
    """The cluster's endpoint."""
    return f"/clusters/{cluster_id}"


def entity_summary(entity: Entity, mentions: int) -> EntitySummary:
    """An entity in a listing."""
    return EntitySummary(
        id=entity.id or 0,
        name=entity.name,
        type=entity.type,
        mentions=mentions,
        url=entity_url(entity.id or 0),
    )


def _source_name(claim: ClaimInfo) -> str | None:
    source = claim.record.data.get("source")
    return source.get("name") if isinstance(source, dict) else None


def mention_public(mention: MentionInfo) -> MentionPublic:
    """One claim link with the claim it belongs to."""
    link, claim = mention.link, mention.claim
    return MentionPublic(
        id=link.id or 0,
        claim_id=link.claim_id,
        article_id=link.article_id,
        role=link.role,
        text=link.text,
        reason=link.reason,
        score=link.score,
        detail=link.detail,
        statement=claim.record.statement,
        source=_source_name(claim),
        outlet=claim.outlet,
        published=claim.published,
    )


def entity_public(detail: EntityDetail) -> EntityPublic:
    """The entity endpoint's body."""
    entity = detail.entity
    mentions = [mention_public(mention) for mention in detail.links]
    seen: set[str] = set()
    aliases = []
    for alias in detail.aliases:
        if alias.alias not in seen:
            seen.add(alias.alias)
            aliases.append(AliasPublic(alias=alias.alias, reason=alias.reason))
    return EntityPublic(
        id=entity.id or 0,
        name=entity.name,
        type=entity.type,
        mentions=detail.mentions,
        url=entity_url(entity.id or 0),
        aliases=aliases,
        merged_into=entity.merged_into_id,
        as_subject=[mention for mention in mentions if mention.role == "subject"],
        as_source=[mention for mention in mentions if mention.role == "source"],
        as_location=[mention for mention in mentions if mention.role == "location"],
        figure_groups=detail.figure_groups,
        edits=[
            EntityEditPublic(
                id=edit.id or 0,
                action=edit.action,
                entity_id=edit.entity_id,
                other_entity_id=edit.other_entity_id,
                reviewer=edit.reviewer,
                created_at=edit.created_at,
                undone=edit.id in detail.undone,
                change=edit.change,
            )
            for edit in detail.edits
        ],
    )


def _cluster_claim(claim: ClaimInfo) -> ClusterClaim:
    return ClusterClaim(
        claim_id=claim.record.id or 0,
        article_id=claim.record.article_id,
        statement=claim.record.statement,
        source=_source_name(claim),
        outlet=claim.outlet,
        published=claim.published,
        certainty=Certainty(claim.record.certainty),
    )


def cluster_public(info: ClusterInfo) -> ClusterPublic:
    """A cluster with its claims."""
    cluster = info.cluster
    return ClusterPublic(
        id=cluster.id or 0,
        label=cluster.label,
        articles=len({claim.record.article_id for claim in info.claims}),
        claims=[_cluster_claim(claim) for claim in info.claims],
        url=cluster_url(cluster.id or 0),
    )


def figure_group_public(info: FigureGroupInfo) -> FigureGroupPublic:
    """A figure group: its ledger rows and the relations between them."""
    group = info.group
    figures = []
    for figure in group.figures:
        claim = info.claims[int(figure.claim_key)]
        figures.append(
            FigurePublic(
                id=figure.id,
                claim_id=int(figure.claim_key),
                article_id=int(figure.article_key),
                text=figure.text,
                value=figure.value,
                upper=figure.upper,
                approx=figure.approx,
                unit=figure.unit,
                counts=figure.counts,
                source=figure.source,
                via=figure.via,
                published=figure.published,
                time_start=figure.time_start,
                time_end=figure.time_end,
                certainty=figure.certainty,
                kind=figure.kind,
                statement=claim.record.statement,
                outlet=claim.outlet,
            )
        )
    return FigureGroupPublic(
        key=group.key,
        label=group.label,
        unit=group.unit,
        disagreement=group.disagreement,
        figures=figures,
        relations=[
            FigureRelationPublic(a=rel.a, b=rel.b, kind=rel.kind, reason=rel.reason)
            for rel in group.relations
        ],
        url=figure_group_url(group.key),
    )
