"""Runs under load: throughput of the queue and a burst of concurrent POSTs.

Real processes over HTTP on 127.0.0.1: `claimkit serve` (and `claimkit worker`s), and a
scripted OpenAI-compatible model in its own process that answers every request after a
fixed latency with one claim quoting the article's first sentence.

Scenarios (all by default; `--scenario NAME` for one):
- embedded: 100 distinct articles POSTed with `?wait=0` by 16 concurrent clients to one
  `claimkit serve` with its embedded worker (16 threads, SQLite queue and database);
  wall time until every run is final, against the ideal ceil(100/16) x latency.
- redis: the same against `claimkit serve --no-worker` and 2 `claimkit worker` processes
  of 8 threads sharing a Redis queue (PostgreSQL when reachable, else SQLite).
- burst: 200 concurrent POSTs (150 distinct texts, 50 copies of one) with `?wait=5`, on
  SQLite and on PostgreSQL: responses by status, 5xx count, texts stored once, runs final,
  claims lost.

Run: `make bench` or `.venv/bin/python benchmarks/queue_load.py [--scenario burst]`.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the scripted model lives in tests/fakes

from tests.fakes.openai_server import Delay, Reply, ScriptedOpenAIServer  # noqa: E402

CLAIMKIT = Path(sys.executable).with_name("claimkit")
POSTGRES_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
PLACES = ("Riverton", "Lakeside", "Northfield", "Eastport", "Hillcrest", "Bayview")
WHAT = ("families", "workers", "volunteers", "students", "passengers", "residents")


def article(number: int) -> str:
    """A short made-up news text, different for every number."""
    place, what = PLACES[number % len(PLACES)], WHAT[number // len(PLACES) % len(WHAT)]
    return (
        f"About {number + 100} {what} left {place} on Monday, the county office said. "
        f"Officials expect the count for report {number} to rise by Friday.\n\n"
        f"A spokesperson said shelters in {place} had room for {number * 7 + 50} people."
    )


def _first_sentence(body: dict[str, Any]) -> str:
    content = str(body["messages"][-1]["content"])
    text = content.split("<<<\n", 1)[1].rsplit("\n>>>", 1)[0]
    return re.split(r"(?<=\.) ", text.strip(), maxsplit=1)[0]


def _serve_model(connection: Connection, latency: float) -> None:
    """Child process: a model answering every request after `latency` seconds."""

    def respond(body: dict[str, Any]) -> Delay:
        sentence = _first_sentence(body)
        claim = {"statement": sentence, "kind": "event", "subject": "people",
                 "evidence": [sentence]}  # fmt: skip
        return Delay(latency, then=Reply({"claims": [claim]}))

    server = ScriptedOpenAIServer(responder=respond).start()
    connection.send(server.base_url)
    connection.recv()
    server.stop()
    connection.send(len(server.requests))


@contextmanager
def model_server(latency: float) -> Iterator[str]:
    """The scripted model in its own process; yields its base URL."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_serve_model, args=(child, latency), daemon=True)
    process.start()
    try:
        yield str(parent.recv())
    finally:
        parent.send("stop")
        parent.recv()
        process.join(timeout=10)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_reachable() -> bool:
    """Whether the machine's PostgreSQL answers."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(POSTGRES_ADMIN_URL)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception:
        return False
    return True


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one scenario, dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = f"claimkit_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Deployment:
    """Where claimkit runs: its URL and the processes behind it."""

    url: str
    processes: list[subprocess.Popen[bytes]]


@contextmanager
def deployment(
    *, model_url: str, data_dir: Path, database_url: str | None, queue_url: str | None,
    embedded_threads: int | None, workers: int, worker_threads: int,
) -> Iterator[Deployment]:  # fmt: skip
    """`claimkit serve` (with or without its embedded worker) plus `claimkit worker`s."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMKIT_")}
    env |= {
        "CLAIMKIT_DATA_DIR": str(data_dir),
        "CLAIMKIT_MODEL": "openai/bench-model",
        "CLAIMKIT_MODEL_API_BASE": model_url,
        "CLAIMKIT_MODEL_API_KEY": "bench",
        "CLAIMKIT_QUEUE_NAME": f"bench{uuid.uuid4().hex[:8]}",
        "CLAIMKIT_PORT": str(port),
        "LITELLM_LOCAL_MODEL_COST_MAP": "True",
    }
    if database_url:
        env["CLAIMKIT_DATABASE_URL"] = database_url
    if queue_url:
        env["CLAIMKIT_QUEUE_URL"] = queue_url
    serve = [str(CLAIMKIT), "serve"]
    serve += ["--threads", str(embedded_threads)] if embedded_threads else ["--no-worker"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen(serve, env=env, **quiet)]  # type: ignore[call-overload]
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, workers=0)
        for _ in range(workers):
            command = [str(CLAIMKIT), "worker", "--threads", str(worker_threads)]
            processes.append(subprocess.Popen(command, env=env, **quiet))  # type: ignore[call-overload]
        wait_until_healthy(url, workers=workers + (1 if embedded_threads else 0))
        yield Deployment(url=url, processes=processes)
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until_healthy(url: str, *, workers: int, seconds: float = 120) -> None:
    """Poll /health until it answers and `workers` workers are alive."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            health = httpx.get(f"{url}/health", timeout=2).json()
            if health["queue"]["workers"] >= workers:
                return
        except (httpx.HTTPError, KeyError, TypeError, ValueError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"claimkit at {url} did not become healthy")


async def all_final(client: httpx.AsyncClient) -> float:
    """Wait until no run is pending or running; returns when that was seen (perf_counter).

    One cheap /health read per 50 ms, so measuring does not load the server.
    """
    while True:
        queue = (await client.get("/health")).json()["queue"]
        if queue["pending_runs"] == 0 and queue["running_runs"] == 0:
            return time.perf_counter()
        await asyncio.sleep(0.05)


async def read_runs(url: str, run_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Every run, read once (new connections: the burst's ones may have idled out)."""
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        answers = [await client.get(f"/runs/{run_id}") for run_id in run_ids]
    return {answer.json()["id"]: answer.json() for answer in answers}


