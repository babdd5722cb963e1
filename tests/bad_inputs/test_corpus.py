"""Every case of the bad-input corpus gets its 4xx, in the error shape, with a message that
names the problem and no traceback, and leaves the database as it was: on SQLite and, when
configured, on PostgreSQL (where NUL and non-finite numbers used to be 500s)."""

from __future__ import annotations

import json

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from tests.bad_inputs.conftest import row_counts
from tests.bad_inputs.corpus import CORPUS, BadInput


def _problems(case: BadInput, response: Response) -> list[str]:
    """What is wrong with the answer to `case`; empty when it is right."""
    problems = []
    if response.status_code != case.status:
        problems.append(f"status {response.status_code}, expected {case.status}")
    if "Traceback" in response.text or 'File "' in response.text:
        problems.append("the answer shows a traceback")
    try:
        body = response.json()
    except ValueError:
        return [*problems, f"the answer is not JSON: {response.text[:200]!r}"]
    if set(body) != {"detail", "code"} or not body["detail"] or not body["code"]:
        problems.append(f"not the error shape {{detail, code}}: {body!r}"[:300])
    if case.says.lower() not in json.dumps(body).lower():
        problems.append(f"the message does not say {case.says!r}: {body!r}"[:400])
    return problems


def test_every_bad_input_gets_a_4xx_naming_the_problem_and_writes_nothing(
    app: FastAPI, lenient_client: TestClient, seeded: dict[str, int]
):
    engine = app.state.engine
    failures = []
    for case in CORPUS:
        before = row_counts(engine)
        response = lenient_client.request(
            case.method,
            case.path.format(**seeded),
            content=case.body,
            headers=case.request_headers(),
        )
        problems = _problems(case, response)
        after = row_counts(engine)
        if after != before:
            changed = {
                name: (before[name], after[name]) for name in after if after[name] != before[name]
            }
            problems.append(f"rows written: {changed}")
        if problems:
            failures.append(f"{case.name} ({case.method} {case.path[:60]}): {'; '.join(problems)}")
    assert not failures, f"{len(failures)} of {len(CORPUS)} cases failed:\n" + "\n".join(failures)


def test_the_corpus_has_one_case_per_class_and_only_client_errors():
    names = [case.name for case in CORPUS]
    assert len(names) == len(set(names))
    assert all(400 <= case.status < 500 for case in CORPUS)
