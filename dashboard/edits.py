"""The app's edits: values a director typed, kept per parameter as values by year and handed to
the loader as typed changes (numbers, never text parsed again), so the engine validates them
and app edits take precedence over the file. Each also reads as the `--set` that does the same
on the command line (`hourly_wage=80`, `courses.ass_jv.online_sessions={1: 3, 3: 5}`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from businesscase import (
    Change,
    LoadedScenario,
    Param,
    ParameterEntry,
    fraction_of_percent,
    number_text,
    percent_text,
    value_at,
)
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


def steps(values: Sequence[float]) -> list[tuple[int, int, float]]:
    """Values by year as runs of equal values: (first year, last year, value)."""
    runs: list[tuple[int, int, float]] = []
    for year, value in enumerate(values, 1):
        if runs and runs[-1][2] == value:
            runs[-1] = (runs[-1][0], year, value)
        else:
            runs.append((year, year, value))
    return runs


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


def course_entries(evaluated: Evaluated, course_id: str) -> list[ParameterEntry]:
    """The editable inputs of one course (its growth block included), in the file's order."""
    prefix = ("courses", course_id)
    return [
        entry
        for entry in evaluated.entries
        if entry.path[:2] == prefix and is_step_parameter(evaluated.loaded, entry.path)
    ]


QUICK_PLATFORM_INPUTS = ("licence_per_client", "development_cost")
"""The platform inputs a director weighs when choosing a platform, shown for every platform."""


def quick_entries(evaluated: Evaluated) -> list[ParameterEntry]:
    """The hourly wage, then each platform's licence price and development cost."""
    wanted = {("hourly_wage",)} | {
        ("platforms", pid, name)
        for pid in evaluated.loaded.scenario.platforms
        for name in QUICK_PLATFORM_INPUTS
    }
    return [entry for entry in evaluated.entries if entry.path in wanted]


def shown_values(entry: ParameterEntry, edit: Edit | None) -> list[float]:
    """A parameter's values by year as a table shows them: percentages in % (40, not 0.4)."""
    values = edit.values if edit else tuple(float(v) for v in entry.values)
    return [float(Decimal(repr(v)) * 100) if entry.is_percentage else v for v in values]


def edited_values(
    entry: ParameterEntry, edit: Edit | None, cells: Mapping[str, object]
) -> tuple[float, ...]:
    """The values by year after a table edit of some year cells (`{"3": 5}`); an emptied or
    unreadable cell keeps its value."""
    values = shown_values(entry, edit)
    for column, cell in cells.items():
        if not column.isdigit() or not 1 <= int(column) <= len(values):
            continue
        if isinstance(cell, int | float) and not isinstance(cell, bool) and math.isfinite(cell):
            values[int(column) - 1] = float(cell)
    return tuple(fraction_of_percent(v) if entry.is_percentage else v for v in values)


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
