"""The charts: cumulative balance per platform scenario with the zero line and break-even
marked, savings against costs per year, and savings by line as stacked bars.

Each chart is built from a list of `Series` read from the engine's results, so tests can check
the numbers a chart draws without inspecting the plotly figure.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from businesscase.catalogue import SAVINGS_LINES
from businesscase.engine import Results
from businesscase.tidy import to_cents
from dashboard.i18n import Language, label, t

PALETTE = qualitative.Safe
SEPARATORS = {"en": ".,", "nl": ",."}
"""Plotly's decimal and thousands separators per language."""


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


def _cents(values: np.ndarray) -> list[float]:
    return [to_cents(v) for v in values]


def cumulative_series(results: Results) -> list[Series]:
    """The cumulative balance of every platform scenario."""
    return [
        Series(
            results.scenario.platforms[pid].name, _cents(results.platform_line(pid, "cumulative"))
        )
        for pid in results.platform_ids
    ]


def break_even_points(results: Results) -> list[BreakEven]:
    """The break-even year of each platform scenario that breaks even, with its cumulative."""
    points = []
    for pid in results.platform_ids:
        year = results.break_even_year(pid)
        if year is not None:
            cumulative = results.platform_line(pid, "cumulative")[year - 1]
            points.append(
                BreakEven(results.scenario.platforms[pid].name, year, to_cents(cumulative))
            )
    return points


def savings_costs_series(results: Results, lang: Language) -> list[Series]:
    """The savings (the same for every platform), then each platform scenario's costs."""
    savings = Series(label(results.lines["savings"].info, lang), _cents(results.line("savings")))
    costs = [
        Series(
            t(lang, "costs_of", platform=results.scenario.platforms[pid].name),
            _cents(results.platform_line(pid, "costs")),
        )
        for pid in results.platform_ids
    ]
    return [savings, *costs]


def savings_line_series(results: Results, lang: Language) -> list[Series]:
    """The savings by line: online efficiency, scheduling, offline time gain, referral, growth."""
    return [
        Series(label(info, lang), _cents(results.line(name)))
        for name, info in SAVINGS_LINES.items()
    ]


def _layout(figure: go.Figure, results: Results, title: str, lang: Language) -> go.Figure:
    years = [int(y) for y in results.years]
    figure.update_layout(
        title=title,
        separators=SEPARATORS[lang],
        legend={"orientation": "h", "yanchor": "top", "y": -0.15},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        hovermode="x unified",
    )
    figure.update_xaxes(title=t(lang, "year"), tickmode="array", tickvals=years)
    figure.update_yaxes(tickprefix="€ ", tickformat=",.0f", hoverformat=",.2f")
    return figure


def cumulative_figure(results: Results, lang: Language) -> go.Figure:
    """Lines of the cumulative balance, the zero line, and a star at each break-even."""
    years = [int(y) for y in results.years]
    figure = go.Figure()
    for index, series in enumerate(cumulative_series(results)):
        figure.add_trace(
            go.Scatter(
                x=years,
                y=series.values,
                name=series.name,
                mode="lines+markers",
                line={"color": PALETTE[index % len(PALETTE)]},
            )
        )
    points = break_even_points(results)
    figure.add_trace(
        go.Scatter(
            x=[p.year for p in points],
            y=[p.cumulative for p in points],
            name=t(lang, "break_even_marker"),
            mode="markers",
            marker={"symbol": "star", "size": 16, "color": "black"},
            hovertext=[p.name for p in points],
        )
    )
    figure.add_hline(y=0, line={"color": "grey", "dash": "dash"})
    return _layout(figure, results, t(lang, "chart_cumulative"), lang)


def savings_costs_figure(results: Results, lang: Language) -> go.Figure:
    """Grouped bars per year: the savings, and the costs of each platform scenario."""
    years = [int(y) for y in results.years]
    figure = go.Figure()
    for index, series in enumerate(savings_costs_series(results, lang)):
        color = "#2e7d32" if index == 0 else PALETTE[(index - 1) % len(PALETTE)]
        figure.add_trace(go.Bar(x=years, y=series.values, name=series.name, marker_color=color))
    figure.update_layout(barmode="group")
    return _layout(figure, results, t(lang, "chart_savings_costs"), lang)


def savings_lines_figure(results: Results, lang: Language) -> go.Figure:
    """The savings per year stacked by line."""
    years = [int(y) for y in results.years]
    figure = go.Figure()
    for series in savings_line_series(results, lang):
        figure.add_trace(go.Bar(x=years, y=series.values, name=series.name))
    figure.update_layout(barmode="relative", colorway=qualitative.Pastel)
    return _layout(figure, results, t(lang, "chart_savings_lines"), lang)
