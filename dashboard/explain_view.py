"""Explain a figure: find a line (by part of its name in either language, by a figure as a table
shows it, or by its key), pick it and a year, and see the engine's trace of it: the formula,
the value, each input with its value, source and file line, and each line it reads."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from businesscase import LineTrace, ParameterEntry, Results, activities, explain, text_in
from dashboard import tables
from dashboard.i18n import (
    LANGUAGES,
    Language,
    Unreadable,
    input_columns,
    label,
    money,
    number,
    quantity,
    quoted,
    read_number,
    t,
    unit_text,
)
from dashboard.sources import Evaluated

KEY_LINE, KEY_YEAR, KEY_FIND = "explain_line", "explain_year", "explain_find"


def default_line(results: Results) -> str:
    """The first platform scenario's cumulative balance: the figure a director asks about."""
    return f"{results.platform_ids[0]}.cumulative"


def line_text(results: Results, key: str, lang: Language) -> str:
    """`Cumulative balance, Average of ... (average.cumulative)` for the picker."""
    line = results.lines[key]
    owner = ""
    if line.platform is not None:
        owner = f", {text_in(results.scenario.platforms[line.platform].name, lang)}"
    elif line.activity is not None:
        names = {a.path: text_in(a.name, lang) for a in activities(results.scenario)}
        owner = f", {names[line.activity]}"
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
        origin = text_in(entry.origin, lang)
        return [label(entry, lang), entry.key, value, entry.source or "", origin]

    columns = input_columns(lang)
    return pd.DataFrame([row(entry) for entry in trace.inputs], columns=columns)


def lines_frame(trace: LineTrace, results: Results, year: int, lang: Language) -> pd.DataFrame:
    """The lines the formula reads: label, key, value in the year, and their own formula."""
    rows = [
        [
            label(results.lines[line.key].spec, lang),
            line.key,
            figure_text(_in_year(line.values, year), line.unit, lang),
            text_in(line.formula, lang),
        ]
        for line in trace.lines
    ]
    columns = [t(lang, "line"), t(lang, "key"), t(lang, "value"), t(lang, "formula")]
    return pd.DataFrame(rows, columns=columns)


def typed_numbers(text: str) -> set[float]:
    """Every number a search text can mean, in either notation: `16114` is 16114, `16.114`
    is 16114 (Dutch) or 16.114 (English), `€ 16.114,00` is 16114; text is none."""
    bare = text.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    found: set[float] = set()
    for lang in LANGUAGES:
        try:
            found.add(read_number(bare, lang))
        except Unreadable as why:
            if why.reason == "number_ambiguous":  # a lone group of three: both readings
                found.add(float(why.fields["whole"]))
    return found


def _same(value: float, wanted: float) -> bool:
    """Whether a figure is the one typed, at the precision typed: a whole number matches the
    figure in whole euros (or units), else to the cent; a positive number matches either sign."""
    shown = value if wanted < 0 else abs(value)
    if float(wanted).is_integer():
        return abs(shown - wanted) < 0.5
    return abs(shown - wanted) < 0.005


def value_match(results: Results, key: str, wanted: set[float], lang: Language) -> str | None:
    """Where a line holds a typed figure, as the page says it (`€ 16.114,00 over jaar 1-6`):
    its reported totals first, then its years; None if nowhere."""
    unit = results.lines[key].unit
    totals = results.totals(key) or []
    for (first, last), total in zip(results.scenario.totals, totals, strict=False):
        if any(_same(float(total), w) for w in wanted):
            value = figure_text(float(total), unit, lang)
            return t(lang, "match_total", value=value, first=first, last=last)
    values = np.atleast_1d(results.values[key])
    for year, value in zip(results.years, values, strict=False):
        if any(_same(float(value), w) for w in wanted):
            shown = figure_text(float(value), unit, lang)
            return t(lang, "match_year", value=shown, year=int(year))
    return None


def matches(results: Results, text: str, lang: Language) -> dict[str, str]:
    """The lines a search finds, by key, each with where it holds the figure typed (empty for
    a match by name or key): every word typed in its label with its owner and key, each word
    in English or in Dutch (`aanschaf fictitious`), or a figure of the line. Every line for an
    empty search."""
    wanted = text.strip()
    if not wanted:
        return dict.fromkeys(results.lines, "")
    words = wanted.casefold().split()
    numbers = typed_numbers(wanted)
    found: dict[str, str] = {}
    for key in results.lines:
        names = [line_text(results, key, other).casefold() for other in LANGUAGES]
        if all(any(word in name for name in names) for word in words):
            found[key] = ""
            continue
        where = value_match(results, key, numbers, lang) if numbers else None
        if where is not None:
            found[key] = where
    return found


def pick(key: str) -> None:
    """Explain another line (a callback: it runs before the picker is drawn); the search is
    cleared, so the line is among those offered."""
    st.session_state[KEY_LINE] = key
    st.session_state[KEY_FIND] = ""


def show(current: Evaluated, lang: Language) -> None:
    """The picker, then the trace of the chosen line in the chosen year."""
    results = current.results
    text = st.text_input(t(lang, "explain_find"), key=KEY_FIND, help=t(lang, "explain_find_help"))
    found = matches(results, text, lang)
    if text.strip() and found:
        key_text = "explain_found_one" if len(found) == 1 else "explain_found"
        st.caption(t(lang, key_text, count=len(found), text=quoted(text.strip())))
    elif text.strip():
        st.caption(t(lang, "explain_none", text=quoted(text.strip())))
        found = matches(results, "", lang)
    keys = list(found)
    if st.session_state.get(KEY_LINE) not in keys:
        st.session_state[KEY_LINE] = default_line(results) if not text.strip() else keys[0]

    def shown(k: str) -> str:
        return (
            f"{line_text(results, k, lang)} · {found[k]}"
            if found[k]
            else line_text(results, k, lang)
        )

    left, right = st.columns([4, 1])
    with left:
        key = st.selectbox(
            t(lang, "explain_pick"),
            keys,
            key=KEY_LINE,
            format_func=shown,
            placeholder=t(lang, "choose_option"),
        )
    with right:
        years = [int(y) for y in results.years]
        if st.session_state.get(KEY_YEAR) not in years:
            st.session_state[KEY_YEAR] = years[-1]
        year = st.selectbox(
            t(lang, "year"), years, key=KEY_YEAR, placeholder=t(lang, "choose_option")
        )
    trace = explain(current.loaded, results, key)
    value = figure_text(_in_year(trace.values, year), trace.unit, lang)
    name = line_text(results, key, lang)
    st.markdown(f"#### {t(lang, 'in_year', label=name, year=year)}: {value}")
    st.markdown(f"**{t(lang, 'formula')}**")
    st.code(f"{key} = {text_in(trace.formula, lang)}", language=None, wrap_lines=True)
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
    tables.show(values, "explain-values", numbers_from=0)
    if trace.inputs:
        st.markdown(f"**{t(lang, 'inputs_read')}**")
        tables.show(inputs_frame(trace, year, lang), "explain-inputs", numbers_from=5)
    if trace.lines:
        st.markdown(f"**{t(lang, 'lines_read')}**")
        tables.show(lines_frame(trace, results, year, lang), "explain-lines", numbers_from=4)
        for line in trace.lines:
            st.button(
                t(lang, "explain_this", label=line_text(results, line.key, lang)),
                key=f"explain:{line.key}",
                on_click=pick,
                args=(line.key,),
                type="tertiary",
                icon=":material/subdirectory_arrow_right:",
            )
