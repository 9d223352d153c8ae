"""The inputs the report lists with their sources (the wage, VAT, implementation hours and every
input whose source is set), and the notes on errata that the sources state; worded in the
report's language from the engine's inventory (`parameter_entries`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from board_report.words import Words
from businesscase import (
    LoadedScenario,
    Param,
    ParameterEntry,
    Scenario,
    parameter_entries,
    text_in,
    value_at,
)

OWNERS = ("courses", "trajectories", "platforms")
"""The kinds of item an input may belong to, each item with a name."""
MAIN_INPUTS = ("hourly_wage", "vat_rate", "implementation_hours")
"""Listed even without a source: what the board asks about first."""
_ERRATUM = re.compile(r"errat", re.IGNORECASE)


@dataclass(frozen=True)
class InputSource:
    """An input as the report lists it."""

    key: str
    label: str
    owner: str
    """The course, trajectory type or platform it belongs to ('' for the organisation's)."""
    value: str
    source: str | None
    range_source: str | None
    group: tuple[str | int, ...]
    """The owner's key path (with the part of it, as `growth`); () for the organisation's."""
    relative: tuple[str | int, ...]
    """The key path within the owner, with the owner's kind: the same input of another
    course has the same `relative`."""


@dataclass(frozen=True)
class InputGroup:
    """The listed inputs of one course, trajectory type or platform (or the organisation's),
    leaving out those with the same value and source as in an earlier one (`same_as`)."""

    owner: str
    items: tuple[InputSource, ...]
    same_as: str = ""
    left_out: int = 0


def input_sources(loaded: LoadedScenario, words: Words) -> list[InputSource]:
    """The main inputs and every input whose source is set, in the order of the format."""
    return [
        InputSource(
            key=entry.key,
            label=words.label(entry.label, entry.label_nl),
            owner=owner_text(entry, loaded.scenario, words),
            value=_value(entry, loaded, words),
            source=entry.source,
            range_source=_range_source(entry, loaded),
            group=entry.path[:-1] if _owned(entry) else (),
            relative=(entry.path[0], *entry.path[2:]) if _owned(entry) else entry.path,
        )
        for entry in parameter_entries(loaded)
        if entry.source or entry.key in MAIN_INPUTS or _range_source(entry, loaded)
    ]


def input_groups(loaded: LoadedScenario, words: Words) -> list[InputGroup]:
    """The listed inputs by owner, in the order of the format. An input with the same value,
    source and range as the same input of an earlier owner is left out and counted, naming
    that owner (the courses of a case often share their sources)."""
    runs: list[tuple[tuple[str | int, ...], str, list[InputSource]]] = []
    for item in input_sources(loaded, words):
        if not runs or runs[-1][0] != item.group:
            runs.append((item.group, item.owner, []))
        runs[-1][2].append(item)
    groups: list[InputGroup] = []
    earlier: list[tuple[str, dict[tuple[str | int, ...], tuple[str, str | None, str | None]]]] = []
    for group, owner, items in runs:
        shown = {item.relative: (item.value, item.source, item.range_source) for item in items}
        same_as, same = "", set[tuple[str | int, ...]]()
        for other, other_shown in earlier if group else []:
            matching = {key for key, value in shown.items() if other_shown.get(key) == value}
            if len(matching) > len(same):
                same_as, same = other, matching
        kept = tuple(item for item in items if item.relative not in same)
        groups.append(InputGroup(owner, kept, same_as, len(items) - len(kept)))
        earlier.append((owner, shown))
    return groups


def _owned(entry: ParameterEntry) -> bool:
    return len(entry.path) >= 3 and entry.path[0] in OWNERS


def erratum_sources(loaded: LoadedScenario, words: Words) -> list[tuple[str, str]]:
    """The inputs whose source notes an erratum (label, source)."""
    return [
        (input_label(entry, loaded.scenario, words), entry.source)
        for entry in parameter_entries(loaded)
        if entry.source and _ERRATUM.search(entry.source)
    ]


def input_label(entry: ParameterEntry, scenario: Scenario, words: Words) -> str:
    """The input's label with the course, trajectory type or platform it belongs to:
    `Group size, Ass JV (...)`, `Groups per year, Ass JV (...), new courses`."""
    owner = owner_text(entry, scenario, words)
    label = words.label(entry.label, entry.label_nl)
    return f"{label}, {owner}" if owner else label


def owner_text(entry: ParameterEntry, scenario: Scenario, words: Words) -> str:
    """The course, trajectory type or platform an input belongs to, by name, with the part of
    it (`new courses`, a route): '' for the organisation's inputs."""
    path = entry.path
    if not _owned(entry):
        return ""
    owners = getattr(scenario, str(path[0]), {})
    owner = owners.get(str(path[1])) if isinstance(owners, dict) else None
    parts = [text_in(getattr(owner, "name", ""), words.language) or str(path[1])]
    for part in path[2:-1]:
        if part == "growth":
            parts.append(words("growth"))
        elif part != "routes":
            parts.append(str(part))
    return ", ".join(parts)


def _range_source(entry: ParameterEntry, loaded: LoadedScenario) -> str | None:
    param = value_at(loaded.scenario, entry.path)
    return param.range_source if isinstance(param, Param) and param.has_range else None


def _value(entry: ParameterEntry, loaded: LoadedScenario, words: Words) -> str:
    """The value as the reader reads it: one value, values by year, or amounts in named years;
    with its range when it has one."""
    values = np.atleast_1d(np.asarray(entry.values, dtype=float))
    runs = _runs(values)
    if entry.amounts_by_year:
        paid = [(first, last, value) for first, last, value in runs if value]
        text = ", ".join(
            f"{words.quantity(value, entry.unit)} {_years(words, first, last)}"
            for first, last, value in paid
        ) or words.quantity(0, entry.unit)
    elif len(runs) == 1:
        text = words.quantity(runs[0][2], entry.unit)
    else:
        text = ", ".join(
            f"{words.quantity(value, entry.unit)} "
            + (
                words("from_year", year=first)
                if last == len(values)
                else _years(words, first, last)
            )
            for first, last, value in runs
        )
    param = value_at(loaded.scenario, entry.path)
    if isinstance(param, Param) and param.low is not None and param.high is not None:
        low = words.quantity(float(param.low), entry.unit)
        high = words.quantity(float(param.high), entry.unit)
        text += f" ({words('range', low=low, high=high)})"
    return text


def _runs(values: np.ndarray) -> list[tuple[int, int, float]]:
    """Years of equal value, as (first, last, value), years counted from 1."""
    runs: list[tuple[int, int, float]] = []
    for year, value in enumerate(values.tolist(), start=1):
        if runs and runs[-1][2] == value:
            runs[-1] = (runs[-1][0], year, value)
        else:
            runs.append((year, year, value))
    return runs


def _years(words: Words, first: int, last: int) -> str:
    if first == last:
        return words("in_year", year=first)
    return words("in_years", first=first, last=last)
