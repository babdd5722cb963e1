"""reviewed state on claim rows (reads use reviewed values), ratings, article title source

Revision ID: 0007_reviewed_reads
Revises: 0006_links
Create Date: 2026-12-10 09:12:40.118204

Backfills from what is stored: each claim's review state, reviewed value and searchable
fields from its review log, and for articles stored without a title, their first line when
it reads as a headline. The fold and the headline rule are copied here as they were when
this migration was written (service.review.state, service.headlines), so later changes to
those modules do not change what this migration did.
"""

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007_reviewed_reads"
down_revision: str | None = "0006_links"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REVIEWED_COLUMNS = (
    "reviewed_data",
    "reviewed_statement",
    "reviewed_subject",
    "reviewed_source_name",
    "reviewed_kind",
    "reviewed_certainty",
    "rating",
    "rating_note",
    "rated_by",
    "rated_at",
)


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("title_source", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "review_state",
                sqlmodel.sql.sqltypes.AutoString(length=16),
                server_default="unreviewed",
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("reviewed_data", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_statement", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_subject", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_source_name", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("reviewed_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "reviewed_certainty", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("rating", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
        batch_op.add_column(sa.Column("rating_note", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("rated_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(
            sa.Column("rated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_claim_review_state"), ["review_state"], unique=False)
    _backfill_titles()
    _backfill_reviews()


def downgrade() -> None:
    # Titles this migration (or later code) read from the first line were never sent.
    op.execute("UPDATE article SET title = NULL WHERE title_source = 'first_line'")
    op.drop_index(op.f("ix_claim_review_state"), table_name="claim")
    _drop_columns("claim", [*reversed(_REVIEWED_COLUMNS), "review_state"])
    _drop_columns("article", ["title_source"])


def _drop_columns(table: str, names: list[str]) -> None:
    """Drop columns in place. On SQLite, batch mode would copy the table and drop the old
    one, which foreign keys from other tables' rows (claim_review -> claim) forbid; SQLite
    3.35+ drops a column natively."""
    if op.get_bind().dialect.name != "sqlite":
        for name in names:
            op.drop_column(table, name)
    elif sqlite3.sqlite_version_info >= (3, 35):
        for name in names:
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{name}"')
    else:  # an old SQLite: copy the table (needs no rows referencing it)
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in names:
                batch_op.drop_column(name)


# --- titles: service.headlines as of this migration -------------------------------------


def _headline(text: str) -> str | None:
    import re

    clause_end = re.compile(r"[.,;:][\"'”’)\]]*$")
    byline = re.compile(r"^By\s+\S")
    letter = re.compile(r"[^\W\d_]")
    iso = re.compile(r"^\s*(?:date:?\s+)?\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
    months = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    spelled = re.compile(
        rf"^\s*(?:\w+day,?\s+)?(?:\d{{1,2}}\s+)?(?:{months})[a-z]*\.?\s+(?:\d{{1,2}},?\s+)?"
        r"\d{4}\s*$",
        re.IGNORECASE,
    )
    lines = [line.strip() for line in text.splitlines()]
    filled = [index for index, line in enumerate(lines) if line]
    for place, index in enumerate(filled[:2]):
        line = lines[index]
        if place == 0 and (spelled.match(line) or iso.fullmatch(line)):
            continue  # a dateline alone on the first line
        reads = (
            len(line) <= 200
            and len(line.split()) >= 2
            and bool(letter.search(line))
            and not clause_end.search(line)
            and not byline.match(line)
            and not iso.match(line)
        )
        return line if reads and place + 1 < len(filled) else None
    return None


def _backfill_titles() -> None:
    connection = op.get_bind()
    article = sa.table(
        "article",
        sa.column("id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("title", sa.String),
        sa.column("title_source", sa.String),
    )
    connection.execute(
        article.update().where(article.c.title.is_not(None)).values(title_source="request")
    )
    untitled = connection.execute(
        sa.select(article.c.id, article.c.text).where(article.c.title.is_(None))
    ).all()
    for article_id, text in untitled:
        found = _headline(text or "")
        if found:
            connection.execute(
                article.update()
                .where(article.c.id == article_id)
                .values(title=found, title_source="first_line")
            )


# --- review state: service.review.state's fold as of this migration ----------------------


def _fold(original: dict[str, Any], added: bool, rows: list[Any]) -> dict[str, Any]:
    """The columns a claim's review log gives its row (there were no ratings before this)."""
    undone = {row.undoes_id for row in rows if row.action == "undo"}
    effective = [row for row in rows if row.action != "undo" and row.id not in undone]
    if not effective:
        return {"review_state": "removed" if added else "unreviewed"}
    last = effective[-1]
    valued = [row.value for row in effective if row.value is not None]
    value = valued[-1] if valued else original
    if last.action == "reject":
        state = "rejected"
    elif added:
        state = "added"
    elif any(row.action == "edit" for row in effective):
        state = "edited"
    else:
        state = "accepted"
    source = value.get("source") or {}
    return {
        "review_state": state,
        "reviewed_data": value,
        "reviewed_statement": value["statement"],
        "reviewed_subject": value["subject"],
        "reviewed_source_name": source.get("name"),
        "reviewed_kind": value["kind"],
        "reviewed_certainty": value.get("certainty", "certain"),
    }


def _backfill_reviews() -> None:
    connection = op.get_bind()
    review = sa.table(
        "claim_review",
        sa.column("id", sa.Integer),
        sa.column("claim_id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("value", sa.JSON),
        sa.column("undoes_id", sa.Integer),
    )
    claim = sa.table(
        "claim",
        sa.column("id", sa.Integer),
        sa.column("data", sa.JSON),
        sa.column("origin", sa.String),
        sa.column("review_state", sa.String),
        *(sa.column(name, sa.JSON if name == "reviewed_data" else sa.Text) for name in (
            "reviewed_data", "reviewed_statement", "reviewed_subject", "reviewed_source_name",
            "reviewed_kind", "reviewed_certainty",
        )),
    )  # fmt: skip
    logs: dict[int, list[Any]] = defaultdict(list)
    for row in connection.execute(sa.select(review).order_by(review.c.id)):
        logs[row.claim_id].append(row)
    added = connection.execute(sa.select(claim.c.id).where(claim.c.origin == "review")).scalars()
    claim_ids = set(logs) | set(added)
    for claim_id in sorted(claim_ids):
        found = connection.execute(
            sa.select(claim.c.data, claim.c.origin).where(claim.c.id == claim_id)
        ).first()
        if found is None:
            continue
        values = _fold(found.data, found.origin == "review", logs.get(claim_id, []))
        connection.execute(claim.update().where(claim.c.id == claim_id).values(**values))
