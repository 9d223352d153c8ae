"""The measures read off a line's years, defined once: totals over years, break-even year,
the chance of break-even, net present value, the widest reported total.

The engine's results, the simulation, goal seek, the CLI, the app and the workbook all call
these; the workbook's formulas for them are written here too, beside the numpy definition,
so the two cannot mean different things. A test checks that no other module computes them.
"""

from __future__ import annotations

import numpy as np

from businesscase.model.lines import Line
from businesscase.model.parameters import Scenario


class NotSummable(ValueError):
    """A total over years was asked of a line for which it means nothing (a running total,
    a price, a count per item)."""


def total_over_years(line: Line, values: np.ndarray, first: int, last: int) -> np.ndarray:
    """The sum of a line over years first..last (last axis), for a flow only: the total of a
    cumulative balance or a price means nothing and is refused."""
    if not line.summable:
        raise NotSummable(
            f"{line.key} is a {line.kind.value}, not a yearly flow: it has no total over years"
        )
    return np.asarray(values)[..., first - 1 : last].sum(axis=-1)


def totals_over_years(
    line: Line, values: np.ndarray, spans: list[tuple[int, int]]
) -> list[float] | None:
    """The line's totals over each span of years (as the scenario reports them), or None for
    a line that has no total over years."""
    if not line.summable:
        return None
    return [float(total_over_years(line, values, first, last)) for first, last in spans]


def break_even_year(cumulative: np.ndarray) -> int | None:
    """Break-even of one cumulative balance: the first year at or above zero (None if none)."""
    reached = np.flatnonzero(np.asarray(cumulative) >= 0)
    return int(reached[0]) + 1 if reached.size else None


def break_even_marks(cumulative: np.ndarray) -> list[int | None]:
    """Per year, the year's number where the cumulative balance is at or above zero, else
    None: the row whose smallest entry is the break-even year (as the workbook shows it)."""
    return [year if value >= 0 else None for year, value in enumerate(cumulative, start=1)]


def break_even_reached(cumulative: np.ndarray) -> np.ndarray:
    """Per draw and year: whether the cumulative balance has been at or above zero by then
    (a year that broke even stays broken even)."""
    return np.logical_or.accumulate(np.asarray(cumulative) >= 0, axis=-1)


def break_even_probability(cumulative: np.ndarray) -> np.ndarray:
    """Per year, the share of draws (first axis) that broke even by then."""
    return break_even_reached(cumulative).mean(axis=0)


def best_cumulative_by_year(cumulative: np.ndarray, by_year: int) -> np.ndarray:
    """The highest cumulative balance in years 1..by_year: at or above zero exactly when the
    scenario breaks even by that year (goal seek's target)."""
    return np.asarray(cumulative)[..., :by_year].max(axis=-1)


def breaks_even(best_cumulative: np.ndarray) -> np.ndarray:
    """Whether a best cumulative balance (of `best_cumulative_by_year`) meets the target:
    at or above zero."""
    return np.asarray(best_cumulative) >= 0


def net_present_value(discounted_balance: np.ndarray) -> np.ndarray:
    """The sum of the discounted balances over all years (Excel's NPV convention: the
    discount factor of year 1 is already 1 / (1 + rate))."""
    return np.asarray(discounted_balance).sum(axis=-1)


def widest_total(scenario: Scenario) -> tuple[int, int]:
    """The reported total that spans the most years (1-6 in the published case); the whole
    horizon when none is reported."""
    return max(
        scenario.totals, key=lambda span: span[1] - span[0], default=(1, scenario.horizon_years)
    )


# ---------------------------------------------------------------- the same, as Excel formulas


def excel_total(first_cell: str, last_cell: str) -> str:
    """A total over years of a row of yearly cells."""
    return f"SUM({first_cell}:{last_cell})"


def excel_break_even_reached(cumulative_cell: str, year_cell: str) -> str:
    """The year number where the cumulative balance is at or above zero, else empty."""
    return f'IF({cumulative_cell}>=0,{year_cell},"")'


def excel_break_even_year(reached_range: str, none: str) -> str:
    """The first year reached (the smallest of the row of `excel_break_even_reached`), or the
    word for none."""
    word = none.replace('"', '""')
    return f'IF(COUNT({reached_range})=0,"{word}",MIN({reached_range}))'
