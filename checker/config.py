"""[tool.factcheck]: the newsroom's settings, found upward from the checked paths as ruff finds its own.

The nearest folder, from the first checked path up to the file system's root, that holds a
factcheck.toml (the whole file is the settings) or a pyproject.toml with a [tool.factcheck] table
gives the settings; paths in them are relative to that folder. A flag on the command line overrides
its setting. An unknown key is an error that names it (with the nearest known key), never ignored.

Keys::

    select = ["FC101", "dates"]        # the rules to run, by code or name, any case (default: all)
    ignore = ["statements"]            # rules not to run
    severity = { FC111 = "warning" }   # a rule's findings' severity in reports (info, warning, error)
    fail-on = "discrepancy"            # as --fail-on: discrepancy, unsupported or never
    exclude = ["drafts/*", "*.notes.md"]   # article files not read (globs against the path from here)
    markdown_dir = "reports"           # where `factcheck STORY/` keeps a Markdown copy of its report
    vocab = "newsroom-vocab"           # a folder of vocabulary files merged over the package's
    max_article_bytes = 5000000        # an article file larger than this is refused (as --max-article-size)

markdown_dir must name a folder inside the settings' folder (not that folder itself): "../x", an
absolute path outside it, or "." are refused.
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEYS = ("select", "ignore", "severity", "fail-on", "exclude", "markdown_dir", "vocab", "max_article_bytes")
SEVERITIES = ("info", "warning", "error")
FAIL_ON = ("discrepancy", "unsupported", "never")


class ConfigError(Exception):
    """A settings file factcheck cannot use: names the file and the key."""


@dataclass(frozen=True)
class Config:
    """The settings and the folder they are relative to (None: no settings found)."""

    root: Path | None = None
    source: str = ""
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def _read(folder: Path) -> tuple[str, dict[str, Any]] | None:
    own = folder / "factcheck.toml"
    if own.is_file():
        return str(own), _load(own)
    py = folder / "pyproject.toml"
    if py.is_file():
        doc = _load(py)
        if "factcheck" in doc.get("tool", {}):
            table = doc["tool"]["factcheck"]
            if not isinstance(table, dict):
                raise ConfigError(f"{py}: [tool.factcheck] must be a table")
            return f"{py} [tool.factcheck]", table
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror or err})") from None


def find(paths: list[str]) -> Config:
    """The settings nearest the first checked path (the current folder when none is given)."""
    start = Path(paths[0]).resolve() if paths else Path.cwd().resolve()
    return _find_from(start if start.is_dir() else start.parent)


@functools.lru_cache(maxsize=256)
def _find_from(folder: Path) -> Config:
    """The settings nearest a folder: read once per folder in a run (a shelf's stories share them)."""
    for d in (folder, *folder.parents):
        found = _read(d)
        if found is not None:
            source, values = found
            checked = check(source, values)
            if "markdown_dir" in checked:
                inside_project(checked["markdown_dir"], d, f"{source}: markdown_dir")
            return Config(d, source, checked)
    return Config()


def check(source: str, values: dict[str, Any]) -> dict[str, Any]:
    """The settings, each key and value checked (ConfigError names the first bad one)."""
    out = {}
    for key, value in values.items():
        k = key.replace("_", "-") if key.replace("_", "-") in KEYS else key
        if k not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(KEYS)})"
            raise ConfigError(f"{source}: unknown key {key!r}{hint}")
        if k in ("select", "ignore", "exclude") and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{source}: {key} must be a list of strings")
        if k in ("markdown_dir", "vocab") and not isinstance(value, str):
            raise ConfigError(f"{source}: {key} must be a string (a folder)")
        if k == "max_article_bytes" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ConfigError(f"{source}: max_article_bytes must be a whole number of bytes, at least 1")
        if k == "fail-on" and value not in FAIL_ON:
            raise ConfigError(f"{source}: fail-on must be one of {', '.join(FAIL_ON)}, not {value!r}")
        if k == "severity":
            if not isinstance(value, dict) or any(v not in SEVERITIES for v in value.values()):
                raise ConfigError(f"{source}: severity maps rules to one of {', '.join(SEVERITIES)}")
        out[k] = value
    return out


def inside_project(folder: str, root: Path, what: str) -> Path:
    """`folder` (relative to `root`) as a path inside `root` and not `root` itself; ConfigError otherwise,
    so that a report copy is never written over the project's own files or outside it."""
    base = root.resolve()
    target = (base / folder).resolve()
    if target == base or not target.is_relative_to(base):
        raise ConfigError(
            f"{what} {folder!r} must name a folder inside the project ({base}), not the project folder or one outside it"
        )
    return target


def rule_codes(names: list[str]) -> list[str]:
    """Rule codes or names, any case, as the registry spells them (ValueError for an unknown one)."""
    from rules import REGISTRY

    by = {c.lower(): c for c in REGISTRY} | {n.lower(): c for c, n in REGISTRY.items()}
    out = []
    for n in names:
        code = by.get(n.strip().lower())
        if code is None:
            raise ValueError(f"unknown rule {n!r} (known: {', '.join(f'{c} {m}' for c, m in REGISTRY.items())})")
        out.append(code)
    return out
