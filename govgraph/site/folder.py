"""The site's output folder: built beside the target, then swapped in whole.

A site is published from this folder, so a half-written one must never be left
in its place: every page is written into a hidden folder beside the target
(``.site.build-XXXX``), and only when all of them are written is that folder
swapped with the target in one step (``renameat2(RENAME_EXCHANGE)`` on Linux;
two renames elsewhere). A build killed at any moment leaves either the old site
or the new one, never pages of two dates, and never a folder the next build
refuses; the next build removes what a killed one left beside the folder.
When the folder's parent cannot be written (a web root in a folder owned by
someone else), there is nowhere to stage: pages are then replaced in the
folder one by one, each atomically, and that guarantee is lost.

What may be replaced is decided by :data:`MARKER`, which records each file the
build wrote with its SHA-256. The marker is a file in a folder that may have
been received from someone else, so it is trusted only for what it can prove:
a file counts as the previous build's only when the marker names it and its
content still matches; everything else in the folder (a file the user added,
a page they edited, anything a planted marker names) is the user's and is
carried into the new site untouched (hard-linked, so nothing is copied or
lost if the build is killed). A marker that is not one govgraph wrote makes
the folder a folder govgraph did not make.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from govgraph.atomic import new_file_mode, write_text
from govgraph.errors import GovgraphError
from govgraph.limits import read_head, read_input
from govgraph.site.html import GENERATOR

MARKER = ".govgraph-site.json"
MARKER_FORMAT = 2
_MARKER_LIMIT = 16 * 1024 * 1024


class SiteFolder:
    """Write a site into a staging folder, then swap it in for ``root``."""

    def __init__(self, root: Path, force: bool = False, planned: Iterable[str] = ()) -> None:
        self.root = root
        self.force = force
        self.written: dict[str, str] = {}  # path in the site -> sha256 of what was written
        self.previous, self.foreign = self._inspect()
        self._refuse_clashes(set(planned))
        #: True when the folder's parent cannot be written: pages are then replaced in
        #: the folder one by one (each atomically), as there is nowhere to stage them.
        self.in_place = False
        self.staging = self._make_staging()

    def _refuse_clashes(self, paths: set[str]) -> None:
        clashes = [path for path in self.foreign if path in paths]
        if clashes and not self.force:
            raise GovgraphError(
                f"{self.root}: {_some(clashes)} would be replaced, but govgraph build did not "
                "write it or it was changed since; move it out, or add --force to replace it"
            )

    # --- before anything is written --------------------------------------------------

    def _inspect(self) -> tuple[dict[str, str], list[str]]:
        """The previous build's files that still match, and everything else in the folder."""
        root = self.root
        if root.is_symlink():
            raise GovgraphError(
                f"{root} is a symbolic link; give the folder it leads to as -o FOLDER"
            )
        if root.exists() and not root.is_dir():
            raise GovgraphError(f"{root} is a file; give a folder for the site (-o FOLDER)")
        if not root.exists():
            return {}, []
        recorded, distrust = _read_marker(root / MARKER)
        previous = {
            path: digest for path, digest in recorded.items() if _matches(root, path, digest)
        }
        foreign = [path for path in _entries(root) if path not in previous and path != MARKER]
        if foreign and distrust is not None and not self.force:
            reason = (
                f"its {MARKER} is not one govgraph build wrote ({distrust})"
                if distrust
                else "was not made by govgraph build"
            )
            raise GovgraphError(
                f"{root} is not empty and {reason}; choose a new or empty folder, or add "
                "--force to write the site into it anyway (nothing of yours is deleted)"
            )
        return previous, foreign

    def _make_staging(self) -> Path:
        parent = self.root.absolute().parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            _remove_abandoned(parent, self.root.name)
            prefix = f".{self.root.name}.build-{os.getpid()}-"
            staging = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
        except OSError as exc:
            if self.root.is_dir() and os.access(self.root, os.W_OK):
                self.in_place = True
                return self.root
            raise GovgraphError(
                f"{self.root}: cannot write there ({exc.strerror or exc})"
            ) from None
        mode = self.root.stat().st_mode & 0o777 if self.root.is_dir() else new_file_mode() | 0o111
        os.chmod(staging, mode & 0o777)
        return staging

    # --- writing ---------------------------------------------------------------------

    def write(self, path: str, text: str) -> None:
        """Write one page (``path`` relative to the site) into the staging folder."""
        target = self.staging / path
        data = text.encode("utf-8")
        if self.in_place:
            write_text(target, text)
            self.written[path] = hashlib.sha256(data).hexdigest()
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as exc:
            raise GovgraphError(
                f"{self.root / path}: cannot write it ({exc.strerror or exc})"
            ) from None
        self.written[path] = hashlib.sha256(data).hexdigest()

    def finish(self) -> list[str]:
        """Carry the user's files over, record this build, swap it in; return the files
        of the previous build that this one no longer has (now gone)."""
        try:
            self._refuse_clashes(set(self.written))
        except GovgraphError:
            self.abandon()
            raise
        stale = sorted(set(self.previous) - set(self.written))
        if self.in_place:
            for path in stale:
                if _matches(self.root, path, self.previous[path]):
                    (self.root / path).unlink()
            self._record(self.written)
            return stale
        for path in self.foreign:
            if path not in self.written:
                _carry(self.root / path, self.staging / path)
        self._record(self.written)
        _swap_in(self.staging, self.root)
        return stale

    def _record(self, files: dict[str, str]) -> None:
        record = {"generator": GENERATOR, "format": MARKER_FORMAT, "files": files}
        write_text(self.staging / MARKER, json.dumps(record, indent=1, sort_keys=True) + "\n")

    def abandon(self) -> None:
        """After a failure: remove the staging folder, so the target is as it was (in
        place, record what was written, so the next build knows its own pages)."""
        if self.in_place:
            self._record({**self.previous, **self.written})
            return
        shutil.rmtree(self.staging, ignore_errors=True)


