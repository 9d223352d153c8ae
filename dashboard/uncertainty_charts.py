"""The uncertainty charts: a fan of the cumulative balance (the P10-P90 band, the median and the
case as written), how the draws of the balance over the years fall, and a tornado of the balance
with one estimate at its low or its high.

Each figure is built from a small record read from the engine's run, so tests can check the
numbers a chart draws without inspecting the plotly figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from businesscase import KeyPath, Results, Simulation, Tornado, cents, text_in, to_cents
from dashboard.charts import PALETTE
from dashboard.i18n import Language, money, t

BINS = 40
LOW_COLOUR, HIGH_COLOUR = "#d55e00", "#0072b2"
BAND_COLOUR = "rgba(136, 204, 238, 0.45)"
WRITTEN_COLOUR = "#555555"
MARGIN = {"l": 10, "r": 10, "t": 95, "b": 10}
"""Room above the plot for a title, the platform's name and the labels of vertical lines, the
same in every chart so that charts side by side line up."""


CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
"""Plotly charts without plotly's toolbar: a director reads the figures by hovering; zooming and
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
"""A dashed horizontal line at € 0 across a plotly chart: break-even."""


def year_layout(years: list[int], title: str, lang: Language, **extra: object) -> dict[str, object]:
    """The plotly layout every uncertainty chart by year shares: title, the language's
    separators, euros on the y-axis, one tick per year, the legend below."""
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


@dataclass(frozen=True)
class Fan:
    """One platform scenario's cumulative balance per year: P10, P50, P90 over the draws and
    the value as written, in euros to the cent."""

    name: str
    years: list[int]
    p10: list[float]
    p50: list[float]
    p90: list[float]
    as_written: list[float]


@dataclass(frozen=True)
class Spread:
    """The balance over the widest total of one platform scenario, over the draws: counts per
    bin (edges in euros) and the P10, P50 and P90."""

    name: str
    total_years: tuple[int, int]
    edges: list[float]
    counts: list[int]
    quantiles: tuple[float, float, float]


@dataclass(frozen=True)
class TornadoRow:
    """One estimate's bar: its name, its range as text, the balance at its low and high."""

    name: str
    range_text: str
    balance_at_low: float
    balance_at_high: float


def fan(simulation: Simulation, results: Results, platform: str, lang: Language) -> Fan:
    """The fan of one platform scenario (named in the language), with the state's own
    cumulative balance as written."""
    p10, p50, p90 = simulation.platforms[platform].cumulative_quantiles()
    return Fan(
        name=text_in(simulation.scenario.platforms[platform].name, lang),
        years=[int(y) for y in simulation.years],
        p10=cents(p10),
        p50=cents(p50),
        p90=cents(p90),
        as_written=cents(results.platform_line(platform, "cumulative")),
    )


def spread(simulation: Simulation, platform: str, lang: Language, bins: int = BINS) -> Spread:
    """How the draws of the balance over the widest total fall into `bins` equal bins; the
    platform scenario named in the language."""
    outcome = simulation.platforms[platform]
    counts, edges = np.histogram(outcome.balance_total, bins=bins)
    p10, p50, p90 = outcome.balance_quantiles()
    return Spread(
        name=text_in(simulation.scenario.platforms[platform].name, lang),
        total_years=simulation.total_years,
        edges=[float(e) for e in edges],
        counts=[int(c) for c in counts],
        quantiles=(to_cents(p10), to_cents(p50), to_cents(p90)),
    )


def tornado_rows(
    chart: Tornado, names: Mapping[KeyPath, str], ranges: Mapping[KeyPath, str]
) -> list[TornadoRow]:
    """The bars in the engine's order (widest swing first), named and with their ranges."""
    return [
        TornadoRow(
            names[bar.path],
            ranges[bar.path],
            to_cents(bar.balance_at_low),
            to_cents(bar.balance_at_high),
        )
        for bar in chart.bars
    ]


def _titled(text: str, name: str) -> str:
    """A chart title with the platform scenario's name below it."""
    return f"{text}<br><sup>{name}</sup>"


