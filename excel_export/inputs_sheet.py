"""The Inputs sheet: every parameter with its label, unit, value (or values by year), a check
against the model's bounds, its value as exported and whether it changed since, key, source and
the file that set it. Inputs are styled as inputs, carry defined names and refuse values the
model would refuse; in a values-only copy they are plain values, neither styled nor validated
as inputs, and nothing is marked as changed."""

from __future__ import annotations

import re

from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import absolute_coordinate, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import KeyPath, description_of
from excel_export.block import Block
from excel_export.bounds import input_bounds
from excel_export.input_checks import Checked, rule_text, validation, write_checks
from excel_export.layout import (
    FIRST_YEAR_COLUMN,
    LEGEND_ROW,
    InputColumns,
    InputRow,
    Section,
    define_name,
    sheet_prefix,
    year_column,
    year_letter,
)
from excel_export.record import FIRST_RECORD_YEAR_COLUMN, amounts, steps
from excel_export.styles import (
    CHANGED_FILL,
    CHANGED_FONT,
    FIXED_FONT,
    KEY_FONT,
    TOTAL_FONT,
    clean_text,
    fit_columns,
    frame,
    joined,
    literal,
    note,
    number_format,
    put_text,
    section_row,
    style_follow,
    style_input,
    wrap_text,
)

VALUE_COLUMN = FIRST_YEAR_COLUMN - 1
SOURCE_WIDTH = 70
"""Sources wrap within this width; the file that set a value is left out of the print."""


def write_inputs(ws: Worksheet, block: Block) -> None:
    """Fill the Inputs sheet of a block, define a name for every input and guard each one with
    the model's bounds. The Changed column is filled by `mark_changes`, once the About sheet
    holds the values as exported."""
    words = block.words
    block.cells.current = ws.title
    columns = InputColumns(block.horizon)
    headings = [words("col.label"), words("col.unit"), words("col.value")]
    headings += [f"{words('year')} {year}" for year in block.years]
    headings += [words("col.check"), words("col.exported"), words("col.changed")]
    headings += [words("col.low"), words("col.high")]
    headings += [words("col.key"), words("col.source"), words("col.origin")]
    frame(ws, words("title.inputs", name=words.name(block.scenario.name)), headings)
    note(ws.cell(3, columns.exported), words("exported.note"))
    if block.values_only:
        put_text(ws.cell(LEGEND_ROW, 1), words("legend.frozen_inputs"))
    else:
        style_input(put_text(ws.cell(LEGEND_ROW, 1), words("legend.input")))
        style_follow(put_text(ws.cell(LEGEND_ROW, FIRST_YEAR_COLUMN), words("legend.follows")))
    checks: dict[int, Checked] = {}
    for number, row in block.rows["inputs"]:
        if isinstance(row, Section):
            section_row(ws, number, row.text, columns.origin)
        elif isinstance(row, InputRow):
            checked = _write_input(ws, number, row, block, columns)
            if checked is not None:
                checks[number] = checked
    check_width = write_checks(
        ws, checks, columns.check, LEGEND_ROW, words, block.values_only, block.cache
    )
    fit_columns(
        ws,
        {
            1: 50,
            2: 12,
            columns.exported: 16,
            columns.changed: 12,
            columns.low: 16,
            columns.high: 16,
            columns.key: 50,
            columns.source: SOURCE_WIDTH,
            columns.origin: 45,
        },
    )
    ws.column_dimensions[get_column_letter(columns.check)].width = check_width
    summary = ws.cell(LEGEND_ROW, columns.check)
    if summary.value:  # wrapped within the printed area, not cut at its edge
        wrap_text(summary, check_width)
    # printed: label, unit, value, years and check; the exported value, key and source are
    # for the import and the reader on screen, and would shrink the print to unreadable
    ws.print_area = f"A1:{get_column_letter(columns.check)}{ws.max_row}"


