"""Goal seek: which value of one or more estimates makes a platform scenario break even by a
chosen year; the answer in words, and a button that makes it the app's edit.

The engine's answer is already a value as a director types it (a whole number, 0.01%, a cent),
on the side that breaks even ("at least 60.24%"), and checked by evaluating the scenario with
it; the button applies exactly that value."""

from __future__ import annotations

import streamlit as st

from businesscase import GoalSeek, KeyPath, ParameterEntry, ScenarioError, text_in
from dashboard import state
from dashboard.analysis import goal_seek, search_bounds
from dashboard.assumptions import values_text
from dashboard.edits import acting, is_step_parameter, is_year_valued
from dashboard.i18n import (
    Language,
    Unreadable,
    money,
    owned_label,
    percent,
    quantity,
    read_number,
    t,
    typed_text,
    unit_text,
)
from dashboard.sources import Evaluated

KEY_PARAMETERS, KEY_PLATFORM, KEY_YEAR = "goal_parameters", "goal_platform", "goal_year"
SIDES: dict[str, str] = {"at least": "goal_at_least", "at most": "goal_at_most"}
"""The app text (`dashboard.i18n.TEXT`) of each side of an answer that breaks even."""


def movable(current: Evaluated) -> list[ParameterEntry]:
    """The inputs goal seek can move: every parameter with values by year that acts (some line
    reads it), not a year or a number of years."""
    live = acting(current)
    return [
        e
        for e in current.entries
        if is_step_parameter(current.loaded, e.path) and e.path in live and not is_year_valued(e)
    ]


def value_text(value: float, unit: str, lang: Language) -> str:
    """A goal-seek value: a percentage to two decimals (`60.23%`), else with its unit."""
    return percent(value, lang, 2) if unit == "%" else quantity(value, unit, lang)


def side_text(answer: GoalSeek, unit: str, lang: Language) -> str:
    """The value found with the side that breaks even: `at least 60.24%`, `hoogstens 12 groepen`."""
    assert answer.value is not None
    shown = value_text(answer.value, unit, lang)
    if answer.side is None:
        return shown
    return t(lang, SIDES[answer.side], value=shown)


def answer_text(
    answer: GoalSeek,
    names: list[str],
    name: str,
    unit: str,
    lang: Language,
    current: str | None = None,
) -> str:
    """The answer in words: the value found (with the side that breaks even), or that no value
    or every value in the bounds breaks even by the year. `current` is the inputs' value now
    as the app writes it (values by year included); the answer's `current` if not given."""
    fields = {
        "platform": name,
        "year": answer.by_year,
        "parameters": f" {t(lang, 'and')} ".join(names),
        "lower": value_text(answer.lower, unit, lang),
        "upper": value_text(answer.upper, unit, lang),
    }
    if answer.value is not None:
        return t(
            lang,
            "goal_found",
            value=side_text(answer, unit, lang),
            current=current if current is not None else value_text(answer.current, unit, lang),
            cumulative=money(answer.best_cumulative, lang),
            **fields,
        )
    if answer.best_cumulative < 0:
        return t(lang, "goal_never", best=money(answer.best_cumulative, lang), **fields)
    return t(lang, "goal_always", **fields)


def _keep_valid(key: str, options: list, default: object) -> None:
    """Reset a picker whose value is not among the options (another scenario was chosen)."""
    value = st.session_state.get(key)
    valid = all(v in options for v in value) if isinstance(value, list) else value in options
    if key not in st.session_state or not valid:
        st.session_state[key] = default


BOUNDS_LANGUAGE = "goal_bounds_language"
"""The language whose notation the bound boxes hold."""
BOUND_UNITS = "goal_bound_units"
"""The unit of each bound box, by its key: how to write it anew in another notation."""


def _bound_box(key: str, text_key: str, default: float, unit: str, lang: Language) -> float:
    """A search bound typed as text in the page's notation (`25` %, `75,00` €/h in Dutch),
    read by `i18n.read_number`; text that does not read is refused under the box and the
    default bound is used."""
    scale = 100.0 if unit == "%" else 1.0
    st.session_state.setdefault(BOUND_UNITS, {})[key] = unit
    if key not in st.session_state:
        st.session_state[key] = typed_text(default * scale, lang, unit.startswith("EUR"))
    shown = "%" if unit == "%" else unit_text(unit, lang)
    text = st.text_input(t(lang, text_key, unit=shown), key=key, help=t(lang, "typing_help"))
    try:
        return read_number(text, lang, percent=unit == "%") / scale
    except Unreadable as why:
        st.error(why.message(lang), icon=":material/error:")
        return default


