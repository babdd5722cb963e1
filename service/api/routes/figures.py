"""Cross-article links: figures (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
