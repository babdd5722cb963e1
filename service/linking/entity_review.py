"""Reviewer edits of entities: merge, split, rename, each recorded and reversible.

Every edit is an `EntityEdit` row holding what it changed (the links it moved, the names
it replaced), so `undo_edit` can put things back; an undone edit stays in the log. The
figures and clusters of claims whose subject moved are recomputed. The caller commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from service.linking.store import refresh_claims
from service.models import ClaimEntity, Entity, EntityAlias, EntityEdit


class EntityEditError(ValueError):
    """An edit that cannot be made, with the reason (mapped to 404/409 by the API)."""

    def __init__(self, message: str, *, not_found: bool = False) -> None:
        super().__init__(message)
        self.not_found = not_found


def live_entity(*, session: Session, entity_id: int) -> Entity:
    """The entity, which must exist and not be merged into another."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise EntityEditError(f"entity {entity_id} does not exist", not_found=True)
    if entity.merged_into_id is not None:
        raise EntityEditError(
            f"entity {entity_id} was merged into entity {entity.merged_into_id}; edit that one"
        )
    return entity


def _move_links(*, session: Session, link_ids: Sequence[int], to_entity: int) -> list[int]:
    """Point these claim links at another entity; returns the claims whose subject moved."""
    links = session.exec(select(ClaimEntity).where(col(ClaimEntity.id).in_(link_ids))).all()
    moved_subjects = []
    for link in links:
        link.entity_id = to_entity
        session.add(link)
        if link.role == "subject":
            moved_subjects.append(link.claim_id)
    session.flush()
    return moved_subjects


def _links_of(*, session: Session, entity_id: int) -> list[int]:
    return [
        link_id
        for link_id in session.exec(
            select(ClaimEntity.id)
            .where(ClaimEntity.entity_id == entity_id)
            .order_by(col(ClaimEntity.id))
        ).all()
        if link_id is not None
    ]


def _record(
    *,
    session: Session,
    action: str,
    entity_id: int,
    reviewer: str,
    change: dict[str, Any],
    other_entity_id: int | None = None,
    undoes_id: int | None = None,
) -> EntityEdit:
    edit = EntityEdit(
        action=action,
        entity_id=entity_id,
        other_entity_id=other_entity_id,
        change=change,
        reviewer=reviewer,
        undoes_id=undoes_id,
    )
    session.add(edit)
    session.flush()
    return edit


def merge_entities(
    *, session: Session, into_id: int, other_ids: Sequence[int], reviewer: str
) -> list[EntityEdit]:
    """Merge other entities into one: their links and aliases now belong to it."""
    survivor = live_entity(session=session, entity_id=into_id)
    edits = []
    for other_id in dict.fromkeys(other_ids):
        if other_id == into_id:
            raise EntityEditError(f"entity {into_id} cannot be merged into itself")
        other = live_entity(session=session, entity_id=other_id)
        link_ids = _links_of(session=session, entity_id=other_id)
        moved = _move_links(session=session, link_ids=link_ids, to_entity=into_id)
        other.merged_into_id = into_id
        session.add(other)
        refresh_claims(session=session, claim_ids=moved)
        edits.append(
            _record(
                session=session,
                action="merge",
                entity_id=survivor.id or 0,
                other_entity_id=other_id,
                reviewer=reviewer,
                change={"links": link_ids, "name": other.name},
            )
        )
    return edits


def split_entity(
    *, session: Session, entity_id: int, link_ids: Sequence[int], name: str, reviewer: str
) -> EntityEdit:
    """Move some of an entity's claim links to a new entity with its own name."""
    entity = live_entity(session=session, entity_id=entity_id)
    owned = set(_links_of(session=session, entity_id=entity_id))
    wanted = list(dict.fromkeys(link_ids))
    foreign = [link_id for link_id in wanted if link_id not in owned]
    if not wanted:
        raise EntityEditError("a split needs the ids of the mentions to move ('mentions')")
    if foreign:
        raise EntityEditError(f"mentions {foreign} are not linked to entity {entity_id}")
    if len(wanted) == len(owned):
        raise EntityEditError("a split must leave at least one mention behind; rename instead")
    new_entity = Entity(name=name, type=entity.type)
    session.add(new_entity)
    session.flush()
    new_id = new_entity.id or 0
    moved = _move_links(session=session, link_ids=wanted, to_entity=new_id)
    moved_aliases = _move_aliases(session=session, from_entity=entity_id, to_entity=new_id)
    refresh_claims(session=session, claim_ids=moved)
    return _record(
        session=session,
        action="split",
        entity_id=entity_id,
        other_entity_id=new_id,
        reviewer=reviewer,
        change={"links": wanted, "aliases": moved_aliases, "name": name},
    )


