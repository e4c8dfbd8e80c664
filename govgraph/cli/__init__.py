"""The ``govgraph`` command: a thin click layer over the library.

Every command is a function returning an exit code. :func:`main` is the one
place that decides what a failure looks like:

* 0 success; 1 the audit found a problem at error severity (``check``);
* 2 the model, an input file, the command line or the file system is wrong (the problems
  are printed, one line each, with the path and the cause);
* 3 govgraph itself failed: one line asking for a report, no traceback
  (set ``GOVGRAPH_DEBUG=1`` to see it).
"""

from __future__ import annotations

import difflib
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

import click

from govgraph import __version__
from govgraph.cache import command_session
from govgraph.errors import GovgraphError, ModelLoadError
from govgraph.limits import (
    DEFAULT_FILE_SIZE,
    DEFAULT_MODEL_SIZE,
    Limits,
    current,
    describe_size,
    limits_in_force,
    parse_size,
)
from govgraph.safetext import visible, visible_lines

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_CRASH = 0, 1, 2, 3

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


#: Every command, by name, as "module:function", listed by hand so that the list is easy
#: to read and test. A command's module is imported only when that command runs (or
#: when help lists them all), so ``govgraph check`` never pays for charts or imports.
COMMAND_PATHS: dict[str, str] = {
    "init": "govgraph.cli.init:init",
    "validate": "govgraph.cli.validate:validate",
    "check": "govgraph.cli.check:check",
    "checks": "govgraph.cli.check:checks",
    "fix": "govgraph.cli.fix:fix",
    "edit": "govgraph.cli.edit:edit",
    "show": "govgraph.cli.explore:show",
    "path": "govgraph.cli.explore:path",
    "seats": "govgraph.cli.explore:seats",
    "members": "govgraph.cli.explore:members",
    "insights": "govgraph.cli.insights:insights",
    "diff": "govgraph.cli.diff:diff",
    "render": "govgraph.cli.render:render",
    "build": "govgraph.cli.build:build",
    "import": "govgraph.cli.interop:import_group",
    "export": "govgraph.cli.interop:export",
    "schema": "govgraph.cli.interop:schema",
}


def command(name: str) -> click.Command:
    """The click command ``name``, importing its module now."""
    module, _, attribute = COMMAND_PATHS[name].partition(":")
    found: click.Command = getattr(importlib.import_module(module), attribute)
    return found


