"""Entity linking rules, each with made-up names."""

from __future__ import annotations

from service.linking import EntityIndex, LinkDecision, Mention, article_context
from service.linking.context import ArticleContext


def link(
    index: EntityIndex, text: str, role: str = "subject", context: ArticleContext | None = None
) -> LinkDecision:
    mention = Mention(claim_key=f"c{text}", article_key="a", role=role, text=text)  # type: ignore[arg-type]
    return index.link(mention, context=context)


def test_romanisation_variants_are_one_person() -> None:
    index = EntityIndex()
    first = link(index, "Choi Young Bok")
    second = link(index, "Choi Yong-bok")
    assert second.entity_key == first.entity_key
    assert second.reason == "romanisation"
    assert "Choi Young Bok" in second.detail


def test_a_new_entity_gets_a_fresh_key_from_the_factory_and_reason_new() -> None:
    keys = iter(["x9", "x10"])
    index = EntityIndex(new_key=lambda: next(keys))
    decision = link(index, "Lena Dahl")
    assert (decision.entity_key, decision.reason, decision.score) == ("x9", "new", None)
    assert index.entity("x9").name == "Lena Dahl"
    assert link(index, "Tomas Varga").entity_key == "x10"


def test_default_keys_count_e1_e2() -> None:
    index = EntityIndex()
    assert [link(index, name).entity_key for name in ("Lena Dahl", "Tomas Varga")] == ["e1", "e2"]


def test_an_acronym_joins_the_expansion_its_article_defines() -> None:
    context = article_context("The Ruritanian People's Army (RPA) crossed the river.")
    index = EntityIndex()
    army = link(index, "Ruritanian People's Army", context=context)
    acronym = link(index, "RPA", context=context)
    assert acronym.entity_key == army.entity_key
    assert acronym.reason == "acronym"


def test_an_acronym_met_first_names_its_entity_after_the_expansion() -> None:
    context = article_context("The Ruritanian People's Army (RPA) crossed the river.")
    index = EntityIndex()
    acronym = link(index, "the RPA", context=context)
    assert index.entity(acronym.entity_key).name == "Ruritanian People's Army"
    assert link(index, "Ruritanian People's Army").entity_key == acronym.entity_key


def test_an_expansion_joins_an_entity_known_only_by_its_acronym() -> None:
    index = EntityIndex()
    known = link(index, "RPA")
    context = article_context("The Ruritanian People's Army (RPA) crossed the river.")
    expansion = link(index, "Ruritanian People's Army", context=context)
    assert (expansion.entity_key, expansion.reason) == (known.entity_key, "acronym")


def test_an_article_defining_an_acronym_overrides_what_it_meant_elsewhere() -> None:
    index = EntityIndex()
    army = link(index, "RPA", context=article_context("The Ruritanian People's Army (RPA) left."))
    ports = link(index, "RPA", context=article_context("The Ruritanian Ports Authority (RPA) met."))
    assert ports.entity_key != army.entity_key


def test_possessives_are_the_same_name() -> None:
    index = EntityIndex()
    ministry = link(index, "Freedonia's Ministry of Fisheries", role="source")
    assert link(index, "Freedonia Ministry of Fisheries", role="source").entity_key == (
        ministry.entity_key
    )
    person = link(index, "Lena Dahl")
    assert link(index, "Lena Dahl's").entity_key == person.entity_key


def test_titles_are_set_aside_when_matching() -> None:
    index = EntityIndex()
    person = link(index, "Ivan Horvat")
    decision = link(index, "Gen. Ivan Horvat")
    assert (decision.entity_key, decision.reason) == (person.entity_key, "title")
    assert index.entity(link(index, "Dr. Anna Petrova").entity_key).name == "Anna Petrova"


def test_two_people_sharing_a_surname_do_not_merge() -> None:
    index = EntityIndex()
    first = link(index, "Park Min-jun")
    second = link(index, "Park Ji-hoon")
    assert second.entity_key != first.entity_key
    assert second.reason == "new"


def test_a_bare_surname_joins_the_one_person_its_article_introduces() -> None:
    index = EntityIndex()
    context = article_context("Gen. Park Min-jun inspected the border. Park said little.")
    full = link(index, "Park Min-jun", context=context)
    bare = link(index, "Park", context=context)
    assert (bare.entity_key, bare.reason) == (full.entity_key, "surname")
    assert "Park Min-jun" in bare.detail


def test_a_bare_surname_with_two_such_people_in_its_article_joins_neither() -> None:
    index = EntityIndex()
    context = article_context("Park Min-jun met Park Ji-hoon. Park said little.")
    first = link(index, "Park Min-jun", context=context)
    second = link(index, "Park Ji-hoon", context=context)
    bare = link(index, "Park", context=context)
    assert bare.entity_key not in {first.entity_key, second.entity_key}
    assert "Park Min-jun and Park Ji-hoon" in bare.detail


