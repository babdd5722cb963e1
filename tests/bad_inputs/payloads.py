"""Script and attribute-breaking payloads in every text field the review pages show.

They are text, so they are stored as sent (only article text that looks like an HTML
document is refused); the pages must show them as text, never run them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

SCRIPT = "<script>window.__xss=1</script>"
ATTRIBUTE_BREAK = '"><img src=x onerror="window.__xss=2">'
# One opening tag and no closing one: article text, not an HTML document.
TEXT = (
    "Officials said <script>window.__xss=3 about 3,000 soldiers arrived on Wednesday.\n\n"
    f"Witnesses near the bridge saw {ATTRIBUTE_BREAK} and heard shots."
)
URL = 'https://example.com/news?q=<script>alert(1)</script>&x="><img%20src=x%20onerror=alert(2)>'
QUOTE = "Officials said <script>window.__xss=3 about 3,000 soldiers arrived on Wednesday"
# Markup a page would run or parse if a field went out unescaped.
RAW = ("<script>window.__xss", "<img src=x onerror", "<script>alert")


def payload_claim(statement: str) -> dict[str, Any]:
    """A claim on TEXT with a payload in every field."""
    return {
        "statement": statement,
        "kind": "event",
        "subject": f"soldiers {SCRIPT}",
        "source": {"name": f"Officials {ATTRIBUTE_BREAK}", "anonymous": False, "via": SCRIPT},
        "certainty": "certain",
        "negated": False,
        "quantities": [
            {"text": "about 3,000", "value": 3000, "unit": SCRIPT, "approx": "approximately"}
        ],
        "time": {"text": f"Wednesday {ATTRIBUTE_BREAK}", "start": None, "end": None},
        "location": SCRIPT,
        "evidence": [QUOTE],
    }


def seed_payloads(api: Any) -> int:
    """Post TEXT with payload metadata, add and edit a payload claim; the article's id.

    `api` is an httpx.Client or Starlette's TestClient, writing with any key needed.
    """
    article = api.post(
        "/articles",
        json={"text": TEXT, "title": SCRIPT, "outlet": ATTRIBUTE_BREAK, "url": URL},
        params={"wait": 120},
    )
    assert article.status_code == 201, article.text
    article_id: int = article.json()["article"]["id"]
    added = api.post(
        f"/articles/{article_id}/review/claims",
        json=payload_claim(SCRIPT),
        headers={"X-Reviewer": quote(SCRIPT)},
    )
    assert added.status_code == 201, added.text
    edited = api.post(
        f"/claims/{added.json()['id']}/edit",
        json=payload_claim(f"{ATTRIBUTE_BREAK} edited"),
        headers={"X-Reviewer": quote(ATTRIBUTE_BREAK)},
    )
    assert edited.status_code == 200, edited.text
    return article_id
