"""Renderers of a report: text, JSON, Markdown, HTML and the CI formats."""

LOOSE_FILES = "the files given"


def story_label(name: str) -> str:
    """A story's name as a reader sees it: article files named on the command line, not in a story
    folder, make one story with no name (machine formats keep the empty name; baselines key on it)."""
    return name or LOOSE_FILES
