"""How the workbook looks: number formats by unit, the input and pin styles, safe text cells,
column widths and print set-up. Nothing here knows about the business case."""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

EURO = '"€" #,##0.00;[Red]-"€" #,##0.00'
PERCENT = "0.0%"
WHOLE = "#,##0"
DECIMAL = "#,##0.00"
FACTOR = "0.0000"
PIN_MARK = ' " *"'
"""Appended to a pinned cell's number format, so the mark shows in print as well."""

_WHOLE_UNITS = {"participants", "groups", "sessions", "days", "staff", "clients", "year", "years"}

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
INPUT_FONT = Font(color="0000FF")
FOLLOW_FILL = PatternFill("solid", fgColor="FFFBEA")
FOLLOW_FONT = Font(color="7F7FBF", italic=True)
FIXED_FONT = Font(color="808080", italic=True)
KEY_FONT = Font(color="808080", size=8)
PIN_FILL = PatternFill("solid", fgColor="F8CBAD")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
SECTION_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_FONT = Font(bold=True)
SUBSECTION_FONT = Font(bold=True, italic=True)
TITLE_FONT = Font(bold=True, size=14)
TOTAL_FONT = Font(bold=True)
PART_FONT = Font(italic=True, color="404040")
"""A helper row: a part of a long formula."""
TOTAL_BORDER = Border(top=Side(style="thin"))
AMOUNT_FONT = Font(color="595959", italic=True)
"""A whole amount (a total spread over years), in the first year's column."""
AMOUNT_REPEAT_FONT = Font(color="BFBFBF", italic=True)
"""The same amount repeated in the later years' columns, for the lines that read it there."""
CHECK_OK_FONT = Font(color="006100")
CHECK_OUT_FONT = Font(color="9C0006", bold=True)
CHECK_OUT_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
CHANGED_FONT = Font(color="C65911", bold=True)
CHANGED_FILL = PatternFill("solid", fgColor="FCE4D6", bgColor="FCE4D6")
"""An input changed since the export (conditional formatting of the Changed column)."""
WRAP = Alignment(wrap_text=True)

COMMENT_AUTHOR = "businesscase"


