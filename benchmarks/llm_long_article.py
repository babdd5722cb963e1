"""Client CPU of the LLM path for a ~150,000-character article, with a model that answers instantly.

Builds a synthetic news-like article (made-up sentences full of numbers and attributions),
serves a scripted OpenAI-compatible model from a separate process (it answers every chunk
at once with one claim per sentence, quoting the sentence verbatim, plus a claim per
attributed sentence whose wording repeats across the article), and runs
`LLMExtractor.extract` followed by grounding (`extract_and_ground`). Prints the size of the
work (characters, chunks, calls, claims, duplicates merged), wall time and this process's
CPU time ("client CPU", against a 5 s target), the server process's CPU time, and the time
`merge_chunk_claims` takes on the run's claims next to a copy of the old pairwise merge.
Run: `.venv/bin/python benchmarks/llm_long_article.py` (under a minute, mostly the old merge;
`--skip-old` leaves it out).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import time
from multiprocessing.connection import Connection
from typing import Any

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput
from service.extractors.chunking import (
    Chunk,
    LocatedClaim,
    merge_chunk_claims,
    normalize_statement,
)
from tests.fakes.openai_server import Reply, ScriptedOpenAIServer

TARGET_SECONDS = 5.0

PLACES = ["Brenmoor", "Kestrel Bay", "Oldhaven", "Marrow Falls", "Tallis", "Greywick",
          "Sundry Vale", "Port Alder", "Henlow Cross", "Ravensholt"]  # fmt: skip
GROUPS = ["workers", "residents", "passengers", "students", "nurses", "farmers",
          "volunteers", "households"]  # fmt: skip
SOURCES = ["the agency", "the mayor's office", "a ministry spokesperson", "police",
           "the port authority", "the regional health board", "union officials",
           "the fire service"]  # fmt: skip
ORGS = ["water agency", "transport ministry", "port authority", "health board",
        "housing trust", "rail operator"]  # fmt: skip
PROJECTS = ["new tram line", "flood barrier", "hospital wing", "ferry terminal",
            "solar farm", "bypass road"]  # fmt: skip
MONTHS = ["January", "March", "May", "June", "September", "November"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "About {n:,} {group} were evacuated from {place} on {day}, {source} said.",
    "At least {small} {group} in {place} were taken to hospital, {source} said.",
    "The {org} expects the {project} in {place} to cost around {small} million euros.",
    "More than {pct} percent of {group} in {place} supported the {project}, {source} said.",
    "The {project} in {place} is due to open in {month} {year}, {source} said.",
    "Officials in {place} reported that {n:,} {group} had lost power since {day}.",
    "Some {small} {group} from {place} joined a protest against the {project} on {day}.",
    "The {org} said it had spent {small} million euros on repairs in {place} since {month}.",
]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
ATTRIBUTION = re.compile(r"^(?P<clause>.+), (?P<source>[^,]+) said\.$")


def make_sentence(rng: random.Random) -> str:
    """One made-up news sentence with numbers and, often, an attribution."""
    return rng.choice(TEMPLATES).format(
        n=rng.randrange(100, 20_000),
        small=rng.randrange(2, 400),
        pct=rng.randrange(10, 95),
        year=rng.randrange(2025, 2031),
        group=rng.choice(GROUPS),
        place=rng.choice(PLACES),
        source=rng.choice(SOURCES),
        org=rng.choice(ORGS),
        project=rng.choice(PROJECTS),
        month=rng.choice(MONTHS),
        day=rng.choice(DAYS),
    )


def make_article(chars: int, seed: int = 7) -> str:
    """Paragraphs of three to six made-up sentences, separated by blank lines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < chars:
        paragraph = " ".join(make_sentence(rng) for _ in range(rng.randrange(3, 7)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def chunk_text(body: dict[str, Any]) -> tuple[str, int]:
    """The article text and part number in the last user message of a request."""
    content = str(body["messages"][-1]["content"])
    text = content.split("<<<\n", 1)[1].rsplit("\n>>>", 1)[0]
    part = re.search(r"This is part (\d+) of", content)
    return text, int(part.group(1)) if part else 1


def sentence_claims(sentence: str, part: int) -> list[dict[str, Any]]:
    """What the scripted model says about one sentence."""
    attributed = ATTRIBUTION.match(sentence)
    clause = attributed.group("clause") if attributed else sentence.rstrip(".")
    # Consecutive parts word claims differently, so the shared paragraph's claims are
    # merged by their overlapping evidence, not by equal statements.
    statement = f"{clause}." if part % 2 else f"Reportedly, {clause[0].lower()}{clause[1:]}."
    claims = [
        {"statement": statement, "kind": "event", "subject": clause.split()[1],
         "evidence": [sentence]}
    ]  # fmt: skip
    if attributed:
        source = attributed.group("source")
        place = next((p for p in PLACES if p in clause), "the region")
        claims.append(
            {
                "statement": f"{source[0].upper()}{source[1:]} gave figures for {place}.",
                "kind": "event",
                "subject": source,
                "source": {"name": source},
                "evidence": [clause],
            }
        )
    return claims


def respond(body: dict[str, Any]) -> Reply:
    """The scripted model: claims for every sentence of the chunk, in order."""
    text, part = chunk_text(body)
    claims = [
        claim
        for paragraph in text.split("\n\n")
        for sentence in SENTENCE_END.split(paragraph.strip())
        if sentence
        for claim in sentence_claims(sentence, part)
    ]
    return Reply({"claims": claims})


def serve(connection: Connection) -> None:
    """Child process: serve until told to stop, then report requests and CPU seconds spent."""
    server = ScriptedOpenAIServer(responder=respond).start()
    started = time.process_time()
    connection.send(server.base_url)
    connection.recv()
    server.stop()
    connection.send((len(server.requests), time.process_time() - started))


def old_merge_chunk_claims(chunks: list[Chunk], claims: list[LocatedClaim]) -> list[DraftClaim]:
    """The pairwise merge as it was before, kept here for comparison."""
    kept: list[LocatedClaim] = []
    for candidate in claims:
        if not any(_old_duplicates(earlier, candidate, chunks) for earlier in kept):
            kept.append(candidate)
    return [located.claim for located in kept]


def _old_duplicates(earlier: LocatedClaim, later: LocatedClaim, chunks: list[Chunk]) -> bool:
    if normalize_statement(earlier.claim.statement) == normalize_statement(later.claim.statement):
        return True
    if earlier.chunk == later.chunk:
        return False
    shared_start = chunks[later.chunk].start
    shared_end = min(chunks[earlier.chunk].end, chunks[later.chunk].shared_until)
    for a_start, a_end in earlier.spans:
        for b_start, b_end in later.spans:
            if max(a_start, b_start, shared_start) < min(a_end, b_end, shared_end):
                return True
    return False


class MergeRecorder:
    """Wraps merge_chunk_claims in the extractor: keeps its inputs and its run time."""

    def __init__(self) -> None:
        self.chunks: list[Chunk] = []
        self.claims: list[LocatedClaim] = []
        self.seconds = 0.0

    def __call__(self, chunks: list[Chunk], claims: list[LocatedClaim]) -> list[DraftClaim]:
        """Merge as the extractor would, timing it."""
        self.chunks, self.claims = chunks, claims
        started = time.process_time()
        merged = merge_chunk_claims(chunks, claims)
        self.seconds = time.process_time() - started
        return merged


def timed(work: Any) -> tuple[Any, float]:
    """work()'s result and the CPU seconds it took."""
    started = time.process_time()
    result = work()
    return result, time.process_time() - started


def main() -> None:
    """Serve, extract, ground, print."""
    # Imported here, not above: the spawned server process re-imports this module and
    # should not spend seconds importing litellm it never uses.
    from service.extraction import extract_and_ground
    from service.extractors import llm
    from service.extractors.llm import LLMExtractor

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=150_000)
    parser.add_argument("--chunk-chars", type=int, default=12_000)
    parser.add_argument("--skip-old", action="store_true", help="do not time the old merge")
    args = parser.parse_args()
    article = ArticleInput(text=make_article(args.chars))

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=serve, args=(theirs,), daemon=True)
    child.start()
    base_url = ours.recv()
    recorder = MergeRecorder()
    llm.merge_chunk_claims = recorder
    extractor = LLMExtractor(
        model="openai/test-model",
        api_base=base_url,
        api_key="test",
        chunk_chars=args.chunk_chars,
        timeout=60.0,
    )
    wall_started, cpu_started = time.perf_counter(), time.process_time()
    grounded = extract_and_ground(article, extractor)
    wall, cpu = time.perf_counter() - wall_started, time.process_time() - cpu_started
    ours.send("stop")
    calls, server_cpu = ours.recv()
    child.join(timeout=10)

    located, kept = len(recorder.claims), len(grounded.result.claims)
    print(f"article: {len(article.text):,} characters, {len(recorder.chunks)} chunks")
    print(f"model calls: {calls} ({grounded.result.attempts} attempts)")
    print(
        f"claims: {located:,} from the chunks, {located - kept:,} duplicates merged, "
        f"{kept:,} kept, {len(grounded.claims):,} grounded, {grounded.dropped} dropped"
    )
    print(f"extract + ground wall time: {wall:.2f} s")
    print(f"client CPU (process_time): {cpu:.2f} s, {cpu / TARGET_SECONDS:.2f}x the 5 s target")
    print(f"server process CPU: {server_cpu:.2f} s (not included above)")
    print_merge_times(recorder, skip_old=args.skip_old)


def print_merge_times(recorder: MergeRecorder, *, skip_old: bool) -> None:
    """merge_chunk_claims alone on the run's claims: now, and the old pairwise merge."""
    new, new_seconds = timed(lambda: merge_chunk_claims(recorder.chunks, recorder.claims))
    print(
        f"merge_chunk_claims: {new_seconds * 1000:.1f} ms "
        f"(in the run: {recorder.seconds * 1000:.1f} ms)"
    )
    if skip_old:
        return
    old, old_seconds = timed(lambda: old_merge_chunk_claims(recorder.chunks, recorder.claims))
    print(f"old pairwise merge: {old_seconds:.1f} s, same result: {old == new}")
    print(f"ratio old / new merge: {old_seconds / max(new_seconds, 1e-9):,.0f}x")


if __name__ == "__main__":
    main()
