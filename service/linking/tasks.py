"""Linking as a step after a run: a new article joins entities, figures and clusters."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from service.db import session_scope
from service.linking.store import LinkSummary, link_run

logger = logging.getLogger(__name__)


def link_after_run(engine: Engine, run_id: int) -> LinkSummary | None:
    """Link a succeeded run's claims; a failure is logged, never fails the run.

    `claimkit link --rebuild` recomputes every link from the stored claims, so a link step
    lost to a crash or an error here is repaired by running it.
    """
    try:
        with session_scope(engine) as session:
            summary = link_run(session=session, run_id=run_id)
            session.commit()
    except Exception:
        logger.exception("linking run %s across articles failed; its claims are stored", run_id)
        return None
    return summary
