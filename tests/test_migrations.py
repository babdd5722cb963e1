"""Alembic migrations build the schema the models describe, and revert cleanly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, MetaData, create_engine, inspect, text
from sqlmodel import SQLModel

import service.models  # noqa: F401
from service.migrations import downgrade, upgrade


def test_migrations_match_the_models(database_url: str):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_removes_every_table(database_url: str):
    downgrade(database_url, "base")
    engine = create_engine(database_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    upgrade(database_url)


NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def _claim_data(statement: str, subject: str, source: str | None) -> dict[str, Any]:
    span = {"start": 0, "end": 6, "text": "Troops", "alignment": "exact"}
    return {
        "statement": statement,
        "kind": "event",
        "subject": subject,
        "source": {"name": source, "anonymous": False, "via": None} if source else None,
        "certainty": "certain",
        "negated": False,
        "quantities": [],
        "time": None,
        "location": None,
        "evidence": [span],
    }


def _seed_0006(engine: Engine) -> dict[str, int]:
    """Rows as 0006 stored them: two articles, claims in every review state."""
    tables = MetaData()
    tables.reflect(engine)
    article, run = tables.tables["article"], tables.tables["extraction_run"]
    claim, review = tables.tables["claim"], tables.tables["claim_review"]
    text = "Troops arrive in Kursk\n\nTroops arrived, officials said."
    counters = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0, "attempts": 0}
    counters |= {"claims_count": 0, "dropped_count": 0, "cached_tokens": 0, "retries": 0}
    with engine.begin() as connection:
        for article_id, title in ((1, None), (2, "Given title")):
            connection.execute(
                article.insert().values(
                    id=article_id, text=f"{text} {article_id}", text_sha256=f"sha{article_id}",
                    title=title, char_count=len(text) + 2, created_at=NOW,
                )
            )  # fmt: skip
        connection.execute(
            run.insert().values(
                id=1, article_id=1, status="succeeded", extractor="fake", created_at=NOW,
                interruptions=0, **counters,
            )
        )  # fmt: skip
        claims = {
            "edited": ("extracted", _claim_data("Troops arrived.", "troops", "officials")),
            "rejected": ("extracted", _claim_data("Troops left.", "troops", None)),
            "unreviewed": ("extracted", _claim_data("Troops rest.", "troops", None)),
            "undone": ("extracted", _claim_data("Troops wait.", "troops", None)),
            "added": ("review", _claim_data("Troops came.", "soldiers", "Kyiv")),
            "removed": ("review", _claim_data("Troops went.", "soldiers", None)),
        }
        ids = {}
        for position, (name, (origin, data)) in enumerate(claims.items()):
            ids[name] = position + 1
            connection.execute(
                claim.insert().values(
                    id=position + 1, run_id=1, article_id=1, position=position,
                    statement=data["statement"], kind="event", subject=data["subject"],
                    source_name=(data["source"] or {}).get("name"), certainty="certain",
                    negated=False, data=data, origin=origin,
                )
            )  # fmt: skip
        edited = _claim_data("Troops arrived in Kursk.", "North Korean troops", "Kyiv officials")
        rows = [
            (ids["edited"], "edit", edited, None),
            (ids["edited"], "accept", None, None),
            (ids["rejected"], "reject", None, None),
            (ids["undone"], "accept", None, None),
            (ids["undone"], "undo", None, 4),
            (ids["added"], "add", claims["added"][1], None),
            (ids["removed"], "add", claims["removed"][1], None),
            (ids["removed"], "undo", None, 7),
        ]
        for row_id, (claim_id, action, value, undoes) in enumerate(rows, start=1):
            connection.execute(
                review.insert().values(
                    id=row_id, claim_id=claim_id, article_id=1, action=action, value=value,
                    undoes_id=undoes, reviewer="ada", created_at=NOW,
                )
            )  # fmt: skip
    return ids


def test_0007_backfills_review_state_and_titles_and_reverts(database_url: str):
    downgrade(database_url, "0006_links")
    engine = create_engine(database_url)
    ids = _seed_0006(engine)
    upgrade(database_url)
    with engine.connect() as connection:
        states = dict(
            connection.execute(text("SELECT id, review_state FROM claim ORDER BY id")).all()
        )
        edited = connection.execute(
            text(
                "SELECT reviewed_subject, reviewed_source_name, reviewed_statement "
                "FROM claim WHERE id = :id"
            ),
            {"id": ids["edited"]},
        ).one()
        unreviewed = connection.execute(
            text("SELECT reviewed_subject FROM claim WHERE id = :id"), {"id": ids["unreviewed"]}
        ).scalar_one()
        titles = connection.execute(
            text("SELECT title, title_source FROM article ORDER BY id")
        ).all()
    assert {name: states[claim_id] for name, claim_id in ids.items()} == {
        "edited": "edited",
        "rejected": "rejected",
        "unreviewed": "unreviewed",
        "undone": "unreviewed",
        "added": "added",
        "removed": "removed",
    }
    assert tuple(edited) == ("North Korean troops", "Kyiv officials", "Troops arrived in Kursk.")
    assert unreviewed is None
    assert [tuple(row) for row in titles] == [
        ("Troops arrive in Kursk", "first_line"),
        ("Given title", "request"),
    ]
    downgrade(database_url, "0006_links")
    with engine.connect() as connection:
        reverted = connection.execute(text("SELECT title FROM article ORDER BY id")).scalars()
        assert list(reverted) == [None, "Given title"]
        columns = {column["name"] for column in inspect(connection).get_columns("claim")}
    assert "review_state" not in columns
    engine.dispose()
    upgrade(database_url)
