"""The Compare sheet of a workbook with several scenarios: per platform scenario present in
both, the difference of each later scenario with the first (B - A) in the balance and the
cumulative balance per year, as live formulas over the two Results sheets. Each row has a
defined name, shown in its Key column: `s2_minus_s1.new_platform.balance`."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from excel_export.block import Block
from excel_export.layout import (
    FIRST_ROW,
    HEADER_ROW,
    Names,
    define_name,
    sheet_prefix,
    year_column,
    year_letter,
    year_span,
)
from excel_export.styles import (
    EURO,
    KEY_FONT,
    SUBSECTION_FONT,
    fit_columns,
    frame,
    put_text,
    section_row,
)

COMPARED = ("balance", "cumulative")
"""The result lines compared, each a row per platform scenario."""


def write_compare(ws: Worksheet, blocks: list[Block]) -> None:
    """Fill the Compare sheet: a part per later scenario (B) against the first (A), a heading
    per platform scenario both hold, a row per compared line over the years both cover."""
    first = blocks[0]
    words = first.words
    horizon = max(block.horizon for block in blocks)
    headings = [words("col.label"), words("col.unit"), words("col.key")] + [""] * horizon
    frame(ws, words("title.compare"), headings)
    for year in range(1, horizon + 1):
        ws.cell(HEADER_ROW, year_column(year), year).number_format = words("year_format")
    put_text(ws.cell(2, 1), words("compare.legend"))
    number = FIRST_ROW
    for index, other in enumerate(blocks[1:], start=2):
        # numbered as the sheets are, so a reader finds the two scenarios' sheets
        a = f"1. {words.name(first.scenario.name)}"
        b = f"{index}. {words.name(other.scenario.name)}"
        section_row(ws, number, words("compare.part", b=b, a=a), year_column(horizon))
        names = Names(f"s{index}_minus_s1.")
        number += 1
        years = range(1, min(first.horizon, other.horizon) + 1)
        for platform in first.results.platform_ids:
            if platform not in other.results.platform_ids:
                continue
            title = words.name(other.scenario.platforms[platform].name)
            put_text(ws.cell(number, 1), title).font = SUBSECTION_FONT
            number += 1
            for line_name in COMPARED:
                key = f"{platform}.{line_name}"
                line = other.results.lines[key]
                put_text(ws.cell(number, 1), words.label(line.label, line.label_nl))
                put_text(ws.cell(number, 2), words.unit(line.unit))
                name = names.for_line(key)
                put_text(ws.cell(number, 3), name).font = KEY_FONT
                for year in years:
                    cell = ws.cell(number, year_column(year))
                    cell.number_format = EURO
                    cell.value = f"={_cell(other, key, year)}-{_cell(first, key, year)}"
                    difference = other.results.values[key][year - 1]
                    difference = difference - first.results.values[key][year - 1]
                    first.cache.put(cell, float(difference))
                define_name(ws, name, year_span(number, len(years)))
                number += 1
        number += 1
    fit_columns(ws, {1: 45, 3: 45})


def _cell(block: Block, key: str, year: int) -> str:
    """The line's cell of a year on its block's Results sheet, with the sheet named."""
    sheet, number = block.cells.lines[key]
    return f"{sheet_prefix(sheet)}{year_letter(year)}{number}"
