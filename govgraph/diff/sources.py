"""Open one side of a diff: a model folder, or a model at a git revision.

``REV:path/to/model`` reads the model as it was committed at ``REV`` (any
revision git understands: ``HEAD~3``, a tag, a branch, a commit id). As in
``git show``, the path is from the top of the repository; start it with
``./`` to make it relative to the current folder. The files are read with
``git ls-tree`` and ``git cat-file`` into a temporary folder, loaded, and the
folder removed; load errors name ``REV:path/file.yaml``, not the temporary
folder.
"""

from __future__ import annotations

import dataclasses
import posixpath
import subprocess
import tempfile
from pathlib import Path

from govgraph.errors import GovgraphError, LoadProblem, ModelLoadError
from govgraph.limits import current, too_large
from govgraph.loader import YAML_SUFFIXES, load
from govgraph.model import Model


def open_model(spec: str) -> Model:
    """Load the model a diff side names: a folder (or file), or ``REV:path``."""
    path = Path(spec)
    if path.exists() or ":" not in spec:
        return load(path)
    revision, _, inner = spec.partition(":")
    if not revision:
        raise GovgraphError(f"'{spec}': give a revision before the colon, e.g. HEAD~1:{inner}")
    return load_revision(revision, inner, spec)


def _git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GovgraphError("git is not installed, so a REV:path side cannot be read") from None


def load_revision(revision: str, inner: str, spec: str, cwd: Path | None = None) -> Model:
    """Load the model at ``inner`` (a repository path) as committed at ``revision``."""
    here = cwd or Path.cwd()
    top_run = _git(["rev-parse", "--show-toplevel"], here)
    if top_run.returncode != 0:
        raise GovgraphError(
            f"'{spec}' is not a folder, and {here} is not inside a git repository, "
            "so it cannot be read as REV:path; run govgraph from inside the repository"
        )
    top = Path(top_run.stdout.decode().strip())
    inner = _repository_path(inner, here)
    if _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top).returncode:
        raise GovgraphError(
            f"'{revision}' is not a revision of the repository at {top}; "
            "give a commit, branch or tag (e.g. HEAD~1, main, v1.0)"
        )
    kind = _git(["cat-file", "-t", f"{revision}:{inner}"], top)
    if kind.returncode != 0:
        raise GovgraphError(
            f"'{inner or '.'}' does not exist at revision {revision}; "
            f"check the path (it is from the top of the repository, as in git show {revision}:PATH)"
        )
    with tempfile.TemporaryDirectory(prefix="govgraph-diff-") as temporary:
        root = _export(top, revision, inner, kind.stdout.decode().strip(), Path(temporary))
        try:
            return load(root)
        except ModelLoadError as exc:
            raise ModelLoadError([_relabel(p, root, spec) for p in exc.problems]) from None
        except GovgraphError as exc:
            raise GovgraphError(str(exc).replace(str(root), spec)) from None


def _repository_path(inner: str, here: Path) -> str:
    """The path inside the repository: from its top, or from ``here`` for ``./`` paths."""
    if inner.startswith(("./", "../")) or inner in (".", ".."):
        prefix = _git(["rev-parse", "--show-prefix"], here).stdout.decode().strip()
        inner = posixpath.normpath(posixpath.join(prefix, inner))
        if inner.startswith(".."):
            raise GovgraphError(f"'{inner}' is outside the repository")
    inner = inner.strip("/")
    return "" if inner == "." else inner


def _export(top: Path, revision: str, inner: str, kind: str, folder: Path) -> Path:
    """Write the YAML files below ``inner`` at ``revision`` into ``folder``; the model path."""
    listing = _git(["ls-tree", "-r", "-z", "-l", "--full-tree", revision, "--", inner or "."], top)
    entries = []
    limits, total = current(), 0
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind_word, sha, blob_size = meta.decode().split()
        path = name.decode("utf-8", errors="surrogateescape")
        # Only plain files: no symlinks (120000) or submodules (commit) out of the repository.
        if kind_word == "blob" and mode in ("100644", "100755") and path.endswith(YAML_SUFFIXES):
            # Sizes are checked before any blob is read: git would hand over the whole file.
            if int(blob_size) > limits.file_size:
                cause = too_large(int(blob_size), limits.file_size, "--max-file-size")
                raise GovgraphError(f"{revision}:{path}: is {cause}")
            total += int(blob_size)
            entries.append((path, sha))
    if total > limits.model_size:
        cause = too_large(total, limits.model_size, "--max-model-size")
        raise GovgraphError(f"{revision}:{inner or '.'}: the model's files hold {cause}")
    # A single-file model (REV:models/board.yaml) stays a single file.
    root = folder / ("model" if kind == "tree" else posixpath.basename(inner))
    batch = _git(["cat-file", "--batch"], top, "".join(f"{sha}\n" for _, sha in entries).encode())
    data, offset = batch.stdout, 0
    for path, _sha in entries:
        header_end = data.index(b"\n", offset)
        size = int(data[offset:header_end].split()[2])
        content = data[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1
        relative = posixpath.relpath(path, inner) if inner and kind == "tree" else path
        target = root if kind == "blob" else root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    if kind == "tree" and not entries:
        root.mkdir(parents=True, exist_ok=True)
    return root


def _relabel(problem: LoadProblem, root: Path, spec: str) -> LoadProblem:
    """Name a problem's file as ``REV:path/file.yaml`` instead of the temporary copy."""
    file = problem.file
    if root.is_file() and file == str(root):
        file = spec
    elif file.startswith(str(root)):
        file = spec.rstrip("/") + file[len(str(root)) :]
    return dataclasses.replace(problem, file=file)
