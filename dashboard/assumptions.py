"""The assumptions a director moves: the hourly wage and each platform's licence price and
development cost as inputs, and each course's parameters as an editable table by year, all
with units and sources; plus the list of every input of the scenario.

Numbers are typed as text and read in the page's notation (`80,5` on the Dutch page, `80.5` on
the English page; see `i18n.read_number`): a browser's number box drops a comma it does not
expect (`80,5` became 805), and so does the table's number editor under an English browser.
Text that does not read is refused with the reason under its box or table. Only inputs that act
are offered, and a year is one box, not a row by year (see `edits`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from businesscase import ParameterEntry, activities, text_in
from dashboard import tables
from dashboard.edits import (
    Edit,
    course_entries,
    course_single_entries,
    quick_entries,
    shown_values,
    steps,
)
from dashboard.i18n import Language, label, quantity, t, typed_text, unit_text
from dashboard.sources import Evaluated
from dashboard.state import course_key, quick_key, refused, write_box

PARAMETER, UNIT, SOURCE = "parameter", "unit", "source"
ROW_HEIGHT = 35
"""Streamlit's row height in pixels, to size a course table so that it shows every row."""


def input_help(entry: ParameterEntry, lang: Language) -> str:
    """The tooltip of an input: what it means, its source and the file line that set it, in
    the language (a source is quoted as the file writes it)."""
    parts = [entry.description_nl if lang == "nl" else entry.description]
    if entry.source:
        parts.append(f"{t(lang, 'source')}: {entry.source}")
    parts.append(f"{t(lang, 'set_in')}: {text_in(entry.origin, lang)}")
    parts.append(t(lang, "typing_help"))
    return "\n\n".join(part for part in parts if part)


def input_label(entry: ParameterEntry, lang: Language) -> str:
    """`Hourly wage (€/h)`."""
    return f"{label(entry, lang)} ({unit_text(entry.unit, lang)})"


def text_box(entry: ParameterEntry, edit: Edit | None, lang: Language) -> None:
    """A keyed box that starts at the file's (or the edited) value in the page's notation
    (`75,00` in Dutch), read by `i18n.read_number`; a refusal shows under it."""
    key = quick_key(entry.key)
    if key not in st.session_state:
        write_box(entry, edit, lang)
    st.text_input(input_label(entry, lang), key=key, help=input_help(entry, lang))
    why = refused().boxes.get(key)
    if why is not None:
        st.error(why.message(lang), icon=":material/error:")
    if not np.all(entry.values == entry.values[0]):
        st.caption(t(lang, "varies", written=values_text(entry.values, entry, lang)))


def show_quick_inputs(base: Evaluated, edits: Mapping[str, Edit], lang: Language) -> None:
    """The hourly wage, then per platform scenario its licence price and development cost."""
    entries = quick_entries(base)
    st.subheader(t(lang, "assumptions"))
    platforms = base.loaded.scenario.platforms
    for entry in entries:
        if entry.path[0] != "platforms":
            text_box(entry, edits.get(entry.key), lang)
    for pid, platform in platforms.items():
        mine = [e for e in entries if e.path[:2] == ("platforms", pid)]
        if mine:
            with st.expander(text_in(platform.name, lang)):
                for entry in mine:
                    text_box(entry, edits.get(entry.key), lang)


def year_column(year: int) -> str:
    """The course table's column of a year: `"3"`, as the edit state names it."""
    return str(year)


def _row_label(entry: ParameterEntry, lang: Language) -> str:
    """An input's label in an activity's table; a route's input names its route."""
    path = entry.path
    if "routes" in path[:-1]:
        route = path[path.index("routes") + 1]
        return f"{label(entry, lang)} · {route}"
    return label(entry, lang)