def _write_input(
    ws: Worksheet, number: int, row: InputRow, block: Block, columns: InputColumns
) -> Checked | None:
    """One parameter's row; returns what its check needs (None for a figure fixed by the
    export)."""
    entry, words = row.entry, block.words
    label = words.label(entry.label, entry.label_nl)
    note(put_text(ws.cell(number, 1), label), description_of(entry.path, words.language))
    put_text(ws.cell(number, 2), words.unit(entry.unit))
    put_text(ws.cell(number, columns.key), row.name).font = KEY_FONT
    wrap_text(put_text(ws.cell(number, columns.source), entry.source or ""), SOURCE_WIDTH)
    put_text(ws.cell(number, columns.origin), entry.origin)
    values = entry.values
    fmt = number_format(entry.unit)
    _write_exported(ws.cell(number, columns.exported), row, block)
    if row.kind in ("constant", "fixed"):
        cell = ws.cell(number, VALUE_COLUMN, float(values if values.ndim == 0 else values[0]))
        cell.number_format = fmt
        define_name(ws, row.name, absolute_coordinate(cell.coordinate))
        if row.kind == "fixed":
            cell.font = FIXED_FONT
            note(cell, words("horizon_note"))
            return None
        if not block.values_only:
            style_input(cell)
        return _guard(ws, number, row, block, cell.coordinate, [float(cell.value)], label)
    put_text(ws.cell(number, VALUE_COLUMN), words("by_year")).font = FIXED_FONT
    for year in block.years:
        cell = ws.cell(number, year_column(year))
        cell.number_format = fmt
        listed = row.kind == "yearly" or year == 1 or year in row.listed_years
        if listed or block.values_only:
            cell.value = float(values[year - 1])
        else:
            cell.value = "=" + block.cells.ref(ws.title, number, year_column(year - 1))
            block.cache.put(cell, float(values[year - 1]))
        if not block.values_only:
            (style_input if listed else style_follow)(cell)
    first, last = get_column_letter(year_column(1)), get_column_letter(year_column(block.horizon))
    define_name(ws, row.name, f"${first}${number}:${last}${number}")
    span = f"{first}{number}:{last}{number}"
    return _guard(ws, number, row, block, span, [float(v) for v in values], label)


def _guard(
    ws: Worksheet,
    number: int,
    row: InputRow,
    block: Block,
    cells: str,
    values: list[float],
    label: str,
) -> Checked | None:
    """The input's bounds from the model: the lowest and highest value in their columns (read
    by the check), a data validation on its cells (not in a values-only copy), and what its
    check cell needs."""
    bounds = input_bounds(row.entry.path, block.horizon)
    if bounds is None:
        return None
    columns = InputColumns(block.horizon)
    shape = number_format(row.entry.unit)
    low = _bound_cell(ws.cell(number, columns.low), bounds.low, shape, bounds.low_open, "low")
    high = _bound_cell(ws.cell(number, columns.high), bounds.high, shape, bounds.high_open, "high")
    if bounds.by_horizon and bounds.high is not None and not block.values_only:
        high_cell = ws.cell(number, columns.high)
        high_cell.value = "=" + block.cells.inputs[("horizon_years",)][2].name
        block.cache.put(high_cell, bounds.high)
    rule = rule_text(bounds, row.entry.is_percentage, block.words)
    checked = Checked(cells, bounds, rule, values, low, high)
    if not block.values_only:
        ws.add_data_validation(validation(checked, label, block.words))
    return checked


_CODES = re.compile(r"^((?:\[[^\]]*\])*)(.*)$")
"""A section of a number format: its colour or condition codes (which must come first), then
what it shows."""
_SIGNS = {("low", False): "≥ ", ("low", True): "> ", ("high", False): "≤ ", ("high", True): "< "}
"""How a bound cell shows whether the bound itself is allowed."""


def _bound_cell(cell: Cell, value: float | None, shape: str, open_: bool, side: str) -> str | None:
    """A bound in its cell, shown with its sign (`≥ 1`, `> € 0.00`); returns the cell's
    address, or None when there is no bound on that side (the cell stays empty)."""
    if value is None:
        return None
    cell.value = value
    sign = '"' + _SIGNS[(side, open_)] + '"'
    sections = (_CODES.match(part) for part in shape.split(";"))
    cell.number_format = ";".join(f"{m[1]}{sign}{m[2]}" for m in sections if m)
    cell.font = FIXED_FONT
    return cell.coordinate


