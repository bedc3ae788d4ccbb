"""What a story rule reads besides its claims: the articles, word weights, the entity index.

Read-only: what rules show each other goes through checker/evidence.py.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from checker.align import Idf
from checker.model import Article


@dataclass
class Story:
    articles: list[Article]
    idf: Idf

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    @functools.cached_property
    def order(self) -> dict[str, int]:
        """Each article's position in the story: sort keys read it per claim, where ids.index scans every article."""
        return {a.id: k for k, a in enumerate(self.articles)}

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
