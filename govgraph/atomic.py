"""Write a text file atomically, with the permissions a normal file would get.

Every file govgraph writes (charts, exports, imported models, site pages) goes
through :func:`write_text` (a workbook through :func:`write_bytes`): the data is
written to a temporary file in the same folder and moved into place with
:func:`os.replace`, so a reader (or a crash) never sees half a file.
:func:`tempfile.mkstemp` makes its file readable by the owner only; a chart or an
export is meant to be shared, so the file gets the mode it had before, or for a
new file 0o666 less the umask, as ``open()`` gives.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to ``path``, creating its folder."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a workbook, an image), creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def file_mode(path: Path) -> int:
    """The existing file's mode, else what a normal new file gets (0o666 less the umask)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)  # the only way to read the umask is to set it
    os.umask(umask)
    return 0o666 & ~umask
