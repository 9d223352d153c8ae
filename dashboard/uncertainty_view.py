"""How sure is the break-even, and which assumption decides it: the seeded Monte Carlo run of the
current state (the balance over the draws, the probability of break-even by each year, a fan
chart and the spread of the balance) and, per platform scenario, the tornado and the shares of
variance. A scenario without ranges gets a plain note instead."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from businesscase import KeyPath, Results, ScenarioError, Simulation, Tornado, text_in
from dashboard import state, tables
from dashboard.analysis import APP_MAX_DRAWS, APP_MIN_DRAWS, Analysis, has_ranges, uncertainty
from dashboard.i18n import Language, money, number, owned_label, percent, quantity, t
from dashboard.sources import FILE, Evaluated, scenario_files
from dashboard.uncertainty_charts import (
    CHART_CONFIG,
    fan,
    fan_figure,
    spread,
    spread_figure,
    tornado_figure,
    tornado_rows,
)

RANGES_FILE = "kwadraad-2013-ranges.yaml"
KEY_PLATFORM = "uncertainty_platform"
HEADING = "#### %s"
SHARES_WIDTHS = (440, 112, 185, 95, 100)
"""Pixels of the shares table's columns, so that it fits a wide page: an input's label with its
course (`Efficiency of online vs offline contact, Ass OV (assertiveness, older women)`), its
share, its range, the balance at its low and at its high."""


def parameter_names(current: Evaluated, lang: Language) -> dict[KeyPath, str]:
    """Every input's label with its course or platform, by key path."""
    scenario = current.loaded.scenario
    return {entry.path: owned_label(entry, scenario, lang) for entry in current.entries}


def range_texts(current: Evaluated, chart: Tornado, lang: Language) -> dict[KeyPath, str]:
    """`25% to 50%` for each estimate in the tornado, in its unit."""
    units = {entry.path: entry.unit for entry in current.entries}
    return {
        bar.path: t(
            lang,
            "range_text",
            low=quantity(bar.low, units.get(bar.path, ""), lang),
            high=quantity(bar.high, units.get(bar.path, ""), lang),
        )
        for bar in chart.bars
    }


def balance_frame(simulation: Simulation, results: Results, lang: Language) -> pd.DataFrame:
    """Per platform scenario the balance over the widest total: P10, P50, P90 over the draws,
    and as written."""
    first, last = simulation.total_years
    rows = []
    for platform, outcome in simulation.platforms.items():
        p10, p50, p90 = outcome.balance_quantiles()
        written = float(results.total(platform, "balance", first, last))
        rows.append(
            [
                text_in(simulation.scenario.platforms[platform].name, lang),
                *(money(value, lang) for value in (p10, p50, p90, written)),
            ]
        )
    columns = [
        t(lang, "platform"),
        t(lang, "p10"),
        t(lang, "p50"),
        t(lang, "p90"),
        t(lang, "as_written"),
    ]
    return pd.DataFrame(rows, columns=columns)


def break_even_frame(simulation: Simulation, lang: Language) -> pd.DataFrame:
    """Per platform scenario and year, the share of draws that has broken even by then."""
    rows = [
        [
            text_in(simulation.scenario.platforms[platform].name, lang),
            *(percent(float(p), lang) for p in outcome.break_even_probability()),
        ]
        for platform, outcome in simulation.platforms.items()
    ]
    columns = [t(lang, "platform"), *(t(lang, "year_n", year=int(y)) for y in simulation.years)]
    return pd.DataFrame(rows, columns=columns)


def shares_frame(
    shares: Mapping[KeyPath, float],
    chart: Tornado,
    names: Mapping[KeyPath, str],
    ranges: Mapping[KeyPath, str],
    lang: Language,
) -> pd.DataFrame:
    """The estimates by their share of the variance of the balance, largest first, with their
    range and the balance at its low and high."""
    bars = {bar.path: bar for bar in chart.bars}
    rows = [
        [
            names[path],
            percent(share, lang),
            ranges[path],
            money(bars[path].balance_at_low, lang),
            money(bars[path].balance_at_high, lang),
        ]
        for path, share in shares.items()
    ]
    columns = [
        t(lang, "parameter"),
        t(lang, "share"),
        t(lang, "range"),
        t(lang, "balance_at_low"),
        t(lang, "balance_at_high"),
    ]
    return pd.DataFrame(rows, columns=columns)


