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

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from checker.files import kind_of, name_is_utf8, shown
from checker.load import SUFFIXES, InputError, load_files
from checker.model import Report


@dataclass(frozen=True, slots=True)
class StoryInput:
    """One story to check: its name (the folder as given; "" for files named one by one), its files, and
    the publication date (ISO) to give its articles that have no dateline (--published), if any."""

    name: str
    files: tuple[str, ...]
    published: str | None = None
    max_bytes: int | None = None  # the article size limit (None: checker.files.MAX_ARTICLE_BYTES)
    unread: tuple[str, ...] = ()  # files in the story's folder that are not articles (named, never skipped silently)


def _inside(p: Path, roots: tuple[Path, ...]) -> bool:
    return any(p == r or p.is_relative_to(r) for r in roots)


def _resolved(p: Path) -> Path:
    """Where a path leads, or InputError for a symlink loop or a broken symlink."""
    try:
        return p.resolve(strict=True)
    except RuntimeError:
        raise InputError(f"{shown(p)}: symlink loop") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{shown(p)}: symlink loop") from None
        raise InputError(f"{shown(p)}: broken symlink or unreadable path ({err.strerror or err})") from None


def check_given(p: Path, roots: tuple[Path, ...], follow: bool = False) -> None:
    """InputError unless a file named on the command line may be read as an article: ``check_entry``
    first (a FIFO or a device is named as such), then its suffix (never skipped silently)."""
    check_entry(p, roots, follow, given=True)
    if p.suffix.lower() not in SUFFIXES:
        raise InputError(f"{shown(p)}: not an article (factcheck reads .txt, .md, .html and .htm files)")


def check_entry(p: Path, roots: tuple[Path, ...] | None, follow: bool = False, *, given: bool = False) -> None:
    """InputError unless `p` may be read as an article: a regular file with a UTF-8 name, and (found in a
    folder, not named by the user) not a symlink leading outside the paths given (``roots``), unless
    ``follow`` (--follow-symlinks). Never opens the file: a FIFO or a device is refused from its stat."""
    if not name_is_utf8(p):
        raise InputError(f"{shown(p)}: the file name is not UTF-8; rename the file")
    try:
        st = os.lstat(p)
    except OSError as err:
        raise InputError(f"{shown(p)}: cannot read ({err.strerror or err})") from None
    if stat.S_ISLNK(st.st_mode):
        target = _resolved(p)
        if not given and not follow and roots is not None and not _inside(target, roots):
            raise InputError(
                f"{shown(p)}: a symlink to {shown(target)}, outside the paths given; not read (--follow-symlinks reads it)"
            )
        st = os.stat(p)
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{shown(p)}: a directory named like an article file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{shown(p)}: {kind_of(st.st_mode)}, not an article file; not read")


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError as err:
        raise InputError(f"{shown(folder)}: cannot list ({err.strerror or err})") from None


def _articles_in(
    folder: Path, roots: tuple[Path, ...] | None = None, follow: bool = False, unread: list[str] | None = None
) -> list[Path]:
    """The article files of a folder, sorted; InputError for an entry named like an article that may not
    be read (see ``check_entry``). One scandir, one lstat per article: linear in the folder's size. The
    other files of the folder (not hidden ones) go to `unread`, when given, so they can be named."""
    roots = roots if roots is not None else (_resolved(folder),)
    found = []
    for e in _entries(folder):
        if os.path.splitext(e.name)[1].lower() in SUFFIXES:
            p = folder / e.name
            check_entry(p, roots, follow)
            found.append(p)
        elif unread is not None and not e.name.startswith(".") and e.is_file():
            unread.append(str(folder / e.name))
    return sorted(found)


def _shelf(
    folder: Path, shown_as: str, roots: tuple[Path, ...] | None = None, follow: bool = False, seen: set[Path] | None = None
) -> list[StoryInput]:
    """The stories under a folder that holds no article itself (hidden folders skipped; a folder reached
    twice through symlinks read once; a symlinked folder outside the paths given refused)."""
    roots = roots if roots is not None else (_resolved(folder),)
    seen = seen if seen is not None else {_resolved(folder)}
    out: list[StoryInput] = []
    subs = []
    for e in _entries(folder):
        if e.name.startswith(".") or os.path.splitext(e.name)[1].lower() in SUFFIXES:
            continue
        sub = folder / e.name
        if e.is_symlink():
            real = _resolved(sub)
            if not real.is_dir():
                continue
            if not follow and not _inside(real, roots):
                raise InputError(
                    f"{shown(sub)}: a symlink to {shown(real)}, outside the paths given; not read (--follow-symlinks reads it)"
                )
        elif not e.is_dir():
            continue
        else:
            real = sub.resolve()
        if real in seen:
            continue
        seen.add(real)
        subs.append(sub)
    for sub in sorted(subs):
        name = f"{shown_as.rstrip('/')}/{sub.name}"
        unread: list[str] = []
        found = _articles_in(sub, roots, follow, unread)
        if found:
            out.append(StoryInput(name, tuple(str(f) for f in found), unread=tuple(sorted(unread))))
        else:
            out.extend(_shelf(sub, name, roots, follow, seen))
    return out


