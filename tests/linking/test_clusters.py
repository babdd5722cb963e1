"""Claim clusters: the same proposition asserted in different articles."""

from __future__ import annotations

import datetime as dt

from schemas.claims import Claim
from service.linking import ClusterInput, cluster_claims, cluster_signature, link_articles
from tests.linking.builders import article, claim


def item(
    key: str, article_key: str, statement: str, published: dt.date | None, **fields: object
) -> ClusterInput:
    made: Claim = claim(statement, "Vostrian troops", **fields)  # type: ignore[arg-type]
    return ClusterInput(
        claim_key=key,
        article_key=article_key,
        claim=made,
        subject_entity="e1",
        published=published,
        outlet=f"outlet {article_key}",
    )


OCTOBER = dt.date(2023, 10, 12)


def test_a_signature_is_subject_entity_predicate_lemma_and_month() -> None:
    sent = item("c1", "a1", "About 2,000 Vostrian troops have been sent to Ruritania.", OCTOBER)
    assert cluster_signature(sent) == "e1|send|2023-10"
    dated = item(
        "c2",
        "a2",
        "Vostrian troops arrived in Ruritania.",
        OCTOBER,
        time={"text": "in September", "start": "2023-09", "end": "2023-09"},
    )
    assert cluster_signature(dated) == "e1|arrive|2023-09"


def test_a_copula_keeps_its_complement_and_negation_and_forecasts_are_marked() -> None:
    aide = item("c1", "a1", "Park Min-jun is a close aide of the president.", OCTOBER)
    assert cluster_signature(aide).split("|")[1] == "be aide"
    denied = item("c2", "a1", "Vostrian troops have not crossed the river.", OCTOBER, negated=True)
    assert cluster_signature(denied) == "e1|not cross|2023-10"
    planned = item("c3", "a1", "Vostrian troops will cross the river.", OCTOBER, kind="forecast")
    assert cluster_signature(planned) == "e1|cross|forecast:2023-10"


def test_claims_with_one_signature_in_two_articles_form_a_cluster_with_their_details() -> None:
    first = item("c1", "a1", "Vostrian troops were sent to Ruritania.", OCTOBER)
    second = item(
        "c2",
        "a2",
        "About 2,000 Vostrian troops have been sent to Ruritania.",
        dt.date(2023, 10, 3),
        source="Ruritanian Defence Ministry",
        certainty="probable",
    )
    [cluster] = cluster_claims([first, second])
    assert cluster.claim_keys == ["c2", "c1"]  # earliest article first
    assert cluster.label == "About 2,000 Vostrian troops have been sent to Ruritania."
    member = cluster.members[0]
    assert (member.source, member.outlet, member.published, member.certainty) == (
        "Ruritanian Defence Ministry",
        "outlet a2",
        dt.date(2023, 10, 3),
        "probable",
    )


def test_claims_from_one_article_alone_are_not_a_cluster() -> None:
    first = item("c1", "a1", "Vostrian troops were sent to Ruritania.", OCTOBER)
    again = item("c2", "a1", "Vostrian troops have been sent to Ruritania.", OCTOBER)
    assert cluster_claims([first, again]) == []


def test_a_claim_and_its_denial_do_not_cluster() -> None:
    sent = item("c1", "a1", "Vostrian troops were sent to Ruritania.", OCTOBER)
    denied = item("c2", "a2", "Vostrian troops were not sent to Ruritania.", OCTOBER, negated=True)
    assert cluster_claims([sent, denied]) == []


def test_link_articles_clusters_claims_whose_subjects_link_across_articles() -> None:
    one = article(
        "a1",
        "Choi Young Bok visited the port.",
        [("a1c1", claim("Choi Young Bok visited the port of Vostra.", "Choi Young Bok"))],
        published=dt.date(2023, 5, 2),
        outlet="Vostria Daily",
    )
    two = article(
        "a2",
        "Choi Yong-bok visited the port.",
        [
            (
                "a2c1",
                claim(
                    "Choi Yong-bok visited Vostra's port.",
                    "Choi Yong-bok",
                    source="Ruritanian Radio",
                ),
            )
        ],
        published=dt.date(2023, 5, 3),
        outlet="Ruritania Times",
    )
    [cluster] = link_articles([two, one]).clusters
    assert cluster.claim_keys == ["a1c1", "a2c1"]
    assert [m.outlet for m in cluster.members] == ["Vostria Daily", "Ruritania Times"]
