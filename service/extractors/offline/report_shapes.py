"""Report shapes the small parser gets wrong: a court that "heard", a speaker hung under a
noun or a quote, a report set off by commas mid-sentence, a quotation resumed after its
attribution, a trailing report parsed as the content's complement, as an adverbial clause
or as a relative clause, "X quoted Y as saying P"; the subject of a reporting verb."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.frames import REPORTING_VERBS, Frame
from service.extractors.offline.references import References
from service.extractors.offline.relative_clauses import RELATIVE_SUBJECTS
from service.extractors.offline.report_bounds import unmarked_clause
from service.extractors.offline.report_phrases import by_reports, impersonal_report
from service.extractors.offline.segmentation import CONTRAST_MARKS, long_enough
from service.extractors.offline.sources import outlet, phrase_text, source_of
from service.extractors.offline.tokens import entity_of, strip_edges


def hearing(verb: Token) -> bool:
    """True for "the court heard": a court or inquiry hearing is told something."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lemma_.lower() in HEARING_BODIES


HEARING_BODIES = frozenset({"court", "inquest", "tribunal", "hearing", "jury", "inquiry"})


def speaker_clause(verb: Token) -> bool:
    """A past reporting verb the parser hung under its speaker noun: the sentence's root
    noun, or the object of the content (", the health agency announced on Thursday")."""
    head = verb.head
    if verb.dep_ != "acl" or head.i > verb.i:
        return False
    content = any(child.dep_ == "ccomp" for child in verb.children)
    if head.dep_ == "ROOT" and (verb.tag_ == "VBD" or content):
        return True  # "The service estimated last month that P", tagged as a participle
    opening = verb.doc[head.left_edge.i - 1] if head.left_edge.i else None
    own_object = any(child.dep_ in ("dobj", "ccomp") for child in verb.children)
    set_off = opening is not None and opening.text == "," and head.i == verb.i - 1
    return set_off and not own_object and verb.tag_ in ("VBD", "VBN")


def after_quote(verb: Token) -> bool:
    """ "P," Unity leader Sara Holm told supporters: parsed as a relative clause on P."""
    before = verb.left_edge.i - 1
    has_subject = any(child.dep_ == "nsubj" for child in verb.children)
    return verb.dep_ == "relcl" and has_subject and before >= 0 and verb.doc[before].is_quote


