"""Assembling an article's claims: headline claims folded into the body claims they
restate, and duplicate statements dropped."""

from __future__ import annotations

from lemminflect import getAllLemmas
from rapidfuzz import fuzz

from schemas.claims import DraftClaim

# A headline that scores at least this against a body claim (rapidfuzz token_set_ratio of the
# statements' lemmas) restates it: the headline becomes that claim's second evidence span.
HEADLINE_RESTATED_SCORE = 50.0
# Body claims scoring within this of the best are near-best; the earliest of them wins.
NEAR_BEST = 5.0


def merge_headline(headline: list[DraftClaim], body: list[DraftClaim]) -> list[DraftClaim]:
    """Body claims, each headline claim either folded into the body claim it restates (as a
    second evidence span) or, when no body claim restates it, kept as a claim of its own."""
    claims = list(body)
    kept = []
    for claim in headline:
        words = _lemmas(claim.statement)
        scores = [fuzz.token_set_ratio(words, _lemmas(other.statement)) for other in claims]
        if not scores or max(scores) < HEADLINE_RESTATED_SCORE:
            kept.append(claim)
            continue
        # the earliest of the near-best: a headline restates the lede, not a later aside
        best = next(k for k, score in enumerate(scores) if score >= max(scores) - NEAR_BEST)
        target = claims[best]
        if claim.evidence[0] not in target.evidence:
            update: dict[str, object] = {"evidence": [*target.evidence, claim.evidence[0]]}
            if target.time is None and claim.time is not None and claim.time.start:
                update["time"] = claim.time  # the headline supplies the date
            claims[best] = target.model_copy(update=update)
    return kept + claims


def _lemmas(statement: str) -> str:
    """A statement's words as lemmas ("kills" and "killing" -> "kill"), lower-cased."""
    words = []
    for word in statement.lower().replace(",", " ").replace(".", " ").split():
        lemmas = getAllLemmas(word)
        forms = lemmas.get("VERB") or lemmas.get("NOUN") or (word,)
        words.append(forms[0])
    return " ".join(words)


def without_duplicates(claims: list[DraftClaim]) -> list[DraftClaim]:
    """The claims without repeats of an earlier statement (case-insensitive)."""
    seen: set[str] = set()
    unique = []
    for claim in claims:
        key = claim.statement.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(claim)
    return unique
