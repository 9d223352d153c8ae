"""`explain`: how one line is computed, the lines and inputs it reads, with their figures and
where each input was set."""

from __future__ import annotations

import argparse

import numpy as np

from businesscase.cli.options import add_set
from businesscase.cli.scenario_files import load_and_evaluate
from businesscase.cli.tables import console_for_output, plain, print_figures, year_row, year_table
from businesscase.report.tidy import years_text
from businesscase.report.trace import describe_input, explain


def cmd_explain(args: argparse.Namespace) -> int:
    loaded, results = load_and_evaluate(args.file, args.set)
    trace = explain(loaded, results, args.line)
    console = console_for_output()
    console.print(plain((trace.key, "bold"), f": {trace.label} ({trace.unit})"))
    console.print(plain(f"  = {trace.formula}"))
    if trace.pin is not None:
        years = years_text(trace.pin.years)
        pinned = f"pinned to {trace.pin.value:,.2f} in {years}"
        console.print(plain("  ", (pinned, "yellow"), f": {trace.pin.reason}"))
    table = year_table("", results)
    own = results.lines[trace.key]
    table.add_row(*year_row(results, trace.key, trace.values, own), style="bold")
    for line in trace.lines:
        table.add_row(*year_row(results, line.key, line.values, results.lines[line.key]))
    for entry in trace.inputs:
        values = np.broadcast_to(entry.values, results.years.shape)
        table.add_row(*year_row(results, entry.key, values))
    print_figures(console, table)
    if trace.lines:
        console.print(plain(("Lines it reads", "bold")))
        for line in trace.lines:
            console.print(plain(f"  {line.key}: {line.label} = {line.formula}"))
    if trace.inputs:
        console.print(plain(("Inputs it reads", "bold")))
        for entry in trace.inputs:
            where = (
                "not in the file: the default"
                if entry.origin == "default"
                else (f"set in {entry.origin}")
            )
            console.print(plain(f"  {describe_input(entry)}"))
            source = f"; source: {entry.source}" if entry.source else ""
            console.print(plain(f"      {where}{source}"))
    return 0


def add_explain_command(commands: argparse._SubParsersAction) -> None:
    """Register `explain`."""
    explain_cmd = commands.add_parser("explain", help="show how one line is computed")
    explain_cmd.add_argument("file", metavar="FILE")
    explain_cmd.add_argument(
        "line", metavar="LINE", help="a line such as ass_jv.scheduling_saving or new-platform.costs"
    )
    add_set(explain_cmd)
    explain_cmd.set_defaults(handler=cmd_explain)
