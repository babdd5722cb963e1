"""Linking one new article against an index of 10,000 aliases stays fast."""

from __future__ import annotations

import random
import time

from service.linking import EntityIndex, Mention, article_context

SYLLABLES = ("ka", "ri", "mo", "sun", "de", "vo", "la", "pet", "tor", "hyun", "jin", "bal")
KINDS = ("person", "organisation", "group", "place")
SUFFIX = {"person": "", "organisation": " Agency", "group": " troops", "place": " region"}


def made_up_name(rng: random.Random, kind: str) -> str:
    words = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(rng.randint(2, 3))
    ]
    return " ".join(words) + SUFFIX[kind]


def loaded_index(aliases: int) -> EntityIndex:
    rng = random.Random(7)
    index = EntityIndex()
    for number in range(aliases // 2):
        kind = KINDS[number % 4]
        index.add_entity(str(number), made_up_name(rng, kind), kind, [made_up_name(rng, kind)])  # type: ignore[arg-type]
    return index


def test_linking_an_article_against_ten_thousand_aliases_takes_well_under_two_seconds() -> None:
    index = loaded_index(10_000)
    rng = random.Random(11)
    roles = ("subject", "source", "location")
    names = [made_up_name(rng, KINDS[n % 4]) for n in range(90)]
    context = article_context(" ".join(names))
    started = time.perf_counter()
    for number, name in enumerate(names):
        mention = Mention(f"c{number}", "new", roles[number % 3], name)  # type: ignore[arg-type]
        index.link(mention, context=context)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"90 mentions took {elapsed:.2f}s"
