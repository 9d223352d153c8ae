"""The app's edits: values a director typed, kept per parameter as values by year and handed to
the loader as typed changes (numbers, never text parsed again), so the engine validates them
and app edits take precedence over the file. Each also reads as the `--set` that does the same
on the command line (`hourly_wage=80`, `courses.ass_jv.online_sessions={1: 3, 3: 5}`).

Only inputs that act are offered, by one rule read from the engine's formulas: an input acts if
some line reads it other than through a product with a partner that is zero in every year (a
price per client where no client is licensed). A year or a number of years (unit `year` or
`years`) is one value for the whole case, edited in one box, not per year."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from businesscase import (
    Change,
    KeyPath,
    Language,
    LoadedScenario,
    Param,
    ParameterEntry,
    acting_inputs,
    activities,
    fraction_of_percent,
    number_text,
    percent_text,
    value_at,
    value_steps,
)
from dashboard.i18n import Unreadable, read_number
from dashboard.sources import Evaluated


@dataclass(frozen=True)
class Edit:
    """A parameter set by the app: its values in years 1..horizon."""

    path: str
    values: tuple[float, ...]
    percent: bool

    @property
    def change(self) -> str:
        """The edit as a `--set` change: `path=80`, `path=45%` or `path={1: 3, 3: 5}`."""
        return f"{self.path}={step_text(self.values, self.percent)}"

    @property
    def typed(self) -> Change:
        """The edit as the loader takes it: one value, or values by first year."""
        runs = steps(self.values)
        path = tuple(self.path.split("."))
        if len(runs) == 1:
            return Change(path, runs[0][2])
        return Change(path, tuple((first, value) for first, _, value in runs))


plain = number_text
"""A number as YAML reads it back exactly: `80`, `0.5`, never `8e+04`."""


steps = value_steps
"""Values by year as runs of equal values: (first year, last year, value)."""


def step_text(values: Sequence[float], percent: bool = False) -> str:
    """Values by year written as the scenario format's step function: one value if they are all
    equal, else `{first year: value, ...}` listing a year only where the value changes."""

    def shown(value: float) -> str:
        return percent_text(value) if percent else plain(value)

    runs = steps(values)
    if len(runs) == 1:
        return shown(runs[0][2])
    return "{" + ", ".join(f"{first}: {shown(value)}" for first, _, value in runs) + "}"


def is_step_parameter(loaded: LoadedScenario, path: tuple[str | int, ...]) -> bool:
    """Whether the input at `path` is a parameter with values by year (not a count of years)."""
    return isinstance(value_at(loaded.scenario, path), Param)


YEAR_UNITS = ("year", "years")


def is_year_valued(entry: ParameterEntry) -> bool:
    """Whether the input is a year or a number of years: one value for the whole case."""
    return entry.unit in YEAR_UNITS


_ACTING: dict[object, set[KeyPath]] = {}


def acting(evaluated: Evaluated) -> set[KeyPath]:
    """`acting_inputs` of a state, worked out once per state (the rule walks every formula)."""
    found = _ACTING.get(evaluated.key)
    if found is None:
        if len(_ACTING) > 64:
            _ACTING.clear()
        found = _ACTING[evaluated.key] = acting_inputs(evaluated.results)
    return found


ORGANISATION = "organisation"
"""The id of the table of the organisation's inputs (wage indexation, VAT, implementation)."""
PLATFORM_TABLE = "platform:"
"""The prefix of a platform scenario's table id (`platform:new-platform`)."""


def table_ids(evaluated: Evaluated) -> list[str]:
    """The tables of inputs edited year by year, in the page's order: each activity's (by its
    id), the organisation's, then each platform scenario's (`platform:` and its id)."""
    scenario = evaluated.loaded.scenario
    return [
        *(activity.id for activity in activities(scenario)),
        ORGANISATION,
        *(PLATFORM_TABLE + pid for pid in scenario.platforms),
    ]


def _table_of(path: KeyPath, blocks: Mapping[tuple[str, str], str]) -> str:
    """The table an input belongs to: its platform scenario's, its activity's (`blocks`: each
    activity's id by its block's key path), or the organisation's."""
    if path[0] == "platforms":
        return PLATFORM_TABLE + str(path[1])
    return blocks.get((str(path[0]), str(path[1])), ORGANISATION) if len(path) > 1 else ORGANISATION


_TABLES: dict[object, dict[str, list[ParameterEntry]]] = {}


def _table_parameters(evaluated: Evaluated, table: str) -> list[ParameterEntry]:
    """A table's parameters that act and hold values by year (amounts paid in named years, a
    different rule, are edited in the file), leaving out those with a box of their own at the
    top (the wage, licence prices and development costs), in the file's order. Every table's
    are sorted out in one pass, once per state (every run folds the tables' edits)."""
    tables = _TABLES.get(evaluated.key)
    if tables is None:
        if len(_TABLES) > 64:
            _TABLES.clear()
        blocks = {a.path: a.id for a in activities(evaluated.loaded.scenario)}
        live = acting(evaluated)
        quick = {entry.path for entry in quick_entries(evaluated)}
        tables = _TABLES[evaluated.key] = {table: [] for table in table_ids(evaluated)}
        for entry in evaluated.entries:
            if (
                entry.path in live
                and entry.path not in quick
                and is_step_parameter(evaluated.loaded, entry.path)
            ):
                tables[_table_of(entry.path, blocks)].append(entry)
    return tables.get(table, [])


def table_entries(evaluated: Evaluated, table: str) -> list[ParameterEntry]:
    """The rows of a table: its inputs that act and have a value per year."""
    return [e for e in _table_parameters(evaluated, table) if not is_year_valued(e)]


