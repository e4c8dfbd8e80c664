"""The ``govgraph`` command: a thin click layer over the library.

Every command is a function returning an exit code. :func:`main` is the one
place that decides what a failure looks like:

* 0 success; 1 the audit found a problem at error severity (``check``);
* 2 the model or the command line is wrong (the problems are printed, one line each);
* 3 govgraph itself failed: one line asking for a report, no traceback
  (set ``GOVGRAPH_DEBUG=1`` to see it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from govgraph import __version__
from govgraph.cli.validate import validate
from govgraph.errors import GovgraphError, ModelLoadError

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_CRASH = 0, 1, 2, 3

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="govgraph")
def cli() -> None:
    """Declare a governance structure in YAML, audit it and chart it.

    Start with: govgraph validate models/worcestershire
    """


#: Every command, registered by hand so that the list is easy to read and test.
COMMANDS: list[click.Command] = [validate]
for _command in COMMANDS:
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line and exit with the documented exit code."""
    sys.exit(run(argv))


def run(argv: Sequence[str] | None = None) -> int:
    try:
        result = cli.main(args=argv, prog_name="govgraph", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_INVALID
    except click.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_INVALID
    except ModelLoadError as exc:
        click.echo(str(exc), err=True)
        return EXIT_INVALID
    except GovgraphError as exc:
        click.echo(f"govgraph: {exc}", err=True)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the one place crashes are reported
        if os.environ.get("GOVGRAPH_DEBUG"):
            raise
        click.echo(
            f"govgraph: internal error ({type(exc).__name__}: {exc}). This is a bug in govgraph: "
            "please report it with the command you ran (GOVGRAPH_DEBUG=1 shows the details).",
            err=True,
        )
        return EXIT_CRASH
    return int(result or 0)
