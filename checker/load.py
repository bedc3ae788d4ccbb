"""Read articles from disk and split each into header, story and page furniture.

The text is decoded from raw bytes as UTF-8 (a BOM is accepted and kept as a
character, and CRLF line ends are kept; a lone CR is read as LF, one character
for one), so that offsets are indices into the file exactly as decoded. Headline, dateline
and byline are read from the first lines; furniture (share lines, comment
prompts, "Related:" links, newsletter prompts, author bios) is found by the
patterns in checker/vocab/furniture.toml and yields no sentences, so no claims.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from pathlib import Path

from checker import calendar, vocab
from checker.files import read_article_bytes, shown
from checker.model import Article, Span
from checker.text import letter_words, paragraphs, split_sentences

HTML_SUFFIXES = (".html", ".htm")  # saved web pages: their text is extracted (read_html)
SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
HEADER_LINES = 6  # headline, dateline and byline are looked for in the first lines only


class InputError(Exception):
    """Bad input: the CLI prints it as one line and exits 2."""


# ---------------------------------------------------------------- discovery


def discover(paths: list[str], minimum: int = 2, follow_symlinks: bool = False) -> list[Path]:
    """Expand files and folders into article files, sorted within each folder, each file once.

    A story needs ``minimum`` articles (2, to compare; 1 for `factcheck claims`),
    and so does each folder given.
    """
    from checker.stories import _articles_in, _resolved, check_given

    files: list[Path] = []
    roots = tuple(_resolved(Path(raw)) for raw in paths if os.path.lexists(raw))
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(raw):
            raise InputError(f"{shown(raw)}: no such file or directory")
        if _resolved(p).is_dir():
            found = _articles_in(p, roots, follow_symlinks)
            if not found:
                raise InputError(f"{shown(raw)}: no articles (.txt, .md or .html) in this folder")
            if len(found) < minimum:
                raise InputError(
                    f"{shown(raw)}: a story folder needs at least two articles (.txt, .md or .html), found {len(found)}"
                )
            files.extend(found)
        else:
            check_given(p, roots, follow_symlinks)
            files.append(p)
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    if len(unique) < minimum:
        raise InputError("need at least two articles to compare (give a story folder or two or more files)")
    return unique


def load_one(path: Path, max_bytes: int | None = None) -> Article:
    return parse_article(path.stem, str(path), article_text(path, max_bytes))


def article_text(path: Path, max_bytes: int | None = None) -> str:
    """The text factcheck reads of an article file (offsets are into it): a saved page's extracted text, a
    text file as decoded."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html(path, max_bytes)
    return read_text(path, max_bytes)


def _article_bytes(path: Path, max_bytes: int | None) -> bytes:
    """An article file's bytes, read safely (checker.files: a regular file, within the size limit), or an
    InputError naming the file: unreadable, empty, or binary (a NUL byte anywhere)."""
    try:
        data = read_article_bytes(path, max_bytes)
    except ValueError as err:
        raise InputError(f"{shown(path)}: {err}") from None
    except OSError as err:
        raise InputError(f"{shown(path)}: cannot read ({err.strerror or err})") from None
    if not data.strip():
        raise InputError(f"{shown(path)}: empty file")
    if b"\x00" in data:
        raise InputError(f"{shown(path)}: binary file, not an article")
    return data


