"""The charts: cumulative balance per platform scenario with the zero line and break-even
marked, savings against costs per year, and savings by line as stacked bars.

Each chart is built from a list of `Series` read from the engine's results, so tests can check
the numbers a chart draws without inspecting the plotly figure.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.colors import qualitative

from businesscase import Results, cents, text_in, to_cents
from dashboard.i18n import Language, label, t

PALETTE = qualitative.Safe
STACK_PALETTE = qualitative.Pastel
SAVINGS_COLOUR = "#37474f"
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
"""Charts without plotly's toolbar: a director reads the figures by hovering; zooming and
panning are not needed, and the toolbar's tooltips are English on the Dutch page and covered
the charts' titles. Without it the browser also draws each chart a little sooner."""
SEPARATORS = {"en": ".,", "nl": ",."}
"""Plotly's decimal and thousands separators per language."""
ZERO_LINE = {
    "type": "line",
    "xref": "paper",
    "x0": 0,
    "x1": 1,
    "y0": 0,
    "y1": 0,
    "line": {"color": "grey", "dash": "dash"},
}
"""A dashed horizontal line at € 0 across the chart: break-even."""


LEGEND_WIDTH = 45
"""Characters of a legend entry per line: plotly never wraps a legend's text, and on a phone
(390 px) a longer name (`Kosten: Gemiddelde van Hulp Online met ...`) was cut at the edge."""


def legend_text(name: str) -> str:
    """A series name as the legend shows it: broken between words into lines of at most
    `LEGEND_WIDTH` characters (plotly's `<br>`)."""
    return "<br>".join(textwrap.wrap(name, LEGEND_WIDTH)) or name


@dataclass(frozen=True)
class Series:
    """One named series of euro amounts over years 1..horizon."""

    name: str
    values: list[float]


@dataclass(frozen=True)
class BreakEven:
    """Where a platform scenario's cumulative balance first reaches zero or more."""

    name: str
    year: int
    cumulative: float


def platform_name(results: Results, pid: str, lang: Language) -> str:
    """A platform scenario's name in the language, as the legend and the hover show it."""
    return text_in(results.scenario.platforms[pid].name, lang)


def cumulative_series(results: Results, lang: Language) -> list[Series]:
    """The cumulative balance of every platform scenario, named in the language."""
    return [
        Series(platform_name(results, pid, lang), cents(results.platform_line(pid, "cumulative")))
        for pid in results.platform_ids
    ]


def break_even_points(results: Results, lang: Language) -> list[BreakEven]:
    """The break-even year of each platform scenario that breaks even, with its cumulative."""
    points = []
    for pid in results.platform_ids:
        year = results.break_even_year(pid)
        if year is not None:
            cumulative = results.platform_line(pid, "cumulative")[year - 1]
            points.append(BreakEven(platform_name(results, pid, lang), year, to_cents(cumulative)))
    return points


def savings_costs_series(results: Results, lang: Language) -> list[Series]:
    """The savings (the same for every platform), then each platform scenario's costs."""
    savings = Series(label(results.lines["savings"].spec, lang), cents(results.line("savings")))
    costs = [
        Series(
            t(lang, "costs_of", platform=platform_name(results, pid, lang)),
            cents(results.platform_line(pid, "costs")),
        )
        for pid in results.platform_ids
    ]
    return [savings, *costs]


def savings_line_series(results: Results, lang: Language) -> list[Series]:
    """The savings by kind: online efficiency, scheduling, offline time gain, referral, growth
    (for courses), trajectories."""
    return [
        Series(label(results.lines[name].spec, lang), cents(results.line(name)))
        for name in results.savings_names
    ]


def _layout(results: Results, title: str, lang: Language, **extra: object) -> dict[str, object]:
    return year_layout([int(y) for y in results.years], title, lang, **extra)


def year_layout(years: list[int], title: str, lang: Language, **extra: object) -> dict[str, object]:
    """The layout every chart by year shares: title, the language's separators, euros on the
    y-axis, one tick per year, the legend below."""
    return {
        "title": {"text": title},
        "separators": SEPARATORS[lang],
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.2},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "hovermode": "x unified",
        "xaxis": {"title": {"text": t(lang, "year")}, "tickmode": "array", "tickvals": years},
        "yaxis": {"tickprefix": "€ ", "tickformat": ",.0f", "hoverformat": ",.2f"},
        **extra,
    }


def cumulative_figure(results: Results, lang: Language) -> go.Figure:
    """Lines of the cumulative balance, the zero line, and a star at each break-even."""
    years = [int(y) for y in results.years]
    traces: list[dict[str, object]] = [
        {
            "type": "scatter",
            "x": years,
            "y": series.values,
            "name": legend_text(series.name),
            "mode": "lines+markers",
            "line": {"color": PALETTE[index % len(PALETTE)]},
        }
        for index, series in enumerate(cumulative_series(results, lang))
    ]
    points = break_even_points(results, lang)
    traces.append(
        {
            "type": "scatter",
            "x": [p.year for p in points],
            "y": [p.cumulative for p in points],
            "name": t(lang, "break_even_marker"),
            "mode": "markers",
            "marker": {"symbol": "star", "size": 16, "color": "black"},
            "hovertext": [p.name for p in points],
        }
    )
    layout = _layout(results, t(lang, "chart_cumulative"), lang, shapes=[ZERO_LINE])
    return go.Figure(data=traces, layout=layout)


def savings_costs_figure(results: Results, lang: Language) -> go.Figure:
    """Grouped bars per year: the savings, and the costs of each platform scenario."""
    years = [int(y) for y in results.years]
    colors = [SAVINGS_COLOUR, *PALETTE]
    traces = [
        {
            "type": "bar",
            "x": years,
            "y": series.values,
            "name": legend_text(series.name),
            "marker": {"color": colors[index % len(colors)]},
        }
        for index, series in enumerate(savings_costs_series(results, lang))
    ]
    layout = _layout(results, t(lang, "chart_savings_costs"), lang, barmode="group")
    return go.Figure(data=traces, layout=layout)


def savings_lines_figure(results: Results, lang: Language) -> go.Figure:
    """The savings per year stacked by line."""
    years = [int(y) for y in results.years]
    traces = [
        {"type": "bar", "x": years, "y": series.values, "name": legend_text(series.name)}
        for series in savings_line_series(results, lang)
    ]
    layout = _layout(
        results, t(lang, "chart_savings_lines"), lang, barmode="relative", colorway=STACK_PALETTE
    )
    return go.Figure(data=traces, layout=layout)
