"""Two scenarios side by side (a file, an upload or the current state with its edits), with
the difference per year and per line as the engine's `compare` finds it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from businesscase import (
    COST_LINES,
    RESULT_LINES,
    SAVINGS_LINES,
    Comparison,
    Line,
    LineChange,
    compare,
)
from dashboard.headline import cards, money_columns
from dashboard.i18n import Language, label, money, number, t, unit_text
from dashboard.sources import FILE, UPLOAD, Evaluated, choice_name, evaluate_choice, scenario_files

CURRENT = "current"
PUBLISHED = FILE + "kwadraad-2013-published.yaml"
KEY_A, KEY_B, KEY_ALL = "compare_a", "compare_b", "compare_all_lines"
HEADING = "#### %s"


def options(uploads: dict[str, bytes]) -> list[str]:
    """What can be compared: every scenario file, every upload, and the current state."""
    return [*(FILE + f for f in scenario_files()), *(UPLOAD + n for n in uploads), CURRENT]


def option_text(option: str, lang: Language) -> str:
    """`kwadraad-2013-published.yaml (file)`, `ours.yaml (uploaded)` or the current state."""
    if option == CURRENT:
        return t(lang, "current")
    kind = "upload_option" if option.startswith(UPLOAD) else "file_option"
    return t(lang, kind, name=choice_name(option))


def evaluate_option(option: str, current: Evaluated, uploads: dict[str, bytes]) -> Evaluated:
    """The scenario an option names, as its file gives it (the current state with its edits)."""
    return current if option == CURRENT else evaluate_choice(option, uploads)


def side_by_side_frame(a: Evaluated, b: Evaluated, lang: Language) -> pd.DataFrame:
    """Both headlines in one table: per platform scenario each figure of A next to B's."""
    cards_a = {card.platform: card for card in cards(a.results, lang)}
    cards_b = {card.platform: card for card in cards(b.results, lang)}
    platforms = list(dict.fromkeys([*cards_a, *cards_b]))
    figures = list(
        dict.fromkeys(text for c in [*cards_a.values(), *cards_b.values()] for text, _ in c.figures)
    )
    rows = []
    for pid in platforms:
        shown_a = dict(cards_a[pid].figures) if pid in cards_a else {}
        shown_b = dict(cards_b[pid].figures) if pid in cards_b else {}
        name = (cards_b.get(pid) or cards_a[pid]).name
        rows.append(
            [name, *(v for f in figures for v in (shown_a.get(f, "-"), shown_b.get(f, "-")))]
        )
    columns = [t(lang, "platform"), *(f"{f} ({side})" for f in figures for side in "AB")]
    return pd.DataFrame(rows, columns=columns)


def inputs_frame(
    comparison: Comparison, a: Evaluated, b: Evaluated, lang: Language
) -> pd.DataFrame:
    """The settings (names, descriptions, courses and platform scenarios only one has, what
    an average averages, ...) and the inputs written differently in A and B, labelled in the
    language."""
    entries = {e.key: e for e in [*a.entries, *b.entries]}
    rows = [
        [s.label_nl if lang == "nl" else s.label, s.key, "", s.before, s.after]
        for s in comparison.settings
    ]
    rows += [
        [label(entries[c.key], lang), c.key, unit_text(c.unit, lang), c.before, c.after]
        for c in comparison.inputs
    ]
    columns = [t(lang, "parameter"), "key", t(lang, "unit"), "A", "B"]
    return pd.DataFrame(rows, columns=columns)


def _line(key: str, a: Evaluated, b: Evaluated) -> Line:
    return b.results.lines[key] if key in b.results.lines else a.results.lines[key]


def _amount(value: float | None, unit: str, lang: Language) -> str:
    if value is None:
        return "-"
    return money(value, lang) if unit == "EUR" else f"{number(value, lang)} {unit_text(unit, lang)}"


def is_result_line(line: Line) -> bool:
    """Savings, costs, balance or cumulative balance of a platform scenario."""
    return line.platform is not None and line.name in RESULT_LINES


def is_saving_or_cost_line(line: Line) -> bool:
    """A saving by kind (shared by every platform) or a platform scenario's cost by kind."""
    if line.platform is None:
        return line.course is None and line.name in SAVINGS_LINES
    return line.name in COST_LINES


