"""The engine: a pure function from a scenario's parameters to every line, year by year.

Parameters become numpy arrays over the years (a step function becomes its value in each
year). A caller may replace any of them with an array of draws shaped (draws, 1) or
(draws, years): the formulas broadcast, so the same evaluation serves one case or a Monte Carlo.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel

from businesscase.model import measures
from businesscase.model.catalogue import PerScenario, build_lines
from businesscase.model.errors import KeyPath
from businesscase.model.formula import CompiledLines, compile_by_year, compile_lines, refs_of
from businesscase.model.lines import Line
from businesscase.model.parameters import Param, Platform, Scenario
from businesscase.model.schema import is_amounts_by_year


@dataclass(frozen=True)
class Pin:
    """A line pinned to a fixed value in some years, and why."""

    value: float
    years: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class Results:
    """Every line of a scenario by year, with the definitions and inputs that produced them."""

    scenario: Scenario
    years: np.ndarray
    lines: dict[str, Line]
    values: dict[str, np.ndarray]
    inputs: dict[KeyPath, np.ndarray]
    pins: dict[str, Pin] = field(default_factory=dict)

    @property
    def platform_ids(self) -> list[str]:
        return list(self.scenario.platforms)

    @property
    def savings_names(self) -> list[str]:
        """The organisation's savings by kind in this scenario (those of the kinds of activity
        it holds), in order: the lines `savings` adds."""
        return list(self.lines["savings"].children)

    def cost_names(self, platform_id: str) -> list[str]:
        """The cost items of a platform scenario in this scenario: the lines `costs` adds."""
        return [self.lines[key].name for key in self.lines[f"{platform_id}.costs"].children]

    def line(self, key: str) -> np.ndarray:
        """The values of a line over the years (and draws, in a simulation)."""
        return self.values[key]

    def platform_line(self, platform_id: str, name: str) -> np.ndarray:
        return self.values[f"{platform_id}.{name}"]

    def total(self, platform_id: str, name: str, first: int, last: int) -> np.ndarray:
        """The sum of a platform line over years first..last (refused for a line that is
        not a flow, such as the cumulative balance)."""
        key = f"{platform_id}.{name}"
        return measures.total_over_years(self.lines[key], self.values[key], first, last)

    def totals(self, key: str) -> list[float] | None:
        """The line's totals over the scenario's reported spans of years, or None for a line
        that has no total over years (a running total, a price)."""
        return measures.totals_over_years(self.lines[key], self.values[key], self.scenario.totals)

    def break_even_year(self, platform_id: str) -> int | None:
        """The first year whose cumulative balance is >= 0 (None if there is none)."""
        return measures.break_even_year(self.platform_line(platform_id, "cumulative"))

    def cash_break_even_year(self, platform_id: str) -> int | None:
        """The first year whose cumulative balance in money is >= 0 (None if there is none)."""
        return measures.break_even_year(self.platform_line(platform_id, "cash_cumulative"))

    def net_present_value(self, platform_id: str) -> float:
        """The platform's balance over all years, discounted (Excel's NPV convention)."""
        return float(
            measures.net_present_value(self.platform_line(platform_id, "discounted_balance"))
        )

    def is_pinned(self, key: str, year: int) -> bool:
        pin = self.pins.get(key)
        return pin is not None and year in pin.years


def input_values(scenario: Scenario) -> Iterator[tuple[KeyPath, Any]]:
    """Every numeric input as written: a Param, a whole number, or amounts by year."""

    def walk(model: BaseModel, path: KeyPath) -> Iterator[tuple[KeyPath, Any]]:
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            here = (*path, name)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number or isinstance(value, Param) or is_amounts_by_year(info):
                yield here, value
            elif isinstance(value, BaseModel):
                yield from walk(value, here)
            elif isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, Platform) and item.average_of is not None:
                        continue  # an average has no cost inputs of its own
                    if isinstance(item, BaseModel):
                        yield from walk(item, (*here, key))

    return walk(scenario, ())


def scenario_inputs(scenario: Scenario) -> dict[KeyPath, np.ndarray]:
    """Every numeric input as an array over the years, by its key path."""
    horizon = scenario.horizon_years
    inputs: dict[KeyPath, np.ndarray] = {}
    for path, value in input_values(scenario):
        if isinstance(value, Param):
            inputs[path] = value.per_year(horizon)
        elif isinstance(value, dict):
            by_year = np.zeros(horizon)
            for year, amount in value.items():
                by_year[year - 1] = amount
            inputs[path] = by_year
        else:
            inputs[path] = np.asarray(float(value))
    return inputs


def ranged_parameters(scenario: Scenario) -> dict[KeyPath, Param]:
    """The parameters that carry a range or distribution, by key path (a new dict each time;
    the walk over the scenario is made once per scenario object)."""
    return dict(_ranged(scenario))


def _find_ranged(scenario: Scenario) -> dict[KeyPath, Param]:
    return {
        path: value
        for path, value in input_values(scenario)
        if isinstance(value, Param) and value.has_range
    }


_ranged: PerScenario[dict[KeyPath, Param]] = PerScenario(_find_ranged)


def scenario_pins(scenario: Scenario) -> dict[str, Pin]:
    """The scenario's overrides, by line key."""
    everything = tuple(range(1, scenario.horizon_years + 1))
    return {
        o.line: Pin(o.value, tuple(o.years) if o.years else everything, o.reason)
        for o in scenario.overrides
    }


