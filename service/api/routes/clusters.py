"""Claim clusters: claims from different articles that assert the same proposition."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status

from schemas.links import ClusterPublic, ClustersPublic
from service.api.deps import MAX_ID, Limit, Offset, SessionDep
from service.linking import reads
from service.linking.presenters import cluster_public

router = APIRouter(prefix="/clusters", tags=["clusters"])


@router.get(
    "",
    summary="List claim clusters",
    description="Clusters whose claims come from at least two articles (same subject entity, "
    "same predicate, compatible time), each claim with its source, outlet, article date "
    "and certainty. `entity_id` keeps clusters naming that entity.",
    response_model=ClustersPublic,
)
def list_clusters(
    session: SessionDep,
    entity_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    skip: Offset = 0,
    limit: Limit = 50,
) -> ClustersPublic:
    infos, total = reads.list_clusters(session=session, entity_id=entity_id, skip=skip, limit=limit)
    return ClustersPublic(data=[cluster_public(info) for info in infos], count=total)


@router.get(
    "/{cluster_id}",
    summary="Read a claim cluster",
    description="The cluster's claims, each with its source, outlet, article date and "
    "certainty, oldest article first.",
    response_model=ClusterPublic,
    responses={404: {"description": "no such cluster"}},
)
def read_cluster(
    cluster_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep
) -> ClusterPublic:
    info = reads.cluster_detail(session=session, cluster_id=cluster_id)
    if info is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"cluster {cluster_id} does not exist")
    return cluster_public(info)
