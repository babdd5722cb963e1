""" "since" on its own ("have since been sent", "since then", "since the collapse"): a start
at the event told before."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import TimeRef
from service.extractors.offline.events import EVENT_NOUNS
from service.extractors.offline.relative_time import Context


def bare_since(tokens: list[Token], context: Context) -> TimeRef | None:
    """ "have since been sent": "since" on its own starts at the event told before it."""
    if context.anchor is None:
        return None
    for token in tokens:
        if token.lower_ != "since":
            continue
        children = list(token.children)
        if token.dep_ == "advmod" and not children:
            return TimeRef(text=token.text, start=context.anchor, end=None)
        following = [c for c in children if c.i == token.i + 1 and c.lower_ == "then"]
        if following:  # "since then" (the parser may hang "300 hours" on "since" too)
            then = following[0]
            text = token.doc.text[token.idx : then.idx + len(then.text)]
            return TimeRef(text=text, start=context.anchor, end=None)
        event = _event_object(token)
        if event is not None:  # "since the collapse": the event told before
            text = token.doc.text[token.idx : event.idx + len(event.text)]
            return TimeRef(text=text, start=context.anchor, end=None)
    return None


def _event_object(since: Token) -> Token | None:
    """The event noun of "since the collapse" ("since the attack on Monday" is dated)."""
    objects = [child for child in since.children if child.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].lemma_.lower() not in EVENT_NOUNS:
        return None
    event = objects[0]
    words = [t for t in event.subtree if t.i != event.i]
    if not any(t.lower_ == "the" for t in words) or any(t.ent_type_ == "DATE" for t in words):
        return None
    told = any(t.lemma_.lower() == event.lemma_.lower() for t in event.doc[: since.i])
    return event if told else None  # "the collapse" must be the one told before
