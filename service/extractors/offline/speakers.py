"""Claims told about a speaker in passing: "Arvid Dalstrom, 54, told supporters ...",
'"...," said Ana Ruiz, 22, a student' and "Albury, who has spent $40 million since June,
said ..." carry claims of their own."""

from __future__ import annotations

from service.extractors.offline.frames import Frame
from service.extractors.offline.quantities import is_number_token
from service.extractors.offline.quantity_names import in_name
from service.extractors.offline.satellites import described_person, personal_appositive
from service.extractors.offline.segmentation import Proposition, split_clauses


def speaker_details(frame: Frame | None) -> list[Proposition]:
    """Propositions in the speaker's phrase: a numbered appositive or a relative clause."""
    if frame is None or frame.verb is None:
        return []
    subjects = [c for c in frame.verb.children if c.dep_ == "nsubj"]
    found: list[Proposition] = []
    for subject in subjects:
        for child in subject.children:
            phrase = list(child.subtree)
            # a speaker named before or after the verb ("..., said Ana Ruiz, 22, a student");
            # a number in a name ("spokeswoman for Voz aos 16") tells nothing of them
            numbered = any(is_number_token(t) and not in_name(t) for t in phrase)
            if child.dep_ == "appos" and numbered and personal_appositive(child):
                found.append(described_person(phrase, frame.verb))
            dated = numbered or any(t.ent_type_ == "DATE" for t in phrase)
            set_off = phrase[0].i > 0 and phrase[0].nbor(-1).text == ","
            if child.dep_ == "relcl" and set_off and dated:  # not "who heads the ward"
                tokens = [*subject.doc[subject.left_edge.i : subject.i + 1], *phrase]
                found.extend(p for p in split_clauses(tokens) if p.head.i == child.i)
    return found
