"""The article's own publisher, which is never a source's channel (spec: `via` is a relay)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from schemas.claims import DraftClaim

# A wire credit in the first lines: "KARLOV, Vostria (AP) —", "(Reuters) -", "(Tarn Wire) -".
_CREDIT = re.compile(r"\(([A-Z][A-Za-z]{1,12}(?:\s[A-Z][A-Za-z]{1,12}){0,2})\)\s*(?:[—–]|-{1,2})")
# Wire services and public broadcasters under their other names.
_ALIASES = {
    "associated press": "ap",
    "agence france-presse": "afp",
    "agence france presse": "afp",
    "voice of america": "voa",
    "voa news": "voa",
    "reuters news agency": "reuters",
    "thomson reuters": "reuters",
    "united press international": "upi",
}


def _key(name: str) -> str:
    """One spelling per publisher: lower case, no leading "the", aliases folded."""
    words = name.lower().strip().removeprefix("the ").strip()
    return _ALIASES.get(words, words)


def publisher_keys(outlet: str | None, text: str) -> frozenset[str]:
    """The publisher given with the article and the wire credit of its dateline."""
    names = [outlet] if outlet else []
    credit = _CREDIT.search(text[:400])
    if credit is not None:
        names.append(credit.group(1))
    return frozenset(_key(name) for name in names)


def without_publisher(claims: Iterable[DraftClaim], keys: frozenset[str]) -> list[DraftClaim]:
    """Claims whose channel is the publisher itself lose it ("told The Associated Press" in an
    AP story: the source spoke to the publisher, nobody relayed it), and so do claims relayed
    by their own source ("according to X, which said P": X said it)."""
    kept = []
    for claim in claims:
        source = claim.source
        via = _key(source.via) if source is not None and source.via is not None else None
        if source is not None and via is not None and (via in keys or via == _key(source.name)):
            claim = claim.model_copy(update={"source": source.model_copy(update={"via": None})})
        kept.append(claim)
    return kept
