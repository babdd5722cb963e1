"""Channels that relay a statement: the networks named after "on" ("said on Telegram"), the
words that say an outlet, relays told by their kind ("he told the broadcaster"), the outlet
named before, and outlets that carried a statement ("carried by the news agency X")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.extractors.offline.references import References
from service.extractors.offline.source_phrases import NAME_JOINERS
from service.extractors.offline.tokens import verbatim, word_set

# Channels that relay a statement when named after "on" ("said on Telegram").
CHANNELS = word_set("""
    telegram twitter x facebook instagram youtube tiktok wechat weibo vk truth social linkedin
    threads bluesky mastodon reddit whatsapp
    """)


def named_channel(refs: References, relay: str, offset: int) -> str:
    """ "he told the broadcaster" after "Tom Berg told Italian broadcaster RAI": the
    outlet named last before `offset` (not a network), for a relay told by its kind."""
    if not _kind_only(relay):
        return relay
    kind = relay.lower().split()[1]
    named = [
        k.source.via
        for k in refs.sources
        if k.source.via
        and k.offset < offset
        and not _kind_only(k.source.via)
        and not _other_kind(kind, k.source.via)
        and k.source.via.lower() not in CHANNELS  # "told the newspaper" is no social network
    ]
    return named[-1] if named else relay


def _kind_only(relay: str) -> bool:
    """ "the broadcaster": a relay told by its kind, not its name."""
    words = relay.lower().split()
    return len(words) == 2 and words[0] == "the" and words[1] in _CHANNEL_KINDS


def _other_kind(kind: str, name: str) -> bool:
    """True when the outlet's name says it is not of this kind ("the broadcaster" is not the
    Orsk Post, "the newspaper" not Radio Borea)."""
    words = {word.lower() for word in name.split()}
    if kind in ("broadcaster", "station", "channel", "network"):
        return bool(words & _PRESS_TITLES)
    if kind in ("newspaper", "paper", "daily"):
        return bool(words & _BROADCAST_TITLES)
    return False


_PRESS_TITLES = word_set("""
    post times herald journal gazette tribune courier daily telegraph guardian chronicle
    mail observer examiner inquirer gazeta diario jornal
    """)
_BROADCAST_TITLES = word_set("radio tv television channel broadcasting fm rtv")
# Kinds of outlet a relay may be told by ("told the broadcaster").
_CHANNEL_KINDS = word_set("broadcaster newspaper paper daily station channel network agency")


# Words that say a news outlet ("told the broadcaster", "the Orsk Post").
OUTLET_WORDS = word_set("""
    times news post herald journal gazette tribune courier daily radio television tv press
    broadcaster newspaper magazine telegraph guardian chronicle reuters ap afp bbc cnn wire
    """)


def carried_by(phrase: Token) -> str | None:
    """The outlet of "in a statement carried by the state news agency Karsa Press"; not a
    body or person that only holds an outlet word ("released by the Post Office", "published
    by newspaper editor Anna Nowak")."""
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    if not objects or objects[0].lemma_.lower() not in ("statement", "interview", "message"):
        return None
    for participle in objects[0].children:
        if participle.dep_ != "acl" or participle.lemma_.lower() not in _CARRYING:
            continue
        for agent in (c for c in participle.children if c.lower_ == "by"):
            outlets = [c for c in agent.children if c.dep_ == "pobj"]
            name = outlet_named_by_kind(outlets[0]) if outlets else []
            return verbatim(name) if name else None
    return None


# Verbs for an outlet relaying a statement ("a statement carried by the news agency X").
_CARRYING = frozenset({"carry", "publish", "broadcast", "air", "run", "release", "relay"})


def outlet_named_by_kind(noun: Token) -> list[Token]:
    """The name of an outlet told with its kind: "the broadcaster Forth Sport", "the news
    agency Xinhua-Orsk", "the television station Kanal 9" (whichever word the parser made
    the head); [] when no kind of outlet comes right before the name ("newspaper editor Anna
    Nowak")."""
    doc = noun.doc
    if noun.pos_ == "NOUN" and an_outlet_word(noun):
        named = [c for c in noun.children if c.dep_ == "appos" and c.text[:1].isupper()]
        start = named[0].left_edge.i if named else noun.right_edge.i + 1
    else:
        kinds = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if not kinds or not an_outlet_word(kinds[-1]):
            return []
        start = kinds[-1].i + 1  # "the state news agency [Karsa Press]"
    return _name_from(doc, start)


def an_outlet_kind(word: Token) -> bool:
    """True for a word that may tell an outlet's kind ("daily", "agency", "news", "portal")."""
    return word.lower_ in _KIND_WORDS


def name_after_kind(tokens: list[Token]) -> list[Token]:
    """The name after an outlet's kind words, whatever the parser made of them ("the business
    daily Orsk Ledger", "the news portal Tarn Monitor"); [] when no kind word comes first."""
    kinds = 0
    for k, token in enumerate(tokens[:6]):
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        # "the Mauritanian news agency X", "the Orsk news site X": a place before the kind
        placed = token.ent_type_ in ("NORP", "GPE") and following is not None and following.is_lower
        if token.text[:1].isupper() and not placed:
            return _name_from(token.doc, token.i) if kinds and k else []
        if token.lower_ in _KIND_WORDS:
            kinds += 1
        elif kinds or not token.is_lower:  # "newspaper reporter Ana Ruiz": a person
            return []
    return []


def _name_from(doc: Doc, start: int) -> list[Token]:
    """The name that starts at `start`: capitalised words, with numbers ("Kanal 9") and
    joiners ("Voice of Tarn", "Xinhua-Orsk") inside it; it ends before a date ("Monday")."""
    name: list[Token] = []
    for token in doc[start:]:
        if token.ent_type_ in ("DATE", "TIME"):
            break
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        joiner = token.lower_ in NAME_JOINERS and following is not None and following.is_title
        if not (token.text[:1].isupper() or (name and (token.like_num or joiner))):
            break
        name.append(token)
    return name


def an_outlet_word(noun: Token) -> bool:
    """True for a noun that says an outlet ("the broadcaster", "the news agency"), not a
    courier or postal service."""
    media = [c for c in noun.children if c.dep_ == "compound" and c.lower_ in _MEDIA_WORDS]
    return noun.lower_ in OUTLET_WORDS or (bool(media) and noun.lower_ in _OUTLET_HEADS)


# What a media word makes an outlet of ("news agency", "radio station"; not "news conference").
_OUTLET_HEADS = frozenset(
    {"agency", "service", "station", "channel", "network", "outlet", "site", "website", "portal"}
)
_MEDIA_WORDS = frozenset({"news", "radio", "television", "tv", "press", "media", "broadcasting"})
# Words that may tell an outlet's kind before its name ("the business daily", "news portal").
_KIND_WORDS = OUTLET_WORDS | _OUTLET_HEADS | _MEDIA_WORDS
