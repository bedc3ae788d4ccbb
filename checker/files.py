"""Files factcheck reads and writes, safely.

Reading: only regular files are articles. A path is looked at with ``os.stat`` before it is opened, so
a FIFO, a socket or a device named like an article is refused without being opened (a FIFO would
block); the size is checked from the same stat, so an article over the limit is never read whole.

Writing: every report, baseline and Markdown copy goes through ``write_atomic``: a temporary file in
the target's folder, fsynced, then ``os.replace`` d over the target, with the permissions of the
user's umask. The target is refused (``WriteError``) when it is a directory, a device, a FIFO, a
socket or a symlink (its target is never replaced), a read-only file, or one of the run's input
articles. An exception or SIGTERM/SIGHUP during the write removes the temporary file. SIGKILL cannot
be caught: temporary files are named ``.NAME.PID.factcheck-tmp`` so that the next write to the same
folder removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
from pathlib import Path

MAX_ARTICLE_BYTES = 5_000_000  # an article over this size is refused (max_article_bytes, --max-article-size)
TMP_SUFFIX = ".factcheck-tmp"


class WriteError(Exception):
    """A report cannot be written where asked: one line, exit 2."""


def shown(path: str | os.PathLike) -> str:
    """A path as it can be printed: bytes that are not UTF-8 as \\xNN, control characters escaped."""
    raw = os.fsencode(path)
    return terminal_safe(raw.decode("utf-8", "backslashreplace"))


def name_is_utf8(path: str | os.PathLike) -> bool:
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))}
# bidirectional overrides and isolates reorder what the terminal shows ("Trojan source")
_CONTROL |= {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def terminal_safe(text: str) -> str:
    """Text with its control characters (ESC, CR, backspace, BEL, C1, bidi overrides) as visible escapes
    (``\\x1b``); line feeds and tabs are kept. Plain text is returned as it is."""
    return text.translate(_CONTROL)


# ---------------------------------------------------------------- reading


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_article_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; OSError or ValueError (with the one line to
    print) otherwise. The file is stat'ed before it is opened and opened non-blocking, so a FIFO swapped
    in between still cannot block."""
    limit = MAX_ARTICLE_BYTES if limit is None else limit
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"{kind_of(st.st_mode)}, not an article file")
    if st.st_size > limit:
        raise ValueError(
            f"{st.st_size:,} bytes, over the article size limit of {limit:,} (max_article_bytes, --max-article-size)"
        )
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(f"{kind_of(st.st_mode)}, not an article file")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"over the article size limit of {limit:,} bytes (max_article_bytes, --max-article-size)")
    return data


# ---------------------------------------------------------------- writing


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_target(path: str, inputs: frozenset[Path] = frozenset()) -> Path:
    """The file a report may replace, or WriteError saying why not."""
    target = Path(path)
    if target.parent.is_dir() and target.parent.resolve() / target.name in inputs:
        raise WriteError(f"{shown(path)} is one of the articles read: a report never overwrites an input")
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise WriteError(f"cannot write {shown(path)}: {err.strerror or err}") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise WriteError(f"{shown(path)} is a symlink: factcheck does not replace its target (name the file itself)")
        if not stat.S_ISREG(st.st_mode):
            raise WriteError(f"{shown(path)} is {kind_of(st.st_mode)}: a report is written to a regular file")
        if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise WriteError(f"{shown(path)} is read-only: not replaced")
    folder = target.parent
    if not folder.is_dir():
        raise WriteError(f"cannot write {shown(path)}: folder {shown(folder)} does not exist")
    return target


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files of earlier writes to `name` whose process is gone (killed with SIGKILL)."""
    for p in folder.glob(f".{glob_escape(name)}.*{TMP_SUFFIX}"):
        pid = p.name[len(name) + 2 : -len(TMP_SUFFIX)]
        if not pid.isdigit():
            continue
        alive = True
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            alive = False
        except OSError:
            pass
        if not alive or int(pid) == os.getpid():
            with contextlib.suppress(OSError):
                p.unlink()


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


class _Interrupted(BaseException):
    pass


@contextlib.contextmanager
def _signals_raise():
    """SIGTERM and SIGHUP raise while a file is written, so that the temporary file is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {}

    def handler(signum, frame):
        raise _Interrupted(signum)

    for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if s is not None:
            old[s] = signal.signal(s, handler)
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def write_atomic(path: str, text: str | bytes, inputs: frozenset[Path] = frozenset()) -> None:
    """Write `text` (a str, written as UTF-8, or bytes as they are) to `path` atomically (see the module
    doc); WriteError when the target is refused."""
    target = check_target(path, inputs)
    folder = target.parent
    _remove_stale(folder, target.name)
    tmp = folder / f".{target.name}.{os.getpid()}{TMP_SUFFIX}"
    try:
        with _signals_raise():
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o666)
                with os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(text)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o666 & ~_umask())  # the umask's, whatever the file was created with
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
    except _Interrupted as sig:
        signum = sig.args[0]
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # die of the signal, as the caller expects
        raise SystemExit(128 + signum) from None
    except OSError as err:
        raise WriteError(f"cannot write {shown(path)}: {err.strerror or err}") from None
    with contextlib.suppress(OSError):  # the rename itself made durable
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
