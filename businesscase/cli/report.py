"""The `report` command: a scenario file to a one-page report for the board, as a PDF.

`businesscase report FILE -o OUT.pdf [--language en|nl] [--set PATH=VALUE ...]`. Exit code 0
when written, 2 for bad input (a scenario that does not validate, an output that is not a .pdf
or cannot be written); then no file is left behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from businesscase.cli.options import BAD_INPUT, OK, add_language, add_set
from businesscase.model.errors import ScenarioError
from businesscase.model.wording import text_in
from businesscase.scenario.loading import load_scenario


def add_report_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `report` on the CLI's subparsers; its handler is `args.handler(args)`."""
    parser = subparsers.add_parser(
        "report",
        help="write a one-page report for the board (PDF)",
        description="Write the business case of a scenario as a PDF for the board: the decision "
        "per platform scenario, the cumulative balance chart and the year table on page 1; the "
        "files, changes, errata and the sources of the inputs on page 2.",
    )
    parser.add_argument("file", metavar="FILE", help="scenario file (YAML)")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.pdf", help="the report to write"
    )
    add_language(parser, "the report")
    add_set(parser)
    parser.set_defaults(handler=report_command)
    return parser


def report_command(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Load the scenario (reporting all its problems at once), then write the report
    atomically. Returns the exit code."""
    from board_report import write_report  # only this command needs it (and reportlab)

    out, err = out or sys.stdout, err or sys.stderr
    target = Path(args.output)
    if target.suffix.lower() != ".pdf":
        print(f"{args.output}: the output must be a .pdf file", file=err)
        return BAD_INPUT
    try:
        loaded = load_scenario(args.file, args.set)
    except ScenarioError as error:
        print(error.report(), file=err)
        return BAD_INPUT
    try:
        write_report(loaded, target, args.language)
    except OSError as error:
        print(f"{args.output}: cannot write the report ({error.strerror or error})", file=err)
        return BAD_INPUT
    except ValueError as error:  # a language the report is not written in
        print(error, file=err)
        return BAD_INPUT
    print(
        f"wrote {target} ({text_in(loaded.scenario.name, args.language)}, {args.language})",
        file=out,
    )
    return OK
