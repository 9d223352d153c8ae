"""Explain a figure: pick a line and a year, and see the engine's trace of it: the formula, the
value, each input with its value, source and file line, and each line it reads."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from businesscase import LineTrace, ParameterEntry, Results, explain
from dashboard.headline import money_columns
from dashboard.i18n import Language, label, money, number, quantity, t, unit_text
from dashboard.sources import Evaluated

KEY_LINE, KEY_YEAR = "explain_line", "explain_year"


def default_line(results: Results) -> str:
    """The first platform scenario's cumulative balance: the figure a director asks about."""
    return f"{results.platform_ids[0]}.cumulative"


def line_text(results: Results, key: str, lang: Language) -> str:
    """`Cumulative balance, Average of ... (average.cumulative)` for the picker."""
    line = results.lines[key]
    owner = ""
    if line.platform is not None:
        owner = f", {results.scenario.platforms[line.platform].name}"
    elif line.course is not None:
        owner = f", {results.scenario.courses[line.course].name}"
    return f"{label(line.spec, lang)}{owner} ({key})"


def figure_text(value: float, unit: str, lang: Language) -> str:
    """A line's value with its unit: euros as money, other units as a number."""
    return money(value, lang) if unit == "EUR" else f"{number(value, lang)} {unit_text(unit, lang)}"


def _in_year(values: np.ndarray, year: int) -> float:
    return float(values[year - 1]) if values.ndim else float(values)


def values_frame(trace: LineTrace, lang: Language) -> pd.DataFrame:
    """The line's value in every year, as one row."""
    cells = [figure_text(v, trace.unit, lang) for v in trace.values]
    columns = [t(lang, "year_n", year=y) for y in trace.years]
    return pd.DataFrame([cells], columns=columns)


def inputs_frame(trace: LineTrace, year: int, lang: Language) -> pd.DataFrame:
    """The inputs the formula reads: label, key, value in the year, source and where set."""

    def row(entry: ParameterEntry) -> list[str]:
        value = quantity(_in_year(entry.values, year), entry.unit, lang)
        return [label(entry, lang), entry.key, value, entry.source or "", entry.origin]

    columns = [t(lang, "parameter"), "key", t(lang, "value"), t(lang, "source"), t(lang, "set_in")]
    return pd.DataFrame([row(entry) for entry in trace.inputs], columns=columns)


def lines_frame(trace: LineTrace, results: Results, year: int, lang: Language) -> pd.DataFrame:
    """The lines the formula reads: label, key, value in the year, and their own formula."""
    rows = [
        [
            label(results.lines[line.key].spec, lang),
            line.key,
            figure_text(_in_year(line.values, year), line.unit, lang),
            line.formula,
        ]
        for line in trace.lines
    ]
    columns = [t(lang, "line"), "key", t(lang, "value"), t(lang, "formula")]
    return pd.DataFrame(rows, columns=columns)


def pick(key: str) -> None:
    """Explain another line (a callback: it runs before the picker is drawn)."""
    st.session_state[KEY_LINE] = key


def show(current: Evaluated, lang: Language) -> None:
    """The picker, then the trace of the chosen line in the chosen year."""
    results = current.results
    keys = list(results.lines)
    if st.session_state.get(KEY_LINE) not in keys:
        st.session_state[KEY_LINE] = default_line(results)
    left, right = st.columns([4, 1])
    with left:
        key = st.selectbox(
            t(lang, "explain_pick"),
            keys,
            key=KEY_LINE,
            format_func=lambda k: line_text(results, k, lang),
        )
    with right:
        years = [int(y) for y in results.years]
        if st.session_state.get(KEY_YEAR) not in years:
            st.session_state[KEY_YEAR] = years[-1]
        year = st.selectbox(t(lang, "year"), years, key=KEY_YEAR)
    trace = explain(current.loaded, results, key)
    value = figure_text(_in_year(trace.values, year), trace.unit, lang)
    name = line_text(results, key, lang)
    st.markdown(f"#### {t(lang, 'in_year', label=name, year=year)}: {value}")
    st.markdown(f"**{t(lang, 'formula')}**")
    st.code(f"{key} = {trace.formula}", language=None, wrap_lines=True)
    if trace.pin is not None:
        st.info(
            t(
                lang,
                "pinned",
                value=money(trace.pin.value, lang),
                years=", ".join(map(str, trace.pin.years)),
                reason=trace.pin.reason,
            )
        )
    values = values_frame(trace, lang)
    st.dataframe(values, hide_index=True, column_config=money_columns(values, 0))
    if trace.inputs:
        st.markdown(f"**{t(lang, 'inputs_read')}**")
        st.dataframe(inputs_frame(trace, year, lang), hide_index=True)
    if trace.lines:
        st.markdown(f"**{t(lang, 'lines_read')}**")
        st.dataframe(lines_frame(trace, results, year, lang), hide_index=True)
        for line in trace.lines:
            st.button(
                t(lang, "explain_this", label=line_text(results, line.key, lang)),
                key=f"explain:{line.key}",
                on_click=pick,
                args=(line.key,),
                type="tertiary",
                icon=":material/subdirectory_arrow_right:",
            )
