"""The Results sheet: per platform scenario the savings, costs, balance and cumulative balance
per year (the engine's lines), their totals over the scenario's year ranges, and the
break-even year; live checks of them, and each row's formula in names. Totals, break-even and
the checks are the only formulas the workbook adds of its own."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import Line, measures
from excel_export.block import Block
from excel_export.layout import (
    BreakEvenRow,
    LineRow,
    PartRow,
    Section,
    define_name,
    sheet_prefix,
    year_column,
    year_span,
)
from excel_export.lines_sheet import (
    line_headings,
    typed_line,
    typed_part,
    write_legend,
    write_line,
    write_part,
    write_year_numbers,
)
from excel_export.styles import (
    EURO,
    KEY_FONT,
    TOTAL_FONT,
    WHOLE,
    fit_columns,
    frame,
    note,
    put_text,
    section_row,
)

CENTER = Alignment(horizontal="center")


def write_results(ws: Worksheet, block: Block) -> None:
    """Fill the Results sheet of a block; right of the checks, each row's formula in names as
    it can be typed into a cell of any year's column (left out of the printed area, as on the
    Savings and Costs sheets)."""
    words = block.words
    block.cells.current = ws.title
    totals = block.scenario.totals
    first_total = year_column(block.horizon) + 1
    check_column = first_total + len(totals)
    formula_column = check_column + (0 if block.values_only else 1)
    headings = line_headings(block)
    headings += [words("col.total", first=first, last=last) for first, last in totals]
    if not block.values_only:
        headings.append(words("col.results_check"))
    headings.append(words("col.formula"))
    frame(ws, words("title.results", name=words.name(block.scenario.name)), headings)
    write_year_numbers(ws, block)
    write_legend(ws, block)
    for number, row in block.rows["results"]:
        if isinstance(row, Section):
            section_row(ws, number, row.text, formula_column)
        elif isinstance(row, PartRow):
            write_part(ws, number, row, block)
            put_text(ws.cell(number, formula_column), typed_part(row, block))
        elif isinstance(row, LineRow):
            line = row.line
            write_line(ws, number, line, block)
            if line.summable:
                _write_totals(ws, number, block, first_total, line)
            put_text(ws.cell(number, formula_column), typed_line(line, block))
        elif isinstance(row, BreakEvenRow):
            _write_break_even(ws, number, row, block)
            put_text(ws.cell(number, formula_column), _typed_break_even(row, block))
    if not block.values_only:
        write_checks(ws, block, check_column)
    fit_columns(ws, {1: 45, 3: 45, formula_column: 100})
    ws.print_area = f"A1:{get_column_letter(formula_column - 1)}{ws.max_row}"


def _typed_break_even(row: BreakEvenRow, block: Block) -> str:
    """A break-even row's formula in names: the year where the platform's cumulative balance
    is at or above zero, or the first of those years."""
    cells = block.cells
    if row.part == "reached":
        cumulative = cells.line_names[f"{row.platform}.cumulative"]
        return "=" + measures.excel_break_even_reached(cumulative, cells.year_name)
    reached = cells.line_names[f"{row.platform}.break_even_reached"]
    return "=" + measures.excel_break_even_year(reached, block.words("break_even.none"))


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
    name = block.cells.line_names[f"{row.platform}.break_even_{row.part}"]
    put_text(ws.cell(number, 3), name).font = KEY_FONT
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
                    f"{column}{cumulative}", block.cells.year_cell(year)
                )
                block.cache.put(cell, "" if marks[year - 1] is None else marks[year - 1])
        define_name(ws, name, year_span(number, block.horizon))
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
    define_name(ws, name, f"${get_column_letter(first)}${number}")


def write_checks(ws: Worksheet, block: Block, column: int) -> None:
    """Live checks of each platform's results, one cell per checked line in `column`: costs =
    the sum of its items, balance = savings - costs and cumulative = the running sum of the
    balance, in every year, each within the tolerance named on the Time sheet; and in row 1
    one cell that sums them up ("Checks OK", or how many fail). A pinned line is not checked:
    a pin overrides its formula on purpose."""
    words, cells = block.words, block.cells
    tolerance = block.timeline.check_tolerance.name
    ok, fail = words("results_check.ok"), words("results_check.fail")
    first, last = get_column_letter(year_column(1)), get_column_letter(year_column(block.horizon))
    second = get_column_letter(year_column(2))
    before_last = get_column_letter(year_column(block.horizon - 1))

    def span(key: str, start: str = first, end: str = last) -> str:
        sheet, number = cells.lines[key]
        prefix = "" if sheet == ws.title else sheet_prefix(sheet)
        return f"{prefix}{start}{number}:{end}{number}"

    def off(difference: str) -> str:
        return f"SUMPRODUCT(--(ABS({difference})>{tolerance}))"

    written: list[int] = []
    for platform in block.results.platform_ids:
        key = f"{platform}.{{}}".format
        costs_items = block.results.lines[key("costs")].children
        checks: list[tuple[str, str, str]] = []
        if costs_items:
            items = "+".join(span(item) for item in costs_items)
            on = ", ".join(sorted({cells.lines[item][0] for item in costs_items}))
            checks.append(("costs", off(f"{span(key('costs'))}-({items})"), on))
        balance = f"{span(key('balance'))}-({span(key('savings'))}-{span(key('costs'))})"
        checks.append(("balance", off(balance), ""))
        _, balance_row = cells.lines[key("balance")]
        _, cumulative_row = cells.lines[key("cumulative")]
        running = f"--(ABS({first}{cumulative_row}-{first}{balance_row})>{tolerance})"
        if block.horizon > 1:
            steps = (
                f"{span(key('cumulative'), second)}-{span(key('cumulative'), first, before_last)}"
                f"-{span(key('balance'), second)}"
            )
            running = f"{running}+{off(steps)}"
        checks.append(("cumulative", running, ""))
        for name, count, sheets in checks:
            if f"{platform}.{name}" in block.results.pins:
                continue
            _, number = cells.lines[key(name)]
            cell = ws.cell(number, column)
            cell.value = f'=IF({count}=0,"{ok}","{fail}")'
            cell.alignment = CENTER
            note(cell, words(f"results_check.{name}", sheet=sheets))
            block.cache.put(cell, ok)
            written.append(number)
    if not written:
        return
    letter = get_column_letter(column)
    failing = f'COUNTIF({letter}{min(written)}:{letter}{max(written)},"{fail}")'
    summary = ws.cell(1, column)
    summary.value = (
        f'=IF({failing}=0,"{words("results_check.all_ok")}",'
        f'IF({failing}=1,"{words("results_check.one_fails")}",'
        f'{failing}&"{words("results_check.many_fail", count="")}"))'
    )
    summary.font = TOTAL_FONT
    note(summary, words("results_check.summary", column=letter, fail=fail))
    block.cache.put(summary, words("results_check.all_ok"))
