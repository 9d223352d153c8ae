"""The Inputs sheet: every parameter with its label, unit, value (or values by year), a check
against the model's bounds, key, source and the file that set it. Inputs are styled as inputs,
carry defined names and refuse values the model would refuse; in a values-only copy they are
plain values, neither styled nor validated as inputs."""

from __future__ import annotations

from openpyxl.utils import absolute_coordinate, get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from excel_export.block import Block
from excel_export.bounds import input_bounds
from excel_export.input_checks import Checked, rule_text, validation, write_checks
from excel_export.layout import (
    FIRST_YEAR_COLUMN,
    LEGEND_ROW,
    InputRow,
    Section,
    sheet_prefix,
    year_column,
)
from excel_export.styles import (
    FIXED_FONT,
    KEY_FONT,
    fit_columns,
    frame,
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
    the model's bounds."""
    words = block.words
    block.cells.current = ws.title
    check_column = year_column(block.horizon) + 1
    key_column = check_column + 1
    headings = [words("col.label"), words("col.unit"), words("col.value")]
    headings += [f"{words('year')} {year}" for year in block.years]
    headings += [words("col.check"), words("col.key"), words("col.source"), words("col.origin")]
    frame(ws, words("title.inputs", name=block.scenario.name), headings)
    if block.values_only:
        put_text(ws.cell(LEGEND_ROW, 1), words("legend.frozen_inputs"))
    else:
        style_input(put_text(ws.cell(LEGEND_ROW, 1), words("legend.input")))
        style_follow(put_text(ws.cell(LEGEND_ROW, FIRST_YEAR_COLUMN), words("legend.follows")))
    checks: dict[int, Checked] = {}
    for number, row in block.rows["inputs"]:
        if isinstance(row, Section):
            section_row(ws, number, row.text, key_column + 2)
        elif isinstance(row, InputRow):
            checked = _write_input(ws, number, row, block, key_column)
            if checked is not None:
                checks[number] = checked
    check_width = write_checks(ws, checks, check_column, LEGEND_ROW, words, block.values_only)
    fit_columns(
        ws, {1: 50, 2: 12, key_column: 50, key_column + 1: SOURCE_WIDTH, key_column + 2: 45}
    )
    ws.column_dimensions[get_column_letter(check_column)].width = check_width
    ws.print_area = f"A1:{get_column_letter(key_column + 1)}{ws.max_row}"


def _write_input(
    ws: Worksheet, number: int, row: InputRow, block: Block, key_column: int
) -> Checked | None:
    """One parameter's row; returns what its check needs (None for a figure fixed by the
    export)."""
    entry, words = row.entry, block.words
    label = words.label(entry.label, entry.label_nl)
    note(put_text(ws.cell(number, 1), label), entry.description)
    put_text(ws.cell(number, 2), words.unit(entry.unit))
    put_text(ws.cell(number, key_column), entry.key).font = KEY_FONT
    wrap_text(put_text(ws.cell(number, key_column + 1), entry.source or ""), SOURCE_WIDTH)
    put_text(ws.cell(number, key_column + 2), entry.origin)
    values = entry.values
    fmt = number_format(entry.unit)
    if row.kind in ("constant", "fixed"):
        cell = ws.cell(number, VALUE_COLUMN, float(values if values.ndim == 0 else values[0]))
        cell.number_format = fmt
        if row.kind == "fixed":
            cell.font = FIXED_FONT
            note(cell, words("horizon_note"))
            return None
        if not block.values_only:
            style_input(cell)
        _define(ws, row.name, absolute_coordinate(cell.coordinate))
        return _guard(ws, row, block, cell.coordinate, 1, [float(cell.value)], label)
    put_text(ws.cell(number, VALUE_COLUMN), words("by_year")).font = FIXED_FONT
    for year in block.years:
        cell = ws.cell(number, year_column(year))
        cell.number_format = fmt
        listed = row.kind == "yearly" or year == 1 or year in row.listed_years
        if listed or block.values_only:
            cell.value = float(values[year - 1])
        else:
            cell.value = "=" + block.cells.ref(ws.title, number, year_column(year - 1))
        if not block.values_only:
            (style_input if listed else style_follow)(cell)
    first, last = get_column_letter(year_column(1)), get_column_letter(year_column(block.horizon))
    _define(ws, row.name, f"${first}${number}:${last}${number}")
    span = f"{first}{number}:{last}{number}"
    return _guard(ws, row, block, span, block.horizon, [float(v) for v in values], label)


def _guard(
    ws: Worksheet,
    row: InputRow,
    block: Block,
    cells: str,
    count: int,
    values: list[float],
    label: str,
) -> Checked | None:
    """The input's bounds from the model: a data validation on its cells (not in a values-only
    copy), and what its check cell needs."""
    bounds = input_bounds(row.entry.path, block.horizon)
    if bounds is None:
        return None
    rule = rule_text(bounds, row.entry.is_percentage, block.words)
    checked = Checked(cells, count, bounds, rule, values)
    if not block.values_only:
        ws.add_data_validation(validation(checked, label, block.words))
    return checked


def _define(ws: Worksheet, name: str, coordinate: str) -> None:
    """A workbook-level defined name for a cell or a row of year cells on this sheet."""
    ws.parent.defined_names[name] = DefinedName(
        name, attr_text=f"{sheet_prefix(ws.title)}{coordinate}"
    )
