"""The commands on one scenario file at a time: `run` and `validate`.

Every figure is printed whole at any width (`tables.print_figures`) and every text that comes
from a file or the command line is printed literally (`tables.plain`). `run A B` compares two
files side by side (`cli.comparing`, set up only then).
"""

from __future__ import annotations

import argparse

import numpy as np

from businesscase.cli.options import add_set
from businesscase.cli.scenario_files import files_text, load_and_evaluate
from businesscase.cli.tables import (
    console_for_output,
    plain,
    print_figures,
    visible,
    year_row,
    year_table,
)
from businesscase.cli.terminal import Console
from businesscase.engine import Results
from businesscase.model.formula import refs_of
from businesscase.report.tidy import results_json, years_text
from businesscase.scenario.loading import LoadedScenario, load_scenario


def _depends_on_pins(results: Results) -> set[str]:
    """The keys of lines that are pinned or computed from a pinned line."""
    marked = set(results.pins)
    for key, line in results.lines.items():
        if any(ref in marked for ref in refs_of(line.formula)):
            marked.add(key)
    return marked


def _break_even(results: Results, platform_id: str) -> str:
    year = results.break_even_year(platform_id)
    return f"year {year}" if year else f"not within {results.scenario.horizon_years} years"


# ---------------------------------------------------------------- run


CASH_AND_HOURS = ("cash_costs", "cash_savings", "cash_cumulative", "hours_net", "fte_net")
"""The money apart from the staff time, under each platform's balance."""


def _print_results(console: Console, loaded: LoadedScenario, results: Results) -> None:
    marked = _depends_on_pins(results)

    def label(key: str) -> str:
        return results.lines[key].label + (" *" if key in marked else "")

    console.print(plain((results.scenario.name, "bold"), f"  ({files_text(loaded)})"))
    if loaded.changes:
        console.print(plain("changed on the command line: " + ", ".join(loaded.changes)))
    table = year_table("Savings, the same in every platform scenario", results)
    for name in results.savings_names:
        table.add_row(*year_row(results, label(name), results.line(name), results.lines[name]))
    savings = results.lines["savings"]
    table.add_row(
        *year_row(results, label("savings"), results.line("savings"), savings), style="bold"
    )
    print_figures(console, table)
    for platform_id in results.platform_ids:
        platform = results.scenario.platforms[platform_id]
        title = plain(platform.name, (f"  ({platform_id})", "dim"))
        table = year_table(title, results)
        for name in results.cost_names(platform_id):
            values = results.platform_line(platform_id, name)
            if np.any(values != 0):
                key = f"{platform_id}.{name}"
                table.add_row(*year_row(results, label(key), values, results.lines[key]))
        for name in ("costs", "savings", "balance"):
            key = f"{platform_id}.{name}"
            row = year_row(results, label(key), results.values[key], results.lines[key])
            table.add_row(*row, style="bold")
        key = f"{platform_id}.cumulative"
        table.add_row(*year_row(results, label(key), results.values[key], results.lines[key]))
        for name in CASH_AND_HOURS:
            key = f"{platform_id}.{name}"
            table.add_row(*year_row(results, label(key), results.values[key], results.lines[key]))
        print_figures(console, table)
        found = _break_even(results, platform_id)
        cash_year = results.cash_break_even_year(platform_id)
        cash = f"year {cash_year}" if cash_year else "not within the horizon"
        console.print(
            plain(
                "  break-even (cumulative balance >= 0): ",
                (found, "bold"),
                "; in money: ",
                (cash, "bold"),
            ),
            end="\n\n",
        )
    console.print(plain(("Cost lines that are zero in every year are left out.", "dim")))
    if results.pins:
        console.print("* pinned, or computed from a pinned line:")
    for key, pin in results.pins.items():
        console.print(plain(f"  {key} = {pin.value:,.2f} in {years_text(pin.years)}. {pin.reason}"))


def cmd_run(args: argparse.Namespace) -> int:
    runs = [load_and_evaluate(path, args.set) for path in args.files]
    if args.json:
        import json  # only for `--json`: the tables do without

        documents = [results_json(results, loaded.files[-1]) for loaded, results in runs]
        print(json.dumps(documents[0] if len(documents) == 1 else documents, indent=1))
        return 0
    console = console_for_output()
    if len(runs) == 2:
        from businesscase.cli.comparing import print_side_by_side  # only to compare two files

        print_side_by_side(console, runs)
    else:
        for loaded, results in runs:
            _print_results(console, loaded, results)
    return 0


# ---------------------------------------------------------------- validate


def cmd_validate(args: argparse.Namespace) -> int:
    for path in args.files:
        loaded = load_scenario(path, args.set)
        scenario = loaded.scenario
        chain = f"; extends {' <- '.join(reversed(loaded.files[:-1]))}" if loaded.files[:-1] else ""
        print(
            visible(
                f"{path}: valid. {scenario.name}: {len(scenario.courses)} courses, "
                f"{len(scenario.platforms)} platform scenarios, {scenario.horizon_years} years, "
                f"{len(scenario.overrides)} pinned lines{chain}"
            )
        )
    return 0


# ---------------------------------------------------------------- the parser


def add_scenario_commands(commands: argparse._SubParsersAction) -> None:
    """Register `run` and `validate`."""
    run = commands.add_parser("run", help="print the year-by-year results of scenario files")
    run.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a scenario file; give two to see them side by side with the difference",
    )
    run.add_argument("--json", action="store_true", help="print one JSON object")
    add_set(run)
    run.set_defaults(handler=cmd_run)

    validate = commands.add_parser("validate", help="check scenario files and explain problems")
    validate.add_argument("files", nargs="+", metavar="FILE")
    add_set(validate)
    validate.set_defaults(handler=cmd_validate)
