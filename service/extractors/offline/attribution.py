"""Attribution: who a sentence reports (source, channel) and which tokens are the content."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.channels import named_channel
from service.extractors.offline.citing import CITING_WORDS, cited_after, citing, citing_phrase
from service.extractors.offline.frames import (
    PUBLISHING_VERBS,
    QUESTION_WORDS,
    REPORTING_VERBS,
    Frame,
)
from service.extractors.offline.nominal_reports import colon_quote, nominal_report
from service.extractors.offline.references import References
from service.extractors.offline.relative_clauses import RELATIVE_SUBJECTS
from service.extractors.offline.report_bounds import (
    after_opener,
    ends_clause,
    fronted_citing,
    fronted_modifier,
    tells_more,
    trailing_subject,
    without_leading_time,
)
from service.extractors.offline.report_phrases import (
    according_to,
    channel,
    channel_in_phrase,
    is_outlet,
    relayed_by,
    report_phrase,
    source_words,
    trailing_document,
)
from service.extractors.offline.report_shapes import (
    after_quote,
    content_tokens,
    counted_range,
    fronted_content,
    hearing,
    hearsay,
    in_contrast_clause,
    interjected,
    puts_at,
    quoted_as_saying,
    report_subject,
    resumed_quote,
    speaker_clause,
    trailing_misparse,
    trailing_report,
    verdict,
)
from service.extractors.offline.segmentation import long_enough
from service.extractors.offline.sources import (
    EVIDENCE_HEADS,
    outlet,
    source_of,
    without_clauses,
)
from service.extractors.offline.tokens import article_offset, named_by_according_to, word_set

# Children of a reporting verb that belong to the act of saying, not to the content.
_FRAME_DEPS = word_set("""
    nsubj nsubjpass npadvmod prep advmod dative agent dobj iobj punct prt aux auxpass neg
    """)
_CONTENT_OPENERS = frozenset({"“", '"', ":", "that", "‘"})


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _complement(verb: Token, allowed: set[int]) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.i in allowed:
            if trailing_report(child):
                continue  # "P, a person close to the matter said": not P's content
            return child
        if child.dep_ == "advcl" and child.lemma_ == "cite":  # "reported, citing X, that P"
            content = [c for c in child.children if c.dep_ in ("conj", "ccomp") and c.i in allowed]
            # the parser may hang ", that P" on the cited noun as a relative clause
            content += [c for c in child.subtree if c.dep_ == "relcl" and c.i in allowed]
            for clause in content:
                marks = [m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"]
                after_comma = marks and marks[0].i > 0 and marks[0].nbor(-1).text == ","
                if marks and (clause.dep_ != "relcl" or after_comma):
                    return clause
        if fronted_content(child, verb, allowed):
            return child
    told = _told_clause(verb, allowed)
    if told is not None:
        return told
    if verb.lemma_.lower() in _OBJECT_INFINITIVE_VERBS:
        for child in verb.children:  # "expecting about 900 to be hired"
            marked = any(c.dep_ == "mark" for c in child.children)  # not ", while Y ..."
            after = child.i > verb.i and child.i in allowed
            if child.dep_ in ("xcomp", "advcl", "oprd") and after and not marked:
                return child
    return None


def _told_clause(verb: Token, allowed: set[int]) -> Token | None:
    """ "told jurors she had watched": a content clause without "that" the parser hung on
    the addressee as a relative clause."""
    if verb.lemma_.lower() not in _ADDRESSEE_VERBS:
        return None
    for addressee in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in addressee.children:
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            bare = clause.left_edge.i == addressee.i + 1 and bool(subjects)
            own = bare and subjects[0].lower_ not in RELATIVE_SUBJECTS | {"whom"}
            if clause.dep_ == "relcl" and own and clause.i in allowed:
                return clause
    return None


def _subject_hung_on_addressee(verb: Token, clause: Token) -> list[Token]:
    """ "told the Courier her client would appeal": the clause's subject the parser made an
    appositive of the addressee."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return []
    for addressee in (c for c in verb.children if c.dep_ == "dobj"):
        for appositive in (c for c in addressee.children if c.dep_ == "appos"):
            if appositive.right_edge.i + 1 == clause.left_edge.i:
                return list(appositive.subtree)
    return []


_ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "warn", "assure", "remind"})
_OBJECT_INFINITIVE_VERBS = frozenset({"anticipate", "expect", "estimate", "believe", "predict"})


def _is_reporting_verb(token: Token, allowed: set[int]) -> bool:
    if token.lemma_.lower() == "hear" and token.pos_ == "VERB":
        return hearing(token)  # "..., the court heard"
    if token.lemma_.lower() not in REPORTING_VERBS or token.pos_ != "VERB":
        return False
    if any(child.dep_ == "auxpass" for child in token.children):
        return False  # "X is expected to Y", "X was said to Y": a hedge on X, not a source
    if token.lemma_.lower() in ("add", "recall") and any(c.dep_ == "dobj" for c in token.children):
        return False  # "employers added 38,000 jobs", "it recalled 9,000 cars": no saying
    if token.lemma_.lower() == "declare" and not _declares_a_statement(token):
        return False  # "WHO declared COVID-19 a pandemic": the act itself, no report
    if token.dep_ == "pcomp":
        # "with X anticipating P" is a clause of its own (split off by segmentation)
        own_subject = any(child.dep_ == "nsubj" for child in token.children)
        return own_subject and not (token.head.lower_ == "with" and token.head.i in allowed)
    if speaker_clause(token) or after_quote(token):
        return True
    if token.dep_ == "relcl" and named_by_according_to(token.head):
        return False  # "P, according to the World Bank, which said Q": P is the Bank's too
    if token.dep_ == "relcl" and token.head.i not in allowed:  # "..., when police said P"
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        person = token.head.ent_type_ == "PERSON"  # "Felix Harrow, who told X that P"
        body = token.head.ent_type_ == "ORG"  # "the World Bank, which said that P"
        relative = bool(subjects) and subjects[0].lower_ in RELATIVE_SUBJECTS
        named = (person and subjects[0].lower_ == "who") or (body and subjects[0].lower_ == "which")
        return bool(subjects) and (not relative or named)
    if token.dep_ == "relcl" and trailing_misparse(token):
        return True
    return token.dep_ not in ("amod", "compound", "relcl", "acl", "csubj")


def _declares_a_statement(verb: Token) -> bool:
    """ "declared that the vote was fair", "declared the vote was fair": a finite clause."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        finite = child.tag_ in ("VBD", "VBZ", "MD") or any(
            c.dep_ in ("aux", "auxpass") for c in child.children
        )
        return marked or finite
    return False


def _content_follows(verb: Token, tokens: list[Token]) -> bool:
    """True when the tokens after the verb's own modifiers open a clause, quote or colon."""
    modifiers = {t.i for c in verb.children if c.dep_ in _FRAME_DEPS for t in c.subtree}
    # 'warned of a "dangerous situation"': a phrase quoted whole inside a modifier
    quoted = [t for t in tokens if t.i > verb.i and t.i in modifiers and t.is_quote]
    phrase = len(quoted) >= 2 and quoted[0].doc[quoted[0].i - 1].pos_ in ("DET", "ADJ", "ADP")
    for token in tokens:
        if token.i <= verb.i or (token.i in modifiers and token.text not in _CONTENT_OPENERS):
            continue
        if phrase and token in quoted:
            continue
        return token.text in _CONTENT_OPENERS or token.lower_ == "that"
    return False


