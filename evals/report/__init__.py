"""Eval reports: canonical JSON, a Markdown summary and a self-contained HTML page."""
