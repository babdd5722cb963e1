"""What article text is refused before storage or extraction, and why."""

from __future__ import annotations

import pytest

from service.article_text import TextProblem, check_article_text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (" \n\t ", "empty"),
        ("x" * 101, "too_long"),
        ("a\x00b", "nul"),
        ("a\ud800b", "surrogate"),
        ("<p>The minister said 7 people died.</p>", "html"),
        ("Line one<br>line two", "html"),
        ('<div class="story">Text <span>more</span>', "html"),
        ("<!DOCTYPE html>Text", "html"),
    ],
)
def test_problem_text_is_refused_with_its_kind(text: str, kind: str):
    with pytest.raises(TextProblem) as problem:
        check_article_text(text, max_chars=100)
    assert problem.value.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 3 < 5 and the <b>bold</b> claim stood.",
        "The index rose to <100 points> by noon, analysts said.",
        "A story that mentions the <p> tag in passing.",
    ],
)
def test_plain_prose_with_angle_brackets_is_accepted(text: str):
    check_article_text(text, max_chars=1_000)
