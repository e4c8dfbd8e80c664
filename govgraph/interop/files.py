"""Writing files safely: never over a user's file without ``--force``, always atomically.

Single files go through :func:`govgraph.atomic.write_text` (a temporary file in
the same folder moved into place); an imported model is first written whole to a
hidden folder and validated there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from govgraph.atomic import check_target
from govgraph.errors import GovgraphError, ModelLoadError
from govgraph.interop.draft import SECTION_ORDER, Draft
from govgraph.interop.yaml_writer import render_section, render_settings
from govgraph.limits import current, too_large
from govgraph.loader import SETTINGS_FILE, load
from govgraph.model import Model
from govgraph.walk import YAML_SUFFIXES
from govgraph.written import remember, wrote


def refuse_existing(paths: Iterable[Path], force: bool) -> None:
    """Raise unless every path is free, holds what govgraph itself wrote there (see
    :mod:`govgraph.written`), or ``force`` allows overwriting it; never, even with
    ``force``, when a path is anything but a regular file (a device, a link)."""
    paths = list(paths)
    for path in paths:
        check_target(path)
    if force:
        return
    taken = [path for path in paths if path.exists() and not wrote(path)]
    if not taken:
        return
    names = ", ".join(str(path) for path in taken)
    verb = "exists" if len(taken) == 1 else "exist"
    raise GovgraphError(
        f"{names} already {verb} and govgraph did not write {'it' if len(taken) == 1 else 'them'}"
        " (or it was changed since); add --force to overwrite, or choose another -o"
    )


def refuse_foreign_folder(folder: Path) -> None:
    """Raise unless ``folder`` may hold an imported model: new, empty, or model files only.

    The imported model is loaded back from the whole folder, so a folder holding
    anything else (``-o /``, ``-o ~``, ``-o .`` in a project) would have govgraph
    write YAML among someone's files and then read everything below them. That is
    refused even with ``--force``, which only allows overwriting model files.
    """
    resolved = folder.resolve()
    special = {Path(resolved.anchor): "the root folder", Path.home().resolve(): "your home folder"}
    if resolved in special:
        raise GovgraphError(
            f"{folder} is {special[resolved]}; "
            "-o names a folder for the model alone, e.g. -o models/council"
        )
    if not folder.is_dir():
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        raise GovgraphError(f"{folder}: cannot list it ({exc.strerror or exc})") from None
    others = [
        entry.name + ("/" if entry.is_dir() else "")
        for entry in entries
        if not entry.name.startswith(".")
        and not (entry.is_file(follow_symlinks=False) and entry.name.endswith(YAML_SUFFIXES))
    ]
    if others:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        raise GovgraphError(
            f"{folder} holds more than a model ({shown}); import into a new or empty folder, "
            "e.g. -o models/council"
        )


def refuse_oversized(files: dict[str, str], folder: Path) -> None:
    """Raise before writing when the model would be too large for govgraph to read back."""
    limits = current()
    sizes = {file: len(text.encode("utf-8")) for file, text in files.items()}
    for file, size in sizes.items():
        if size > limits.file_size:
            raise GovgraphError(
                f"{folder / file} would be {too_large(size, limits.file_size, '--max-file-size')}"
                " (for this import and for reading the model afterwards)"
            )
    total = sum(sizes.values())
    if total > limits.model_size:
        raise GovgraphError(
            f"{folder}: the model would hold "
            f"{too_large(total, limits.model_size, '--max-model-size')}"
        )


def draft_files(draft: Draft, name: str) -> dict[str, str]:
    """File name -> YAML text for a draft: one file per section, plus the settings (and
    the model's own packs, when the source carried any)."""
    files = {f"{section}.yaml": render_section(draft, section) for section in SECTION_ORDER}
    if draft.packs:
        files["packs.yaml"] = render_section(draft, "packs")
    if draft.plans:
        files["plans.yaml"] = render_section(draft, "plans")
    files[SETTINGS_FILE] = render_settings(draft, name)
    return files


def write_draft(draft: Draft, folder: Path, force: bool = False, name: str | None = None) -> Model:
    """Write a draft as a model folder and return the model loaded back from it.

    The files are first written to a hidden folder beside ``folder`` and loaded
    from there: an importer must only ever produce a valid model, so a failure
    at that point is a bug in govgraph, reported as such, and nothing of the
    user's is touched. Then each file is moved into place.
    """
    if folder.exists() and not folder.is_dir():
        raise GovgraphError(f"{folder} is a file; -o names the folder to write the model into")
    refuse_foreign_folder(folder)
    files = draft_files(draft, name or folder.resolve().name)
    refuse_oversized(files, folder)
    refuse_existing((folder / file for file in files), force)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.import-"))
    try:
        for file, text in files.items():
            (staging / file).write_text(text, encoding="utf-8", newline="\n")
        try:
            load(staging)
        except ModelLoadError as exc:
            raise RuntimeError(f"the imported model does not validate:\n{exc}") from exc
        folder.mkdir(parents=True, exist_ok=True)
        for file in files:
            os.replace(staging / file, folder / file)
            remember(folder / file, files[file].encode("utf-8"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    try:
        return load(folder)
    except ModelLoadError as exc:
        raise GovgraphError(
            f"wrote the imported files into {folder}, but with the other YAML files already "
            f"there the folder is not a valid model:\n{exc}"
        ) from None
