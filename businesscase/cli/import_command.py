"""The `import` command: the inputs an analyst changed in an exported workbook, back to a
scenario file.

`businesscase import BOOK.xlsx -o CHANGES.yaml [--scenario FILE ...]` writes a scenario file that
`extends` the file the workbook was exported from with only the inputs changed in it, each with
`source: edited in BOOK.xlsx, was 75` (a changed year of a value by year makes a step function).
A workbook of several scenarios gives one file per scenario, `CHANGES-1.yaml`, `CHANGES-2.yaml`,
..., numbered as its sheets (`Inputs 1`, `Inputs 2`). `--scenario` names the file a scenario was
exported from when it is not found where the workbook says (once per scenario, in order).

Exit code 0 when written, 2 for a workbook that cannot be read back (not exported by
`businesscase export`, a values-only copy, a renamed sheet, a deleted input row, a formula typed
over, a text that is not a number, a value the model refuses: each named with its sheet and
cell), a scenario file that no longer loads or has changed since the export, or an output that
cannot be written (a folder, an existing file that an import did not write, a folder that does
not exist); then no file is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from businesscase.cli.options import BAD_INPUT, OK
from businesscase.model.errors import ScenarioError


def add_import_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `import` on the CLI's subparsers; its handler is `args.handler(args)`."""
    parser = subparsers.add_parser(
        "import",
        help="bring the inputs changed in an exported workbook back to a scenario file",
        description="Read the Inputs sheet(s) of a workbook written by `businesscase export`, "
        "compare every input with the scenario it was exported from, and write a scenario file "
        "that extends that scenario with only the changed inputs, each with its old value in "
        "its source. Several scenarios in one workbook give one file per scenario: -o "
        "CHANGES.yaml writes CHANGES-1.yaml, CHANGES-2.yaml, ...",
    )
    parser.add_argument("workbook", metavar="BOOK.xlsx", help="a workbook written by export")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="CHANGES.yaml",
        help="the scenario file to write (numbered -1, -2, ... for several scenarios)",
    )
    parser.add_argument(
        "--scenario",
        dest="scenarios",
        action="append",
        default=[],
        metavar="FILE",
        help="the scenario file a scenario was exported from, when it is not where the "
        "workbook's About sheet says (once per scenario, in order)",
    )
    parser.set_defaults(handler=import_command)
    return parser


def import_command(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Read the workbook's edits and write the scenario file(s) atomically. Returns the exit
    code."""
    from excel_export import WorkbookRefused, import_workbook  # only this command needs it

    out, err = out or sys.stdout, err or sys.stderr
    target = Path(args.output)
    if target.suffix.lower() not in (".yaml", ".yml"):
        print(f"{args.output}: the output must be a .yaml file", file=err)
        return BAD_INPUT
    try:
        written = import_workbook(args.workbook, target, args.scenarios)
    except WorkbookRefused as refused:
        print(refused.report(), file=err)
        return BAD_INPUT
    except ScenarioError as error:
        print(error.report(), file=err)
        return BAD_INPUT
    except OSError as error:
        reason = error.strerror or error
        print(
            f"{error.filename or args.output}: cannot write the scenario file ({reason})", file=err
        )
        return BAD_INPUT
    for path, block in written:
        count = len(block.edits)
        changed = f"{count} input{'s' if count != 1 else ''} changed" if count else "no change"
        print(f"wrote {path} ({changed}; extends {block.record.file})", file=out)
        for edit in block.edits:
            print(f"  {edit.describe()}  ({edit.cells})", file=out)
    return OK
