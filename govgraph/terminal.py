"""How wide text output may be: the terminal's width, or 100 columns when not a terminal.

``COLUMNS`` overrides both, as it does for most command-line tools. govgraph prints
no colour, so ``NO_COLOR`` and dumb terminals need nothing more.
"""

from __future__ import annotations

import os
import shutil
import sys

NOT_A_TERMINAL = 100
NARROWEST = 40


def output_width() -> int:
    """The columns text output should fit in."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return max(NARROWEST, int(given))
    if sys.stdout.isatty():
        return max(NARROWEST, shutil.get_terminal_size((NOT_A_TERMINAL, 24)).columns)
    return NOT_A_TERMINAL
