"""The frame every native chart of the workbook shares (a title, titled axes that Excel and
LibreOffice both show, the legend below) and where to place one chart beside another."""

from __future__ import annotations

from typing import TypeAlias

from openpyxl.chart import BarChart, LineChart
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from excel_export.styles import clean_text

Chart: TypeAlias = LineChart | BarChart


def framed(
    chart: Chart, title: str, x_title: str, y_title: str, size: tuple[float, float]
) -> Chart:
    """Give a chart its title, axis titles (axes never hidden: Excel hides an axis unless told),
    whole-number value labels, the legend below and its size in cm (width, height)."""
    chart.title = clean_text(title)
    chart.x_axis.title = clean_text(x_title)
    chart.y_axis.title = clean_text(y_title)
    chart.y_axis.number_format = "#,##0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = size
    return chart


def straight_lines(chart: LineChart) -> None:
    """Draw the lines point to point: LibreOffice otherwise draws smoothed curves that overshoot
    the figures, and year labels go under the plot, not at zero among the lines."""
    for series in chart.series:
        series.smooth = False
    chart.x_axis.tickLblPos = "low"


def column_after_cm(ws: Worksheet, centimetres: float) -> int:
    """The first column that starts at least this far from the left edge (a column of width w
    characters is about w x 0.21 cm)."""
    edge, column = 0.0, 1
    while edge < centimetres:
        width = ws.column_dimensions[get_column_letter(column)].width or 8.43
        edge += width * 0.21
        column += 1
    return column
