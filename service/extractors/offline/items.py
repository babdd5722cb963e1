"""Items: parallel numbered list items and number-carrying side phrases as propositions."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.segmentation import Proposition, trim
from service.extractors.offline.tokens import word_set

_LIST_CONJUNCTIONS = frozenset({"and", "or"})
_RANGE_OPENERS = frozenset({"between", "from"})
# Approximators that may stand before a list item's number ("at least 42 people").
ITEM_OPENERS = word_set(
    "at least more than over around about approximately some nearly almost up to under"
)


def _item_start(tokens: list[Token], position: int) -> int | None:
    """Where a list item starting with a number at `position` begins (with approximators)."""
    if not is_number_token(tokens[position]):
        return None
    if position > 0 and is_number_token(tokens[position - 1]):
        return None
    start = position
    while start > 0 and tokens[start - 1].lower_ in ITEM_OPENERS:
        start -= 1
    if start > 0 and tokens[start - 1].text == "$":
        start -= 1
    return start


def _item_end(tokens: list[Token], position: int, start: int) -> int:
    """Where the list item whose number is at `position` ends (a comma or conjunction)."""
    in_range = start > 0 and tokens[start - 1].lower_ in _RANGE_OPENERS
    end = position + 1
    while end < len(tokens):
        token = tokens[end]
        if token.lower_ in _RANGE_OPENERS:
            in_range = True
        elif in_range and token.lower_ in _LIST_CONJUNCTIONS | {"to"}:
            in_range = False
        elif token.text in (",", ";") or token.lower_ in _LIST_CONJUNCTIONS | {"including"}:
            break
        end += 1
    return end


def _separated(tokens: list[Token], previous_end: int, start: int) -> bool:
    """True when only commas and conjunctions stand between two items."""
    gap = tokens[previous_end:start]
    joiners = _LIST_CONJUNCTIONS | {"including"}
    return bool(gap) and all(t.text == "," or t.lower_ in joiners for t in gap)


def _change_of_previous(tokens: list[Token], start: int, position: int) -> bool:
    """ "up 9", "down 1.3 points", "a gain of 47": an item that only says how the one before
    it changed."""
    opening = [t.lower_ for t in tokens[start:position]]
    if opening[:1] in (["up"], ["down"]) and opening[1:2] != ["to"]:
        return True
    before = [t.lower_ for t in tokens[max(start - 2, 0) : start]]
    return before in (["gain", "of"], ["loss", "of"], ["increase", "of"], ["drop", "of"])


def _restates_previous(tokens: list[Token], start: int) -> bool:
    """ "$118 million, or 41 cents a share": ", or" before a number gives the same amount
    in other terms, not another item; "five or six" is one range."""
    if start < 2 or tokens[start - 1].lower_ != "or":
        return False
    return tokens[start - 2].text == "," or is_number_token(tokens[start - 2])


_PERIOD_OPENERS = frozenset({"past", "last", "next", "previous", "coming", "first", "following"})


def _list_items(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) positions of parallel numbered items: "5 cases, 2 hospitalized, 1 death"."""
    items: list[tuple[int, int]] = []
    position = 0
    while position < len(tokens):
        start = _item_start(tokens, position)
        if start is None or (items and start < items[-1][1]):
            position += 1
            continue
        if start > 0 and tokens[start - 1].lower_ in _PERIOD_OPENERS:
            position += 1  # "In the past 24 hours, 312 new cases": a period, no item
            continue
        if items and not _separated(tokens, items[-1][1], start):
            if len(items) >= 2:
                return items
            items = []
        end = _item_end(tokens, position, start)
        if items and (
            _change_of_previous(tokens, start, position) or _restates_previous(tokens, start)
        ):
            items[-1] = (items[-1][0], end)  # "won 44 seats, up 9": part of the item before
            position = end
            continue
        items.append((start, end))
        position = end
    return items if len(items) >= 2 else []