def find_frame(tokens: list[Token], refs: References) -> Frame | None:
    """The reported-speech frame of one clause-level segment, or None (own voice)."""
    according = according_to(tokens)
    according_ids = {t.i for t in according}
    remaining = [t for t in tokens if t.i not in according_ids]
    allowed = {t.i for t in remaining}
    candidates = sorted(
        (t for t in remaining if _is_reporting_verb(t, allowed)), key=lambda t: (_depth(t), t.i)
    )
    for verb in candidates:
        if puts_at(verb) or verdict(verb) or in_contrast_clause(verb, allowed):
            continue  # the maker's own estimate; a "while Y said" clause gets its own frame
        if _denied_question(verb):
            continue  # "did not say how many jobs would go": nothing was reported
        frame = _frame_at(verb, remaining, allowed, refs)
        if frame is not None:
            relayed = _relayed_by_outlet(frame, refs)
            if relayed is not None:
                return relayed
            if according and _outside(according, frame) and frame.source:
                relay = source_of(outlet(source_words(according)), refs)
                if relay is not None and frame.source.via is None:
                    frame.source = frame.source.model_copy(update={"via": relay[0].name})
            return frame
    colon = colon_quote(remaining, allowed, refs) or quoted_as_saying(remaining, allowed, refs)
    if colon is not None:
        return colon
    if not according:
        according = report_phrase(tokens)
        according_ids = {t.i for t in according}
        remaining = [t for t in tokens if t.i not in according_ids]
    if according:
        named = source_of(source_words(according), refs)
        relay = source_of(relayed_by(according), refs)
        if named is not None and relay is not None and named[0].via is None:
            named = (named[0].model_copy(update={"via": relay[0].name}), named[1])
        cited = cited_after(according, remaining)
        if cited and named is not None:  # "According to CNN, citing two aides, P"
            relay = source_of(outlet(source_words(according)), refs)
            cited_words = without_clauses([t for t in cited if t.lemma_ not in CITING_WORDS])
            cited_source = source_of(cited_words, refs)
            if cited_source is not None and relay is not None:
                via = relay[0].name
                named = (cited_source[0].model_copy(update={"via": via}), cited_source[1])
            remaining = [t for t in remaining if t not in cited]
        content = content_tokens(remaining)
        if named is not None and content:
            return Frame(source=named[0], content=content, verb=None, head_lemma=named[1])
    trailing = trailing_document(remaining)
    if trailing is not None:  # "P, figures from the agency show."
        phrase, words = trailing
        shown = source_of(words, refs)
        content = content_tokens([t for t in remaining if t not in phrase])
        if shown is not None and content:
            return Frame(source=shown[0], content=content, verb=None, head_lemma=shown[1])
    return nominal_report(remaining, allowed, refs) or hearsay(tokens)


_WH_WORDS = QUESTION_WORDS | {"if"}


