"""The whole linking pipeline in memory: entities, figure groups and claim clusters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from service.linking.clusters import Cluster, ClusterInput, cluster_claims
from service.linking.context import article_context
from service.linking.entities import EntityIndex, EntityView, LinkDecision, Mention
from service.linking.entity_types import Role
from service.linking.figures import figures_of
from service.linking.inputs import ArticleInput, mention_texts
from service.linking.ledger import FigureGroup, group_figures


@dataclass
class Linking:
    """Everything linking found across a set of articles."""

    entities: list[EntityView]
    mentions: dict[tuple[str, Role], LinkDecision]  # (claim key, role) -> decision
    clusters: list[Cluster]
    figure_groups: list[FigureGroup]


def _article_order(article: ArticleInput) -> tuple[bool, dt.date, str]:
    return (article.published is None, article.published or dt.date.min, article.key)


def link_articles(articles: Sequence[ArticleInput]) -> Linking:
    """Link every article's claims; deterministic whatever the order of `articles`.

    Articles are linked oldest first (undated last, then by key), so the first spelling
    met names an entity and entity keys are e1, e2, ... in that order.
    """
    ordered = sorted(articles, key=_article_order)
    index = EntityIndex()
    mentions: dict[tuple[str, Role], LinkDecision] = {}
    for article in ordered:
        context = article_context(article.text)
        for claim_key, claim in article.claims:
            for role, text in mention_texts(claim).items():
                mention = Mention(claim_key, article.key, role, text)
                mentions[(claim_key, role)] = index.link(mention, context=context)
    views = {view.key: view for view in index.entities()}
    by_role: dict[Role, dict[str, str]] = {"subject": {}, "source": {}, "location": {}}
    for (claim_key, role), decision in mentions.items():
        by_role[role][claim_key] = decision.entity_key
    subjects = by_role["subject"]
    figures = [
        figure
        for article in ordered
        for figure in figures_of(
            article,
            {key: views[entity] for key, entity in subjects.items()},
            source_entities={key: views[entity] for key, entity in by_role["source"].items()},
        )
    ]
    cluster_inputs = [
        ClusterInput(
            claim_key=claim_key,
            article_key=article.key,
            claim=claim,
            subject_entity=subjects[claim_key],
            published=article.published,
            outlet=article.outlet,
        )
        for article in ordered
        for claim_key, claim in article.claims
        if claim_key in subjects
    ]
    return Linking(
        entities=list(views.values()),
        mentions=mentions,
        clusters=cluster_claims(cluster_inputs),
        figure_groups=group_figures(figures, subject_entity=subjects),
    )
