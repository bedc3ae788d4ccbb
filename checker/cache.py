"""A cache of story reports, keyed by everything a report depends on, as ruff caches its results.

A newsroom's CI checks its stories on every commit, and an editor checks a story again and again as
it grows. Most stories have not changed since the last run. A story's report depends only on:

- its articles' file names (they give the article ids) and bytes;
- the publication date given for undated articles (``--published``);
- the rules run;
- the vocabulary overlay (``[tool.factcheck] vocab``);
- factcheck's own code and vocabulary, and the libraries whose results enter a report. A
  fingerprint covers these: every source and vocabulary file of the installed package, and the
  versions of Python, rapidfuzz and lemminflect. An upgrade or an edit never reads an old entry.

The key is a SHA-256 over all of these. A hit gives the stored report with the articles' paths set
to where the files are now. A copy of a story elsewhere is the same story.

The entries are pickles, so each one is signed with HMAC-SHA256 under a random key. That key is
made on first use in the cache folder, readable by its owner only. An entry that fails the check is
ignored and written anew, so a planted file is never unpickled. The folder is the user's cache
(``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``), never
the repository being checked. ``--no-cache`` or ``FACTCHECK_NO_CACHE=1`` turns the cache off. A
folder that cannot be written also turns it off, silently, since the cache only ever saves time.
Entries are written atomically (a temporary file, then a rename), so parallel workers may share
the folder.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import pickle
import secrets
import sys
from dataclasses import replace
from pathlib import Path

from checker import __version__
from checker.model import Report

ENV_DIR = "FACTCHECK_CACHE_DIR"
ENV_OFF = "FACTCHECK_NO_CACHE"
FORMAT = "v1"
MAC_BYTES = 32
LIBRARIES = ("rapidfuzz", "lemminflect")  # the libraries whose results enter a report


def folder() -> Path | None:
    """The cache folder in force, or None when the cache is off."""
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    given = os.environ.get(ENV_DIR)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


@functools.cache
def code_fingerprint() -> str:
    """A digest of factcheck's installed code and vocabulary, and of the Python version."""
    from importlib import metadata

    libraries = []
    for name in LIBRARIES:
        try:
            libraries.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            libraries.append(f"{name}=?")
    h = hashlib.sha256(f"{__version__} {sys.version_info[:2]} {' '.join(libraries)}".encode())
    root = Path(__file__).resolve().parents[1]
    for package in ("checker", "rules"):
        for p in sorted((root / package).rglob("*")):
            if p.suffix in (".py", ".toml") and p.is_file():
                h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def story_key(files: list[tuple[str, bytes]], published: str | None, rule_codes: tuple[str, ...] | None) -> str:
    """The key of a story's report: its files (name and bytes, in order), the date given, the rules."""
    from checker import vocab

    h = hashlib.sha256(code_fingerprint().encode())
    overlay = json.dumps(vocab.overlay(), sort_keys=True, default=str)
    h.update(json.dumps([published, list(rule_codes) if rule_codes else None, overlay]).encode())
    for name, data in files:
        h.update(b"\0file\0" + name.encode("utf-8", "surrogateescape") + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


class Store:
    """The reports kept in one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root / FORMAT
        self._secret: bytes | None = None

    def _key_file(self) -> bytes | None:
        if self._secret is None:
            path = self.root / "key"
            try:
                self._secret = path.read_bytes()
            except FileNotFoundError:
                self.root.mkdir(parents=True, exist_ok=True)
                secret = secrets.token_bytes(32)
                tmp = self.root / f".key.{os.getpid()}.tmp"
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(secret)
                try:
                    os.link(tmp, path)  # the first writer's key wins; the others read it
                except FileExistsError:
                    pass
                finally:
                    tmp.unlink()
                self._secret = path.read_bytes()
        return self._secret

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        """Whether an entry is kept for the key (get may still refuse it: then the story is checked)."""
        return self._path(key).is_file()

    def get(self, key: str) -> Report | None:
        try:
            data = self._path(key).read_bytes()
            secret = self._key_file()
        except OSError:
            return None
        mac, payload = data[:MAC_BYTES], data[MAC_BYTES:]
        if not secret or not hmac.compare_digest(mac, hmac.new(secret, payload, hashlib.sha256).digest()):
            return None
        try:
            report = pickle.loads(payload)
        except Exception:  # an entry of an older layout: read as a miss, written anew
            return None
        return report if isinstance(report, Report) else None

    def put(self, key: str, report: Report) -> None:
        try:
            secret = self._key_file()
            if not secret:
                return
            payload = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
            path = self._path(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(hmac.new(secret, payload, hashlib.sha256).digest() + payload)
            os.replace(tmp, path)
        except OSError:
            return  # a cache that cannot be written is no cache: the run goes on


def active() -> Store | None:
    """The store in force (None: the cache is off)."""
    root = folder()
    return Store(root) if root else None


def relocated(report: Report, paths: list[str]) -> Report:
    """A cached report with its articles' paths set to where the files are now (same order)."""
    if len(paths) != len(report.articles):
        return report
    return replace(report, articles=tuple(replace(a, path=p) for a, p in zip(report.articles, paths, strict=True)))
