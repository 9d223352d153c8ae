"""The About sheet: what the workbook holds and where it comes from (scenario, files, changes,
time, package version), whether a Simulation sheet holds the values of a seeded run, every
override with its reason, the errata the scenario notes, and the edits made in the workbook:
how many inputs changed (live), how to bring them back (`businesscase import`) and what an edit
in the workbook cannot do. At the end, the export's record: every input as exported, and (in a
hidden row 2) the files, changes, version and sheets that `businesscase import` reads."""

from __future__ import annotations

import re
import shlex
from datetime import datetime

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import KeyPath, __version__, ranged_parameters
from excel_export.block import Block
from excel_export.labels import Words
from excel_export.layout import (
    FIRST_YEAR_COLUMN,
    ROLES,
    InputColumns,
    InputRow,
    sheet_prefix,
    year_column,
    year_letter,
)
from excel_export.record import (
    FIRST_RECORD_YEAR_COLUMN,
    MARKER,
    RECORD_ROW,
    BlockRecord,
    ExportRecord,
)
from excel_export.styles import (
    KEY_FONT,
    TITLE_FONT,
    TOTAL_FONT,
    clean_text,
    header_row,
    joined,
    literal,
    number_format,
    print_setup,
    put_text,
    section_row,
    wrap_text,
)

TEXT_WIDTH = 100
"""Width of column B, where descriptions, reasons and errata wrap."""
_ERRATUM = re.compile(r"errat", re.IGNORECASE)
TOP = Alignment(vertical="top")
TOP_WRAP = Alignment(wrap_text=True, vertical="top")


def write_about(
    ws: Worksheet, blocks: list[Block], words: Words, values_only: bool
) -> list[dict[KeyPath, int]]:
    """Fill the About sheet: one general part, then one part per scenario block, then the
    export's record. Returns, per block, the record's row of every input (for the Changed
    column of its Inputs sheet)."""
    put_text(ws.cell(1, 1), words("about.title")).font = TITLE_FONT
    mode = "about.mode.values" if values_only else "about.mode.formulas"
    general = [
        (words("about.generated"), datetime.now().astimezone().isoformat(timespec="seconds")),
        (words("about.version"), __version__),
        (words("about.mode"), words(mode)),
    ]
    if not values_only:
        general.append((words("about.recalculation"), words("about.recalculation.text")))
    number = _pairs(ws, 3, general)
    several = len(blocks) > 1
    for index, block in enumerate(blocks, start=1):
        number = _write_block(ws, number + 1, block, index if several else None, len(blocks))
    record_rows: list[dict[KeyPath, int]] = [{} for _ in blocks]
    if not values_only:
        section_row(ws, number + 1, words("about.record"), 4)
        number += 2
        for index, block in enumerate(blocks, start=1):
            number, record_rows[index - 1] = _write_inputs_record(
                ws, number, block, index if several else None
            )
    _write_export_record(ws, blocks, words, values_only, record_rows)
    widths = {"A": 45, "B": TEXT_WIDTH, "C": 14, "D": 16}
    horizon = max(block.horizon for block in blocks)
    for column in range(FIRST_RECORD_YEAR_COLUMN + 2, FIRST_RECORD_YEAR_COLUMN + horizon):
        widths[get_column_letter(column)] = 14
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    print_setup(ws, "1:1")
    return record_rows


def _write_block(ws: Worksheet, number: int, block: Block, index: int | None, count: int) -> int:
    words, loaded = block.words, block.loaded
    title = (
        f"{index}. {words.name(loaded.scenario.name)}"
        if index
        else words.name(loaded.scenario.name)
    )
    section_row(ws, number, title, 4)
    sheets = ", ".join(block.cells.sheets[role] for role in block.roles)
    number = _pairs(
        ws,
        number + 1,
        [
            (words("about.scenario"), words.name(loaded.scenario.name)),
            (words("about.description"), words.name(loaded.scenario.description)),
            (words("about.files"), "\n".join(loaded.files)),
            (words("about.changes"), "\n".join(loaded.changes) or words("about.none")),
            (words("about.sheets"), sheets),
            (words("about.simulation"), _simulation_text(block)),
        ],
    )
    number = _write_overrides(ws, number + 1, block)
    number = _write_errata(ws, number + 1, block)
    if block.values_only:
        return number
    return _write_edits(ws, number + 1, block, count)