def _rank(line: Line, a: Evaluated, b: Evaluated) -> tuple[int, int]:
    """Shared lines first, then per course, then per platform in the file's order."""
    if line.platform is not None:
        order = list(dict.fromkeys([*b.results.platform_ids, *a.results.platform_ids]))
        return 2, order.index(line.platform)
    if line.course is not None:
        order = list(dict.fromkeys([*b.results.scenario.courses, *a.results.scenario.courses]))
        return 1, order.index(line.course)
    return 0, 0


def difference_frame(
    comparison: Comparison,
    a: Evaluated,
    b: Evaluated,
    wanted: Callable[[Line], bool],
    lang: Language,
) -> pd.DataFrame:
    """The difference B - A per line and year, for the lines `wanted` picks; an empty cell is
    a year without difference."""
    by_key: dict[str, dict[int, LineChange]] = {}
    for change in comparison.lines:
        if wanted(_line(change.key, a, b)):
            by_key.setdefault(change.key, {})[change.year] = change
    years = comparison.years
    rows = []
    for key in sorted(by_key, key=lambda k: _rank(_line(k, a, b), a, b)):
        changes = by_key[key]
        line = _line(key, a, b)
        owner = ""
        if line.platform is not None:
            platforms = {**a.results.scenario.platforms, **b.results.scenario.platforms}
            owner = platforms[line.platform].name
        elif line.course is not None:
            courses = {**a.results.scenario.courses, **b.results.scenario.courses}
            owner = courses[line.course].name
        cells = [
            _amount(changes[y].difference, line.unit, lang) if y in changes else "" for y in years
        ]
        rows.append([owner, label(line.spec, lang), *cells])
    columns = [t(lang, "owner"), t(lang, "line"), *(t(lang, "year_n", year=y) for y in years)]
    return pd.DataFrame(rows, columns=columns)


def _table(frame: pd.DataFrame, first: int = 2) -> None:
    st.dataframe(frame, hide_index=True, column_config=money_columns(frame, first))


def show(current: Evaluated, uploads: dict[str, bytes], lang: Language) -> None:
    """Choose A and B; show both headlines, then what differs: inputs, pins, lines."""
    choices = options(uploads)
    left, right = st.columns(2)
    with left:
        first = choices.index(PUBLISHED) if PUBLISHED in choices else 0
        option_a = st.selectbox(
            t(lang, "compare_a"),
            choices,
            index=first,
            key=KEY_A,
            format_func=lambda o: option_text(o, lang),
        )
    with right:
        option_b = st.selectbox(
            t(lang, "compare_b"),
            choices,
            index=len(choices) - 1,
            key=KEY_B,
            format_func=lambda o: option_text(o, lang),
        )
    a = evaluate_option(option_a, current, uploads)
    b = evaluate_option(option_b, current, uploads)
    st.markdown(f"**A**: {a.loaded.scenario.name}  \n**B**: {b.loaded.scenario.name}")
    _table(side_by_side_frame(a, b, lang), first=1)
    comparison = compare(a.loaded, a.results, b.loaded, b.results)
    if comparison.same:
        st.success(t(lang, "compare_same"))
        return
    if comparison.settings or comparison.inputs:
        st.markdown(HEADING % t(lang, "inputs_changed"))
        st.dataframe(inputs_frame(comparison, a, b, lang), hide_index=True)
    if comparison.pins:
        st.markdown(HEADING % t(lang, "pins_changed"))
        pins = [[p.key, p.before, p.after] for p in comparison.pins]
        st.dataframe(pd.DataFrame(pins, columns=[t(lang, "line"), "A", "B"]), hide_index=True)
    st.markdown(HEADING % t(lang, "difference_per_year"))
    _table(difference_frame(comparison, a, b, is_result_line, lang))
    st.markdown(HEADING % t(lang, "difference_per_line"))
    everything = st.toggle(t(lang, "all_lines"), key=KEY_ALL)
    wanted = (lambda line: True) if everything else is_saving_or_cost_line
    _table(difference_frame(comparison, a, b, wanted, lang))
