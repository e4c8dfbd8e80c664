"""A cache of parsed and validated model files, keyed by each file's content.

Parsing YAML is most of the time a load takes, and a model folder rarely changes
between two runs of ``govgraph check``. The loader hands each file's bytes to
:meth:`FileCache.get`; when the cache holds the result of reading exactly those
bytes (as the same model-relative file, with the same govgraph, pydantic, PyYAML
and Python), that result is used instead of parsing and validating again. A file
whose content changed has a different key, so it is always read afresh: the
cache is never trusted about a changed file. Results, errors and positions are
the same with or without it, because both ways run the same code after reading.

Where: ``$GOVGRAPH_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/govgraph``, else
``~/.cache/govgraph``. The folder is safe to delete at any time. It lives in the
user's own cache folder, not in the model folder, so a model folder received from
someone else (a zip, a clone) can never bring cache entries with it.

Trust model: entries are pickles, and unpickling runs code, so the cache reads
only entries it wrote itself, from a folder it owns: the folder is created
private (0700), and is not used at all when it belongs to another user or others
may write to it. That is the same trust Python gives ``__pycache__``. Each entry
also carries a checksum of its payload, so a truncated or corrupt entry is
ignored (and rewritten), never unpickled. Entries are written atomically (a
temporary file, then a rename), so concurrent runs never see half an entry.
Entries unused for :data:`MAX_AGE_DAYS` are removed when new ones are written.

Turn it off with ``govgraph --no-cache ...`` or ``GOVGRAPH_NO_CACHE=1``. The
library's :func:`govgraph.load` uses it only when asked (``cache=True``) or when
running under the ``govgraph`` command.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

#: Bump when the shape of what the loader stores changes.
FORMAT = 1
MAGIC = b"govgraph-cache\n"
DIGEST_SIZE = 32
MAX_AGE_DAYS = 30
_PRUNE_EVERY_SECONDS = 24 * 3600

#: Whether :func:`govgraph.load` uses the cache when not told; the CLI turns it on.
_default_enabled = False


def enabled(requested: bool | None = None) -> bool:
    """Whether a load should use the cache: ``requested`` if given, else the default,
    and never when ``GOVGRAPH_NO_CACHE`` is set to anything but ``0`` or empty."""
    if os.environ.get("GOVGRAPH_NO_CACHE", "") not in ("", "0"):
        return False
    return _default_enabled if requested is None else requested


def set_default(on: bool) -> None:
    """Make loads use the cache (or not) unless they say otherwise."""
    global _default_enabled
    _default_enabled = on


@contextlib.contextmanager
def default_enabled(on: bool) -> Iterator[None]:
    """Use the cache by default within the block (the CLI wraps each command in this)."""
    before = _default_enabled
    set_default(on)
    try:
        yield
    finally:
        set_default(before)


def cache_dir() -> Path:
    """The folder the cache lives in (it may not exist yet)."""
    explicit = os.environ.get("GOVGRAPH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "govgraph"


#: The govgraph modules whose code decides what reading one file gives (parsing,
#: validation, error wording, positions). Editing any of them invalidates the cache.
SOURCES = ("cache.py", "loader.py", "yamlread.py", "schema.py", "explain.py", "errors.py")


def _fingerprint() -> bytes:
    """What a cached result depends on besides the file: the code that produced it.

    Versions of govgraph, its parsing and validation libraries and Python, and
    the size and modification time of each of :data:`SOURCES`, so that an edited
    checkout never reuses results of the code before the edit.
    """
    parts = [f"format={FORMAT}", sys.version, sys.implementation.cache_tag or ""]
    for dist in ("govgraph", "pydantic", "pydantic_core", "PyYAML"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    package = Path(__file__).resolve().parent
    for name in SOURCES:
        stat = (package / name).stat()
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts).encode()


class FileCache:
    """Results of reading model files, stored by a key made from each file's bytes."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir()
        self.entries = self.folder / f"v{FORMAT}"
        self._salt = hashlib.blake2b(_fingerprint(), digest_size=DIGEST_SIZE).digest()
        self.usable = self._prepare_folder()
        self.hits = 0
        self.misses = 0
        self._wrote = False

    def key(self, rel: str, kind: str, content: bytes) -> str:
        """The key of ``content`` read as model file ``rel`` in role ``kind``."""
        digest = hashlib.blake2b(self._salt, digest_size=DIGEST_SIZE)
        digest.update(f"{kind}\0{rel}\0".encode())
        digest.update(content)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """The value stored under ``key``, or None (missing, corrupt or unreadable)."""
        if not self.usable:
            return None
        blob = _read_entry(self._path(key))
        if blob is None:
            self.misses += 1
            return None
        value = _decode(blob)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` atomically; failures only mean no caching."""
        if not self.usable:
            return
        path = self._path(key)
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            blob = MAGIC + hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() + payload
            path.parent.mkdir(mode=0o700, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(blob)
                os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return  # a read-only disk, a full disk or an odd value: just don't cache
        self._wrote = True

    def finish(self) -> None:
        """After a load: now and then, remove entries nobody has used for a while."""
        if self._wrote and self.usable:
            self._prune()

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.pickle"

    def _prepare_folder(self) -> bool:
        try:
            self.entries.mkdir(mode=0o700, parents=True, exist_ok=True)
            return _owned_and_private(self.folder) and _owned_and_private(self.entries)
        except OSError:
            return False

    def _prune(self) -> None:
        stamp = self.entries / ".last-pruned"
        now = time.time()
        try:
            if now - stamp.stat().st_mtime < _PRUNE_EVERY_SECONDS:
                return
        except OSError:
            pass
        with contextlib.suppress(OSError):
            stamp.touch()
        oldest = now - MAX_AGE_DAYS * 24 * 3600
        for entry in self.entries.glob("*/*.pickle"):
            with contextlib.suppress(OSError):
                stat = entry.stat()
                if max(stat.st_atime, stat.st_mtime) < oldest:
                    entry.unlink()


def _read_entry(path: Path) -> bytes | None:
    """The bytes of the entry at ``path`` if it is a regular file, else None.

    Opened without blocking and checked to be a regular file before reading: an
    entry replaced by a named pipe would otherwise hang the command for ever.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        with os.fdopen(os.dup(handle), "rb") as entry:
            return entry.read()
    except OSError:
        return None
    finally:
        os.close(handle)


def _decode(blob: bytes) -> Any | None:
    """Unpickle an entry this cache wrote, or None when it is not intact."""
    head = len(MAGIC) + DIGEST_SIZE
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    payload = blob[head:]
    if hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() != blob[len(MAGIC) : head]:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - e.g. a class renamed since: just read the file again
        return None


def _owned_and_private(folder: Path) -> bool:
    """True when ``folder`` is ours and nobody else may write in it (POSIX)."""
    if os.name != "posix":
        return True
    stat = folder.stat()
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


@contextlib.contextmanager
def command_session(use_cache: bool) -> Iterator[None]:
    """Settings for one run of a ``govgraph`` command (the CLI enters this per run).

    Loads use the cache unless ``use_cache`` is false, and Python's cyclic
    garbage collector is paused: a command is one short pass over a model of
    many small objects without cycles, which the collector would only re-scan
    (profiled: it took five times longer to build the graph of 50 councils).
    Reference counting still frees everything; both are restored afterwards.
    """
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        with default_enabled(use_cache):
            yield
    finally:
        if was_collecting:
            gc.enable()
