"""`claimkit link`: link stored claims across articles (catch up, or rebuild everything)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import track

link_app = typer.Typer(help="Link claims across articles: entities, clusters, figures.")
err = Console(stderr=True, soft_wrap=True)


@link_app.callback(invoke_without_command=True)
def link(
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild", help="recompute every link, figure and cluster from the stored claims"
        ),
    ] = False,
    forget_entities: Annotated[
        bool,
        typer.Option(
            "--forget-entities",
            help="with --rebuild: also drop entities, aliases and reviewers' entity edits",
        ),
    ] = False,
) -> None:
    """Link the current run of every article that has no links yet (or all, with --rebuild).

    Runs link themselves when they finish; this catches up after an upgrade, and
    --rebuild recomputes after a linking rule changed. Reviewers' entity names, merges and
    aliases are kept unless --forget-entities is given.
    """
    from sqlmodel import Session, select

    from service import migrations
    from service.config import get_settings
    from service.db import engine_for
    from service.linking import store
    from service.models import ClaimEntity

    if forget_entities and not rebuild:
        err.print("[red]--forget-entities only makes sense with --rebuild[/red]")
        raise typer.Exit(2)
    settings = get_settings()
    url = settings.resolved_database_url()
    if not migrations.is_current(url):
        err.print("[red]the database schema is not current: run `claimkit db upgrade`[/red]")
        raise typer.Exit(2)
    engine = engine_for(settings)
    try:
        with Session(engine) as session:
            run_ids = store.current_run_ids(session=session)
            if rebuild:
                store.clear_links(session=session, keep_entities=not forget_entities)
                session.commit()
            else:
                linked = set(session.exec(select(ClaimEntity.article_id).distinct()).all())
                run_ids = [
                    run_id
                    for run_id in run_ids
                    if store.run_article_id(session=session, run_id=run_id) not in linked
                ]
        totals = {"articles": 0, "mentions": 0, "new_entities": 0, "figures": 0}
        for run_id in track(run_ids, description="linking", console=err, transient=True):
            with Session(engine) as session:
                summary = store.link_run(session=session, run_id=run_id)
                session.commit()
            if summary is not None:
                totals["articles"] += 1
                totals["mentions"] += summary.mentions
                totals["new_entities"] += summary.new_entities
                totals["figures"] += summary.figures
    finally:
        engine.dispose()
    err.print(
        f"linked {totals['articles']} articles: {totals['mentions']} names "
        f"({totals['new_entities']} new entities), {totals['figures']} figures"
    )
