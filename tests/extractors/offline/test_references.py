"""Article-wide references: full names for the short forms an article uses later."""

from __future__ import annotations

from service.extractors.offline.references import References


def test_a_firms_first_word_is_the_longest_name_it_was_given():
    refs = References(organisations=[(0, "Halden Motors Co"), (90, "Halden Motors")])
    assert refs.firm_named("Halden") == "Halden Motors Co"


def test_two_firms_sharing_a_first_word_leave_it_unexpanded():
    refs = References(organisations=[(0, "Halden Motors Co"), (90, "Halden Steel")])
    assert refs.firm_named("Halden") is None


def test_a_spanish_first_surname_is_the_full_name():
    refs = References(persons=[(0, "Javier Olmedo Ruiz")])
    assert refs.full_name("Olmedo") == "Javier Olmedo Ruiz"


def test_a_middle_given_name_of_two_people_is_left_alone():
    refs = References(persons=[(0, "Ana Maria Vell"), (40, "Tom Maria Berg")])
    assert refs.full_name("Maria") == "Maria"
