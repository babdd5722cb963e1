"""Cross-article links in the database: link one run's claims incrementally, or rebuild.

The pure linker (entities, figures, clusters) decides; this module loads what it needs
from the database, stores its decisions, and keeps figures and clusters in step when a
reviewer moves links between entities. Keyword-only; the caller commits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, text
from sqlmodel import Session, SQLModel, col, select

from schemas.claims import Claim
from service.linking import (
    ArticleInput,
    ClusterInput,
    EntityIndex,
    Figure,
    Mention,
    article_context,
    figure_group_key,
    figures_of,
    mention_texts,
)
from service.linking.cluster_store import place_claim
from service.models import (
    Article,
    ClaimCluster,
    ClaimEntity,
    ClaimOrigin,
    ClaimRecord,
    ClusterMember,
    Entity,
    EntityAlias,
    EntityEdit,
    ExtractionRun,
    FigureRecord,
    RunStatus,
)

ROLES = ("subject", "source", "location")
NEW_KEY_PREFIX = "new:"
# Linking reads every entity, then writes: two linkers at once would both create the same
# new entity. One at a time per process, and per database on PostgreSQL.
_PROCESS_LOCK = threading.Lock()
_PG_LOCK_KEY = 7_312_024


@dataclass(frozen=True)
class LinkSummary:
    """What linking one article did."""

    article_id: int
    claims: int
    mentions: int
    new_entities: int
    figures: int
    clusters: int


def _root_ids(session: Session) -> dict[int, int]:
    """Every entity id -> the id it is merged into (itself when not merged)."""
    parents: dict[int, int | None] = {
        entity_id: parent
        for entity_id, parent in session.exec(select(Entity.id, Entity.merged_into_id)).all()
        if entity_id is not None
    }
    roots: dict[int, int] = {}
    for entity_id in parents:
        current = entity_id
        seen = {current}
        while (parent := parents.get(current)) is not None and parent not in seen:
            seen.add(parent)
            current = parent
        roots[entity_id] = current
    return roots


def load_index(*, session: Session) -> EntityIndex:
    """An entity index holding every stored entity (merged ones under their survivor)."""
    counter = iter(range(1, 10**9))
    index = EntityIndex(new_key=lambda: f"{NEW_KEY_PREFIX}{next(counter)}")
    roots = _root_ids(session)
    entities = session.exec(select(Entity).order_by(col(Entity.id))).all()
    for entity in entities:
        if entity.merged_into_id is None:
            index.add_entity(str(entity.id), entity.name, entity.type, [entity.name])  # type: ignore[arg-type]
    for entity in entities:
        if entity.merged_into_id is not None:
            index.add_alias(str(roots[entity.id or 0]), entity.name, reason="merged")
    aliases = session.exec(select(EntityAlias).order_by(col(EntityAlias.id))).all()
    for alias in aliases:
        index.add_alias(
            str(roots.get(alias.entity_id, alias.entity_id)), alias.alias, reason=alias.reason
        )
    return index


def _serialize(session: Session) -> None:
    """Take the database-wide linking lock (PostgreSQL; a no-op elsewhere)."""
    if session.get_bind().dialect.name == "postgresql":
        session.exec(text("SELECT pg_advisory_xact_lock(:key)").bindparams(key=_PG_LOCK_KEY))  # type: ignore[call-overload]


def forget_article(*, session: Session, article_id: int) -> None:
    """Remove an article's claim links, figures and cluster memberships."""
    for table in (ClaimEntity, FigureRecord, ClusterMember):
        session.exec(delete(table).where(col(table.article_id) == article_id))


def _article_input(article: Article, records: Sequence[ClaimRecord]) -> ArticleInput:
    return ArticleInput(
        key=str(article.id),
        text=article.text,
        published=article.published,
        outlet=article.outlet,
        claims=[(str(record.id), Claim.model_validate(record.data)) for record in records],
    )


