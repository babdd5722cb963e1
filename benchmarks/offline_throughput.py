"""Offline extractor throughput over the dev gold articles, against spaCy's own parse time.

Prints words/second and ms per article for spaCy parsing alone, both as `nlp(text)` on the
whole article and as `nlp.pipe` over the article's blocks (what the extractor parses), and
for the whole offline extraction (parse + rules + grounding); then the ratios: what the
rules and grounding cost on top of the parse. Last, a scaling check: the whole corpus
flattened into one paragraph (the worst case: one block for spaCy and the rules), at 1x
and 4x its size; a per-word cost ratio near 1.0 means the extraction stays linear.
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

from service.extraction import extract_and_ground
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor
from service.extractors.offline.layout import split_blocks
from service.extractors.offline.nlp import load_nlp

# The dev split only: the test split (evals/gold/test) is read by the eval harness alone.
GOLD = Path(__file__).resolve().parents[1] / "evals" / "gold" / "dev"


def load_articles() -> list[ArticleInput]:
    """Every dev gold article's text and publication date."""
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
    print_scaling(articles, extractor)


def one_paragraph(articles: list[ArticleInput], copies: int) -> ArticleInput:
    """The corpus text as a single paragraph, repeated `copies` times."""
    flat = " ".join(" ".join(a.text.split()) for a in articles)
    return ArticleInput(text=" ".join([flat] * copies), published=dt.date(2024, 11, 1))


def print_scaling(articles: list[ArticleInput], extractor: OfflineExtractor) -> None:
    """Per-word extraction cost of one long paragraph at 1x and 4x the corpus size."""
    per_word = []
    for copies in (1, 4):
        article = one_paragraph(articles, copies)
        words = len(article.text.split())
        seconds = best_of(1, lambda article=article: extract_and_ground(article, extractor))
        per_word.append(seconds / words)
        print(
            f"one paragraph x{copies}: {words:,} words in {seconds:.1f} s, "
            f"{words / seconds:,.0f} words/s"
        )
    print(f"ratio per-word cost x4 / x1 (1.0 = linear): {per_word[1] / per_word[0]:.2f}x")


if __name__ == "__main__":
    main()