async def throughput(url: str, *, articles: int, concurrency: int) -> tuple[float, dict[int, Any]]:
    """POST `articles` texts with wait=0 from `concurrency` clients; seconds until all final."""
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency * 2)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:

        async def post(number: int) -> int:
            async with gate:
                response = await client.post(
                    "/articles", json={"text": article(number)}, params={"wait": 0}
                )
                response.raise_for_status()
                return int(response.json()["run"]["id"])

        started = time.perf_counter()
        run_ids = await asyncio.gather(*(post(n) for n in range(articles)))
        finished = await all_final(client)
        return finished - started, await read_runs(url, list(run_ids))


def report_throughput(
    name: str, seconds: float, runs: dict[int, Any], *, articles: int, threads: int,
    latency: float, target: float,
) -> None:  # fmt: skip
    """Print one throughput line with its ratio to the ideal."""
    ideal = math.ceil(articles / threads) * latency
    statuses = Counter(run["status"] for run in runs.values())
    waits = [run_started(run) - run_created(run) for run in runs.values() if run["started_at"]]
    longest = f"{max(waits):.2f} s" if waits else "-"
    print(
        f"{name}: {articles} runs final in {seconds:.2f} s; ideal {ideal:.2f} s "
        f"(ceil({articles}/{threads}) x {latency:g} s); ratio {seconds / ideal:.3f}x "
        f"(target <= {target}x); statuses {dict(statuses)}; longest wait before start "
        f"{longest}"
    )


def run_created(run: dict[str, Any]) -> float:
    """A run's creation time in seconds since the epoch."""
    from datetime import datetime

    return datetime.fromisoformat(run["created_at"]).timestamp()


def run_started(run: dict[str, Any]) -> float:
    """A run's start time in seconds since the epoch."""
    from datetime import datetime

    return datetime.fromisoformat(run["started_at"]).timestamp()


def scenario_embedded(args: argparse.Namespace, model_url: str) -> None:
    """One `claimkit serve` with its embedded worker of 16 threads."""
    with tempfile.TemporaryDirectory() as tmp, deployment(
        model_url=model_url, data_dir=Path(tmp), database_url=None, queue_url=None,
        embedded_threads=16, workers=0, worker_threads=0,
    ) as running:  # fmt: skip
        seconds, runs = asyncio.run(throughput(running.url, articles=args.articles, concurrency=16))
    name = "embedded queue (SQLite, 16 threads)"
    report_throughput(
        name, seconds, runs, articles=args.articles, threads=16, latency=args.latency, target=1.1
    )