def number_format(unit: str) -> str:
    """The Excel number format for a figure in this unit: euros with two decimals, percentages
    (stored as fractions) as %, counts whole, index factors with four decimals, minutes and
    hours with two."""
    if unit.startswith("EUR"):
        return EURO
    if unit == "%":
        return PERCENT
    if unit in _WHOLE_UNITS:
        return WHOLE
    if unit == "factor":
        return FACTOR
    return DECIMAL


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Besides the control characters: lone surrogates and the two non-characters XML forbids."""


def clean_text(text: str) -> str:
    """Text without the characters that a workbook's XML cannot hold (control characters such
    as a bell or an escape, which a scenario name may carry): for cells, comments, messages and
    the document properties alike."""
    return _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", text))


_SHEET_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def sheet_text(text: str) -> str:
    """Text that a sheet name may hold: no control characters nor any of \\ / * ? : [ ], no
    quote at either end."""
    return _SHEET_FORBIDDEN.sub("", clean_text(text)).strip("'")


def sheet_title(text: str) -> str:
    """A valid sheet name: `sheet_text` of at most 31 characters."""
    return sheet_text(text)[:31] or "Sheet"


def literal(text: str) -> str:
    """A string literal for a formula: user text in quotes, never code."""
    return '"' + clean_text(text).replace('"', '""') + '"'


def joined(template: str, **expressions: str) -> str:
    """A formula that says `template` with each `{placeholder}` given the value of a formula
    expression: `joined("{count} inputs", count="COUNTA(M5:M9)")` is
    `COUNTA(M5:M9)&" inputs"`. The rest of the template stays literal text (braces in it too).
    """
    pieces: list[tuple[str, bool]] = [(template, False)]
    for key, expression in expressions.items():
        split: list[tuple[str, bool]] = []
        for text, is_code in pieces:
            if is_code:
                split.append((text, True))
                continue
            for index, part in enumerate(text.split("{" + key + "}")):
                if index:
                    split.append((expression, True))
                split.append((part, False))
        pieces = split
    parts = [text if is_code else literal(text) for text, is_code in pieces if is_code or text]
    return "&".join(parts) or '""'


def put_text(cell: Cell, text: str) -> Cell:
    """Write text that can never become a formula (a name may begin with '=', '+', '-', '@'),
    without the control characters that a workbook cannot hold."""
    cell.value = clean_text(text)
    cell.data_type = "s"
    return cell


def style_input(cell: Cell) -> None:
    """Mark a cell as an input the analyst may change."""
    cell.fill = INPUT_FILL
    cell.font = INPUT_FONT


def style_follow(cell: Cell) -> None:
    """Mark a year cell that repeats the year before (a step function that did not step)."""
    cell.fill = FOLLOW_FILL
    cell.font = FOLLOW_FONT


def mark_pinned(cell: Cell, reason: str) -> None:
    """Show that a figure is an override, not computed: fill, asterisk and the reason."""
    cell.fill = PIN_FILL
    cell.number_format = cell.number_format + PIN_MARK
    note(cell, reason)


def note(cell: Cell, text: str, width: int = 360) -> None:
    """A cell comment (plain text; comments are never evaluated)."""
    clean = clean_text(text)
    comment = Comment(clean, COMMENT_AUTHOR)
    comment.width = width
    comment.height = 40 + 18 * (len(clean) // 50 + 1)
    cell.comment = comment


def header_row(ws: Worksheet, row: int, texts: list[str]) -> None:
    """The column headings of a table, in the header style."""
    for column, text in enumerate(texts, start=1):
        cell = put_text(ws.cell(row, column), text)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(horizontal="left" if column < 4 else "center")


def section_row(ws: Worksheet, row: int, text: str, last_column: int) -> None:
    """A band across the table that opens a section (a course, a platform scenario)."""
    put_text(ws.cell(row, 1), text).font = SECTION_FONT
    for column in range(1, last_column + 1):
        ws.cell(row, column).fill = SECTION_FILL


def fit_columns(ws: Worksheet, limits: dict[int, int] | None = None, minimum: int = 8) -> None:
    """Widths that fit the longest text or number of each column from the headings down (the
    title and legend above may run over), within limits; small print needs less room."""
    limits = limits or {}
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if cell.value is None:
                continue
            shown = 14 if cell.data_type == "f" or isinstance(cell.value, float) else None
            length = shown or len(str(cell.value))
            if cell.font and cell.font.sz and cell.font.sz < 10:
                length = int(length * 0.8)
            widths[cell.column] = max(widths.get(cell.column, minimum), length + 2)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(width, limits.get(column, 60))


def wrap_text(cell: Cell, width: float) -> None:
    """Wrap a long text in its column and make the row tall enough to show every line."""
    cell.alignment = WRAP
    lines = sum(len(part) // int(width * 1.1) + 1 for part in str(cell.value).split("\n"))
    dimension = cell.parent.row_dimensions[cell.row]
    dimension.height = max(dimension.height or 15, 15 * lines)


A4_LANDSCAPE_MM = (297.0, 210.0)
"""Width and height of an A4 page turned landscape."""
MARGINS_INCH = {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.6, "header": 0.3, "footer": 0.3}
"""Narrow margins (Excel's default leaves 1.5 inch of the width unused), so that a sheet fitted
to the page width prints larger."""
COLUMN_UNIT_MM = 25.4 * 7 / 96
"""A column width of 1 is one digit of the default 11-point font: 7 pixels at 96 dpi."""
DEFAULT_WIDTH = 8.43
"""The width of a column that sets none."""
ROW_POINTS = 15.0
"""The height of a row that sets none."""


def print_setup(ws: Worksheet, title_rows: str | None = None) -> None:
    """Landscape A4 with narrow margins, fitted to the page width (as many pages tall as it
    takes), with the heading rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for side, inches in MARGINS_INCH.items():
        setattr(ws.page_margins, side, inches)
    if title_rows:
        ws.print_title_rows = title_rows


def print_columns(ws: Worksheet) -> range:
    """The columns that print: those of the print area, or every used column without one."""
    if not ws.print_area:
        return range(1, ws.max_column + 1)
    first, _, last, _ = range_boundaries(ws.print_area.split(",")[0].split("!")[-1])
    return range(first or 1, (last or ws.max_column) + 1)


def print_scale(ws: Worksheet) -> float:
    """The scale at which a sheet fitted to one A4 landscape page wide prints (at most 1): the
    page's width within its margins over the width of the printed columns. Text of 11 points
    prints at 11 x this; below about 0.64 it is smaller than 7 points."""
    margins = (ws.page_margins.left + ws.page_margins.right) * 25.4
    widths = (
        ws.column_dimensions[get_column_letter(c)].width or DEFAULT_WIDTH for c in print_columns(ws)
    )
    return min(1.0, (A4_LANDSCAPE_MM[0] - margins) / (sum(widths) * COLUMN_UNIT_MM))


def page_points(ws: Worksheet) -> float:
    """How many points of the sheet's rows one printed page holds below the repeated heading
    rows, at the sheet's print scale."""
    margins = (ws.page_margins.top + ws.page_margins.bottom) * 72
    page = (A4_LANDSCAPE_MM[1] / 25.4 * 72 - margins) / print_scale(ws)
    titles = (ws.print_title_rows or "").replace("$", "")
    first, _, last = titles.partition(":")
    repeated = range(int(first), int(last) + 1) if titles else range(0)
    return page - sum(row_points(ws, number) for number in repeated)


def row_points(ws: Worksheet, number: int) -> float:
    return ws.row_dimensions[number].height or ROW_POINTS


def break_pages(ws: Worksheet, spans: list[tuple[int, int]], first_row: int) -> None:
    """Set every page break of the fitted print from `first_row` down, so that no span of rows
    (a chart and the rows under it) is cut by the end of a page: follows the pages as the print
    at `print_scale` fills them (after the breaks already set), breaks where a page is full,
    and before a span that would not fit on the rest of its page (a span taller than a page
    starts a page of its own). With every break set, a print at a smaller scale (a spreadsheet
    program that shows Calibri in a wider font) breaks in the same places instead of cutting
    a chart elsewhere. A page's room is taken 5% short, as the heights of wrapped rows are
    estimates; rows that set no height get the `ROW_POINTS` counted with (LibreOffice would
    otherwise give them its font's height)."""
    ends = dict(spans)
    last = max([ws.max_row, *ends.values()])
    for number in range(1, last + 1):
        ws.row_dimensions[number].height = row_points(ws, number)
    room = page_points(ws) * 0.95
    breaks = {brk.id for brk in ws.row_breaks.brk}
    used, number = 0.0, first_row
    while number <= last:
        if number - 1 in breaks:
            used = 0.0
        end = ends.get(number, number)
        height = sum(row_points(ws, row) for row in range(number, end + 1))
        if used and used + height > room:
            ws.row_breaks.append(Break(id=number - 1))
            used = 0.0
        used, number = used + height, end + 1


def frame(ws: Worksheet, title: str, headings: list[str], freeze: str = "D4") -> None:
    """The frame every sheet shares: a title in row 1, headings in row 3, frozen panes below
    the headings and right of the label columns, and the print set-up."""
    put_text(ws.cell(1, 1), title).font = TITLE_FONT
    header_row(ws, 3, headings)
    ws.freeze_panes = freeze
    print_setup(ws, "1:3")
