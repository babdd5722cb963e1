"""Checks an article's text must pass before it is stored or extracted (API and CLI)."""

from __future__ import annotations

import hashlib
import re
from typing import Literal

# Markup that does not occur in plain prose: any closing tag of these elements, a line
# break or document tag, or two opening tags.
_ELEMENTS = r"html|head|body|p|div|span|br|a|article|section|script|style|h[1-6]|li|ul|ol|table"
_OPENING_TAG = re.compile(rf"<\s*(?:!doctype|{_ELEMENTS})\b[^>]*>", re.IGNORECASE)
_TELLTALE = re.compile(rf"</\s*(?:{_ELEMENTS})\s*>|<\s*(?:br|!doctype|html)\b", re.IGNORECASE)
_SCANNED_CHARS = 20_000

ProblemKind = Literal["empty", "too_long", "nul", "surrogate", "html"]


class TextProblem(ValueError):
    """Text that cannot be stored or extracted; the message says why."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def check_article_text(text: str, *, max_chars: int) -> None:
    """Raise TextProblem for empty, oversized, NUL-bearing, unencodable or HTML text."""
    if not text.strip():
        raise TextProblem("empty", "text is empty or only whitespace")
    if len(text) > max_chars:
        raise TextProblem(
            "too_long",
            f"text has {len(text):,} characters; the limit is {max_chars:,} "
            "(CLAIMKIT_MAX_ARTICLE_CHARS)",
        )
    if "\x00" in text:
        raise TextProblem("nul", "text contains NUL (\\u0000) characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise TextProblem(
            "surrogate",
            f"text contains an unpaired surrogate (\\u{ord(text[error.start]):04x}) at "
            f"character {error.start}",
        ) from None
    head = text[:_SCANNED_CHARS]
    tags = _OPENING_TAG.findall(head)
    if _TELLTALE.search(head) or len(tags) >= 2:
        shown = ", ".join(sorted({tag.lower() for tag in tags})[:4]) or "closing tags"
        raise TextProblem(
            "html",
            f"text looks like HTML ({shown}); claimkit stores text exactly as sent and quotes "
            "it verbatim, so send the article's plain text (e.g. extract it with trafilatura "
            "or your browser's reader view)",
        )


def text_sha256(text: str) -> str:
    """The content hash articles are de-duplicated by."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
