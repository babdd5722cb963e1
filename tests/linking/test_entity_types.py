"""The cheap, deterministic guess of an entity's type."""

from __future__ import annotations

import pytest

from service.linking import entity_type


@pytest.mark.parametrize(
    ("name", "role", "expected"),
    [
        ("Park Min-jun", "subject", "person"),
        ("Gen. Horvat", "subject", "person"),
        ("a senior Vostrian official", "source", "person"),
        ("an official from the Vostrian Ministry of Fisheries", "source", "person"),
        ("North Vostrian troops", "subject", "group"),
        ("officials", "source", "group"),
        ("sources within the Ruritanian navy", "source", "group"),
        ("Ruritanian Ministry of Fisheries", "source", "organisation"),
        ("Vostrian National Intelligence Service", "source", "organisation"),
        ("Freedonian Labour Party", "subject", "organisation"),
        ("RNA", "source", "organisation"),
        ("General Motors", "subject", "organisation"),
        ("Port Vostra region", "subject", "place"),
        ("Port Vostra", "location", "place"),
        ("North Korea", "subject", "place"),
        ("the DPRK", "source", "place"),
        ("eastern Ukraine", "subject", "place"),
        ("voter turnout", "subject", "group"),
    ],
)
def test_entity_type_is_guessed_from_titles_word_tables_and_capitals(
    name: str, role: str, expected: str
) -> None:
    assert entity_type(name, role) == expected  # type: ignore[arg-type]
