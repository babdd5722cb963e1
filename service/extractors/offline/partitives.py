"""Breakdowns fronted by a total: "Of the 11 people who died, nine were aged over 70 and two
were between 55 and 64" (or by a group without its count: "Among the victims, 12 were ...").
Each part is a claim that names its share of the total ("Nine of the people who died were
aged over 70"); the total is a claim when a clause tells it ("11 people died"). The parser
reads these sentences poorly, so the parts are found by their shape."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.segmentation import Proposition, trim
from service.extractors.offline.tokens import strip_edges

_DETERMINERS = frozenset({"the", "those", "these"})


def split_partitive(content: list[Token]) -> list[Proposition]:
    """The claims of a breakdown fronted by "Of the N ...,", or [] for other content."""
    if len(content) < 6 or content[0].lower_ not in ("of", "among"):
        return []
    comma = next((k for k, t in enumerate(content) if t.text == ","), None)
    if comma is None or comma < 3:
        return []
    phrase, rest = content[1:comma], strip_edges(content[comma + 1 :])
    counted = [k for k, t in enumerate(phrase) if is_number_token(t)]
    if phrase[0].lower_ not in _DETERMINERS or counted not in ([1], []) or not rest:
        return []
    if not is_number_token(rest[0]):
        return []  # "Of the 11 injured, most were ...": no count of its own
    described = phrase[1 + len(counted) :]  # "people who died"
    parts = _parts(rest)
    if not counted and len(parts) < 2:
        return []  # "Of the confirmed cases, 1,310 were adults": one share, told as it is
    verb = next((t for t in parts[0] if t.pos_ in ("AUX", "VERB")), None)
    if verb is None:
        return []
    claims = [_total(phrase)] if any(t.dep_ == "relcl" for t in described) else []
    share = " ".join(t.text for t in described)
    for part in parts:
        text = f"{part[0].text} of the {share}"
        if not any(t.pos_ in ("AUX", "VERB") for t in part[1:]):
            text += f" {verb.text}"  # "and 47 in intensive care": the verb is shared
        head = next((t for t in part if t.pos_ in ("AUX", "VERB")), part[0])
        claims.append(
            Proposition(tokens=trim(part), head=head, evidence=part, replacements={part[0].i: text})
        )
    return claims


def _parts(rest: list[Token]) -> list[list[Token]]:
    """ "nine were aged over 70 and two were between 55 and 64" -> its two parts: a new part
    starts at "and"/"," before a count (not inside "between 55 and 64")."""
    parts: list[list[Token]] = [[]]
    for position, token in enumerate(rest):
        following = rest[position + 1] if position + 1 < len(rest) else None
        counted = following is not None and is_number_token(following)
        ranged = any(t.lower_ in ("between", "from") for t in parts[-1][-3:])
        if token.lower_ in ("and", ",") and counted and not ranged:
            parts.append([])
            continue
        parts[-1].append(token)
    return [part for part in map(strip_edges, parts) if part]


def _total(phrase: list[Token]) -> Proposition:
    """ "the 11 people who died" as the claim "11 people died"."""
    relative = next(t for t in phrase if t.dep_ == "relcl")
    pronoun = [t for t in relative.children if t.dep_ in ("nsubj", "nsubjpass")]
    tokens = [t for t in phrase[1:] if not (pronoun and t.i == pronoun[0].i)]
    return Proposition(tokens=tokens, head=relative, evidence=phrase)
