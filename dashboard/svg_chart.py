"""Charts as SVG markup made on the server: lines with markers, grouped and stacked bars by year,
horizontal bars, the axes and the zero line, each mark with its tooltip (`<title>`), and the title
and the legend as HTML around the drawing.

Why not plotly: in the browser its 4.7 MB bundle took ~625 ms of the main thread at page load
and ~150-200 ms to redraw four charts after every edit, and on the server building and
validating its figures took a third of every rerun. A string of SVG costs neither.

The markup is one HTML block for `st.markdown(..., unsafe_allow_html=True)`: no line break at
all (a blank line would end the block and let markdown read the rest), every text escaped
(platform names can come from an uploaded file), and well-formed XML, so that tests can parse
it. Sizes are SVG user units: a drawing scales to the width of its column. A chart across the
page is drawn twice, wide and narrow, and a container query shows the one that fits its column;
the narrower the column, the larger the labels' font in user units, so that they show at about
the same size on a phone and on a laptop (the layout leaves room for the largest). Text, grid
and markers take the page's text colour (`currentColor`), so a dark theme keeps them readable.

No Streamlit here: figures and words in, a string out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Literal

from babel.numbers import get_decimal_symbol

from dashboard.i18n import LOCALES, Language, money, t

LABEL_PX = 13
"""The size in CSS pixels labels show at (up to a fifth larger), whatever a column's width."""
STEP = 1.2
"""Between two widths of column with a font rule of their own, the wider is this much wider."""
MOST = 1.25
"""A drawing grows to at most this many CSS pixels per user unit, so that a very wide screen
does not blow it up (its height grows with its width)."""
WIDE_COLUMN = 800
"""From this width in CSS pixels a chart across the page shows its wide drawing."""
DOT = 3.5
"""The radius of a line's round markers in user units (about pixels: a drawing shows at about
its own width where it is shown)."""
STAR = 9.0
"""The radius of a star marker in user units."""
BAR = 22.0
"""The thickness of a horizontal bar in user units."""
CHAR_WIDTH = 0.6
"""A character's width as a share of the font size: a generous estimate for sans-serif digits
and letters, used to leave room for labels the server cannot measure."""


@dataclass(frozen=True)
class Canvas:
    """A drawing's size in user units, the narrowest column in CSS pixels it is shown in, and
    its name (its class in the markup)."""

    name: Literal["wide", "narrow"]
    width: float
    height: float
    narrowest: float

    @property
    def room(self) -> float:
        """The largest font size in user units its labels get (in its narrowest column, to show
        at `LABEL_PX`): the layout leaves room for labels this size."""
        return LABEL_PX * self.width / self.narrowest


WIDE = Canvas("wide", 960, 400, WIDE_COLUMN)
"""A chart across a wide column: shown only there."""
NARROW = Canvas("narrow", 460, 420, 290)
"""A chart in half a column (at about its own width on a laptop), or across a phone."""


@dataclass(frozen=True)
class Drawn:
    """A series as drawn: its name, its euros in years 1..N, its colour, dashed or not."""

    name: str
    values: Sequence[float]
    colour: str
    dashed: bool = False


@dataclass(frozen=True)
class Point:
    """A point to mark: the series it belongs to, its year and its euros."""

    name: str
    year: int
    value: float


@dataclass(frozen=True)
class Key:
    """A legend entry: a name and how its marks look."""

    name: str
    colour: str
    shape: Literal["bar", "line", "dashed", "star"]


@dataclass(frozen=True)
class Bar:
    """A horizontal bar: its name, its euros, its colour."""

    name: str
    value: float
    colour: str


@dataclass(frozen=True)
class Plot:
    """Where years and euros fall on a canvas: the plot area's edges, the number of years
    (each a band of equal width) and the euro ticks (the first and last bound the y-axis)."""

    canvas: Canvas
    left: float
    top: float
    right: float
    bottom: float
    years: int
    ticks: Sequence[float]

    @property
    def band(self) -> float:
        """The width of one year's band."""
        return (self.right - self.left) / self.years

    def x(self, year: int) -> float:
        """The middle of a year's band (years count from 1)."""
        return self.left + (year - 0.5) * self.band

    def y(self, value: float) -> float:
        """The height of an amount in euros."""
        low, high = self.ticks[0], self.ticks[-1]
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)


