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

from govgraph.errors import GovgraphError, ModelLoadError
from govgraph.interop.draft import SECTION_ORDER, Draft
from govgraph.interop.yaml_writer import render_section, render_settings
from govgraph.loader import SETTINGS_FILE, load
from govgraph.model import Model


def refuse_existing(paths: Iterable[Path], force: bool) -> None:
    """Raise unless every path is free (or ``force`` allows overwriting it)."""
    if force:
        return
    taken = [path for path in paths if path.exists()]
    if not taken:
        return
    names = ", ".join(str(path) for path in taken)
    verb = "exists" if len(taken) == 1 else "exist"
    raise GovgraphError(f"{names} already {verb}; add --force to overwrite, or choose another -o")


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
    files = draft_files(draft, name or folder.resolve().name)
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
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    try:
        return load(folder)
    except ModelLoadError as exc:
        raise GovgraphError(
            f"wrote the imported files into {folder}, but with the other YAML files already "
            f"there the folder is not a valid model:\n{exc}"
        ) from None
