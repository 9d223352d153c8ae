"""The Savings and Costs sheets: every intermediate line of the engine, per course or platform
and per year, each cell the line's one formula written for that year. A whole amount (a line of
kind AMOUNT, such as the implementation's total) keeps a cell per year for the lines that read
it, but is marked as a total, not a yearly cost."""

from __future__ import annotations

import re

import numpy as np
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import Kind, Line
from excel_export.block import Block
from excel_export.cell_formulas import NameCells, line_formula, part_formula, typed_formula
from excel_export.layout import (
    LEGEND_ROW,
    LineRow,
    PartRow,
    Section,
    SheetRole,
    define_name,
    is_total,
    year_column,
    year_span,
)
from excel_export.styles import (
    AMOUNT_FONT,
    AMOUNT_REPEAT_FONT,
    KEY_FONT,
    PART_FONT,
    PIN_FILL,
    SUBSECTION_FONT,
    TOTAL_BORDER,
    TOTAL_FONT,
    WRAP,
    fit_columns,
    frame,
    mark_pinned,
    note,
    number_format,
    put_text,
    section_row,
)


def line_headings(block: Block) -> list[str]:
    """Label, unit, key (the row's defined name), then one heading per year (the year numbers
    are written after)."""
    words = block.words
    return [words("col.label"), words("col.unit"), words("col.key")] + [""] * block.horizon


def write_year_numbers(ws: Worksheet, block: Block) -> None:
    """The year numbers in the heading row, as numbers shown as `Year 1` (the formulas read
    the year from the Time sheet's timeline)."""
    for year in block.years:
        cell = ws.cell(3, year_column(year), year)
        cell.number_format = block.words("year_format")


def write_legend(ws: Worksheet, block: Block) -> None:
    """Row 2: whether the figures are formulas or values, and what a pinned figure looks like."""
    words = block.words
    mode = "legend.values" if block.values_only else "legend.formulas"
    put_text(ws.cell(LEGEND_ROW, 1), words(mode))
    pinned_here = any(block.cells.lines[key][0] == ws.title for key in block.results.pins)
    if pinned_here:
        cell = put_text(ws.cell(LEGEND_ROW, year_column(1)), words("legend.pinned"))
        cell.fill = PIN_FILL


def write_line(ws: Worksheet, number: int, line: Line, block: Block) -> None:
    """A line's label, unit, key and one cell per year: the formula, the engine's value when
    only values are wanted, or the pinned value with its mark and reason."""
    words, results = block.words, block.results
    label = put_text(ws.cell(number, 1), words.label(line.label, line.label_nl))
    put_text(ws.cell(number, 2), words.unit(line.unit))
    put_text(ws.cell(number, 3), block.cells.line_names[line.key]).font = KEY_FONT
    define_name(ws, block.cells.line_names[line.key], year_span(number, block.horizon))
    fmt = number_format(line.unit)
    pin = results.pins.get(line.key)
    for year in block.years:
        cell = ws.cell(number, year_column(year))
        cell.number_format = fmt
        if pin is not None and year in pin.years:
            cell.value = pin.value
            mark_pinned(cell, pin.reason)
        elif block.values_only:
            cell.value = float(results.values[line.key][year - 1])
        else:
            parts = block.cells.parts.get(line.key, ())
            cell.value = "=" + line_formula(line, block.cells, year, block.timeline, parts)
            block.cache.put(cell, results.values[line.key][year - 1])
    if line.kind is Kind.AMOUNT:
        _style_amount(ws, number, line, block)
    if is_total(line):
        label.font = TOTAL_FONT
        for column in range(1, year_column(block.horizon) + 1):
            ws.cell(number, column).border = TOTAL_BORDER
            if column > 3:
                ws.cell(number, column).font = TOTAL_FONT


