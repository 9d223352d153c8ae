"""The cumulative balance chart, drawn with reportlab.graphics shapes (vector, no image): a line
per platform scenario over the years (an average dashed), the zero line, and each scenario's
break-even year marked on its line."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from board_report.content import Block
from board_report.words import Words

PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)
FONT, BOLD = "Helvetica", "Helvetica-Bold"
TICK_SIZE = 6.5
LEGEND_SIZE = 7.0
LEGEND_ROW = 10.0


def colour(index: int) -> colors.Color:
    return colors.HexColor(PALETTE[index % len(PALETTE)])


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values from at most `low` to at least `high` (an axis scale, for drawing)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    ticks = []
    value = first
    while value <= last + step / 2:
        ticks.append(round(value, 6))
        value += step
    return ticks


def _legend_layout(blocks: Sequence[Block], width: float, words: Words) -> tuple[float, int, float]:
    """The legend's height, its number of columns and the width of one column."""
    longest = max(
        [stringWidth(_legend_name(b, words), FONT, LEGEND_SIZE) for b in blocks]
        + [stringWidth(words("chart_break_even"), FONT, LEGEND_SIZE)]
    )
    column = longest + 22
    columns = max(1, min(len(blocks) + 1, int(width // column)))
    rows = math.ceil((len(blocks) + 1) / columns)
    return rows * LEGEND_ROW + 4, columns, width / columns


def _legend_name(block: Block, words: Words) -> str:
    return f"{block.name} {words('average_tag')}" if block.is_average else block.name


def cumulative_chart(
    blocks: Sequence[Block], years: Sequence[int], words: Words, width: float, height: float
) -> Drawing:
    """The chart, `width` by `height` points including its legend below the plot."""
    drawing = Drawing(width, height)
    legend_height, columns, column = _legend_layout(blocks, width, words)
    values = [v for block in blocks for v in block.cumulative]
    ticks = nice_ticks(min([0.0, *values]), max([0.0, *values]))
    labels = [words.axis_amount(tick) for tick in ticks]
    left = max(stringWidth(label, FONT, TICK_SIZE) for label in labels) + 6
    right = 10.0
    bottom = legend_height + 14
    top = height - 4
    low, high = ticks[0], ticks[-1]
    first, last = years[0], years[-1]
    span = max(last - first, 1)
    plot_width = width - left - right
    pad = plot_width * 0.03

    def x_of(year: float) -> float:
        return left + pad + (year - first) / span * (plot_width - 2 * pad)

    def y_of(value: float) -> float:
        return bottom + (value - low) / (high - low) * (top - bottom)

    drawing.add(Rect(left, bottom, plot_width, top - bottom, fillColor=None, strokeColor=None))
    grey = colors.HexColor("#d9d9d9")
    for tick, label in zip(ticks, labels, strict=True):
        y = y_of(tick)
        drawing.add(Line(left, y, width - right, y, strokeColor=grey, strokeWidth=0.4))
        drawing.add(
            String(left - 3, y - 2.2, label, fontName=FONT, fontSize=TICK_SIZE, textAnchor="end")
        )
    for year in years:
        drawing.add(
            String(
                x_of(year),
                bottom - 9,
                words("axis_year", year=year),
                fontName=FONT,
                fontSize=TICK_SIZE,
                textAnchor="middle",
            )
        )
    zero = y_of(0.0)
    drawing.add(Line(left, zero, width - right, zero, strokeColor=colors.black, strokeWidth=0.9))

    for index, block in enumerate(blocks):
        points: list[float] = []
        for year, value in zip(years, block.cumulative, strict=True):
            points += [x_of(year), y_of(value)]
        line = PolyLine(points, strokeColor=colour(index), strokeWidth=1.6)
        if block.is_average:
            line.strokeDashArray = [4, 2]
        drawing.add(line)
        if block.break_even is not None:
            year = block.break_even
            drawing.add(_marker(x_of(year), y_of(block.cumulative[year - 1]), colour(index)))

    _legend(drawing, blocks, words, (legend_height, columns, column))
    return drawing


def _marker(x: float, y: float, fill: colors.Color) -> Circle:
    return Circle(x, y, 3.2, fillColor=fill, strokeColor=colors.black, strokeWidth=0.8)


def _legend(
    drawing: Drawing, blocks: Sequence[Block], words: Words, layout: tuple[float, int, float]
) -> None:
    height, columns, column = layout
    entries: list[tuple[str, int | None]] = [
        (_legend_name(block, words), index) for index, block in enumerate(blocks)
    ]
    entries.append((words("chart_break_even"), None))
    for position, (text, index) in enumerate(entries):
        row, col = divmod(position, columns)
        x = col * column + 2
        y = height - (row + 1) * LEGEND_ROW + 2
        if index is None:
            drawing.add(_marker(x + 8, y + 2.5, colors.white))
        else:
            line = Line(x, y + 2.5, x + 16, y + 2.5, strokeColor=colour(index), strokeWidth=1.6)
            if blocks[index].is_average:
                line.strokeDashArray = [4, 2]
            drawing.add(line)
        drawing.add(String(x + 20, y, text, fontName=FONT, fontSize=LEGEND_SIZE))
