"""What the report shows, read off the engine's results: per platform scenario the figures of the
decision, the year table, the cumulative balance, and the notes and sources. Every figure here is
a value or a measure of `Results` (or of a seeded simulation); nothing is computed again.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from businesscase import (
    RESULT_LINES,
    Language,
    LoadedScenario,
    Results,
    Scenario,
    __version__,
    evaluate,
    measures,
    parties,
    ranged_parameters,
    simulate,
    text_in,
)

SIMULATION_DRAWS = 2000
SIMULATION_SEED = 1
"""The seeded run behind the chance of break-even (for a scenario with ranged estimates)."""


@dataclass(frozen=True)
class Decision:
    """One platform scenario's figures for the decision, over the widest reported total."""

    platform: str
    name: str
    members: tuple[str, ...]
    """The names of the platform scenarios an average is the mean of; empty for a platform."""
    balance: float
    cash_balance: float
    hours_net: float
    fte_last_year: float
    break_even: int | None
    cash_break_even: int | None
    chance: float | None
    """The share of draws that broke even by the last year; None without ranged estimates."""
    funder_gain: float = 0.0
    """What the funder gains (pays less, or is repaid) over the same years."""
    client_hours: float = 0.0
    """The clients' hours of sessions and travel saved over the same years."""

    @property
    def is_average(self) -> bool:
        return bool(self.members)


@dataclass(frozen=True)
class Row:
    """A line of the year table: its label, its values by year and its totals (None for a
    line with no total over years, such as the cumulative balance)."""

    key: str
    label: str
    label_nl: str
    values: tuple[float, ...]
    totals: tuple[float, ...] | None


@dataclass(frozen=True)
class Block:
    """A platform scenario's rows in the year table, and its cumulative balance for the chart."""

    platform: str
    name: str
    members: tuple[str, ...]
    rows: tuple[Row, ...]
    cumulative: tuple[float, ...]
    break_even: int | None

    @property
    def is_average(self) -> bool:
        return bool(self.members)


@dataclass(frozen=True)
class PinNote:
    """A line pinned to a printed value, and why."""

    key: str
    label: str
    label_nl: str
    unit: str
    value: float
    years: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class Content:
    """Everything the report shows, in the order of its pages."""

    name: str
    description: str
    horizon: int
    years: tuple[int, ...]
    span: tuple[int, int]
    """The widest reported total, over which the decision is stated."""
    totals: tuple[tuple[int, int], ...]
    decisions: tuple[Decision, ...]
    """Ranked by balance over `span`, highest first."""
    blocks: tuple[Block, ...]
    """In the scenario's order."""
    ranged: int
    draws: int | None
    seed: int | None
    files: tuple[str, ...]
    changes: tuple[str, ...]
    pins: tuple[PinNote, ...]
    version: str

    def command(self, language: str, output: str = "report.pdf") -> str:
        """The command line that writes this report again."""
        parts = ["businesscase", "report", self.files[-1] if self.files else "FILE"]
        for change in self.changes:
            parts += ["--set", change]
        parts += ["--language", language, "-o", output]
        return shlex.join(parts)


def _members(scenario: Scenario, platform: str, language: Language) -> tuple[str, ...]:
    average_of = scenario.platforms[platform].average_of
    members = average_of or []
    return tuple(text_in(scenario.platforms[p].name, language) for p in members)


def read_content(loaded: LoadedScenario, language: Language = "en") -> Content:
    """The report's figures for a loaded scenario, from `evaluate` (and, for a scenario with
    ranged estimates, a seeded simulation); names and descriptions in the report's language
    (a scenario file may give them per language)."""
    scenario = loaded.scenario
    results = evaluate(scenario)
    first, last = measures.widest_total(scenario)
    ranged = len(ranged_parameters(scenario))
    chances: dict[str, float] = {}
    if ranged:
        simulation = simulate(scenario, draws=SIMULATION_DRAWS, seed=SIMULATION_SEED)
        chances = {
            p: float(simulation.platforms[p].break_even_probability()[-1])
            for p in results.platform_ids
        }
    decisions = [
        Decision(
            platform=p,
            name=text_in(scenario.platforms[p].name, language),
            members=_members(scenario, p, language),
            balance=float(results.total(p, "balance", first, last)),
            cash_balance=float(results.total(p, "cash_balance", first, last)),
            hours_net=float(results.total(p, "hours_net", first, last)),
            fte_last_year=float(results.line(f"{p}.fte_net")[last - 1]),
            break_even=results.break_even_year(p),
            cash_break_even=results.cash_break_even_year(p),
            chance=chances.get(p),
            **_gains(results, p),
        )
        for p in results.platform_ids
    ]
    ranked = sorted(decisions, key=lambda decision: decision.balance, reverse=True)
    return Content(
        name=text_in(scenario.name, language),
        description=text_in(scenario.description, language),
        horizon=scenario.horizon_years,
        years=tuple(int(year) for year in results.years),
        span=(first, last),
        totals=tuple(scenario.totals),
        decisions=tuple(ranked),
        blocks=tuple(_block(results, p, language) for p in results.platform_ids),
        ranged=ranged,
        draws=SIMULATION_DRAWS if ranged else None,
        seed=SIMULATION_SEED if ranged else None,
        files=loaded.files,
        changes=loaded.changes,
        pins=tuple(_pin_notes(results)),
        version=__version__,
    )


def _gains(results: Results, platform: str) -> dict[str, float]:
    """The funder's and the clients' totals, from the engine's balance by party."""
    totals = {figure.key: figure.total for figure in parties(results, platform)}
    return {
        "funder_gain": totals[f"{platform}.funder_gain"],
        "client_hours": totals["client_hours_saved"],
    }


def _block(results: Results, platform: str, language: Language) -> Block:
    rows = []
    for name in RESULT_LINES:
        line = results.lines[f"{platform}.{name}"]
        totals = results.totals(line.key) if line.summable else None
        rows.append(
            Row(
                key=line.key,
                label=line.label,
                label_nl=line.label_nl,
                values=tuple(float(v) for v in results.line(line.key)),
                totals=tuple(totals) if totals is not None else None,
            )
        )
    return Block(
        platform=platform,
        name=text_in(results.scenario.platforms[platform].name, language),
        members=_members(results.scenario, platform, language),
        rows=tuple(rows),
        cumulative=tuple(float(v) for v in results.platform_line(platform, "cumulative")),
        break_even=results.break_even_year(platform),
    )


def _pin_notes(results: Results) -> list[PinNote]:
    notes = []
    for key, pin in results.pins.items():
        line = results.lines[key]
        owner = _owner_name(results.scenario, line.activity)
        label, label_nl = line.label, line.label_nl or line.label
        if owner:
            label = f"{label}, {text_in(owner, 'en')}"
            label_nl = f"{label_nl}, {text_in(owner, 'nl')}"
        notes.append(PinNote(key, label, label_nl, line.unit, pin.value, pin.years, pin.reason))
    return notes


def _owner_name(scenario: Scenario, activity: tuple[str, str] | None) -> str:
    """The name of the course or trajectory type a line belongs to ('' for none), with its
    Dutch where the scenario gives it."""
    if activity is None:
        return ""
    kind, identifier = activity
    owners = getattr(scenario, kind, None)
    owner = owners.get(identifier) if isinstance(owners, dict) else None
    name: str = getattr(owner, "name", "")
    return (name or identifier) if owners is not None else identifier
