"""Review: reviewers accept, reject, edit and add claims; reviews become gold data."""
