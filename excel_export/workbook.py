"""The Excel export: one workbook with a block of sheets per scenario (Inputs, Savings, Costs,
Results, Summary, and Simulation for a scenario with ranges) and an About sheet, written
atomically.

Every figure is a formula over the Inputs sheet, written from the catalogue's one definition of
each line (`Line.formula.excel`); with `values_only` the engine's figures are written instead,
for a frozen copy. A saved workbook stores the engine's figure beside every formula (see
`cached_values`) and asks to be recalculated on opening. The Simulation sheet holds the values
of a seeded Monte Carlo run, as set by `SimulationSettings` (draws, seed, whether to write it).
The About sheet keeps the record of the export that `businesscase import` reads back.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from businesscase import LoadedScenario, __version__, write_atomically
from excel_export.about_sheet import write_about
from excel_export.block import Block, plan_block
from excel_export.cached_values import ValueCache, with_cached_values
from excel_export.compare_sheet import write_compare
from excel_export.inputs_sheet import mark_changes, write_inputs
from excel_export.labels import Words
from excel_export.layout import ROLES, SheetRole
from excel_export.lines_sheet import write_lines_sheet
from excel_export.results_sheet import write_results
from excel_export.simulation_run import DEFAULT_SIMULATION, SimulationSettings
from excel_export.simulation_sheet import write_simulation
from excel_export.styles import clean_text, sheet_text, sheet_title
from excel_export.summary_sheet import write_summary
from excel_export.time_sheet import write_time

ALL_ROLES: tuple[SheetRole, ...] = (*ROLES, "simulation")
SHEET_NAME_LENGTH = 31
"""Excel's longest sheet name."""


def sheet_names(words: Words, index: int, count: int) -> dict[SheetRole, str]:
    """The sheet names of a block: `Inputs`, or `Inputs 2` when there are several scenarios
    (the Simulation sheet's name too, used when the block has one)."""
    suffix = f" {index}" if count > 1 else ""
    return {role: sheet_title(words(f"sheet.{role}") + suffix) for role in ALL_ROLES}


def scenario_sheet_names(words: Words, names: Sequence[str]) -> list[dict[SheetRole, str]]:
    """The sheet names of every block: the scenario's number (as on the About and Compare
    sheets, which give its full name), the sheet's role, and as much of what sets the scenario
    apart as fits in Excel's 31 characters, in whole parts: `1 Inputs as published`,
    `2 Inputs corrected (errata E1-E3)`, `2 Summary corrected` for `Kwadraad 2013, as
    published` and `Kwadraad 2013, corrected (errata E1-E3)` (the words all names begin with
    are left out). The number keeps them unique; one scenario keeps the plain names."""
    if len(names) < 2:
        return [sheet_names(words, 1, 1) for _ in names]
    shorts = _distinct_parts([sheet_text(name) for name in names])
    return [
        {role: _fitted(f"{index} {words(f'sheet.{role}')}", short) for role in ALL_ROLES}
        for index, short in enumerate(shorts, start=1)
    ]


_PART_END = re.compile(r"(?=,\s)|(?=\s\()|(?=\s-\s)")
"""Where a part of a scenario's name ends: before `, `, ` (` or ` - `."""


def _fitted(head: str, short: str) -> str:
    """`head` and the longest run of whole parts of `short` that fits in a sheet name
    (`corrected (errata E1-E3)` gives `corrected`), or `head` alone when no part fits."""
    ends = [match.start() for match in _PART_END.finditer(short) if match.start() > 0]
    for end in [len(short), *reversed(ends)]:
        name = f"{head} {short[:end].strip(' ,;-')}".strip()
        if len(name) <= SHEET_NAME_LENGTH:
            return name
    return head


def _distinct_parts(names: list[str]) -> list[str]:
    """The names without the words they all begin with (`Kwadraad 2013,`), when every name
    keeps some words."""
    words = [name.split() for name in names]
    common = 0
    while all(len(w) > common + 1 for w in words) and len({w[common] for w in words}) == 1:
        common += 1
    return [
        " ".join(w[common:]).strip(" ,;-") or name for w, name in zip(words, names, strict=True)
    ]


