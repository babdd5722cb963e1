"""Gapping: "Helmark pledged 310 million euros and Ostrenia 250 million", where a second
agent and its figure leave out the verb they share with the first."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.quantity_units import unit_after
from service.extractors.offline.segmentation import Proposition, trim

_OBJECT_DEPS = frozenset({"dobj", "attr"})


def split_gapped_agents(proposition: Proposition) -> list[Proposition]:
    """One proposition per agent of "A won 41 seats and B 38" ("B won 38 seats")."""
    head, ids = proposition.head, {t.i for t in proposition.tokens}
    for counted in (c for c in head.children if c.dep_ in _OBJECT_DEPS and c.i in ids):
        if not any(is_number_token(t) for t in counted.subtree if t.i < counted.i):
            continue
        repeats = _repeats_a_sum(counted)
        for joined in counted.children:
            agent, figure = _agent_and_figure(joined, counted, ids, repeats=repeats)
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


def _agent_and_figure(
    joined: Token, counted: Token, ids: set[int], *, repeats: bool
) -> tuple[Token, list[Token]]:
    """The second agent and its figure: "Ostrenia 250 million"; or, where the second figure
    repeats a sum's unit ("Kestel Dairy 1.5 million euros"), the name and the figure however
    the parser hung them (the figure beside the first, or the conjunct with the name on it)."""
    numbers = [c for c in joined.children if c.dep_ == "nummod" and c.i > joined.i]
    numbers = [c for c in numbers if c.i in ids]
    if joined.pos_ == "PROPN" and numbers:
        return joined, [t for t in numbers[0].subtree if t.i in ids]
    if not repeats:
        return joined, []
    if joined.pos_ == "NOUN":
        names = [c for c in joined.children if c.dep_ in ("nmod", "compound") and c.i < joined.i]
        names = [c for c in names if c.pos_ == "PROPN"]
        if not names or joined.lemma_ != counted.lemma_ or _compared(joined):
            return joined, []
        named = {t.i for t in names[0].subtree}
        figure = [t for t in joined.subtree if t.i in ids and t.i not in named and t.i <= joined.i]
        return (names[0], figure) if figure and is_number_token(figure[0]) else (joined, [])
    doc, after = joined.doc, joined.right_edge.i + 1
    if after not in ids or not is_number_token(doc[after]):
        return joined, []
    phrase = doc[after]
    while phrase.head.i in ids and phrase.head.i != phrase.i and phrase.head.left_edge.i == after:
        phrase = phrase.head
    if phrase.lemma_ != counted.lemma_ or _compared(phrase):
        return joined, []
    return joined, [t for t in phrase.subtree if t.i in ids and t.i <= phrase.i]


def _repeats_a_sum(counted: Token) -> bool:
    """True for a sum the second agent's figure may repeat in full ("fined 4.2 million euros
    and Kestel Dairy 1.5 million euros"): money or a percentage, not "percent of the vote",
    and not the sum a verb gives someone ("fined Brenna Foods 4.2 million euros and ...")."""
    verb = counted.head
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i != counted.i]
    # "fined [Brenna Foods] 4.2 million euros": the parser may hang the one fined on the sum
    named = [c for c in counted.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"]
    given = bool(objects) or any(c.i < counted.i for c in named)
    limited = any(c.dep_ == "prep" for c in counted.children)
    a_sum = unit_after([counted], 0)[0] is not None  # a currency or percent word
    return a_sum and not given and not limited


def _compared(noun: Token) -> bool:
    """True for a figure told as a difference ("1.5 million euros more")."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return following is not None and following.lower_ in (
        "more",
        "less",
        "fewer",
        "higher",
        "lower",
    )


def _noun_after(number: Token) -> bool:
    following = number.doc[number.i + 1]
    return following.pos_ == "NOUN" and following.head.i == number.i


def _verb_words(head: Token) -> list[Token]:
    """The verb with its auxiliaries ("was awarded")."""
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i]
    return [*auxiliaries, head]
