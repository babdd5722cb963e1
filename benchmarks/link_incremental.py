"""Cross-article linking: one new article's link step as the store grows, and a rebuild.

A new article is linked incrementally when its run succeeds (`store.link_run`); this
measures that step after 25, 100, 400 and 800 stored articles of made-up claims (names with
spelling variants, sources, figures) on SQLite, the full `claimkit link --rebuild`
equivalent at the end, and the pure name index alone against 1,000 to 40,000 aliases.

    .venv/bin/python benchmarks/link_incremental.py [--articles 800]

Prints figures and the ratios that matter: how much slower the last link step is than the
first (the growth a user sees per article) and how much a rebuild costs against one step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import Session

from schemas.claims import Claim
from service import repository
from service.db import make_engine
from service.linking import EntityIndex, Mention, article_context, store
from service.linking.clusters import warm_up
from service.migrations import upgrade
from service.models import RunStatus

SYLLABLES = ("ka", "ri", "mo", "sun", "de", "vo", "la", "pet", "tor", "hyun", "jin", "bal")
CHECKPOINTS = (25, 100, 400, 800)
VERBS = ("reached", "left", "counted", "reported", "sent", "confirmed")


def made_up_name(rng: random.Random, words: int = 2) -> str:
    """A pronounceable name nobody has: 'Torjin Kamo'."""
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(words)
    )


class World:
    """A fixed cast of people, agencies and groups that articles write about."""

    def __init__(self, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.people = [made_up_name(rng) for _ in range(300)]
        self.agencies = [f"{made_up_name(rng, 1)} Agency" for _ in range(80)]
        self.groups = [f"{made_up_name(rng, 1)} troops" for _ in range(60)]
        self.places = [f"{made_up_name(rng, 1)} region" for _ in range(60)]


def _variant(name: str, rng: random.Random) -> str:
    """The name as another outlet might spell it (hyphen, case, title)."""
    choice = rng.random()
    if choice < 0.2:
        return name.replace(" ", "-", 1)
    if choice < 0.3:
        return f"General {name}"
    return name


def article(world: World, number: int) -> tuple[str, list[Claim], dt.date]:
    """One made-up article: eight sentences, each one claim with its evidence located."""
    rng = random.Random(number)
    sentences: list[str] = []
    claims: list[Claim] = []
    published = dt.date(2024, 1, 1) + dt.timedelta(days=number % 300)
    offset = 0
    for _ in range(8):
        group, place = rng.choice(world.groups), rng.choice(world.places)
        source = rng.choice(world.agencies + world.people)
        value = rng.randrange(100, 20_000, 100)
        verb = rng.choice(VERBS)
        sentence = f"About {value:,} {group} {verb} the {place}, {_variant(source, rng)} said."
        if rng.random() < 0.4:
            person = _variant(rng.choice(world.people), rng)
            sentence = f"{person} {verb} the {place} with {value:,} {group}."
            subject, source_name = person, None
        else:
            subject, source_name = group, _variant(source, rng)
        claims.append(
            Claim.model_validate(
                {
                    "statement": sentence,
                    "kind": "event",
                    "subject": subject,
                    "source": {"name": source_name} if source_name else None,
                    "location": place,
                    "quantities": [
                        {"text": f"{value:,}", "value": value, "unit": "troops", "approx": "exact"}
                    ],
                    "evidence": [
                        {"start": offset, "end": offset + len(sentence), "text": sentence}
                    ],
                }
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    return " ".join(sentences), claims, published


def store_article(session: Session, world: World, number: int) -> int:
    """Stage one article with a succeeded run; returns the run id."""
    text, claims, published = article(world, number)
    stored = repository.add_article(session=session, text=text, published=published)
    assert stored.id is not None
    run = repository.add_run(session=session, article_id=stored.id, extractor="offline")
    run.status = RunStatus.succeeded
    run.finished_at = dt.datetime.now(dt.UTC)
    run.claims_count = len(claims)
    repository.add_claims(session=session, run=run, claims=claims)
    assert run.id is not None
    return run.id


def bench_store(articles: int) -> None:
    """Incremental link steps at each checkpoint, then a full rebuild."""
    world = World()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        steps: dict[int, list[float]] = {}
        for number in range(1, articles + 1):
            with Session(engine) as session:
                run_id = store_article(session, world, number)
                session.commit()
            started = time.perf_counter()
            with Session(engine) as session:
                store.link_run(session=session, run_id=run_id)
                session.commit()
            elapsed = time.perf_counter() - started
            bucket = next((c for c in CHECKPOINTS if number <= c), CHECKPOINTS[-1])
            if number > bucket - 10:  # the last ten steps before each checkpoint
                steps.setdefault(bucket, []).append(elapsed)
        print(f"incremental link step, one new article of 8 claims (SQLite, {articles} articles)")
        medians = {c: statistics.median(v) * 1000 for c, v in steps.items() if v}
        for count, median in medians.items():
            print(f"  after {count:>4} articles: {median:7.1f} ms (median of the last 10 steps)")
        first, last = medians[min(medians)], medians[max(medians)]
        print(f"  growth: {last / first:.2f}x slower at {max(medians)} than at {min(medians)}")
        started = time.perf_counter()
        with Session(engine) as session:
            run_ids = store.current_run_ids(session=session)
            store.clear_links(session=session, keep_entities=False)
            session.commit()
        for run_id in run_ids:
            with Session(engine) as session:
                store.link_run(session=session, run_id=run_id)
                session.commit()
        rebuild = time.perf_counter() - started
        print(f"rebuild of {len(run_ids)} articles: {rebuild:.1f} s")
        print(f"  one incremental step is {rebuild * 1000 / last:.0f}x cheaper than a rebuild")
        engine.dispose()


def bench_index() -> None:
    """90 mentions of one article against name indexes of growing size (no database)."""
    rng = random.Random(11)
    names = [made_up_name(rng, 2) for _ in range(90)]
    context = article_context(" ".join(names))
    roles = ("subject", "source", "location")
    print("name index alone: 90 mentions of one article")
    timings = {}
    for aliases in (1_000, 10_000, 40_000):
        index = EntityIndex()
        build = random.Random(7)
        for number in range(aliases // 2):
            index.add_entity(str(number), made_up_name(build), "person", [made_up_name(build)])
        started = time.perf_counter()
        for number, name in enumerate(names):
            mention = Mention(f"c{number}", "new", roles[number % 3], name)  # type: ignore[arg-type]
            index.link(mention, context=context)
        timings[aliases] = (time.perf_counter() - started) * 1000
        print(f"  {aliases:>6} aliases: {timings[aliases]:7.1f} ms")
    print(f"  40x the aliases costs {timings[40_000] / timings[1_000]:.1f}x the time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=CHECKPOINTS[-1])
    args = parser.parse_args()
    warm_up()  # the parser clustering uses: loaded once, not inside the first step
    bench_index()
    bench_store(args.articles)


if __name__ == "__main__":
    main()