def plan(paths: list[str], follow_symlinks: bool = False, max_bytes: int | None = None) -> list[StoryInput]:
    """The stories the paths name (see the module doc); InputError for a path that names none, or for an
    article that may not be read (``check_entry``: not a regular file, a symlink leading outside the
    paths given, a name that is not UTF-8)."""
    loose: list[str] = []
    stories: list[StoryInput] = []
    roots = tuple(_resolved(Path(raw)) for raw in paths if os.path.lexists(raw))
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(raw):
            raise InputError(f"{shown(raw)}: no such file or directory")
        if not _resolved(p).is_dir():
            check_given(p, roots, follow_symlinks)
            loose.append(raw)
            continue
        shelf = _shelf(p, raw, roots, follow_symlinks)
        if shelf:
            stories.extend(shelf)
            continue
        unread: list[str] = []
        found = _articles_in(p, roots, follow_symlinks, unread)
        if not found:
            raise InputError(f"{shown(raw)}: no articles (.txt, .md or .html) in this folder or the folders under it")
        stories.append(StoryInput(raw, tuple(str(f) for f in found), unread=tuple(sorted(unread))))
    if loose:
        stories.insert(0, StoryInput("", tuple(loose)))
    if max_bytes is not None:
        stories = [replace(s, max_bytes=max_bytes) for s in stories]
    return stories


class InternalError(Exception):
    """An error nobody expected while checking a story: a bug, never bad input (the CLI's exit 3).

    ``where`` is the article whose reading raised it when that is known, else the story; ``what`` the
    exception as one line ("OverflowError: ..."); ``trace`` its traceback as text, kept for
    FACTCHECK_DEBUG=1 since a worker process's own traceback does not cross the process pool. Its
    arguments are plain strings, so that it pickles from a worker to the parent."""

    def __init__(self, where: str, what: str, trace: str = "") -> None:
        super().__init__(where, what, trace)
        self.where, self.what, self.trace = where, what, trace

    def __str__(self) -> str:
        return f"internal error while checking {self.where}: {self.what}"


def check_story(story: StoryInput, rule_codes: tuple[str, ...] | None = None, key: str | None = None) -> Report:
    """One story's report: its articles read and compared (a story of one article: nothing compared).
    A story whose files, date and rules are those of a report in the cache (checker/cache.py) gets
    that report, with its articles' paths set to where the files are now (`key`: its cache key, when
    the caller has read the files for it already).

    Bad input is an InputError; any other exception comes out as an InternalError naming the article
    (or the story) it happened in."""
    from checker import cache

    store = cache.active()
    if store is not None:
        key = key or _cache_key(story, rule_codes)
        hit = store.get(key) if key is not None else None
        if hit is not None:
            return cache.relocated(hit, list(story.files))
    try:
        report = _check_story(story, rule_codes)
    except InputError:
        raise
    except Exception as err:
        import traceback

        trace = traceback.format_exc()
        what = f"{type(err).__name__}: {err}".splitlines()[0] if str(err) else type(err).__name__
        raise InternalError(_culprit(story), what, trace) from err
    if store is not None and key is not None:
        store.put(key, report)
    return report


def _cache_key(story: StoryInput, rule_codes: tuple[str, ...] | None) -> str | None:
    """The story's key in the cache of reports: its files' names and bytes, its date and its rules (None
    when a file cannot be read: the loader then names it)."""
    from checker import cache

    try:
        files = [(Path(f).name, Path(f).read_bytes()) for f in story.files]
    except OSError:
        return None
    return cache.story_key(files, story.published, rule_codes)


def _culprit(story: StoryInput) -> str:
    """The first article of the story whose claims cannot be read without an error, else the story (its
    folder, or its files): only on the error path, so reading every article again costs nothing else."""
    from checker import caches
    from rules import rules

    shown = story.name or ", ".join(story.files)
    try:
        articles = load_files([Path(f) for f in story.files])
    except Exception:
        return shown
    try:
        for article in articles:
            for rule in rules().values():
                try:
                    rule.find_claims(article)
                except Exception:
                    return article.path
    finally:
        caches.clear()
    return shown


def _check_story(story: StoryInput, rule_codes: tuple[str, ...] | None = None) -> Report:
    from checker.pipeline import check_articles, make_report, select_rules

    articles = load_files([Path(f) for f in story.files], story.max_bytes)
    if story.published:
        import datetime as dt

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
    from checker import cache

    store = cache.active() if jobs > 1 and len(stories) > 1 else None
    cached: dict[int, str] = {}  # story index -> its cache key, for the stories the cache holds
    if store is not None:  # they are read here: workers start only for the others
        keys = ((i, _cache_key(s, rule_codes)) for i, s in enumerate(stories))
        cached = {i: key for i, key in keys if key and store.has(key)}
    todo = [s for i, s in enumerate(stories) if i not in cached]
    if jobs <= 1 or len(todo) <= 1:
        for i, s in enumerate(stories):
            yield s, check_story(s, rule_codes, cached.get(i))
        return
    from concurrent.futures import ProcessPoolExecutor  # here: importing it (multiprocessing) is 13 ms of every start

    with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
        try:
            done = pool.map(_check_job, [(s, rule_codes) for s in todo], chunksize=1)
            for i, s in enumerate(stories):
                yield s, (check_story(s, rule_codes, cached[i]) if i in cached else next(done))
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a story's error (or ^C): the stories not begun are not checked
            raise


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
            out.append(replace(s, files=tuple(kept)))
    return out
