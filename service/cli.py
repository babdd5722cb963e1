"""The `claimkit` command: serve, extract, db; `eval` and `gold` plug in via entry points.

Start-up is kept short: each command imports what it needs when it runs (spaCy, litellm,
alembic, uvicorn, the database layer), and a plugin is imported only when it is invoked.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlsplit, urlunsplit

import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup

from service.exports.cli import export_command
from service.extractors import EXTRACTOR_KINDS

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from typer._click import Command, Context  # the click that typer vendors

    from service.config import Settings

PLUGIN_GROUP = "claimkit.cli"


class PluginStub(TyperCommand):
    """Stands in for a plugin in listings (help, completion) without importing it."""

    def __init__(self, entry: EntryPoint) -> None:
        module = entry.value.partition(":")[0]
        super().__init__(entry.name, help=f"Plugin ({module}): claimkit {entry.name} --help")
        self.entry = entry


class PluginGroup(TyperGroup):
    """Our commands plus those registered under the `claimkit.cli` entry points.

    A plugin is listed as a stub and imported only when it is about to run.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plugins_offered = False

    def list_commands(self, ctx: Context) -> list[str]:
        """Our commands in definition order, then the plugins."""
        self._offer_plugins()
        return super().list_commands(ctx)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        """The command, or a plugin's stub; plugins are looked up only for other names."""
        if cmd_name not in self.commands:
            self._offer_plugins()
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        """Like click's, but a plugin about to run is imported first."""
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, PluginStub):
            command = self._load_plugin(command.entry)
        return name, command, rest

    def _offer_plugins(self) -> None:
        if self._plugins_offered:
            return
        from importlib.metadata import entry_points

        for entry in entry_points(group=PLUGIN_GROUP):
            self.commands.setdefault(entry.name, PluginStub(entry))  # our own commands win
        self._plugins_offered = True

    def _load_plugin(self, entry: EntryPoint) -> Command:
        try:
            loaded = entry.load()
        except ImportError as error:  # a broken plugin fails alone, not the whole CLI
            err.print(f"[red]claimkit {entry.name} unavailable: {error}[/red]")
            raise typer.Exit(2) from None
        command = typer.main.get_group(loaded) if isinstance(loaded, typer.Typer) else loaded
        command.name = entry.name
        self.add_command(command, entry.name)
        return command


app = typer.Typer(
    cls=PluginGroup, help="Turn news articles into typed, attributed, source-grounded claims."
)
db_app = typer.Typer(help="Database schema migrations.")
app.add_typer(db_app, name="db")
models_app = typer.Typer(help="The configured model server.")
app.add_typer(models_app, name="models")
err = Console(stderr=True, soft_wrap=True)


def _settings() -> Settings:
    from service.config import get_settings

    return get_settings()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="default CLAIMKIT_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="default CLAIMKIT_PORT")] = None,
    reload: Annotated[bool, typer.Option(help="restart on code changes")] = False,
    worker: Annotated[
        bool | None,
        typer.Option(
            "--worker/--no-worker",
            help="also execute runs in this process (default CLAIMKIT_EMBEDDED_WORKER, on); "
            "--no-worker serves the API only, for `claimkit worker` processes to run them",
        ),
    ] = None,
    threads: Annotated[
        int | None, typer.Option(min=1, max=256, help="worker threads (default CLAIMKIT_WORKERS)")
    ] = None,
) -> None:
    """Migrate the database, then serve the API (docs at /docs) and execute runs."""
    import uvicorn

    from service import migrations
    from service.config import get_settings

    # uvicorn builds the app from settings in the environment (also after a reload).
    if worker is not None:
        os.environ["CLAIMKIT_EMBEDDED_WORKER"] = "true" if worker else "false"
    if threads is not None:
        os.environ["CLAIMKIT_WORKERS"] = str(threads)
    get_settings.cache_clear()
    settings = _settings()
    host, port = host or settings.host, port or settings.port
    _require_free_port(host, port)  # a second server on the port fails before migrating
    migrations.upgrade(settings.resolved_database_url())
    extractor = f"llm ({settings.model})" if settings.model else "offline"
    runs = (
        f"{settings.workers} worker threads on {_safe_url(settings.resolved_queue_url())}"
        if settings.embedded_worker
        else f"no worker here: runs wait on {_safe_url(settings.resolved_queue_url())} for "
        "`claimkit worker`"
    )
    err.print(f"claimkit on http://{host}:{port}  docs: http://{host}:{port}/docs")
    err.print(f"database: {_safe_url(settings.resolved_database_url())}  extractor: {extractor}")
    err.print(f"runs: {runs}")
    uvicorn.run("service.api.app:create_app", factory=True, host=host, port=port, reload=reload)


