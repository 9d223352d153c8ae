"""Who pays, who benefits, for the platform scenario shown: the organisation's money and
capacity, what the funder gains and what the clients save, each a line of the engine
(`businesscase.parties`) by year with its total, and a small chart of the money totals by party.
Every figure is the engine's; this module only formats and places them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from businesscase import PARTY_NAMES, PartyFigure, Results, measures, parties, text_in, to_cents
from dashboard import state, svg_chart, tables
from dashboard.charts import PALETTE
from dashboard.i18n import Language, money, number, t, unit_text

KEY_PLATFORM = "parties_platform"
PARTY_COLOURS = {"organisation": PALETTE[0], "funder": PALETTE[1], "clients": PALETTE[2]}


@dataclass(frozen=True)
class MoneyBar:
    """One bar of the chart: a party (and the line, if the party has more than one in money)
    and its total in euros over the widest reported years."""

    party: str
    name: str
    total: float


def party_name(party: str, lang: Language) -> str:
    """`Organisation` or `Organisatie`."""
    english, dutch = PARTY_NAMES[party]  # type: ignore[index]
    return dutch if lang == "nl" else english


def figure_label(figure: PartyFigure, lang: Language) -> str:
    """The line's label in the language."""
    return figure.label_nl if lang == "nl" and figure.label_nl else figure.label


def amount(value: float, unit: str, lang: Language) -> str:
    """Euros as money, other units as a number with the unit: `8.100 uur`."""
    if unit == "EUR":
        return money(value, lang)
    return f"{number(round(value, 2), lang)} {unit_text(unit, lang)}".strip()


def parties_frame(results: Results, platform: str, lang: Language) -> pd.DataFrame:
    """One row per thing a party gains or pays: party, what, the total over the widest
    reported years (first, so that a narrow screen shows it), then each year."""
    first, last = measures.widest_total(results.scenario)
    rows = [
        [
            party_name(figure.party, lang),
            figure_label(figure, lang),
            amount(figure.total, figure.unit, lang),
            *(amount(float(v), figure.unit, lang) for v in figure.values),
        ]
        for figure in parties(results, platform)
    ]
    columns = [
        t(lang, "party"),
        t(lang, "what"),
        t(lang, "total_n", first=first, last=last),
        *(t(lang, "year_n", year=int(year)) for year in results.years),
    ]
    return pd.DataFrame(rows, columns=columns)


def money_bars(results: Results, platform: str, lang: Language) -> list[MoneyBar]:
    """The money totals by party, as the engine gives them (to the cent); a party with more
    than one line in money has a bar per line."""
    figures = [f for f in parties(results, platform) if f.unit == "EUR"]
    counts = {f.party: sum(1 for g in figures if g.party == f.party) for f in figures}
    return [
        MoneyBar(
            f.party,
            party_name(f.party, lang)
            if counts[f.party] == 1
            else f"{party_name(f.party, lang)}: {figure_label(f, lang)}",
            to_cents(f.total),
        )
        for f in figures
    ]


def parties_chart(bars: list[MoneyBar], title: str, lang: Language) -> str:
    """Horizontal bars of the money totals, a bar per party in its colour with its amount,
    zero marked: a chart for `st.html`, drawn wide for a wide column and narrow for a
    phone."""
    drawn = [
        svg_chart.Bar(bar.name, bar.total, PARTY_COLOURS.get(bar.party, PALETTE[3])) for bar in bars
    ]
    wide, narrow = (
        svg_chart.horizontal_bar_chart(canvas, drawn, title, lang)
        for canvas in (svg_chart.WIDE, svg_chart.NARROW)
    )
    return svg_chart.chart(title, [], narrow, wide)


def show(results: Results, lang: Language) -> None:
    """The platform picker (the platform shown, kept in the link), the table and the chart."""
    platforms = results.scenario.platforms
    first, last = measures.widest_total(results.scenario)
    platform = state.platform_picker(KEY_PLATFORM, t(lang, "platform_shown"), platforms, lang)
    st.caption(t(lang, "parties_help", first=first, last=last))
    frame = parties_frame(results, platform, lang)
    tables.show(frame, "parties", numbers_from=2)
    bars = money_bars(results, platform, lang)
    if bars:
        name = text_in(platforms[platform].name, lang)
        title = t(lang, "chart_parties", first=first, last=last, platform=name)
        st.html(parties_chart(bars, title, lang))