class _LazyGroup(click.Group):
    """A group whose commands are imported when first used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMAND_PATHS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return command(cmd_name) if cmd_name in COMMAND_PATHS else None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMAND_PATHS:
            near = difflib.get_close_matches(name, COMMAND_PATHS, n=3, cutoff=0.7)
            hint = f" Did you mean {_either(near)}?" if near else ""
            raise click.UsageError(
                f"no such command {name!r}.{hint} ('govgraph --help' lists them all)", ctx
            )
        return super().resolve_command(ctx, args)


def _either(names: list[str]) -> str:
    quoted = [repr(name) for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


#: Options of ``govgraph`` itself that may also be written after the command
#: (``govgraph check models/x --no-cache``), as users expect of global options.
GLOBAL_FLAGS = ("--no-cache", "--follow-links")
#: Global options that take a value (``--max-file-size 32M`` or ``--max-file-size=32M``).
GLOBAL_VALUES = ("--max-file-size", "--max-model-size")


def _global_options_first(argv: Sequence[str]) -> list[str]:
    """``argv`` with each global option moved before the command (never past ``--``)."""
    args = list(argv)
    end = args.index("--") if "--" in args else len(args)
    moved: list[str] = []
    rest: list[str] = []
    index = 0
    while index < end:
        arg = args[index]
        if arg in GLOBAL_FLAGS or arg.partition("=")[0] in GLOBAL_VALUES and "=" in arg:
            moved.append(arg)
        elif arg in GLOBAL_VALUES and index + 1 < end:
            moved += [arg, args[index + 1]]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return [*moved, *rest, *args[end:]]


@click.group(cls=_LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="govgraph")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read every model file afresh; do not use or fill the cache (or GOVGRAPH_NO_CACHE=1).",
)
@click.option(
    "--max-model-size",
    metavar="SIZE",
    default=None,
    help=f"Refuse a model whose files hold more than this (default "
    f"{describe_size(DEFAULT_MODEL_SIZE)}, or GOVGRAPH_MAX_MODEL_SIZE); e.g. 1G.",
)
@click.option(
    "--max-file-size",
    metavar="SIZE",
    default=None,
    help=f"Refuse a model or import file larger than this, aliases expanded (default "
    f"{describe_size(DEFAULT_FILE_SIZE)}, or GOVGRAPH_MAX_FILE_SIZE); e.g. 256M.",
)
@click.option(
    "--follow-links",
    is_flag=True,
    help="Read model files through symbolic links that lead out of the model folder.",
)
@click.pass_context
def cli(
    ctx: click.Context,
    no_cache: bool,
    max_model_size: str | None,
    max_file_size: str | None,
    follow_links: bool,
) -> None:
    """Declare a governance structure in YAML, audit it and chart it.

    Start with: govgraph validate models/worcestershire
    """
    base = current()
    limits = Limits(
        file_size=_size(max_file_size, "--max-file-size", base.file_size),
        model_size=_size(max_model_size, "--max-model-size", base.model_size),
        follow_links=follow_links or base.follow_links,
    )
    ctx.with_resource(limits_in_force(limits))
    ctx.with_resource(command_session(use_cache=not no_cache))


def _size(text: str | None, option: str, default: int) -> int:
    if text is None:
        return default
    try:
        return parse_size(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def all_commands() -> list[click.Command]:
    """Every command, imported (for help and tests)."""
    return [command(name) for name in COMMAND_PATHS]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line and exit with the documented exit code."""
    sys.exit(run(argv))


def run(argv: Sequence[str] | None = None) -> int:
    args = _global_options_first(sys.argv[1:] if argv is None else argv)
    try:
        result = cli.main(args=args, prog_name="govgraph", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_INVALID
    except click.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_INVALID
    except ModelLoadError as exc:
        # One line a problem, whatever the names in it hold (see govgraph.safetext).
        lines = [visible(str(problem)) for problem in exc.problems]
        click.echo("\n".join([*lines, str(exc).rsplit("\n", 1)[-1]]), err=True)
        return EXIT_INVALID
    except GovgraphError as exc:
        click.echo(f"govgraph: {visible_lines(str(exc))}", err=True)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except OSError as exc:
        # The file system said no (permissions, a full disk, /proc): the user's to fix.
        click.echo(f"govgraph: {visible(os_problem(exc))}", err=True)
        return EXIT_INVALID
    except MemoryError:
        click.echo(
            "govgraph: ran out of memory; the model is larger than this machine can hold "
            "(see --max-model-size)",
            err=True,
        )
        return EXIT_INVALID
    except Exception as exc:  # noqa: BLE001 - the one place crashes are reported
        if os.environ.get("GOVGRAPH_DEBUG"):
            traceback.print_exc()  # the details asked for; the exit code stays that of a crash
            return EXIT_CRASH
        click.echo(
            f"govgraph: internal error ({type(exc).__name__}: {exc}). This is a bug in govgraph: "
            "please report it with the command you ran (GOVGRAPH_DEBUG=1 shows the details).",
            err=True,
        )
        return EXIT_CRASH
    return int(result or 0)


def os_problem(exc: OSError) -> str:
    """``PATH: cause`` for an error the operating system reported."""
    cause = exc.strerror or str(exc)
    if exc.filename is None:
        return cause
    where = str(exc.filename)
    if exc.filename2 is not None:
        where += f" -> {exc.filename2}"
    return f"{where}: {cause}"