@app.command()
def worker(
    threads: Annotated[
        int | None, typer.Option(min=1, max=256, help="worker threads (default CLAIMKIT_WORKERS)")
    ] = None,
) -> None:
    """Execute queued runs without serving the API; SIGTERM stops gracefully, Ctrl-C at once.

    SIGTERM lets runs under way finish (up to CLAIMKIT_WORKER_TIMEOUT_SECONDS); Ctrl-C
    hands them back to the queue for another worker.

    Start as many as you like, on any machines that reach the same database and
    CLAIMKIT_QUEUE_URL (redis://...). Runs a stopped worker held go back on the queue.
    """
    import logging
    from functools import partial

    from service import migrations
    from service.db import engine_for
    from service.extraction import build_scoped_extractor
    from service.extractors import build_extractor
    from service.linking.clusters import warm_up as link_warm_up
    from service.tasks.queue import RunQueue, make_huey
    from service.tasks.worker import WorkerRuntime

    settings = _settings()
    if threads is not None:
        settings = settings.model_copy(update={"workers": threads})
    database = settings.resolved_database_url()
    if not migrations.is_current(database):
        err.print(
            f"[red]the database at {_safe_url(database)} is not at the latest schema: run "
            "`claimkit db upgrade` (or start `claimkit serve`) first[/red]"
        )
        raise typer.Exit(2)
    try:  # fail now, not on the first run, when the configured extractor cannot be built
        extractor = build_extractor(settings)
    except ValueError as error:  # ExtractorUnavailable
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    warm_up = getattr(extractor, "warm_up", None)
    if callable(warm_up):
        warm_up()
    link_warm_up()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("huey").setLevel(logging.WARNING)  # one line per task is too much
    runtime = WorkerRuntime(
        settings=settings,
        engine=engine_for(settings),
        queue=RunQueue(make_huey(settings)),
        extractor_factory=lambda: partial(build_scoped_extractor, settings),
        embedded=False,
    )
    err.print(
        f"claimkit worker {runtime.identity.id}: {settings.workers} threads on "
        f"{_safe_url(settings.resolved_queue_url())}, database {_safe_url(database)}"
    )
    runtime.run_forever()