def table_single_entries(evaluated: Evaluated, table: str) -> list[ParameterEntry]:
    """A table's inputs that act and are one value for the whole case (a year, a number of
    years), each edited in a box under the table."""
    return [e for e in _table_parameters(evaluated, table) if is_year_valued(e)]


QUICK_PLATFORM_INPUTS = ("licence_per_client", "development_cost")
"""The platform inputs a director weighs when choosing a platform, shown where they act."""


def quick_entries(evaluated: Evaluated) -> list[ParameterEntry]:
    """The hourly wage, then each platform's licence price and development cost, each only
    where it acts (a licence per client only for a platform that licenses clients)."""
    wanted = {("hourly_wage",)} | {
        ("platforms", pid, name)
        for pid in evaluated.loaded.scenario.platforms
        for name in QUICK_PLATFORM_INPUTS
    }
    live = acting(evaluated)
    return [entry for entry in evaluated.entries if entry.path in wanted and entry.path in live]


def single_entries(evaluated: Evaluated) -> list[ParameterEntry]:
    """Every input edited in a box of its own: the quick inputs, then each table's years."""
    return quick_entries(evaluated) + [
        entry for table in table_ids(evaluated) for entry in table_single_entries(evaluated, table)
    ]


def shown_values(entry: ParameterEntry, edit: Edit | None) -> list[float]:
    """A parameter's values by year as a table shows them: percentages in % (40, not 0.4)."""
    values = edit.values if edit else tuple(float(v) for v in entry.values)
    return [float(Decimal(repr(v)) * 100) if entry.is_percentage else v for v in values]


@dataclass(frozen=True)
class TableEdit:
    """A table row after its edited cells: the values by year, and the cells refused (by year,
    with why); a refused cell keeps its value."""

    values: tuple[float, ...]
    refused: dict[int, Unreadable] = field(default_factory=dict)


def cell_value(cell: object, entry: ParameterEntry, lang: Language) -> float | None:
    """A table cell as the table shows it (percentages in %): a number as it is, text read in
    the page's notation (`80,5` on the Dutch page); None for an emptied cell. Raises
    `Unreadable` for text that is not a number there."""
    if cell is None or isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell) if math.isfinite(cell) else None
    if isinstance(cell, str):
        return read_number(cell, lang, percent=entry.is_percentage) if cell.strip() else None
    return None


ALL_YEARS = "all"
"""The column of a table where one value typed sets every year at once."""


def table_edit(
    entry: ParameterEntry, edit: Edit | None, cells: Mapping[str, object], lang: Language = "en"
) -> TableEdit:
    """The values by year after a table edit of some cells (`{"3": "5"}`; `{"all": "5"}` sets
    every year, and a year typed beside it still counts), the text read in the page's
    notation; an emptied cell keeps its value, an unreadable one too and is reported (the
    all-years cell as year 0)."""
    values = shown_values(entry, edit)
    refused: dict[int, Unreadable] = {}
    typed = sorted(cells.items(), key=lambda item: item[0] != ALL_YEARS)  # all years first
    for column, cell in typed:
        every = column == ALL_YEARS
        if not every and (not column.isdigit() or not 1 <= int(column) <= len(values)):
            continue
        try:
            value = cell_value(cell, entry, lang)
        except Unreadable as why:
            refused[0 if every else int(column)] = why
            continue
        if value is not None and every:
            values = [value] * len(values)
        elif value is not None:
            values[int(column) - 1] = value
    fractions = tuple(fraction_of_percent(v) if entry.is_percentage else v for v in values)
    return TableEdit(fractions, refused)


def changed_years(entry: ParameterEntry, edit: Edit | None) -> list[int]:
    """The years in which an edit gives an input another value than the file."""
    if edit is None:
        return []
    file = [float(v) for v in np.broadcast_to(entry.values, (len(edit.values),))]
    return [
        year for year, (was, now) in enumerate(zip(file, edit.values, strict=True), 1) if was != now
    ]


def edited_values(
    entry: ParameterEntry, edit: Edit | None, cells: Mapping[str, object], lang: Language = "en"
) -> tuple[float, ...]:
    """The values by year after a table edit of some year cells (`{"3": 5}`); an emptied or
    unreadable cell keeps its value."""
    return table_edit(entry, edit, cells, lang).values


def typed_value(entry: ParameterEntry, text: str, lang: Language) -> float:
    """What a director typed in an input's box, in the page's notation, as the engine takes it
    (a percentage as a fraction). Raises `Unreadable`."""
    value = read_number(text, lang, percent=entry.is_percentage)
    return fraction_of_percent(value) if entry.is_percentage else value


def quick_values(entry: ParameterEntry, value: float) -> tuple[float, ...]:
    """The values by year a single input means: the file's own (step function included) while
    it shows the file's first-year value, else `value` in every year."""
    if value == float(entry.values[0]):
        return tuple(float(v) for v in entry.values)
    return (float(value),) * entry.values.size


def updated(
    edits: Mapping[str, Edit], entry: ParameterEntry, values: tuple[float, ...]
) -> dict[str, Edit]:
    """The edits with this parameter set to `values`, or dropped if they are the file's."""
    result = dict(edits)
    if values == tuple(float(v) for v in entry.values):
        result.pop(entry.key, None)
    else:
        result[entry.key] = Edit(entry.key, values, entry.is_percentage)
    return result


def everywhere(
    edits: Mapping[str, Edit], entries: Sequence[ParameterEntry], value: float
) -> dict[str, Edit]:
    """The edits with each of these inputs set to `value` in every year."""
    result = dict(edits)
    for entry in entries:
        result = updated(result, entry, (float(value),) * entry.values.size)
    return result


def changes(edits: Mapping[str, Edit]) -> tuple[Change, ...]:
    """The edits as typed changes, in the order they were made."""
    return tuple(edit.typed for edit in edits.values())
