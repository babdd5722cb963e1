"""What an article tells the linker about its own names."""

from __future__ import annotations

from service.linking import article_context

TEXT = (
    "The Ruritanian People's Army (RPA) moved north on Monday. Vostria's National "
    "Fisheries Agency (NFA) objected. The NSB (National Space Bureau) stayed silent. "
    "Gen. Park Min-jun met Freedonia's Park Ji-hoon. Meanwhile Lena Dahl said nothing."
)


def test_acronyms_are_read_in_both_orders() -> None:
    context = article_context(TEXT)
    assert context.expansions_of("RPA") == ("Ruritanian People's Army",)
    assert context.expansions_of("the NSB") == ("National Space Bureau",)
    assert context.acronym_for("Ruritanian People’s Army") == "RPA"


def test_an_acronym_after_a_possessive_keeps_the_whole_name_first() -> None:
    context = article_context(TEXT)
    assert context.expansions_of("NFA") == (
        "Vostria's National Fisheries Agency",
        "National Fisheries Agency",
    )


def test_parentheses_whose_initials_do_not_spell_the_acronym_define_nothing() -> None:
    assert article_context("The Ruritanian Navy (RPA) left.").acronyms == {}


def test_full_person_names_are_collected_without_titles_or_sentence_openers() -> None:
    context = article_context(TEXT)
    assert context.persons == ("Park Min-jun", "Park Ji-hoon", "Lena Dahl")
    assert context.persons_named("Park") == ("Park Min-jun", "Park Ji-hoon")
    assert context.persons_named("Dahl") == ("Lena Dahl",)
