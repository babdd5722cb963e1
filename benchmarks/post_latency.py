"""POST /articles latency on the embedded default (SQLite file, offline extractor).

Starts the real app under uvicorn on 127.0.0.1 (a free port, a temporary database), posts
distinct articles built from the dev gold articles over HTTP, and prints p50/p95 latency
for new articles (store + extract + persist) and for re-posts of stored text (de-duplicated).
Run: `make bench` or `.venv/bin/python benchmarks/post_latency.py`.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from service.api.app import create_app
from service.config import Settings
from service.migrations import upgrade

# The dev split only: the test split (evals/gold/test) is read by the eval harness alone.
GOLD = Path(__file__).resolve().parents[1] / "evals" / "gold" / "dev"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    """Serve, post, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    texts = [json.loads(p.read_text())["text"] for p in sorted(GOLD.glob("*.json"))]

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        settings = Settings(_env_file=None, data_dir=Path(tmp), database_url=url)  # type: ignore[call-arg]
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=60) as client:
            client.post("/articles", json={"text": "Warm-up: officials said 3 people arrived."})
            new, repeat = [], []
            for n in range(args.requests):
                text = f"{texts[n % len(texts)]}\n\n(Copy {n}.)"
                started = time.perf_counter()
                response = client.post("/articles", json={"text": text})
                new.append(time.perf_counter() - started)
                assert response.status_code == 201, response.text
                started = time.perf_counter()
                response = client.post("/articles", json={"text": text})
                repeat.append(time.perf_counter() - started)
                assert response.status_code == 200, response.text
        server.should_exit = True
        thread.join()

    def line(name: str, values: list[float]) -> str:
        ms = [v * 1000 for v in values]
        return (
            f"{name}: p50 {percentile(ms, 0.5):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, "
            f"mean {statistics.mean(ms):.1f} ms over {len(ms)} requests"
        )

    print(line("POST new article (store + offline extract + persist)", new))
    print(line("POST stored text (de-duplicated)", repeat))
    print(f"ratio new/de-duplicated p50: {percentile(new, 0.5) / percentile(repeat, 0.5):.1f}x")


if __name__ == "__main__":
    main()
