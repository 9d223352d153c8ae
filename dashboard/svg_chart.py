"""Charts drawn on the server as SVG: lines with markers, grouped and stacked bars by year,
horizontal bars, the axes and the zero line, each mark with its `<title>`; shown as images in a
block of HTML with the title, a tooltip per year (or per bar) and the legend around them.

Why not plotly: in the browser its 4.7 MB bundle took ~625 ms of the main thread at page load
and ~150-200 ms to redraw four charts after every edit, and on the server building and
validating its figures took a third of every rerun. A string of SVG costs neither.

Why images: inline SVG can only reach the page through `st.markdown`, whose markdown and HTML
parsers (JavaScript) took ~50 ms of every edit for the Results tab's three charts before the new
balance showed; an `<img>` of the same SVG (a `data:` URI) in `st.html` is parsed by the browser
itself. The tooltips a drawing's marks carry do not show in an image, so each year's band (each
bar of a horizontal chart) gets a transparent HTML zone over it whose tooltip lists every figure
of that year; the marks keep their `<title>`, so the drawing opened on its own still has them.

The markup is well-formed XML with no line break, every text escaped (platform names can come
from an uploaded file), so that tests can parse it. Sizes are SVG user units: a drawing scales
to the width of its column. A chart across the page is drawn twice, wide and narrow, and a
container query shows the one that fits its column; inside a drawing, media queries on its own
width make the labels' font larger in user units the narrower it shows, so that they show at
about the same size on a phone and on a laptop (the layout leaves room for the largest). Text,
grid and markers take the drawing's text colour, dark, or light where the page is dark (an
image follows the `color-scheme` of the page around it).

No Streamlit here: figures and words in, a string out.
"""

from __future__ import annotations

import base64
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
INK, INK_ON_DARK = "#31333F", "#FAFAFA"
"""Streamlit's text colours in its light and its dark theme."""
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
    def widest(self) -> float:
        """The widest the drawing shows, in CSS pixels."""
        return self.width * MOST

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
class Zone:
    """A part of a drawing that shows a tooltip on hover: its box in user units, its lines."""

    left: float
    top: float
    width: float
    height: float
    lines: Sequence[str]


@dataclass(frozen=True)
class Drawing:
    """An SVG drawing, its canvas (the height it was drawn at), what it shows (for screen
    readers) and the zones over it with their tooltips."""

    svg: str
    canvas: Canvas
    label: str
    zones: Sequence[Zone]


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
ZERO = 'class="bc-zero" stroke="currentColor" stroke-opacity="0.55" stroke-dasharray="6 4"'


def text(value: str) -> str:
    """A text for markup: escaped (quotes too), each line break a space (a tooltip's lines are
    joined by a character reference instead); other spaces as they are (money has a no-break
    space)."""
    return escape(" ".join(value.splitlines()))


def num(value: float) -> str:
    """A coordinate in user units, to two decimals."""
    return f"{round(value, 2):g}"


def tip_text(lines: Iterable[str]) -> str:
    """A tooltip's lines for markup: each a `text`, joined by a character reference, so that
    the markup itself has no line break."""
    return "&#10;".join(text(line) for line in lines)


def tooltip(lines: Iterable[str]) -> str:
    """A mark's tooltip (`<title>`): the browser shows it on hover."""
    return f"<title>{tip_text(lines)}</title>"


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
    return f'<line x1="{num(plot.left)}" x2="{num(plot.right)}" y1="{y}" y2="{y}" {ZERO}/>'