def _rewrite_bounds(lang: Language) -> None:
    """After a language switch, write the bound boxes anew in the new notation (a box whose
    text did not read starts again at its default)."""
    was = st.session_state.get(BOUNDS_LANGUAGE, lang)
    st.session_state[BOUNDS_LANGUAGE] = lang
    if was == lang:
        return
    for key, unit in st.session_state.get(BOUND_UNITS, {}).items():
        text = st.session_state.get(key)
        if not isinstance(text, str):
            continue
        try:
            value = read_number(text, was, percent=unit == "%")
        except Unreadable:
            del st.session_state[key]
            continue
        st.session_state[key] = typed_text(value, lang, unit.startswith("EUR"))


def _bounds(
    current: Evaluated, paths: tuple[KeyPath, ...], unit: str, lang: Language
) -> tuple[float, float]:
    """The search bounds a director may widen; they start at the estimate's range (or the
    engine's bounds) and are typed in percent for a percentage, in the page's notation."""
    low, high = search_bounds(current, paths)
    suffix = "|".join(".".join(map(str, path)) for path in paths)
    _rewrite_bounds(lang)
    left, right = st.columns(2)
    with left:
        low = _bound_box(f"goal_from:{suffix}", "goal_from", low, unit, lang)
    with right:
        high = _bound_box(f"goal_to:{suffix}", "goal_to", high, unit, lang)
    return low, high


def show(current: Evaluated, base: Evaluated, lang: Language) -> None:
    """Pick estimates, a platform scenario and a year; show the answer and offer to apply it."""
    scenario = current.loaded.scenario
    st.subheader(t(lang, "goal_seek"))
    st.caption(t(lang, "goal_help"))
    entries = {e.key: e for e in movable(current)}
    platforms = scenario.platforms
    years = list(range(1, scenario.horizon_years + 1))
    first = next(iter(platforms))
    now = current.results.break_even_year(first)
    _keep_valid(KEY_PARAMETERS, list(entries), [])
    _keep_valid(KEY_PLATFORM, list(platforms), first)
    _keep_valid(KEY_YEAR, years, max(now - 1, 1) if now else years[-1])
    keys = st.multiselect(
        t(lang, "goal_parameters"),
        list(entries),
        key=KEY_PARAMETERS,
        format_func=lambda key: owned_label(entries[key], scenario, lang),
        placeholder=t(lang, "choose_options"),
    )
    left, right = st.columns([2, 1])
    with left:
        platform = st.selectbox(
            t(lang, "goal_platform"),
            list(platforms),
            key=KEY_PLATFORM,
            format_func=lambda pid: text_in(platforms[pid].name, lang),
            placeholder=t(lang, "choose_option"),
        )
    with right:
        by_year = st.selectbox(
            t(lang, "goal_year"), years, key=KEY_YEAR, placeholder=t(lang, "choose_option")
        )
    if not keys:
        return
    units = {entries[key].unit for key in keys}
    if len(units) > 1:
        st.warning(t(lang, "goal_units"))
        return
    unit = units.pop()
    paths = tuple(entries[key].path for key in keys)
    try:
        answer = goal_seek(current, paths, platform, by_year, _bounds(current, paths, unit, lang))
    except ScenarioError as error:
        st.error("\n".join(problem.text(lang) for problem in error.problems))
        return
    names = [owned_label(entries[key], scenario, lang) for key in keys]
    first_entry = entries[keys[0]]
    varies = len(set(first_entry.values.tolist())) > 1
    written = values_text(first_entry.values, first_entry, lang) if varies else None
    text = answer_text(answer, names, text_in(platforms[platform].name, lang), unit, lang, written)
    if answer.value is None:
        st.warning(text, icon=":material/block:")
        return
    st.success(text, icon=":material/flag:")
    files = {e.key: e for e in base.entries}
    chosen = [files[key] for key in keys if key in files]
    if len(chosen) == len(keys):
        shown = value_text(answer.value, unit, lang)
        st.button(
            t(lang, "goal_apply", value=shown),
            key="goal_apply",
            on_click=state.apply_everywhere,
            args=(chosen, answer.value),
            help=t(lang, "goal_apply_help", value=shown),
            icon=":material/done:",
        )
