"""Cross-article linking (pure logic): entities, figure groups and claim clusters.

No database, no HTTP: `store.py` persists these decisions. Design and thresholds:
`service/linking/README.md`.
"""

from service.linking.clusters import (
    Cluster,
    ClusterClaim,
    ClusterInput,
    cluster_claims,
    cluster_signature,
)
from service.linking.context import ArticleContext, article_context
from service.linking.entities import (
    AliasView,
    EntityIndex,
    EntityView,
    LinkDecision,
    Mention,
)
from service.linking.entity_types import EntityType, Role, entity_type
from service.linking.figures import Figure, figure_group_key, figures_of, unit_key
from service.linking.fuzzy import FUZZY_THRESHOLD, name_similarity
from service.linking.inputs import ArticleInput, mention_texts
from service.linking.ledger import FigureGroup, FigureRelation, group_figures
from service.linking.pipeline import Linking, link_articles

__all__ = [
    "FUZZY_THRESHOLD",
    "AliasView",
    "ArticleContext",
    "ArticleInput",
    "Cluster",
    "ClusterClaim",
    "ClusterInput",
    "EntityIndex",
    "EntityType",
    "EntityView",
    "Figure",
    "FigureGroup",
    "FigureRelation",
    "LinkDecision",
    "Linking",
    "Mention",
    "Role",
    "article_context",
    "cluster_claims",
    "cluster_signature",
    "entity_type",
    "figure_group_key",
    "figures_of",
    "group_figures",
    "link_articles",
    "mention_texts",
    "name_similarity",
    "unit_key",
]
