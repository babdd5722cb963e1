"""Certainty and negation, from cue words on the proposition's predicate chain."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Certainty
from service.extractors.offline.tokens import word_set

# Cue lemmas (spec section 5): hedges that make a claim probable or merely possible.
PROBABLE_CUES = word_set("""
    expect believe likely anticipate assess estimate suggest indicate probably expectedly
    presumably apparently appear seem think likelihood unlikely information intelligence
    """)
POSSIBLE_CUES = word_set(
    "could may might potentially possibly perhaps assume assuming possible maybe"
)
NEGATING_VERBS = frozenset({"fail"})  # "denied", "refused": lexical negatives (guide)
# Verbs that negate only the act they govern: "failed to reach a deal", not "the talks failed".
_NEGATING_WITH_COMPLEMENT = frozenset({"fail"})
# Verbs that hedge only with a complement: "appeared to flee", not "appeared in court".
_HEDGING_WITH_COMPLEMENT = frozenset({"appear"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acomp", "attr"})
# Determiners that negate the noun phrase they open ("no crew were injured").
NEGATING_DETERMINERS = frozenset({"no", "neither"})
_CHAIN_CHILD_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "acomp", "mark"})
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def predicate_chain(head: Token, owned: set[int], extra: Token | None = None) -> list[Token]:
    """The predicate and the verbs governing it inside the proposition (plus `extra`)."""
    chain = [head]
    token = head
    while token.head.i != token.i and token.head.i in owned and len(chain) < 8:
        if token.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acomp", "pcomp"):
            break
        token = token.head
        chain.append(token)
    for child in head.children:
        if child.dep_ == "xcomp" and child.i in owned:
            chain.append(child)
    if extra is not None:
        chain.append(extra)
    return chain


def _cue_words(chain: list[Token]) -> list[Token]:
    words = list(chain)
    for token in chain:
        words.extend(child for child in token.children if child.dep_ in _CHAIN_CHILD_DEPS)
        for complement in (c for c in token.children if c.dep_ == "acomp"):
            # "the toll was likely higher": the hedge hangs on the adjective
            words.extend(g for g in complement.children if g.dep_ == "advmod")
    return words


def certainty_of(head: Token, owned: set[int], reporting_verb: Token | None) -> Certainty:
    """possible for could/may/might..., probable for expected/believed/assess..., else certain."""
    words = [
        t
        for t in _cue_words(predicate_chain(head, owned, reporting_verb))
        if (t.lemma_.lower() not in _HEDGING_WITH_COMPLEMENT or _has_complement(t))
        and not _inability(t)
    ]
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if any(_estimated_count(c) for c in head.children if c.dep_ in _NOUN_DEPS and c.i in owned):
        lemmas.add("estimate")  # "An estimated 140,000 people live in the camps"
    if lemmas & POSSIBLE_CUES:
        return Certainty.possible
    if lemmas & PROBABLE_CUES:
        return Certainty.probable
    return Certainty.certain


def _inability(token: Token) -> bool:
    """ "could not reach the houses", "cannot rule out": a negated ability is told as fact,
    not as a possibility ("may not reopen" stays possible)."""
    negated = any(c.dep_ == "neg" for c in token.head.children)
    return token.dep_ == "aux" and token.lower_ in ("could", "can", "ca") and negated


# Verbs whose negation negates what they report ("did not expect P", "does not believe P").
_EXPECTING_VERBS = frozenset(
    {"expect", "anticipate", "believe", "think", "predict", "foresee", "find"}
)  # "did not find evidence that P" too


def is_negated(head: Token, owned: set[int], reporting_verb: Token | None = None) -> bool:
    """True when the proposition is stated in the negative ("have not yet engaged")."""
    if head.pos_ == "NOUN" and _negated_noun(head):
        return True  # "found no evidence that P": the noun phrase is the statement
    chain = predicate_chain(head, owned)
    for token in chain:
        lemma = token.lemma_.lower()
        governs = _has_complement(token)
        negating = lemma in NEGATING_VERBS and token.i in owned
        if negating and (lemma not in _NEGATING_WITH_COMPLEMENT or governs):
            return True
        yet = any(child.lower_ == "yet" for child in token.children)
        if lemma in ("have", "be") and governs and yet:
            return True  # "has yet to choose a leader"
        for child in token.children:
            if child.dep_ == "neg" and child.i in owned and not _contrastive(child):
                return not _a_plea(child)  # "pleaded not guilty" is a plea, not a denial
            if child.lower_ in ("neither", "nor") and child.dep_ in ("preconj", "cc"):
                return True  # "has neither confirmed nor denied the figures"
            hung = [g for g in child.children if g.dep_ == "neg" and g.i in owned]
            if child.dep_ == "acomp" and hung and not _a_plea(hung[0]):
                return True  # "is not closed", the "not" hung on the adjective
            no_longer = child.lower_ in ("longer", "anymore") and child.i in owned
            if no_longer and any(g.dep_ == "neg" for g in child.children):
                return True  # "no longer employs"
            if child.dep_ in _NOUN_DEPS and child.i in owned and _negated_noun(child):
                return True
    if reporting_verb is None:
        return False
    lemma = reporting_verb.lemma_.lower()
    # "did not expect the storm to cause damage": the storm is not expected to
    doubted = lemma in _EXPECTING_VERBS and any(c.dep_ == "neg" for c in reporting_verb.children)
    return (lemma == "deny" and not _said_instead(head, reporting_verb)) or doubted


def _said_instead(head: Token, denial: Token) -> bool:
    """ "denied that, saying P": P is what the denier says, not what is denied."""
    between = [a for a in head.ancestors if a.i != denial.i and denial in a.ancestors]
    return any(a.lemma_.lower() in ("say", "add", "insist") for a in between)


def _a_plea(negator: Token) -> bool:
    following = negator.doc[negator.i + 1] if negator.i + 1 < len(negator.doc) else None
    return following is not None and following.lower_ == "guilty"


def _contrastive(negator: Token) -> bool:
    """ "within weeks, not months": a "not" setting off a noun after a comma negates nothing."""
    doc = negator.doc
    before = doc[negator.i - 1] if negator.i else None
    after = doc[negator.i + 1] if negator.i + 1 < len(doc) else None
    noun = after is not None and after.pos_ in ("NOUN", "PROPN", "NUM")
    return before is not None and before.text == "," and noun


def _estimated_count(noun: Token) -> bool:
    """True for "an estimated 140,000 people": the count itself is an estimate."""
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    return any(
        t.lower_ == "estimated" and t.i < noun.i
        for holder in (noun, *numbers)
        for t in holder.children
    )


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _negated_noun(noun: Token) -> bool:
    """ "no evidence", "none", "Not a single battalion", "Not every clinic"."""
    return any(
        (child.dep_ == "det" and child.lower_ in NEGATING_DETERMINERS)
        or (child.dep_ == "neg" and child.i == noun.left_edge.i and noun.dep_ in _SUBJECTS)
        for child in noun.children
    ) or noun.lower_ in ("nothing", "none", "nobody", "neither")


def _has_complement(verb: Token) -> bool:
    return any(child.dep_ in _COMPLEMENT_DEPS for child in verb.children)