def scenario_redis(args: argparse.Namespace, model_url: str) -> None:
    """`serve --no-worker` and two `claimkit worker`s of 8 threads on Redis."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        print(f"Redis queue: skipped, no Redis at {REDIS_URL}")
        return
    use_postgres = postgres_reachable()
    database = postgres_database() if use_postgres else nullcontext_str()
    with tempfile.TemporaryDirectory() as tmp, database as database_url, deployment(
        model_url=model_url, data_dir=Path(tmp), database_url=database_url,
        queue_url=REDIS_URL, embedded_threads=None, workers=2, worker_threads=8,
    ) as running:  # fmt: skip
        seconds, runs = asyncio.run(throughput(running.url, articles=args.articles, concurrency=16))
    where = "PostgreSQL" if use_postgres else "SQLite"
    name = f"Redis queue, 2 workers x 8 threads ({where})"
    report_throughput(
        name, seconds, runs, articles=args.articles, threads=16, latency=args.latency, target=1.2
    )


@contextmanager
def nullcontext_str() -> Iterator[str | None]:
    """No database URL: the default SQLite file."""
    yield None


async def burst(url: str, *, distinct: int, copies: int) -> dict[str, Any]:
    """POST distinct texts plus copies of one, all at once, with wait=5."""
    texts = [article(n) for n in range(distinct)] + [article(0)] * copies
    limits = httpx.Limits(max_connections=len(texts))
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        responses = await asyncio.gather(
            *(client.post("/articles", json={"text": t}, params={"wait": 5}) for t in texts)
        )
        answered = time.perf_counter() - started
        codes = Counter(r.status_code for r in responses)
        articles = await client.get("/articles", params={"limit": 500})
        stored = [a for a in articles.json()["data"]]
        run_ids = [a["latest_run"]["id"] for a in stored if a["latest_run"]]
        final = await all_final(client) - started
    runs = await read_runs(url, run_ids)
    lost = 0
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        for run in runs.values():
            claims = (await client.get(f"/runs/{run['id']}/claims")).json()["count"]
            expected = 1 if run["status"] == "succeeded" else 0
            lost += int(claims != run["claims_count"] or claims != expected)
    return {
        "codes": dict(sorted(codes.items())),
        "5xx": sum(count for code, count in codes.items() if code >= 500),
        "stored": len({a["text_sha256"] for a in stored}) if len(stored) == distinct else -1,
        "distinct": distinct,
        "runs": len(runs),
        "statuses": dict(Counter(run["status"] for run in runs.values())),
        "runs_with_lost_claims": lost,
        "answered_s": answered,
        "final_s": final,
    }


def scenario_burst(args: argparse.Namespace, model_url: str) -> None:
    """The burst on SQLite, then on PostgreSQL when reachable."""
    databases: list[tuple[str, Any]] = [("SQLite", nullcontext_str())]
    if postgres_reachable():
        databases.append(("PostgreSQL", postgres_database()))
    else:
        print("burst on PostgreSQL: skipped, no server at 127.0.0.1:5432")
    for name, database in databases:
        with tempfile.TemporaryDirectory() as tmp, database as database_url, deployment(
            model_url=model_url, data_dir=Path(tmp), database_url=database_url,
            queue_url=None, embedded_threads=16, workers=0, worker_threads=0,
        ) as running:  # fmt: skip
            result = asyncio.run(burst(running.url, distinct=150, copies=50))
        print(
            f"burst of 200 POSTs on {name}: responses {result['codes']}, "
            f"5xx {result['5xx']}; {result['stored']} of {result['distinct']} distinct texts "
            f"stored once; {result['runs']} runs final {result['statuses']}; runs with lost "
            f"claims {result['runs_with_lost_claims']}; all answered in "
            f"{result['answered_s']:.1f} s, all runs final in {result['final_s']:.1f} s"
        )


SCENARIOS = {"embedded": scenario_embedded, "redis": scenario_redis, "burst": scenario_burst}


def main() -> None:
    """Start the model, run the chosen scenarios, print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=[*SCENARIOS, "all"], default="all")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--latency", type=float, default=1.0, help="model seconds per request")
    args = parser.parse_args()
    chosen = list(SCENARIOS) if args.scenario == "all" else [args.scenario]
    with model_server(args.latency) as model_url:
        for name in chosen:
            SCENARIOS[name](args, model_url)


if __name__ == "__main__":
    main()
