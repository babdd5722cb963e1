"""Propositions that are no claims though they read like one: sympathy and thanks ("Our
thoughts are with the crew"), which the gold conventions leave out, and bridges to the
figures told next ("The ministry put the figure far lower")."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.tokens import word_set

# Set phrases of sympathy and thanks ("Caio leaves with our gratitude").
_COURTESIES = (
    "thoughts are with",
    "hearts go out",
    "prayers are with",
    "thoughts and prayers",
    "with our gratitude",
    "with my gratitude",
)
# "gave a very different account", "put the figure far lower", "took a kinder view"
_BRIDGING_VERBS = frozenset({"give", "put", "take", "paint"})
_TOLD_THINGS = word_set("figure account version view picture estimate toll count participation")
_COMPARISONS = frozenset({"different", "higher", "lower", "kinder", "dimmer", "rosier", "other"})


def no_claim(tokens: list[Token], head: Token) -> bool:
    """True for sympathy, thanks, or a bridge to figures told next, with no number."""
    if any(t.like_num for t in tokens):
        return False
    return _courtesy(tokens, head) or _figure_bridge(head)


def _courtesy(tokens: list[Token], head: Token) -> bool:
    """ "Our thoughts are with the crew", "offered her condolences", "The family thanked
    the police", "Caio leaves with our gratitude"; not a denied one ("did not send
    condolences"), nor thanks for an act told with it ("thanked Qatar for mediating ...")."""
    if any(c.dep_ == "neg" for c in head.children):
        return False
    text = " ".join(t.lower_ for t in tokens)
    if any(phrase in text for phrase in _COURTESIES):
        return True
    offered = head.lemma_.lower() in _OFFERING_VERBS
    if any(t.lemma_.lower() == "condolence" for t in tokens) and offered:
        return True
    if head.lemma_.lower() != "thank":
        return False
    acts = [c for c in head.children if c.dep_ == "advcl"]
    reasons = [
        c for c in head.children if c.lower_ == "for" and any(g.tag_ == "VBG" for g in c.children)
    ]
    return not acts and not reasons


_OFFERING_VERBS = word_set("offer express send extend convey")


def _figure_bridge(head: Token) -> bool:
    """ "The ministry put the figure far lower", "X gave a very different account": a
    clause with its own report after it ("..., saying 46% had stopped work"); beside a figure
    told before it ("12 died, X said, while Y put the toll far higher") it compares."""
    if head.lemma_.lower() not in _BRIDGING_VERBS:
        return False
    if any(t.like_num and t.i < head.left_edge.i for t in head.sent):
        return False
    told = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in _TOLD_THINGS]
    if not told:
        return False
    modifiers = [*told[0].children, *head.children]
    compared = any(c.lower_ in _COMPARISONS for c in modifiers)
    return compared or any(c.tag_ in ("JJR", "RBR") for c in modifiers)
