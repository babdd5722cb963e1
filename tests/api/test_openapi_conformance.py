"""Schemathesis drives every operation of the OpenAPI description against the app in
process (SQLite in a tmp dir, scripted extractor, runs executed inline), with all of its
default checks: no 5xx, only documented status codes, bodies and headers as described,
valid data accepted and invalid data rejected.

Bounded and deterministic: MAX_EXAMPLES per operation and phase, a fixed seed,
derandomized Hypothesis. `test-output/schemathesis-cases.json` gets the number of cases
sent per operation.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi

from schemas.claims import ClaimKind, DraftClaim
from service.api.app import create_app
from service.config import Settings
from service.migrations import upgrade
from tests.fakes.extractor import FakeExtractor

MAX_EXAMPLES = 25
SEED = 13
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "schemathesis-cases.json"
SEED_TEXT = (
    "The bridge reopened on Monday, mayor Lena Berg said. About 1,200 cars crossed it.\n\n"
    "Officials said the repairs cost 4 million euros."
)
# Well-formed edits can still be refused: evidence must be verbatim in the article, which
# no schema can say. For these two operations a 422 is an answer to valid-looking data.
SEMANTIC_422 = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
# Invalid data is rejected with a 4xx that names the problem; schemathesis's list of
# rejections leaves out 413 (a body or text over its limit) and 414 (a query over its).
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "414", "415", "422", "428"]
REJECTIONS += ["429", "5xx"]

CASES: Counter[str] = Counter()


def _config() -> SchemathesisConfig:
    semantic = [
        {"include-path-regex": path, "checks": {"positive_data_acceptance": {
            "expected-statuses": SEMANTIC_422}}}
        for path in (r"^/claims/\{claim_id\}/edit$", r"^/articles/\{article_id\}/review/claims$")
    ]  # fmt: skip
    return SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True},
            "checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}},
            "operations": semantic,
        }
    )


class SentenceFake(FakeExtractor):
    """One claim per sentence of the seeded article, so claim ids 1.. exist."""

    def extract(self, article: Any) -> Any:
        """Queue a claim per sentence when nothing is queued, then play back."""
        if not self.queue:
            sentences = [s.strip() for s in article.text.replace("\n", " ").split(". ") if s]
            self.enqueue(
                [
                    DraftClaim(
                        statement=sentence,
                        kind=ClaimKind.event,
                        subject=sentence.split()[1],
                        evidence=[sentence.rstrip(".")],
                    )
                    for sentence in sentences[:3]
                ]
            )
        return super().extract(article)


def _settings(data_dir: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=data_dir,
        database_url=f"sqlite:///{data_dir / 'claimkit.db'}",
        default_wait_seconds=5,
    )


# The description is read from an app built like the one under test (same settings but
# the directory, which the description does not show); building it touches no database.
# (schemathesis.pytest.from_fixture would load it from the app under test, but does not
# run under pytest 9.)
schema = schemathesis.openapi.from_dict(
    create_app(_settings(Path("unused"))).openapi(), config=_config()
)


@pytest.fixture(scope="module")
def api_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A client of the app on a fresh SQLite file with one seeded article and its claims."""
    data_dir = tmp_path_factory.mktemp("schemathesis")
    app_settings = _settings(data_dir)
    upgrade(app_settings.resolved_database_url())
    extractor = SentenceFake()
    app = create_app(
        app_settings, extractor_factory=lambda **_options: extractor, immediate_runs=True
    )
    assert app.openapi() == schema.raw_schema
    with asgi.get_client(app) as client:
        seeded = client.post("/articles", json={"text": SEED_TEXT})
        assert seeded.status_code == 201, seeded.text
        yield client
    asgi.shutdown_lifespans()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(dict(sorted(CASES.items())), indent=2) + "\n")


@schema.parametrize()
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_every_operation_conforms_to_the_openapi_description(case: Any, api_client: Any) -> None:
    CASES[case.operation.label] += 1
    case.call_and_validate(session=api_client)
