"""The vocabulary as checked data: where each file lives, who reads it, that what the code
reads is there and what is there is read, that exclusive classes do not share a phrase,
and that a newsroom's own words merge over the package's (through the CLI too)."""

from __future__ import annotations

import ast
import itertools
import json
import os
import re
import subprocess
import sys
import textwrap
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from checker import calendar, quantity, text, vocab
from checker.load import parse_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "checker").rglob("*.py")), *sorted((ROOT / "rules").glob("*.py"))]

# Rules another change is restructuring: they still read files that are not their own
# (the engine's calendar and text words, and one file for two rules). Their call sites
# switch to checker.calendar / checker.text at merge; then these entries go.
PENDING: dict[str, set[str]] = {}  # rules allowed, for now, to read another file than their own


# ---------------------------------------------------------------- static reads


def _vocab_call(node: ast.AST) -> tuple[str, str | None] | None:
    """("load" | "word_set", file name) for a literal vocab.load("x") / vocab.word_set("x", ...) call."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
        return None
    f = node.func
    if f.attr not in ("load", "word_set") or not (isinstance(f.value, ast.Name) and f.value.id == "vocab"):
        return None
    arg = node.args[0]
    return (f.attr, arg.value) if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


@cache
def _static() -> dict[str, dict]:
    """Per source module: the files it loads, its direct key reads, and its string literals."""
    out = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loads: set[str] = set()
        reads: set[tuple[str, str]] = set()
        literals: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            call = _vocab_call(node)
            if call:
                loads.add(call[1])
                if call[0] == "word_set" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                    reads.add((call[1], node.args[1].value))
            # vocab.load("x")["k"] and vocab.load("x").get("k")
            if isinstance(node, ast.Subscript) and (call := _vocab_call(node.value)) and isinstance(node.slice, ast.Constant):
                reads.add((call[1], node.slice.value))
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and (call := _vocab_call(node.func.value))
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                reads.add((call[1], node.args[0].value))
        rel = path.relative_to(ROOT)
        out[str(rel)] = {"loads": loads, "reads": reads, "literals": literals, "rule": rel.parts[0] == "rules"}
    return out


def test_file_names_are_unique_across_engine_and_rules() -> None:
    engine = {p.stem for p in vocab.ENGINE_DIR.glob("*.toml")}
    rules = {p.stem for p in vocab.RULES_DIR.glob("*.toml")}
    assert engine and rules and not engine & rules
    assert set(vocab.files()) == engine | rules


def test_rules_read_their_own_file_and_the_engine_only_its_own_files() -> None:
    rule_modules = {p.stem for p in (ROOT / "rules").glob("*.py") if p.stem != "__init__"}
    for src, info in _static().items():
        for name in info["loads"]:
            assert name in vocab.files(), f"{src} reads {name}.toml, which does not exist"
        if info["rule"]:
            mod = Path(src).stem
            allowed = {mod} | PENDING.get(mod, set())
            assert info["loads"] <= allowed, f"{src} reads {sorted(info['loads'] - allowed)}: a rule reads its own file"
        else:
            rule_files = {n for n in info["loads"] if not vocab.is_engine(n)}
            assert not rule_files, f"{src} (engine) reads rule files {sorted(rule_files)}"
    for name in vocab.files():
        if not vocab.is_engine(name):
            assert name in rule_modules, f"rules/vocab/{name}.toml has no rule rules/{name}.py"


def test_every_key_the_code_reads_literally_exists() -> None:
    for src, info in _static().items():
        for name, key in info["reads"]:
            assert key in vocab.load(name), f"{src} reads [{name}] {key!r}, which {name}.toml does not have"


@cache
def _trace() -> dict:
    """Every case file and the seeds through every rule, in a fresh interpreter, with the loader traced."""
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "vocab_trace.py")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    t = json.loads(done.stdout)
    return {k: {tuple(x) for x in v} if k != "files" else v for k, v in t.items()}


def test_no_read_of_a_missing_key_in_a_full_run() -> None:
    assert not _trace()["missing"], f"keys read that the files lack: {sorted(_trace()['missing'])}"


def test_every_key_of_every_file_is_read() -> None:
    """No dead data: each key is read (in the traced run, or by name in a module that loads its file).

    A table the code iterates or looks words up in is data as a whole; the keys
    of any other table (a record: [dates.roles], [numbers.hedges]) must each be read.
    """
    t = _trace()
    named: dict[str, set[str]] = defaultdict(set)
    for info in _static().values():
        for name in info["loads"]:
            named[name] |= info["literals"]
    dead = []

    def walk(table: dict, path: tuple[str, ...]) -> None:
        if len(path) > 1 and path in t["whole"]:
            return
        for k, v in table.items():
            p = (*path, k)
            if p not in t["read"] and k not in named[path[0]]:
                dead.append(".".join(p))
            elif isinstance(v, dict):
                walk(v, p)

    for name in vocab.files():
        walk(vocab._read(name), (name,))
    assert not dead, f"keys no code reads: {dead}"


# ---------------------------------------------------------------- exclusive classes


def _disjoint(classes: dict[str, list[str]], what: str) -> None:
    norm = {c: {re.sub(r"\s+", " ", w.lower()) for w in ws} for c, ws in classes.items()}
    for a, b in itertools.combinations(norm, 2):
        assert not norm[a] & norm[b], f"{what}: {sorted(norm[a] & norm[b])} in both {a} and {b}"


def test_hedge_classes_exclude_each_other() -> None:
    hedges = vocab.load("numbers")["hedges"]
    assert set(hedges) == set(quantity.HEDGE_CLASSES)
    _disjoint(hedges, "numbers.toml [hedges]")


def test_a_word_is_in_one_synonym_group() -> None:
    syn = vocab.load("synonyms")
    owner: dict[str, set[str]] = defaultdict(set)
    for canon, words in syn["groups"].items():
        for w in [canon, *words]:
            for part in w.lower().split():
                owner[text.stem(part)].add(canon)
    shared = {w: sorted(g) for w, g in owner.items() if len(g) > 1}
    assert not shared, f"synonyms.toml: words in two groups: {shared}"
    irregular = {k for k, v in syn["irregular"].items() if k != v}
    listed = sorted(w for ws in syn["groups"].values() for w in ws if w in irregular)
    assert not listed, f"synonyms.toml: irregular forms listed in a group (list the base form): {listed}"


def test_opposites_are_two_different_groups() -> None:
    seen = set()
    for a, b in vocab.load("statements")["antonyms"]:
        ca, cb = text.canon(a), text.canon(b)
        assert ca != cb, f"statements.toml antonyms: {a!r} and {b!r} are one synonym group ({ca})"
        assert frozenset((ca, cb)) not in seen, f"statements.toml antonyms: {a!r}/{b!r} twice"
        seen.add(frozenset((ca, cb)))


def test_date_role_and_deixis_classes_exclude_each_other() -> None:
    d = vocab.load("dates")
    _disjoint({k: d["roles"][k] for k in ("start", "deadline", "point")}, "dates.toml [roles]")
    _disjoint(dict(d["relative_names"]), "dates.toml [relative_names]")
    rp = d["relative_periods"]
    _disjoint({"counted_back": rp["counted_back"], "counted_ahead": rp["counted_ahead"]}, "dates.toml [relative_periods]")
    _disjoint({"verbs": d["future"]["verbs"], "past": d["future"]["past"]}, "dates.toml [future]")


def test_month_and_weekday_words_are_one_calendar() -> None:
    assert not set(calendar.months()) & set(calendar.weekdays())
    assert len(calendar.month_names()) == 12 and len(calendar.weekday_names()) == 7
    assert calendar.month("Sept.") == 9 and calendar.weekday("Thurs") == 3
    assert "sept" in text.abbreviations() and "sept" not in calendar.full_names()


# ---------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("words", "value"),
    [("two dozen", 24), ("three dozen", 36), ("a dozen", 12), ("dozen", 12), ("dozens", None), ("twenty-five", 25)],
)
def test_number_words(words: str, value: float | None) -> None:
    assert quantity.parse_words(words) == value


def test_two_dozen_officers_is_a_count_of_24() -> None:
    from rules import counts

    art = parse_article(
        "a",
        "a.txt",
        "Search resumes\n\nMarch 3, 2025\n\nTwo dozen officers searched the woods. Dozens of volunteers joined them.\n",
    )
    values = {(c.value.n, c.value.high, c.value.noun) for c in counts.find_claims(art)}
    assert (24, None, "officers") in values
    assert (24, 99, "volunteers") in values  # "dozens of" stays vague: a range, never 12 or 24


# ---------------------------------------------------------------- a newsroom's words


@pytest.fixture
def restore_vocab():
    yield
    vocab.configure(None)


def _write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "newsroom-vocab.toml"
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_newsroom_words_extend_lists_and_update_tables(tmp_path: Path, restore_vocab) -> None:
    vocab.configure(
        _write(
            tmp_path,
            """
            [money]
            per_units = ["bushel"]
            [synonyms.groups]
            ferry = ["boat", "vessel"]
            [calendar.months]
            "sept." = 9
            """,
        )
    )
    money = vocab.load("money")
    assert "bushel" in money["per_units"] and "share" in money["per_units"]
    assert vocab.load("synonyms")["groups"]["ferry"] == ["boat", "vessel"]
    assert "people" in vocab.load("synonyms")["groups"]
    assert vocab.load("calendar")["months"]["sept."] == 9


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[moneys]\nper_units = ['x']\n", "unknown vocabulary [moneys]"),
        ("[money]\nper_unit = ['x']\n", "[money] has no key 'per_unit'"),
        ("[money]\nper_units = 'x'\n", "[money.per_units] must be a list"),
        ("[synonyms.groups]\nferry = 'boat'\n", "must be a list"),
        ("[money\n", "vocab file"),
    ],
)
def test_bad_newsroom_words_are_one_clear_error(tmp_path: Path, body: str, message: str, restore_vocab) -> None:
    with pytest.raises(vocab.VocabError, match=re.escape(message)) as err:
        vocab.configure(_write(tmp_path, body))
    assert "\n" not in str(err.value)


STORY = {
    "a.txt": "Ferry fares rise\n\nMarch 3, 2025\n\nThe operator said fares would rise by $2 a bushel from Monday.\n",
    "b.txt": "Ferry fares up\n\nMarch 3, 2025\n\nFares will rise by $3 a bushel from Monday, the operator said.\n",
}


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(ROOT)}
    )


def test_newsroom_vocab_through_the_cli(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    for name, body in STORY.items():
        (story / name).write_text(body, encoding="utf-8")
    # without the newsroom's word, "a bushel" is no unit: the sums are compared as plain dollars
    plain = json.loads(_cli(tmp_path, "story", "--format", "json").stdout)
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nvocab = "newsroom-vocab.toml"\n', encoding="utf-8")
    (tmp_path / "newsroom-vocab.toml").write_text('[money]\nper_units = ["bushel"]\n', encoding="utf-8")
    done = _cli(tmp_path, "story", "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    pers = {c["value"].get("per") for f in json.loads(done.stdout)["findings"] for c in f.get("claims", [])}
    assert "bushel" in pers
    assert plain != json.loads(done.stdout)
    # an unknown key: one line on stderr, exit 2
    (tmp_path / "newsroom-vocab.toml").write_text('[money]\nper_unit = ["bushel"]\n', encoding="utf-8")
    bad = _cli(tmp_path, "story")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "per_unit" in bad.stderr


def test_longest_first_is_the_docstring_and_the_same_in_every_process():
    """Alternations built from a vocabulary set try the longest phrase first, ties alphabetical: the
    docstring's example, and a pattern built from a set reads the same whatever the hash seed."""
    from checker import vocab

    assert sorted({"mon", "monday", "fri"}, key=vocab.longest_first) == ["monday", "fri", "mon"]
    code = "from rules import times; print(times._pat()['bracket_open'].pattern)"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1
