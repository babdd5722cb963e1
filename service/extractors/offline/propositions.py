"""The propositions of a stretch of content: clauses, then the parts each clause splits into
(fronted phrases, satellites, gapped agents, list items, named items)."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.candidates import (
    misread_predicate,
    set_off_remark,
    withheld_detail,
)
from service.extractors.offline.coordination import contrasting_report
from service.extractors.offline.gapping import split_gapped_agents
from service.extractors.offline.items import split_fronted_phrase, split_list_items
from service.extractors.offline.named_items import split_named_items
from service.extractors.offline.partitives import split_partitive
from service.extractors.offline.records import split_closing_record
from service.extractors.offline.relative_clauses import reported_relative_subject
from service.extractors.offline.satellites import split_satellites, split_share_of_them
from service.extractors.offline.segmentation import Proposition, split_clauses


def propositions_of(content: list[Token]) -> list[Proposition]:
    """Every proposition the content holds, in order."""
    propositions = split_partitive(content)  # "Of the 11 who died, nine were ..."
    if propositions:
        return propositions
    for clause in split_clauses(content):
        reported_relative_subject(clause)
        if clause.head.dep_ == "relcl" and set_off_remark(clause.tokens):
            continue  # "..., which cannot be independently confirmed"
        if withheld_detail([t for t in clause.tokens if not t.is_punct]):
            continue  # "..., but it did not say whether the line caused the fire"
        if contrasting_report(clause.head):
            propositions.append(clause)  # "..., while Y says P, including Q": split with P
            continue
        for part in split_fronted_phrase(clause):
            pieces = [
                piece
                for share in split_share_of_them(part)
                for satellite in split_satellites(share)
                for piece in split_closing_record(satellite)
            ]
            for piece in pieces:
                for agent in split_gapped_agents(piece):
                    for item in split_list_items(agent):
                        propositions.extend(split_named_items(item))
    return propositions


def has_verb(tokens: list[Token]) -> bool:
    """A verb, or a word after an infinitive "to" the tagger took for a noun ("to peak")."""
    after_to = any(t.pos_ == "PART" and t.lower_ == "to" for t in tokens[:-1])
    return after_to or any(t.pos_ in ("VERB", "AUX") or misread_predicate(t) for t in tokens)
