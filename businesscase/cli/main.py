"""The `businesscase` command: run, validate, explain, compare, analyse and export scenario files.

Bad input (a missing or broken file, an invalid value, a `--set` path that does not exist)
prints every problem with its file, line and key, and exits with code 2; never a traceback.

A command's module is imported only when that command runs (`businesscase run` does not set up
the workbook, the report or the analytics commands); `--help`, no command or an unknown one
set up every command, so the list and the error name them all.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from businesscase.cli.options import BAD_INPUT
from businesscase.model.errors import ScenarioError

COMMAND_MODULES: dict[str, tuple[str, str]] = {
    "run": ("businesscase.cli.commands", "add_scenario_commands"),
    "validate": ("businesscase.cli.commands", "add_scenario_commands"),
    "explain": ("businesscase.cli.explaining", "add_explain_command"),
    "diff": ("businesscase.cli.comparing", "add_diff_command"),
    "simulate": ("businesscase.cli.analytics", "add_analytics_commands"),
    "sensitivity": ("businesscase.cli.analytics", "add_analytics_commands"),
    "solve": ("businesscase.cli.analytics", "add_analytics_commands"),
    "export": ("businesscase.cli.export", "add_export_command"),
    "import": ("businesscase.cli.import_command", "add_import_command"),
    "report": ("businesscase.cli.report", "add_report_command"),
}
"""Each command, the module that defines it and the function that adds it (with the other
commands of that module) to the parser; in the order `--help` lists them."""


def _adders(command: str | None) -> list[Callable[[argparse._SubParsersAction], object]]:
    """The functions that add the commands to set up: the given command's module, or all."""
    wanted = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else COMMAND_MODULES.values()
    adders = []
    for module, function in dict.fromkeys(wanted):
        adders.append(getattr(importlib.import_module(module), function))
    return adders


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of `businesscase`: with a command's name, only that command's module is
    set up (the others are not imported); without, every command."""
    parser = argparse.ArgumentParser(
        prog="businesscase",
        description="Savings, platform costs and balance of online and blended help: courses "
        "and trajectories.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in _adders(command):
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (2 for bad input)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = arguments[0] if arguments else None
    args = build_parser(command).parse_args(arguments)
    try:
        return args.handler(args)
    except ScenarioError as error:
        print(error.report(), file=sys.stderr)
        return BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
