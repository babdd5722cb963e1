"""A family speaking for one of its members: "her family said" is that person's family, a
named, identifiable group ("Ana Berg's family"), not an anonymous one."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.persons import person_in
from service.extractors.offline.references import References
from service.extractors.offline.tokens import article_offset

_PERSONAL = {"his": "he", "her": "she"}


def family_source(head: Token, refs: References) -> Source | None:
    """ "her family", "Tom Keane's family", "the family of Ana Berg": the family of the
    person the owner names."""
    if head.lemma_.lower() != "family":
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