def _write_exported(cell: Cell, row: InputRow, block: Block) -> None:
    """The value as exported, beside the check: one number, or the values by year as a scenario
    file writes them (`{1: 5, 3: 4}`), in the workbook's language."""
    entry, words = row.entry, block.words
    values = [float(v) for v in entry.values.reshape(-1)]
    cell.font = FIXED_FONT
    if row.kind in ("constant", "fixed"):
        cell.value = values[0]
        cell.number_format = number_format(entry.unit)
        return

    def shown(value: float) -> str:
        return words.percent(value) if entry.is_percentage else words.number(value)

    by_year = amounts(values) if row.kind == "yearly" else steps(values)
    separator = "; " if words.language == "nl" else ", "
    put_text(cell, "{" + separator.join(f"{y}: {shown(v)}" for y, v in by_year.items()) + "}")


def mark_changes(ws: Worksheet, block: Block, about: str, record_rows: dict[KeyPath, int]) -> None:
    """The Changed column: per input a live formula that says whether its cell (or year cells)
    differ from the value as exported in the About sheet's record (row `record_rows[path]`),
    and above it how many do. Not in a values-only copy, where nothing is an input."""
    if block.values_only:
        return
    words = block.words
    columns = InputColumns(block.horizon)
    mark = literal(words("changed.mark"))
    tolerance = block.timeline.changed_tolerance.name
    numbers = []
    for number, row in block.rows["inputs"]:
        if (
            not isinstance(row, InputRow)
            or row.kind == "fixed"
            or row.entry.path not in record_rows
        ):
            continue
        numbers.append(number)
        record = record_rows[row.entry.path]
        cell = ws.cell(number, columns.changed)
        formula = _changed_formula(row, number, block.horizon, about, record, mark, tolerance)
        cell.value = "=" + formula
        block.cache.put(cell, "")
    if not numbers:
        return
    letter = get_column_letter(columns.changed)
    span = f"${letter}${min(numbers)}:${letter}${max(numbers)}"
    ws.conditional_formatting.add(
        f"{letter}{min(numbers)}:{letter}{max(numbers)}",
        FormulaRule(
            formula=[f"{letter}{min(numbers)}={mark}"], font=CHANGED_FONT, fill=CHANGED_FILL
        ),
    )
    counted = f"COUNTIF({span},{mark})"
    some = joined(words("changed.some", count="{count}"), count=counted)
    summary = ws.cell(LEGEND_ROW, columns.changed)
    summary.value = f"=IF({counted}=0,{literal(words('changed.none'))},{some})"
    summary.font = TOTAL_FONT
    block.cache.put(summary, clean_text(words("changed.none")))
    ws.conditional_formatting.add(
        summary.coordinate,
        FormulaRule(formula=[f"{counted}>0"], font=CHANGED_FONT, fill=CHANGED_FILL),
    )


def changed_range(span: str, record: str, tolerance: str) -> str:
    """True when any cell of `span` (`D24:I24`) is not a number or differs from the record
    (`About!$C$41:$H$41`) by more than `tolerance` (the name of its cell) times the record."""
    differ = f"SUMPRODUCT(--(ABS({span}-{record})>{tolerance}*ABS({record})))"
    return f"NOT(IFERROR(AND(COUNT({span})=COLUMNS({span}),{differ}=0),FALSE))"


def _changed_formula(
    row: InputRow, number: int, horizon: int, about: str, record: int, mark: str, tolerance: str
) -> str:
    prefix = sheet_prefix(about)
    first = get_column_letter(FIRST_RECORD_YEAR_COLUMN)
    if row.kind in ("constant", "fixed"):
        cell = f"{get_column_letter(FIRST_YEAR_COLUMN - 1)}{number}"
        exported = f"{prefix}${first}${record}"
        same = f"AND(ISNUMBER({cell}),ABS({cell}-{exported})<={tolerance}*ABS({exported}))"
        return f'IF(IFERROR({same},FALSE),"",{mark})'
    last = get_column_letter(FIRST_RECORD_YEAR_COLUMN + horizon - 1)
    span = f"{year_letter(1)}{number}:{year_letter(horizon)}{number}"
    exported = f"{prefix}${first}${record}:${last}${record}"
    return f'IF({changed_range(span, exported, tolerance)},{mark},"")'
