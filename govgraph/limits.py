"""How much govgraph reads before refusing, and reading one input file safely.

A model folder or an import file may come from someone else, so every read is
bounded (see SECURITY.md): a file larger than :attr:`Limits.file_size` bytes is
refused before it is read, and a model whose files together hold more than
:attr:`Limits.model_size` bytes (counting each YAML alias as the text it
copies, so a small file of aliases counts at its expanded size) is refused
before it is built. The defaults hold every real council model with room to
spare; ``govgraph --max-model-size 2G --max-file-size 512M …`` (or the
``GOVGRAPH_MAX_MODEL_SIZE`` / ``GOVGRAPH_MAX_FILE_SIZE`` variables) raise them.

:func:`read_input` opens only regular files, without blocking (a FIFO named
``x.yaml`` would otherwise hang the reader for ever), and reads at most the limit.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from govgraph.errors import GovgraphError

MB = 1024 * 1024
#: The benchmarks' national register (400 councils) is 71 MB of YAML in 3,602 files, none
#: over 0.1 MB, and loads in 0.7 GB. With the value limit of :mod:`govgraph.yamlread`
#: (1,000,000 a file), a file within this size parses in about 10 s and under 1 GB at
#: worst, however it is written; anything larger is refused before parsing.
DEFAULT_FILE_SIZE = 16 * MB
DEFAULT_MODEL_SIZE = 256 * MB


@dataclass(frozen=True)
class Limits:
    """The sizes govgraph reads before refusing, in bytes."""

    file_size: int = DEFAULT_FILE_SIZE
    model_size: int = DEFAULT_MODEL_SIZE
    follow_links: bool = False


_UNITS = {"": 1, "K": 1024, "M": MB, "G": 1024 * MB, "T": 1024 * 1024 * MB}
_SIZE = re.compile(r"\s*(\d{1,15})\s*([KMGT]?)I?B?\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"256M"`` -> 268435456. Plain digits are bytes; K, M, G, T are powers of 1024.

    >>> parse_size("64M"), parse_size("2G"), parse_size("1000")
    (67108864, 2147483648, 1000)
    """
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"'{text}' is not a size; write e.g. 512M or 2G")
    size = int(match.group(1)) * _UNITS[match.group(2).upper()]
    if size <= 0:
        raise ValueError(f"'{text}' is not a size above zero")
    return size


def describe_size(size: int) -> str:
    """``268435456`` -> ``"256M"``: a size as the options take it."""
    for unit in ("T", "G", "M", "K"):
        if size >= _UNITS[unit] and size % _UNITS[unit] == 0:
            return f"{size // _UNITS[unit]}{unit}"
    return f"{size} bytes"


def _from_environment() -> Limits:
    return Limits(
        file_size=_environment_size("GOVGRAPH_MAX_FILE_SIZE", DEFAULT_FILE_SIZE),
        model_size=_environment_size("GOVGRAPH_MAX_MODEL_SIZE", DEFAULT_MODEL_SIZE),
    )


def _environment_size(variable: str, default: int) -> int:
    text = os.environ.get(variable, "")
    if not text:
        return default
    try:
        return parse_size(text)
    except ValueError as exc:
        raise GovgraphError(f"{variable}: {exc}") from None


_current: Limits | None = None


def current() -> Limits:
    """The limits in force: those the command line set, else the environment's."""
    return _current if _current is not None else _from_environment()


@contextlib.contextmanager
def limits_in_force(limits: Limits) -> Iterator[None]:
    """Use ``limits`` for every read within the block (the CLI wraps each command)."""
    global _current
    before = _current
    _current = limits
    try:
        yield
    finally:
        _current = before


class InputProblem(GovgraphError):
    """An input file that cannot be read: ``path`` and the cause."""

    def __init__(self, path: Path, cause: str) -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause


def too_large(size: int, limit: int, option: str) -> str:
    """``6.8 KB, more than the 4K govgraph reads; …``: to follow "is" or "hold"."""
    amount = f"{size / MB:,.1f} MB" if size >= MB // 10 else f"{size / 1024:,.1f} KB"
    return (
        f"{amount}, more than the {describe_size(limit)} govgraph reads; if it is meant "
        f"to be this big, raise the limit with govgraph {option} SIZE"
    )


def read_input(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` (default: the file limit).

    Raises :class:`InputProblem` (the path and a cause a user can act on) for a
    file that is not a regular file, cannot be opened, or is too large.
    """
    limit = current().file_size if limit is None else limit
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputProblem(path, f"cannot read it ({exc.strerror or exc})") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise InputProblem(
                path, f"is {kind_of(info.st_mode)}, not a file; govgraph reads files only"
            )
        if info.st_size > limit:
            raise InputProblem(path, "is " + too_large(info.st_size, limit, "--max-file-size"))
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    except OSError as exc:
        raise InputProblem(path, f"cannot read it ({exc.strerror or exc})") from None
    finally:
        os.close(handle)
    if len(raw) > limit:  # it grew while being read
        raise InputProblem(path, "is " + too_large(len(raw), limit, "--max-file-size"))
    return raw


def read_head(path: Path, size: int = 4096) -> bytes | None:
    """The first ``size`` bytes of ``path`` if it is a regular file, else None (never blocks)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        return os.read(handle, size) if stat.S_ISREG(os.fstat(handle).st_mode) else None
    except OSError:
        return None
    finally:
        os.close(handle)


def not_a_file(mode: int) -> str:
    return f"is {kind_of(mode)}, not a file; govgraph reads files only"


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words: ``a named pipe (FIFO)``, ``a device`` …"""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"
