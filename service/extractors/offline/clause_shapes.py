"""Shapes of a clause the segmenter asks about: has it a subject, can it stand alone, is it a
second "that" clause of a report."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def has_subject(token: Token) -> bool:
    """True when the clause headed by `token` has a subject of its own."""
    return any(child.dep_ in SUBJECT_DEPS for child in token.children)


def is_finite(token: Token) -> bool:
    """True for a verb that can stand as a main clause (not "..., targeting ports")."""
    if token.tag_ in ("VBD", "VBZ", "VBP", "MD") or has_subject(token):
        return True
    return any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP")
        for c in token.children
    )


def second_content_clause(clause: Token) -> bool:
    """ "said the toll had risen to 31, that 45 had been rescued": a second "that" clause
    after a comma or "and", which the parser hangs on the first (not "so that", nor a
    relative "that" it took for a mark)."""
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if [m.lower_ for m in marks] != ["that"] or clause.head.dep_ not in ("ccomp", "conj"):
        return False
    before = clause.doc[marks[0].i - 1] if marks[0].i > 0 else None
    return before is not None and before.lower_ in (",", "and", "or") and is_finite(clause)
