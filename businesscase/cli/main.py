"""The `businesscase` command: run, validate, explain, compare, analyse and export scenario files.

Bad input (a missing or broken file, an invalid value, a `--set` path that does not exist)
prints every problem with its file, line and key, and exits with code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from businesscase.cli.analytics import add_analytics_commands
from businesscase.cli.commands import add_scenario_commands
from businesscase.cli.export import add_export_command
from businesscase.cli.report import add_report_command
from businesscase.model.errors import ScenarioError

BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="businesscase",
        description="Savings, platform costs and balance of online and blended courses.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add_scenario_commands(commands)
    add_analytics_commands(commands)
    add_export_command(commands)
    add_report_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (2 for bad input)."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except ScenarioError as error:
        print(error.report(), file=sys.stderr)
        return BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
