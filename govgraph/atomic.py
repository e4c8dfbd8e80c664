"""Write a text file atomically, with the permissions a normal file would get, and only
ever over a regular file.

Every file govgraph writes (charts, exports, imported models, site pages) goes
through :func:`write_text` (a workbook through :func:`write_bytes`): the data is
written to a temporary file in the same folder and moved into place with
:func:`os.replace`, so a reader (or a crash) never sees half a file.
:func:`tempfile.mkstemp` makes its file readable by the owner only; a chart or an
export is meant to be shared, so the file gets the mode it had before, or for a
new file 0o666 less the umask, as ``open()`` gives.

Renaming over a path replaces whatever was there, so :func:`check_target`
refuses anything but a regular file or a free name first: ``-o /dev/null`` must
not replace the device (as root it would), a named pipe must not be opened (it
would block for ever), and a symbolic link (``/dev/stdout``) must not be
swapped for a file. ``-o -`` is how a command is asked for standard output.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from govgraph.errors import GovgraphError
from govgraph.limits import kind_of
from govgraph.written import remember

#: The ``-o`` value that means standard output.
STDOUT = "-"


def is_stdout(path: Path | None) -> bool:
    """True when ``-o -`` asked for standard output."""
    return path is not None and str(path) == STDOUT


def check_target(path: Path) -> None:
    """Raise :class:`GovgraphError` unless ``path`` is free or a regular file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise GovgraphError(f"{path}: cannot write there ({exc.strerror or exc})") from None
    if stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISLNK(info.st_mode):
        raise GovgraphError(
            f"{path} is a symbolic link; govgraph writes only regular files and never "
            "replaces a link: give the path it leads to, or -o - for standard output"
        )
    raise GovgraphError(
        f"{path} is {kind_of(info.st_mode)}; govgraph writes only regular files "
        "(use -o - for standard output)"
    )


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to ``path``, creating its folder."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a workbook, an image), creating its folder."""
    check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, file_mode(path))
        check_target(path)  # once more: something may have been put there meanwhile
        os.replace(temporary, path)
        remember(path, data)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise cannot_write(path, exc) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cannot_write(path: Path, exc: OSError) -> GovgraphError:
    """The one-line error for a file the operating system would not let us write."""
    return GovgraphError(f"{path}: cannot write it ({exc.strerror or exc})")


def file_mode(path: Path) -> int:
    """The existing file's mode, else what a normal new file gets (0o666 less the umask)."""
    try:
        return os.lstat(path).st_mode & 0o777
    except FileNotFoundError:
        return new_file_mode()


def new_file_mode() -> int:
    """What a normal new file gets: 0o666 less the umask."""
    umask = os.umask(0)  # the only way to read the umask is to set it
    os.umask(umask)
    return 0o666 & ~umask
