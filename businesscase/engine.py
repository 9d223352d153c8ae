"""The engine: a pure function from a scenario's parameters to every line, year by year.

Parameters become numpy arrays over the years (a step function becomes its value in each
year). A caller may replace any of them with an array of draws shaped (draws, 1) or
(draws, years): the formulas broadcast, so the same evaluation serves one case or a Monte Carlo.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel

from businesscase.model import measures
from businesscase.model.catalogue import build_lines
from businesscase.model.errors import KeyPath
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
    """The parameters that carry a range or distribution, by key path."""
    return {
        path: value
        for path, value in input_values(scenario)
        if isinstance(value, Param) and value.has_range
    }


def scenario_pins(scenario: Scenario) -> dict[str, Pin]:
    """The scenario's overrides, by line key."""
    everything = tuple(range(1, scenario.horizon_years + 1))
    return {
        o.line: Pin(o.value, tuple(o.years) if o.years else everything, o.reason)
        for o in scenario.overrides
    }


def evaluate(scenario: Scenario, inputs: Mapping[KeyPath, np.ndarray] | None = None) -> Results:
    """Compute every line of the scenario. `inputs` may replace parameters by arrays of draws."""
    all_inputs = scenario_inputs(scenario)
    if inputs:
        all_inputs.update(inputs)
    years = np.arange(1, scenario.horizon_years + 1, dtype=float)
    lines = build_lines(scenario)
    pins = scenario_pins(scenario)
    values: dict[str, np.ndarray] = {}

    def lookup(key: str) -> np.ndarray:
        return values[key]

    for key, line in lines.items():
        raw = np.asarray(line.formula.evaluate(all_inputs, lookup, years), dtype=float)
        value = np.broadcast_to(raw, np.broadcast_shapes(raw.shape, years.shape))
        pin = pins.get(key)
        if pin is not None:  # a copy only where a value is replaced; other lines stay views
            value = value.copy()
            value[..., [y - 1 for y in pin.years]] = pin.value
        values[key] = value
    return Results(scenario, years, lines, values, all_inputs, pins)
