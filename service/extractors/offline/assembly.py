"""Assembling an article's claims: headline claims folded into the body claims they
restate, a bare age told after a death folded into it, and duplicate statements dropped."""

from __future__ import annotations

import re

from lemminflect import getAllLemmas
from rapidfuzz import fuzz

from schemas.claims import DraftClaim, Quantity

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
            told = {q.value for q in target.quantities}
            ages = [q for q in _ages(claim) if q.value not in told]
            if _a_death(target) and target.subject == claim.subject and not _ages(target):
                update["quantities"] = [*target.quantities, *ages]  # "X dies aged 81"
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


# "died", "dies", "death": a claim telling a person's death, which takes the age told with it.
_DEATH = re.compile(r"\b(?:died|dies|death|passed away)\b")
# "He was 84.": a sentence that tells nothing but an age.
_BARE_AGE = re.compile(r"^\S+(?: \S+){0,3} (?:was|is) \d{1,3}$")


def _ages(claim: DraftClaim) -> list[Quantity]:
    return [q for q in claim.quantities if q.unit == "years of age"]


def _a_death(claim: DraftClaim) -> bool:
    return _DEATH.search(claim.statement) is not None


def ages_into_deaths(claims: list[DraftClaim]) -> list[DraftClaim]:
    """ "X died on Sunday, her son said. She was 91.": the age joins the death claim
    before it about the same person (gold: one claim, the age a second evidence span)."""
    kept: list[DraftClaim] = []
    for claim in claims:
        bare = len(claim.quantities) == 1 and _ages(claim) and len(claim.evidence) == 1
        deaths = [k for k, other in enumerate(kept) if _a_death(other) and not _ages(other)]
        if bare and deaths and _BARE_AGE.match(claim.evidence[0].strip(" .")) is not None:
            death = kept[deaths[-1]]
            if death.subject == claim.subject:
                kept[deaths[-1]] = death.model_copy(
                    update={
                        "quantities": [*death.quantities, *claim.quantities],
                        "evidence": [*death.evidence, *claim.evidence],
                    }
                )
                continue
        kept.append(claim)
    return kept