def open_ranges_file() -> None:
    """Choose the scenario file with ranges (a callback: it runs before the chooser is drawn)."""
    st.session_state[state.CHOICE] = FILE + RANGES_FILE
    state.on_choice()


def show_no_ranges(lang: Language) -> None:
    """Say that there is nothing to simulate, and where the ranges are."""
    st.info(t(lang, "no_ranges", file=f"scenarios/{RANGES_FILE}"), icon=":material/info:")
    if RANGES_FILE in scenario_files():
        st.button(
            t(lang, "open_ranges", file=RANGES_FILE), key="open_ranges", on_click=open_ranges_file
        )


def choose_run(lang: Language) -> tuple[int, int]:
    """The draws and seed inputs, side by side; their values are kept while the tab is closed."""
    state.restore_run_inputs()
    left, right, _ = st.columns([1, 1, 2])
    with left:
        draws = st.number_input(
            t(lang, "draws"),
            min_value=APP_MIN_DRAWS,
            max_value=APP_MAX_DRAWS,
            step=1_000,
            key=state.run_key(state.DRAWS),
            help=t(lang, "draws_help"),
            on_change=state.keep_run_inputs,
        )
    with right:
        seed = st.number_input(
            t(lang, "seed"),
            min_value=0,
            step=1,
            key=state.run_key(state.SEED),
            help=t(lang, "seed_help"),
            on_change=state.keep_run_inputs,
        )
    return int(draws), int(seed)


def choose_platform(current: Evaluated, lang: Language) -> str:
    """The platform scenario the charts show, by name: the platform shown (kept in the link,
    the same as in the results' who pays, who benefits)."""
    platforms = current.loaded.scenario.platforms
    return state.platform_picker(KEY_PLATFORM, t(lang, "platform_pick"), platforms, lang)


def shares_columns(frame: pd.DataFrame) -> dict[str, ColumnConfig]:
    """The shares table's widths; the label and the range read from the left, figures from
    the right."""
    return {
        column: st.column_config.TextColumn(
            width=width, alignment="left" if index in (0, 2) else "right"
        )
        for index, (column, width) in enumerate(zip(frame.columns, SHARES_WIDTHS, strict=True))
    }


def show_run(current: Evaluated, run: Analysis, lang: Language) -> None:
    """The figures of the run: balance and break-even tables of every platform scenario, then
    fan and spread, tornado and shares of variance of the one chosen."""
    simulation = run.simulation
    first, last = simulation.total_years
    st.markdown(HEADING % t(lang, "balance_spread", first=first, last=last))
    tables.show(balance_frame(simulation, current.results, lang), "spread")
    st.caption(t(lang, "spread_help"))
    st.markdown(HEADING % t(lang, "break_even_chance"))
    tables.show(break_even_frame(simulation, lang), "break-even")
    platform = choose_platform(current, lang)
    left, right = st.columns(2)
    with left:
        figure = fan_figure(fan(simulation, current.results, platform, lang), lang)
        st.plotly_chart(figure, key="chart_fan", config=CHART_CONFIG)
    with right:
        figure = spread_figure(spread(simulation, platform, lang), lang)
        st.plotly_chart(figure, key="chart_spread", config=CHART_CONFIG)
    chart = run.tornadoes[platform]
    names = parameter_names(current, lang)
    ranges = range_texts(current, chart, lang)
    name = text_in(current.loaded.scenario.platforms[platform].name, lang)
    rows = tornado_rows(chart, names, ranges)
    figure = tornado_figure(rows, chart.base_balance, chart.total_years, name, lang)
    st.plotly_chart(figure, key="chart_tornado", config=CHART_CONFIG)
    st.markdown(HEADING % t(lang, "share"))
    shares = shares_frame(run.shares[platform], chart, names, ranges, lang)
    st.dataframe(shares, hide_index=True, column_config=shares_columns(shares))
    st.caption(t(lang, "shares_help"))


def show(current: Evaluated, lang: Language) -> None:
    """The tab's simulation part: a note without ranges, else the inputs and the run."""
    if not has_ranges(current):
        show_no_ranges(lang)
        return
    intro = st.container()
    draws, seed = choose_run(lang)
    try:
        run = uncertainty(current, draws, seed)
    except ScenarioError as error:  # too few draws for the shares, or too many to keep
        st.error("\n".join(problem.text(lang) for problem in error.problems))
        return
    ranged = len(run.simulation.parameters)
    intro.markdown(t(lang, "uncertainty_intro", ranged=ranged, draws=number(draws, lang)))
    show_run(current, run, lang)
