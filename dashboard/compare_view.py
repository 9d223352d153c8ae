"""Two scenarios side by side (a file, an upload or the current state with its edits), with
the difference per year and per line as the engine's `compare` finds it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from babel.numbers import format_decimal

from businesscase import (
    COST_LINES,
    RESULT_LINES,
    SAVINGS_LINES,
    Comparison,
    Line,
    LineChange,
    activities,
    compare,
    text_in,
)
from dashboard import tables
from dashboard.headline import cards
from dashboard.i18n import LOCALES, Language, label, money, number, t, unit_text
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


def side_by_side_frames(
    a: Evaluated, b: Evaluated, lang: Language
) -> list[tuple[str, pd.DataFrame]]:
    """Both headlines, per platform scenario (named as B names it, else A): a row per figure
    with A's value beside B's; `-` where one has no such platform scenario. Three columns, so
    that a phone shows the break-even of both."""
    cards_a = {card.platform: card for card in cards(a.results, lang)}
    cards_b = {card.platform: card for card in cards(b.results, lang)}
    figures = list(
        dict.fromkeys(text for c in [*cards_a.values(), *cards_b.values()] for text, _ in c.figures)
    )
    found = []
    for pid in dict.fromkeys([*cards_a, *cards_b]):
        shown_a = dict(cards_a[pid].figures) if pid in cards_a else {}
        shown_b = dict(cards_b[pid].figures) if pid in cards_b else {}
        rows = [[f, shown_a.get(f, "-"), shown_b.get(f, "-")] for f in figures]
        frame = pd.DataFrame(rows, columns=[t(lang, "figure"), "A", "B"])
        found.append(((cards_b.get(pid) or cards_a[pid]).name, frame))
    return found


def inputs_frame(
    comparison: Comparison, a: Evaluated, b: Evaluated, lang: Language
) -> pd.DataFrame:
    """The settings (names, descriptions, courses and platform scenarios only one has, what
    an average averages, ...) and the inputs written differently in A and B, labelled in the
    language."""
    entries = {e.key: e for e in [*a.entries, *b.entries]}

    def absent(side: str, written: str, only_in: str | None) -> str:
        return t(lang, "absent") if only_in is not None and only_in != side else written

    rows = [
        [
            s.label_nl if lang == "nl" else s.label,
            s.key,
            "",
            absent("A", as_written(s.before, lang), s.only_in),
            absent("B", as_written(s.after, lang), s.only_in),
        ]
        for s in comparison.settings
    ]
    rows += [
        [
            label(entries[c.key], lang),
            c.key,
            unit_text(c.unit, lang),
            as_written(c.before, lang),
            as_written(c.after, lang),
        ]
        for c in comparison.inputs
    ]
    columns = [t(lang, "parameter"), t(lang, "key"), t(lang, "unit"), "A", "B"]
    return pd.DataFrame(rows, columns=columns)


ENGINE_WORDS = {t("en", key): key for key in ("not_pinned", "setting_given", "setting_none")}
"""The comparison's own words for a value no file writes, by their text key."""


def as_written(text: str, lang: Language) -> str:
    """A value as a file writes it (a name given per language in the page's language), or the
    comparison's word for one no file writes (`not set (computed)`, `(none)`) in the page's
    language."""
    key = ENGINE_WORDS.get(text)
    return t(lang, key) if key is not None else text_in(text, lang)


def pin_text(side: Evaluated, key: str, written: str, lang: Language) -> str:
    """A pin as the comparison states it (`900.00 in years 1-6 (Erratum E1)`), on the Dutch
    page in Dutch (`900,00 in jaar 1-6 (Erratum E1)`, `niet vastgezet (berekend)`)."""
    if lang == "en":
        return written
    pin = side.results.pins.get(key)
    if pin is None:
        return t(lang, "not_pinned")
    runs = ", ".join(
        f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0])
        for run in _runs(sorted(int(y) for y in pin.years))
    )
    value = format_decimal(pin.value, format="#,##0.00", locale=LOCALES[lang])
    reason = pin.reason.split(":")[0]
    return t(lang, "pin_text", value=value, years=runs, reason=reason)


