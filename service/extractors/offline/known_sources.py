"""Sources named earlier in an article, and when a later wording refers back to one."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.claims import Source
from service.extractors.offline.body_names import stems
from service.extractors.offline.person_words import TITLES

_PUBLIC_BODY_HEADS = frozenset(
    {"institute", "service", "authority", "office", "centre", "center", "administration",
     "commission", "bureau", "directorate", "agency"}
)  # fmt: skip


@dataclass(frozen=True)
class KnownSource:
    """A source named earlier, with what back-references need to match it."""

    head_lemma: str
    source: Source
    plural: bool
    person: bool
    words: frozenset[str] = frozenset()  # noun lemmas of the phrase that named it
    offset: int = field(default=-1, compare=False)  # where in the article it was told
    outlet: bool = field(default=False, compare=False)  # it reported or relayed ("the paper")


_EMPLOYER_PREPOSITIONS = frozenset({"for", "at", "of", "from", "with"})


def refers_back(known_source: KnownSource, name: str, head_lemma: str) -> bool:
    """True when `name` (with head lemma `head_lemma`) is a definite description of the
    known source ("The officials", "the commissioner", "The Times") or a shorter wording of
    its name ("Chilean customs" after "Chile's National Customs Service")."""
    words = name.split()
    definite = words[0].lower() == "the"
    rest = [word.lower() for word in words[1:]]
    proper = any(word[:1].isupper() for word in words[1:])
    known_name = known_source.source.name
    known = [word.lower() for word in known_name.split()]
    # "The University of Tamsk" is not "researchers at the University of Tamsk"
    if proper and known_source.source.anonymous and len(known) > len(rest) + 1:
        return False
    # "the agency" is not "a spokeswoman for the agency": the person's body, not the person
    employer = len(known) > len(rest) + 1 and known[-len(rest) - 2] in _EMPLOYER_PREPOSITIONS
    employer = employer and (known_source.source.anonymous or known_source.person)
    if definite and rest and known[-len(rest) :] == rest and known != ["the", *rest]:
        return not employer
    # "the ministry" is "the Ministry of Defence's intelligence directorate" and "the
    # commissioner" the person with that title, but "the party" is not "party officials"
    # nor "the board" its chairman: the people of a body are not the body
    roles: set[str] = set(known_source.words)
    if known_source.source.anonymous:
        roles = set()
    elif known_source.person:
        roles &= TITLES
    # "the weather agency" is not "state news agency Antara": a modifier must fit too
    described = {*known, *(w.lower() for w in known_source.words)}
    modifier_fits = len(rest) < 2 or rest[0] in described
    related = head_lemma in {known_source.head_lemma, *roles}
    # "the agency" (or "the disaster agency") after "the National Institute for Disaster
    # Risk Management": a public body under another head word
    related = related or (
        head_lemma == "agency"
        and known_source.head_lemma in _PUBLIC_BODY_HEADS
        and not (known_source.outlet or known_source.person or known_source.source.anonymous)
    )
    plurals = {f"{head_lemma}s", f"{head_lemma[:-1]}ies"}  # "the companies"
    related = related and not (known[-1] in plurals and rest[-1:] == [head_lemma])
    if definite and len(rest) <= 2 and related and modifier_fits:
        return True
    own_stems = stems(name)
    shorter = len(own_stems) >= 2 and len(own_stems) < len(stems(known_name))
    return shorter and own_stems <= stems(known_name)
