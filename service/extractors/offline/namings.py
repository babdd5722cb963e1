"""Judgements told as naming: "Lee called the damage 'heartbreaking'", "the mayor described the
storm as the worst in decades". The judgement is the namer's claim that the thing is what it
was called (spec: "what he named the international crisis" is an assessment by the namer).
Blame ("blamed the defeat on turnout") and a described scene ("witnesses described a crowd
surging forward") are the judge's claims too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from lemminflect import getInflection
from spacy.tokens import Token

from service.extractors.offline.frames import NAMING_VERBS, Frame
from service.extractors.offline.references import References
from service.extractors.offline.report_phrases import channel
from service.extractors.offline.segmentation import Proposition, trim
from service.extractors.offline.sources import source_of


def naming_claim(tokens: list[Token], refs: References) -> tuple[Proposition, Frame] | None:
    """The judgement of a naming clause as a proposition with the namer's frame, or None."""
    ids = {t.i for t in tokens}
    verb = next((t for t in tokens if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in JUDGING_VERBS:
        return None
    if any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children):
        return None  # "called the release 'an insult' and demanded ...": each clause its own
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in ids), None)
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i in ids), None)
    if subject is None or thing is None or subject.lower_ in ("it", "we", "i", "they"):
        return None
    proposition = _judgement(verb, thing, tokens)
    if proposition is None:
        return None
    named = source_of(list(subject.subtree), refs)
    if named is None:
        return None
    relay = channel(verb)  # "called the vote 'a dark day' in an interview with Radio X"
    source = named[0].model_copy(update={"via": relay}) if relay else named[0]
    frame = Frame(source=source, content=proposition.tokens, verb=verb, head_lemma=named[1])
    return proposition, frame


def with_namings(
    pairs: Sequence[tuple[Proposition, Frame | None]], refs: References
) -> list[tuple[Proposition, Frame | None]]:
    """Every unattributed proposition that names something, told as the namer's judgement."""
    return [
        pair
        for proposition, frame in pairs
        for pair in ((frame is None and namings_of(proposition, refs)) or [(proposition, frame)])
    ]


def namings_of(
    proposition: Proposition, refs: References
) -> list[tuple[Proposition, Frame | None]] | None:
    """A clause whose verb names its object ("said P, and called it 'a gift'", "X, a lawyer,
    called the release 'an insult' and demanded ...") as the judgement with the namer's
    frame; a clause closing on a naming participle ("ruled out talks, calling the plan
    'reckless'") as itself and the judgement; or None."""
    naming = _naming_of(proposition, proposition.head, refs)
    if naming is not None:
        return [naming]
    tokens = proposition.tokens
    ids = {t.i for t in tokens}
    for participle in proposition.head.children:
        before = participle.left_edge.i - 1
        if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.i not in ids:
            continue
        if before < 0 or participle.doc[before].text != "," or before not in ids:
            continue
        if any(c.dep_ == "conj" for c in participle.children):
            continue  # "describing the evidence as thin, and freed the two men": the parse
            # joins the next act to the participle
        inside = {t.i for t in participle.subtree}
        phrase = [t for t in tokens if t.i in inside]
        rest = trim([t for t in tokens if t.i not in inside and t.i != before])
        part = Proposition(tokens=trim(phrase), head=participle, evidence=trim(phrase))
        naming = _naming_of(part, participle, refs)
        if naming is not None and rest:
            main = replace(proposition, tokens=rest, evidence=rest)
            return [(main, None), naming]
    return None


def _naming_of(
    proposition: Proposition, verb: Token, refs: References
) -> tuple[Proposition, Frame] | None:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    ids = {t.i for t in proposition.tokens}
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i in ids), None)
    namer = _namer(verb)
    if thing is None or namer is None or namer.lower_ in _NO_NAMERS:
        return None  # "which called it ...": a pronoun to resolve first
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return None  # "did not call the deficit a crisis": no judgement made
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and c.i in ids for c in verb.children):
        return None  # "describing the evidence as thin, and freed the two men": two acts
    if _name(verb, ids) is None:
        return None  # a described scene is told by its own clause
    judgement = _judgement(verb, thing, proposition.tokens)
    if judgement is None:
        return None
    named = source_of(list(namer.subtree), refs)
    if named is None:
        return None
    relay = channel(verb)
    source = named[0].model_copy(update={"via": relay}) if relay else named[0]
    return judgement, Frame(source=source, content=judgement.tokens, verb=verb, head_lemma=named[1])


# Subjects that name no namer until resolved ("which called ...", "they called ...").
_NO_NAMERS = frozenset({"it", "we", "i", "they", "you", "who", "which", "that"})


def _namer(verb: Token) -> Token | None:
    """The subject of a naming verb, its own or the one of the verb it is joined to; "said
    the plan could cost $2 million, and called it ...": the speaker, not the plan."""
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is not None:
        return own
    if verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        joined = verb.head
        if verb.dep_ == "conj" and joined.dep_ == "ccomp":
            joined = joined.head  # the parser joins the act to the reported clause
        return next((c for c in joined.children if c.dep_ == "nsubj"), None)
    return None


# "blamed the defeat on turnout": a cause the subject judges; "described a crowd surging
# forward": a scene the subject tells, not a name it gives.
JUDGING_VERBS = NAMING_VERBS | {"blame"}