def _runs(years: list[int]) -> list[list[int]]:
    """Sorted years as runs of consecutive years."""
    found: list[list[int]] = []
    for year in years:
        if found and year == found[-1][-1] + 1:
            found[-1].append(year)
        else:
            found.append([year])
    return found


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
        return line.activity is None and line.name in SAVINGS_LINES
    return line.name in COST_LINES


def _rank(line: Line, a: Evaluated, b: Evaluated) -> tuple[int, int]:
    """Shared lines first, then per course, then per platform in the file's order."""
    if line.platform is not None:
        order = list(dict.fromkeys([*b.results.platform_ids, *a.results.platform_ids]))
        return 2, order.index(line.platform)
    if line.activity is not None:
        ids = [x.path for r in (b, a) for x in activities(r.results.scenario)]
        return 1, list(dict.fromkeys(ids)).index(line.activity)
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
            owner = text_in(platforms[line.platform].name, lang)
        elif line.activity is not None:
            both = [x for side in (a, b) for x in activities(side.results.scenario)]
            owner = {x.path: text_in(x.name, lang) for x in both}[line.activity]
        cells = [
            _amount(changes[y].difference, line.unit, lang) if y in changes else "" for y in years
        ]
        rows.append([owner, label(line.spec, lang), *cells])
    columns = [t(lang, "owner"), t(lang, "line"), *(t(lang, "year_n", year=y) for y in years)]
    return pd.DataFrame(rows, columns=columns)


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
            placeholder=t(lang, "choose_option"),
        )
    with right:
        option_b = st.selectbox(
            t(lang, "compare_b"),
            choices,
            index=len(choices) - 1,
            key=KEY_B,
            format_func=lambda o: option_text(o, lang),
            placeholder=t(lang, "choose_option"),
        )
    a = evaluate_option(option_a, current, uploads)
    b = evaluate_option(option_b, current, uploads)
    name_a, name_b = (text_in(side.loaded.scenario.name, lang) for side in (a, b))
    st.markdown(f"**A**: {name_a}  \n**B**: {name_b}")
    pairs = side_by_side_frames(a, b, lang)
    for start in range(0, len(pairs), 2):
        for column, (name, frame) in zip(st.columns(2), pairs[start : start + 2], strict=False):
            with column:
                st.markdown(f"**{name}**")
                tables.show(frame, f"compare-{start}-{name}")
    comparison = compare(a.loaded, a.results, b.loaded, b.results)
    if comparison.same:
        st.success(t(lang, "compare_same"))
        return
    if comparison.settings or comparison.inputs:
        st.markdown(HEADING % t(lang, "inputs_changed"))
        tables.show(inputs_frame(comparison, a, b, lang), "compare-inputs", numbers_from=5)
    if comparison.pins:
        st.markdown(HEADING % t(lang, "pins_changed"))
        pins = [
            [p.key, pin_text(a, p.key, p.before, lang), pin_text(b, p.key, p.after, lang)]
            for p in comparison.pins
        ]
        pins_frame = pd.DataFrame(pins, columns=[t(lang, "line"), "A", "B"])
        tables.show(pins_frame, "compare-pins", numbers_from=3)
    st.markdown(HEADING % t(lang, "difference_per_year"))
    per_year = difference_frame(comparison, a, b, is_result_line, lang)
    tables.show(per_year, "compare-per-year", numbers_from=2)
    st.markdown(HEADING % t(lang, "difference_per_line"))
    everything = st.toggle(t(lang, "all_lines"), key=KEY_ALL)
    wanted = (lambda line: True) if everything else is_saving_or_cost_line
    per_line = difference_frame(comparison, a, b, wanted, lang)
    tables.show(per_line, "compare-per-line", numbers_from=2)
