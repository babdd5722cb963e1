"""`claimkit export`: every current claim, with its reviewed value, to one file.

Imports only typer at start-up; the database layer and pyarrow load when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from service.exports.formats import DumpFormat

err = Console(stderr=True, soft_wrap=True)


def export_command(
    out: Annotated[Path, typer.Option("--out", help="the file to write", dir_okay=False)],
    format_: Annotated[
        DumpFormat, typer.Option("--format", help="csv, jsonl (JSON Lines) or parquet")
    ] = DumpFormat.csv,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, max=100_000, help="claims per batch")
    ] = 500,
) -> None:
    """Write every current claim, with its reviewed value, to one file.

    Every claim of every article's current run: its reviewed value (as extracted while
    unreviewed), review state and rating, read and written in batches; rejected claims are
    included, with their state. Progress goes to stderr.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from service.config import get_settings
    from service.db import make_engine
    from service.exports.dump import count_claims, dump_claims

    if not out.parent.is_dir():
        err.print(f"[red]cannot write {out}: the folder {out.parent} does not exist[/red]")
        raise typer.Exit(2)
    engine = make_engine(get_settings().resolved_database_url())
    try:
        total = count_claims(engine)
        columns = (TextColumn("exporting claims"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task("export", total=total)
            written = dump_claims(
                engine=engine,
                fmt=format_,
                path=out,
                batch_size=batch_size,
                progress=lambda n: progress.advance(task, n),
            )
    finally:
        engine.dispose()
    err.print(f"wrote {written} claims to {out} ({format_.value})", style="green")
