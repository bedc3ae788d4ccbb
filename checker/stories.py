"""Stories from the paths given, and the one function that checks a story.

Which articles are compared with which:

- a folder whose subfolders hold articles is a shelf: each folder under it that holds articles is a
  story of its own, found depth first in name order ("stories/*/" as a newsroom keeps them); files
  beside the story folders (a README, an index) are the shelf's, not a story's, and are not read;
- any other folder that holds articles (.txt, .md, saved .html/.htm pages) is one story;
- several folders given are several stories, never one merged comparison;
- article files named one by one are one story together (before the folders' stories).

A story of one article is a story with nothing to compare yet: it is reported as such, not an error.

``check_story`` takes only plain, picklable data (the story's files and the rule codes) and returns
the story's report, so that the same function can be mapped over stories by a process pool
(``--jobs``) or by a distributed engine (docs/scale.md); ``check_stories`` maps it in order.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker.load import SUFFIXES, InputError, load_files
from checker.model import Report


@dataclass(frozen=True, slots=True)
class StoryInput:
    """One story to check: its name (the folder as given; "" for files named one by one), its files, and
    the publication date (ISO) to give its articles that have no dateline (--published), if any."""

    name: str
    files: tuple[str, ...]
    published: str | None = None


def _articles_in(folder: Path) -> list[Path]:
    return sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES)


def _shelf(folder: Path, shown: str) -> list[StoryInput]:
    """The stories under a folder that holds no article itself (hidden folders skipped)."""
    out: list[StoryInput] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        name = f"{shown.rstrip('/')}/{sub.name}"
        found = _articles_in(sub)
        if found:
            out.append(StoryInput(name, tuple(str(f) for f in found)))
        else:
            out.extend(_shelf(sub, name))
    return out


def plan(paths: list[str]) -> list[StoryInput]:
    """The stories the paths name (see the module doc); InputError for a path that names none."""
    loose: list[str] = []
    stories: list[StoryInput] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{raw}: no such file or directory")
        if not p.is_dir():
            loose.append(raw)
            continue
        shelf = _shelf(p, raw)
        if shelf:
            stories.extend(shelf)
            continue
        found = _articles_in(p)
        if not found:
            raise InputError(f"{raw}: no articles (.txt, .md or .html) in this folder or the folders under it")
        stories.append(StoryInput(raw, tuple(str(f) for f in found)))
    if loose:
        stories.insert(0, StoryInput("", tuple(loose)))
    return stories


def check_story(story: StoryInput, rule_codes: tuple[str, ...] | None = None) -> Report:
    """One story's report: its articles read and compared (a story of one article: nothing compared)."""
    from checker.pipeline import check_articles, make_report, select_rules

    articles = load_files([Path(f) for f in story.files])
    if story.published:
        import datetime as dt
        from dataclasses import replace

        day = dt.date.fromisoformat(story.published)
        articles = [a if a.published else replace(a, published=day) for a in articles]
    if len(articles) < 2:
        return make_report(articles, [])
    return check_articles(articles, select_rules(list(rule_codes) if rule_codes else None))


def _check_job(args: tuple[StoryInput, tuple[str, ...] | None]) -> Report:
    return check_story(*args)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_stories(
    stories: list[StoryInput], rule_codes: tuple[str, ...] | None = None, jobs: int = 1
) -> Iterator[tuple[StoryInput, Report]]:
    """Each story with its report, in the order given, whatever order the workers finish in: the output
    of `jobs` processes is the output of one. Only the reports not yet consumed are held."""
    if jobs <= 1 or len(stories) <= 1:
        for s in stories:
            yield s, check_story(s, rule_codes)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(stories))) as pool:
        yield from zip(stories, pool.map(_check_job, [(s, rule_codes) for s in stories], chunksize=1))


# ---------------------------------------------------------------- new and changed articles


def _key(path: str | Path) -> Path:
    return Path(path).resolve()


def with_new(stories: list[StoryInput], new: list[str]) -> list[StoryInput]:
    """The stories that hold a new or changed article, each new article in its story.

    With story paths given, a new file inside one of their stories is that story's; one outside them
    joins the only story given (several stories and a file outside all of them: an InputError). With
    no story path (as pre-commit calls it), each file's story is the folder it lies in."""
    for f in new:
        p = Path(f)
        if not p.is_file():
            raise InputError(f"{f}: no such file (--new takes article files)")
        if p.suffix.lower() not in SUFFIXES:
            raise InputError(f"{f}: not an article (.txt, .md or .html)")
    if not stories:
        folders: dict[Path, str] = {}
        for f in new:
            folders.setdefault(_key(Path(f).parent), str(Path(f).parent))
        stories = [StoryInput(shown, tuple(str(a) for a in _articles_in(Path(shown)))) for shown in folders.values()]
    keys = {_key(f) for f in new}
    out: list[StoryInput] = []
    placed: set[Path] = set()
    for s in stories:
        inside = {_key(f) for f in s.files} & keys
        if inside:
            out.append(s)
            placed |= inside
    outside = [f for f in new if _key(f) not in placed]
    if outside:
        if len(stories) != 1:
            raise InputError(f"{outside[0]}: a new article outside the stories given; name its story folder")
        s = stories[0]
        out = [StoryInput(s.name, s.files + tuple(outside))]
    return out


def only_new(report: Report, new: list[str]) -> Report:
    """The report's findings that involve a new or changed article (any of their claims in one)."""
    from checker.pipeline import make_report

    keys = {_key(f) for f in new}
    ids = {a.id for a in report.articles if _key(a.path) in keys}
    kept = [f for f in report.findings if any(c.article in ids for c in f.claims)]
    return make_report(list(report.articles), kept, list(report.reprints))


def changed_since(ref: str) -> list[str]:
    """The article files git says changed since `ref` (added, copied, modified or renamed; untracked
    ones too), as paths from the current folder; InputError when git cannot tell."""
    import subprocess

    def git(*args: str) -> str:
        try:
            proc = subprocess.run(["git", *args], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise InputError(f"--changed-since: git could not run ({err})") from None
        if proc.returncode != 0:
            raise InputError(f"--changed-since {ref}: {(proc.stderr.strip().splitlines() or ['git failed'])[0]}")
        return proc.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip())
    names = git("diff", "--name-only", "--diff-filter=ACMR", ref, "--").splitlines()
    names += git("ls-files", "--others", "--exclude-standard", "--full-name", str(top)).splitlines()
    out = []
    for n in dict.fromkeys(names):
        p = top / n
        if p.suffix.lower() in SUFFIXES and p.is_file():
            out.append(os.path.relpath(p))
    return out


def excluded(stories: list[StoryInput], globs: list[str], root: Path | None) -> list[StoryInput]:
    """The stories without the files the settings exclude (globs matched against the path from the
    settings' folder, and against the file name alone); a story left empty is dropped."""
    import fnmatch

    base = (root or Path.cwd()).resolve()
    out = []
    for s in stories:
        kept = []
        for f in s.files:
            p = Path(f).resolve()
            rel = p.relative_to(base).as_posix() if p.is_relative_to(base) else p.as_posix()
            if not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(p.name, g) for g in globs):
                kept.append(f)
        if kept:
            out.append(StoryInput(s.name, tuple(kept)))
    return out
