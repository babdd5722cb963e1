"""Check a reviewer's claim against the contract and the article text."""

from __future__ import annotations

from schemas.claims import Alignment, Claim, Span
from service.grounding import Grounder, QuoteNotFound
from service.review.schemas import ClaimEdit


class EditError(ValueError):
    """An edit that breaks the contract; `loc` names the field, as in FastAPI's 422s."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(f"{'.'.join(map(str, loc))}: {message}")
        self.loc = loc
        self.message = message

    def detail(self) -> list[dict[str, object]]:
        """The error in FastAPI's validation-error shape, so clients parse one format."""
        return [{"loc": ["body", *self.loc], "msg": self.message, "type": "value_error"}]


def _checked_span(text: str, span: Span, index: int) -> Span:
    if span.matches(text):
        return span if span.alignment else span.model_copy(update={"alignment": Alignment.exact})
    found = text[span.start : span.end]
    raise EditError(
        ("evidence", index),
        f"evidence must be verbatim: the article text at {span.start}:{span.end} is "
        f"{found!r}, not {span.text!r}",
    )


def resolve_edit(article_text: str, edit: ClaimEdit, *, anchor: int | None = None) -> Claim:
    """The contract claim for an edit: spans verified, quotes located near `anchor`.

    Raises EditError naming the evidence item that is not verbatim in the text.
    """
    grounder = Grounder(article_text)
    spans: list[Span] = []
    for index, item in enumerate(edit.evidence):
        if isinstance(item, Span):
            span = _checked_span(article_text, item, index)
        else:
            try:
                span = grounder.locate(item, anchor=anchor)
            except QuoteNotFound:
                raise EditError(
                    ("evidence", index),
                    f"evidence must be verbatim: {item!r} is not in the article text",
                ) from None
        spans.append(span)
        anchor = span.end
    unique = list({(span.start, span.end): span for span in spans}.values())
    return Claim(**edit.model_dump(exclude={"evidence"}), evidence=unique)
