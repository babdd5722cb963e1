"""Segmentation: sentences into propositions (clauses, parallel numeric list items)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from service.extractors.offline.clause_shapes import (
    SUBJECT_DEPS,
    has_subject,
    is_finite,
    second_content_clause,
)
from service.extractors.offline.fieldwork import surveyed
from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.relative_clauses import (
    RELATIVE_ADVERBS,
    RELATIVE_SUBJECTS,
    names_a_time,
    non_restrictive,
    relative_word,
    resolve_relative,
    told_by_the_cited,
)
from service.extractors.offline.tokens import MONTH_NAMES, strip_edges

# Subordinators whose clause is a separate, contrasting proposition ("X rose, while Y fell").
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
_MIN_TOKENS = 3


@dataclass
class Proposition:
    """One checkable proposition: its tokens, main predicate and evidence tokens."""

    tokens: list[Token]
    head: Token
    evidence: list[Token]
    prefix: list[Token] = field(default_factory=list)  # an elided subject, said elsewhere
    link: str = ""  # a verb joining prefix and tokens ("the fleet" + "has" + "40 ships")
    replacements: dict[int, str] = field(default_factory=dict)  # token index -> text
    numbered_tokens: list[Token] | None = None  # for list items: the tokens quantities come from
    nominal: bool = False  # a noun phrase standing for an event ("an initial shipment of ...")


def segments(sentence: Span) -> list[list[Token]]:
    """The sentence's tokens split at semicolons (each part is parsed on its own terms); a
    part with no verb is a list item ("named them as Ana Vik, 75; Tor Berg, 58; and ..."),
    which stays with the part before it."""
    parts: list[list[Token]] = [[]]
    for token in sentence:
        if token.text == ";":
            parts.append([])
        else:
            parts[-1].append(token)
    joined: list[list[Token]] = []
    for part in (part for part in parts if part):
        verbless = not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "compound" for t in part)
        if joined and verbless:
            joined[-1] = [
                *joined[-1],
                *(t for t in part[0].doc[joined[-1][-1].i + 1 : part[-1].i + 1]),
            ]
        else:
            joined.append(part)
    return joined


def long_enough(tokens: list[Token]) -> bool:
    """Three words or more, or two that make a clause ("prices rose", "Vik resigned")."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words) >= _MIN_TOKENS:
        return True
    return (
        len(words) == 2
        and words[0].dep_ in ("nsubj", "nsubjpass")
        and words[0].pos_ in ("NOUN", "PROPN")
        and words[1].pos_ == "VERB"
    )


def is_verbal(token: Token) -> bool:
    """True when a token heads a clause: a verb, or a predicate with its own subject."""
    return token.pos_ in ("VERB", "AUX") or any(
        child.dep_ in SUBJECT_DEPS or child.dep_ in ("cop", "auxpass") for child in token.children
    )


def _is_split_point(token: Token, ids: set[int], heads: set[int]) -> bool:
    if token.head.i not in ids or token.head.i == token.i:
        return False
    dep = token.dep_
    if dep == "conj":
        if _cited_content(token) or _shared_object(token):
            return False
        finite = is_finite(token) or (_shares_tense(token) and _dated(token))
        return token.head.i in heads and is_verbal(token) and finite
    if dep == "pcomp" and token.head.lower_ == "with":
        return has_subject(token) and token.pos_ == "VERB"  # "with X anticipating P"
    if dep == "relcl":
        relative = relative_word(token)
        if relative is None:
            return False
        if token.lemma_ == "be":  # "Ana Vik, who was mayor from 2012 to 2017,": a dated fact
            return non_restrictive(token) and (_counted(token) or _dated_person(token))
        if relative.lower_ == "when" and not names_a_time(token.head):
            return False  # "37 were injured, nine of them seriously, when the train struck"
        # "a summit where the leaders signed a deal": an event of its own, comma or not
        own_event = relative.lower_ in RELATIVE_ADVERBS and token.tag_ == "VBD"
        if own_event and has_subject(token):
            return True
        return non_restrictive(token) and _tells_its_own(token)
    if dep in ("acl", "advcl") and _dated_participle(token):
        return True
    if dep == "advcl":
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        # "said the toll had risen to 31, that 45 had been rescued": a second content clause
        return (bool(marks & CONTRAST_MARKS) or second_content_clause(token)) and has_subject(token)
    if dep == "parataxis":
        return has_subject(token) and is_verbal(token)
    return False


