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
    ALL_YEARS,
    ORGANISATION,
    PLATFORM_TABLE,
    Edit,
    changed_years,
    quick_entries,
    shown_values,
    steps,
    table_entries,
    table_ids,
    table_single_entries,
)
from dashboard.i18n import Language, input_columns, label, quantity, t, typed_text, unit_text
from dashboard.sources import Evaluated
from dashboard.state import quick_key, refused, table_key, write_box

PARAMETER, UNIT, SOURCE, CHANGED = "parameter", "unit", "source", "changed"
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


def table_frame(
    entries: list[ParameterEntry], edits: Mapping[str, Edit], horizon: int, lang: Language
) -> pd.DataFrame:
    """One row per parameter: label (marked `✎` when edited), unit, an empty cell to type one
    value for every year, its value in each year as text in the page's notation (percentages
    in %: `40`, hours `0,5` in Dutch), the years an edit changed, and its source."""
    rows = [
        {
            PARAMETER: _marked(_row_label(entry, lang), changed_years(entry, edits.get(entry.key))),
            UNIT: unit_text(entry.unit, lang),
            ALL_YEARS: "",
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
            CHANGED: _changed_text(changed_years(entry, edits.get(entry.key)), lang),
            SOURCE: entry.source or text_in(entry.origin, lang),
        }
        for entry in entries
    ]
    years = map(year_column, range(1, horizon + 1))
    return pd.DataFrame(rows, columns=[PARAMETER, UNIT, ALL_YEARS, *years, CHANGED, SOURCE])


def _marked(label: str, years: list[int]) -> str:
    """A row's label, marked `✎` when an edit changed it: the label column stays in view
    however far the table scrolls, the years it changed are in the Changed column."""
    return f"✎ {label}" if years else label


def _changed_text(years: list[int], lang: Language) -> str:
    """`✎ year 3`, `✎ years 1-6`, `✎ years 2, 4`: the cells an edit changed ('' for none)."""
    if not years:
        return ""
    if len(years) == 1:
        return t(lang, "changed_year", years=years[0])
    runs = steps([float(y - i) for i, y in enumerate(years)])  # consecutive years: one run
    parts = [
        str(years[first - 1]) if first == last else f"{years[first - 1]}-{years[last - 1]}"
        for first, last, _ in runs
    ]
    return t(lang, "changed_years", years=", ".join(parts))


def table_title(evaluated: Evaluated, table: str, lang: Language) -> str:
    """A table's heading: the activity's or platform scenario's name, or the organisation."""
    scenario = evaluated.loaded.scenario
    if table == ORGANISATION:
        return t(lang, "organisation_inputs")
    if table.startswith(PLATFORM_TABLE):
        return text_in(scenario.platforms[table.removeprefix(PLATFORM_TABLE)].name, lang)
    names = {activity.id: activity.name for activity in activities(scenario)}
    return text_in(names[table], lang)


def show_input_tables(base: Evaluated, edits: Mapping[str, Edit], lang: Language) -> None:
    """An editable table per activity, for the organisation and per platform scenario (year
    cells are text, read in the page's notation; a value typed under "all years" sets every
    year), with the cells refused under it, then its inputs that are one value (a year, a
    number of years); the edits are folded into the state on the next run."""
    scenario = base.loaded.scenario
    horizon = scenario.horizon_years
    st.subheader(t(lang, "course_tables"))
    st.caption(f"{t(lang, 'course_tables_help')} {t(lang, 'typing_help')}")
    config = {
        PARAMETER: st.column_config.TextColumn(t(lang, "parameter"), disabled=True, pinned=True),
        UNIT: st.column_config.TextColumn(t(lang, "unit"), disabled=True),
        ALL_YEARS: st.column_config.TextColumn(
            t(lang, "all_years"), help=t(lang, "all_years_help")
        ),
        **{
            year_column(year): st.column_config.TextColumn(t(lang, "year_n", year=year))
            for year in range(1, horizon + 1)
        },
        CHANGED: st.column_config.TextColumn(t(lang, "changed"), disabled=True),
        SOURCE: st.column_config.TextColumn(t(lang, "source"), disabled=True),
    }
    for table in table_ids(base):
        entries = table_entries(base, table)
        singles = table_single_entries(base, table)
        if not entries and not singles:
            continue
        st.markdown(f"**{table_title(base, table, lang)}**")
        if entries:
            frame = table_frame(entries, edits, horizon, lang)
            st.data_editor(
                frame,
                key=table_key(table),
                hide_index=True,
                column_config=config,
                height=ROW_HEIGHT * (len(frame) + 1) + 3,
            )
        for cell in refused().cells.get(table_key(table), []):
            reason = cell.why.message(lang)
            parameter = label(cell.entry, lang)
            if cell.year == 0:  # the all-years cell
                st.error(t(lang, "all_years_refused", parameter=parameter, reason=reason))
            else:
                st.error(
                    t(lang, "cell_refused", parameter=parameter, year=cell.year, reason=reason)
                )
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
    columns = input_columns(lang)
    return pd.DataFrame(rows, columns=columns)


def show_inputs(current: Evaluated, lang: Language) -> None:
    """Every input in an expander, built only when it is open."""
    everything = st.expander(t(lang, "all_inputs"), key="all_inputs", on_change="rerun")
    if everything.open:
        with everything:
            tables.show(inputs_frame(current, lang), "inputs", numbers_from=5)
