"""What govgraph itself wrote, so that it may replace its own output and never a user's.

Every file govgraph writes is remembered by its path and the digest of its bytes
(one small record per file under the cache folder, ``written/``). A file is
govgraph's own while its bytes are still what govgraph wrote there: edit it by
hand and it is yours, and replacing it needs ``--force``. Without the records
(another machine, a cleared cache) govgraph knows nothing it wrote and refuses, so
the rule can only err on the side of keeping a file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from govgraph.cache import cache_dir


def _record(path: Path) -> Path:
    where = os.path.abspath(path)
    return (
        cache_dir()
        / "written"
        / hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    )


def remember(path: Path, data: bytes) -> None:
    """Note that govgraph wrote ``data`` to ``path`` (best effort: a cache folder that
    cannot be written only means govgraph will ask for --force next time)."""
    record = _record(path)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        temporary = record.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(hashlib.sha256(data).hexdigest(), encoding="ascii")
        os.replace(temporary, record)
    except OSError:
        return


def wrote(path: Path) -> bool:
    """Whether ``path`` is a regular file holding exactly what govgraph last wrote there."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            return False
        expected = _record(path).read_text(encoding="ascii").strip()
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except (OSError, UnicodeDecodeError):
        return False
    return digest.hexdigest() == expected