def read_text(path: Path, max_bytes: int | None = None) -> str:
    """Decode a regular file as UTF-8, refusing other kinds of file, files over the size limit, binary and
    empty files with a clear message (see checker.files).

    A lone CR (old Mac line ends) is read as a line end: it is replaced by LF, one character for one, so
    every offset is still the offset into the file as decoded and line/column counts see the lines the
    file has. CRLF is kept as it is."""
    data = _article_bytes(path, max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{shown(path)}: not UTF-8 text (undecodable byte at offset {err.start})") from None
    if not text.replace("\ufeff", "").strip():
        raise InputError(f"{shown(path)}: empty file")
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return text


_LONE_CR = re.compile(r"\r(?!\n)")


def load_articles(paths: list[str]) -> list[Article]:
    """The articles of the paths, as one story (at least two)."""
    return load_files(discover(paths))


def load_files(files: list[Path], max_bytes: int | None = None) -> list[Article]:
    """The articles of these files, each with a unique, stable id (its file stem)."""
    ids: dict[str, int] = {}
    out = []
    for f in files:
        aid = f.stem
        if aid in ids:  # two folders with the same file name: keep ids unique and stable
            ids[aid] += 1
            aid = f"{aid}~{ids[aid]}"
        else:
            ids[aid] = 1
        out.append(parse_article(aid, str(f), article_text(f, max_bytes)))
    return out


# ---------------------------------------------------------------- saved web pages

HTML_EXTRA = "pip install 'factcheck[html]'"
# the charset a page declares (<meta charset=...>, or http-equiv's content="...; charset=..."), in its head
_CHARSET_RE = re.compile(rb"""<meta\b[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""", re.I)
# what WHATWG decodes a label as where Python's codec of that name is stricter or narrower
_CHARSET_ALIASES = {"latin-1": "cp1252", "latin1": "cp1252", "iso-8859-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def _decode_page(path: Path, data: bytes) -> str:
    """A page's bytes as text: UTF-8 (with or without BOM) when valid, else the charset the page declares,
    else left to trafilatura's guess (returned as bytes decoded with replacement as a last resort)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET_RE.search(data[:4096])
    if m:
        label = m.group(1).decode("ascii").lower()
        for codec in (_CHARSET_ALIASES.get(label, label), "latin-1" if label in _CHARSET_ALIASES else None):
            if codec is None:
                continue
            try:
                return data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue
    from trafilatura.utils import decode_file

    return decode_file(data)


def _html_header(title: str | None, date: str | None, author: str | None) -> list[str]:
    """The header lines parse_article reads: the headline, "Published: YYYY-MM-DD", "By A and B"."""
    lines = []
    if title and title.strip():
        lines.append(" ".join(title.split()))
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.strip()):
        lines.append(f"Published: {date.strip()}")
    names = [" ".join(n.split()) for n in re.split(r"\s*;\s*", author or "") if n.strip()]
    if names:
        lines.append("By " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]))
    return lines


def read_html(path: Path, max_bytes: int | None = None) -> str:
    """A saved web page as an article's text: its headline, a "Published: YYYY-MM-DD" line (when the page
    gives a date), a "By ..." line (when it names authors), a blank line, then the body's paragraphs
    separated by blank lines, as trafilatura extracts them for precision (no comments, navigation, tables
    or links). The header is then read by parse_article as any text article's is. A page with no article
    body is refused (InputError); trafilatura is imported only here (the `html` extra)."""
    data = _article_bytes(path, max_bytes)
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"{shown(path)}: reading .html pages needs the html extra ({HTML_EXTRA})") from None
    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are not the reader's business
    page = _decode_page(path, data)
    today = dt.date.today().isoformat()
    try:
        doc = trafilatura.bare_extraction(
            page,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_links=False,
            include_images=False,
            with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": False, "max_date": today},
        )
    except Exception as err:  # trafilatura and lxml raise many kinds on hostile markup
        raise InputError(f"{shown(path)}: cannot read this page ({type(err).__name__})") from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    paras = [" ".join(p.split()) for p in body.splitlines() if p.strip()]
    title = getattr(doc, "title", None)
    if paras and title and " ".join(title.split()) == paras[0]:
        paras = paras[1:]  # the headline extracted again as the body's first line
    if not paras:
        raise InputError(f"{shown(path)}: no article text found in this page (a menu, an index or an empty page?)")
    header = _html_header(title, getattr(doc, "date", None), getattr(doc, "author", None))
    return "\n".join(header) + ("\n\n" if header else "") + "\n\n".join(paras) + "\n"


# ---------------------------------------------------------------- furniture


@functools.cache
def _patterns(key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in vocab.load("furniture")[key])


def _is(key: str, line: str) -> bool:
    return any(p.match(line) for p in _patterns(key))


def _block_end(text: str, lines: list[Span], j: int, out: set[int]) -> int:
    """The last line of line j's block (lines with no blank line between them), each added to `out`."""
    while j + 1 < len(lines) and "\n\n" not in text[lines[j].end : lines[j + 1].start].replace("\r", ""):
        j += 1
        out.add(j)
    return j


def find_furniture(text: str, lines: list[Span]) -> set[int]:
    """Indexes of lines that are page furniture."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        line = text[lines[i].start : lines[i].end].strip().replace("\ufeff", "")
        if _is("bio_headings", line):
            out.add(i)
            # the heading may carry the bio on its own line (an "about the author" line carrying the bio);
            # otherwise the bio is the next paragraph block.
            j = i
            if j + 1 < len(lines) and (len(line) < 40 or line.endswith(":")):
                j += 1
                out.add(j)
                j = _block_end(text, lines, j, out)  # the rest of the bio's block
            i = j + 1
            continue
        if _is("list_headings", line):
            out.add(i)
            i = _block_end(text, lines, i, out) + 1
            continue
        if _is("line_patterns", line):
            out.add(i)
        i += 1
    return out


# ---------------------------------------------------------------- header

_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DATE_FORMS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})"),
]
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|\b\d{1,2}\s*[ap]\.?m\.?", re.I)


def parse_dateline(line: str) -> dt.date | None:
    """The date of a line that is only a dateline ("Published 2024-11-03", "Sun 3 Nov 2024 09:40 GMT")."""
    words = vocab.load("header")
    zones = frozenset(words["time_zones"])
    for form in _DATE_FORMS:
        m = form.search(line)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else calendar.month(g["mon"])
        if not month:
            continue
        try:
            date = dt.date(int(g["y"]), month, int(g["d"]))
        except ValueError:
            continue
        rest = (line[: m.start()] + " " + line[m.end() :]).lower()
        rest = _TIME_RE.sub(" ", rest)
        for w in sorted(words["dateline_prefixes"], key=vocab.longest_first):
            rest = re.sub(rf"\b{re.escape(w)}\b", " ", rest)
        leftover = [w for w in letter_words(rest) if calendar.weekday(w) is None and w not in zones]
        if len(leftover) <= 1:
            return date
    return None


@functools.cache
def _byline_re() -> re.Pattern[str]:
    """A byline: an opener ("By", "Posted by") and up to four capitalised words."""
    openers = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(vocab.load("header")["byline_openers"], key=vocab.longest_first)
    )
    return re.compile(rf"^(?:{openers})\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,3}})", re.I)


_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*$""")
# "PORTVILLE, Jan 9 (Agency) - ", "PORTVILLE, January 9 (Agency) --", "Feb 2 (Wire) - ", "LONDON (Agency) — ":
# a wire dateline; the story text starts after it
_WIRE_PREFIX = re.compile(
    r"(?:[A-Z][A-Z .'\-]+(?:,\s*[A-Z][A-Za-z.]*)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"\s*(?:\([^)]{2,40}\))?\s*[-–—]+\s+"
)


