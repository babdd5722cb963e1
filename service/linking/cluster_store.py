"""Claim clusters in the database: a claim joins the stored cluster whose seed it matches.

A stored cluster's signature is "<subject entity id>|<seed claim id>|<predicate>|<time
bucket>", so the clusters a claim could join are found by its subject entity alone, and
each one's seed claim is read back to compare (`clusters.best_seed`). Keyword-only; the
caller commits.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from schemas.claims import Claim
from service.linking.clusters import ClusterInput, best_seed, cluster_signature
from service.models import Article, ClaimCluster, ClaimRecord, ClusterMember


def _seed_id(cluster: ClaimCluster) -> int | None:
    """The seed claim's id, or None for a cluster stored before seeds were recorded."""
    parts = cluster.signature.split("|", 2)
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


def _candidates(*, session: Session, subject: str) -> list[tuple[ClaimCluster, ClusterInput]]:
    """The clusters of claims about this subject entity, each with its seed (still a member)."""
    clusters = session.exec(
        select(ClaimCluster).where(col(ClaimCluster.signature).startswith(f"{subject}|"))
    ).all()
    seeds = {_seed_id(cluster): cluster for cluster in clusters if _seed_id(cluster) is not None}
    if not seeds:
        return []
    rows = session.exec(
        select(ClaimRecord, col(Article.published), col(Article.outlet))
        .join(Article, col(Article.id) == ClaimRecord.article_id)
        .join(ClusterMember, col(ClusterMember.claim_id) == ClaimRecord.id)  # still current
        .where(col(ClaimRecord.id).in_(list(seeds)))
        .order_by(col(ClaimRecord.id))
    ).all()
    return [
        (
            seeds[record.id],
            ClusterInput(
                claim_key=str(record.id),
                article_key=str(record.article_id),
                claim=Claim.model_validate(record.data),
                subject_entity=subject,
                published=published,
                outlet=outlet,
            ),
        )
        for record, published, outlet in rows
    ]


def place_claim(*, session: Session, item: ClusterInput, article_id: int) -> bool:
    """Put a claim in the cluster whose seed it matches best, or seed a new one (True)."""
    candidates = _candidates(session=session, subject=item.subject_entity)
    index = best_seed(item, [seed for _, seed in candidates])
    if index is not None:
        cluster = candidates[index][0]
        made = False
    else:
        subject, rest = cluster_signature(item).split("|", 1)
        signature = f"{subject}|{item.claim_key}|{rest}"[:500]
        # The claim seeded this cluster before and is being placed again (after a merge).
        existing = session.exec(
            select(ClaimCluster).where(ClaimCluster.signature == signature)
        ).first()
        cluster = existing or ClaimCluster(signature=signature, label=item.claim.statement)
        made = existing is None
        if made:
            session.add(cluster)
            session.flush()
    session.add(
        ClusterMember(
            claim_id=int(item.claim_key), cluster_id=cluster.id or 0, article_id=article_id
        )
    )
    return made
