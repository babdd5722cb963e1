"""Offline extractor throughput over the gold corpus, against spaCy's own parse time.

Prints words/second and ms per article for spaCy parsing alone, both as `nlp(text)` on the
whole article and as `nlp.pipe` over the article's blocks (what the extractor parses), and
for the whole offline extraction (parse + rules + grounding); then the ratios: what the
rules and grounding cost on top of the parse.
Run: `make bench` or `.venv/bin/python benchmarks/offline_throughput.py`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import time
from pathlib import Path

from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor
from service.extractors.offline.layout import split_blocks
from service.extractors.offline.nlp import load_nlp
from service.pipeline import extract_and_ground

GOLD = Path(__file__).resolve().parents[1] / "evals" / "gold"


def load_articles() -> list[ArticleInput]:
    """Every gold article's text and publication date."""
    articles = []
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        published = data.get("published")
        articles.append(
            ArticleInput(
                text=data["text"],
                published=dt.date.fromisoformat(published) if published else None,
            )
        )
    return articles


def best_of(repeats: int, work) -> float:  # type: ignore[no-untyped-def]
    """The fastest of `repeats` timings of work(), in seconds (least disturbed by noise)."""
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    nlp = load_nlp()
    load_seconds = time.perf_counter() - started
    articles = load_articles()
    words = sum(len(article.text.split()) for article in articles)
    extractor = OfflineExtractor()
    extract_and_ground(articles[0], extractor)  # warm caches outside the timings

    parse = best_of(args.repeats, lambda: [nlp(a.text) for a in articles])
    blocks = [[block.text for block in split_blocks(a.text).blocks] for a in articles]
    parse_blocks = best_of(args.repeats, lambda: [list(nlp.pipe(b)) for b in blocks])
    extract = best_of(args.repeats, lambda: [extract_and_ground(a, extractor) for a in articles])
    per_article = [
        best_of(args.repeats, lambda a=a: extract_and_ground(a, extractor)) for a in articles
    ]
    claims = sum(len(extract_and_ground(a, extractor).claims) for a in articles)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {len(articles)} articles, {words:,} words, {claims} claims extracted")
    print(f"spaCy model load: {load_seconds * 1000:.0f} ms (once per process)")
    print(
        f"spaCy parse only: {words / parse:,.0f} words/s, "
        f"{parse / len(articles) * 1000:.1f} ms/article"
    )
    print(
        f"spaCy pipe blocks: {words / parse_blocks:,.0f} words/s, "
        f"{parse_blocks / len(articles) * 1000:.1f} ms/article"
    )
    print(
        f"offline extract:  {words / extract:,.0f} words/s, "
        f"{extract / len(articles) * 1000:.1f} ms/article "
        f"(median {statistics.median(per_article) * 1000:.1f}, max {max(per_article) * 1000:.1f})"
    )
    print(f"ratio extract / nlp(text): {extract / parse:.2f}x")
    print(
        f"ratio extract / nlp.pipe(blocks) (rules + grounding overhead): "
        f"{extract / parse_blocks:.2f}x"
    )
    print(f"peak RSS: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