def _plain(line: str) -> str:
    """A header line without Markdown marks ("# Title", "*Published ...*", "**By** Name") or a BOM."""
    line = line.replace("\ufeff", "").strip()
    line = re.sub(r"^#{1,6}\s+", "", line)
    return re.sub(r"(\*{1,2}|_{1,2})(.+?)\1", r"\2", line).strip()


def parse_article(aid: str, path: str, text: str) -> Article:
    lines = list(paragraphs(text))
    furniture = find_furniture(text, lines)
    title = published = byline = None
    header: set[int] = set()
    story_lines = [i for i in range(len(lines)) if i not in furniture]
    for rank, i in enumerate(story_lines[:HEADER_LINES]):
        line = _plain(text[lines[i].start : lines[i].end])
        if published is None and len(line) < 80 and (d := parse_dateline(line)):
            published = d
            header.add(i)
            continue
        bm = _byline_re().match(line)
        if byline is None and bm and len(line) < 120:
            byline = bm.group("name").strip()
            header.add(i)
            continue
        if rank == 0 and len(line) < 200 and not _SENTENCE_END.search(line):
            title = line
            header.add(i)
    # a first line ending like a sentence is still the headline when a dateline or byline follows it
    if title is None and story_lines and (published or byline):
        first = story_lines[0]
        if first not in header and any(h > first for h in header):
            title = text[lines[first].start : lines[first].end].strip()
            header.add(first)
    # bylines in furniture ("posted by X in Y | N comments") still name the author
    if byline is None:
        for i in sorted(furniture)[:3]:
            bm = _byline_re().match(text[lines[i].start : lines[i].end].strip())
            if bm:
                byline = re.split(r"\s+in\s+", bm.group("name"))[0].strip()
                break
    sentences: list[Span] = []
    lead = None
    first_body = True
    for i in story_lines:
        if i in header:
            continue
        para = lines[i]
        if first_body:
            first_body = False
            m = _WIRE_PREFIX.match(text, para.start, para.end)
            if m and m.end() < para.end:
                lead, para = Span(para.start, m.end()), Span(m.end(), para.end)
        sentences.extend(split_sentences(text, para))
    return Article(
        id=aid,
        path=path,
        text=text,
        title=title,
        published=published,
        byline=byline,
        sentences=tuple(sentences),
        furniture=tuple(lines[i] for i in sorted(furniture)),
        lead=lead,
    )