def fan_figure(data: Fan, lang: Language) -> go.Figure:
    """The P10-P90 band, the median line and the case as written, with the zero line."""
    band = t(lang, "fan_band")
    traces = [
        {
            "type": "scatter",
            "x": data.years,
            "y": data.p90,
            "name": t(lang, "p90"),
            "mode": "lines",
            "line": {"width": 0},
            "legendgroup": "band",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "x": data.years,
            "y": data.p10,
            "name": band,
            "mode": "lines",
            "line": {"width": 0},
            "fill": "tonexty",
            "fillcolor": BAND_COLOUR,
            "legendgroup": "band",
            "hovertemplate": "P10: %{y}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": data.years,
            "y": data.p50,
            "name": t(lang, "p50"),
            "mode": "lines+markers",
            "line": {"color": PALETTE[0], "width": 3},
        },
        {
            "type": "scatter",
            "x": data.years,
            "y": data.as_written,
            "name": t(lang, "as_written"),
            "mode": "lines",
            "line": {"color": WRITTEN_COLOUR, "dash": "dot"},
        },
    ]
    title = _titled(t(lang, "chart_fan"), data.name)
    layout = year_layout(data.years, title, lang, shapes=[ZERO_LINE], margin=MARGIN)
    return go.Figure(data=traces, layout=layout)


def _vertical(x: float, dash: str) -> dict[str, object]:
    """A vertical line at `x` across the plot."""
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": WRITTEN_COLOUR, "dash": dash},
    }


def _above(x: float, text: str) -> dict[str, object]:
    """A label just above the plot at `x`, for a vertical line."""
    return {
        "x": x,
        "xref": "x",
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "text": text,
        "showarrow": False,
        "font": {"size": 12},
    }


def spread_figure(data: Spread, lang: Language) -> go.Figure:
    """Bars of the number of draws per bin of the balance, with P10, P50 and P90 marked."""
    lefts, rights = data.edges[:-1], data.edges[1:]
    trace = {
        "type": "bar",
        "x": [(a + b) / 2 for a, b in zip(lefts, rights, strict=True)],
        "y": data.counts,
        "width": [b - a for a, b in zip(lefts, rights, strict=True)],
        "marker": {"color": PALETTE[0], "line": {"color": "white", "width": 0.5}},
        "customdata": [
            [money(a, lang), money(b, lang)] for a, b in zip(lefts, rights, strict=True)
        ],
        "hovertemplate": "%{customdata[0]} - %{customdata[1]}: %{y}<extra></extra>",
        "showlegend": False,
    }
    first, last = data.total_years
    names = ("P10", "P50", "P90")
    shapes = [
        _vertical(x, "solid" if n == "P50" else "dot")
        for x, n in zip(data.quantiles, names, strict=True)
    ]
    notes = [_above(x, n) for x, n in zip(data.quantiles, names, strict=True)]
    layout = {
        "title": {"text": _titled(t(lang, "chart_histogram", first=first, last=last), data.name)},
        "separators": SEPARATORS[lang],
        "margin": MARGIN,
        "bargap": 0,
        "xaxis": {"tickprefix": "€ ", "tickformat": ",.0f"},
        "yaxis": {"title": {"text": t(lang, "draws_axis")}},
        "shapes": shapes,
        "annotations": notes,
    }
    return go.Figure(data=[trace], layout=layout)


def tornado_figure(
    rows: list[TornadoRow], base: float, total_years: tuple[int, int], name: str, lang: Language
) -> go.Figure:
    """Horizontal bars from the balance as written to the balance with each estimate at its
    low and at its high, the widest on top."""
    labels = [f"<b>{row.name}</b><br>{row.range_text}" for row in rows]

    def bars(values: list[float], text: str, colour: str) -> dict[str, object]:
        return {
            "type": "bar",
            "orientation": "h",
            "y": labels,
            "x": [value - base for value in values],
            "base": base,
            "name": text,
            "marker": {"color": colour},
            "customdata": [money(value, lang) for value in values],
            "hovertemplate": "%{customdata}<extra>" + text + "</extra>",
        }

    first, last = total_years
    written = _above(base, f"{t(lang, 'as_written')}: {money(base, lang)}")
    layout = {
        "title": {"text": _titled(t(lang, "chart_tornado", first=first, last=last), name)},
        "separators": SEPARATORS[lang],
        "barmode": "overlay",
        "height": 160 + 52 * len(rows),
        "margin": MARGIN,
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.08},
        "xaxis": {"tickprefix": "€ ", "tickformat": ",.0f"},
        "yaxis": {"autorange": "reversed", "automargin": True},
        "shapes": [_vertical(base, "solid")],
        "annotations": [written],
    }
    traces = [
        bars([row.balance_at_low for row in rows], t(lang, "at_low"), LOW_COLOUR),
        bars([row.balance_at_high for row in rows], t(lang, "at_high"), HIGH_COLOUR),
    ]
    return go.Figure(data=traces, layout=layout)
