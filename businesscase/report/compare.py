"""Comparing two scenarios: which inputs and pinned lines differ, and what that does to every
line, platform and year (a merge of the two tidy tables with a difference column)."""

from __future__ import annotations

from dataclasses import dataclass

from businesscase.engine import Results
from businesscase.report.inventory import parameter_entries
from businesscase.report.tidy import tidy, to_cents, years_text
from businesscase.scenario.loading import LoadedScenario

NOT_SET = "not set (computed)"


@dataclass(frozen=True)
class InputChange:
    """A parameter written differently in the two scenarios."""

    key: str
    label: str
    unit: str
    before: str
    after: str


@dataclass(frozen=True)
class PinChange:
    """A line pinned in one scenario and not (or differently) in the other."""

    key: str
    before: str
    after: str


@dataclass(frozen=True)
class LineChange:
    """A line whose value in a year differs between the scenarios."""

    key: str
    label: str
    platform: str | None
    course: str | None
    year: int
    before: float | None
    after: float | None

    @property
    def difference(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between scenario A (before) and B (after)."""

    before: str
    after: str
    years: list[int]
    inputs: list[InputChange]
    pins: list[PinChange]
    lines: list[LineChange]

    def changed_keys(self) -> list[str]:
        """The keys of the lines that differ, in catalogue order."""
        return list(dict.fromkeys(change.key for change in self.lines))


def _pin_text(results: Results, key: str) -> str:
    pin = results.pins.get(key)
    if pin is None:
        return NOT_SET
    return f"{pin.value:,.2f} in {years_text(pin.years)} ({pin.reason.split(':')[0]})"


def compare(
    a: LoadedScenario, results_a: Results, b: LoadedScenario, results_b: Results
) -> Comparison:
    """The differences from A to B: inputs, pins, and every line per platform and year."""
    entries_a = {e.key: e for e in parameter_entries(a)}
    entries_b = {e.key: e for e in parameter_entries(b)}
    inputs = []
    for key in dict.fromkeys([*entries_a, *entries_b]):
        ea, eb = entries_a.get(key), entries_b.get(key)
        before = ea.written if ea else NOT_SET
        after = eb.written if eb else NOT_SET
        if before != after:
            shown = ea if ea is not None else entries_b[key]
            inputs.append(InputChange(key, shown.label, shown.unit, before, after))
    pins = [
        PinChange(key, _pin_text(results_a, key), _pin_text(results_b, key))
        for key in dict.fromkeys([*results_a.pins, *results_b.pins])
        if _pin_text(results_a, key) != _pin_text(results_b, key)
    ]
    rows_a = {(r.key, r.year): r for r in tidy(results_a)}
    rows_b = {(r.key, r.year): r for r in tidy(results_b)}
    lines = []
    for index in dict.fromkeys([*rows_a, *rows_b]):
        ra, rb = rows_a.get(index), rows_b.get(index)
        va = ra.value if ra else None
        vb = rb.value if rb else None
        if va is not None and vb is not None and to_cents(va) == to_cents(vb):
            continue
        row = ra if ra is not None else rows_b[index]
        lines.append(LineChange(row.key, row.label, row.platform, row.course, row.year, va, vb))
    years = sorted({int(y) for y in [*results_a.years, *results_b.years]})
    return Comparison(a.scenario.name, b.scenario.name, years, inputs, pins, lines)
