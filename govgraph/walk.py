"""Find every YAML file of a model folder, and say so when some cannot be read.

An audit that silently skipped part of a model would pass a model it never
read, so every entry that looks like part of the model but cannot be read is a
problem, positioned at the entry: a folder that cannot be listed, a symbolic
link that points nowhere or round in a loop, a ``*.yaml`` that is a named pipe,
a device or a socket. A link that leads out of the model folder is refused
unless ``--follow-links`` allows it: a folder received from someone else could
otherwise publish any file of this machine (``x.yaml -> ~/.ssh/...``) in a
built site. Hidden files and folders (``.git``) are skipped, as before.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.limits import not_a_file

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class ModelFiles:
    """The model's YAML files in a stable order, and the entries that could not be read."""

    files: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)
    total_size: int = 0


def find_model_files(root: Path, follow_links: bool = False) -> ModelFiles:
    """Every ``*.yaml``/``*.yml`` below ``root`` (or ``root`` itself when it is a file)."""
    found = ModelFiles()
    if not root.is_dir():
        _consider(root, root, found, follow_links, explicit=True)
        return found
    top = root.resolve()
    seen_folders = {top}
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            found.problems.append((folder, f"cannot list this folder ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            folder_target = _folder_target(path)
            if folder_target is None:
                _consider(path, top, found, follow_links, explicit=False)
                continue
            inside = folder_target == top or top in folder_target.parents
            if entry.is_symlink():
                if inside:
                    continue  # its files are read where they really are
                if not follow_links:
                    found.problems.append((path, _outside(folder_target)))
                    continue
            if folder_target not in seen_folders:
                seen_folders.add(folder_target)
                pending.append(path)
    found.files.sort(key=lambda p: p.relative_to(root).as_posix())
    return found


def _folder_target(path: Path) -> Path | None:
    """Where ``path`` really is when it is a folder (or a link to one), else None."""
    try:
        if not stat.S_ISDIR(path.stat().st_mode):
            return None
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _consider(path: Path, top: Path, found: ModelFiles, follow_links: bool, explicit: bool) -> None:
    """Add ``path`` if it is a readable YAML file; record why not if it should have been."""
    if not explicit and path.suffix not in YAML_SUFFIXES:
        return
    try:
        own = path.lstat()
    except OSError as exc:
        found.problems.append((path, f"cannot read it ({exc.strerror or exc})"))
        return
    if stat.S_ISLNK(own.st_mode):
        try:
            target = path.resolve(strict=True)
            info = path.stat()
        except RuntimeError:
            found.problems.append((path, "is a symbolic link that loops back on itself"))
            return
        except OSError as exc:
            if exc.errno == 40:  # ELOOP
                found.problems.append((path, "is a symbolic link that loops back on itself"))
            else:
                where = os.readlink(path)
                found.problems.append(
                    (path, f"is a symbolic link to {where}, which does not exist")
                )
            return
        base = top if top.is_dir() else top.parent.resolve()
        if not follow_links and not explicit and base not in target.parents:
            found.problems.append((path, _outside(target)))
            return
    else:
        info = own
    if not stat.S_ISREG(info.st_mode):
        found.problems.append((path, not_a_file(info.st_mode)))
        return
    found.files.append(path)
    found.total_size += info.st_size


def _outside(target: Path) -> str:
    return (
        f"is a symbolic link to {target}, outside the model folder; copy the file in, "
        "or run govgraph --follow-links if you trust where it leads"
    )
