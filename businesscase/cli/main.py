"""The `businesscase` command: run, validate, explain, compare, analyse and export scenario files.

Bad input (a missing or broken file, an invalid value, a `--set` path that does not exist)
prints every problem with its file, line and key, and exits with code 2; never a traceback.

A command's module is imported only when that command runs (`businesscase run` does not set up
the workbook, the report or the analytics commands); `--help`, no command or an unknown one
set up every command, so the list and the error name them all.

Run as a process of its own (`main()` without arguments: the console script, `python -m`), the
command line also sets Python's garbage collector for a process that ends with its command
(`_as_the_process`).
"""

from __future__ import annotations

import argparse
import gc
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


def _parsed(arguments: list[str]) -> argparse.Namespace:
    """The arguments parsed by the parser of the command they name (see `build_parser`)."""
    return build_parser(arguments[0] if arguments else None).parse_args(arguments)


def _run(args: argparse.Namespace) -> int:
    """Run a parsed command; return the exit code (2 for bad input)."""
    try:
        return args.handler(args)
    except ScenarioError as error:
        print(error.report(), file=sys.stderr)
        return BAD_INPUT
    except BrokenPipeError:
        return 0


def _as_the_process() -> int:
    """Run the process's own command line, with Python's cyclic garbage collector set for a
    process that ends with its command.

    Setting up a command (numpy, pydantic and the scenario model: some 40,000 objects, next to
    none of them garbage) made the collector run a hundred times over them, some 20 ms of a
    0.3 s `run`, and when Python exits it walks every object once more (50 ms), only to free
    memory that the operating system takes back anyway. So the collector is off while the
    command is set up; what was set up is then frozen (left out of every later collection, as
    it lives until the end anyway) and the command runs with the collector on, as any program
    (a simulation or a goal seek makes and drops many objects); what is left at the end is
    frozen too, so that exiting does not walk it. Nothing waits for the collector to be
    finished: a file a command writes is written whole and closed before it returns
    (`report.files.write_atomically`)."""
    gc.disable()
    try:
        args = _parsed(sys.argv[1:])
        gc.freeze()
        gc.enable()
        return _run(args)
    finally:
        gc.enable()
        gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (2 for bad input). Without `argv`, this is
    the process's own command line (the console script, `python -m`), which ends after the
    command (`_as_the_process`); a caller in Python passes `argv`."""
    if argv is None:
        return _as_the_process()
    return _run(_parsed(list(argv)))


if __name__ == "__main__":
    sys.exit(main())
