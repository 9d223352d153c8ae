"""One scenario's block of sheets: the scenario, its engine results and the planned rows of
every sheet, shared by the sheet writers."""

from __future__ import annotations

from dataclasses import dataclass, field

from businesscase import (
    KeyPath,
    LoadedScenario,
    ParameterEntry,
    Results,
    Scenario,
    evaluate,
    parameter_entries,
)
from excel_export.cached_values import ValueCache
from excel_export.cell_formulas import flag_formula, line_formula, long_parts, part_key
from excel_export.labels import Words
from excel_export.layout import (
    ROLES,
    BlockCells,
    InputTitles,
    LineRow,
    Names,
    PartRow,
    Row,
    SheetRole,
    costs_rows,
    input_rows,
    numbered,
    results_rows,
    savings_rows,
    with_parts,
)
from excel_export.simulation_run import SimulationRun, SimulationSettings, run_simulation
from excel_export.timeline import YEAR_ROW, Timeline


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
    timeline: Timeline
    """The Time sheet's flags and constants, which the formulas read."""
    names: Names
    """The block's defined names, for rows named as their sheet is written."""
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

    def input_title(self, path: KeyPath) -> str:
        """An input's label with its owner: `Ass JV: Efficiency of online vs offline contact`."""
        return input_title(path, self.entries, self.scenario, self.words)

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
        return words.name(scenario.platforms[platform_id].name)

    def section_title(section: str) -> str:
        return words.section("growth_lines" if section == "growth" else section)

    titles = InputTitles(
        general=words("section.general"),
        growth=lambda name: words("section.growth", name=name),
        route=lambda name, route: words("section.route_inputs", name=name, route=route),
        average=lambda name, members: words(
            "section.average", name=name, members=", ".join(members)
        ),
        name=words.name,
    )
    names = Names(name_prefix)
    inputs = numbered(input_rows(entries, scenario, titles, names))
    planned: dict[SheetRole, list[Row]] = {
        "savings": savings_rows(lines, scenario, section_title, words.name),
        "costs": costs_rows(lines, scenario, platform_title, words("section.shared_costs")),
        "results": results_rows(lines, scenario, platform_title),
    }
    cells = BlockCells(sheets, YEAR_ROW)
    cells.place_inputs(inputs)
    rows = {"inputs": inputs, **_placed(cells, planned)}
    for key in [*cells.lines, *(f"{p}.break_even_{part}" for p, part in cells.break_even)]:
        cells.line_names[key] = names.for_line(key)
    cells.year_name = names.unique(f"{name_prefix}year_number")
    timeline = Timeline(
        sheets["time"],
        results,
        words,
        names,
        {path: row.name for path, (_, _, row) in cells.inputs.items()},
        lambda path: input_title(path, entries, scenario, words),
        lambda path: input_label(path, entries, words),
    )
    ordered = [row.line for role in planned for row in planned[role] if isinstance(row, LineRow)]
    for line in ordered:  # finds the flags and constants, in the order the sheets use them
        line_formula(line, cells, 1, timeline)
    for flag in list(timeline.flags.values()):
        flag_formula(flag, cells, 1, timeline)
    cells.parts = {
        line.key: parts for line in ordered if (parts := long_parts(line, cells, timeline))
    }
    if cells.parts:
        split = {role: with_parts(planned[role], cells.parts, part_key) for role in planned}
        rows.update(_placed(cells, split))
        for role in planned:
            for _, row in rows[role]:
                if isinstance(row, PartRow):
                    cells.line_names[row.key] = names.for_line(row.key)
    simulation = run_simulation(loaded, settings)
    shared = cache if cache is not None else ValueCache()
    return Block(
        loaded,
        results,
        entries,
        words,
        values_only,
        cells,
        rows,
        simulation,
        timeline,
        names,
        shared,
    )


def _placed(
    cells: BlockCells, planned: dict[SheetRole, list[Row]]
) -> dict[SheetRole, list[tuple[int, Row]]]:
    """The rows of the sheets of lines numbered, and each line placed in `cells`."""
    rows = {role: numbered(planned[role]) for role in planned}
    for role, placed in rows.items():
        cells.place_lines(role, placed)
    return rows


def input_label(path: KeyPath, entries: list[ParameterEntry], words: Words) -> str:
    """An input's label alone: `Efficiency of online vs offline contact`."""
    entry = next(entry for entry in entries if entry.path == path)
    return words.label(entry.label, entry.label_nl)


def input_title(
    path: KeyPath, entries: list[ParameterEntry], scenario: Scenario, words: Words
) -> str:
    """An input's label with the course or platform it belongs to, as two courses share their
    labels: `Ass JV: Efficiency of online vs offline contact`."""
    label = input_label(path, entries, words)
    if path[0] == "courses":
        owner = words.name(scenario.courses[str(path[1])].name)
        if len(path) > 3 and path[2] == "growth":
            owner = words("simulation.growth", name=owner)
        return f"{owner}: {label}"
    if path[0] == "platforms":
        return f"{words.name(scenario.platforms[str(path[1])].name)}: {label}"
    return label