COMPILE_LINES_UP_TO = 2_000
"""Lines evaluated more than once are evaluated by one compiled function (compiled at their
second evaluation, shared by scenarios of the same shape) if they are at most this many; more
(a thousand courses) walk their formula trees, which then costs less than compiling them."""


BY_YEAR_UP_TO = 20
"""An evaluation of the scenario's own inputs over at most this many years is compiled year by
year in Python floats (`compile_by_year`: the published case's 219 lines over 6 years in a
third of the time of numpy's calls); over more years (where the two cost about the same, some
25 years) with numpy calls over the years (`compile_lines`)."""


class _Program:
    """Some lines of a scenario (all, or those some figures need), in order, and how they are
    evaluated: the first time by walking the formula trees (one evaluation, as the command
    line makes, is not worth compiling), then by one compiled function (for the scenario's own
    inputs over a few years, one that computes year by year in Python floats). A program laid
    out years first (see `line_values`) gives its values so, however it computes them."""

    def __init__(self, lines: dict[str, Line], pins: dict[str, Pin], years_first: bool) -> None:
        self.lines = lines
        self.pins = {key: pin for key, pin in pins.items() if key in lines}
        self.pinned_years = {
            key: ([y - 1 for y in pin.years], pin.value) for key, pin in self.pins.items()
        }
        """Per pinned line: the index of each pinned year, and the value."""
        self.years_first = years_first
        self.evaluations = 0
        self.compilable = len(lines) <= COMPILE_LINES_UP_TO
        self.compiled: CompiledLines | None = None
        """The compiled function for inputs of any shape (draws)."""
        self.compiled_plain: CompiledLines | None = None
        """The compiled function for the scenario's own inputs, which knows their shapes."""

    def values(
        self,
        prepared: _Prepared,
        inputs: Mapping[KeyPath, np.ndarray] | None,
        years: np.ndarray,
        every: dict[KeyPath, np.ndarray] | None = None,
    ) -> dict[str, np.ndarray]:
        """The values of the lines; `every` is `prepared.inputs_with(inputs)` if the caller
        has it already."""
        self.evaluations += 1
        plain = not inputs and not self.years_first  # the scenario's own inputs, years last
        if plain and self.compilable and self.evaluations > 1:
            if self.compiled_plain is None:
                formulas = [(key, line.formula) for key, line in self.lines.items()]
                if len(years) <= BY_YEAR_UP_TO:
                    self.compiled_plain = compile_by_year(
                        formulas, self.pins, prepared.over_years, prepared.single
                    )
                if self.compiled_plain is None:
                    self.compiled_plain = compile_lines(
                        formulas, self.pins, over_years=prepared.over_years
                    )
            if self.compiled_plain is not None:
                return self.compiled_plain.evaluate(prepared.inputs, years, self.pinned_years)
        if not plain and self.compiled is None and self.compilable and self.evaluations > 1:
            formulas = [(key, line.formula) for key, line in self.lines.items()]
            self.compiled = compile_lines(formulas, self.pins, self.years_first)
            self.compilable = self.compiled is not None
        if self.compiled is not None and self.years_first:
            first = dict(prepared.inputs_years_first)
            if inputs:
                first.update((path, _years_first(value)) for path, value in inputs.items())
            return self.compiled.evaluate(first, years.reshape(-1, 1), self.pinned_years)
        if every is None:
            every = prepared.inputs_with(inputs)
        if self.compiled is not None:
            return self.compiled.evaluate(every, years, self.pinned_years)
        values = _walk_formulas(self.lines, every, years, self.pins)
        if self.years_first:
            return {key: _years_first(value) for key, value in values.items()}
        return values


def _years_first(values: np.ndarray) -> np.ndarray:
    """An array over the years (last axis), and draws (first axis), laid out years first."""
    values = np.asarray(values)
    if values.ndim == 1:
        return values.reshape(-1, 1)
    if values.ndim == 2:
        return values.T
    if values.ndim == 0:
        return values
    raise ValueError(f"years first: an array of draws has 2 axes at most (got {values.shape})")