def _dated_person(clause: Token) -> bool:
    """ "Ana Vik, who was mayor from 2012 to 2017,": a clause about one named person with a
    year or month of its own (not "Berg and Vik, who were", not "who was the daily's sports
    editor")."""
    person = clause.head
    named = person.ent_type_ == "PERSON" and person.dep_ != "conj"
    named = named and not any(c.dep_ == "conj" for c in person.children)
    dated = any(
        t.ent_type_ == "DATE" and (any(ch.isdigit() for ch in t.text) or t.lower_ in MONTH_NAMES)
        for t in clause.subtree
    )
    return named and dated and own_date(clause)


def _tells_its_own(clause: Token) -> bool:
    """True for a relative clause with a number, a date or an event of its own ("who won
    two medals", "who are awaiting briefings"), not one that only describes in the simple
    present ("which strips out food and energy", "which lies along the Ring of Fire")."""
    if any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in clause.subtree):
        return True
    auxiliaries = any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    return auxiliaries or clause.tag_ not in ("VBZ", "VBP")


def _shared_object(verb: Token) -> bool:
    """ "killed or wounded 40 soldiers": two verbs right next to each other share the object
    written after the second."""
    first = verb.head
    joiner = verb.doc[verb.i - 1] if verb.i else None
    adjacent = first.i == verb.i - 2 and joiner is not None and joiner.dep_ == "cc"
    own = any(
        c.dep_ in ("dobj", "attr", "prep", "ccomp", "xcomp") and c.i < verb.i
        for c in first.children
    )
    return adjacent and not own and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _cited_content(token: Token) -> bool:
    """ "reported, citing police, that 14 were missing": the parser joins the reported clause
    to "citing"; it is the report's content, not a second clause."""
    head = token.head
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
    return head.lemma_ == "cite" and head.tag_ == "VBG" and marked


def _shares_tense(verb: Token) -> bool:
    """ "was built in 2004 and last inspected in March", "won ... and retired in 2018": a
    participle with no auxiliary of its own, coordinated with a past or passive verb."""
    if not _bare_participle(verb):
        return False
    head = verb.head
    return head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") for c in head.children)


def _dated(verb: Token) -> bool:
    """True when a clause carries a date or number of its own."""
    return own_date(verb) or _counted(verb)


def own_date(clause: Token) -> bool:
    """True when a date belongs to the clause itself, not to a noun it describes."""
    for token in clause.subtree:
        if token.ent_type_ != "DATE":
            continue
        path, node = [], token
        while node.i != clause.i and node.head.i != node.i:
            path.append(node.dep_)
            node = node.head
        if not {"acl", "relcl", "dobj"} & set(path):  # not "a record that was set in 2003"
            return True
    return False


def _shared_auxiliary(verb: Token) -> str:
    """The auxiliary a participle borrows from the verb it is joined to ("was")."""
    if not _bare_participle(verb):
        return ""
    return next((c.text for c in verb.head.children if c.dep_ in ("aux", "auxpass")), "")


