"""Check a reviewer's claim against the contract and the article text."""

from __future__ import annotations

from collections.abc import Iterable

from schemas.claims import Claim, Span
from schemas.review import ClaimEdit
from service.grounding import Grounder, QuoteNotFound


class EditError(ValueError):
    """An edit that breaks the contract; `loc` names the field, as in FastAPI's 422s."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(f"{'.'.join(map(str, loc))}: {message}")
        self.loc = loc
        self.message = message

    def detail(self) -> list[dict[str, object]]:
        """The error in FastAPI's validation-error shape, so clients parse one format."""
        return [{"loc": ["body", *self.loc], "msg": self.message, "type": "value_error"}]


def _relocated(grounder: Grounder, span: Span, index: int) -> Span:
    """The sent span, located again by the grounder; refused unless it lands on itself."""
    try:
        located = grounder.locate(span.text, anchor=span.start)
    except QuoteNotFound:
        located = None
    if located is not None and (located.start, located.end, located.text) == (
        span.start,
        span.end,
        span.text,
    ):
        return located
    found = grounder.text[span.start : span.end]
    if found == span.text:
        message = f"evidence must not start or end with whitespace: {span.text!r}"
    else:
        message = (
            f"evidence must be verbatim: the article text at {span.start}:{span.end} is "
            f"{found!r}, not {span.text!r}"
        )
    raise EditError(("evidence", index), message)


def _located_quote(grounder: Grounder, quote: str, index: int, anchor: int | None) -> Span:
    try:
        return grounder.locate(quote, anchor=anchor)
    except QuoteNotFound:
        raise EditError(
            ("evidence", index), f"evidence must be verbatim: {quote!r} is not in the article text"
        ) from None


def resolve_edit(
    article_text: str,
    edit: ClaimEdit,
    *,
    anchor: int | None = None,
    original: Iterable[Span] = (),
) -> Claim:
    """The contract claim for an edit: spans verified, quotes located near `anchor`.

    Every item is located by the grounder; a span must land on its own offsets. A span at
    the offsets of one of the `original` spans (the claim before the edit) keeps that span's
    alignment and score, so sending a fuzzy-located span back unchanged does not change it.
    Raises EditError naming the evidence item that is not verbatim in the text.
    """
    grounder = Grounder(article_text)
    located = {(span.start, span.end): span for span in original}
    spans: list[Span] = []
    for index, item in enumerate(edit.evidence):
        if isinstance(item, Span):
            span = _relocated(grounder, item, index)
        else:
            span = _located_quote(grounder, item, index, anchor)
        offsets = (span.start, span.end)
        if offsets in located:
            before = located[offsets]
            span = span.model_copy(update={"alignment": before.alignment, "score": before.score})
        spans.append(span)
        anchor = span.end
    unique = list({(span.start, span.end): span for span in spans}.values())
    return Claim(**edit.model_dump(exclude={"evidence"}), evidence=unique)