def _remove_abandoned(parent: Path, name: str) -> None:
    """Remove staging folders of builds that were killed (their process is gone)."""
    pattern = re.compile(rf"\.{re.escape(name)}\.(?:build|old)-(\d+)-")
    for entry in parent.iterdir() if parent.is_dir() else ():
        found = pattern.match(entry.name)
        if found and entry.is_dir() and not entry.is_symlink() and not _alive(int(found.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive, and not ours to touch
        return True
    return True


def _cannot_write(path: Path, exc: OSError) -> GovgraphError:
    return GovgraphError(f"{path}: cannot write it ({exc.strerror or exc})")


def _read_marker(marker: Path) -> tuple[dict[str, str], str | None]:
    """The files a marker records with their digests, and why it is not trusted: None
    when it is, ``""`` when there is no marker at all."""
    if not os.path.lexists(marker):
        return {}, ""
    try:
        document: Any = json.loads(read_input(marker, _MARKER_LIMIT).decode("utf-8"))
    except (GovgraphError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return {}, f"it cannot be read: {type(exc).__name__}"
    if not isinstance(document, dict) or not str(document.get("generator", "")).startswith(
        "govgraph"
    ):
        return {}, "it does not name govgraph as its writer"
    files = document.get("files")
    if isinstance(files, list) and all(isinstance(path, str) for path in files):
        # An older build: no digests, so only pages that carry govgraph's generator tag.
        return {path: "" for path in files if _safe(path)}, None
    if not isinstance(files, dict) or not all(
        isinstance(path, str) and isinstance(digest, str) for path, digest in files.items()
    ):
        return {}, "its list of files is not a mapping of paths to digests"
    return {path: digest for path, digest in files.items() if _safe(path)}, None


def _safe(path: str) -> bool:
    """A relative path inside the site, with no way out of it."""
    pure = PurePosixPath(path)
    return bool(path) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in path


def _matches(root: Path, path: str, digest: str) -> bool:
    """True when ``root/path`` is a regular file still holding what the build wrote."""
    target = root / path
    try:
        if not stat.S_ISREG(os.lstat(target).st_mode):
            return False
        if not digest:
            head = read_head(target) or b""
            return b'name="generator" content="govgraph' in head
        return hashlib.sha256(read_input(target, 1 << 40)).hexdigest() == digest
    except (OSError, GovgraphError):
        return False


def _entries(root: Path) -> list[str]:
    """Every file, link and empty folder below ``root``, relative, in order."""
    found: list[str] = []
    for folder, folders, files in os.walk(root, followlinks=False):
        base = Path(folder).relative_to(root)
        for name in list(folders):
            if os.path.islink(os.path.join(folder, name)):
                found.append((base / name).as_posix())
                folders.remove(name)  # a link is carried as a link, not walked
        found.extend((base / name).as_posix() for name in files)
        if not folders and not files and folder != str(root):
            found.append(base.as_posix() + "/")
    return sorted(found)


def _some(paths: list[str]) -> str:
    shown = ", ".join(paths[:3])
    return shown + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


def _carry(source: Path, target: Path) -> None:
    """Put the user's ``source`` at ``target`` in the new site without copying its data."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if str(source).endswith("/") or (source.is_dir() and not source.is_symlink()):
        target.mkdir(exist_ok=True)
    elif source.is_symlink():
        os.symlink(os.readlink(source), target)
    else:
        try:
            os.link(source, target, follow_symlinks=False)
        except OSError:  # a file system without hard links
            shutil.copy2(source, target, follow_symlinks=False)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux's renameat2); False where that is not possible."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return bool(result == 0)


def _swap_in(staging: Path, root: Path) -> None:
    """Make ``staging`` the folder at ``root``; the old folder (if any) is removed."""
    if not root.exists():
        os.rename(staging, root)
        return
    if _exchange(staging, root):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old site
        return
    old = Path(tempfile.mkdtemp(dir=staging.parent, prefix=f".{root.name}.old-{os.getpid()}-"))
    os.rmdir(old)
    os.rename(root, old)
    try:
        os.rename(staging, root)
    except OSError:
        os.rename(old, root)
        raise
    with contextlib.suppress(OSError):
        shutil.rmtree(old)
