"""Run many govgraph commands in one process under a 1 GB limit (for tests/test_hostile.py).

Reads ``[{"name", "args", "cwd", "home", "cache"}]`` as JSON on standard input and
prints ``{name: {"code", "stderr", "seconds"}}``. Each command runs as the CLI
would, in its own working folder and home, with a 10 s alarm as a hang guard.
One process for the whole corpus keeps the suite fast; the address-space limit
applies to every case, so none may need more than 1 GB.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import signal
import sys
import time
from typing import Any

ONE_GB = 1 << 30
CEILING_SECONDS = 10


class Hung(Exception):
    """The command ran past the ceiling."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hung(f"still running after {CEILING_SECONDS} s")


def main() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ONE_GB, ONE_GB))
    from govgraph.cli import run  # imported under the limit, as a command would be

    signal.signal(signal.SIGALRM, _alarm)
    results = {}
    for case in json.load(sys.stdin):
        os.chdir(case["cwd"])
        os.environ["HOME"] = case["home"]
        os.environ["GOVGRAPH_CACHE_DIR"] = case["cache"]
        err, out = io.StringIO(), io.StringIO()
        started = time.monotonic()
        signal.alarm(CEILING_SECONDS)
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                code = run(case["args"])
        except Hung as exc:
            code, err = -1, io.StringIO(str(exc))
        finally:
            signal.alarm(0)
        results[case["name"]] = {
            "code": code,
            "stderr": err.getvalue(),
            "seconds": time.monotonic() - started,
        }
    sys.stdout.write(json.dumps(results))


if __name__ == "__main__":
    main()
