"""The simulation behind a block's Simulation sheet: when to run it, with how many draws and
which seed, and the engine's summaries of it (Monte Carlo, tornado, shares of variance)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from businesscase import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    Analysis,
    KeyPath,
    LoadedScenario,
    Param,
    Scenario,
    analyse,
    check_run,
    ranged_parameters,
)


@dataclass(frozen=True)
class SimulationSettings:
    """How the export simulates: `draws` and `seed` of the Monte Carlo run, and whether to write
    the Simulation sheet (`include`: always, never, or `None` for a scenario with ranges)."""

    draws: int = DEFAULT_DRAWS
    seed: int = DEFAULT_SEED
    include: bool | None = None

    def __post_init__(self) -> None:
        check_run(self.draws, self.seed)

    def wanted(self, scenario: Scenario) -> bool:
        """Whether this scenario gets a Simulation sheet."""
        if self.include is None:
            return bool(ranged_parameters(scenario))
        return self.include


DEFAULT_SIMULATION = SimulationSettings()
"""10,000 draws, seed 1, a Simulation sheet for every scenario with ranged parameters."""


@dataclass(frozen=True)
class SimulationRun:
    """A seeded run and the sensitivity of its scenario, as the sheet shows them."""

    analysis: Analysis
    ranges: dict[KeyPath, Param]
    settings: SimulationSettings
    command: str
    """The command line that writes the same figures again."""


def run_simulation(loaded: LoadedScenario, settings: SimulationSettings) -> SimulationRun | None:
    """Simulate the scenario and rank its parameters, or `None` when it gets no sheet."""
    scenario = loaded.scenario
    if not settings.wanted(scenario):
        return None
    return SimulationRun(
        analysis=analyse(scenario, settings.draws, settings.seed),
        ranges=ranged_parameters(scenario),
        settings=settings,
        command=recompute_command(loaded, settings),
    )


def recompute_command(loaded: LoadedScenario, settings: SimulationSettings) -> str:
    """`businesscase export scenarios/x.yaml --set ... -o OUT.xlsx --draws 10000 --seed 1`: the
    scenario's own file and changes (and `--simulation` when it was asked for), so the run can
    be repeated, or redone with another N or S."""
    parts = ["businesscase", "export", loaded.files[-1]]
    for change in loaded.changes:
        parts += ["--set", change]
    parts += ["-o", "OUT.xlsx", "--draws", str(settings.draws), "--seed", str(settings.seed)]
    if settings.include:
        parts.append("--simulation")
    return shlex.join(parts)
