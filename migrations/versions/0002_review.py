"""review log (claim_review) and claim origin

Revision ID: 0002_review
Revises: 0001_initial
Create Date: 2026-11-22 04:26:56.541704
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002_review"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("undoes_id", sa.Integer(), nullable=True),
        sa.Column("reviewer", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["undoes_id"], ["claim_review.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claim_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claim_review_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_claim_review_claim_id"), ["claim_id"], unique=False)

    # Existing rows are extraction output: the server default marks them so.
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "origin",
                sqlmodel.sql.sqltypes.AutoString(length=16),
                server_default="extracted",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("claim_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_review_claim_id"))
        batch_op.drop_index(batch_op.f("ix_claim_review_article_id"))
    op.drop_table("claim_review")

    # Claims added by reviewers would pass for extraction output without the column.
    op.execute(sa.text("DELETE FROM claim WHERE origin = 'review'"))
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("origin")
