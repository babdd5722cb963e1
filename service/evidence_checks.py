"""Does a claim's located evidence carry it? And does the evidence read as a prompt injection?

Grounding proves that each quote is in the article; these checks ask whether the quotes
say what the claim says. A claim is dropped like an ungrounded one when its evidence is
too short to carry anything, misses one of the claim's quantities (its digits, or its
words for "seven"), or when its subject has names and none of them can be resolved from
the article: the evidence itself, or the text a pronoun in it refers to.

The subject check reads the whole article, not only the evidence, and accepts a name by
its stem ("Portuguese" for "Portugal"): gold claims name their subjects in full ("Jair
Bolsonaro" for a quoted "he", "United Kingdom" for "the UK"), and 10 of the 380 gold
claims in evals/gold/{dev,test} would fail a stricter reading. As it is, every gold claim
passes and the offline extractor loses none of its claims on them.

A claim whose evidence is an instruction to a language model ("ignore previous
instructions ...") is kept but flagged for review: an extractor may have obeyed it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from schemas.claims import Alignment, Claim, Quantity
from service.folding import fold, is_function_word, numbers_in, words_in

MIN_EVIDENCE_CHARS = 12
MIN_EVIDENCE_WORDS = 2
FULL_CLAUSE_WORDS = 3  # "He was 58": three words carry a claim however short they are
MIN_NAME_CHARS = 3  # shorter capitalised tokens (U, S, UK, Al) are too ambiguous to check
STEM_CHARS = 5  # a name of 6+ characters also matches a word sharing its first 5

FUZZY_EVIDENCE = "fuzzy_evidence"
INSTRUCTION_IN_EVIDENCE = "instruction_in_evidence"

_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}?"
    r"\b(?:previous|prior|above|earlier|preceding|all|any|your|system)\b"
    r"[^.!?\n]{0,30}?\b(?:instructions?|prompts?|directions|guidelines)\b"
    r"|\bsystem prompt\b"
    r"|\bnew instructions?\s*:"
    r"|\byou are (?:now )?(?:an? )?(?:ai|assistant|language model|llm|chatbot)\b"
    r"|\bas an ai(?: language model)?\b"
    r"|\b(?:respond|reply|answer|report|output|say) (?:only )?(?:with|that)\b[^.!?\n]{0,80}"
    r"\b(?:instead|regardless)\b"
    # evidence that starts with an order to report something: "(and) report that ..."
    r"|^\W*(?:and\s+)?(?:report|say|state|write|output|answer|respond|claim)\s+"
    r"(?:only\s+)?(?:that|with)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _quantity_in(quantity: Quantity, evidence: str, evidence_words: set[str]) -> bool:
    """True when the evidence states the quantity: its numbers, else its words."""
    numbers = set(numbers_in(fold(quantity.text).lower()))
    if numbers:
        return numbers <= set(numbers_in(evidence))
    if fold(quantity.text).lower() in evidence:
        return True
    content = [word for word in words_in(quantity.text) if not is_function_word(word)]
    return bool(content) and all(word in evidence_words for word in content)


def named_words(subject: str) -> list[str]:
    """The capitalised words of a subject (its names), folded and lower-cased."""
    names = []
    for token in re.findall(r"\S+", fold(subject)):
        if not token[:1].isupper():
            continue
        for word in words_in(token):
            if len(word) >= MIN_NAME_CHARS and not is_function_word(word):
                names.append(word)
    return names


def unsupported(claim: Claim, article_text: str) -> str | None:
    """Why the claim's evidence does not carry it, or None when it does."""
    evidence = " ".join(span.text for span in claim.evidence)
    folded = fold(evidence).lower()
    words = words_in(evidence)
    short = len(evidence.strip()) < MIN_EVIDENCE_CHARS and len(words) < FULL_CLAUSE_WORDS
    if short or len(words) < MIN_EVIDENCE_WORDS:
        return (
            f"evidence too short to carry the claim: {evidence!r} (at least "
            f"{MIN_EVIDENCE_WORDS} words and {MIN_EVIDENCE_CHARS} characters, or "
            f"{FULL_CLAUSE_WORDS} words)"
        )
    word_set = set(words)
    for quantity in claim.quantities:
        if not _quantity_in(quantity, folded, word_set):
            return f"the evidence does not state the quantity {quantity.text!r}: {evidence!r}"
    names = named_words(claim.subject)
    if names and not any(_resolvable(name, article_text) for name in names):
        return (
            f"the subject {claim.subject!r} is named neither in the evidence nor anywhere in "
            f"the article ({', '.join(names)} not found)"
        )
    return None


def _resolvable(name: str, article_text: str) -> bool:
    words = _article_words(article_text)
    if name in words:
        return True
    return len(name) > STEM_CHARS and any(
        word.startswith(name[:STEM_CHARS]) for word in words if len(word) >= STEM_CHARS
    )


@functools.lru_cache(maxsize=8)
def _article_words(article_text: str) -> frozenset[str]:
    """The words of an article (cached: every claim of a run reads the same article)."""
    return frozenset(words_in(article_text))


def reads_as_instruction(text: str) -> bool:
    """True when `text` addresses a language model ("ignore previous instructions ...")."""
    return _INSTRUCTION.search(fold(text)) is not None


def sentence_around(article_text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of the article that a span lies in."""
    before = article_text.rfind("\n", 0, start)
    for match in _SENTENCE_END.finditer(article_text, max(before, 0), start):
        before = match.start()
    after = _SENTENCE_END.search(article_text, end)
    return article_text[before + 1 : after.end() if after else len(article_text)]


def claim_flags(evidence: Iterable[dict[str, object]]) -> list[str]:
    """Why a reviewer should look closely at a claim with this (stored) evidence."""
    spans = list(evidence)
    flags = []
    if any(span.get("alignment") == Alignment.fuzzy.value for span in spans):
        flags.append(FUZZY_EVIDENCE)
    if any(reads_as_instruction(str(span.get("text", ""))) for span in spans):
        flags.append(INSTRUCTION_IN_EVIDENCE)
    return flags
