"""Phrases that attribute without a reporting verb ("according to X", "by early reports",
"In a report of X,") or name what relayed a statement ("citing X", "via X", "told X")."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.claims import Source
from service.extractors.offline.body_names import BODY_DESCRIPTIONS
from service.extractors.offline.channels import (
    CHANNELS,
    OUTLET_WORDS,
    an_outlet_kind,
    an_outlet_word,
    carried_by,
    name_after_kind,
    outlet_named_by_kind,
)
from service.extractors.offline.frames import REPORTING_VERBS
from service.extractors.offline.source_phrases import NAME_JOINERS
from service.extractors.offline.sources import DOCUMENT_HEADS, outlet, phrase_text
from service.extractors.offline.tokens import strip_edges, verbatim, word_set


def according_to(tokens: list[Token]) -> list[Token]:
    """The tokens of an "according to X" phrase (without the trailing comma), if any."""
    ids = {t.i for t in tokens}
    for position, token in enumerate(tokens[:-2]):
        if token.lower_ == "according" and tokens[position + 1].lower_ == "to":
            objects = [c for c in tokens[position + 1].children if c.dep_ == "pobj"]
            if objects and all(t.i in ids for t in objects[0].subtree):
                subtree = [t for t in objects[0].subtree if not _in_clause(t, objects[0])]
                # a participle describing the document ("a survey released Monday by X")
                # belongs to the attribution, a relative clause may carry content
                subtree += _detached_name(tokens, subtree[-1], objects[0])
                subtree += _short_form_after(tokens, subtree[-1])
                return strip_edges([token, tokens[position + 1], *subtree])
            phrase = [token, tokens[position + 1]]
            for following in tokens[position + 2 :]:
                if following.is_punct and following.text not in ("(", ")", "-", "’s", "'s"):
                    break
                phrase.append(following)
            return phrase
    return []


def _short_form_after(tokens: list[Token], last: Token) -> list[Token]:
    """ "according to the Office for Refugees (OFR),": the short form the parser hung
    elsewhere; [] when none follows."""
    following = [t for t in tokens if t.i > last.i][:3]
    texts = [t.text for t in following]
    if len(texts) == 3 and texts[0] == "(" and texts[2] == ")" and texts[1][:1].isupper():
        return following
    return []


def _detached_name(tokens: list[Token], last: Token, role: Token) -> list[Token]:
    """ "according to the party's chair, Lotte Varn.": the name the parser left off the
    role it names, closing the sentence; [] when there is none."""
    following = [t for t in tokens if t.i > last.i]
    named_after = outlet_named_by_kind(role)  # "according to the daily newspaper Denní Hlas,"
    if named_after and following[: len(named_after)] == named_after:
        return named_after
    if last.text == ",":  # the parser hung the comma on the role
        following = [last, *following]
    if role.pos_ != "NOUN" or len(following) < 2 or following[0].text != ",":
        return []
    name = following[1:]
    while name and name[-1].is_punct:
        name = name[:-1]
    named = 0 < len(name) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name)
    if named:
        return following[: len(name) + 1]
    return _set_off_name(following, role)


def _set_off_name(following: list[Token], role: Token) -> list[Token]:
    """ "according to the state weather agency, Metnor, rain ...": the name of a described
    body set off by commas before the content; [] when there is none (not "according to the
    police, Kowalski, who ...", "according to the company, Apple, Google and ...")."""
    described = any(c.dep_ in ("det", "poss") for c in role.children)
    modified = any(c.dep_ in ("amod", "compound", "nmod") for c in role.children)
    body = role.lemma_.lower() in BODY_DESCRIPTIONS
    closing = next((k for k, t in enumerate(following[1:6], 1) if t.text == ","), None)
    if not (described and modified and body) or closing is None or closing + 1 >= len(following):
        return []
    name = following[1:closing]
    proper = all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name)
    entity = {t.ent_type_ for t in name} <= {"ORG", "PERSON", ""}
    after = following[closing + 1]
    # an age, a list going on, a relative clause or an apposition: the name is the content's
    content = after.like_num or after.pos_ in ("PROPN", "DET", "PRON") or after.lower_ == "and"
    return following[:closing] if name and proper and entity and not content else []


