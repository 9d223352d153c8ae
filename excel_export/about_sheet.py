"""The About sheet: what the workbook holds and where it comes from (scenario, files, changes,
time, package version), whether a Simulation sheet holds the values of a seeded run, every
override with its reason, and the errata the scenario notes."""

from __future__ import annotations

import re
from datetime import datetime

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import __version__, ranged_parameters
from excel_export.block import Block
from excel_export.labels import Words
from excel_export.styles import (
    TITLE_FONT,
    TOTAL_FONT,
    header_row,
    number_format,
    print_setup,
    put_text,
    section_row,
    wrap_text,
)

TEXT_WIDTH = 100
"""Width of column B, where descriptions, reasons and errata wrap."""
_ERRATUM = re.compile(r"errat", re.IGNORECASE)


def write_about(ws: Worksheet, blocks: list[Block], words: Words, values_only: bool) -> None:
    """Fill the About sheet: one general part, then one part per scenario block."""
    put_text(ws.cell(1, 1), words("about.title")).font = TITLE_FONT
    mode = "about.mode.values" if values_only else "about.mode.formulas"
    number = _pairs(
        ws,
        3,
        [
            (words("about.generated"), datetime.now().astimezone().isoformat(timespec="seconds")),
            (words("about.version"), __version__),
            (words("about.mode"), words(mode)),
        ],
    )
    for index, block in enumerate(blocks, start=1):
        number = _write_block(ws, number + 1, block, index if len(blocks) > 1 else None)
    for column, width in {"A": 45, "B": TEXT_WIDTH, "C": 14, "D": 16}.items():
        ws.column_dimensions[column].width = width
    print_setup(ws)


def _write_block(ws: Worksheet, number: int, block: Block, index: int | None) -> int:
    words, loaded = block.words, block.loaded
    title = f"{index}. {loaded.scenario.name}" if index else loaded.scenario.name
    section_row(ws, number, title, 4)
    sheets = ", ".join(block.cells.sheets[role] for role in block.roles)
    number = _pairs(
        ws,
        number + 1,
        [
            (words("about.scenario"), loaded.scenario.name),
            (words("about.description"), loaded.scenario.description),
            (words("about.files"), "\n".join(loaded.files)),
            (words("about.changes"), "\n".join(loaded.changes) or words("about.none")),
            (words("about.sheets"), sheets),
            (words("about.simulation"), _simulation_text(block)),
        ],
    )
    number = _write_overrides(ws, number + 1, block)
    return _write_errata(ws, number + 1, block)


def _simulation_text(block: Block) -> str:
    """What the Simulation sheet holds (values of a seeded run, and how to recompute them), or
    why the block has none."""
    words, run = block.words, block.simulation
    if run is None:
        reason = "left_out" if ranged_parameters(block.scenario) else "no_ranges"
        return words(f"about.simulation.{reason}")
    return words(
        "about.simulation.values",
        sheet=block.cells.sheets["simulation"],
        draws=words.count(run.settings.draws),
        seed=run.settings.seed,
        command=run.command,
    )


def _pairs(ws: Worksheet, number: int, pairs: list[tuple[str, str]]) -> int:
    """Label-value rows; returns the row after them."""
    for label, value in pairs:
        put_text(ws.cell(number, 1), label).font = TOTAL_FONT
        wrap_text(put_text(ws.cell(number, 2), value), TEXT_WIDTH)
        number += 1
    return number


def _write_overrides(ws: Worksheet, number: int, block: Block) -> int:
    words = block.words
    put_text(ws.cell(number, 1), words("about.overrides")).font = TOTAL_FONT
    if not block.results.pins:
        put_text(ws.cell(number, 2), words("about.no_overrides"))
        return number + 1
    header_row(
        ws,
        number + 1,
        [words(f"about.override_head.{part}") for part in ("line", "reason", "value", "years")],
    )
    number += 2
    for key, pin in block.results.pins.items():
        put_text(ws.cell(number, 1), key)
        wrap_text(put_text(ws.cell(number, 2), pin.reason), TEXT_WIDTH)
        value = ws.cell(number, 3, pin.value)
        value.number_format = number_format(block.results.lines[key].unit)
        years = put_text(ws.cell(number, 4), ", ".join(str(year) for year in pin.years))
        years.alignment = Alignment(horizontal="center")
        number += 1
    return number


def _write_errata(ws: Worksheet, number: int, block: Block) -> int:
    """The parameters whose source, and the overrides whose reason, mention an erratum: when the
    published sheet is exported its slips are listed here."""
    notes = [
        (entry.key, entry.source)
        for entry in block.entries
        if entry.source and _ERRATUM.search(entry.source)
    ]
    notes += [
        (f"overrides: {key}", pin.reason)
        for key, pin in block.results.pins.items()
        if _ERRATUM.search(pin.reason)
    ]
    if not notes:
        return number
    put_text(ws.cell(number, 1), block.words("about.errata")).font = TOTAL_FONT
    for offset, (where, text) in enumerate(notes, start=1):
        put_text(ws.cell(number + offset, 1), where)
        wrap_text(put_text(ws.cell(number + offset, 2), text), TEXT_WIDTH)
    return number + len(notes) + 1
