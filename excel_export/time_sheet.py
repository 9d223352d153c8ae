"""The Time sheet (FAST's timeline): the year number of each column, a flag row per time test
of the formulas (1 in the years where it holds, else 0: `development year`, `from the growth
year`), the fixed numbers the formulas use (60 minutes per hour, the platforms an average
takes) and the tolerances of the workbook's own checks, each labelled, with a defined name.
The other sheets multiply by a flag instead of testing the year, and name a constant instead
of holding a number.

Columns as on the Inputs sheet: label, unit, value (a constant's), the years, then the name.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import unit_text
from excel_export.block import Block
from excel_export.cell_formulas import flag_formula
from excel_export.layout import (
    FIRST_YEAR_COLUMN,
    LEGEND_ROW,
    define_name,
    year_column,
    year_span,
)
from excel_export.lines_sheet import write_year_numbers
from excel_export.styles import (
    FIXED_FONT,
    KEY_FONT,
    WHOLE,
    fit_columns,
    frame,
    number_format,
    put_text,
    section_row,
    wrap_text,
)
from excel_export.timeline import FIRST_FLAG_ROW, YEAR_ROW, Constant

VALUE_COLUMN = FIRST_YEAR_COLUMN - 1
LABEL_WIDTH = 70
"""Width of the label column."""
WRAPPED = 80
"""Labels longer than this wrap (a little longer than the width still shows on one line)."""


def write_time(ws: Worksheet, block: Block) -> None:
    """Fill the Time sheet of a block."""
    words, cells, timeline = block.words, block.cells, block.timeline
    cells.current = ws.title
    key_column = year_column(block.horizon) + 1
    years = [""] * block.horizon
    headings = [words("col.label"), words("col.unit"), words("col.value"), *years]
    frame(
        ws, words("title.time", name=words.name(block.scenario.name)), [*headings, words("col.key")]
    )
    write_year_numbers(ws, block)
    put_text(ws.cell(LEGEND_ROW, 1), words("legend.time"))
    section_row(ws, YEAR_ROW - 1, words("section.timeline"), key_column)
    _texts(ws, YEAR_ROW, words("time.year_number"), words.unit("year"), cells.year_name, block)
    for year in block.years:
        cell = ws.cell(YEAR_ROW, year_column(year))
        cell.number_format = WHOLE
        if year == 1 or block.values_only:
            cell.value = year
            cell.font = FIXED_FONT
        else:
            cell.value = f"={cells.ref(ws.title, YEAR_ROW, year_column(year - 1))}+1"
            block.cache.put(cell, year)
    define_name(ws, cells.year_name, year_span(YEAR_ROW, block.horizon))
    section_row(ws, FIRST_FLAG_ROW - 1, words("section.flags"), key_column)
    for flag in timeline.flags.values():
        _texts(ws, flag.row, flag.label, words("unit.flag"), flag.name, block)
        for year in block.years:
            cell = ws.cell(flag.row, year_column(year))
            cell.number_format = "0"
            value = flag.values[year - 1]
            if block.values_only:
                cell.value = value
            else:
                cell.value = "=" + flag_formula(flag, cells, year, timeline)
                block.cache.put(cell, value)
        define_name(ws, flag.name, year_span(flag.row, block.horizon))
    number = FIRST_FLAG_ROW + len(timeline.flags) + 1
    section_row(ws, number, words("section.constants"), key_column)
    for constant in timeline.constants.values():
        number += 1
        _write_constant(ws, number, constant, block)
    number += 2
    section_row(ws, number, words("section.check_constants"), key_column)
    for constant in (timeline.check_tolerance, timeline.changed_tolerance):
        number += 1
        _write_constant(ws, number, constant, block)
    fit_columns(ws, {1: LABEL_WIDTH, key_column: 45})


def _write_constant(ws: Worksheet, number: int, constant: Constant, block: Block) -> None:
    """A constant's row: label, unit, its value in the Value column, and its name."""
    unit = unit_text(constant.unit, block.words.language) if constant.unit else ""
    _texts(ws, number, constant.label, unit, constant.name, block)
    cell = ws.cell(number, VALUE_COLUMN, constant.value)
    whole = constant.value.is_integer()
    cell.number_format = constant.shape or (WHOLE if whole else number_format(constant.unit))
    cell.font = FIXED_FONT
    define_name(ws, constant.name, f"${get_column_letter(VALUE_COLUMN)}${number}")


def _texts(ws: Worksheet, number: int, label: str, unit: str, name: str, block: Block) -> None:
    """A row's label (wrapped within its column, so it prints whole), unit and name (in the
    Key column, right of the years)."""
    cell = put_text(ws.cell(number, 1), label)
    if len(label) > WRAPPED:
        wrap_text(cell, LABEL_WIDTH)
    put_text(ws.cell(number, 2), unit)
    put_text(ws.cell(number, year_column(block.horizon) + 1), name).font = KEY_FONT
