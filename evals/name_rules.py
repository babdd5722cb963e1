"""When two names (subject, source, location) denote the same entity, within one article.

Honest rule: normalised equality plus two explicit aliases, never substring containment.

- normalised: case, diacritics, dots and apostrophes ("U.S." = "US"), other punctuation,
  a possessive 's, a leading "the" and spacing are ignored;
- acronym = expansion: "NTSB" = "National Transportation Safety Board" when the acronym's
  letters are the expansion's initials (a word may give more than its first letter, so
  "AfCFTA" = "African Continental Free Trade Area"; "of", "and", ... may give none or one)
  and the article uses both the acronym (written in capitals) and the expansion;
- short name = full name: "Johnson" = "Boris Johnson", "Kim" = "Kim Jong Un", when the
  short name is the full name's last (or, for family-name-first names, first) word, the
  article writes the full name capitalised, also uses the short name on its own, and names
  nobody else with that word in the same place ("Kim" is not "Kim Jong Un" in an article
  that also names Kim Young Bok).

An alias applies to the whole names or to the one stretch in which two otherwise equal names
differ: "U.S. officials" = "United States officials". "officials" vs "U.S. officials" and
"critics of Jair Bolsonaro" vs "Jair Bolsonaro" stay different: no rule makes them equal.

The old rule (rapidfuzz token_set_ratio >= 90, which accepts one name's words contained in
the other's) is kept as `same_name_lenient`, reported beside the honest figure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rapidfuzz import fuzz

LENIENT_MATCH_THRESHOLD = 90  # rapidfuzz token_set_ratio of two leniently normalised names
_POSSESSIVE = re.compile(r"['’]s\b")
_DOTS_AND_APOSTROPHES = re.compile(r"[.'’‘`]")
_APOSTROPHES = re.compile(r"['’‘`]")
_NON_WORD = re.compile(r"[\W_]+")
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
# An acronym as articles write it: "U.S.", "NTSB", "AfCFTA" (two capitals or more).
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*\b")
# Words an acronym may skip or take one letter from ("DoD" = "Department of Defense").
_FUNCTION_WORDS = frozenset(
    [
        "of",
        "and",
        "for",
        "the",
        "in",
        "on",
        "at",
        "to",
        "by",
        "de",
        "del",
        "der",
        "des",
        "di",
        "du",
        "la",
        "le",
        "y",
        "et",
        "a",
        "an",
    ]
)
# Words that may precede a surname without naming another person ("President Bolsonaro").
_TITLES = frozenset(
    [
        "the",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "representative",
        "rep",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen",
        "admiral",
        "captain",
        "colonel",
        "lieutenant",
        "sergeant",
        "commander",
        "chief",
        "director",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "professor",
        "prof",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "state",
        "supreme",
        "former",
        "late",
    ]
)
_LENIENT_ARTICLES = {"the", "a", "an"}


def _fold(text: str) -> str:
    """Without diacritics and possessive 's; curly apostrophes kept for the next steps."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _POSSESSIVE.sub("", plain)


def _words(text: str) -> list[str]:
    """Lower-case words with dots and apostrophes dropped and other punctuation as spaces."""
    return _NON_WORD.sub(" ", _DOTS_AND_APOSTROPHES.sub("", _fold(text).casefold())).split()