def split_list_items(proposition: Proposition) -> list[Proposition]:
    """One proposition per item of a parallel numbered list, each keeping the shared words."""
    tokens = proposition.tokens
    items = _with_changed_count(
        _subject_items(_list_items(tokens), tokens, proposition.head), tokens
    )
    if not items or _one_duration(tokens, items):
        return [proposition]
    if items[0][0] > 0 and tokens[items[0][0] - 1].lower_ in ("aged", "ages"):
        return [proposition]  # "two teenagers, aged 15 and 17": the ages of one group
    first, last_end = items[0][0], items[-1][1]
    gapped = _gapped_items(proposition, tokens, items)
    if gapped:
        return gapped
    breakdown = _breakdown(proposition, tokens, items)
    if breakdown:
        return breakdown
    prefix, suffix = tokens[:first], tokens[last_end:]
    suffixes = _paired_baselines(suffix, len(items)) or [suffix] * len(items)
    split = []
    for (start, end), own_suffix in zip(items, suffixes, strict=True):
        own = tokens[start:end]
        split.append(
            Proposition(
                tokens=prefix + own + trim(own_suffix) if own_suffix else prefix + own,
                head=proposition.head,
                evidence=proposition.evidence,
                prefix=proposition.prefix,
                replacements=proposition.replacements,
                numbered_tokens=tokens,
                nominal=proposition.nominal,
                link=proposition.link,
            )
        )
    return split


_COMPARING = (("compared", "with"), ("compared", "to"), ("up", "from"), ("down", "from"))


def _paired_baselines(suffix: list[Token], count: int) -> list[list[Token]]:
    """ "8,950 cases and 146 deaths, compared with 2,100 cases and 31 deaths in 2021": each
    item keeps only its own figure of an equally long compared list."""
    opener = next(
        (
            k + 2
            for k in range(len(suffix) - 1)
            if (suffix[k].lower_, suffix[k + 1].lower_) in _COMPARING
        ),
        None,
    )
    if opener is None:
        return []
    compared = _list_items(suffix[opener:])
    if len(compared) != count:
        return []
    compared[-1] = (compared[-1][0], _counted_end(suffix[opener:], compared[-1]))
    shared_end = opener + compared[-1][1]
    return [
        suffix[:opener] + suffix[opener + start : opener + end] + suffix[shared_end:]
        for start, end in compared
    ]


def _counted_end(tokens: list[Token], item: tuple[int, int]) -> int:
    """Where an item ends at its counted noun: what follows ("in 2021") is shared by all."""
    start, end = item
    stop = _counted_noun_at(tokens, start, end)
    return stop + 1 if stop is not None and start <= stop < end else end


def _counted_noun_at(tokens: list[Token], start: int, end: int) -> int | None:
    """The position among `tokens` of what the item's first number counts (or the number)."""
    number = next(t for t in tokens[start:end] if is_number_token(t))
    noun = number.head if number.dep_ == "nummod" else number
    return next((k for k, t in enumerate(tokens) if t.i == noun.i), None)


def _with_changed_count(items: list[tuple[int, int]], tokens: list[Token]) -> list[tuple[int, int]]:
    """ "won 44 seats, down 12 from 2019, and 27 percent": a change told after a count belongs
    to that count's item, which starts at the count."""
    if not items:
        return items
    start, end = items[0]
    if start < 2 or tokens[start - 1].lower_ not in ("up", "down"):
        return items
    counts = [k for k in range(start - 1) if is_number_token(tokens[k])]
    return [(counts[-1], end), *items[1:]] if counts else items


def _breakdown(
    proposition: Proposition, tokens: list[Token], items: list[tuple[int, int]]
) -> list[Proposition]:
    """ "At least 63 people were injured, 11 of them seriously": the total, and the part
    told with the predicate it leaves out ("11 of the people were seriously injured")."""
    head = proposition.head
    if len(items) != 2 or head.tag_ != "VBN":
        return []
    (first_start, first_end), (start, end) = items
    own = tokens[start:end]
    words = [t.lower_ for t in own]
    if len(own) != 4 or words[1:3] not in (["of", "them"], ["of", "those"]) or own[3].pos_ != "ADV":
        return []
    counted = next((t.head for t in tokens[first_start:first_end] if t.dep_ == "nummod"), None)
    noun = counted.text if counted is not None and counted.pos_ == "NOUN" else head.text
    aux = next((c.text for c in head.children if c.dep_ in ("auxpass", "aux")), "were")
    commas = [t.i for t in tokens[start - 1 : end + 1] if t.text == ","]
    dropped = {t.i for t in own} | set(commas)  # the item and the commas setting it off
    rest = trim([t for t in tokens if t.i not in dropped])
    total = Proposition(
        tokens=rest,
        head=head,
        evidence=rest,
        prefix=proposition.prefix,
        replacements=proposition.replacements,
    )
    part = Proposition(
        tokens=own,
        head=own[0],
        evidence=own,
        replacements={own[2].i: f"the {noun}", own[3].i: f"{aux} {own[3].text} {head.text}"},
        nominal=True,
    )
    return [total, part]


