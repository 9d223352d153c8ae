"""One scenario's block of sheets: the scenario, its engine results and the planned rows of
every sheet, shared by the sheet writers."""

from __future__ import annotations

from dataclasses import dataclass, field

from businesscase import (
    LoadedScenario,
    ParameterEntry,
    Results,
    Scenario,
    evaluate,
    parameter_entries,
)
from excel_export.cached_values import ValueCache
from excel_export.labels import Words
from excel_export.layout import (
    ROLES,
    BlockCells,
    InputTitles,
    Row,
    SheetRole,
    costs_rows,
    input_rows,
    numbered,
    results_rows,
    savings_rows,
)
from excel_export.simulation_run import SimulationRun, SimulationSettings, run_simulation


@dataclass
class Block:
    """Everything a sheet writer needs for one scenario."""

    loaded: LoadedScenario
    results: Results
    entries: list[ParameterEntry]
    words: Words
    values_only: bool
    cells: BlockCells
    rows: dict[SheetRole, list[tuple[int, Row]]]
    simulation: SimulationRun | None
    """The seeded run for the Simulation sheet, or `None` when the block has no such sheet."""
    cache: ValueCache = field(default_factory=ValueCache)
    """Where the sheet writers note the value of every formula they write (shared by the
    blocks of a workbook), stored beside the formulas when the workbook is saved."""

    @property
    def scenario(self) -> Scenario:
        return self.loaded.scenario

    @property
    def horizon(self) -> int:
        return self.scenario.horizon_years

    @property
    def years(self) -> range:
        return range(1, self.horizon + 1)

    @property
    def roles(self) -> tuple[SheetRole, ...]:
        """The sheets this block writes, in order."""
        return (*ROLES, "simulation") if self.simulation else ROLES


def plan_block(
    loaded: LoadedScenario,
    words: Words,
    values_only: bool,
    sheets: dict[SheetRole, str],
    name_prefix: str,
    settings: SimulationSettings,
    cache: ValueCache | None = None,
) -> Block:
    """Evaluate the scenario and place every input and line, so formulas can refer to any of
    them before they are written; simulate it when it gets a Simulation sheet."""
    scenario = loaded.scenario
    results = evaluate(scenario)
    entries = parameter_entries(loaded)
    lines = results.lines

    def platform_title(platform_id: str) -> str:
        return scenario.platforms[platform_id].name

    def section_title(section: str) -> str:
        return words.section("growth_lines" if section == "growth" else section)

    titles = InputTitles(
        general=words("section.general"),
        growth=lambda name: words("section.growth", name=name),
        route=lambda name, route: words("section.route_inputs", name=name, route=route),
        average=lambda name, members: words(
            "section.average", name=name, members=", ".join(members)
        ),
    )
    rows: dict[SheetRole, list[tuple[int, Row]]] = {
        "inputs": numbered(input_rows(entries, scenario, titles, name_prefix)),
        "savings": numbered(savings_rows(lines, scenario, section_title)),
        "costs": numbered(
            costs_rows(lines, scenario, platform_title, words("section.shared_costs"))
        ),
        "results": numbered(results_rows(lines, scenario, platform_title)),
    }
    cells = BlockCells(sheets)
    cells.place_inputs(rows["inputs"])
    for role in ("savings", "costs", "results"):
        cells.place_lines(role, rows[role])
    simulation = run_simulation(loaded, settings)
    shared = cache if cache is not None else ValueCache()
    return Block(loaded, results, entries, words, values_only, cells, rows, simulation, shared)