def test_a_surname_learned_in_one_article_never_links_in_another() -> None:
    index = EntityIndex()
    context = article_context("Park Min-jun inspected the border. Park said little.")
    full = link(index, "Park Min-jun", context=context)
    link(index, "Park", context=context)
    other = article_context("Park Ji-hoon opened the bridge. Park was pleased.")
    assert link(index, "Park", context=other).entity_key != full.entity_key
    assert link(index, "Park", context=article_context("No names here.")).entity_key != (
        full.entity_key
    )


def test_a_bare_surname_can_name_a_person_not_yet_known() -> None:
    index = EntityIndex()
    context = article_context("Lena Dahl resigned on Friday. Dahl gave no reason.")
    decision = link(index, "Dahl", context=context)
    assert index.entity(decision.entity_key).name == "Lena Dahl"
    assert link(index, "Lena Dahl").entity_key == decision.entity_key


def test_country_names_from_the_table_are_one_entity() -> None:
    index = EntityIndex()
    country = link(index, "North Korea")
    assert link(index, "the DPRK").entity_key == country.entity_key
    assert link(index, "Democratic People's Republic of Korea").entity_key == country.entity_key
    assert link(index, "the DPRK").reason in {"alias-table", "normalised"}


def test_a_capital_is_its_country_as_an_actor_but_the_city_as_a_location() -> None:
    index = EntityIndex()
    country = link(index, "North Korea")
    actor = link(index, "Pyongyang", role="source")
    assert (actor.entity_key, actor.reason) == (country.entity_key, "alias-table")
    place = link(index, "Pyongyang", role="location")
    assert place.entity_key != country.entity_key
    assert index.entity(place.entity_key).name == "Pyongyang"


def test_a_defined_acronym_in_the_article_wins_over_the_country_table() -> None:
    context = article_context("The Democratic Party of Rurit Kingdom (DPRK) won the vote.")
    index = EntityIndex()
    country = link(index, "North Korea")
    assert link(index, "DPRK", context=context).entity_key != country.entity_key


def test_a_typo_links_by_fuzzy_similarity_with_its_score() -> None:
    index = EntityIndex()
    known = link(index, "Ruritanian Broadcasting Corporation", role="source")
    typo = link(index, "Ruritanian Broadcasting Corporaton", role="source")
    assert (typo.entity_key, typo.reason) == (known.entity_key, "fuzzy")
    assert typo.score is not None and 0.86 <= typo.score < 1
    assert "similarity" in typo.detail


def test_fuzzy_never_links_names_of_different_types_or_different_numbers() -> None:
    index = EntityIndex()
    link(index, "Brigade 25")
    assert link(index, "Brigade 26").reason == "new"
    link(index, "Vostra Valley", role="location")
    assert link(index, "Vostra Vallex", role="source").reason == "new"


def test_a_loaded_index_links_like_one_built_by_linking() -> None:
    index = EntityIndex(new_key=lambda: "n1")
    index.add_entity("17", "Park Min-jun", "person", ["Park Min-jun"])
    index.add_alias("17", "Park")  # a surname stored by an earlier article
    index.add_alias("17", "Gen. Park Min-jun")
    assert link(index, "Park Minjun").entity_key == "17"
    assert link(index, "Park", context=article_context("Park Ji-hoon left.")).entity_key == "n1"


def test_entity_views_list_aliases_with_their_reasons() -> None:
    index = EntityIndex()
    first = link(index, "Choi Young Bok")
    link(index, "Choi Yong-bok")
    view = index.entities()[0]
    assert (view.key, view.name, view.type) == (first.entity_key, "Choi Young Bok", "person")
    assert [(alias.text, alias.reason) for alias in view.aliases] == [
        ("Choi Young Bok", "name"),
        ("Choi Yong-bok", "romanisation"),
    ]


def test_soldiers_and_troops_of_one_country_are_one_group() -> None:
    index = EntityIndex()
    troops = link(index, "North Vostrian troops")
    soldiers = link(index, "North Vostrian soldiers")
    assert (soldiers.entity_key, soldiers.reason) == (troops.entity_key, "synonym")
    assert index.entity(troops.entity_key).type == "group"
    assert link(index, "North Vostrian special forces").entity_key != troops.entity_key


def test_a_described_part_of_a_known_group_joins_the_group() -> None:
    index = EntityIndex()
    troops = link(index, "Northland troops")
    for described in (
        "elite Northland troops",
        "Northland soldiers in the border region",
        "first units of Northland military personnel",
        "Northland troops deployed to Eastland",
    ):
        decision = link(index, described)
        assert decision.entity_key == troops.entity_key, described
        assert decision.reason in ("group-core", "synonym"), described
    assert link(index, "elite Northland troops").reason == "exact"  # now a known alias


def test_a_described_group_never_creates_its_core_and_tallies_keep_their_scope() -> None:
    index = EntityIndex()
    assert link(index, "elite Southland troops").reason == "new"
    assert link(index, "Southland troops").reason == "new"  # the core was not made up
    deaths = link(index, "flu deaths")
    assert link(index, "flu deaths in Eastland").entity_key != deaths.entity_key
