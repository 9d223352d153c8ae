"""Tables and figures as the terminal shows them: whole euros to the cent, years as columns,
totals only for lines that may be summed over years."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rich import box
from rich.console import Console
from rich.table import Table

from businesscase.engine import Results
from businesscase.model import measures
from businesscase.model.lines import Line
from businesscase.report.tidy import to_cents


def console_for_output() -> Console:
    """A console wide enough for six years and two totals, also when the output is piped."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=160)
    return console


def money_text(value: float | None) -> str:
    if value is None:
        return "-"
    cents = to_cents(value)
    return f"{cents:,.2f}" if cents != 0 else "0.00"


def make_table(title: str, first: str, columns: Sequence[str]) -> Table:
    """A plain table: a left column of labels, then right-aligned figures."""
    shown = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    shown.add_column(first, no_wrap=True)
    for column in columns:
        shown.add_column(column, justify="right")
    return shown


def year_columns(years: Sequence[int] | np.ndarray) -> list[str]:
    return [f"year {int(year)}" for year in years]


def year_table(title: str, results: Results) -> Table:
    totals = [f"total {first}-{last}" for first, last in results.scenario.totals]
    return make_table(title, "line", [*year_columns(results.years), *totals])


def year_row(
    results: Results, label: str, values: np.ndarray, line: Line | None = None
) -> list[str]:
    """A label, the values per year, and the line's totals over years (none for a line that
    has no total, such as a running total or a price, and none for a parameter)."""
    totals = measures.totals_over_years(line, values, results.scenario.totals) if line else None
    return [label, *(money_text(v) for v in values), *(money_text(t) for t in totals or ())]