class _Prepared:
    """What an evaluation of a scenario needs that follows from the scenario alone."""

    def __init__(self, scenario: Scenario) -> None:
        self.lines = build_lines(scenario)
        self.inputs = scenario_inputs(scenario)
        """`scenario_inputs`, read-only: shared by every evaluation of the scenario."""
        for values in self.inputs.values():
            values.setflags(write=False)
        self.inputs_years_first = {path: _years_first(v) for path, v in self.inputs.items()}
        self.over_years = self._floats_shaped((scenario.horizon_years,))
        self.single = self._floats_shaped(())
        """The inputs that are floats over the years, and those that are one float: what a
        plain evaluation's compiled function may rely on."""
        self.pins = scenario_pins(scenario)
        self.everything = _Program(self.lines, self.pins, years_first=False)
        self.parts: dict[tuple[frozenset[str], bool], _Program] = {}

    def _floats_shaped(self, shape: tuple[int, ...]) -> frozenset[KeyPath]:
        """The inputs that are floats of this shape."""
        return frozenset(
            path
            for path, values in self.inputs.items()
            if values.shape == shape and values.dtype == np.float64
        )

    def part(self, keys: frozenset[str], years_first: bool) -> _Program:
        """The program of the given lines and every line they read (directly or not)."""
        program = self.parts.get((keys, years_first))
        if program is None:
            needed: set[str] = set()
            waiting = list(keys)
            while waiting:
                key = waiting.pop()
                if key not in needed:
                    needed.add(key)
                    waiting.extend(refs_of(self.lines[key].formula))
            lines = {key: line for key, line in self.lines.items() if key in needed}
            program = self.parts[(keys, years_first)] = _Program(lines, self.pins, years_first)
        return program

    def inputs_with(self, inputs: Mapping[KeyPath, np.ndarray] | None) -> dict:
        every = dict(self.inputs)
        if inputs:
            every.update(inputs)
        return every


_prepared: PerScenario[_Prepared] = PerScenario(_Prepared)


def _walk_formulas(
    lines: dict[str, Line],
    inputs: Mapping[KeyPath, np.ndarray],
    years: np.ndarray,
    pins: dict[str, Pin],
) -> dict[str, np.ndarray]:
    """Every line's value, formula tree by formula tree: its value as floats, broadcast over
    the years (a read-only view), a pinned line a copy with its value put in."""
    values: dict[str, np.ndarray] = {}
    lookup = values.__getitem__
    for key, line in lines.items():
        raw = np.asarray(line.formula.evaluate(inputs, lookup, years), dtype=float)
        if raw.shape[-1:] == years.shape:  # what broadcast_to gives here, without its cost
            value = raw.view()
            value.setflags(write=False)
        else:
            value = np.broadcast_to(raw, np.broadcast_shapes(raw.shape, years.shape))
        pin = pins.get(key)
        if pin is not None:  # a copy only where a value is replaced; other lines stay views
            value = value.copy()
            value[..., [y - 1 for y in pin.years]] = pin.value
        values[key] = value
    return values


def evaluate(scenario: Scenario, inputs: Mapping[KeyPath, np.ndarray] | None = None) -> Results:
    """Compute every line of the scenario. `inputs` may replace parameters by arrays of draws.

    What follows from the scenario alone (its lines, its inputs as arrays, its pins, the
    compiled formulas) is prepared once per scenario object; the values are computed anew on
    every call."""
    prepared = _prepared(scenario)
    years = np.arange(1, scenario.horizon_years + 1, dtype=float)
    all_inputs = prepared.inputs_with(inputs)
    values = prepared.everything.values(prepared, inputs, years, all_inputs)
    return Results(scenario, years, dict(prepared.lines), values, all_inputs, dict(prepared.pins))


def line_values(
    scenario: Scenario,
    keys: Collection[str],
    inputs: Mapping[KeyPath, np.ndarray] | None = None,
    *,
    years_first: bool = False,
) -> dict[str, np.ndarray]:
    """The values of the lines `keys` exactly as `evaluate` gives them, computing only those
    and the lines they read: what a Monte Carlo run needs of each draw. An unknown key is a
    KeyError.

    With `years_first` the values come laid out years first: a value over draws and years
    (draws, years) comes as (years, draws), one the same in every draw (years,) as
    (years, 1); `inputs` are given as to `evaluate`. The figures are the same; over many draws
    they are computed a quarter to a third faster (numpy then loops over the draws, not over
    a few years per draw)."""
    prepared = _prepared(scenario)
    years = np.arange(1, scenario.horizon_years + 1, dtype=float)
    program = prepared.part(frozenset(keys), years_first)
    values = program.values(prepared, inputs, years)
    return {key: values[key] for key in keys}