def _judgement(verb: Token, thing: Token, tokens: list[Token]) -> Proposition | None:
    """What the subject judges: "the damage is heartbreaking" (a naming), "the defeat was
    due to turnout" (a blame), "a crowd surging forward" (a described scene), or None."""
    ids = {t.i for t in tokens}
    thing_words = [t for t in thing.subtree if t.i in ids]
    if verb.lemma_.lower() == "blame":
        # the last "on" after the thing that names no date: "blamed the losses on Monday on
        # weak demand", "blamed the attack on the embassy on a splinter group"
        causes = [
            c
            for c in (*verb.children, *thing.children)
            if c.dep_ == "prep" and c.lower_ == "on" and c.i in ids and c.i > thing.i
            if not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        ]
        if not causes:
            return None
        cause = max(causes, key=lambda c: c.i)
        dated = _dates(thing)
        thing_words = [t for t in thing_words if t.i < cause.i and t.i not in dated]
        cause_words = [t for t in cause.subtree if t.i in ids]
        if not thing_words or not cause_words:
            return None
        be = "were" if thing.tag_ in ("NNS", "NNPS") else "was"
        return Proposition(
            tokens=trim([*thing_words, *cause_words]),
            head=thing,
            evidence=trim([t for t in tokens if thing_words[0].i <= t.i <= cause_words[-1].i]),
            replacements={cause.i: f"{be} due to"},
            nominal=True,
        )
    name = _name(verb, ids)
    if name is None:
        acts = [t for t in thing_words if t.dep_ == "acl" and t.tag_ == "VBG"]
        if verb.lemma_.lower() != "describe" or not acts:
            return None
        # "witnesses described a wave of people pushing from the back": what they saw
        past = getInflection(acts[0].lemma_, tag="VBD")
        return Proposition(
            tokens=trim(thing_words),
            head=thing,
            evidence=trim(thing_words),
            replacements={acts[0].i: past[0]} if past else {},
            nominal=True,
        )
    name_words = [t for t in name.subtree if t.i in ids and not t.is_quote]
    before = name.left_edge.i - 1
    opened = any(t.is_quote and t.i < name.i for t in name.subtree)
    if opened or (before >= 0 and name.doc[before].is_quote):  # 'called him "a coward" on air'
        doc = name.doc
        closing = next((i for i in range(name.i + 1, len(doc)) if doc[i].is_quote), None)
        if closing is not None:  # the quotation whole, however the parser hung its words
            start = min(t.i for t in name_words)
            name_words = [doc[i] for i in range(start, closing) if i in ids and not doc[i].is_quote]
    # "called the spending hard to justify": the infinitive the parser hung on the verb
    infinitive = [c for c in verb.children if c.dep_ == "xcomp" and c.i > name.i and c.i in ids]
    if name.pos_ in ("ADJ", "ADV") and infinitive:
        name_words += [t for t in infinitive[0].subtree if t.i in ids and not t.is_quote]
    be = "are" if thing.tag_ in ("NNS", "NNPS") else "is"
    thing_words = [t for t in thing_words if t.i < name_words[0].i]
    if name.head.lower_ == "as" and name.head.head.i == thing.i:  # "pangolins as the ..."
        thing_words = [t for t in thing_words if t.i < name.head.i]
    return Proposition(
        tokens=trim([*thing_words, *name_words]),
        head=thing,
        evidence=trim([t for t in tokens if thing_words[0].i <= t.i <= name_words[-1].i]),
        replacements={name_words[0].i: f"{be} {name_words[0].text}"},
        nominal=True,  # the verb "is" comes from the replacement
    )


def _dates(thing: Token) -> set[int]:
    """The tokens of date phrases hanging on the blamed thing ("the losses on Monday")."""
    return {
        t.i
        for c in thing.children
        if c.dep_ == "prep" and any(w.ent_type_ in ("DATE", "TIME") for w in c.subtree)
        for t in c.subtree
    }


def _name(verb: Token, ids: set[int]) -> Token | None:
    """What the object was called: the second object ("called it a disgrace") or the object
    of "as" ("described it as a disgrace"), wherever the parser hung them."""
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    holders = [*verb.children, *(thing.children if thing is not None else [])]
    for child in holders:
        if child.i not in ids:
            continue
        if child.dep_ in ("oprd", "xcomp", "ccomp") and child.pos_ in ("NOUN", "ADJ", "PROPN"):
            return child
        if child.dep_ == "oprd" and child.pos_ == "ADV":
            return child  # "called the spending hard to justify": "hard" tagged an adverb
        if child.dep_ == "prep" and child.lower_ == "as":
            # "described the results as robust": the parser hangs an adjective as "amod"
            objects = [c for c in child.children if c.dep_ in ("pobj", "amod", "acomp")]
            if objects:
                return objects[0]
        edge = child.left_edge  # the parser may hang the opening quote on the name itself
        quoted = edge.is_quote or (edge.i > 0 and child.doc[edge.i - 1].is_quote)
        after = thing is not None and child.head.i == thing.i and child.i > thing.i
        if child.dep_ in ("appos", "amod") and after and quoted:
            return child  # 'called the release "an insult"', the quote read as a modifier
    return None