def _in_clause(token: Token, top: Token) -> bool:
    """True when a token sits in a relative clause below `top` that may carry content;
    not one that describes an appositive ("according to X, a website that tracks outages")."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ != "VBN"):
            describes = token.head.dep_ == "appos" and token.lemma_ not in REPORTING_VERBS
            return not describes
        token = token.head
    return False


def channel(verb: Token) -> str | None:
    """The channel a statement was relayed through: "via Telegram", "told Radio Borea"."""
    found = _own_channel(verb)
    if found is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        found = _own_channel(verb.head)  # "congratulated her on Twitter, writing that P"
    if found is None and verb.lemma_.lower() == "tweet":
        found = "Twitter"  # "tweeted that P": the verb names the network
    return found


def _own_channel(verb: Token) -> str | None:
    for child in verb.children:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ in ("via", "through") and objects:
            return phrase_text(outlet(list(objects[0].subtree)))
        on_channel = child.lower_ == "on" and objects and objects[0].lower_ in CHANNELS
        if child.dep_ == "prep" and on_channel:
            return objects[0].text
        if child.dep_ == "prep" and child.lower_ == "in":  # "in a post on Facebook", "in a tweet"
            network = _network_in(child)
            if network is not None:
                return network
        told = verb.lemma_ == "tell" and child.dep_ in ("dobj", "dative")
        addressee = _without_clauses(child)
        named = any(t.ent_type_ == "ORG" for t in addressee)
        # "told the regional daily Vestkysten-Posten": a name the kind of paper introduces
        introduced = child.pos_ == "PROPN" and _named_after_its_kind(child)
        kind_then_name = told and bool(name_after_kind(addressee))  # "the news portal X"
        if told and (named or introduced or an_outlet_word(child) or kind_then_name):
            undated = list(addressee)
            while undated and undated[-1].ent_type_ == "DATE" and undated[-1].pos_ == "PROPN":
                undated.pop()  # "told the news agency Monday": no channel named "Monday"
            named_outlet = outlet_named_by_kind(child) or name_after_kind(undated)
            return phrase_text(named_outlet or outlet(undated))
        if child.dep_ == "prep" and child.lower_ == "in":  # "in an interview with Radio X"
            relay = _interview_with(child) or carried_by(child)
            if relay is not None:
                return relay
        if child.dep_ == "advcl" and child.lemma_.lower() in ("speak", "write", "appear"):
            relay = _speaking_on(child)  # "Speaking on CNN, X said"
            if relay is not None:
                return relay
    return None


def _named_after_its_kind(name: Token) -> bool:
    """ "the regional daily Vestkysten-Posten", "the Rosario newspaper La Voz del Paraná": a
    name right after the kind of paper it is, not a person's ("newspaper reporter Ana Ruiz")."""
    doc, start = name.doc, name.i
    while start > 0 and (
        doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in NAME_JOINERS
    ):
        start -= 1
    return start > 0 and doc[start - 1].lower_ in OUTLET_WORDS


def _without_clauses(noun: Token) -> list[Token]:
    """A noun phrase without the clauses and appositives the parser hung on it."""
    hung = {
        t.i
        for c in noun.children
        if c.dep_ in ("relcl", "acl") or (c.dep_ == "appos" and c.pos_ != "PROPN")
        for t in c.subtree
    }  # "the Courier her client would appeal", not "the broadcaster NBR"
    return [t for t in noun.subtree if t.i not in hung]


def _speaking_on(participle: Token) -> str | None:
    """The outlet of "Speaking on CNN" or "Writing in the Orsk Post"."""
    for child in participle.children:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ in ("on", "to", "in") and objects:
            named = objects[0].pos_ == "PROPN" or objects[0].lower_ in CHANNELS | OUTLET_WORDS
            place = objects[0].ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME")  # "in Leeds"
            # "Speaking in Guntersville": one speaks in a place, writes in a paper
            outlet_named = any(t.lower_ in OUTLET_WORDS for t in objects[0].subtree)
            spoken_in = child.lower_ == "in" and participle.lemma_.lower() == "speak"
            if named and not place and not (spoken_in and not outlet_named):
                return phrase_text(outlet(list(objects[0].subtree)))
    return None


