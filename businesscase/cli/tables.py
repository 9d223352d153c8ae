"""Tables and figures as the terminal shows them: whole euros to the cent, years as columns,
totals only for lines that may be summed over years.

Two promises hold at any width and any horizon. A figure is never cut: a table too wide for
the terminal is printed as several tables, each with the label column and as many year
columns as fit (the totals come last); piped output is 160 columns wide unless `COLUMNS`
says otherwise, and is split the same way. And text from a file or the command line
(names, descriptions, keys, reasons) is shown literally: control characters appear as escapes
such as `\\x1b`. The tables are drawn by hand (`cli.terminal`): a label column, then
right-aligned figures under a ruled heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from businesscase.cli.terminal import Console, Text, cell_len, wrap
from businesscase.engine import Results
from businesscase.model import measures
from businesscase.model.errors import visible
from businesscase.model.lines import Line
from businesscase.report.tidy import to_cents

WRAPPED_LABEL = 24
"""The label column wraps down to this width if that saves a part of a split table."""
MIN_LABEL = 12
"""The narrowest the label column gets before figures are listed instead of tabled."""

Part = str | tuple[str, str]


def plain(*parts: Part) -> Text:
    """A line of text shown literally (no markup, control characters escaped); a part given
    as (text, style) is styled, e.g. plain(("Savings", "bold"), " in ", name)."""
    text = Text()
    for part in parts:
        content, style = (part, "") if isinstance(part, str) else part
        text.append(visible(content), style=style)
    return text


def console_for_output() -> Console:
    """The console the commands print to: the terminal's width (or `COLUMNS`); piped, 160
    columns unless `COLUMNS` is set."""
    return Console()


def money_text(value: float | None) -> str:
    if value is None:
        return "-"
    cents = to_cents(value)
    return f"{cents:,.2f}" if cents != 0 else "0.00"


def year_columns(years: Sequence[int] | np.ndarray) -> list[str]:
    return [f"year {int(year)}" for year in years]


# ---------------------------------------------------------------- tables that never cut


@dataclass
class FigureRow:
    cells: list[Text]
    style: str = ""


@dataclass
class FigureTable:
    """A table of figures: a column of labels, then right-aligned figures (years, totals).
    `print_figures` prints it whole at any width. Every cell and the title are shown
    literally (see `plain`)."""

    title: Text
    first: str
    columns: list[str]
    rows: list[FigureRow] = field(default_factory=list)

    def add_row(self, *cells: str | Text, style: str = "") -> None:
        """A row: its label, then its figures; missing figures are left empty."""
        shown = [cell if isinstance(cell, Text) else plain(cell) for cell in cells]
        shown += [Text() for _ in range(1 + len(self.columns) - len(shown))]
        self.rows.append(FigureRow(shown, style))


def figure_table(title: str | Text, first: str, columns: Sequence[str]) -> FigureTable:
    """An empty table of figures; a title given as a string is shown literally."""
    return FigureTable(title if isinstance(title, Text) else plain(title), first, list(columns))


def year_table(title: str | Text, results: Results) -> FigureTable:
    """A table with a column per year of the results, then one per total over years."""
    totals = [f"total {first}-{last}" for first, last in results.scenario.totals]
    return figure_table(title, "line", [*year_columns(results.years), *totals])


def year_row(
    results: Results, label: str, values: np.ndarray, line: Line | None = None
) -> list[str]:
    """A label, the values per year, and the line's totals over years (none for a line that
    has no total, such as a running total or a price, and none for a parameter)."""
    totals = measures.totals_over_years(line, values, results.scenario.totals) if line else None
    return [label, *(money_text(v) for v in values), *(money_text(t) for t in totals or ())]


def table_width(widths: Sequence[int]) -> int:
    """The width of a table of columns this wide, as `print_figures` draws it: a space at
    either edge and three between columns."""
    return sum(widths) + 3 * len(widths) - 1


def _column_widths(table: FigureTable) -> tuple[int, list[int]]:
    """The natural width of the label column and of each figure column."""
    label = max([cell_len(table.first), *(row.cells[0].cell_len for row in table.rows)])
    figures = [
        max([cell_len(header), *(row.cells[1 + index].cell_len for row in table.rows)])
        for index, header in enumerate(table.columns)
    ]
    return label, figures


def split_columns(label: int, widths: Sequence[int], room: int) -> list[list[int]] | None:
    """The figure columns in consecutive parts, each as wide as `room` allows beside a label
    column `label` wide, in as few parts as possible and those as even as possible; None
    if a single column does not fit."""
    if not widths:
        return [[]]
    if any(table_width([label, width]) > room for width in widths):
        return None
    greedy: list[list[int]] = [[]]
    for index, width in enumerate(widths):
        part = greedy[-1]
        if part and table_width([label, *(widths[i] for i in part), width]) > room:
            greedy.append([])
        greedy[-1].append(index)
    size = -(-len(widths) // len(greedy))
    even = [
        list(range(start, min(start + size, len(widths)))) for start in range(0, len(widths), size)
    ]
    fits = all(table_width([label, *(widths[i] for i in part)]) <= room for part in even)
    return even if fits and len(even) == len(greedy) else greedy


def _label_and_parts(
    natural: int, widths: Sequence[int], room: int
) -> tuple[int, list[list[int]] | None]:
    """The width of the label column and the parts of the figure columns: the label whole if
    that needs no more parts than a label wrapped to WRAPPED_LABEL (or narrower, down to
    MIN_LABEL, when not even one figure column fits beside it)."""
    best = natural, split_columns(natural, widths, room)
    for label in range(natural - 1, MIN_LABEL - 1, -1):
        if best[1] is not None and (len(best[1]) == 1 or label < WRAPPED_LABEL):
            break
        parts = split_columns(label, widths, room)
        if parts is not None and (best[1] is None or len(parts) < len(best[1])):
            best = label, parts
    return best


def print_figures(console: Console, table: FigureTable) -> None:
    """Print the table with every figure whole: as one table if it fits the console, else
    split over the year columns into several tables that repeat the label column (which
    wraps if that saves a table); on a console too narrow for even one figure column beside
    a label, as a list."""
    room = console.width
    natural, widths = _column_widths(table)
    label, parts = _label_and_parts(natural, widths, room)
    if parts is None:
        _print_as_list(console, table)
        return
    for number, part in enumerate(parts):
        title = table.title.copy()
        if number > 0:
            title.append(" (continued)" if title.plain else "(continued)")
        if title.plain:
            console.print(title)
        console.print()
        header = [(plain(table.first), label, False)]
        header += [(plain(table.columns[i]), widths[i], True) for i in part]
        console.print(_row(header))
        console.print(" " + "\u2500" * (table_width([label, *(widths[i] for i in part)]) - 2))
        for row in table.rows:
            labels = wrap(row.cells[0], label) if row.cells[0].cell_len > label else [row.cells[0]]
            figures = [(row.cells[1 + i], widths[i], True) for i in part]
            console.print(_row([(labels[0], label, False), *figures]), style=row.style)
            for more in labels[1:]:
                console.print(_row([(more, label, False)]), style=row.style)
        console.print()


def _row(cells: Sequence[tuple[Text, int, bool]]) -> Text:
    """One line of a table: each cell padded to its width (on the left if right-aligned), a
    space at the edge and three between cells; no spaces at the end."""
    line = Text([(" ", "")])
    for index, (cell, width, right) in enumerate(cells):
        room = " " * (width - cell.cell_len)
        if index:
            line.append("   ")
        line = line + Text([(room, "")]) + cell if right else line + cell + Text([(room, "")])
    while line.parts and not line.parts[-1][0].strip():
        line.parts.pop()
    if line.parts:
        content, style = line.parts[-1]
        line.parts[-1] = (content.rstrip(), style)
    return line


def _print_as_list(console: Console, table: FigureTable) -> None:
    """Every figure on a line of its own under its row's label (for very narrow consoles)."""
    if table.title.plain:
        console.print(table.title)
    for row in table.rows:
        console.print(plain("  ") + row.cells[0], style=row.style)
        for header, cell in zip(table.columns, row.cells[1:], strict=True):
            if cell.plain:
                console.print(plain(f"    {header}: ") + cell, style=row.style)
    console.print()
