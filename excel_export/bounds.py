"""The bounds the model puts on each input, as the Inputs sheet validates and checks them: the
model's own domain of the parameter (`businesscase.domain_at`, read from its field), written
with whole-number limits where the value is whole, and a year kept within the workbook's
horizon, since the workbook has one column per year of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from businesscase import KeyPath, domain_at


@dataclass(frozen=True)
class Bounds:
    """Where a value may lie: `low` (excluded when `low_open`), `high` (excluded when
    `high_open`), and whether it must be a whole number. None: no bound on that side."""

    low: float | None = None
    low_open: bool = False
    high: float | None = None
    high_open: bool = False
    whole: bool = False
    by_horizon: bool = False
    """The upper bound is the workbook's horizon, not the model's own limit."""

    def contains(self, value: float) -> bool:
        """Whether the model accepts this value."""
        if not math.isfinite(value):
            return False
        if self.whole and value != int(value):
            return False
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return self.high is None or (value >= self.high if self.high_open else value <= self.high)

    def within(self, high: float) -> Bounds:
        """These bounds with the upper one lowered to `high` (included) where it is higher."""
        if self.high is not None and self.high <= high:
            return self
        return replace(self, high=float(high), high_open=False, by_horizon=True)


YEAR_UNITS = ("year", "years")
"""A parameter counted in years (a year or a number of years) lies within the horizon."""


def input_bounds(path: KeyPath, horizon: int) -> Bounds | None:
    """The bounds of the input at a key path (`courses.ass_jv.group_size`, ids included), a year
    kept within 1..horizon; None for a path the model does not have."""
    domain = domain_at(path)
    if math.isinf(domain.lowest) and math.isinf(domain.highest) and not domain.unit:
        return None
    bounds = Bounds(
        None if math.isinf(domain.lowest) else domain.lowest,
        not domain.lowest_included,
        None if math.isinf(domain.highest) else domain.highest,
        not domain.highest_included,
    )
    if domain.whole:
        bounds = _whole(bounds)
    return bounds.within(horizon) if domain.unit in YEAR_UNITS else bounds


def _whole(bounds: Bounds) -> Bounds:
    """Whole-number bounds, both included: above 0 is at least 1."""
    low, high = bounds.low, bounds.high
    if low is not None:
        low = float(math.floor(low) + 1 if bounds.low_open else math.ceil(low))
    if high is not None:
        high = float(math.ceil(high) - 1 if bounds.high_open else math.floor(high))
    return Bounds(low, False, high, False, whole=True)