def normalize_name(name: str) -> str:
    """The comparable form of a name: "The U.S. Army's" -> "us army", "Zelenskyy" stays."""
    words = _words(name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def initials_match(acronym: str, words: list[str]) -> bool:
    """The acronym's letters are, in order, a non-empty prefix of every word (function
    words may give none): "afcfta" ~ african continental free trade area."""
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    if word in _FUNCTION_WORDS and initials_match(acronym, rest):
        return True
    return any(
        acronym.startswith(word[:size]) and initials_match(acronym[size:], rest)
        for size in range(1, len(word) + 1)
    )


def _differing_stretch(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Both names without the words they share at the start and end (each keeps one word)."""
    while len(a) > 1 and len(b) > 1 and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while len(a) > 1 and len(b) > 1 and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    return a, b


class ArticleNames:
    """Names compared within one article, whose text decides which aliases hold."""

    def __init__(self, text: str = "") -> None:
        self.words = f" {' '.join(_words(text))} "
        self.acronyms = {"".join(_words(match)) for match in _ACRONYM.findall(_fold(text))}
        self.tokens = _TOKEN.findall(_APOSTROPHES.sub("", _fold(text)))

    def same(self, predicted: str | None, gold: str | None) -> bool:
        """Both none, or the same entity: normalised equal or an alias the article supports."""
        if predicted is None or gold is None:
            return predicted is None and gold is None
        return self.rule(predicted, gold) is not None

    def rule(self, a: str, b: str) -> str | None:
        """Which rule makes two names equal ("equal", "acronym", "short name"), or None."""
        words_a, words_b = normalize_name(a).split(), normalize_name(b).split()
        if words_a == words_b:
            return "equal"
        stretch_a, stretch_b = _differing_stretch(words_a, words_b)
        for short, long in ((stretch_a, stretch_b), (stretch_b, stretch_a)):
            if len(short) != 1 or len(long) < 2:
                continue
            if self._acronym(short[0], long):
                return "acronym"
            if self._short_name(short[0], long):
                return "short name"
        return None

    def _uses(self, words: list[str]) -> bool:
        return f" {' '.join(words)} " in self.words

    def _acronym(self, acronym: str, expansion: list[str]) -> bool:
        return (
            acronym in self.acronyms
            and self._uses(expansion)
            and initials_match(acronym, expansion)
        )

    def _short_name(self, short: str, full: list[str]) -> bool:
        if len(full) > 4 or short not in (full[0], full[-1]):
            return False
        starts = self._occurrences(full)
        if not starts:
            return False
        inside = {start + i for start in starts for i in range(len(full))}
        alone = any(
            self._word(index) == short and self._capitalised(index) and index not in inside
            and not self._capitalised(index + 1)
            for index in range(len(self.tokens))
        )  # fmt: skip
        return alone and not self._someone_else(short, full, first=short == full[0])

    def _word(self, index: int) -> str:
        return self.tokens[index].casefold() if 0 <= index < len(self.tokens) else ""

    def _capitalised(self, index: int) -> bool:
        return 0 <= index < len(self.tokens) and self.tokens[index][:1].isupper()

    def _occurrences(self, full: list[str]) -> list[int]:
        """Where the full name is written, every word capitalised."""
        size = len(full)
        return [
            start
            for start in range(len(self.tokens) - size + 1)
            if all(
                self._word(start + i) == word and self._capitalised(start + i)
                for i, word in enumerate(full)
            )
        ]

    def _someone_else(self, short: str, full: list[str], *, first: bool) -> bool:
        """Another capitalised name of 2-4 words with `short` in the same place, leading
        titles aside (longer runs are title-case headlines, not names)."""
        for run in self._capitalised_runs():
            while run and run[0] in _TITLES:
                run = run[1:]
            if 2 <= len(run) <= 4 and run != full and run[0 if first else -1] == short:
                return True
        return False

    def _capitalised_runs(self) -> list[list[str]]:
        runs: list[list[str]] = [[]]
        for index in range(len(self.tokens)):
            if self._capitalised(index):
                runs[-1].append(self._word(index))
            elif runs[-1]:
                runs.append([])
        return [run for run in runs if run]


@cache
def _names_without_text() -> ArticleNames:
    return ArticleNames("")


def same_name(predicted: str | None, gold: str | None, names: ArticleNames | None = None) -> bool:
    """The honest rule; aliases apply only with the article (`names`) to support them."""
    return (names or _names_without_text()).same(predicted, gold)


def lenient_normal(name: str) -> str:
    """The old normal form: lower-case, no possessive 's, punctuation or articles."""
    words = _NON_WORD.sub(" ", _POSSESSIVE.sub("", name.casefold())).split()
    kept = [word for word in words if word not in _LENIENT_ARTICLES]
    return " ".join(kept or words)


def same_name_lenient(predicted: str | None, gold: str | None) -> bool:
    """The old rule: equal, or one name's words contained in the other's (token_set_ratio)."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    a, b = lenient_normal(predicted), lenient_normal(gold)
    return a == b or fuzz.token_set_ratio(a, b) >= LENIENT_MATCH_THRESHOLD