def _stored_entity_id(
    *, session: Session, index: EntityIndex, key: str, created: dict[str, int]
) -> int:
    """The database id for an index key, storing a new entity the first time one is seen."""
    if not key.startswith(NEW_KEY_PREFIX):
        return int(key)
    if key not in created:
        view = index.entity(key)
        entity = Entity(name=view.name, type=view.type)
        session.add(entity)
        session.flush()
        assert entity.id is not None
        created[key] = entity.id
    return created[key]


def _add_aliases(*, session: Session, aliases: dict[tuple[int, str], str]) -> None:
    """Store the (entity, spelling) pairs not stored yet, with the reason each was linked."""
    if not aliases:
        return
    entity_ids = {entity_id for entity_id, _ in aliases}
    known = set(
        session.exec(
            select(EntityAlias.entity_id, EntityAlias.alias).where(
                col(EntityAlias.entity_id).in_(entity_ids)
            )
        ).all()
    )
    for (entity_id, alias), reason in aliases.items():
        if (entity_id, alias) not in known:
            session.add(EntityAlias(entity_id=entity_id, alias=alias, reason=reason[:32]))


def _link_mentions(
    *, session: Session, article: ArticleInput, records: Sequence[ClaimRecord]
) -> tuple[int, int]:
    """Link every name of the article's claims; returns (mentions, new entities)."""
    index = load_index(session=session)
    context = article_context(article.text)
    created: dict[str, int] = {}
    aliases: dict[tuple[int, str], str] = {}
    mentions = 0
    for record, (claim_key, claim) in zip(records, article.claims, strict=True):
        for role, name in mention_texts(claim).items():
            mention = Mention(
                claim_key=claim_key,
                article_key=article.key,
                role=role,
                text=name,
            )
            decision = index.link(mention, context=context)
            entity_id = _stored_entity_id(
                session=session, index=index, key=decision.entity_key, created=created
            )
            session.add(
                ClaimEntity(
                    claim_id=record.id or 0,
                    article_id=record.article_id,
                    entity_id=entity_id,
                    role=role,
                    text=name,
                    reason=decision.reason[:32],
                    score=decision.score,
                    detail=decision.detail,
                )
            )
            aliases.setdefault((entity_id, name[:500]), decision.reason)
            mentions += 1
    _add_aliases(session=session, aliases=aliases)
    session.flush()
    return mentions, len(created)


def subject_entities(*, session: Session, claim_ids: Iterable[int]) -> dict[int, int]:
    """claim id -> the (root) entity its subject is linked to."""
    ids = list(claim_ids)
    if not ids:
        return {}
    roots = _root_ids(session)
    rows = session.exec(
        select(ClaimEntity.claim_id, ClaimEntity.entity_id).where(
            col(ClaimEntity.claim_id).in_(ids), ClaimEntity.role == "subject"
        )
    ).all()
    return {claim_id: roots.get(entity_id, entity_id) for claim_id, entity_id in rows}


def _figure_data(figure: Figure) -> dict[str, Any]:
    data = dataclasses.asdict(figure)
    data["published"] = figure.published.isoformat() if figure.published else None
    return data


def figure_from_data(data: dict[str, Any]) -> Figure:
    """A ledger row back as the linker's Figure."""
    values = dict(data)
    published = values.get("published")
    values["published"] = dt.date.fromisoformat(published) if published else None
    names = {field.name for field in dataclasses.fields(Figure)}
    return Figure(**{name: value for name, value in values.items() if name in names})


