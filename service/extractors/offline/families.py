"""A family speaking for one of its members: "her family said" is that person's family, a
named, identifiable group ("Ana Berg's family"), not an anonymous one."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.persons import person_in
from service.extractors.offline.references import References
from service.extractors.offline.tokens import article_offset

_PERSONAL = {"his": "he", "her": "she"}
# What speaks for a person besides the family ("his lawyers said", "her campaign said").
_PERSONAL_BODIES = frozenset({"lawyer", "attorney", "office", "campaign"})


def family_source(head: Token, refs: References) -> Source | None:
    """ "her family", "Tom Keane's family", "the family of Ana Berg": the family of the
    person the owner names; "his lawyers", "her office", "his campaign": the person's."""
    noun = head.lemma_.lower()
    if noun in _PERSONAL_BODIES:  # only after "his"/"her": a name keeps its own wording
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        appositive = any(c.dep_ == "appos" for c in head.children)  # "his lawyer, Ana Ruiz,"
        if owner is None or owner.lower_ not in _PERSONAL or appositive:
            return None
        person = refs.antecedent(_PERSONAL[owner.lower_], article_offset(owner))
        return Source(name=f"{person}'s {head.lower_}") if person else None
    if noun != "family":
        return None
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [o for c in head.children if c.lower_ == "of" for o in c.children]  # "of Ana Berg"
    if len(owners) != 1:
        return None
    owner = owners[0]
    if owner.lower_ in _PERSONAL:
        person = refs.antecedent(_PERSONAL[owner.lower_], article_offset(owner))
    else:
        named = person_in(list(owner.subtree))
        person = refs.full_name(named.text) if named is not None else None
    return Source(name=f"{person}'s family") if person else None
