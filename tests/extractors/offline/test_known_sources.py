"""When a later wording refers back to a source named earlier."""

from __future__ import annotations

from schemas.claims import Source
from service.extractors.offline.known_sources import KnownSource, refers_back


def _known(name: str, head: str, words: str, *, anonymous: bool = False) -> KnownSource:
    source = Source(name=name, anonymous=anonymous)
    return KnownSource(head, source, plural=False, person=False, words=frozenset(words.split()))


def test_a_definite_description_refers_back_to_the_body_it_describes():
    ministry = _known("Marian Competition Authority", "authority", "authority")
    assert refers_back(ministry, "the authority", "authority")
    assert not refers_back(ministry, "the ministry", "ministry")


def test_a_shorter_wording_of_a_name_refers_back_to_it():
    customs = _known("Chile's National Customs Service", "service", "customs service")
    assert refers_back(customs, "Chilean customs service", "service")


def test_a_named_body_is_not_the_unnamed_people_of_it():
    researchers = _known(
        "researchers at the University of Tamsk", "researcher", "researcher", anonymous=True
    )
    assert not refers_back(researchers, "The University of Tamsk", "university")


def test_the_body_is_not_the_unnamed_person_speaking_for_it():
    spokeswoman = _known(
        "a spokeswoman for the agency", "spokeswoman", "spokeswoman", anonymous=True
    )
    assert not refers_back(spokeswoman, "the agency", "agency")