def refresh_claims(*, session: Session, claim_ids: Sequence[int]) -> tuple[int, int]:
    """Recompute the figures and cluster memberships of these claims from their links.

    Returns (figures, clusters joined or made). Called after linking an article and after
    a reviewer moves links between entities.
    """
    if not claim_ids:
        return 0, 0
    records = session.exec(select(ClaimRecord).where(col(ClaimRecord.id).in_(claim_ids))).all()
    session.exec(delete(FigureRecord).where(col(FigureRecord.claim_id).in_(claim_ids)))
    session.exec(delete(ClusterMember).where(col(ClusterMember.claim_id).in_(claim_ids)))
    subjects = subject_entities(session=session, claim_ids=claim_ids)
    by_article: dict[int, list[ClaimRecord]] = {}
    for record in records:
        by_article.setdefault(record.article_id, []).append(record)
    figures = clusters = 0
    for article_id, article_records in sorted(by_article.items()):
        article = session.get(Article, article_id)
        assert article is not None
        article_input = _article_input(article, article_records)
        subject_keys = {str(claim_id): str(entity) for claim_id, entity in subjects.items()}
        for figure in figures_of(article_input, subject_keys):
            session.add(
                FigureRecord(
                    claim_id=int(figure.claim_key),
                    article_id=article_id,
                    quantity_index=figure.quantity_index,
                    group_key=figure_group_key(figure, subject_entity=subject_keys)[:300],
                    label=figure.counts,
                    unit=figure.unit,
                    data=_figure_data(figure),
                )
            )
            figures += 1
        for claim_key, claim in article_input.claims:
            subject = subject_keys.get(claim_key)
            if subject is None:
                continue
            cluster_input = ClusterInput(
                claim_key=claim_key,
                article_key=article_input.key,
                claim=claim,
                subject_entity=subject,
                published=article.published,
            )
            clusters += place_claim(session=session, item=cluster_input, article_id=article_id)
    session.flush()
    return figures, clusters


def current_claims(*, session: Session, run_id: int) -> Sequence[ClaimRecord]:
    """A run's extracted claims, in order."""
    return session.exec(
        select(ClaimRecord)
        .where(ClaimRecord.run_id == run_id, ClaimRecord.origin == ClaimOrigin.extracted)
        .order_by(col(ClaimRecord.position))
    ).all()


def link_run(*, session: Session, run_id: int) -> LinkSummary | None:
    """Link a succeeded run's claims into entities, figures and clusters (incremental).

    The article's earlier links are replaced; other articles' links are untouched, so a new
    article costs one pass over its own claims plus one read of the entity names.
    """
    run = session.get(ExtractionRun, run_id)
    if run is None or run.status != RunStatus.succeeded:
        return None
    article = session.get(Article, run.article_id)
    assert article is not None and article.id is not None
    with _PROCESS_LOCK:
        _serialize(session)
        forget_article(session=session, article_id=article.id)
        records = current_claims(session=session, run_id=run_id)
        article_input = _article_input(article, records)
        mentions, new_entities = _link_mentions(
            session=session, article=article_input, records=records
        )
        figures, clusters = refresh_claims(
            session=session, claim_ids=[record.id or 0 for record in records]
        )
    return LinkSummary(
        article_id=article.id,
        claims=len(records),
        mentions=mentions,
        new_entities=new_entities,
        figures=figures,
        clusters=clusters,
    )


def current_run_ids(*, session: Session) -> list[int]:
    """Every article's latest succeeded run, oldest article first."""
    rows = session.exec(
        select(ExtractionRun.article_id, ExtractionRun.id)
        .where(ExtractionRun.status == RunStatus.succeeded)
        .order_by(col(ExtractionRun.article_id), col(ExtractionRun.id))
    ).all()
    latest: dict[int, int] = {}
    for article_id, run_id in rows:
        latest[article_id] = run_id or 0
    return [latest[article_id] for article_id in sorted(latest)]


def clear_links(*, session: Session, keep_entities: bool) -> None:
    """Remove every claim link, figure and cluster (and entities unless kept)."""
    tables: tuple[type[SQLModel], ...] = (ClaimEntity, FigureRecord, ClusterMember, ClaimCluster)
    for table in tables:
        session.exec(delete(table))
    if not keep_entities:
        for table in (EntityEdit, EntityAlias):
            session.exec(delete(table))
        session.exec(text("UPDATE entity SET merged_into_id = NULL"))  # type: ignore[call-overload]
        session.exec(delete(Entity))


def run_article_id(*, session: Session, run_id: int) -> int | None:
    """The article a run belongs to."""
    run = session.get(ExtractionRun, run_id)
    return run.article_id if run else None
