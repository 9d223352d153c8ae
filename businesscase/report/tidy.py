"""Results as one tidy table (scenario, platform, line, year, value, unit), as pyam keeps them:
a wide table is a pivot of it, and comparing two scenarios is a merge with a difference."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from businesscase.engine import Results
from businesscase.model.about import __version__
from businesscase.model.catalogue import RESULT_LINES


@dataclass(frozen=True)
class Row:
    """One figure: a line's value in one year, with where it belongs."""

    scenario: str
    platform: str | None
    activity: str | None
    """The course or trajectory type the line belongs to, by id."""
    line: str
    key: str
    label: str
    year: int
    value: float
    unit: str
    pinned: bool


MICRO = Decimal("0.000001")
"""A millionth of a euro: below what binary floating point can tell apart from an exact sum of
amounts in cents and fractions (1,159.025 is computed as 1,159.0249999999999)."""


def to_cents(value: float) -> float:
    """Round to the cent, halves away from zero, for display and for comparing with print.

    The value is first taken to a millionth of a euro, so that an exact half cent that floating
    point computed a hair below (1,159.0249999999999) rounds as the exact figure does (1,159.03),
    as an independent computation in fractions would."""
    exact = Decimal(repr(float(value))).quantize(MICRO, rounding=ROUND_HALF_EVEN)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def cents(values: Iterable[float]) -> list[float]:
    """A series rounded to the cent, for display and JSON."""
    return [to_cents(v) for v in values]


def years_text(years: Sequence[int]) -> str:
    """`years 1-6`, `years 1-2, 5` or `year 3`."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    return ("years " if len(years) > 1 else "year ") + ", ".join(parts)


def tidy(results: Results, scenario: str | None = None) -> list[Row]:
    """Every line of a (single-case) result, one row per year."""
    name = scenario or results.scenario.name
    rows = []
    for key, line in results.lines.items():
        values = results.values[key]
        for index, year in enumerate(results.years.astype(int)):
            rows.append(
                Row(
                    name,
                    line.platform,
                    line.activity_id,
                    line.name,
                    key,
                    line.label,
                    int(year),
                    float(values[index]),
                    line.unit,
                    results.is_pinned(key, int(year)),
                )
            )
    return rows


def platform_summary(results: Results, platform_id: str) -> dict[str, object]:
    """A platform scenario as the published results print it: series, totals, break-even year
    and its savings and cost lines (money rounded to the cent)."""
    platform = results.scenario.platforms[platform_id]

    def series(name: str) -> list[float]:
        return cents(results.platform_line(platform_id, name))

    summary: dict[str, object] = {"name": platform.name}
    for name in RESULT_LINES:
        summary[name] = series(name)
    summary["break_even_year"] = results.break_even_year(platform_id)
    summary["net_present_value"] = to_cents(results.net_present_value(platform_id))
    for first, last in results.scenario.totals:
        summary[f"total_{first}_{last}"] = {
            name: to_cents(float(results.total(platform_id, name, first, last)))
            for name in ("savings", "costs", "balance")
        }
    summary["cash"] = {
        "costs": series("cash_costs"),
        "savings": series("cash_savings"),
        "balance": series("cash_balance"),
        "cumulative": series("cash_cumulative"),
        "break_even_year": results.cash_break_even_year(platform_id),
    }
    summary["staff_hours"] = {
        "freed": series("hours_freed"),
        "spent": series("hours_spent"),
        "net": series("hours_net"),
        "fte": [round(float(v), 4) for v in results.platform_line(platform_id, "fte_net")],
    }
    summary["lines"] = {
        **{f"savings.{name}": cents(results.line(name)) for name in results.savings_names},
        **{f"costs.{name}": series(name) for name in results.cost_names(platform_id)},
    }
    return summary


def results_json(results: Results, file: str | None = None) -> dict[str, object]:
    """The whole result as one JSON-ready object; money in euros, rounded to the cent."""
    shared = {
        key: cents(results.values[key])
        for key, line in results.lines.items()
        if line.platform is None
    }
    return {
        "scenario": results.scenario.name,
        "file": file,
        "version": __version__,
        "years": [int(y) for y in results.years],
        "platforms": {pid: platform_summary(results, pid) for pid in results.platform_ids},
        "lines": shared,
        "pinned": {
            key: {"value": pin.value, "years": list(pin.years), "reason": pin.reason}
            for key, pin in results.pins.items()
        },
    }


def value_steps(values: Iterable[float]) -> list[tuple[int, int, float]]:
    """Values by year as runs of equal values, (first year, last year, value): how a step
    function is written back (`3 in years 1-2, 4 from year 3`)."""
    runs: list[tuple[int, int, float]] = []
    for year, value in enumerate(values, 1):
        if runs and runs[-1][2] == value:
            runs[-1] = (runs[-1][0], year, value)
        else:
            runs.append((year, year, value))
    return runs