def _move_aliases(*, session: Session, from_entity: int, to_entity: int) -> list[str]:
    """Give the new entity the spellings only its links use, so new articles follow."""
    remaining = set(
        session.exec(select(ClaimEntity.text).where(ClaimEntity.entity_id == from_entity)).all()
    )
    moving = set(
        session.exec(select(ClaimEntity.text).where(ClaimEntity.entity_id == to_entity)).all()
    )
    moved = []
    for alias in session.exec(select(EntityAlias).where(EntityAlias.entity_id == from_entity)):
        if alias.alias in moving and alias.alias not in remaining:
            alias.entity_id = to_entity
            session.add(alias)
            moved.append(alias.alias)
    session.flush()
    return sorted(moved)


def rename_entity(*, session: Session, entity_id: int, name: str, reviewer: str) -> EntityEdit:
    """Give an entity a new canonical name; the old one stays as an alias."""
    entity = live_entity(session=session, entity_id=entity_id)
    old = entity.name
    entity.name = name
    session.add(entity)
    known = session.exec(
        select(EntityAlias.id).where(EntityAlias.entity_id == entity_id, EntityAlias.alias == old)
    ).first()
    if known is None:
        session.add(EntityAlias(entity_id=entity_id, alias=old[:500], reason="renamed"))
    return _record(
        session=session,
        action="rename",
        entity_id=entity_id,
        reviewer=reviewer,
        change={"old": old, "new": name},
    )


def undo_edit(*, session: Session, edit_id: int, reviewer: str) -> EntityEdit:
    """Reverse a merge, split or rename; an edit can be undone once."""
    edit = session.get(EntityEdit, edit_id)
    if edit is None:
        raise EntityEditError(f"entity edit {edit_id} does not exist", not_found=True)
    if edit.action == "undo":
        raise EntityEditError(f"entity edit {edit_id} is an undo; it cannot be undone")
    already = session.exec(select(EntityEdit.id).where(EntityEdit.undoes_id == edit_id)).first()
    if already is not None:
        raise EntityEditError(f"entity edit {edit_id} was already undone by edit {already}")
    change = edit.change
    if edit.action == "merge":
        other = session.get(Entity, edit.other_entity_id)
        assert other is not None
        other.merged_into_id = None
        session.add(other)
        moved = _move_links(session=session, link_ids=change["links"], to_entity=other.id or 0)
        refresh_claims(session=session, claim_ids=moved)
    elif edit.action == "split":
        new_entity = session.get(Entity, edit.other_entity_id)
        assert new_entity is not None
        moved = _move_links(session=session, link_ids=change["links"], to_entity=edit.entity_id)
        for alias in session.exec(
            select(EntityAlias).where(
                EntityAlias.entity_id == new_entity.id,
                col(EntityAlias.alias).in_(change.get("aliases", [])),
            )
        ):
            alias.entity_id = edit.entity_id
            session.add(alias)
        new_entity.merged_into_id = edit.entity_id
        session.add(new_entity)
        refresh_claims(session=session, claim_ids=moved)
    elif edit.action == "rename":
        entity = session.get(Entity, edit.entity_id)
        assert entity is not None
        entity.name = change["old"]
        session.add(entity)
    return _record(
        session=session,
        action="undo",
        entity_id=edit.entity_id,
        other_entity_id=edit.other_entity_id,
        reviewer=reviewer,
        change={"undid": edit.action},
        undoes_id=edit.id,
    )