def write_part(ws: Worksheet, number: int, row: PartRow, block: Block) -> None:
    """A helper row: a part of a long line's formula (`Licence: part 2`, in italics; the
    Formula column shows it), computed above the line that reads it."""
    line, cells, words = row.line, block.cells, block.words
    label = words("part.label", line=words.label(line.label, line.label_nl), index=row.index)
    put_text(ws.cell(number, 1), label).font = PART_FONT
    put_text(ws.cell(number, 2), block.words.unit(line.unit))
    put_text(ws.cell(number, 3), cells.line_names[row.key]).font = KEY_FONT
    define_name(ws, cells.line_names[row.key], year_span(number, block.horizon))
    results = block.results
    values = row.node.evaluate(results.inputs, results.line, results.years)
    values = np.broadcast_to(np.asarray(values, dtype=float), (block.horizon,))
    for year in block.years:
        cell = ws.cell(number, year_column(year))
        cell.number_format = number_format(line.unit)
        cell.font = PART_FONT
        if block.values_only:
            cell.value = float(values[year - 1])
        else:
            cell.value = "=" + part_formula(row.node, line, cells, year, block.timeline)
            block.cache.put(cell, values[year - 1])


def typed_line(line: Line, block: Block) -> str:
    """A line's formula in names, as it can be typed into a cell of any year's column."""
    parts = block.cells.parts.get(line.key, ())
    return typed_formula(line, block.cells, block.timeline, parts)


def typed_part(row: PartRow, block: Block) -> str:
    """A helper row's formula in names, as it can be typed into a cell of any year's column."""
    named = NameCells(block.cells)
    return "=" + part_formula(row.node, row.line, named, 1, block.timeline)


def _style_amount(ws: Worksheet, number: int, line: Line, block: Block) -> None:
    """A whole amount (a total spread over years, such as the implementation's 33,750) is not a
    yearly cost: its label says so and a comment names the line that spreads it; the amount
    reads in the first year's column and is repeated in grey in the others, where the lines
    that read it year by year find it (every formula keeps working, and with an indexed wage
    each year's figure may differ)."""
    words = block.words
    label = ws.cell(number, 1)
    put_text(label, f"{label.value}\n({words('amount.tag')})")
    label.alignment = WRAP
    dimension = ws.row_dimensions[number]
    dimension.height = max(dimension.height or 15, 30)
    readers = [words.label(reader.label, reader.label_nl) for reader in amount_readers(line, block)]
    text = (
        words("amount.note", reader=", ".join(f"'{name}'" for name in readers))
        if readers
        else words("amount.note_alone")
    )
    note(label, text)
    for year in block.years:
        cell = ws.cell(number, year_column(year))
        cell.font = AMOUNT_FONT if year == 1 else AMOUNT_REPEAT_FONT


def amount_readers(line: Line, block: Block) -> list[Line]:
    """The yearly lines of the same platform or course whose formula reads a whole amount
    (`implementation_cost` reads `implementation_total`), found by the key in their formula's
    words."""
    pattern = re.compile(rf"(?<![\w.-]){re.escape(line.key)}(?![\w.-])")
    return [
        other
        for other in block.results.lines.values()
        if other.kind is not Kind.AMOUNT
        and (other.platform, other.activity) == (line.platform, line.activity)
        and pattern.search(other.formula.text())
    ]


def write_lines_sheet(ws: Worksheet, block: Block, role: SheetRole) -> None:
    """Fill the Savings or the Costs sheet: headings, then every planned row with its formula
    in names beside the years, as it can be typed into a cell of any year's column (left out
    of the printed area, which it would shrink)."""
    words = block.words
    block.cells.current = ws.title
    formula_column = year_column(block.horizon) + 1
    frame(
        ws,
        words(f"title.{role}", name=words.name(block.scenario.name)),
        [*line_headings(block), words("col.formula")],
    )
    write_year_numbers(ws, block)
    write_legend(ws, block)
    for number, row in block.rows[role]:
        if isinstance(row, Section):
            if row.level == 1:
                section_row(ws, number, row.text, formula_column)
            else:
                put_text(ws.cell(number, 1), row.text).font = SUBSECTION_FONT
        elif isinstance(row, LineRow):
            write_line(ws, number, row.line, block)
            put_text(ws.cell(number, formula_column), typed_line(row.line, block))
        elif isinstance(row, PartRow):
            write_part(ws, number, row, block)
            put_text(ws.cell(number, formula_column), typed_part(row, block))
    fit_columns(ws, {1: 55, 3: 45, formula_column: 100})
    ws.print_area = f"A1:{get_column_letter(formula_column - 1)}{ws.max_row}"
