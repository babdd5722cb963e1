"""A live server on 127.0.0.1 and a headless system Chromium, for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from schemas.claims import ClaimKind, DraftClaim
from service.api.app import create_app
from service.config import Settings
from service.extractors.base import ArticleInput, ExtractionResult, Extractor
from service.migrations import upgrade
from tests.fakes.extractor import FakeExtractor

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
API_KEY = "browser-test-key"


@dataclass(frozen=True)
class LiveServer:
    """The app served over HTTP, and a client that writes with the API key."""

    url: str
    api: httpx.Client


class ParagraphFake(FakeExtractor):
    """A stand-in for the offline extractor: one claim per paragraph, kinds in turn."""

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """Record the call and cite each of the first paragraphs as one claim."""
        self.history.append(article)
        paragraphs = [p.strip() for p in article.text.split("\n") if p.strip()][:8]
        kinds = list(ClaimKind)
        drafts = [
            DraftClaim(
                statement=paragraph,
                kind=kinds[n % len(kinds)],
                subject=paragraph.split()[0],
                evidence=[paragraph],
            )
            for n, paragraph in enumerate(paragraphs)
        ]
        return ExtractionResult(claims=drafts)


def _offline_or_fake(settings: Settings) -> Extractor:
    """The real offline extractor; a paragraph fake while the offline one is not there."""
    from service.extractors import build_extractor

    try:
        return build_extractor(settings, kind="offline")
    except ImportError:
        return ParagraphFake()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """uvicorn in a thread on a free 127.0.0.1 port, a fresh SQLite database, writes keyed."""
    data_dir = tmp_path_factory.mktemp("browser")
    database_url = f"sqlite:///{data_dir / 'claimkit.db'}"
    upgrade(database_url)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=data_dir,
        database_url=database_url,
        default_wait_seconds=60,
        api_key=API_KEY,  # type: ignore[arg-type]
    )
    extractor = _offline_or_fake(settings)
    app = create_app(settings, extractor_factory=lambda **_options: extractor)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, headers={"X-API-Key": API_KEY}, timeout=120) as api:
        yield LiveServer(url=url, api=api)
    server.should_exit = True
    thread.join(timeout=30)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page (own storage) at a laptop-sized viewport."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where screenshots for people to look at go (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
