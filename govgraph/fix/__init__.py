"""Fixing what the audit finds, and everyday edits, written into the officer's files.

The pipeline: a check attaches a :class:`~govgraph.fix.changes.Fix` (structured
changes with an applicability) to a problem; :mod:`govgraph.fix.yamledit` turns
changes into text edits at the positions of the file's own YAML nodes;
:mod:`govgraph.fix.workspace` holds the files as read, checks every result
loads and adds no error, and writes atomically; :mod:`govgraph.fix.engine`
applies the fixes of an audit (``govgraph fix``) and :mod:`govgraph.fix.edits`
builds the changes of ``govgraph edit``. This module imports nothing, so a
check can import :mod:`govgraph.fix.changes` without pulling in the engine.
"""