def _interview_with(phrase: Token) -> str | None:
    """The outlet of "in an interview with Radio Ostria" (not "with reporters")."""
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    if not objects or objects[0].lemma_.lower() not in ("interview", "conversation"):
        return None
    for child in objects[0].children:
        outlets = [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ == "with" and outlets and outlets[0].pos_ == "PROPN":
            return phrase_text(outlet(list(outlets[0].subtree)))
        name = outlet_named_by_kind(outlets[0]) if outlets else []
        if child.lower_ == "with" and name:  # "the broadcaster Forth Sport"
            return phrase_text(name)
    return None


# Posts that name their network ("said in a tweet").
_NETWORK_POSTS = {"tweet": "Twitter"}


def _network_in(phrase: Token) -> str | None:
    """The social network named inside "in a post on X", "in a statement posted on X",
    "in a Facebook post" or "in a tweet"."""
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    if objects and objects[0].lower_ in _NETWORK_POSTS:
        return _NETWORK_POSTS[objects[0].lower_]
    if objects and objects[0].lemma_.lower() in ("post", "video", "message", "statement"):
        named = _network_named(objects[0])
        if named is not None:
            return named
    for token in phrase.subtree:
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if token.lower_ in ("on", "to") and objects:
            named = _network_named(objects[0])  # "posted to Twitter", "on its Telegram channel"
            if named is not None:
                return named
    return None


def _network_named(noun: Token) -> str | None:
    """A network a noun names: itself ("Twitter") or its modifier ("its Telegram channel")."""
    if noun.lower_ in CHANNELS:
        return noun.text
    named = [c for c in noun.children if c.dep_ == "compound" and c.lower_ in CHANNELS]
    return named[0].text if named else None


def impersonal_report(tokens: list[Token]) -> list[Token]:
    """ "It was reported that P", "P, it was reported on public television": the phrase, with its
    "that" and the channel after "on"/"by"/"in", or []."""
    ids = {t.i for t in tokens}
    for verb in tokens:
        if verb.lemma_.lower() != "report" or verb.tag_ != "VBN":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ == "it"]
        if not subjects or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        phrase = {subjects[0].i, verb.i}
        phrase |= {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
        for child in verb.children:
            if child.dep_ == "prep" and child.i > verb.i and child.lower_ in ("on", "by"):
                phrase |= {t.i for t in child.subtree}  # "on public television", "on Monday"
            if child.dep_ == "ccomp" and child.i > verb.i:
                phrase |= {c.i for c in child.children if c.dep_ == "mark" and c.lower_ == "that"}
        return [t for t in tokens if t.i in phrase and t.i in ids]
    return []


def by_reports(tokens: list[Token]) -> list[Token]:
    """ "By early reports," / ", by most accounts,": the phrase between commas."""
    for start, token in enumerate(tokens[:-3]):
        if token.lower_ not in ("by", "from") or (start and tokens[start - 1].text != ","):
            continue
        for position in range(start + 2, min(start + 6, len(tokens))):
            if tokens[position].text == ",":
                last = tokens[position - 1].lemma_.lower()
                return tokens[start:position] if last in ("report", "account") else []
    return []


def source_words(phrase: list[Token]) -> list[Token]:
    """The source noun phrase inside "according to X" / "in a report of X" (without the
    outlet that saw or quoted it: "budget documents seen by Reuters")."""
    words = phrase[2:] if phrase[0].lower_ == "according" else phrase[1:]
    relay = _relaying_participle(words)
    return words[:relay] if relay else words


def relayed_by(phrase: list[Token]) -> list[Token]:
    """The outlet in "according to an official quoted by the Courier": what follows "by"."""
    relay = _relaying_participle(phrase)
    return phrase[relay + 2 :] if relay else []


_RELAYING = word_set("seen obtained reviewed quoted cited")


def _relaying_participle(words: list[Token]) -> int:
    """Where "seen by", "quoted by" begins in a source phrase (0: nowhere)."""
    for position, token in enumerate(words[1:-2], start=1):
        if token.lower_ in _RELAYING and words[position + 1].lower_ == "by":
            return position
    return 0


def report_phrase(tokens: list[Token]) -> list[Token]:
    """A fronted "In a (weekly) report of the Port Authority," phrase naming its author."""
    first = tokens[0]
    if first.lower_ != "in" or len(tokens) < 5:
        return []
    phrase: list[Token] = []
    for token in tokens:
        first_comma = all(t.text != "," for t in phrase)
        if token.text == "," and not (first_comma and _told_how(token, phrase)):
            break
        phrase.append(token)
    heads = [t for t in phrase if t.lemma_.lower() in DOCUMENT_HEADS]
    named = any(t.ent_type_ in ("ORG", "PERSON", "GPE") for t in phrase)
    # "In the firm's previous poll,": a body described before owns the document
    named = named or any(t.dep_ == "poss" and t.lemma_.lower() in BODY_DESCRIPTIONS for t in phrase)
    return phrase if heads and named and len(phrase) < len(tokens) - 3 else []


def _told_how(comma: Token, phrase: list[Token]) -> bool:
    """ "In the poll, carried out May 2-4,": a participle set off after the document is part
    of the phrase naming it, up to the comma after it."""
    doc = comma.doc
    following = doc[comma.i + 1] if comma.i + 1 < len(doc) else None
    if following is None or following.tag_ != "VBN":
        return False
    return following.head in phrase or following.lemma_.lower() in _DOCUMENT_PARTICIPLES


# Participles that tell how a document was made, wherever the parser hangs them.
_DOCUMENT_PARTICIPLES = word_set("conduct carry take field publish release")


_SHOWING = frozenset(
    {"show", "shows", "showed", "suggest", "suggests", "suggested", "indicate", "indicates"}
)


def trailing_document(tokens: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """ "P, preliminary figures from the agency show.": a document closing the sentence that
    reports P, which the small parser reads as a noun ("agency show"); (the phrase, its
    source words) or None."""
    words = strip_edges(tokens)
    if len(words) < 6 or words[-1].lower_ not in _SHOWING:
        return None
    comma = max((k for k, t in enumerate(words[:-1]) if t.text == ","), default=None)
    if comma is None or comma < 3:
        return None
    source = words[comma + 1 : -1]
    documented = any(t.lemma_.lower() in DOCUMENT_HEADS for t in source[:3])
    if not (0 < len(source) <= 7 and documented):
        return None
    owner = next((k for k, t in enumerate(source) if t.lower_ in ("from", "by", "of")), None)
    return words[comma:], source[owner + 1 :] if owner is not None else source


def _outlet_before_its_speaker(tokens: list[Token]) -> tuple[list[Token], str] | None:
    """ "In a message relayed by the news agency Al-Wassit, the Sahel Front said": the parser
    makes the outlet the subject and the speaker its appositive; the speaker, and the outlet."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head is t]
    if len(heads) != 1 or heads[0].pos_ != "PROPN":
        return None
    head = heads[0]
    start = head.left_edge.i
    if start == 0 or not an_outlet_kind(head.doc[start - 1]):
        return None
    speakers = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    if not speakers:
        return None
    speaker = list(speakers[0].subtree)
    return speaker, verbatim(list(head.doc[start : head.i + 1]))


def _quoted_by_outlet(participle: Token, tokens: list[Token]) -> tuple[list[Token], str] | None:
    """ "analysts quoted by the business daily Orsk Ledger (on Tuesday)": the source phrase
    without the participle and all it holds, and the outlet; None for any other word."""
    if participle.dep_ != "acl" or participle.lemma_.lower() not in _QUOTING:
        return None
    doc = participle.doc
    if participle.i + 1 >= len(doc) or doc[participle.i + 1].lower_ != "by":
        return None
    name = name_after_kind(list(doc[participle.i + 2 : participle.i + 9]))
    if not name:
        return None
    end = max(name[-1].i, participle.right_edge.i)
    kept = [t for t in tokens if not participle.i <= t.i <= end]
    while kept and kept[-1].is_punct:
        kept.pop()  # "Ana Vell, interviewed by ..."
    return kept, verbatim(name)


# Participles for an outlet quoting a source ("analysts quoted by the daily X").
_QUOTING = frozenset({"quote", "cite", "interview", "poll", "survey"})


def is_outlet(source: Source) -> bool:
    """True when a source is a publication or broadcaster ("the Harbour Times")."""
    return source.name.split()[-1].lower() in OUTLET_WORDS


def channel_in_phrase(tokens: list[Token]) -> tuple[list[Token], str | None]:
    """ "military bloggers on Telegram", "analysts quoted by the business daily Orsk Ledger":
    the source phrase without its network or outlet, and that channel, or the tokens
    unchanged and None."""
    relay = _outlet_before_its_speaker(tokens)
    if relay is not None:
        return relay
    for token in tokens:
        quoted = _quoted_by_outlet(token, tokens)
        if quoted is not None:
            return quoted
        objects = [c for c in token.children if c.dep_ == "pobj" and c.lower_ in CHANNELS]
        if token.dep_ == "prep" and token.lower_ in ("on", "via") and objects:
            inside = {t.i for t in token.subtree}
            return [t for t in tokens if t.i not in inside], objects[0].text
    return tokens, None