def _denied_question(verb: Token) -> bool:
    """ "The company did not say how many jobs would go": a report denied of a question."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i]
    return any(c.left_edge.lower_ in _WH_WORDS for c in clauses)


def _outside(phrase: list[Token], frame: Frame) -> bool:
    """True when an "according to X" phrase frames the report rather than sits in its
    content: before it, or after both the content and the reporting verb."""
    if phrase[0].i < frame.content[0].i:
        return True
    return frame.verb is not None and phrase[0].i > max(frame.verb.i, frame.content[-1].i)


def _relayed_by_outlet(frame: Frame, refs: References) -> Frame | None:
    """ "Officials said P, the Harbour Times reported": a speaker relayed by a publication
    is the source and the publication its channel (spec: `via` is a channel)."""
    if frame.source is None or frame.source.via is not None or frame.verb is None:
        return None
    inner = find_frame(frame.content, refs)
    if inner is None or inner.source is None or inner.source.via is not None:
        return None
    if is_outlet(frame.source):
        inner.source = inner.source.model_copy(update={"via": frame.source.name})
        return inner
    trailing = inner.verb is not None and inner.verb.i > inner.content[-1].i
    if is_outlet(inner.source) and trailing:  # parsed as "Officials said [P, the Times reported]"
        frame.source = frame.source.model_copy(update={"via": inner.source.name})
        frame.content = inner.content
        return frame
    return None


def _before_a_that_clause(modifiers: set[int], tokens: list[Token]) -> set[int]:
    """ "said in a report released Sunday that P": the parser may hang the that-clause on the
    report noun; the modifier ends where the clause begins."""
    marks = [
        t.i
        for t in tokens
        if t.i in modifiers and t.lower_ == "that" and t.dep_ == "mark" and t.head.pos_ == "VERB"
    ]
    return {i for i in modifiers if i < marks[0]} if marks else modifiers


def _frame_at(
    verb: Token, tokens: list[Token], allowed: set[int], refs: References
) -> Frame | None:
    set_off = interjected(verb, tokens, refs)
    if set_off is not None:
        return set_off
    complement = _complement(verb, allowed)
    # the parser sometimes hangs the reporting verb under its own content clause
    inverted = verb.dep_ == "ccomp" and verb.head.i > verb.i and verb.head.i in allowed
    leading = (complement is not None and complement.i > verb.i) or (
        complement is None and (inverted or _content_follows(verb, tokens))
    )
    if leading:
        subject_tokens = report_subject(verb, allowed)
        if not subject_tokens:
            return None
        frame_deps = _FRAME_DEPS if verb.lemma_ in _ADDRESSEE_VERBS else _FRAME_DEPS - {"dobj"}
        modifiers = {
            t.i
            for child in verb.children
            if child.dep_ in frame_deps
            and child.i > verb.i
            and not inverted
            and not counted_range(child)
            for t in child.subtree
        }
        modifiers = _before_a_that_clause(modifiers, tokens)
        if complement is not None:  # "told jurors she had ...": the clause hung on "jurors"
            modifiers -= {t.i for t in complement.subtree}
            modifiers -= {t.i for t in _subject_hung_on_addressee(verb, complement)}
        between = {t.i for t in tokens if subject_tokens[0].i < t.i < verb.i}
        fronted = fronted_citing(verb, subject_tokens[0])  # "Citing police, X reported that P"
        after = {t.i for t in tokens if t.i > verb.i}
        cited = citing(tokens, modifiers | between | fronted | after)
        skipped = modifiers | {t.i for t in cited}
        if cited:  # the whole "citing" phrase, a relative clause on those cited too
            cites = [t for t in tokens if t.i > verb.i and t.lemma_ == "cite"]
            skipped |= {t.i for cite in cites for t in citing_phrase(cite)}
        content = without_leading_time([t for t in tokens if t.i > verb.i and t.i not in skipped])
        if not long_enough(content_tokens(content)):
            content = after_opener(verb, tokens)
    else:
        subject_tokens = trailing_subject(verb, tokens)
        if not subject_tokens:
            return None
        opening = subject_tokens[0].i  # the content ends before it
        if subject_tokens[0].dep_ == "cc":  # "..., and the army confirmed."
            if tells_more(verb) or len(subject_tokens) == 1:
                return None  # "..., and aid groups warn the losses could ...": its own clause
            subject_tokens = subject_tokens[1:]
        # a second subject the parser gave the verb ("..., one critically, Police stated")
        stray = {
            t.i
            for c in verb.children
            if c.dep_ == "nsubj"
            and c.i < subject_tokens[0].i
            and c.left_edge.i > tokens[0].i  # not the content itself
            and c.doc[c.left_edge.i - 1].text == ","
            for t in c.subtree
        }
        content = [t for t in tokens if t.i < min(opening, verb.i) and t.i not in stray]
        if len(content) < 4 or not (complement is not None or ends_clause(content)):
            return None
        if fronted_modifier(verb, content) and not content[-1].is_quote:
            return None  # "Around the world, countries announced measures": no report
        content += resumed_quote(verb, tokens)
        cited = citing(tokens, {t.i for t in tokens if t.i > verb.i})
    content = content_tokens(content)
    if not long_enough(content):
        return None
    subject_tokens, network = channel_in_phrase(subject_tokens)  # "bloggers on Telegram"
    named = source_of(subject_tokens, refs)
    if named is None:
        return None
    source: Source | None
    source, lemma = named
    relayed_by = channel(verb) or network
    source_tokens = subject_tokens
    # "CNN reported, citing two aides": the aides, relayed by CNN; "The charity SeaLine said,
    # citing survivors": a body relaying others is the source itself (spec)
    relaying = is_outlet(source) or verb.lemma_.lower() in PUBLISHING_VERBS
    if cited and relaying:
        cited_source = source_of(cited, refs)
        if cited_source is not None:
            relay_named = source_of(outlet(subject_tokens), refs)
            relay = relay_named[0].name if relay_named else source.name
            source, lemma = cited_source
            source = source.model_copy(update={"via": relay})
            source_tokens = cited
    elif relayed_by is not None:
        relayed_by = named_channel(refs, relayed_by, article_offset(verb))
        source = source.model_copy(update={"via": relayed_by})
    if lemma in EVIDENCE_HEADS:
        source = None
    plural = any(t.tag_ in ("NNS", "NNPS") or t.dep_ == "conj" for t in source_tokens)
    words = frozenset(t.lemma_.lower() for t in source_tokens if t.pos_ in ("NOUN", "PROPN"))
    return Frame(
        source=source, content=content, verb=verb, head_lemma=lemma, plural=plural, words=words
    )
