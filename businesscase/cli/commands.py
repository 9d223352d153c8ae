"""The commands on scenario files: `run`, `validate`, `explain` and `diff`."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rich.console import Console

from businesscase.cli.options import add_set
from businesscase.cli.tables import (
    console_for_output,
    make_table,
    money_text,
    year_columns,
    year_row,
    year_table,
)
from businesscase.engine import Results, evaluate
from businesscase.model.catalogue import COST_LINES, SAVINGS_LINES
from businesscase.model.formula import refs_of
from businesscase.report.compare import Comparison, compare
from businesscase.report.tidy import results_json, to_cents, years_text
from businesscase.report.trace import describe_input, explain
from businesscase.scenario.loading import LoadedScenario, load_scenario


def _load(path: str, changes: Sequence[str] = ()) -> tuple[LoadedScenario, Results]:
    loaded = load_scenario(path, list(changes))
    return loaded, evaluate(loaded.scenario)


def _depends_on_pins(results: Results) -> set[str]:
    """The keys of lines that are pinned or computed from a pinned line."""
    marked = set(results.pins)
    for key, line in results.lines.items():
        if any(ref in marked for ref in refs_of(line.formula)):
            marked.add(key)
    return marked


# ---------------------------------------------------------------- run


def _print_results(console: Console, loaded: LoadedScenario, results: Results) -> None:
    marked = _depends_on_pins(results)

    def label(key: str) -> str:
        return results.lines[key].label + (" *" if key in marked else "")

    console.print(f"[bold]{results.scenario.name}[/]  ({' <- '.join(reversed(loaded.files))})")
    if loaded.changes:
        console.print("changed on the command line: " + ", ".join(loaded.changes))
    table = year_table("Savings, the same in every platform scenario", results)
    for name in SAVINGS_LINES:
        table.add_row(*year_row(results, label(name), results.line(name), results.lines[name]))
    savings = results.lines["savings"]
    table.add_row(
        *year_row(results, label("savings"), results.line("savings"), savings), style="bold"
    )
    console.print(table)
    for platform_id in results.platform_ids:
        platform = results.scenario.platforms[platform_id]
        table = year_table(f"{platform.name}  [dim]({platform_id})[/]", results)
        for name in COST_LINES:
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
        console.print(table)
        year = results.break_even_year(platform_id)
        found = f"year {year}" if year else f"not within {results.scenario.horizon_years} years"
        console.print(f"  break-even (cumulative balance >= 0): [bold]{found}[/]\n")
    console.print("[dim]Cost lines that are zero in every year are left out.[/]")
    if results.pins:
        console.print("* pinned, or computed from a pinned line:")
    for key, pin in results.pins.items():
        console.print(f"  {key} = {pin.value:,.2f} in {years_text(pin.years)}. {pin.reason}")


def _print_side_by_side(console: Console, runs: list[tuple[LoadedScenario, Results]]) -> None:
    (a, ra), (b, rb) = runs
    names = (Path(a.files[-1]).stem, Path(b.files[-1]).stem)
    console.print(f"[bold]{ra.scenario.name}[/] against [bold]{rb.scenario.name}[/]")

    def block(title: str, keys: list[tuple[str, str]]) -> None:
        table = year_table(title, ra)
        for key, text in keys:
            va, vb = ra.values.get(key), rb.values.get(key)
            if va is None or vb is None:
                continue
            line = ra.lines[key]
            if all(to_cents(x) == to_cents(y) for x, y in zip(va, vb, strict=True)):
                table.add_row(*year_row(ra, f"{text} (same)", va, line))
                continue
            table.add_row(text, style="bold")
            table.add_row(*year_row(ra, f"  {names[0]}", va, line))
            table.add_row(*year_row(rb, f"  {names[1]}", vb, line))
            table.add_row(*year_row(ra, "  difference", vb - va, line), style="yellow")
        console.print(table)

    block("Savings", [(n, ra.lines[n].label) for n in [*SAVINGS_LINES, "savings"]])
    for platform_id in ra.platform_ids:
        if platform_id not in rb.scenario.platforms:
            continue
        keys = [f"{platform_id}.{n}" for n in [*COST_LINES, "costs", "balance", "cumulative"]]
        keys = [k for k in keys if np.any(ra.values[k] != 0) or np.any(rb.values.get(k, 0) != 0)]
        block(ra.scenario.platforms[platform_id].name, [(k, ra.lines[k].label) for k in keys])
        before, after = ra.break_even_year(platform_id), rb.break_even_year(platform_id)
        console.print(f"  break-even year: {before or 'none'} -> {after or 'none'}\n")
    _print_reasons(console, compare(a, ra, b, rb))


def _print_reasons(console: Console, comparison: Comparison) -> None:
    console.print("[bold]Why they differ[/]")
    if not comparison.inputs and not comparison.pins:
        console.print("  the inputs and pinned lines are the same")
    for change in comparison.inputs:
        console.print(f"  input {change.key} ({change.label}): {change.before} -> {change.after}")
    for pin in comparison.pins:
        console.print(f"  pinned line {pin.key}: {pin.before} -> {pin.after}")


def cmd_run(args: argparse.Namespace) -> int:
    runs = [_load(path, args.set) for path in args.files]
    if args.json:
        documents = [results_json(results, loaded.files[-1]) for loaded, results in runs]
        print(json.dumps(documents[0] if len(documents) == 1 else documents, indent=1))
        return 0
    console = console_for_output()
    if len(runs) == 2:
        _print_side_by_side(console, runs)
    else:
        for loaded, results in runs:
            _print_results(console, loaded, results)
    return 0


# ---------------------------------------------------------------- validate, explain, diff


def cmd_validate(args: argparse.Namespace) -> int:
    for path in args.files:
        loaded = load_scenario(path, args.set)
        scenario = loaded.scenario
        print(
            f"{path}: valid. {scenario.name}: {len(scenario.courses)} courses, "
            f"{len(scenario.platforms)} platform scenarios, {scenario.horizon_years} years, "
            f"{len(scenario.overrides)} pinned lines"
            + (f"; extends {' <- '.join(reversed(loaded.files[:-1]))}" if loaded.files[:-1] else "")
        )
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    loaded, results = _load(args.file, args.set)
    trace = explain(loaded, results, args.line)
    console = console_for_output()
    console.print(f"[bold]{trace.key}[/]: {trace.label} ({trace.unit})")
    console.print(f"  = {trace.formula}")
    if trace.pin is not None:
        years = years_text(trace.pin.years)
        console.print(
            f"  [yellow]pinned to {trace.pin.value:,.2f} in {years}[/]: {trace.pin.reason}"
        )
    table = year_table("", results)
    own = results.lines[trace.key]
    table.add_row(*year_row(results, trace.key, trace.values, own), style="bold")
    for line in trace.lines:
        table.add_row(*year_row(results, line.key, line.values, results.lines[line.key]))
    for entry in trace.inputs:
        values = np.broadcast_to(entry.values, results.years.shape)
        table.add_row(*year_row(results, entry.key, values))
    console.print(table)
    if trace.lines:
        console.print("[bold]Lines it reads[/]")
        for line in trace.lines:
            console.print(f"  {line.key}: {line.label} = {line.formula}")
    if trace.inputs:
        console.print("[bold]Inputs it reads[/]")
        for entry in trace.inputs:
            where = (
                "not in the file: the default"
                if entry.origin == "default"
                else (f"set in {entry.origin}")
            )
            console.print(f"  {describe_input(entry)}")
            console.print(f"      {where}" + (f"; source: {entry.source}" if entry.source else ""))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    a, ra = _load(args.file_a)
    b, rb = _load(args.file_b, args.set)
    comparison = compare(a, ra, b, rb)
    if args.json:
        print(json.dumps(_diff_json(comparison), indent=1))
        return 0
    console = console_for_output()
    console.print(f"[bold]{comparison.before}[/] -> [bold]{comparison.after}[/]")
    _print_reasons(console, comparison)
    if not comparison.lines:
        console.print("No line differs.")
        return 0
    table = make_table(
        "Difference (B - A) per line and year", "line", year_columns(comparison.years)
    )
    by_key: dict[str, dict[int, float | None]] = {}
    for change in comparison.lines:
        by_key.setdefault(change.key, {})[change.year] = change.difference
    for key, diffs in by_key.items():
        cells = [
            money_text(diffs[y])
            if y in diffs and diffs[y] is not None
            else ("new/removed" if y in diffs else "")
            for y in comparison.years
        ]
        table.add_row(key, *cells)
    console.print(table)
    return 0


def _diff_json(comparison: Comparison) -> dict[str, object]:
    return {
        "before": comparison.before,
        "after": comparison.after,
        "inputs": [vars(change) for change in comparison.inputs],
        "pins": [vars(change) for change in comparison.pins],
        "lines": [
            {
                "key": c.key,
                "platform": c.platform,
                "course": c.course,
                "year": c.year,
                "before": c.before,
                "after": c.after,
                "difference": c.difference,
            }
            for c in comparison.lines
        ],
    }


# ---------------------------------------------------------------- the parser


def add_scenario_commands(commands: argparse._SubParsersAction) -> None:
    """Register `run`, `validate`, `explain` and `diff`."""
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

    explain_cmd = commands.add_parser("explain", help="show how one line is computed")
    explain_cmd.add_argument("file", metavar="FILE")
    explain_cmd.add_argument(
        "line", metavar="LINE", help="a line such as ass_jv.scheduling_saving or new-platform.costs"
    )
    add_set(explain_cmd)
    explain_cmd.set_defaults(handler=cmd_explain)

    diff = commands.add_parser("diff", help="the difference per platform, year and line")
    diff.add_argument("file_a", metavar="FILE_A")
    diff.add_argument("file_b", metavar="FILE_B")
    diff.add_argument("--json", action="store_true", help="print one JSON object")
    add_set(diff)
    diff.set_defaults(handler=cmd_diff)
