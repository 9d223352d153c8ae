"""Two scenario files compared: `run A B` side by side, and `diff A B`.

Two scenarios are compared on everything that differs, settings and horizons included
(`report.compare`), and every figure is printed whole at any width (`tables.print_figures`).
Loaded only when two files are compared, so `run FILE` does not set up the comparison.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from businesscase.cli.options import add_set
from businesscase.cli.scenario_files import files_text, load_and_evaluate
from businesscase.cli.tables import (
    FigureTable,
    console_for_output,
    figure_table,
    money_text,
    plain,
    print_figures,
    year_columns,
)
from businesscase.cli.terminal import Console, Text
from businesscase.engine import Results
from businesscase.model import measures
from businesscase.report.compare import ABSENT, Comparison, LineChange, SettingChange, compare
from businesscase.scenario.loading import LoadedScenario


def _break_even_year(results: Results, platform_id: str) -> str:
    year = results.break_even_year(platform_id)
    return str(year) if year else f"none within {results.scenario.horizon_years} years"


class _SideBySide:
    """Two results in one table per block: for each line A's figures, B's and the difference
    over the years (and totals) of both; "-" where a file has no such year or total."""

    def __init__(self, runs: list[tuple[LoadedScenario, Results]]) -> None:
        (self.a, self.ra), (self.b, self.rb) = runs
        stems = [Path(loaded.files[-1]).stem for loaded, _ in runs]
        if stems[0] == stems[1]:
            stems = [f"{side}: {stem}" for side, stem in zip("AB", stems, strict=True)]
        self.names = stems
        self.years = sorted({int(y) for y in [*self.ra.years, *self.rb.years]})
        self.spans = list(dict.fromkeys([*self.ra.scenario.totals, *self.rb.scenario.totals]))

    def table(self, title: str | Text) -> FigureTable:
        totals = [f"total {first}-{last}" for first, last in self.spans]
        return figure_table(title, "line", [*year_columns(self.years), *totals])

    def figures(self, results: Results, key: str) -> list[float | None] | None:
        """A line's value in each year, then its totals (None where this file has no such
        year or total, or the line has no total); None if the file has no such line."""
        values = results.values.get(key)
        if values is None:
            return None
        line = results.lines[key]
        by_year = {int(y): float(v) for y, v in zip(results.years, values, strict=True)}
        horizon = results.scenario.horizon_years
        within = [span for span in self.spans if span[1] <= horizon]
        sums = measures.totals_over_years(line, values, within)
        totals = dict(zip(within, sums, strict=True)) if sums is not None else {}
        return [*(by_year.get(y) for y in self.years), *(totals.get(s) for s in self.spans)]

    def cells(self, figures: list[float | None], key: str) -> list[str]:
        summable = any(r.lines[key].summable for r in (self.ra, self.rb) if key in r.lines)
        shown = [money_text(v) for v in figures]
        if not summable:
            shown[len(self.years) :] = ["" for _ in self.spans]
        return shown

    def add(self, table: FigureTable, key: str, text: str) -> None:
        fa, fb = self.figures(self.ra, key), self.figures(self.rb, key)
        if fa is None and fb is None:
            return
        if fa is None or fb is None:
            side, figures = ("A", fa) if fb is None else ("B", fb)
            assert figures is not None
            table.add_row(f"{text} (only in {side})", *self.cells(figures, key))
            return
        same_years = self.ra.years.size == self.rb.years.size
        if same_years and [money_text(x) for x in fa] == [money_text(y) for y in fb]:
            table.add_row(f"{text} (same)", *self.cells(fa, key))
            return
        difference = [
            None if x is None or y is None else y - x for x, y in zip(fa, fb, strict=True)
        ]
        table.add_row(text, style="bold")
        table.add_row(f"  {self.names[0]}", *self.cells(fa, key))
        table.add_row(f"  {self.names[1]}", *self.cells(fb, key))
        table.add_row("  difference", *self.cells(difference, key), style="yellow")

    def label(self, key: str) -> str:
        return (self.ra.lines.get(key) or self.rb.lines[key]).label


def print_side_by_side(console: Console, runs: list[tuple[LoadedScenario, Results]]) -> None:
    """Two scenario files in one table per block, with the difference, and why they differ."""
    both = _SideBySide(runs)
    ra, rb = both.ra, both.rb
    comparison = compare(both.a, ra, both.b, rb)
    console.print(plain((ra.scenario.name, "bold"), " against ", (rb.scenario.name, "bold")))
    for side, loaded, name in zip("AB", (both.a, both.b), both.names, strict=True):
        console.print(plain(f"  {side}: {name}  ({files_text(loaded)})"))
    note = comparison.years_note()
    if note:
        console.print(plain((f"  {note}; '-' marks a year a file does not have", "yellow")))

    table = both.table("Savings")
    for key in [*dict.fromkeys([*ra.savings_names, *rb.savings_names]), "savings"]:
        both.add(table, key, both.label(key))
    print_figures(console, table)
    platform_ids = list(dict.fromkeys([*ra.platform_ids, *rb.platform_ids]))
    for platform_id in platform_ids:
        pa = ra.scenario.platforms.get(platform_id)
        pb = rb.scenario.platforms.get(platform_id)
        name = pa.name if pa is not None else pb.name if pb is not None else platform_id
        parts: list[str | tuple[str, str]] = [name]
        if pa is not None and pb is not None and pa.name != pb.name:
            parts.append(f" (B: {pb.name})")
        parts.append((f"  ({platform_id})", "dim"))
        if pa is None or pb is None:
            side, name = ("A", both.names[0]) if pb is None else ("B", both.names[1])
            parts.append((f"  only in {side} ({name})", "bold yellow"))
        table = both.table(plain(*parts))
        items = [*(r.cost_names(platform_id) for r in (ra, rb) if platform_id in r.platform_ids)]
        names = [*dict.fromkeys(n for found in items for n in found), "costs", "balance"]
        keys = [f"{platform_id}.{n}" for n in [*names, "cumulative"]]
        for key in keys:
            values = [r.values[key] for r in (ra, rb) if key in r.values]
            if key.endswith((".costs", ".balance", ".cumulative")) or any(
                np.any(v != 0) for v in values
            ):
                both.add(table, key, both.label(key))
        print_figures(console, table)
        before = _break_even_year(ra, platform_id) if pa is not None else "not in A"
        after = _break_even_year(rb, platform_id) if pb is not None else "not in B"
        console.print(plain(f"  break-even year: {before} -> {after}"), end="\n\n")
    _print_reasons(console, comparison)


def _setting_text(change: SettingChange) -> str:
    if change.only_in is not None and change.key.count(".") == 1:  # ids hold no dots
        field, ident = change.key.split(".", 1)
        kind = {"courses": "course", "platforms": "platform scenario"}.get(field, field)
        name = change.after if change.before == ABSENT else change.before
        return f"{kind} {ident} only in {change.only_in}: {name}"
    return f"setting {change.key} ({change.label}): {change.before} -> {change.after}"


def _print_reasons(console: Console, comparison: Comparison) -> None:
    console.print(plain(("Why they differ", "bold")))
    note = comparison.years_note()
    if note:
        console.print(plain(f"  {note}"))
    if not comparison.settings and not comparison.inputs and not comparison.pins:
        console.print("  the settings, inputs and pinned lines are the same")
    for setting in comparison.settings:
        console.print(plain(f"  {_setting_text(setting)}"))
    for change in comparison.inputs:
        text = f"  input {change.key} ({change.label}): {change.before} -> {change.after}"
        console.print(plain(text))
    for pin in comparison.pins:
        console.print(plain(f"  pinned line {pin.key}: {pin.before} -> {pin.after}"))


def cmd_diff(args: argparse.Namespace) -> int:
    a, ra = load_and_evaluate(args.file_a)
    b, rb = load_and_evaluate(args.file_b, args.set)
    comparison = compare(a, ra, b, rb)
    if args.json:
        print(json.dumps(_diff_json(comparison), indent=1))
        return 0
    console = console_for_output()
    console.print(plain((comparison.before, "bold"), " -> ", (comparison.after, "bold")))
    _print_reasons(console, comparison)
    if not comparison.lines:
        years = " in the years both have" if comparison.horizons_differ else ""
        console.print(plain(f"No line differs{years}."))
        return 0
    both = [c for c in comparison.lines if c.difference is not None]
    if both:
        table = figure_table(
            "Difference (B - A) per line and year", "line", year_columns(comparison.years)
        )
        by_key: dict[str, dict[int, float | None]] = {}
        for change in both:
            by_key.setdefault(change.key, {})[change.year] = change.difference
        for key, differences in by_key.items():
            cells = [
                money_text(differences[y]) if y in differences else "" for y in comparison.years
            ]
            table.add_row(key, *cells)
        print_figures(console, table)
    _print_one_sided(console, [c for c in comparison.lines if c.difference is None])
    return 0


def _print_one_sided(console: Console, changes: list[LineChange]) -> None:
    """The lines only one file has (of a course or platform scenario only it has): no
    difference to show, so their keys, by the file and the course or platform they are of."""
    groups: dict[tuple[str, str], list[str]] = {}
    for change in changes:
        side = "A" if change.after is None else "B"
        owner = (
            f"platform scenario {change.platform}"
            if change.platform is not None
            else f"activity {change.activity}"
            if change.activity is not None
            else "the scenario"
        )
        keys = groups.setdefault((side, owner), [])
        if change.key not in keys:
            keys.append(change.key)
    for (side, owner), keys in groups.items():
        console.print(
            plain(
                f"Only in {side}, {len(keys)} lines of {owner} (`run A B` shows their figures): "
                + ", ".join(keys)
            )
        )


def _diff_json(comparison: Comparison) -> dict[str, object]:
    return {
        "before": comparison.before,
        "after": comparison.after,
        "years": comparison.years,
        "years_a": comparison.years_a,
        "years_b": comparison.years_b,
        "settings": [
            {
                "key": s.key,
                "label": s.label,
                "before": s.before,
                "after": s.after,
                "only_in": s.only_in,
            }
            for s in comparison.settings
        ],
        "inputs": [vars(change) for change in comparison.inputs],
        "pins": [vars(change) for change in comparison.pins],
        "lines": [
            {
                "key": c.key,
                "platform": c.platform,
                "activity": c.activity,
                "year": c.year,
                "before": c.before,
                "after": c.after,
                "difference": c.difference,
            }
            for c in comparison.lines
        ],
    }


def add_diff_command(commands: argparse._SubParsersAction) -> None:
    """Register `diff`."""
    diff = commands.add_parser("diff", help="the difference per platform, year and line")
    diff.add_argument("file_a", metavar="FILE_A")
    diff.add_argument("file_b", metavar="FILE_B")
    diff.add_argument("--json", action="store_true", help="print one JSON object")
    add_set(diff)
    diff.set_defaults(handler=cmd_diff)
