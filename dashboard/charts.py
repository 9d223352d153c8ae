"""The charts of the Results tab: cumulative balance per platform scenario with the zero line and
break-even marked, savings against costs per year, and savings by line as stacked bars; each one
SVG drawn on the server and shown as images in a block of HTML (`svg_chart`), for `st.html`.

Each chart is built from a list of `Series` read from the engine's results, so tests can check
the numbers a chart draws apart from its markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from businesscase import Results, cents, text_in, to_cents
from dashboard import svg_chart
from dashboard.i18n import Language, label, t
from dashboard.svg_chart import NARROW, WIDE, Drawn, Key, Point

PALETTE = [
    "#88CCEE",
    "#CC6677",
    "#DDCC77",
    "#117733",
    "#332288",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#661100",
    "#888888",
]
"""Plotly's qualitative Safe palette (colour-blind safe), the colours the charts always had."""
STACK_PALETTE = [
    "#66C5CC",
    "#F6CF71",
    "#F89C74",
    "#DCB0F2",
    "#87C55F",
    "#9EB9F3",
    "#FE88B1",
    "#C9DB74",
    "#8BE0A4",
    "#B497E7",
    "#B3B3B3",
]
"""Plotly's qualitative Pastel palette, for the savings by line."""
SAVINGS_COLOUR = "#37474f"
"""The savings' bars, beside the costs' bars in the platforms' colours."""


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


def is_average(results: Results, pid: str) -> bool:
    """Whether a platform scenario is the average of others (its line is dashed)."""
    return results.scenario.platforms[pid].average_of is not None


def cumulative_chart(results: Results, lang: Language) -> str:
    """Lines of the cumulative balance (an average dashed), the zero line, and a star at each
    break-even; drawn wide for a wide column and narrow for a phone."""
    series = [
        Drawn(s.name, s.values, PALETTE[index % len(PALETTE)], is_average(results, pid))
        for index, (pid, s) in enumerate(
            zip(results.platform_ids, cumulative_series(results, lang), strict=True)
        )
    ]
    points = [Point(p.name, p.year, p.cumulative) for p in break_even_points(results, lang)]
    title, marker = t(lang, "chart_cumulative"), t(lang, "break_even_marker")
    keys = [Key(s.name, s.colour, "dashed" if s.dashed else "line") for s in series]
    keys.append(Key(marker, "currentColor", "star"))
    wide, narrow = (
        svg_chart.line_chart(canvas, series, points, marker, title, lang)
        for canvas in (WIDE, NARROW)
    )
    return svg_chart.chart(title, keys, narrow, wide)


def bar_chart(title: str, series: list[Drawn], stacked: bool, lang: Language) -> str:
    """Bars by year (a chart in half a column), each series in the legend."""
    keys = [Key(s.name, s.colour, "bar") for s in series]
    return svg_chart.chart(title, keys, svg_chart.bar_chart(NARROW, series, stacked, title, lang))


def savings_costs_chart(results: Results, lang: Language) -> str:
    """Grouped bars per year: the savings, and the costs of each platform scenario."""
    colours = [SAVINGS_COLOUR, *PALETTE]
    series = [
        Drawn(s.name, s.values, colours[index % len(colours)])
        for index, s in enumerate(savings_costs_series(results, lang))
    ]
    return bar_chart(t(lang, "chart_savings_costs"), series, False, lang)


def savings_lines_chart(results: Results, lang: Language) -> str:
    """The savings per year stacked by line (a negative line below zero)."""
    series = [
        Drawn(s.name, s.values, STACK_PALETTE[index % len(STACK_PALETTE)])
        for index, s in enumerate(savings_line_series(results, lang))
    ]
    return bar_chart(t(lang, "chart_savings_lines"), series, True, lang)