def trailing_report(clause: Token) -> bool:
    """A reporting clause with its own subject set off by a comma after its content."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i else clause
    has_subject = any(child.dep_ == "nsubj" for child in clause.children)
    # the parser may hang the comma itself on a bare report ("P, its ministry said, while
    # Q"), but not on reported content ("The ministry said on Friday, hospitals reported 212")
    told = {"dobj", "ccomp", "xcomp", "attr", "dative"} & {c.dep_ for c in clause.children}
    if clause.left_edge.text == "," and not told:
        before = clause.left_edge
    reporting = clause.lemma_.lower() in REPORTING_VERBS and clause.pos_ == "VERB"
    return reporting and has_subject and before.text == ","


def interjected(verb: Token, tokens: list[Token], refs: References) -> Frame | None:
    """ "The toll, officials said, rose to 40": a report set off by commas mid-sentence."""
    doc = verb.doc
    words = [t for t in verb.subtree if not t.is_punct]
    left, right = words[0].i - 1, words[-1].i + 1
    if verb.dep_ != "parataxis" or left < 0 or right >= len(doc):
        return None
    if doc[left].text != "," or doc[right].text != ",":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    named = source_of([t for t in subject.subtree], refs)
    content = strip_edges([t for t in tokens if not left <= t.i <= right])
    if named is None or not long_enough(content):
        return None
    nouns = frozenset(t.lemma_.lower() for t in subject.subtree if t.pos_ in ("NOUN", "PROPN"))
    plural = subject.tag_ in ("NNS", "NNPS")
    return Frame(
        source=named[0], content=content, verb=verb, head_lemma=named[1], plural=plural, words=nouns
    )


def resumed_quote(verb: Token, tokens: list[Token]) -> list[Token]:
    """'"We will rebuild," she said, "and we will do it fast."': the quotation's second
    half, after the attribution (or a comparison that goes on after it)."""
    ids = {t.i for t in tokens}
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.i > verb.i and child.i in ids:
            opener = verb.doc[child.left_edge.i - 1] if child.left_edge.i else child
            if opener.is_quote:
                return [t for t in child.subtree if t.i in ids]
        # "No one was killed, he said, but four crew members were treated": the speaker goes on
        joined = any(c.dep_ == "cc" and verb.i < c.i < child.i for c in verb.children)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        if child.dep_ == "conj" and child.i > verb.i and child.i in ids and joined and own_subject:
            return [t for t in child.subtree if t.i in ids]
        # "Prices rose 9.4%, the office said, up from 8.8% in January": the comparison goes on
        compared = child.lower_ in ("up", "down") and child.dep_ in ("advmod", "prep")
        set_off = child.left_edge.i > 0 and verb.doc[child.left_edge.i - 1].text == ","
        if compared and set_off and child.i > verb.i and child.i in ids:
            return [t for t in child.subtree if t.i in ids]
    return []


def hearsay(tokens: list[Token]) -> Frame | None:
    """ "The mayor reportedly resigned", "By early reports, ...": unnamed reports as source."""
    for token in tokens:
        if token.lower_ == "reportedly" and token.dep_ == "advmod":
            content = content_tokens([t for t in tokens if t.i != token.i])
            name, lemma, scope = "reports", "report", -1
            break
    else:
        impersonal = impersonal_report(tokens)
        if impersonal:
            return _impersonal_frame(tokens, impersonal)
        phrase = by_reports(tokens)
        if not phrase:
            return None
        ids = {t.i for t in phrase}
        content = content_tokens([t for t in tokens if t.i not in ids])
        name, lemma = phrase_text(phrase[1:]).lower(), "report"
        scope = phrase[0].i if phrase[0].i > tokens[0].i else -1
    if len(content) < 3:
        return None
    source = Source(name=name, anonymous=True)
    return Frame(
        source=source, content=content, verb=None, head_lemma=lemma, plural=True, scope=scope
    )


def _impersonal_frame(tokens: list[Token], phrase: list[Token]) -> Frame | None:
    """ "It was reported that P": unnamed reports; "..., it was reported on public television": the
    channel named after the verb."""
    ids = {t.i for t in phrase}
    content = content_tokens([t for t in tokens if t.i not in ids])
    if len(content) < 3:
        return None
    verb = next(t for t in phrase if t.lemma_.lower() == "report")
    channel = [
        t
        for t in phrase
        if t.i > verb.i and t.dep_ not in ("prep", "mark") and t.ent_type_ not in ("DATE", "TIME")
    ]
    source = Source(name="reports", anonymous=True)
    if channel:
        source = Source(name=phrase_text(channel))
    return Frame(source=source, content=content, verb=None, head_lemma="report", plural=True)


def puts_at(verb: Token) -> bool:
    """True for an estimate "at N" ("put the death toll at 356", "measured it at magnitude
    6.4") or a figure given ("gave a higher figure of 41"), its maker the source."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "give":  # "gave a higher figure of 41", not "gave $5 million to victims"
        figures = [o for o in objects if o.lemma_.lower() in _FIGURES]
        return any(any(t.like_num for t in figure.subtree) for figure in figures)
    if lemma == "calculate":  # "calculated a rate of 38 deaths", not "the load of the beam"
        counted = [p for o in objects for c in o.children if c.lower_ == "of" for p in c.children]
        return any(c.dep_ == "nummod" for p in counted for c in p.children)
    if lemma not in ("put", "estimate", "peg", "place", "measure"):
        return False
    values = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" for p in c.children]
    if lemma == "measure":  # "measured it at magnitude 6.4", not "at 12 schools"
        return any(p.like_num or p.lower_ == "magnitude" for p in values)
    return any(any(t.like_num for t in value.subtree) for value in values)


_FIGURES = frozenset({"figure", "toll", "estimate", "count", "tally"})


def verdict(verb: Token) -> bool:
    """True for "found a man guilty of manslaughter": a verdict, the act itself, no report."""
    if verb.lemma_.lower() != "find":
        return False
    return any(c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ == "ADJ" for c in verb.children)


def in_contrast_clause(verb: Token, allowed: set[int]) -> bool:
    """True for a report inside a contrast clause ("X rose, while organisers said Y")."""
    token = verb
    for _ in range(6):
        if token.head.i == token.i or token.head.i not in allowed:
            return False
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if token.dep_ == "advcl" and marks & CONTRAST_MARKS:
            return True
        token = token.head
    return False


def content_tokens(tokens: list[Token]) -> list[Token]:
    """Trim punctuation, quotes and a leading "that" from content tokens."""
    return strip_edges(tokens, frozenset({"that"}))


def fronted_content(clause: Token, verb: Token, allowed: set[int]) -> bool:
    """True for an unmarked clause before the reporting verb's subject and its comma."""
    if clause.i > verb.i or clause.i not in allowed or not unmarked_clause(clause):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i < clause.i:
        return False
    before = verb.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return before is not None and before.text == "," and clause.right_edge.i < before.i


def trailing_misparse(verb: Token) -> bool:
    """ "A quake killed 12 people, the agency AFAD said on Wednesday": a trailing report the
    parser hung as a relative clause on the last noun (its subject is no "who" or "which")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in RELATIVE_SUBJECTS or subject.i > verb.i:
        return False
    start = subject.left_edge.i
    sentence_end = verb.sent.end - 1
    closes = verb.right_edge.i >= sentence_end - 1
    return start > 0 and verb.doc[start - 1].text == "," and closes


def quoted_as_saying(tokens: list[Token], allowed: set[int], refs: References) -> Frame | None:
    """ "The agency ZNA quoted Minister Samir Kallab as saying that P": P is Kallab's, relayed
    by the agency."""
    for saying in tokens:
        if saying.lemma_ != "say" or saying.dep_ != "pcomp" or saying.head.lower_ != "as":
            continue
        quoting = saying.head.head
        speaker = next((c for c in quoting.children if c.dep_ == "dobj"), None)
        clause = next((c for c in saying.children if c.dep_ == "ccomp"), None)
        if quoting.lemma_ != "quote" or speaker is None or clause is None:
            continue
        named = source_of([t for t in speaker.subtree if t.i in allowed], refs)
        subjects = [c for c in quoting.children if c.dep_ == "nsubj"]
        if named is None or not subjects:
            continue
        # "The state news agency HNA quoted": the parser may split the name off as a subject
        relay_words = list(quoting.doc[subjects[0].left_edge.i : subjects[-1].right_edge.i + 1])
        relay = source_of(outlet(relay_words), refs)
        source = named[0].model_copy(update={"via": relay[0].name if relay else None})
        content = strip_edges([t for t in clause.subtree if t.i in allowed], frozenset({"that"}))
        return Frame(source=source, content=content, verb=saying, head_lemma=named[1])
    return None


def counted_range(child: Token) -> bool:
    """ "said between 4,000 and 5,000 homes were flooded": the parser hangs the content's
    subject on the reporting verb as "between ..."."""
    if child.lower_ != "between":
        return False
    following = child.nbor() if child.i + 1 < len(child.doc) else child
    return following.like_num or any(t.like_num for t in child.subtree)


def report_subject(verb: Token, allowed: set[int]) -> list[Token]:
    """The subject phrase of a reporting verb; several nsubj children (a mis-parsed
    appositive: "The union's chair, Maria Lopez announced") are joined."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i in allowed]
    if len(subjects) > 1:
        first, last = subjects[0].left_edge.i, subjects[-1].i
        return [t for t in verb.doc[first : last + 1] if t.i in allowed]
    subject = _subject_of(verb)
    if subject is not None and subject.lower_ in ("who", "which") and verb.dep_ == "relcl":
        # "Felix Harrow, who told the Courier that P", "the World Bank, which said that P"
        named = entity_of(verb.head)
        kind = "PERSON" if subject.lower_ == "who" else "ORG"
        if named is not None and named.label_ == kind:
            return list(named)
    if subject is None:  # "In an interview with X, its director, Ana Ruiz, said P"
        return [t for t in _speaker_hung_before(verb) if t.i in allowed]
    if subject.i not in allowed:
        return []
    words = [t for t in subject.subtree if t.i in allowed]
    if subject.i == verb.head.i:  # the speaker noun holds the verb: keep only what precedes it
        words = [t for t in words if t.i < verb.i]
    return words


def _speaker_hung_before(verb: Token) -> list[Token]:
    """The person named right before a reporting verb the parser left without a subject,
    having hung the name as an appositive on an earlier noun ("In an interview with Radio
    Tarn, its director, Ana Ruiz, said P")."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return []
    named = entity_of(doc[verb.i - 2])
    if named is None or named.label_ != "PERSON" or named.root.dep_ != "appos":
        return []
    # "Radio Tarn, its director, Ilse Karvona,": a chain of appositives back to the noun the
    # sentence opened with; not "the brother of its director, Ilse Karvona," (the brother spoke)
    described = named.root.head
    return list(named) if described.dep_ == "appos" else []


def _subject_hung_on_as(verb: Token) -> Token | None:
    """ "The warning came as a report by X found that P": the parser hangs the report on
    "as" and the verb on the main clause; the report is the verb's subject."""
    if verb.dep_ != "advcl" or verb.i == 0:
        return None
    for preposition in verb.head.children:
        objects = [c for c in preposition.children if c.dep_ == "pobj"]
        joined = preposition.lower_ == "as" and preposition.dep_ == "prep" and objects
        if joined and objects[0].right_edge.i == verb.i - 1:
            return objects[0]
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, climbing from participles ("..., saying P")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    if speaker_clause(verb):
        return verb.head  # "The spokesman, Ivo Lant, announced that P" parsed as a noun root
    hung = _subject_hung_on_as(verb)
    if hung is not None:
        return hung
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
        head = verb.head
        for child in head.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None