_TIME_UNITS = ("year", "month", "week", "day", "hour", "minute", "second")  # longest first


def _one_duration(tokens: list[Token], items: list[tuple[int, int]]) -> bool:
    """ "2 hours and 10 minutes", "four years and three months": one span of time."""
    sizes = []
    for start, end in items:
        lemmas = [t.lemma_.lower() for t in tokens[start:end]]
        found = [_TIME_UNITS.index(word) for word in lemmas if word in _TIME_UNITS]
        if not found:
            return False
        sizes.append(found[0])
    return all(later > earlier for earlier, later in pairwise(sizes))


def _subject_items(
    items: list[tuple[int, int]], tokens: list[Token], head: Token
) -> list[tuple[int, int]]:
    """ "Two soldiers and three civilians were killed": when the items come before the
    predicate, the last one ends with its noun and the predicate is shared by all."""
    if not items:
        return items
    start, end = items[-1]
    positions = {t.i: k for k, t in enumerate(tokens)}
    if head.i not in positions or not start < positions[head.i] < end:
        return items
    stop = _counted_noun_at(tokens, start, end)
    if stop is None or stop >= positions[head.i]:
        return items
    return [*items[:-1], (start, stop + 1)]


def _gapped_items(
    proposition: Proposition, tokens: list[Token], items: list[tuple[int, int]]
) -> list[Proposition]:
    """ "Eighteen people died in Marsh County, four in Vell County": the first item holds
    the predicate, the later ones leave it out ("four [people died] in Vell County")."""
    first_start, first_end = items[0]
    first, opening = tokens[first_start:first_end], tokens[:first_start]  # "On Sunday,"
    if proposition.head not in first:
        return []
    split = [
        Proposition(
            tokens=trim(opening + first),
            head=proposition.head,
            evidence=trim(opening + first),
            prefix=proposition.prefix,
            replacements=proposition.replacements,
            nominal=proposition.nominal,
        )
    ]
    shared_from = _number_end(first)
    for start, end in items[1:]:
        own = tokens[start:end]
        number_end = _number_end(own)
        if number_end == 0 or number_end >= len(own) or any(t.pos_ == "VERB" for t in own):
            return []
        resumed = own[number_end].lower_  # the word where the item picks up: "in"
        cut = next((k for k in range(shared_from, len(first)) if first[k].lower_ == resumed), None)
        if cut is None or cut == shared_from:
            return []
        shared = " ".join(t.text for t in first[shared_from:cut])
        number = own[number_end - 1]
        split.append(
            Proposition(
                tokens=opening + own,
                head=proposition.head,
                evidence=own,
                replacements={number.i: f"{number.text} {shared}"},
                nominal=True,  # the predicate is borrowed; the item itself has no verb
            )
        )
    return split


def _number_end(tokens: list[Token]) -> int:
    """Where the leading number of an item ("more than 1,400", "four") ends."""
    position = 0
    while position < len(tokens) and tokens[position].lower_ in ITEM_OPENERS:
        position += 1
    while position < len(tokens) and is_number_token(tokens[position]):
        position += 1
    return position


_FRONTED_PREPOSITIONS = frozenset({"following", "after", "before"})


def split_fronted_phrase(proposition: Proposition) -> list[Proposition]:
    """Split a fronted "following/after X" phrase that carries its own number."""
    head = proposition.head
    ids = {t.i for t in proposition.tokens}
    for child in head.children:
        if child.lower_ not in _FRONTED_PREPOSITIONS or child.i not in ids:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        subject = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
        if not objects or not subject or child.i > subject[0].i:
            continue
        phrase = [t for t in objects[0].subtree if t.i in ids]
        phrase_ids = {t.i for t in phrase} | {child.i}
        rest = [t for t in proposition.tokens if t.i not in phrase_ids]
        if any(map(is_number_token, phrase)) and any(map(is_number_token, rest)):
            return [
                Proposition(tokens=trim(phrase), head=objects[0], evidence=phrase, nominal=True),
                Proposition(
                    tokens=trim(rest),
                    head=head,
                    evidence=proposition.evidence,
                    prefix=proposition.prefix,
                    replacements=proposition.replacements,
                ),
            ]
    return [proposition]
