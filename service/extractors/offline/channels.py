"""Channels that relay a statement: the networks named after "on" ("said on Telegram"), and
relays told by their kind ("he told the broadcaster"), the outlet named before."""

from __future__ import annotations

from service.extractors.offline.references import References
from service.extractors.offline.tokens import word_set

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
