"""The benchmark's corpus generator, quickly: deterministic, loadable, checkable.

A small corpus (6 articles) stands in for the 1000 of `python -m benchmarks.run`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

# benchmarks/ is not an installed package (pyproject lists checker and rules):
# make it importable under a bare `pytest` too, not only `python -m pytest`.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus  # noqa: E402
from checker.load import load_articles, parse_dateline  # noqa: E402

N_ARTICLES = 6
SEED = 11

MONEY = re.compile(r"[$£€]\s?\d|\b(?:USD|EUR|GBP|CNY|RMB)\s?\d|\d\s(?:million|billion)\s(?:dollars|pounds|euros|yuan)\b")
DATE = re.compile(
    r"\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|yesterday|last week"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}\b"
    r"|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
QUOTE = re.compile(r"[\"“][A-Z][^\"”]{10,}[\"”]")


@pytest.fixture(scope="module")
def story_dirs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return corpus.write(corpus.generate(N_ARTICLES, SEED), tmp_path_factory.mktemp("corpus"))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.txt"))}


def test_same_seed_writes_identical_files(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    corpus.write(corpus.generate(N_ARTICLES, SEED), a)
    corpus.write(corpus.generate(N_ARTICLES, SEED), b)
    corpus.write(corpus.generate(N_ARTICLES, SEED + 1), c)
    assert _files(a) == _files(b)
    assert _files(a) != _files(c)


def test_exact_article_count_in_stories_of_two_to_four() -> None:
    for n in (2, 5, 6, 7, 10, 101):
        stories = corpus.generate(n, SEED)
        assert sum(len(s.articles) for s in stories) == n
        assert all(2 <= len(s.articles) <= 4 for s in stories)


def test_every_article_loads_with_title_date_and_byline(story_dirs: list[Path]) -> None:
    articles = [a for d in story_dirs for a in load_articles([str(d)])]
    assert len(articles) == N_ARTICLES
    for a in articles:
        assert a.published is not None, a.path
        assert a.title and a.byline, a.path
        dateline = a.text.split("\n\n")[1]
        assert parse_dateline(dateline) == a.published


def test_articles_read_like_news(story_dirs: list[Path]) -> None:
    for d in story_dirs:
        texts = [p.read_text(encoding="utf-8") for p in sorted(d.glob("*.txt"))]
        for text in texts:
            assert 400 <= len(text.split()) <= 900
            assert re.search(r"\d", text), "no figures"
            assert DATE.search(text), "no date"
            assert QUOTE.search(text), "no quote"
        # rival outlets: the same event, worded differently
        assert len(set(texts)) == len(texts)
    everything = "\n".join(p.read_text(encoding="utf-8") for d in story_dirs for p in d.glob("*.txt"))
    assert MONEY.search(everything), "no sums anywhere in the corpus"


def test_all_story_kinds_generate_money_dates_and_quotes() -> None:
    stories = corpus.generate(2 * len(corpus.KINDS) * 4, SEED)
    kinds = {s.kind for s in stories}
    assert kinds == set(corpus.KINDS)
    for s in stories:
        text = "\n".join(a.text for a in s.articles)
        assert DATE.search(text) and QUOTE.search(text), s.slug
    money_kinds = {"earnings", "sentencing", "budget", "recall"}
    for s in stories:
        if s.kind in money_kinds:
            assert MONEY.search(s.articles[0].text), s.slug


def test_check_paths_finds_something(story_dirs: list[Path]) -> None:
    from checker.pipeline import check_paths

    report = check_paths([str(story_dirs[0])])
    assert len(report.articles) == len(list(story_dirs[0].glob("*.txt")))
    assert report.findings


def test_the_real_text_benchmark_judges_its_figures_against_the_targets(tmp_path: Path):
    """benchmarks/real.py's verdicts and table, on figures given (the run itself takes minutes and the
    real stories, so it is not a test): a speed-up under 15x is a miss, a 50-article story in 1.4 s is on
    target, and the long article's growth is judged from its last two lengths."""
    from benchmarks import real

    fig = real.Figures(
        machine={"python": "3.11", "cores": 2, "platform": "x"},
        startup={"version_s": 0.06, "seeds_s": 0.4, "seeds_cache_s": 0.2},
        corpus={"articles": 1001, "stories": 263, "words": 385103},
        peer_1000={"seconds": 27.0, "peak_mb": 52.0, "words_per_s": 14263},
        factcheck_1000={"seconds": 10.8, "peak_mb": 169.0, "words_per_s": 35658},
        factcheck_1000_jobs1={"seconds": 20.3, "peak_mb": 197.0, "words_per_s": 18970},
        factcheck_1000_cache_empty={"seconds": 3.9, "peak_mb": 172.0, "words_per_s": 98744},
        factcheck_1000_cache_warm={"seconds": 1.7, "peak_mb": 170.0, "words_per_s": 226531},
        story={"12": {"seconds": 0.4, "peak_mb": 49, "words": 2043}, "25": {"seconds": 0.5, "peak_mb": 50, "words": 4235},
               "50": {"seconds": 1.4, "peak_mb": 59, "words": 12786}},
        length={"1x": {"seconds": 0.65, "peak_mb": 56, "words": 5144}, "4x": {"seconds": 2.2, "peak_mb": 69, "words": 20528},
                "16x": {"seconds": 23.3, "peak_mb": 147, "words": 80782}},
    )  # fmt: skip
    fig.targets = real.targets(fig)
    verdict = {name: t["ok"] for name, t in fig.targets.items()}
    assert verdict["speedup_1000"] is False and verdict["story_50_s"] is True and verdict["length_growth"] is False
    assert verdict["version_s"] is True and verdict["seeds_s"] is False and verdict["seeds_cache_s"] is True
    assert verdict["speedup_1000_cache"] is False and verdict["speedup_1000_cache_warm"] is True  # 27.0 / 1.7
    table = real.table(fig)
    assert "MISS speedup_1000 " in table and "2.5x" in table and "15.9x" in table  # 27.0 / 1.7