def _bare_participle(verb: Token) -> bool:
    """A past participle without an auxiliary of its own."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _dated_participle(participle: Token) -> bool:
    """ "Menon, born in 1936, played ...", "Founded in 1890, the club ...", "The shelter,
    built to hold 400 people, ...": a past participle set off by commas that carries its own
    date (or, describing a noun, its own count), which the spec makes a claim of its own."""
    doc = participle.doc
    before, after = participle.left_edge.i - 1, participle.right_edge.i + 1
    opening = participle.dep_ == "advcl" and before < participle.sent.start
    set_off = opening or (before >= 0 and doc[before].text == ",")
    closed = after < len(doc) and doc[after].text == ","
    if participle.tag_ != "VBN" or not (set_off and closed):
        return False
    if any(child.dep_ in ("aux", "auxpass", "mark") for child in participle.children):
        return False
    dated = any(t.ent_type_ == "DATE" and t.like_num for t in participle.subtree)
    # a fronted count only qualifies the clause ("Adjusted for 2% inflation, wages fell")
    return dated or (participle.dep_ == "acl" and _counted(participle))


def _counted(clause: Token) -> bool:
    """True when a clause carries a number of its own ("which is 3 km wide")."""
    return any(map(is_number_token, clause.subtree))


def _separate_root(token: Token, ids: set[int]) -> bool:
    """A second clause the parser left unattached, set off by a comma or conjunction."""
    if not (is_verbal(token) and has_subject(token)):
        return False
    subtree = [t for t in token.subtree if t.i in ids]
    before = subtree[0].i - 1
    return before >= 0 and (
        token.doc[before].text in (",", ";") or token.doc[before].pos_ == "CCONJ"
    )


def subject_tokens(head: Token, ids: set[int]) -> list[Token]:
    """The subject phrase of a clause head (climbing to the coordinated head if elided)."""
    seen = 0
    while seen < 4:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return [
                    t
                    for t in child.subtree
                    if not any(a.dep_ in ("relcl", "acl", "appos") for a in _ancestors(t, child))
                    and not t.is_punct
                ]
        if head.head.i == head.i or head.head.i not in ids:
            break  # never borrow the subject of the clause that reports this one
        head, seen = head.head, seen + 1
    return []


def _ancestors(token: Token, stop: Token) -> list[Token]:
    chain = []
    while token.i != stop.i and token.head.i != token.i:
        chain.append(token)
        token = token.head
    return chain


def trim(tokens: list[Token]) -> list[Token]:
    """Drop edge punctuation, conjunctions and contrast marks, and a dangling "with"."""
    while True:
        trimmed = strip_edges(tokens, _LEADING_JOINERS)
        while trimmed and (trimmed[-1].dep_ == "cc" or trimmed[-1].lower_ == "with"):
            trimmed = trimmed[:-1]
        if trimmed == tokens:
            return trimmed
        tokens = trimmed


_LEADING_JOINERS = CONTRAST_MARKS | {"and", "but", "or"}


def split_clauses(content: list[Token]) -> list[Proposition]:
    """Split content into coordinated main clauses, contrast clauses and non-restrictive
    relative clauses; each becomes a proposition."""
    ids = {t.i for t in content}
    roots = [t for t in content if t.head.i not in ids or t.head.i == t.i]
    main = max(roots, key=lambda r: sum(1 for t in r.subtree if t.i in ids))
    heads = {main.i}
    for token in content:
        separate = token.i != main.i and token in roots
        # "No one was killed, [he said,] but four were treated": either root may come first
        earlier = token.i < main.i and _separate_root(main, ids) and is_verbal(token)
        if _is_split_point(token, ids, heads) or (
            separate and (_separate_root(token, ids) or (earlier and has_subject(token)))
        ):
            heads.add(token.i)
    groups: dict[int, list[Token]] = {head: [] for head in heads}
    for token in content:
        owner = token
        while owner.i not in heads and owner.head.i in ids and owner.head.i != owner.i:
            owner = owner.head
        owner_i = owner.i if owner.i in heads else main.i
        groups[_trailing_owner(token, owner_i, main, heads, ids)].append(token)
    doc = content[0].doc
    commas = {i for h in heads if h != main.i for i in _set_off_commas(doc[h])}
    groups = {h: [t for t in group if t.i not in commas] for h, group in groups.items()}
    propositions = []
    for head_index in sorted(groups, key=lambda i: groups[i][0].i if groups[i] else i):
        tokens = trim(groups[head_index])
        head = doc[head_index]
        counted = any(map(is_number_token, tokens)) and head.dep_ == "conj"
        # "won 26 Tests and lost 14", "ended her campaign and endorsed Okafor"
        acting = head.dep_ == "conj" and any(c.dep_ == "dobj" for c in head.children)
        if not (long_enough(tokens) or counted or (acting and head.pos_ == "VERB")):
            continue
        proposition = Proposition(tokens=tokens, head=head, evidence=tokens)
        told = told_by_the_cited(head) if head.i != main.i else None
        if told is not None:  # "P, according to X, which said Q": Q, told by X as P is
            content = trim([t for t in told.subtree if t.i in ids and t.dep_ != "mark"])
            proposition = Proposition(tokens=content, head=told, evidence=content)
        elif head.dep_ == "relcl" and head.i != main.i:
            resolve_relative(proposition)
        elif head.i != main.i and head.dep_ in ("acl", "advcl") and _dated_participle(head):
            _state_participle(proposition, ids)
        elif head.i != main.i and not has_subject(head) and head.dep_ == "conj":
            prefix = subject_tokens(head.head, ids)
            while prefix and prefix[0].lower_ in RELATIVE_SUBJECTS | {"that"}:
                prefix = prefix[1:]
            proposition.prefix = prefix
            auxiliary = _shared_auxiliary(head)
            if auxiliary and tokens:  # "... and last inspected in March": "was last inspected"
                proposition.replacements[tokens[0].i] = f"{auxiliary} {tokens[0].text}"
        propositions.append(proposition)
    return propositions


def _trailing_owner(token: Token, owner: int, main: Token, heads: set[int], ids: set[int]) -> int:
    """ "left port at 9:15 p.m. and sent a call about 40 minutes later": a time modifier the
    parser hung on the first verb (or outside the content) but written after a joined second
    verb belongs to that verb."""
    if owner != main.i:
        return owner
    top = token
    while top.head.i != main.i and top.head.i in ids and top.head.i != top.i:
        top = top.head
    attached = top.head.i == main.i or top.head.i not in ids
    if not attached or top.dep_ not in ("npadvmod", "advmod") or top.i < main.i:
        return owner
    joined = [h for h in heads if h != main.i and main.i < h < top.left_edge.i]
    joined = [h for h in joined if main.doc[h].dep_ == "conj" and main.doc[h].head.i == main.i]
    return max(joined) if joined else owner


def _set_off_commas(head: Token) -> set[int]:
    """The commas that set off a relative clause or participle split into its own claim."""
    relative = head.dep_ == "relcl" and non_restrictive(head)
    participle = head.dep_ in ("acl", "advcl") and _dated_participle(head)
    if not (relative or participle):
        return set()
    doc = head.doc
    opening, closing = head.left_edge.i - 1, head.right_edge.i + 1
    edges = {opening, closing}
    if relative and not _in_subject(head.head):
        edges = {opening}  # "Unlike G20, which ..., G7 meetings": the phrase keeps its comma
    return {i for i in edges if 0 <= i < len(doc) and doc[i].text == ","}


def _in_subject(noun: Token) -> bool:
    """True for a noun that is, or sits inside, its clause's subject."""
    for _ in range(4):
        if noun.dep_ in ("nsubj", "nsubjpass"):
            return True
        if noun.dep_ == "ROOT" and any(c.dep_ == "acl" and c.i > noun.i for c in noun.children):
            return True  # "The centre, which has 200 shops, reopened": parsed as a noun root
        if noun.head.i == noun.i or noun.dep_ not in ("compound", "appos", "pobj", "prep", "conj"):
            return False
        noun = noun.head
    return False


def _state_participle(proposition: Proposition, ids: set[int]) -> None:
    """ "born in 1936" -> "Menon was born in 1936": the participle told of the noun it
    describes, or of the subject of the clause it opens."""
    head = proposition.head
    noun: Token | None = head.head
    if head.dep_ == "acl":
        survey = surveyed(head)  # "a poll of 800 voters, taken ...": the poll was taken
        last = head.head.i if survey is None else head.left_edge.i - 1
        noun = survey or head.head
        prefix = [t for t in noun.subtree if t.i <= last and not t.is_punct]
    else:
        prefix = subject_tokens(head.head, ids)
        noun = next((t for t in prefix if t.dep_ in ("nsubj", "nsubjpass")), None)
    if not prefix or noun is None:
        return
    plural = noun.tag_ in ("NNS", "NNPS")
    proposition.prefix = prefix
    proposition.replacements[head.i] = ("were " if plural else "was ") + head.text.lower()
