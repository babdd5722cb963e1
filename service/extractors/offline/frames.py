"""Reported-speech frames: what a report is made of, and the verbs that make one."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.tokens import word_set

# Verbs that introduce reported content ("X said that P", "P, X told reporters").
REPORTING_VERBS = word_set("""
    say tell announce confirm report note state add claim warn indicate suggest reveal
    emphasize emphasise highlight imply declare allege explain insist acknowledge admit
    deny estimate assess believe argue write tweet post stress predict caution disclose
    assert maintain contend mention observe recall remark reiterate testify affirm conclude
    think expect anticipate fear hope inform show find conclude agree accuse forecast
    promise pledge vow project concede counter reply respond complain hint signal object
    protest
    """)
# Verbs by which an outlet tells the news itself: its source is an outlet ("the paper").
PUBLISHING_VERBS = frozenset({"report", "publish", "broadcast"})
# Words that open an indirect question ("did not say how many").
QUESTION_WORDS = frozenset({"how", "when", "whether", "what", "why", "where", "who", "which"})
# Verbs that name their object something ("called X Y", "described X as Y"): a judgement.
NAMING_VERBS = word_set("call describe label brand term dub")
# Verbs whose noun object is itself the reported content ("X confirmed five new deaths").
NOMINAL_REPORT_VERBS = word_set(
    "confirm report record interpret attribute imply estimate register tally count forecast expect"
)  # "The weather service forecast 40 centimetres of snow"


@dataclass
class Frame:
    """A reported-speech frame: the source, the content tokens and the reporting verb."""

    source: Source | None  # None: hedged evidence without a source ("indications suggest")
    content: list[Token]
    verb: Token | None
    head_lemma: str  # head noun of the source phrase, for "the official" back-references
    plural: bool = False
    words: frozenset[str] = frozenset()  # noun lemmas of the source phrase
    scope: int = -1  # propositions before this token index are not attributed