def _write_edits(ws: Worksheet, number: int, block: Block, count: int) -> int:
    """How many inputs changed since the export (a live count of the Inputs sheet's Changed
    column), how to bring the edits back, and what an edit in the workbook cannot do."""
    words = block.words
    put_text(ws.cell(number, 1), words("about.edits")).font = TOTAL_FONT
    inputs = block.cells.sheets["inputs"]
    columns = InputColumns(block.horizon)
    rows = [
        n for n, row in block.rows["inputs"] if isinstance(row, InputRow) and row.kind != "fixed"
    ]
    letter = get_column_letter(columns.changed)
    span = f"{sheet_prefix(inputs)}${letter}${min(rows)}:${letter}${max(rows)}"
    counted = f"COUNTIF({span},{literal(words('changed.mark'))})"
    none = words("about.edits.none")
    some = words("about.edits.some", count="{count}", total="{total}", column=letter, sheet=inputs)
    # the inputs are counted from the Changed column (COUNTA), not written in as a number
    told = joined(some, count=counted, total=f"COUNTA({span})")
    put_text(ws.cell(number + 1, 1), words("about.edits.count"))
    cell = ws.cell(number + 1, 2)
    cell.value = f"=IF({counted}=0,{literal(none)},{told})"
    block.cache.put(cell, clean_text(none))
    book, changes = words("import.workbook"), words("import.changes")
    imported = shlex.join(["businesscase", "import", book, "-o", changes])
    text = words(
        "about.edits.import_text",
        command=imported,
        file=block.loaded.files[-1],
        example=f'source: "edited in {book}, was 75"',
    )
    if count > 1:
        text += words("about.edits.import_several", count=count)
    export = ["businesscase", "export", block.loaded.files[-1]]
    for change in block.loaded.changes:
        export += ["--set", change]
    export += ["-o", book]
    cannot = words("about.edits.cannot_text", command=shlex.join(export))
    return _pairs(
        ws,
        number + 2,
        [(words("about.edits.import"), text), (words("about.edits.cannot"), cannot)],
        bold=False,
    )


def _write_inputs_record(
    ws: Worksheet, number: int, block: Block, index: int | None
) -> tuple[int, dict[KeyPath, int]]:
    """The block's inputs as exported: key, label and cell, and the value per year (one value
    for an input held in one cell), each in its unit's format. Returns the row after the table
    and the row of each input."""
    words = block.words
    if index is not None:
        put_text(
            ws.cell(number, 1), f"{index}. {words.name(block.scenario.name)}"
        ).font = TOTAL_FONT
        number += 1
    years = [f"{words('year')} {year}" for year in block.years]
    header_row(ws, number, [words("about.record.key"), words("about.record.input"), *years])
    number += 1
    inputs = block.cells.sheets["inputs"]
    rows: dict[KeyPath, int] = {}
    for at, row in block.rows["inputs"]:
        if not isinstance(row, InputRow):
            continue
        entry = row.entry
        values = [float(v) for v in entry.values.reshape(-1)]
        one = row.kind in ("constant", "fixed")
        first = get_column_letter(FIRST_YEAR_COLUMN - 1 if one else year_column(1))
        cells = f"{first}{at}" if one else f"{first}{at}:{year_letter(block.horizon)}{at}"
        put_text(ws.cell(number, 1), entry.key).font = KEY_FONT
        label = words.label(entry.label, entry.label_nl)
        put_text(ws.cell(number, 2), f"{label} ({sheet_prefix(inputs)}{cells})")
        for offset, value in enumerate(values[:1] if one else values):
            cell = ws.cell(number, FIRST_RECORD_YEAR_COLUMN + offset, value)
            cell.number_format = number_format(entry.unit)
        rows[entry.path] = number
        number += 1
    return number, rows


def _write_export_record(
    ws: Worksheet,
    blocks: list[Block],
    words: Words,
    values_only: bool,
    record_rows: list[dict[KeyPath, int]],
) -> None:
    """Row 2 (hidden): the marker and the record `businesscase import` reads."""
    record = ExportRecord(
        version=__version__,
        language=words.language,
        values_only=values_only,
        about=ws.title,
        blocks=[
            BlockRecord(
                files=list(block.loaded.files),
                changes=list(block.loaded.changes),
                sheets={role: block.cells.sheets[role] for role in ROLES},
                first_row=min(rows.values(), default=0),
                keys=[r.entry.key for _, r in block.rows["inputs"] if isinstance(r, InputRow)],
            )
            for block, rows in zip(blocks, record_rows, strict=True)
        ],
    )
    put_text(ws.cell(RECORD_ROW, 1), MARKER).font = KEY_FONT
    put_text(ws.cell(RECORD_ROW, 2), record.to_json()).font = KEY_FONT
    ws.row_dimensions[RECORD_ROW].hidden = True


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


def _pairs(ws: Worksheet, number: int, pairs: list[tuple[str, str]], bold: bool = True) -> int:
    """Label-value rows; returns the row after them."""
    for label, value in pairs:
        cell = put_text(ws.cell(number, 1), label)
        cell.alignment = TOP
        if bold:
            cell.font = TOTAL_FONT
        text = put_text(ws.cell(number, 2), value)
        wrap_text(text, TEXT_WIDTH)
        text.alignment = TOP_WRAP
        number += 1
    return number


def _write_overrides(ws: Worksheet, number: int, block: Block) -> int:
    """Every pinned line by the defined name of its row (the name its sheet's Key column
    shows), with the reason, the value and the years it holds in."""
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
        put_text(ws.cell(number, 1), block.cells.line_names[key])
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
