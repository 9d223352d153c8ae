"""The Simulation sheet's native charts: a fan of the cumulative balance (P10, P50, P90 lines over
the years) and a tornado (each parameter at its low and its high, as bars left or right of the
balance as written), one of each per platform scenario, below the table they draw: the fans two
side by side, the tornadoes (wide, for their long labels) one under the other, so that both fit
the printed width of the sheet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from excel_export.charts import Chart, column_after_cm, framed, straight_lines

ROW_CM = 0.53
"""Height of a worksheet row of the default 15 points, in cm."""
SIZES = {"fan": (16.0, 9.0), "swing": (26.0, 10.0)}
"""Width and height in cm of each kind of chart: two of them, with their rows, fit on one printed
page of the Simulation sheet."""
PER_ROW = {"fan": 2, "swing": 1}
"""How many charts of each kind stand side by side."""
FAN_LINES = (("2E75B6", "dash", 19050), ("1F4E78", "solid", 34925), ("2E75B6", "dash", 19050))
"""Colour, dash and width (EMU) of the P10, P50 and P90 lines: the median bold, the band dashed."""
BAR_COLOURS = ("C55A11", "2E75B6")
"""The bars of a parameter at its low (orange) and at its high (blue)."""


@dataclass
class ChartPlan:
    """A chart to draw from cells already written: its kind, title, axis titles (x, y), series
    and categories, and the place it gets (`reserve`)."""

    kind: Literal["fan", "swing"]
    title: str
    axes: tuple[str, str]
    series: list[Series]
    categories: Reference
    anchor_row: int = 0
    right: bool = False

    @property
    def rows(self) -> int:
        """The rows the chart covers, with a blank row below."""
        return int(SIZES[self.kind][1] / ROW_CM) + 2

    @property
    def span(self) -> tuple[int, int]:
        """The first and last row the chart covers, which a printed page keeps together."""
        return self.anchor_row, self.anchor_row + self.rows - 1


def reserve(plans: list[ChartPlan], number: int) -> int:
    """Anchor the charts (of one kind) from row `number`, as many side by side as `PER_ROW`
    says; returns the row after them."""
    for index, plan in enumerate(plans):
        per_row = PER_ROW[plan.kind]
        plan.anchor_row = number + plan.rows * (index // per_row)
        plan.right = index % per_row == 1
    return max((plan.span[1] + 1 for plan in plans), default=number)


def place_charts(ws: Worksheet, plans: list[ChartPlan]) -> None:
    """Draw every planned chart at its anchor (after the column widths are set, since the
    right-hand chart's column depends on them)."""
    for plan in plans:
        chart = _fan(plan) if plan.kind == "fan" else _swing(plan)
        framed(chart, plan.title, *plan.axes, SIZES[plan.kind])
        if isinstance(chart, LineChart):
            straight_lines(chart)
        column = column_after_cm(ws, SIZES[plan.kind][0] + 0.5) if plan.right else 1
        ws.add_chart(chart, f"{get_column_letter(column)}{plan.anchor_row}")


def _fan(plan: ChartPlan) -> LineChart:
    """P10, P50 and P90 of the cumulative balance as three lines over the years."""
    chart = LineChart()
    for series, (colour, dash, width) in zip(plan.series, FAN_LINES, strict=True):
        series.graphicalProperties.line.solidFill = colour
        series.graphicalProperties.line.prstDash = dash
        series.graphicalProperties.line.width = width
        chart.series.append(series)
    chart.set_categories(plan.categories)
    return chart


def _swing(plan: ChartPlan) -> Chart:
    """The tornado: per parameter (the widest swing at the top) a bar from the balance as
    written to the balance with the parameter at its low, and one to it at its high, on one
    line (overlapping), so a bar to the left lowers the balance and one to the right raises
    it: more new groups at the high end may go left."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.overlap = 100
    chart.gapWidth = 60
    for series, colour in zip(plan.series, BAR_COLOURS, strict=True):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
        series.invertIfNegative = False
        chart.series.append(series)
    chart.set_categories(plan.categories)
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.crosses = "max"  # with the categories reversed, keeps the euros at the bottom
    chart.x_axis.txPr = _small_text()
    chart.x_axis.tickLblPos = "low"  # the labels at the left edge, not on the bars at zero
    return chart


def _small_text() -> RichText:
    """8-point axis labels, so a parameter's long label fits beside its bar."""
    small = CharacterProperties(sz=800)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=small), endParaRPr=small)])
