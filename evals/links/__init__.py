"""Cross-article link eval: link gold (entities, clusters, figure groups) and its scorer.

`check_links_gold` validates link gold files (for `claimkit gold check`); `run_links_eval`
runs the linker over them and writes report.json/md/html (for `claimkit eval links`).
"""

from evals.links.gold import check_links_gold, is_link_gold_path, link_gold_paths
from evals.links.runner import run_links_eval

__all__ = ["check_links_gold", "is_link_gold_path", "link_gold_paths", "run_links_eval"]
