"""The headline: per platform scenario its balance over the reported year ranges and its
break-even year as metric cards, then the year-by-year table, all read from the engine."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from businesscase import COST_LINES, RESULT_LINES, SAVINGS_LINES, Results
from dashboard.i18n import Language, break_even_text, label, money, t


@dataclass(frozen=True)
class Card:
    """One platform scenario at a glance: its name and (label, value) figures."""

    platform: str
    name: str
    figures: list[tuple[str, str]]


def cards(results: Results, lang: Language) -> list[Card]:
    """A card per platform scenario: balance per reported year range, then break-even."""
    horizon = results.scenario.horizon_years
    found = []
    for pid in results.platform_ids:
        figures = [
            (
                t(lang, "balance_years", first=first, last=last),
                money(float(results.total(pid, "balance", first, last)), lang),
            )
            for first, last in results.scenario.totals
        ]
        year = results.break_even_year(pid)
        figures.append((t(lang, "break_even"), break_even_text(year, horizon, lang)))
        found.append(Card(pid, results.scenario.platforms[pid].name, figures))
    return found


def _year_columns(results: Results, lang: Language) -> list[str]:
    return [t(lang, "year_n", year=int(year)) for year in results.years]


def _total_columns(results: Results, lang: Language) -> list[str]:
    return [t(lang, "total_n", first=f, last=last) for f, last in results.scenario.totals]


def year_table(results: Results, lang: Language) -> pd.DataFrame:
    """Savings, costs, balance and cumulative balance per platform scenario and year, in euros,
    with the reported totals (none for the running total)."""
    rows = []
    for pid in results.platform_ids:
        platform = results.scenario.platforms[pid].name
        for name in RESULT_LINES:
            line = results.lines[f"{pid}.{name}"]
            found = results.totals(line.key)
            totals = (
                [money(total, lang) for total in found]
                if found is not None
                else [""] * len(results.scenario.totals)
            )
            values = [money(v, lang) for v in results.platform_line(pid, name)]
            rows.append([platform, label(line.spec, lang), *values, *totals])
    columns = [
        t(lang, "platform"),
        t(lang, "line"),
        *_year_columns(results, lang),
        *_total_columns(results, lang),
    ]
    return pd.DataFrame(rows, columns=columns)


def lines_table(results: Results, lang: Language) -> pd.DataFrame:
    """The savings by line (the same for every platform) and each platform's costs by line,
    leaving out cost lines that are zero in every year."""
    rows = []
    for name, info in SAVINGS_LINES.items():
        rows.append(["", label(info, lang), *(money(v, lang) for v in results.line(name))])
    for pid in results.platform_ids:
        platform = results.scenario.platforms[pid].name
        for name, info in COST_LINES.items():
            values = [money(v, lang) for v in results.platform_line(pid, name)]
            if any(value != money(0, lang) for value in values):
                rows.append([platform, label(info, lang), *values])
    columns = [t(lang, "platform"), t(lang, "line"), *_year_columns(results, lang)]
    return pd.DataFrame(rows, columns=columns)


def money_columns(frame: pd.DataFrame, first: int = 2) -> dict[str, ColumnConfig]:
    """Column settings that right-align the formatted amounts from column `first` on, and keep
    a long platform name in the first column from pushing the years out of view."""
    names = {frame.columns[0]: st.column_config.TextColumn(width="medium")} if first else {}
    amounts = {
        column: st.column_config.TextColumn(column, alignment="right")
        for column in frame.columns[first:]
    }
    return {**names, **amounts}


def show_cards(results: Results, lang: Language) -> None:
    """The metric cards: a row per platform scenario, so each figure lines up in a column."""
    for card in cards(results, lang):
        widths = [1.0] + [1.3] * (len(card.figures) - 1) + [0.9]
        name, *figures = st.columns(widths, vertical_alignment="center")
        name.markdown(f"**{card.name}**")
        for column, (text, value) in zip(figures, card.figures, strict=True):
            column.metric(text, value, border=True)


def show_year_table(results: Results, lang: Language) -> None:
    """The year-by-year table, then the lines behind it in an expander."""
    st.subheader(t(lang, "year_table"))
    table = year_table(results, lang)
    st.dataframe(table, hide_index=True, column_config=money_columns(table))
    detail = st.expander(t(lang, "lines_detail"), key="lines_detail", on_change="rerun")
    if detail.open:
        with detail:
            frame = lines_table(results, lang)
            st.dataframe(frame, hide_index=True, column_config=money_columns(frame))