GRID = 'stroke="currentColor" stroke-opacity="0.12"'
LABEL = 'fill="currentColor" fill-opacity="0.75"'


def text(value: str) -> str:
    """A text for markup: escaped, each line break a space (a blank line would end the HTML
    block in markdown); other spaces as they are (money has a no-break space)."""
    return escape(" ".join(value.splitlines()))


def num(value: float) -> str:
    """A coordinate in user units, to two decimals."""
    return f"{round(value, 2):g}"


def tooltip(lines: Iterable[str]) -> str:
    """A mark's tooltip: the browser shows it on hover; lines joined by a character reference,
    so that the markup itself has no line break."""
    return "<title>" + "&#10;".join(text(line) for line in lines) + "</title>"


def year_tip(year: int, name: str, value: float, lang: Language) -> str:
    """`Jaar 3 · Gemiddelde van ...: € 24,50`, or `Year 3 · Average of ...: €24.50`."""
    return f"{t(lang, 'year_n', year=year)} · {name}: {money(value, lang)}"


def whole_euros(value: float, lang: Language) -> str:
    """A tick's label: euros as `money` writes them, without cents: `€ -20.000`, `€40,000`."""
    return money(round(value), lang).removesuffix(get_decimal_symbol(LOCALES[lang]) + "00")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` steps of 1, 2, 2.5 or 5 times a power of ten (whole euros) from at most
    `low` and 0 to at least `high` and 0, so that zero is always a tick."""
    low, high = min(low, 0.0), max(high, 0.0)
    raw = max((high - low) / count, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw and m * power % 1 == 0)
    first, last = math.floor(low / step), max(math.ceil(high / step), math.floor(low / step) + 1)
    return [float(i * step) for i in range(first, last + 1)]


def label_width(label: str, font: float) -> float:
    """The estimated width of a label in user units."""
    return len(label) * CHAR_WIDTH * font


def year_plot(canvas: Canvas, years: int, values: Iterable[float], lang: Language) -> Plot:
    """The plot area of a chart by year: room on the left for the widest euro tick label, below
    for the years and the axis title, above for half a label."""
    values = list(values)
    ticks = nice_ticks(min(values, default=0.0), max(values, default=0.0))
    widest = max(label_width(whole_euros(tick, lang), canvas.room) for tick in ticks)
    return Plot(
        canvas=canvas,
        left=widest + canvas.room * 0.6,
        top=canvas.room * 0.8,
        right=canvas.width - canvas.room * 0.8,
        bottom=canvas.height - canvas.room * 3,
        years=years,
        ticks=ticks,
    )


def y_axis(plot: Plot, lang: Language) -> str:
    """A grid line and a whole-euro label at each tick (offsets in `em`: they follow the font
    size the column gives the labels)."""
    parts = []
    for tick in plot.ticks:
        y = num(plot.y(tick))
        parts.append(
            f'<line x1="{num(plot.left)}" x2="{num(plot.right)}" y1="{y}" y2="{y}" {GRID}/>'
            f'<text x="{num(plot.left)}" y="{y}" dx="-0.4em" dy="0.35em" text-anchor="end" '
            f"{LABEL}>{text(whole_euros(tick, lang))}</text>"
        )
    return "".join(parts)


def x_axis(plot: Plot, title: str) -> str:
    """The years under their bands (every so many when they would touch) and the axis title."""
    every = math.ceil(label_width(str(plot.years), plot.canvas.room) * 1.5 / plot.band)
    y = num(plot.bottom)
    labels = "".join(
        f'<text x="{num(plot.x(year))}" y="{y}" dy="1.3em" text-anchor="middle" {LABEL}>'
        f"{year}</text>"
        for year in range(1, plot.years + 1)
        if (year - 1) % every == 0
    )
    middle = num((plot.left + plot.right) / 2)
    axis = (
        f'<text x="{middle}" y="{y}" dy="2.7em" text-anchor="middle" {LABEL}>{text(title)}</text>'
    )
    return labels + axis


def zero_line(plot: Plot) -> str:
    """A dashed line at € 0 across the plot: break-even."""
    y = num(plot.y(0.0))
    return (
        f'<line class="bc-zero" x1="{num(plot.left)}" x2="{num(plot.right)}" y1="{y}" y2="{y}" '
        'stroke="currentColor" stroke-opacity="0.55" stroke-dasharray="6 4"/>'
    )


def year_bands(plot: Plot, series: Sequence[Drawn], lang: Language) -> str:
    """An invisible band over each year whose tooltip lists every series' figure of that year,
    so that a reader need not aim at a small mark."""
    parts = []
    for year in range(1, plot.years + 1):
        lines = [t(lang, "year_n", year=year)]
        lines += [f"{s.name}: {money(s.values[year - 1], lang)}" for s in series]
        parts.append(
            f'<rect x="{num(plot.x(year) - plot.band / 2)}" y="{num(plot.top)}" '
            f'width="{num(plot.band)}" height="{num(plot.bottom - plot.top)}" '
            f'fill="transparent">{tooltip(lines)}</rect>'
        )
    return "".join(parts)


def rect(x: float, top: float, bottom: float, width: float, colour: str, tip: str) -> str:
    """A bar from `top` to `bottom` (in either order) with its tooltip."""
    y, height = min(top, bottom), abs(bottom - top)
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}" '
        f'fill="{colour}">{tooltip([tip])}</rect>'
    )


def grouped_bars(plot: Plot, series: Sequence[Drawn], lang: Language) -> str:
    """Per year a bar per series side by side, in the series' order; a negative one below
    zero."""
    width = plot.band * 0.8 / len(series)
    zero = plot.y(0.0)
    return "".join(
        rect(
            plot.x(year) - plot.band * 0.4 + index * width,
            plot.y(value),
            zero,
            width,
            s.colour,
            year_tip(year, s.name, value, lang),
        )
        for index, s in enumerate(series)
        for year, value in enumerate(s.values, start=1)
    )


def stacked_bars(plot: Plot, series: Sequence[Drawn], lang: Language) -> str:
    """Per year one bar of the series stacked in their order: positive parts up from zero,
    negative parts down from it."""
    width = plot.band * 0.6
    parts = []
    for year in range(1, plot.years + 1):
        above = below = 0.0
        for s in series:
            value = s.values[year - 1]
            base = below if value < 0 else above
            parts.append(
                rect(
                    plot.x(year) - width / 2,
                    plot.y(base),
                    plot.y(base + value),
                    width,
                    s.colour,
                    year_tip(year, s.name, value, lang),
                )
            )
            if value < 0:
                below += value
            else:
                above += value
    return "".join(parts)


def stack_extremes(series: Sequence[Drawn]) -> list[float]:
    """The top and the bottom of each year's stack: what the y-axis must reach."""
    years = range(len(series[0].values)) if series else range(0)
    tops = [sum(max(s.values[y], 0.0) for s in series) for y in years]
    bottoms = [sum(min(s.values[y], 0.0) for s in series) for y in years]
    return tops + bottoms


def line(plot: Plot, series: Drawn, lang: Language) -> str:
    """A series as a line through its years, a round marker with its tooltip at each."""
    points = [(plot.x(year), plot.y(v)) for year, v in enumerate(series.values, start=1)]
    dash = ' stroke-dasharray="8 5"' if series.dashed else ""
    path = " ".join(f"{num(x)},{num(y)}" for x, y in points)
    markers = "".join(
        f'<circle cx="{num(x)}" cy="{num(y)}" r="{DOT}" '
        f'fill="{series.colour}">{tooltip([year_tip(year, series.name, v, lang)])}</circle>'
        for year, ((x, y), v) in enumerate(zip(points, series.values, strict=True), start=1)
    )
    return (
        f'<polyline points="{path}" fill="none" stroke="{series.colour}" stroke-width="2.5" '
        f'stroke-linejoin="round"{dash}/>{markers}'
    )


def star_path(x: float, y: float, radius: float) -> str:
    """A five-pointed star around (x, y) as path data."""
    corners = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.45
        angle = math.pi * index / 5 - math.pi / 2
        corners.append(f"{num(x + r * math.cos(angle))},{num(y + r * math.sin(angle))}")
    return "M" + "L".join(corners) + "Z"


def stars(plot: Plot, points: Sequence[Point], marker_name: str, lang: Language) -> str:
    """A star at each point, its tooltip naming the point's series and what the star marks."""
    return "".join(
        f'<path class="bc-star" d="{star_path(plot.x(p.year), plot.y(p.value), STAR)}" '
        f'fill="currentColor">'
        f"{tooltip([f'{year_tip(p.year, p.name, p.value, lang)} ({marker_name})'])}</path>"
        for p in points
    )


def svg(canvas: Canvas, label: str, body: str) -> str:
    """The drawing: as wide as its column, scaled from its canvas, named for screen readers."""
    return (
        f'<svg class="bc-plot bc-{canvas.name}" '
        f'viewBox="0 0 {num(canvas.width)} {num(canvas.height)}" '
        f'role="img" aria-label="{text(label)}" font-size="{num(canvas.room)}">{body}</svg>'
    )


def line_chart(
    canvas: Canvas,
    series: Sequence[Drawn],
    points: Sequence[Point],
    marker_name: str,
    label: str,
    lang: Language,
) -> str:
    """Lines by year with the zero line and a star at each of `points`, as an `<svg>`."""
    count = max((len(s.values) for s in series), default=1)
    plot = year_plot(canvas, count, (v for s in series for v in s.values), lang)
    body = [y_axis(plot, lang), x_axis(plot, t(lang, "year")), zero_line(plot)]
    body += [year_bands(plot, series, lang)]
    body += [line(plot, s, lang) for s in series]
    body += [stars(plot, points, marker_name, lang)]
    return svg(canvas, label, "".join(body))


def bar_chart(
    canvas: Canvas, series: Sequence[Drawn], stacked: bool, label: str, lang: Language
) -> str:
    """Bars by year, grouped or stacked, with the zero line, as an `<svg>`."""
    count = max((len(s.values) for s in series), default=1)
    values = stack_extremes(series) if stacked else [v for s in series for v in s.values]
    plot = year_plot(canvas, count, values, lang)
    bars = stacked_bars(plot, series, lang) if stacked else grouped_bars(plot, series, lang)
    body = [y_axis(plot, lang), x_axis(plot, t(lang, "year")), year_bands(plot, series, lang)]
    body += [bars, zero_line(plot)]
    return svg(canvas, label, "".join(body))


def amount_room(bars: Sequence[Bar], amounts: Sequence[str], font: float, negative: bool) -> float:
    """The room beside the bars for the amounts written at the ends of the negative bars (on
    the left) or of the others (on the right)."""
    widths = [
        label_width(amount, font) + font * 0.5
        for bar, amount in zip(bars, amounts, strict=True)
        if (bar.value < 0) == negative
    ]
    return max(widths, default=0.0)


def horizontal_bar_chart(canvas: Canvas, bars: Sequence[Bar], label: str, lang: Language) -> str:
    """A bar per entry from zero, its name above it and its amount at its end, the zero line
    marked, as an `<svg>`; the canvas is as tall as the bars need (its height is not used)."""
    room = canvas.room
    row = room * 2.2 + BAR
    canvas = replace(canvas, height=row * len(bars))
    amounts = [money(bar.value, lang) for bar in bars]
    low = min([0.0, *(bar.value for bar in bars)])
    high = max([0.0, *(bar.value for bar in bars)]) or (0.0 if low else 1.0)
    left = room * 0.5 + amount_room(bars, amounts, room, negative=True)
    right = canvas.width - room * 0.5 - amount_room(bars, amounts, room, negative=False)

    def x(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    parts = []
    for index, (bar, amount) in enumerate(zip(bars, amounts, strict=True)):
        top, end, zero = index * row + room * 1.5, x(bar.value), x(0.0)
        anchor, gap = ("end", "-0.4em") if bar.value < 0 else ("start", "0.4em")
        parts.append(
            f'<text x="{num(room * 0.5)}" y="{num(top)}" dy="-0.4em" fill="currentColor">'
            f"{text(bar.name)}</text>"
            f'<rect x="{num(min(end, zero))}" y="{num(top)}" width="{num(abs(end - zero))}" '
            f'height="{BAR}" fill="{bar.colour}">{tooltip([f"{bar.name}: {amount}"])}</rect>'
            f'<text x="{num(end)}" y="{num(top + BAR / 2)}" dx="{gap}" dy="0.35em" '
            f'text-anchor="{anchor}" fill="currentColor">{text(amount)}</text>'
        )
    at_zero = num(x(0.0))
    parts.append(
        f'<line class="bc-zero" x1="{at_zero}" x2="{at_zero}" y1="{num(room)}" '
        f'y2="{num(canvas.height)}" stroke="currentColor" stroke-opacity="0.55" '
        'stroke-dasharray="6 4"/>'
    )
    return svg(canvas, label, "".join(parts))


def canvas_rules(canvas: Canvas) -> str:
    """A drawing's largest width, and its labels' font size in user units by the width of its
    column, so that they show at `LABEL_PX` to a fifth more: user units shrink with the column."""
    svg = f".bc-chart svg.bc-{canvas.name}"
    widest = canvas.width * MOST
    rules = [f"{svg}{{max-width:{num(widest)}px;font-size:{num(canvas.room)}px}}"]
    column = canvas.narrowest * STEP
    while column < widest * STEP:
        shown = min(column, widest)
        size = LABEL_PX * canvas.width / shown
        rules.append(f"@container (min-width:{num(shown)}px){{{svg}{{font-size:{num(size)}px}}}}")
        column *= STEP
    return "".join(rules)


STYLE = (
    ".bc-chart{container-type:inline-size;margin-bottom:1rem}"
    ".bc-chart .bc-title{font-weight:600;margin-bottom:.25rem}"
    ".bc-chart svg.bc-plot{display:block;width:100%;height:auto}"
    ".bc-chart .bc-legend{display:flex;flex-wrap:wrap;gap:.125rem 1rem;font-size:.875rem;"
    "line-height:1.3;margin-top:.25rem}"
    ".bc-chart .bc-entry{display:inline-flex;align-items:center;gap:.375rem}"
    ".bc-chart .bc-entry svg{flex:none}"
    ".bc-two svg.bc-narrow{display:none}"
    f"@container (max-width:{WIDE_COLUMN - 0.02}px){{"
    ".bc-two svg.bc-wide{display:none}.bc-two svg.bc-narrow{display:block}}"
    + canvas_rules(WIDE)
    + canvas_rules(NARROW)
)
"""The rules every chart carries (a copy each: a chart stands on its own wherever it shows):
the drawing as wide as its column up to a limit, the legend's entries wrapping; in a chart
drawn twice (`bc-two`) the wide or the narrow drawing by the column's width; the labels' size
by the column's width."""


def swatch(key: Key) -> str:
    """A legend entry's small picture: a square for bars, a line, a dashed line, a star."""
    if key.shape == "bar":
        mark = f'<rect x="5" y="1" width="12" height="12" fill="{key.colour}"/>'
    elif key.shape == "star":
        mark = f'<path d="{star_path(11, 7, 6.5)}" fill="{key.colour}"/>'
    else:
        dash = ' stroke-dasharray="5 3"' if key.shape == "dashed" else ""
        mark = (
            f'<line x1="0" x2="22" y1="7" y2="7" stroke="{key.colour}" stroke-width="2.5"{dash}/>'
            f'<circle cx="11" cy="7" r="3" fill="{key.colour}"/>'
        )
    return f'<svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">{mark}</svg>'


def legend(keys: Sequence[Key]) -> str:
    """The legend as HTML under the drawing: entries wrap to the column's width."""
    entries = "".join(
        f'<span class="bc-entry">{swatch(key)}<span>{text(key.name)}</span></span>' for key in keys
    )
    return f'<div class="bc-legend">{entries}</div>' if keys else ""


def chart(title: str, keys: Sequence[Key], narrow: str, wide: str | None = None) -> str:
    """The markup of a chart for `st.markdown(..., unsafe_allow_html=True)`: its rules, its
    title, its drawing (with a `wide` one, each shown where it fits the column) and legend."""
    kind, drawing = ("bc-chart", narrow) if wide is None else ("bc-chart bc-two", wide + narrow)
    return (
        f'<div class="{kind}"><style>{STYLE}</style>'
        f'<div class="bc-title">{text(title)}</div>{drawing}{legend(keys)}</div>'
    )


GAP = 16
"""The room between two charts side by side, in CSS pixels."""


def side_by_side(*charts: str) -> str:
    """Charts in one HTML block, side by side where each gets at least its narrowest column
    (`NARROW.narrowest`), one under the other on a phone. One block instead of Streamlit's
    columns: a rerun has three layout blocks fewer for the browser to redraw, which a visit's
    first edit felt (interleaved runs in chromium: median 187 -> 159 ms until the new balance
    showed)."""
    rule = (
        f".bc-pair{{display:grid;gap:0 {GAP}px;grid-template-columns:"
        f"repeat(auto-fit,minmax(min(100%,{num(NARROW.narrowest)}px),1fr))}}"
    )
    return f'<div class="bc-pair"><style>{rule}</style>{"".join(charts)}</div>'