def year_zones(
    plot: Plot, series: Sequence[Drawn], notes: Sequence[tuple[int, str]], lang: Language
) -> list[Zone]:
    """A zone over each year's band whose tooltip lists every series' figure of that year, then
    the notes of that year (`(3, "Average: break-even")`), so that a reader need not aim at a
    small mark."""
    zones = []
    for year in range(1, plot.years + 1):
        lines = [t(lang, "year_n", year=year)]
        lines += [f"{s.name}: {money(s.values[year - 1], lang)}" for s in series]
        lines += [note for at, note in notes if at == year]
        left = plot.x(year) - plot.band / 2
        zones.append(Zone(left, plot.top, plot.band, plot.bottom - plot.top, lines))
    return zones


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
    """The drawing: an SVG document of its own (shown as an image), scaled from its canvas,
    named for screen readers, with its rules for colours and labels' size."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bc-plot bc-{canvas.name}" '
        f'viewBox="0 0 {num(canvas.width)} {num(canvas.height)}" '
        f'role="img" aria-label="{text(label)}" font-size="{num(canvas.room)}">'
        f"<style>{COLOURS}{FONT}{font_rules(canvas)}</style>{body}</svg>"
    )


def line_chart(
    canvas: Canvas,
    series: Sequence[Drawn],
    points: Sequence[Point],
    marker_name: str,
    label: str,
    lang: Language,
) -> Drawing:
    """Lines by year with the zero line and a star at each of `points`; a zone per year."""
    count = max((len(s.values) for s in series), default=1)
    plot = year_plot(canvas, count, (v for s in series for v in s.values), lang)
    body = [y_axis(plot, lang), x_axis(plot, t(lang, "year")), zero_line(plot)]
    body += [line(plot, s, lang) for s in series]
    body += [stars(plot, points, marker_name, lang)]
    notes = [(p.year, f"{p.name}: {marker_name}") for p in points]
    zones = year_zones(plot, series, notes, lang)
    return Drawing(svg(canvas, label, "".join(body)), canvas, label, zones)


def bar_chart(
    canvas: Canvas, series: Sequence[Drawn], stacked: bool, label: str, lang: Language
) -> Drawing:
    """Bars by year, grouped or stacked, with the zero line; a zone per year."""
    count = max((len(s.values) for s in series), default=1)
    values = stack_extremes(series) if stacked else [v for s in series for v in s.values]
    plot = year_plot(canvas, count, values, lang)
    bars = stacked_bars(plot, series, lang) if stacked else grouped_bars(plot, series, lang)
    body = [y_axis(plot, lang), x_axis(plot, t(lang, "year")), bars, zero_line(plot)]
    zones = year_zones(plot, series, [], lang)
    return Drawing(svg(canvas, label, "".join(body)), canvas, label, zones)


def amount_room(bars: Sequence[Bar], amounts: Sequence[str], font: float, negative: bool) -> float:
    """The room beside the bars for the amounts written at the ends of the negative bars (on
    the left) or of the others (on the right)."""
    widths = [
        label_width(amount, font) + font * 0.5
        for bar, amount in zip(bars, amounts, strict=True)
        if (bar.value < 0) == negative
    ]
    return max(widths, default=0.0)


def horizontal_bar_chart(
    canvas: Canvas, bars: Sequence[Bar], label: str, lang: Language
) -> Drawing:
    """A bar per entry from zero, its name above it and its amount at its end, the zero line
    marked; a zone per bar's row; the canvas is as tall as the bars need (its height is not
    used)."""
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

    parts, zones = [], []
    for index, (bar, amount) in enumerate(zip(bars, amounts, strict=True)):
        top, end, zero = index * row + room * 1.5, x(bar.value), x(0.0)
        tip = f"{bar.name}: {amount}"
        zones.append(Zone(0.0, index * row, canvas.width, row, [tip]))
        anchor, gap = ("end", "-0.4em") if bar.value < 0 else ("start", "0.4em")
        parts.append(
            f'<text x="{num(room * 0.5)}" y="{num(top)}" dy="-0.4em" fill="currentColor">'
            f"{text(bar.name)}</text>"
            f'<rect x="{num(min(end, zero))}" y="{num(top)}" width="{num(abs(end - zero))}" '
            f'height="{BAR}" fill="{bar.colour}">{tooltip([tip])}</rect>'
            f'<text x="{num(end)}" y="{num(top + BAR / 2)}" dx="{gap}" dy="0.35em" '
            f'text-anchor="{anchor}" fill="currentColor">{text(amount)}</text>'
        )
    at_zero = num(x(0.0))
    parts.append(
        f'<line x1="{at_zero}" x2="{at_zero}" y1="{num(room)}" y2="{num(canvas.height)}" {ZERO}/>'
    )
    return Drawing(svg(canvas, label, "".join(parts)), canvas, label, zones)


COLOURS = f"svg{{color:{INK}}}@media (prefers-color-scheme:dark){{svg{{color:{INK_ON_DARK}}}}}"
"""A drawing's text colour (`currentColor` of its text, grid and stars): Streamlit's text
colours, light or dark by the `color-scheme` Streamlit sets on the page around the image (an
image's `prefers-color-scheme` follows it in Chromium, checked with Debian's, and in Firefox;
a browser that follows the system's setting instead may show dark labels on a dark page)."""
FONT = 'text{font-family:"Source Sans Pro","Source Sans 3",sans-serif}'
"""The page's font where the system has it (an image cannot use the page's web fonts)."""


def font_rules(canvas: Canvas) -> str:
    """The labels' font size in user units by the width the drawing shows at (media queries in
    an image are on its own width), so that they show at `LABEL_PX` to a fifth more: user units
    shrink with the column."""
    rules = [f"svg{{font-size:{num(canvas.room)}px}}"]
    column = canvas.narrowest * STEP
    while column < canvas.widest * STEP:
        shown = min(column, canvas.widest)
        size = LABEL_PX * canvas.width / shown
        rules.append(f"@media (min-width:{num(shown)}px){{svg{{font-size:{num(size)}px}}}}")
        column *= STEP
    return "".join(rules)


def encoded(markup: str) -> str:
    """SVG markup as a `data:` URI for an image."""
    return "data:image/svg+xml;base64," + base64.b64encode(markup.encode()).decode("ascii")


def percent(part: float, whole: float) -> str:
    """`12.5%`: a zone's edge as a share of its drawing."""
    return f"{round(100 * part / whole, 3):g}%"


def drawing_html(drawing: Drawing) -> str:
    """A drawing as an image, named as the drawing is, with its zones over it."""
    canvas = drawing.canvas
    zones = "".join(
        f'<span class="bc-zone" title="{tip_text(zone.lines)}" '
        f'style="left:{percent(zone.left, canvas.width)};top:{percent(zone.top, canvas.height)};'
        f"width:{percent(zone.width, canvas.width)};"
        f'height:{percent(zone.height, canvas.height)}"></span>'
        for zone in drawing.zones
    )
    return (
        f'<div class="bc-drawing bc-{canvas.name}">'
        f'<img class="bc-plot" src="{encoded(drawing.svg)}" alt="{text(drawing.label)}" '
        f'width="{num(canvas.width)}" height="{num(canvas.height)}"/>{zones}</div>'
    )


STYLE = (
    ".bc-chart{container-type:inline-size;margin-bottom:1rem}"
    ".bc-chart .bc-title{font-weight:600;margin-bottom:.25rem}"
    ".bc-chart .bc-drawing{position:relative}"
    ".bc-chart .bc-drawing img{display:block;width:100%;height:auto}"
    ".bc-chart .bc-zone{position:absolute}"
    ".bc-chart .bc-zone:hover{background:rgba(128,128,128,.12)}"
    f".bc-chart .bc-wide{{max-width:{num(WIDE.widest)}px}}"
    f".bc-chart .bc-narrow{{max-width:{num(NARROW.widest)}px}}"
    ".bc-chart .bc-legend{display:flex;flex-wrap:wrap;gap:.125rem 1rem;font-size:.875rem;"
    "line-height:1.3;margin-top:.25rem}"
    ".bc-chart .bc-entry{display:inline-flex;align-items:center;gap:.375rem}"
    ".bc-chart .bc-key{flex:none;display:inline-block;width:22px;height:14px;"
    "font-style:normal;text-align:center;line-height:14px;font-size:15px;color:var(--c)}"
    ".bc-key-bar{background:linear-gradient(var(--c),var(--c)) center/12px 12px no-repeat}"
    ".bc-key-line{background:radial-gradient(circle,var(--c) 3px,transparent 3.5px),"
    "linear-gradient(var(--c),var(--c)) center/100% 2.5px no-repeat}"
    ".bc-key-dashed{background:radial-gradient(circle,var(--c) 3px,transparent 3.5px),"
    "repeating-linear-gradient(90deg,var(--c) 0 5px,transparent 5px 8px) center/100% 2.5px "
    "no-repeat}"
    ".bc-two .bc-drawing.bc-narrow{display:none}"
    f"@container (max-width:{WIDE_COLUMN - 0.02}px){{"
    ".bc-two .bc-drawing.bc-wide{display:none}.bc-two .bc-drawing.bc-narrow{display:block}}"
)
"""The rules every chart carries (a copy each: a chart stands on its own wherever it shows):
the drawing as wide as its column up to a limit, its zones over it (shaded on hover), the
legend's entries wrapping, each with its key (`swatch`); in a chart drawn twice (`bc-two`)
the wide or the narrow drawing by the column's width."""


def swatch(key: Key) -> str:
    """A legend entry's small picture, drawn by CSS (the `bc-key` rules of `STYLE`): a square
    for bars, a line with a dot, a dashed line with a dot, a star. Not an image: an SVG image is
    a document of its own for the browser to build, and a legend's dozen of them took ~25 ms of
    every edit."""
    star = "\u2605" if key.shape == "star" else ""  # ★
    return (
        f'<i class="bc-key bc-key-{key.shape}" style="--c:{text(key.colour)}" '
        f'aria-hidden="true">{star}</i>'
    )


def legend(keys: Sequence[Key]) -> str:
    """The legend as HTML under the drawing: entries wrap to the column's width."""
    entries = "".join(
        f'<span class="bc-entry">{swatch(key)}<span>{text(key.name)}</span></span>' for key in keys
    )
    return f'<div class="bc-legend">{entries}</div>' if keys else ""


def chart(title: str, keys: Sequence[Key], narrow: Drawing, wide: Drawing | None = None) -> str:
    """The markup of a chart for `st.html`: its rules, its title, its drawing (with a `wide`
    one, each shown where it fits the column) and legend."""
    drawn = [narrow] if wide is None else [wide, narrow]
    kind = "bc-chart" if wide is None else "bc-chart bc-two"
    drawings = "".join(drawing_html(drawing) for drawing in drawn)
    return (
        f'<div class="{kind}"><style>{STYLE}</style>'
        f'<div class="bc-title">{text(title)}</div>{drawings}{legend(keys)}</div>'
    )


GAP = 16
"""The room between two charts side by side, in CSS pixels."""


def side_by_side(*charts: str) -> str:
    """Charts in one block of HTML, side by side where each gets at least its narrowest column
    (`NARROW.narrowest`), one under the other on a phone. One block instead of Streamlit's
    columns: a rerun has three layout blocks fewer for the browser to redraw, which a visit's
    first edit felt (interleaved runs in chromium: median 187 -> 159 ms until the new balance
    showed)."""
    rule = (
        f".bc-pair{{display:grid;gap:0 {GAP}px;grid-template-columns:"
        f"repeat(auto-fit,minmax(min(100%,{num(NARROW.narrowest)}px),1fr))}}"
    )
    return f'<div class="bc-pair"><style>{rule}</style>{"".join(charts)}</div>'
