"""Gapping: "Helmark pledged 310 million euros and Ostrenia 250 million", where a second
agent and its figure leave out the verb they share with the first."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.segmentation import Proposition, trim

_OBJECT_DEPS = frozenset({"dobj", "attr"})


def split_gapped_agents(proposition: Proposition) -> list[Proposition]:
    """One proposition per agent of "A won 41 seats and B 38" ("B won 38 seats")."""
    head, ids = proposition.head, {t.i for t in proposition.tokens}
    for counted in (c for c in head.children if c.dep_ in _OBJECT_DEPS and c.i in ids):
        if not any(is_number_token(t) for t in counted.subtree if t.i < counted.i):
            continue
        for joined in counted.children:
            agent, figure = _agent_and_figure(joined, ids)
            if joined.dep_ != "conj" or agent.pos_ != "PROPN" or not figure:
                continue
            joint = next((c for c in counted.children if c.dep_ == "cc" and c.i < agent.i), None)
            if joint is None:
                continue
            # "... 38 in Sunday's election": words after the second figure are shared
            told_to = max(t2.i for t2 in [*agent.subtree, *figure])
            shared = [t for t in proposition.tokens if t.i > told_to]
            first = trim([t for t in proposition.tokens if t.i < joint.i] + shared)
            named = [t for t in agent.subtree if t.i < figure[0].i and t.i in ids]
            second = [*named, *figure]
            counts = figure[-1].i + 1 in ids and _noun_after(figure[-1])
            unit = "" if counts or figure[-1].pos_ == "NOUN" else counted.text
            verb = " ".join(t.text for t in _verb_words(head))
            return [
                Proposition(
                    tokens=first,
                    head=head,
                    evidence=first,
                    prefix=proposition.prefix,
                    replacements=proposition.replacements,
                ),
                Proposition(
                    tokens=trim(figure + shared),
                    head=head,
                    evidence=second,
                    prefix=named,
                    link=verb,
                    replacements=proposition.replacements
                    | {figure[-1].i: f"{figure[-1].text} {unit}".strip()},
                    nominal=True,  # the verb is borrowed from the first agent's clause
                ),
            ]
    return [proposition]


def _agent_and_figure(joined: Token, ids: set[int]) -> tuple[Token, list[Token]]:
    """The second agent and its figure: "Ostrenia 250 million", or a figure the parser made
    the conjunct with the name hung on it ("Kestel Dairy 1.5 million euros")."""
    if joined.pos_ == "NOUN":
        names = [c for c in joined.children if c.dep_ in ("nmod", "compound") and c.i < joined.i]
        names = [c for c in names if c.pos_ == "PROPN"]
        if names:
            named = {t.i for t in names[0].subtree}
            figure = [t for t in joined.subtree if t.i in ids and t.i not in named]
            if figure and is_number_token(figure[0]):
                return names[0], figure
    return joined, _own_figure(joined, ids)


def _own_figure(agent: Token, ids: set[int]) -> list[Token]:
    """The figure written after the second agent ("Ostrenia 250 million", "Jadran Medika
    6.1 million euros"), or []."""
    numbers = [c for c in agent.children if c.dep_ == "nummod" and c.i > agent.i and c.i in ids]
    if numbers:
        return [t for t in numbers[0].subtree if t.i in ids]
    doc, after = agent.doc, agent.right_edge.i + 1
    if after not in ids or not is_number_token(doc[after]):
        return []
    # the parser may hang "6.1 million euros" beside the first figure, not on the agent
    phrase = doc[after]
    while phrase.head.i in ids and phrase.head.i != phrase.i and phrase.head.left_edge.i == after:
        phrase = phrase.head
    return [t for t in phrase.subtree if t.i in ids]


def _noun_after(number: Token) -> bool:
    following = number.doc[number.i + 1]
    return following.pos_ == "NOUN" and following.head.i == number.i


def _verb_words(head: Token) -> list[Token]:
    """The verb with its auxiliaries ("was awarded")."""
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i]
    return [*auxiliaries, head]