def build_workbook(
    loaded_list: Sequence[LoadedScenario],
    language: str = "en",
    values_only: bool = False,
    simulation: SimulationSettings = DEFAULT_SIMULATION,
) -> Workbook:
    """The workbook of one or more scenarios, in English (`en`) or Dutch (`nl`); a scenario
    with ranged parameters gets a Simulation sheet unless `simulation` says otherwise. With
    two or more scenarios each block's sheets are named after its scenario and a Compare
    sheet shows their differences."""
    return plan_workbook(loaded_list, language, values_only, simulation)[0]


def plan_workbook(
    loaded_list: Sequence[LoadedScenario],
    language: str = "en",
    values_only: bool = False,
    simulation: SimulationSettings = DEFAULT_SIMULATION,
    *,
    names: Sequence[dict[str, str]] | None = None,
) -> tuple[Workbook, list[Block], ValueCache]:
    """The workbook, its blocks (what each sheet holds where) and the value of every formula
    it holds. `names` gives each block's sheet names by role (as the About sheet records
    them, for `businesscase import`) instead of names after the scenarios."""
    if not loaded_list:
        raise ValueError("give at least one scenario to export")
    words = Words(language)
    count = len(loaded_list)
    if names is not None:
        planned = [
            {**sheet_names(words, index, count), **given}
            for index, given in enumerate(names, start=1)
        ]
    else:
        planned = scenario_sheet_names(
            words, [words.name(one.scenario.name) for one in loaded_list]
        )
    workbook = Workbook()
    workbook.remove(workbook.active)
    cache = ValueCache()
    blocks: list[Block] = []
    for index, loaded in enumerate(loaded_list, start=1):
        sheets = planned[index - 1]
        prefix = f"s{index}_" if count > 1 else ""
        block = plan_block(loaded, words, values_only, sheets, prefix, simulation, cache)
        blocks.append(block)
        write_inputs(workbook.create_sheet(sheets["inputs"]), block)
        write_time(workbook.create_sheet(sheets["time"]), block)
        write_lines_sheet(workbook.create_sheet(sheets["savings"]), block, "savings")
        write_lines_sheet(workbook.create_sheet(sheets["costs"]), block, "costs")
        write_results(workbook.create_sheet(sheets["results"]), block)
        write_summary(workbook.create_sheet(sheets["summary"]), block)
        if block.simulation:
            write_simulation(workbook.create_sheet(sheets["simulation"]), block, block.simulation)
    if count > 1:
        write_compare(workbook.create_sheet(sheet_title(words("sheet.compare"))), blocks)
    about = workbook.create_sheet(sheet_title(words("sheet.about")))
    record_rows = write_about(about, blocks, words, values_only)
    for block, rows in zip(blocks, record_rows, strict=True):
        mark_changes(workbook[block.cells.sheets["inputs"]], block, about.title, rows)
    workbook.active = workbook.sheetnames.index(blocks[0].cells.sheets["summary"])
    title = " / ".join(words.name(loaded.scenario.name) for loaded in loaded_list)
    workbook.properties.title = clean_text(title)
    workbook.properties.creator = clean_text(f"businesscase {__version__}")
    workbook.calculation.fullCalcOnLoad = True  # Excel recalculates every formula on opening
    return workbook, blocks, cache


def saved(workbook: Workbook, cache: ValueCache) -> bytes:
    """The workbook as .xlsx bytes, with the value of every formula stored beside it."""
    stream = io.BytesIO()
    workbook.save(stream)
    return with_cached_values(stream.getvalue(), cache)


def workbook_bytes(
    loaded_list: Sequence[LoadedScenario],
    language: str = "en",
    values_only: bool = False,
    simulation: SimulationSettings = DEFAULT_SIMULATION,
) -> bytes:
    """The workbook of one or more scenarios as .xlsx bytes, for the app's download button
    (several scenarios: sheets named after them and a Compare sheet, as `write_workbook`)."""
    workbook, _, cache = plan_workbook(loaded_list, language, values_only, simulation)
    return saved(workbook, cache)


def write_workbook(
    loaded_list: Sequence[LoadedScenario],
    path: str | Path,
    language: str = "en",
    values_only: bool = False,
    simulation: SimulationSettings = DEFAULT_SIMULATION,
) -> Path:
    """Write the workbook to `path` atomically: it is built first, saved to a temporary file
    beside the target, then renamed over it. A failure leaves no half-written file and keeps
    any workbook already at `path`. Raises OSError when the path cannot be written."""
    workbook, _, cache = plan_workbook(loaded_list, language, values_only, simulation)
    return write_atomically(path, saved(workbook, cache))
