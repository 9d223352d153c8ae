"""The Results sheet: per platform scenario the savings, costs, balance and cumulative balance
per year (the engine's lines), their totals over the scenario's year ranges, and the
break-even year. Totals and break-even are the only formulas the workbook adds of its own."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import Line, measures
from excel_export.block import Block
from excel_export.layout import HEADER_ROW, BreakEvenRow, LineRow, Section, year_column
from excel_export.lines_sheet import line_headings, write_legend, write_line, write_year_numbers
from excel_export.styles import (
    EURO,
    KEY_FONT,
    TOTAL_FONT,
    WHOLE,
    fit_columns,
    frame,
    put_text,
    section_row,
)


def write_results(ws: Worksheet, block: Block) -> None:
    """Fill the Results sheet of a block."""
    words = block.words
    block.cells.current = ws.title
    totals = block.scenario.totals
    first_total = year_column(block.horizon) + 1
    headings = line_headings(block)
    headings += [words("col.total", first=first, last=last) for first, last in totals]
    frame(ws, words("title.results", name=block.scenario.name), headings)
    write_year_numbers(ws, block)
    write_legend(ws, block)
    for number, row in block.rows["results"]:
        if isinstance(row, Section):
            section_row(ws, number, row.text, first_total + len(totals) - 1)
        elif isinstance(row, LineRow):
            line = row.line
            write_line(ws, number, line, block)
            if line.summable:
                _write_totals(ws, number, block, first_total, line)
        elif isinstance(row, BreakEvenRow):
            _write_break_even(ws, number, row, block)
    fit_columns(ws, {1: 45, 3: 45})


def _write_totals(ws: Worksheet, number: int, block: Block, first_column: int, line: Line) -> None:
    totals = block.results.totals(line.key) or []
    for offset, (first, last) in enumerate(block.scenario.totals):
        cell = ws.cell(number, first_column + offset)
        cell.number_format = EURO
        cell.font = TOTAL_FONT
        if block.values_only:
            cell.value = totals[offset]
        else:
            start, end = get_column_letter(year_column(first)), get_column_letter(year_column(last))
            cell.value = "=" + measures.excel_total(f"{start}{number}", f"{end}{number}")
            block.cache.put(cell, totals[offset])


def _write_break_even(ws: Worksheet, number: int, row: BreakEvenRow, block: Block) -> None:
    """`reached`: the year number where the cumulative balance is at or above zero, else empty;
    `year`: the smallest of those, or "none"."""
    words = block.words
    put_text(ws.cell(number, 1), words(f"break_even.{row.part}"))
    put_text(ws.cell(number, 3), f"{row.platform}.break_even_{row.part}").font = KEY_FONT
    first, last = year_column(1), year_column(block.horizon)
    none = words("break_even.none")
    if row.part == "reached":
        cumulative = block.cells.lines[f"{row.platform}.cumulative"][1]
        marks = measures.break_even_marks(block.results.platform_line(row.platform, "cumulative"))
        for year in block.years:
            column = get_column_letter(year_column(year))
            cell = ws.cell(number, year_column(year))
            cell.number_format = WHOLE
            if block.values_only:
                cell.value = marks[year - 1]
            else:
                cell.value = "=" + measures.excel_break_even_reached(
                    f"{column}{cumulative}", f"{column}${HEADER_ROW}"
                )
                block.cache.put(cell, "" if marks[year - 1] is None else marks[year - 1])
        return
    reached = block.cells.break_even[(row.platform, "reached")][1]
    span = f"{get_column_letter(first)}{reached}:{get_column_letter(last)}{reached}"
    cell = ws.cell(number, first)
    cell.number_format = WHOLE
    cell.font = TOTAL_FONT
    put_text(ws.cell(number, 1), words("break_even.year")).font = TOTAL_FONT
    found = block.results.break_even_year(row.platform)
    if block.values_only:
        if found is None:
            put_text(cell, none)
        else:
            cell.value = found
    else:
        cell.value = "=" + measures.excel_break_even_year(span, none)
        block.cache.put(cell, none if found is None else found)
