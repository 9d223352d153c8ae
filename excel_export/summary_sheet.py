"""The Summary sheet: two small tables that point at the Results and Savings sheets, and two
native charts over them: the cumulative balance per platform scenario, and savings against
costs per year (the report's chart). Label, unit and name in columns A-C and year 1 in column
D, as on every sheet."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from excel_export.block import Block
from excel_export.charts import column_after_cm, framed, straight_lines
from excel_export.layout import HEADER_ROW, year_column
from excel_export.styles import (
    EURO,
    KEY_FONT,
    TITLE_FONT,
    TOTAL_FONT,
    WHOLE,
    fit_columns,
    header_row,
    print_setup,
    put_text,
)

CHART_WIDTH_CM = 16.0
CHART_HEIGHT_CM = 11.0


def write_summary(ws: Worksheet, block: Block) -> None:
    """Fill the Summary sheet of a block: the tables first, then the charts below them."""
    words = block.words
    block.cells.current = ws.title
    put_text(
        ws.cell(1, 1), words("title.summary", name=words.name(block.scenario.name))
    ).font = TITLE_FONT
    platforms = list(block.scenario.platforms)
    years = [f"{words('year')} {year}" for year in block.years]
    columns = [words("col.unit"), words("col.line_shown")]
    header_row(
        ws, HEADER_ROW, [words("summary.cumulative"), *columns, *years, words("col.break_even")]
    )
    cumulative_rows = []
    for offset, platform_id in enumerate(platforms):
        number = HEADER_ROW + 1 + offset
        cumulative_rows.append(number)
        put_text(ws.cell(number, 1), words.name(block.scenario.platforms[platform_id].name))
        _copy_row(ws, number, block, f"{platform_id}.cumulative")
        _copy_break_even(ws, number, block, platform_id)
    second_header = HEADER_ROW + len(platforms) + 2
    header_row(ws, second_header, [words("summary.savings_costs"), *columns, *years])
    bar_rows = [second_header + 1]
    put_text(ws.cell(second_header + 1, 1), words("summary.savings")).font = TOTAL_FONT
    _copy_row(ws, second_header + 1, block, "savings")
    for offset, platform_id in enumerate(platforms):
        number = second_header + 2 + offset
        bar_rows.append(number)
        name = words.name(block.scenario.platforms[platform_id].name)
        put_text(ws.cell(number, 1), words("summary.costs", name=name))
        _copy_row(ws, number, block, f"{platform_id}.costs")
    fit_columns(ws, {1: 60, 3: 30})
    anchor = second_header + len(platforms) + 3
    line = _chart(LineChart(), ws, block, cumulative_rows, "chart.cumulative")
    straight_lines(line)
    ws.add_chart(line, f"A{anchor}")
    bars = _chart(BarChart(), ws, block, bar_rows, "chart.savings_costs")
    bars.type, bars.grouping = "col", "clustered"
    ws.add_chart(bars, f"{get_column_letter(column_after_cm(ws, CHART_WIDTH_CM + 0.5))}{anchor}")
    print_setup(ws, f"1:{HEADER_ROW}")


def _copy_row(ws: Worksheet, number: int, block: Block, key: str) -> None:
    """One table row that repeats a line of another sheet, year by year (a plain reference),
    in the same columns as there, with its unit and the name of the line it repeats."""
    put_text(ws.cell(number, 2), block.words.unit(block.results.lines[key].unit))
    put_text(ws.cell(number, 3), block.cells.line_names[key]).font = KEY_FONT
    for year in block.years:
        cell = ws.cell(number, year_column(year))
        cell.number_format = EURO
        value = float(block.results.values[key][year - 1])
        if block.values_only:
            cell.value = value
        else:
            cell.value = "=" + block.cells.line_cell(key, year)
            block.cache.put(cell, value)


def _copy_break_even(ws: Worksheet, number: int, block: Block, platform_id: str) -> None:
    cell = ws.cell(number, year_column(block.horizon) + 1)
    cell.number_format = WHOLE
    if block.values_only:
        found = block.results.break_even_year(platform_id)
        if found is None:
            put_text(cell, block.words("break_even.none"))
        else:
            cell.value = found
        return
    sheet, row = block.cells.break_even[(platform_id, "year")]
    cell.value = "=" + block.cells.ref(sheet, row, year_column(1))
    found = block.results.break_even_year(platform_id)
    block.cache.put(cell, block.words("break_even.none") if found is None else found)


def _chart(
    chart: LineChart | BarChart, ws: Worksheet, block: Block, rows: list[int], title: str
) -> LineChart | BarChart:
    """A chart of table rows (one series per row, named by the row's first cell) over the
    years, with titled axes that Excel and LibreOffice both show."""
    words = block.words
    size = (CHART_WIDTH_CM, CHART_HEIGHT_CM)
    framed(chart, words(title), words("axis.year"), words("axis.euro"), size)
    first, last = year_column(1), year_column(block.horizon)
    for number in rows:
        series = Series(Reference(ws, min_col=first, max_col=last, min_row=number))
        series.tx = SeriesLabel(strRef=StrRef(f"{quote_sheetname(ws.title)}!$A${number}"))
        chart.series.append(series)
    chart.set_categories(Reference(ws, min_col=first, max_col=last, min_row=HEADER_ROW))
    return chart
