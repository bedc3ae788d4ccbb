"""What rules that compare a whole story at once can read: articles, word weights, entities.

Most rules only extract claims and leave alignment to checker/align.py. Rules
whose facts need their own alignment (quotes, names, statements) define
``check_story(story, claims) -> list[Finding]`` and get a Story.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from checker.align import Idf
from checker.model import Article, ClaimGroup, Span


@dataclass
class Story:
    articles: list[Article]
    idf: Idf
    # (article, sentence, article, sentence) for sentences already shown to state one fact
    linked: set[tuple[str, Span, str, Span]] = field(default_factory=set)
    # rule code -> the groups checker/align.py formed for it (read by rules that build on them: actors)
    groups: dict[str, list[ClaimGroup]] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    def article(self, aid: str) -> Article:
        return self._by_id[aid]

    @functools.cached_property
    def _by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @functools.cached_property
    def entities(self):
        """The story's people and bodies, with name variants and acronyms resolved (checker.entities)."""
        from checker.entities import EntityIndex

        return EntityIndex(self.articles)
