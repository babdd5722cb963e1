"""Worker heartbeats: a beat registers a worker, a stop or silence makes it not live."""

from __future__ import annotations

import datetime as dt

from service import worker_records
from service.config import Settings
from service.db import engine_for, session_scope
from service.models import utcnow


def _beat(settings: Settings, worker_id: str) -> None:
    with session_scope(engine_for(settings)) as session:
        worker_records.beat(session=session, worker_id=worker_id, hostname="h", pid=1, threads=2)
        session.commit()


def _live_ids(settings: Settings, seen_after: dt.datetime) -> list[str]:
    with session_scope(engine_for(settings)) as session:
        return [w.id for w in worker_records.live_workers(session=session, seen_after=seen_after)]


def test_a_beat_registers_a_live_worker(settings: Settings) -> None:
    _beat(settings, "w1")
    assert _live_ids(settings, utcnow() - dt.timedelta(minutes=1)) == ["w1"]


def test_a_stopped_worker_is_not_live_until_it_beats_again(settings: Settings) -> None:
    _beat(settings, "w1")
    with session_scope(engine_for(settings)) as session:
        worker_records.stop_worker(session=session, worker_id="w1")
        session.commit()
    assert _live_ids(settings, utcnow() - dt.timedelta(minutes=1)) == []
    _beat(settings, "w1")
    assert _live_ids(settings, utcnow() - dt.timedelta(minutes=1)) == ["w1"]


def test_silent_workers_are_not_live_and_can_be_forgotten(settings: Settings) -> None:
    _beat(settings, "w1")
    later = utcnow() + dt.timedelta(minutes=5)
    assert _live_ids(settings, later) == []
    with session_scope(engine_for(settings)) as session:
        worker_records.forget_workers(session=session, seen_before=later)
        session.commit()
    assert _live_ids(settings, utcnow() - dt.timedelta(days=1)) == []
