"""Prompt cost per version: the fixed tokens of every call, and one pass over evals/gold.

1. The fixed part of a call (system message, schema, user template around an empty
   article) for each prompt version and mode, counted with litellm's token counter for
   gpt-4o-mini over everything the model reads (messages and the tools/response_format
   JSON).
2. One `claimkit eval` pass over evals/gold per version against a scripted model that
   answers every request with the gold claims of the text it was sent (quotes with their
   curly quote marks straightened, as models write them), reporting its prompt tokens as
   counted above. It prints calls, prompt tokens (fixed part and article part) against the
   articles' own tokens, output tokens and cost at gpt-4o-mini prices, then
   `claimkit eval compare` of the two versions: the scores must not differ, since the
   pipeline after the model is the same.

Run: `make bench` or `.venv/bin/python benchmarks/prompt_tokens.py`.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the scripted model lives in tests/fakes

from evals.cases import gold_files  # noqa: E402
from tests.fakes.openai_server import Reply, ScriptedOpenAIServer  # noqa: E402

CLAIMKIT = Path(sys.executable).with_name("claimkit")
GOLD = ROOT / "evals" / "gold"
OUT = ROOT / "eval-output" / "prompt-tokens"
VERSIONS = ("v1", "v2")
MODES = ("tools", "json_schema", "json")
COUNTING_MODEL = "openai/gpt-4o-mini"
STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _gold_articles() -> list[tuple[str, list[dict[str, Any]]]]:
    articles = []
    for path in gold_files(GOLD):  # both splits, as the eval pass scores both
        data = json.loads(path.read_text(encoding="utf-8"))
        articles.append((data["text"], data["claims"]))
    return articles


def _as_model_claim(claim: dict[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in claim.items() if k not in ("id", "evidence")}
    return fields | {"evidence": [span["text"].translate(STRAIGHTEN) for span in claim["evidence"]]}


def _echo(articles: list[tuple[str, list[dict[str, Any]]]], body: dict[str, Any]) -> Reply:
    """The gold claims whose evidence lies in the text of this request."""
    from service.extractors.prompt_tokens import count, request_tokens

    content = str(body["messages"][-1]["content"])
    chunk = content.rsplit("<<<\n", 1)[-1].split("\n>>>", 1)[0]
    claims: list[dict[str, Any]] = []
    for text, gold in articles:
        offset = text.find(chunk) if chunk else -1
        if offset == -1:
            continue
        end = offset + len(chunk)
        claims = [
            _as_model_claim(claim)
            for claim in gold
            if all(offset <= span["start"] and span["end"] <= end for span in claim["evidence"])
        ]
        break
    answer = {"claims": claims}
    return Reply(
        answer,
        prompt_tokens=request_tokens(body).total,
        completion_tokens=count(json.dumps(answer)),
    )


def _serve(connection: Connection) -> None:
    """Child process: the gold-echo model until told to stop."""
    articles = _gold_articles()
    server = ScriptedOpenAIServer(responder=lambda body: _echo(articles, body)).start()
    connection.send(server.base_url)
    connection.recv()
    server.stop()


def fixed_costs() -> None:
    """The fixed prompt tokens of one call, per version and mode."""
    from service.extractors.llm import LLMExtractor
    from service.extractors.prompt_tokens import count

    print("fixed prompt tokens per call (gpt-4o-mini counter):")
    for version in VERSIONS:
        cells = []
        for mode in MODES:
            extractor = LLMExtractor(
                model=COUNTING_MODEL, api_key="none", prompt_version=version, mode=mode
            )
            cells.append(f"{mode} {extractor.prompt_tokens().total:,}")
        prompt = extractor.prompt
        template = count(prompt.render_user(text=""))
        print(
            f"  {version}: {', '.join(cells)}  (system {count(prompt.system):,}, "
            f"user template {template:,})"
        )


def run_eval(version: str, base_url: str) -> dict[str, Any]:
    """`claimkit eval` of one prompt version against the gold-echo model."""
    out = OUT / version
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMKIT_")} | {
        "CLAIMKIT_MODEL_API_BASE": base_url,
        "CLAIMKIT_MODEL_API_KEY": "bench",
        "CLAIMKIT_LLM_MODE": "tools",
        "CLAIMKIT_DATA_DIR": str(OUT / "data"),
    }
    command = [str(CLAIMKIT), "eval", "--gold", str(GOLD), "--extractor", "llm"]
    command += ["--model", COUNTING_MODEL, "--prompt", version, "--no-cache", "--out", str(out)]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    report: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return report


def print_pass(version: str, report: dict[str, Any]) -> None:
    """One version's tokens and scores over the gold set."""
    tokens, summary = report["extractor"]["tokens"], report["extractor"]["summary"]
    per = tokens["per_article"]
    cost = tokens["cost_usd"]
    print(
        f"  {version}: {tokens['calls']} calls for {tokens['articles']} articles; prompt "
        f"{tokens['prompt_tokens']:,} (fixed {tokens['fixed_tokens']:,} + article "
        f"{tokens['article_part']:,}) = {tokens['ratio_to_articles']:.2f}x the articles' own "
        f"{tokens['article_tokens']:,}; output {tokens['completion_tokens']:,}; cached "
        f"{tokens['cached_tokens']:,}; cost ${cost:.4f} (${cost / tokens['articles']:.5f} per "
        f"article, {per['prompt_tokens']:,.0f} prompt tokens per article); strict F1 "
        f"{summary['strict_micro']['f1']['value']:.3f}, "
        f"claim F1 {summary['claim_micro']['f1']['value']:.3f}"
    )


def main() -> None:
    """Fixed costs, one gold pass per version, and the comparison."""
    fixed_costs()
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child,), daemon=True)
    process.start()
    base_url = str(parent.recv())
    try:
        print(f"one pass over {GOLD.relative_to(ROOT)} with the gold-echo model (tools mode):")
        reports = {version: run_eval(version, base_url) for version in VERSIONS}
    finally:
        parent.send("stop")
        process.join(timeout=10)
    for version, report in reports.items():
        print_pass(version, report)
    first, second = (reports[v]["extractor"]["tokens"] for v in VERSIONS)
    print(
        f"  ratio v2/v1: prompt tokens {second['prompt_tokens'] / first['prompt_tokens']:.2f}x, "
        f"fixed per call {second['fixed_per_call'] / first['fixed_per_call']:.2f}x"
    )
    compare = [str(CLAIMKIT), "eval", "compare"]
    compare += [str(OUT / version / "report.json") for version in VERSIONS]
    print(f"$ claimkit eval compare {OUT.relative_to(ROOT)}/v1 .../v2")
    subprocess.run(compare, check=False)


if __name__ == "__main__":
    main()