def course_frame(
    entries: list[ParameterEntry], edits: Mapping[str, Edit], horizon: int, lang: Language
) -> pd.DataFrame:
    """One row per course parameter: label, unit, its value in each year as text in the page's
    notation (percentages in %: `40`, hours `0,5` in Dutch), and its source."""
    rows = [
        {
            PARAMETER: _row_label(entry, lang),
            UNIT: unit_text(entry.unit, lang),
            **dict(
                zip(
                    map(year_column, range(1, horizon + 1)),
                    (
                        typed_text(value, lang, money_like=entry.unit.startswith("EUR"))
                        for value in shown_values(entry, edits.get(entry.key))
                    ),
                    strict=True,
                )
            ),
            SOURCE: entry.source or text_in(entry.origin, lang),
        }
        for entry in entries
    ]
    return pd.DataFrame(
        rows, columns=[PARAMETER, UNIT, *map(year_column, range(1, horizon + 1)), SOURCE]
    )


def show_course_tables(base: Evaluated, edits: Mapping[str, Edit], lang: Language) -> None:
    """An editable table per course (year cells are text, read in the page's notation), with
    the cells refused under it, then the course's inputs that are one value (growth from year);
    the edits are folded into the state on the next run."""
    scenario = base.loaded.scenario
    horizon = scenario.horizon_years
    st.subheader(t(lang, "course_tables"))
    st.caption(f"{t(lang, 'course_tables_help')} {t(lang, 'typing_help')}")
    config = {
        PARAMETER: st.column_config.TextColumn(t(lang, "parameter"), disabled=True, pinned=True),
        UNIT: st.column_config.TextColumn(t(lang, "unit"), disabled=True),
        SOURCE: st.column_config.TextColumn(t(lang, "source"), disabled=True),
        **{
            year_column(year): st.column_config.TextColumn(t(lang, "year_n", year=year))
            for year in range(1, horizon + 1)
        },
    }
    for activity in activities(scenario):
        course_id = activity.id
        st.markdown(f"**{text_in(activity.name, lang)}**")
        frame = course_frame(course_entries(base, course_id), edits, horizon, lang)
        st.data_editor(
            frame,
            key=course_key(course_id),
            hide_index=True,
            column_config=config,
            height=ROW_HEIGHT * (len(frame) + 1) + 3,
        )
        for cell in refused().cells.get(course_key(course_id), []):
            reason = cell.why.message(lang)
            parameter = label(cell.entry, lang)
            st.error(t(lang, "cell_refused", parameter=parameter, year=cell.year, reason=reason))
        singles = course_single_entries(base, course_id)
        if singles:
            columns = st.columns(min(len(singles), 3) + 1)
            for index, entry in enumerate(singles):
                with columns[index % (len(columns) - 1)]:
                    text_box(entry, edits.get(entry.key), lang)
            st.caption(t(lang, "one_value"))


def values_text(values: Sequence[float] | np.ndarray, entry: ParameterEntry, lang: Language) -> str:
    """An input's values by year as a reader says them: `€75.00/h`, `40%`, or when they change
    over the years `3 sessions in years 1-2, 4 sessions from year 3`."""
    runs = steps([float(v) for v in np.atleast_1d(values)])
    parts = []
    for index, (first, last, value) in enumerate(runs):
        amount = quantity(value, entry.unit, lang)
        if len(runs) == 1:
            return amount
        if index == len(runs) - 1:
            parts.append(t(lang, "from_year", value=amount, year=first))
        elif first == last:
            parts.append(t(lang, "in_year_only", value=amount, year=first))
        else:
            parts.append(t(lang, "in_years", value=amount, first=first, last=last))
    return ", ".join(parts)


def inputs_frame(current: Evaluated, lang: Language) -> pd.DataFrame:
    """Every input of the current state: label, key, value with unit, source and where set."""
    rows = [
        [
            label(e, lang),
            e.key,
            values_text(e.values, e, lang),
            e.source or "",
            text_in(e.origin, lang),
        ]
        for e in current.entries
    ]
    columns = [
        t(lang, "parameter"),
        t(lang, "key"),
        t(lang, "value"),
        t(lang, "source"),
        t(lang, "set_in"),
    ]
    return pd.DataFrame(rows, columns=columns)


def show_inputs(current: Evaluated, lang: Language) -> None:
    """Every input in an expander, built only when it is open."""
    everything = st.expander(t(lang, "all_inputs"), key="all_inputs", on_change="rerun")
    if everything.open:
        with everything:
            tables.show(inputs_frame(current, lang), numbers_from=5)
