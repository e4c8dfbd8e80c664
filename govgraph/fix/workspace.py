"""A model's files as read, edited in memory, checked, then written back.

Nothing is written until the whole result has been checked: the edited texts
are loaded from a scratch copy of the model (so a result that would not load
is refused with the loader's own messages, pointed at the real files) and
audited, and a change that adds a finding at error severity is refused too.
Writing is atomic (:mod:`govgraph.atomic`), only of files inside the model
folder, and only of a file whose bytes on disk are still those that were read.
"""

from __future__ import annotations

import dataclasses
import difflib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from govgraph.atomic import write_bytes
from govgraph.audit import AuditResult, audit
from govgraph.errors import GovgraphError, ModelLoadError
from govgraph.findings import Finding, Severity
from govgraph.fix.changes import Change, SetKey
from govgraph.fix.yamledit import Document, Edit, EditRefused, apply, overlapping
from govgraph.loader import load, model_files
from govgraph.model import Model

_BOM = "\ufeff"


class Refused(GovgraphError):
    """A change that would leave the model worse: unloadable, or with a new error."""


@dataclass
class Checked:
    """A set of texts that loads, with its model and its full audit."""

    texts: dict[str, str]
    model: Model
    result: AuditResult


@dataclass
class Workspace:
    """The model at ``root``: its files as read and as edited so far."""

    root: Path
    on: date
    original: dict[str, bytes] = field(default_factory=dict)
    read: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    current: Checked | None = None

    @classmethod
    def open(cls, root: Path, on: date) -> Workspace:
        """Read every file of the model at ``root`` and load and audit it."""
        space = cls(root=root, on=on)
        for path in _files(root):
            raw = path.read_bytes()
            rel = space.rel(path)
            space.original[rel] = raw
            try:
                space.read[rel] = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue  # the load below names the file and line
        space.texts = dict(space.read)
        model = load(root, cache=False)
        space.current = Checked(dict(space.texts), model, audit(model, on=on))
        return space

    @property
    def model(self) -> Model:
        assert self.current is not None
        return self.current.model

    @property
    def result(self) -> AuditResult:
        assert self.current is not None
        return self.current.result

    def rel(self, path: Path) -> str:
        return path.name if self.root.is_file() else path.relative_to(self.root).as_posix()

    # --- planning and checking edits ----------------------------------------------------

    def edits(self, changes: tuple[Change, ...] | list[Change]) -> dict[str, list[Edit]]:
        """The text edits of ``changes``, by file, against the texts as they stand now."""
        by_file: dict[str, list[Edit]] = {}
        documents: dict[str, Document] = {}
        for change in changes:
            thing = change.target if isinstance(change, SetKey) else change.owner
            file = thing.file
            if file not in self.texts:
                raise EditRefused(f"{file}: not a file of this model")
            document = documents.get(file) or documents.setdefault(
                file, Document(file, _without_bom(self.texts[file]))
            )
            by_file.setdefault(file, []).extend(document.edits(change))
        for file, edits in by_file.items():
            by_file[file] = edits = _joined(edits)
            if overlapping(edits):
                raise EditRefused(f"{file}: two changes of this fix touch the same text")
        return by_file

    def edited(self, by_file: dict[str, list[Edit]]) -> dict[str, str]:
        """The current texts with ``by_file``'s edits made."""
        texts = dict(self.texts)
        for file, edits in by_file.items():
            bom = _BOM if texts[file].startswith(_BOM) else ""
            texts[file] = bom + apply(_without_bom(texts[file]), edits)
        return texts

    def check(
        self, texts: dict[str, str], allow: Callable[[Finding], bool] | None = None
    ) -> Checked:
        """``texts`` loaded and audited, or :class:`Refused` saying why not.

        ``allow`` accepts a new error that is itself about to be fixed (a seat handed to a
        successor that was dissolved in its turn, fixed on the next pass)."""
        model = self._load(texts)
        result = audit(model, on=self.on)
        added = self.new_errors(result, self.result)
        added = [f for f in added if allow is None or not allow(f)]
        if added:
            first = added[0]
            more = f" (and {len(added) - 1} more)" if len(added) > 1 else ""
            raise Refused(
                f"it would add an error: {first.file}:{first.line} [{first.check}] "
                f"{first.message}{more}"
            )
        return Checked(texts, model, result)

    @staticmethod
    def new_errors(result: AuditResult, before: AuditResult) -> list[Finding]:
        """The errors of ``result`` about a subject that had none in ``before``."""
        had = {_key(f) for f in before.findings if f.severity is Severity.ERROR}
        return [f for f in result.findings if f.severity is Severity.ERROR and _key(f) not in had]

    def accept(self, checked: Checked) -> None:
        self.texts = dict(checked.texts)
        self.current = checked

    def _load(self, texts: dict[str, str]) -> Model:
        with tempfile.TemporaryDirectory(prefix="govgraph-fix-") as scratch:
            base = Path(scratch)
            for rel, text in texts.items():
                target = base / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(text.encode("utf-8"))
            for rel, raw in self.original.items():
                if rel not in texts:  # not text: copied so the loader says what is wrong
                    (base / rel).parent.mkdir(parents=True, exist_ok=True)
                    (base / rel).write_bytes(raw)
            where = base / self.root.name if self.root.is_file() else base
            try:
                return load(where, cache=False)
            except ModelLoadError as exc:
                shown = {str(base / rel): str(self._path(rel)) for rel in self.original}
                problems = [
                    dataclasses.replace(p, file=shown.get(p.file, p.file)) for p in exc.problems
                ]
                reasons = "; ".join(str(p) for p in ModelLoadError(problems).problems[:3])
                raise Refused(f"the model would not load: {reasons}") from None

    # --- showing and writing -----------------------------------------------------------

    def diff(self, texts: dict[str, str] | None = None, since: dict[str, str] | None = None) -> str:
        """A unified diff (``a/FILE`` ``b/FILE``, as git shows it) from ``since`` to ``texts``."""
        after = self.texts if texts is None else texts
        before = self.read if since is None else since
        parts: list[str] = []
        for rel in sorted(after):
            if after[rel] == before.get(rel):
                continue
            parts.extend(
                difflib.unified_diff(
                    before[rel].splitlines(keepends=True),
                    after[rel].splitlines(keepends=True),
                    f"a/{rel}",
                    f"b/{rel}",
                )
            )
        return "".join(line if line.endswith("\n") else line + "\n" for line in parts)

    def changed(self) -> list[str]:
        return [rel for rel in sorted(self.texts) if self.texts[rel] != self.read[rel]]

    def write(self) -> list[str]:
        """Write every changed file back atomically; refuse one changed on disk meanwhile."""
        changed = self.changed()
        for rel in changed:
            path = self._path(rel)
            if path.read_bytes() != self.original[rel]:
                raise GovgraphError(
                    f"{path}: changed on disk since govgraph read it; nothing was written. "
                    "Run the command again"
                )
        for rel in changed:
            write_bytes(self._path(rel), self.texts[rel].encode("utf-8"))
        return changed

    def _path(self, rel: str) -> Path:
        """The file ``rel`` of the model, refused if it resolves outside the model folder."""
        if self.root.is_file():
            return self.root
        path = self.root / rel
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise GovgraphError(
                f"{path}: leads outside the model folder (a link?); govgraph writes only "
                "inside the model"
            )
        return path


def _joined(edits: list[Edit]) -> list[Edit]:
    """Insertions of one fix at the same place made one, in the order of its changes
    (a seat ended and its successor added after it, say)."""
    joined: dict[int, Edit] = {}
    others = []
    for edit in edits:
        if edit.start != edit.end:
            others.append(edit)
        elif edit.start in joined:
            first = joined[edit.start]
            joined[edit.start] = Edit(first.start, first.end, first.replacement + edit.replacement)
        else:
            joined[edit.start] = edit
    return [*others, *joined.values()]


def _files(root: Path) -> list[Path]:
    if not root.exists():
        raise GovgraphError(f"{root}: no such folder; give the folder that holds the model")
    return model_files(root)


def _key(finding: Finding) -> tuple[str, str]:
    return finding.check, finding.subject


def _without_bom(text: str) -> str:
    return text[1:] if text.startswith(_BOM) else text