def _safe_url(url: str) -> str:
    """A URL fit to print: any password replaced by ***."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _require_free_port(host: str, port: int) -> None:
    """Exit 2 when another process listens on host:port."""
    with socket.socket() as probe:
        # as uvicorn does: a stopped server's connections in TIME_WAIT must not block the
        # port, while a live listener still makes the bind fail (on Linux)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            err.print(f"[red]cannot serve on {host}:{port}: {error.strerror}[/red]")
            raise typer.Exit(2) from None


def _read_text(file: str) -> str:
    from service.article_text import TextProblem, check_article_text

    try:
        raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as error:
        err.print(f"[red]cannot read {file}: {error.strerror}[/red]")
        raise typer.Exit(2) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        err.print(f"[red]{file} is not UTF-8: byte 0x{raw[error.start]:02x} at {error.start}[/red]")
        raise typer.Exit(2) from None
    try:
        check_article_text(text, max_chars=_settings().max_article_chars)
    except TextProblem as problem:
        err.print(f"[red]{file}: {problem}[/red]")
        raise typer.Exit(2) from None
    return text


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="article text file, or - for standard input")],
    as_json: Annotated[bool, typer.Option("--json", help="print contract JSON")] = False,
    extractor: Annotated[
        str | None, typer.Option(help=f"one of {', '.join(EXTRACTOR_KINDS)}")
    ] = None,
    model: Annotated[str | None, typer.Option(help="litellm model id (implies llm)")] = None,
    prompt: Annotated[str | None, typer.Option(help="prompt version, e.g. v1")] = None,
    published: Annotated[
        dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="YYYY-MM-DD")
    ] = None,
    title: Annotated[str | None, typer.Option()] = None,
    url: Annotated[str | None, typer.Option()] = None,
    outlet: Annotated[str | None, typer.Option()] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="exit with code 1 when any claim was dropped")
    ] = False,
) -> None:
    """Extract claims from one article and print them (nothing is stored).

    The claims go to standard output; a summary and every dropped claim with the reason
    go to standard error.
    """
    from service.cli_output import contract_document, describe_run, print_summary, print_table
    from service.datelines import publication_date
    from service.extraction import extract_and_ground
    from service.extractors import build_extractor
    from service.extractors.base import ArticleInput, ExtractionError

    if url is not None:
        _check_url(url)
    text = _read_text(file)
    try:
        chosen = build_extractor(_settings(), kind=extractor, model=model, prompt_version=prompt)
    except ValueError as error:  # ExtractorUnavailable
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    date = publication_date(text, published.date() if published else None)
    article = ArticleInput(text=text, published=date.date, title=title, outlet=outlet)
    try:
        grounded = extract_and_ground(article, chosen)
    except ExtractionError as error:
        err.print(f"[red]extraction failed ({error.kind.value}): {error.message}[/red]")
        raise typer.Exit(1) from None
    if as_json:
        document = contract_document(article, url, grounded, chosen.name)
        sys.stdout.write(document.to_json())
    else:
        print_table(grounded.claims)
    when = f"{date.date} ({date.source})" if date.date else "unknown"
    print_summary(err, grounded, f"{describe_run(grounded, chosen.name)}; published {when}")
    if strict and grounded.dropped:
        noun = "claim was" if grounded.dropped == 1 else "claims were"
        err.print(f"[red]--strict: {grounded.dropped} {noun} dropped[/red]")
        raise typer.Exit(1)


app.command("export")(export_command)


def _check_url(url: str) -> None:
    from schemas.api import web_address

    try:
        web_address(url)
    except ValueError as error:
        err.print(f"[red]--url {error}[/red]")
        raise typer.Exit(2) from None


@models_app.command("check")
def models_check(
    model: Annotated[
        str | None, typer.Option(help="litellm model id (default CLAIMKIT_MODEL)")
    ] = None,
) -> None:
    """Send one tiny request per mode (tools, json_schema, json) and say which ones work."""
    from rich.table import Table

    from service.extractors.model_check import auto_choice, check_modes

    settings = _settings()
    if not (model or settings.model):
        err.print("[red]no model configured: set CLAIMKIT_MODEL or pass --model[/red]")
        raise typer.Exit(2)
    checks = check_modes(settings, model=model)
    table = Table(
        title=f"{model or settings.model} at {settings.model_api_base or 'provider default'}"
    )
    for column in ("mode", "works", "seconds", "detail"):
        table.add_column(column, overflow="fold")
    for check in checks:
        table.add_row(
            check.mode.value, "yes" if check.ok else "no", f"{check.seconds:.1f}", check.detail
        )
    Console().print(table)
    auto = auto_choice(settings, model=model)
    usable = [check.mode.value for check in checks if check.ok]
    verdict = "works" if auto.value in usable else "does NOT work"
    err.print(f"CLAIMKIT_LLM_MODE=auto picks {auto.value}, which {verdict} here")
    if not usable:
        raise typer.Exit(1)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply migrations (default: to the latest)."""
    from service import migrations

    url = _settings().resolved_database_url()
    migrations.upgrade(url, revision)
    err.print(f"database at {revision}: {url}")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument()]) -> None:
    """Revert migrations down to a revision ('base' empties the schema)."""
    from service import migrations

    migrations.downgrade(_settings().resolved_database_url(), revision)


@db_app.command("revision")
def db_revision(message: Annotated[str, typer.Option("-m", "--message")]) -> None:
    """Autogenerate a migration from the models (developers)."""
    from service import migrations

    migrations.make_revision(_settings().resolved_database_url(), message)
