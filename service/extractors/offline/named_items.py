"""Named items that leave out the verb and the counted noun: "The Unity Party won 365 seats,
Labour 203 and the Liberal Democrats 11" is one claim per party."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.segmentation import Proposition, trim
from service.extractors.offline.tokens import join_tokens

_JOINERS = frozenset({",", "and", "or"})
_PERCENT = frozenset({"%", "percent", "per cent"})


def split_named_items(proposition: Proposition) -> list[Proposition]:
    """One proposition per named item after a counted object, or the proposition itself."""
    tokens, head = proposition.tokens, proposition.head
    positions = {t.i: k for k, t in enumerate(tokens)}
    if head.i not in positions or head.pos_ not in ("VERB", "AUX"):
        return [proposition]
    first = next(
        (k for k in range(positions[head.i] + 1, len(tokens)) if is_number_token(tokens[k])), None
    )
    if first is None:
        return [proposition]
    shares = _with_shares(proposition, positions[head.i])
    if shares:
        return shares
    comma = next(
        (k for k in range(first + 1, len(tokens)) if tokens[k].lower_ in (",", "and")), None
    )
    if comma is None or comma == first + 1:
        return [proposition]
    chunks = _chunks(tokens[comma:])
    if not chunks or not all(map(_named_count, chunks)):
        return [proposition]
    verb = join_tokens(tokens[positions[head.i] : first])
    counted = tokens[first + 1 : comma]
    split = [
        Proposition(
            tokens=trim(tokens[:comma]),
            head=head,
            evidence=trim(tokens[:comma]),
            prefix=proposition.prefix,
            replacements=proposition.replacements,
        )
    ]
    for chunk in chunks:
        number = next(t for t in chunk if is_number_token(t))
        replacements = {number.i: f"{verb} {number.text}"}
        if chunk[-1].lower_ in _PERCENT and counted and counted[0].lower_ in _PERCENT:
            rest = join_tokens(counted[1:])
            replacements[chunk[-1].i] = f"{chunk[-1].text} {rest}".rstrip()
        else:
            noun = join_tokens(counted)
            if number.lower_ in ("one", "1") and counted and counted[-1].tag_ == "NNS":
                noun = join_tokens([*counted[:-1]]) + " " + counted[-1].lemma_  # one seat
                noun = noun.strip()
            replacements[number.i] += f" {noun}"
        from_number = chunk[chunk.index(number) :]  # "Labour 203" reads as a designation
        split.append(
            Proposition(
                tokens=chunk,
                head=head,
                evidence=chunk,
                replacements=replacements,
                numbered_tokens=from_number,
                nominal=True,
            )
        )
    return split


def _with_shares(proposition: Proposition, verb_at: int) -> list[Proposition]:
    """ "A poll found Okafor with 46 percent, Harwell with 29 percent and Pardo with 11
    percent": one claim per name with its share, each keeping the words before the list."""
    tokens = proposition.tokens
    start = next((k for k in range(verb_at + 1, len(tokens)) if tokens[k].pos_ == "PROPN"), None)
    if start is None or not any(t.lower_ == "with" for t in tokens[start:]):
        return []
    chunks = _chunks(tokens[start:])
    if len(chunks) < 2 or not all(map(_share, chunks)):
        return []
    lead = tokens[:start]
    return [
        Proposition(
            tokens=[*lead, *chunk],
            head=proposition.head,
            evidence=chunk,
            prefix=proposition.prefix,
            replacements=proposition.replacements,
            numbered_tokens=chunk,
        )
        for chunk in chunks
    ]


def _share(chunk: list[Token]) -> bool:
    """ "Harwell with 29 percent": a name, "with", and one number (with its unit)."""
    split = next((k for k, t in enumerate(chunk) if t.lower_ == "with"), None)
    if split is None or split == 0:
        return False
    name, share = chunk[:split], chunk[split + 1 :]
    proper = all(t.pos_ == "PROPN" or _inside_name(t) for t in name)
    numbers = [t for t in share if is_number_token(t)]
    return proper and len(numbers) == 1 and share[0] is numbers[0]


def _chunks(tokens: list[Token]) -> list[list[Token]]:
    """The items after the first one, cut at commas and conjunctions."""
    chunks: list[list[Token]] = [[]]
    for token in tokens:
        if token.lower_ in _JOINERS:
            chunks.append([])
        elif not (token.is_punct and token.text != "%") or _inside_name(token):
            chunks[-1].append(token)
    return [chunk for chunk in chunks if chunk]


def _named_count(chunk: list[Token]) -> bool:
    """ "Labour 203", "the Liberal Democrats 11", "Pelt 27 percent": a name and a number."""
    words = chunk[1:] if chunk[0].lower_ == "the" else chunk
    numbers = [k for k, t in enumerate(words) if is_number_token(t)]
    if len(numbers) != 1 or numbers[0] == 0:
        return False
    name, after = words[: numbers[0]], words[numbers[0] + 1 :]
    proper = all((t.pos_ == "PROPN" and t.text[:1].isupper()) or _inside_name(t) for t in name)
    return proper and all(t.lower_ in _PERCENT for t in after)


def _inside_name(token: Token) -> bool:
    """The hyphen of "Okonkwo-Dahl" or the apostrophe of "the Farmers' League"."""
    if token.text in ("'", "’"):
        return token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN"
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not token.nbor(-1).whitespace_
    )
