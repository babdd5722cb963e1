"""The offline extractor: orchestrates layout, parsing, attribution, segmentation and fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from schemas.claims import ClaimKind, DraftClaim, TimeRef
from service.extractors.base import ArticleInput, ExtractionResult
from service.extractors.offline import carryover, completion
from service.extractors.offline.ages import PERSON_SURNAMES
from service.extractors.offline.assembly import ages_into_deaths, merge_headline, without_duplicates
from service.extractors.offline.attribution import Frame, find_frame
from service.extractors.offline.body_names import country_names
from service.extractors.offline.candidates import is_claim_candidate
from service.extractors.offline.certainty import certainty_of, is_negated
from service.extractors.offline.claim_time import claim_time, superseded_plan
from service.extractors.offline.coordination import (
    added_report,
    contrasting_report,
    leading_conjunct,
    own_estimate,
    parallel_clauses,
    second_report,
)
from service.extractors.offline.courtesies import no_claim
from service.extractors.offline.document_authors import note_document_authors
from service.extractors.offline.frames import PUBLISHING_VERBS
from service.extractors.offline.kinds import kind_of
from service.extractors.offline.layout import Block, split_blocks
from service.extractors.offline.locations import location_of
from service.extractors.offline.namings import naming_claim, with_namings
from service.extractors.offline.nested import unwrap_nested
from service.extractors.offline.nlp import MODEL_NAME, load_nlp
from service.extractors.offline.pronouns import PronounResolver, possessive
from service.extractors.offline.propositions import has_verb, propositions_of
from service.extractors.offline.publisher import publisher_keys, without_publisher
from service.extractors.offline.quantities import find_quantities
from service.extractors.offline.references import References
from service.extractors.offline.report_tails import (
    another_speakers_clause,
    contrast_after_report,
    drop_from_content,
    participle_after_report,
    report_added_after,
    speaker_act_in_content,
    trailing_act,
)
from service.extractors.offline.segmentation import (
    Proposition,
    long_enough,
    segments,
)
from service.extractors.offline.speakers import speaker_details
from service.extractors.offline.statement import attribution_span, dated_weekday, quote, render
from service.extractors.offline.story_clock import StoryClock
from service.extractors.offline.subjects import (
    first_noun,
    prefix_subject,
    subject_of,
    subject_token,
)
from service.extractors.offline.timing import FrameTime, announced_acts, frame_time, shared_time
from service.extractors.offline.tokens import article_offset, strip_edges

RULES_VERSION = "2025.24"


@dataclass
class _Segment:
    """A clause-level part of a sentence with the frame that attributes it."""

    tokens: list[Token]
    sentence_start: int  # article offset where the sentence starts
    frame: Frame | None


@dataclass(frozen=True)
class _Place:
    """Where a proposition sits: its sentence's offset, whether it is the headline, and the
    day its source spoke (when the frame says)."""

    sentence_start: int
    headline: bool
    speaking: dt.date | None


class OfflineExtractor:
    """spaCy + rules: deterministic draft claims without any model service."""

    name = "offline"
    cpu_bound = True  # workers run at most one per core

    def __init__(self) -> None:
        """Cheap: the spaCy pipeline loads on the first extract() call."""

    def warm_up(self) -> None:
        """Load the spaCy pipeline now rather than on the first article."""
        load_nlp()

    def identity(self) -> dict[str, str]:
        """What determines the output besides the text: the spaCy model and rules version."""
        return {"model": MODEL_NAME, "rules_version": RULES_VERSION}

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """Extract draft claims from one article."""
        layout = split_blocks(article.text)
        published = article.published or layout.dateline
        docs = load_nlp().pipe(block.text for block in layout.blocks)  # one batched parse
        parsed = list(zip(layout.blocks, docs, strict=True))
        for block, doc in parsed:
            doc.user_data["base"] = block.start  # block offset, to map tokens to the article
        refs = References.of([(b.start, doc) for b, doc in parsed])
        countries = country_names()  # "Jordan" of "Michael Jordan" may be the country
        lasts = (name.rsplit(" ", 1)[-1] for _, name in refs.persons if " " in name)
        surnames = frozenset(last for last in lasts if last.lower() not in countries)
        for _, doc in parsed:
            doc.user_data[PERSON_SURNAMES] = surnames  # "Lomuria, 26,": a person the tagger missed
        note_document_authors([doc for _, doc in parsed], refs)
        builder = _ClaimBuilder(refs, published)
        headline: list[DraftClaim] = []
        body: list[DraftClaim] = []
        for block, doc in parsed:
            claims = builder.block_claims(block, doc)
            (headline if block.headline else body).extend(claims)
        claims = without_duplicates(merge_headline(headline, ages_into_deaths(body)))
        claims = without_publisher(claims, publisher_keys(article.outlet, article.text))
        return ExtractionResult(
            claims=claims,
            model=MODEL_NAME,
            prompt_id=None,
            parameters={"rules_version": RULES_VERSION},
        )


class _ClaimBuilder:
    """Turns parsed blocks into draft claims, remembering references across sentences."""

    def __init__(self, refs: References, published: dt.date | None) -> None:
        self.refs = refs
        self.published = published
        self.pronouns = PronounResolver(refs)
        self.clock = StoryClock()
        self.speaking: tuple[str | None, dt.date | None] = (None, None)  # source, day

    def block_claims(self, block: Block, doc: Doc) -> list[DraftClaim]:
        """Draft claims of one block (a paragraph or the headline)."""
        claims: list[DraftClaim] = []
        for segment in self._segments(block, doc):
            outer = unwrap_nested(segment.frame) if segment.frame else None
            content = outer.content if outer else strip_edges(segment.tokens)
            if not long_enough(content):
                continue
            carried_unit = ""
            said = self._frame_time(segment.frame)
            made: list[tuple[DraftClaim, Token, bool]] = []
            details = [(detail, None) for detail in speaker_details(outer)]
            naming = naming_claim(content, self.refs) if outer is None else None
            pairs = [naming] if naming else self._attributed(propositions_of(content), outer)
            pairs = with_namings(pairs, self.refs)
            for proposition, frame in [*pairs, *details]:
                claim = self._claim(
                    proposition,
                    frame,
                    _Place(segment.sentence_start, block.headline, said.speaking),
                    carried_unit,
                )
                if claim is not None:
                    made.append((claim, proposition.head, proposition.nominal))
                    if claim.quantities:
                        carried_unit = claim.quantities[-1].unit
            made = announced_acts(made, outer.verb if outer else None, said)
            claims.extend(shared_time(made, content, self.published, said.as_of))
        return claims

    def _frame_time(self, frame: Frame | None) -> FrameTime:
        """The frame's time; a continued report ("The officials added ...") keeps the day
        its source spoke."""
        if frame is None:
            return FrameTime()
        said = frame_time(frame, frame.content, self.published)
        source = frame.source.name if frame.source else None
        if said.speaking is None and frame.verb is None and source == self.speaking[0]:
            return FrameTime(speaking=self.speaking[1])
        if frame.verb is not None:
            self.speaking = (source, said.speaking)
        return said

    def _attributed(
        self, propositions: list[Proposition], frame: Frame | None
    ) -> list[tuple[Proposition, Frame | None]]:
        """Pair propositions with their frame; a clause like "with X anticipating P" that
        segmentation split off carries a frame of its own."""
        paired: list[tuple[Proposition, Frame | None]] = []
        for proposition in propositions:
            if frame is not None and proposition.tokens[-1].i < frame.scope:
                paired.append((proposition, None))  # "P1 and, by early reports, P2"
                continue
            both = second_report(proposition) if frame is not None else None
            if both is not None:  # "said P but warned that Q": P and Q both the source's
                halves = [half for half in both if long_enough(half)]
                paired.extend((part, frame) for half in halves for part in propositions_of(half))
                continue
            added = added_report(proposition) if frame is not None else []
            if added:  # "said P and added that Q": Q is the same source's
                paired.extend((part, frame) for part in propositions_of(added))
                continue
            inner = None
            if proposition.head.dep_ == "pcomp" or contrasting_report(proposition.head):
                inner = find_frame(proposition.tokens, self.refs)
            if inner is None:
                paired.append((proposition, frame))
                continue
            self._remember(inner)
            inner = unwrap_nested(inner)
            paired.extend((part, inner) for part in propositions_of(inner.content))
        return paired

    def _remember(self, frame: Frame | None) -> None:
        if frame is not None and frame.source is not None:
            anchor = frame.verb or (frame.content[0] if frame.content else None)
            self.refs.remember_source(
                frame.head_lemma,
                frame.source,
                plural=frame.plural,
                words=frame.words,
                offset=article_offset(anchor) if anchor is not None else -1,
                outlet=frame.verb is not None and frame.verb.lemma_ in PUBLISHING_VERBS,
            )

    def _segments(self, block: Block, doc: Doc) -> list[_Segment]:
        found: list[tuple[list[Token], Frame | None, int]] = []
        for sentence in doc.sents:
            start = block.start + sentence.start_char
            for part in segments(sentence):
                found.extend((tokens, frame, start) for tokens, frame in self._framed(part))
        frames = [(tokens, frame) for tokens, frame, _ in found]
        result: list[_Segment] = []
        previous: Frame | None = None
        for tokens, frame, start in found:
            if frame is None:
                frame = (
                    carryover.quoted_frame(tokens, frames, doc)
                    or carryover.continued_frame(tokens, previous)
                    or carryover.speaker_frame(
                        tokens, block.speaker, self.refs, headline=block.headline
                    )
                )
            result.append(_Segment(tokens, start, frame))
            previous = frame
        return result

    def _framed(self, part: list[Token]) -> list[tuple[list[Token], Frame | None]]:
        """A segment's claim candidates, each with the frame that attributes it."""
        found: list[tuple[list[Token], Frame | None]] = []
        parts = contrast_after_report(part) or parallel_clauses(part) or (part,)
        report: Frame | None = None
        later: Frame | None = None  # the next part's frame, when it was looked up early
        for index, tokens in enumerate(parts):
            if not is_claim_candidate(tokens):
                continue
            frame = later if later is not None else find_frame(tokens, self.refs)
            later = None
            if frame is None and report is None and index + 1 < len(parts):
                later = report = find_frame(
                    parts[index + 1], self.refs
                )  # "A has 6 and B 5, X said"
            if frame is None and report is not None and not own_estimate(tokens):
                # "P, X said, while Q": Q is X's too
                frame = replace(report, content=tokens)
            if frame is not None:  # "P, X said, killing three": the toll is P's
                frame.content = [*frame.content, *participle_after_report(tokens, frame)]
            lead = leading_conjunct(tokens, frame)
            if lead and is_claim_candidate(lead):
                lead_frame = find_frame(lead, self.refs)
                self._remember(lead_frame)
                found.append((lead, lead_frame))
            self._remember(frame)
            found.append((tokens, frame))
            added = report_added_after(tokens, frame)
            if added and frame is not None:  # "P, X said, adding that Q"
                found.append((added, replace(frame, content=added)))
            act = trailing_act(tokens, frame) or speaker_act_in_content(tokens, frame)
            if act and frame is not None:  # "said P and ordered Q": Q is no report
                drop_from_content(frame, act)
                found.append((act, None))
            other = another_speakers_clause(tokens, frame)
            if other and frame is not None:  # "X said P, and Japan pledged Q": Q is Japan's
                drop_from_content(frame, other)
                found.append((other, find_frame(other, self.refs)))
            report = frame
        return found

    def _claim(
        self, proposition: Proposition, frame: Frame | None, place: _Place, carried_unit: str
    ) -> DraftClaim | None:
        head, tokens = proposition.head, proposition.tokens
        owned = {t.i for t in tokens} | {t.i for t in proposition.prefix}
        verb = frame.verb if frame else None
        replacements = dict(proposition.replacements)
        resolved = self._resolve_subject_pronoun(head, owned, replacements, frame)
        counted = completion.counted_number(head, owned)
        for index, text in counted.replacements.items():
            replacements.setdefault(index, text)  # a proposition's own completion wins
        owner = possessive(head, owned, self.refs)
        if owner is not None:  # "their role" -> "the volunteers’ role"
            replacements[owner[0]] = owner[1] + ("’" if owner[1].endswith("s") else "’s")
        replacements.update(completion.object_infinitive(head, verb).replacements)
        statement = render(tokens, replacements, proposition.prefix, proposition.link)
        short = len(statement.split()) < 3 and not long_enough(tokens)
        if short or not (proposition.nominal or has_verb(tokens)) or no_claim(tokens, head):
            return None
        certainty = certainty_of(head, owned, verb)
        kind = kind_of(head, owned, verb, certainty, headline=place.headline)
        if proposition.link and head.pos_ != "VERB":
            kind = ClaimKind.state  # "the fleet has 40 ships": an attribute
        numbered = proposition.numbered_tokens or tokens
        quantities = [
            found.quantity
            for found in find_quantities(numbered, carried_unit)
            if all(t.i in owned for t in found.tokens)
        ]
        context = self.clock.context(
            self.published,
            head,
            forward=kind is ClaimKind.forecast and not superseded_plan(head),
            speaking=place.speaking,
        )
        time, extra_spans = claim_time(proposition, context, forecast=kind is ClaimKind.forecast)
        self.clock.note_dated_events(tokens, context)
        evidence = [quote(proposition.evidence), *extra_spans, *attribution_span(frame, tokens)]
        if time is not None and time.start and time.start == time.end:
            dated = dated_weekday(tokens, time.text, time.start)
            if dated and not dated.keys() & replacements.keys():
                statement = render(
                    tokens, replacements | dated, proposition.prefix, proposition.link
                )
        past = head.tag_ in ("VBD", "VBN")
        if kind in (ClaimKind.event, ClaimKind.state) and not past and self._after(time):
            kind = ClaimKind.forecast  # "is due to open on May 3, 2031"
        if (
            time is not None
            and time.start
            and kind is not ClaimKind.forecast
            and not proposition.link
        ):
            self.clock.remember(time, tokens, head)  # a description's year is background
        reported = frame is not None and frame.verb is not None and frame.verb.i == head.i
        linked = prefix_subject(proposition.prefix, self.refs) if proposition.link else None
        subject = (
            linked  # "Tarn, a village of 900 people," -> "Tarn is ...": Tarn
            or subject_of(head, self.refs, counted.subject or resolved, reported=reported)
            or prefix_subject(proposition.prefix, self.refs)
            or first_noun(tokens, head, self.refs)
        )
        if owner is not None and not (counted.subject or resolved):
            subject = f"{subject} of {owner[1]}"
        self._remember_subject(head, subject)
        return DraftClaim(
            statement=statement,
            kind=kind,
            subject=subject,
            source=frame.source if frame else None,
            certainty=certainty,
            negated=is_negated(head, owned, verb),
            quantities=quantities,
            time=time,
            location=location_of(tokens, head),
            evidence=evidence,
            anchor=place.sentence_start,
        )

    def _after(self, time: TimeRef | None) -> bool:
        """True when the time starts after the publication date."""
        if time is None or time.start is None or self.published is None:
            return False
        return time.start[:10] > self.published.isoformat()[: len(time.start)]

    def _resolve_subject_pronoun(
        self, head: Token, owned: set[int], replacements: dict[int, str], frame: Frame | None
    ) -> str | None:
        """Replace a pronoun subject with its antecedent; returns the antecedent."""
        subject = subject_token(head)
        if subject is None:
            return None
        if subject.i in replacements:
            return replacements[subject.i]
        if subject.i not in owned or subject.pos_ != "PRON":
            return None
        verb, source = (frame.verb, frame.source) if frame else (None, None)
        antecedent = self.pronouns.resolve(subject, head, verb, source)
        if antecedent:
            replacements[subject.i] = antecedent
            if subject.lower_ in ("he", "she") and self.pronouns.is_person(antecedent):
                self.refs.note_pronoun(subject, antecedent)
        return antecedent

    def _remember_subject(self, head: Token, subject: str) -> None:
        token = subject_token(head)
        if token is None or token.pos_ == "PRON":
            return
        self.pronouns.note_subject(token)
        offset = article_offset(token)
        plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
        self.refs.note(subject, offset, person=token.ent_type_ == "PERSON", plural=plural)
