"""Reading an exported workbook back (`businesscase import`): the inputs an analyst changed in
it, checked against the scenario it was exported from (`child_file` writes them as a small
scenario file per block of sheets that `extends` that scenario).

What is read and what is refused, never silently wrong:

- The workbook must carry the record of its export (About!B2, see `record`); a workbook from
  elsewhere is refused, and so is a values-only copy.
- The scenario file(s) it came from are loaded again (with the export's `--set` changes) and
  must still give the values the workbook was exported with; the workbook is rebuilt from them
  and compared cell by cell: a renamed sheet, a deleted or moved input row, a formula typed over
  in a line cell or changed, a pinned figure or a defined name changed are refused, with the
  sheet and cell. So is a defined name of the block's sheets pointed elsewhere (or shadowed by a
  name of one sheet), which would change the figures without changing a formula.
- An input cell holds a number, or a text read as the scenario format reads numbers (`80,5` is
  80.5, `45%` in a percentage is 0.45; `abc` or `1,500` is refused with the model's reason); an
  empty cell, a date, a formula (other than a year that follows the year before) or a changed
  horizon is refused. In the Dutch workbook `1.500` is refused too: a Dutch reader means 1500,
  the scenario format one and a half. A cell of an input row that is not read (a year of an
  input held in one cell, the value column of one held by year) must stay as exported: a
  number typed there would be lost. The values are then validated as the model validates a
  scenario.
- The file itself is bounded: a workbook that unpacks to more than `MOST_UNPACKED` bytes is
  refused before it is read, so that a hostile file cannot exhaust the memory.
"""

from __future__ import annotations

import datetime
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import (
    LANGUAGES,
    AnyChange,
    Change,
    KeyPath,
    LoadedScenario,
    Param,
    ScenarioError,
    dotted,
    load_scenario,
    number_text,
    value_at,
    with_changes,
)
from excel_export.block import Block
from excel_export.layout import (
    FIRST_YEAR_COLUMN,
    ROLES,
    InputColumns,
    InputRow,
    year_column,
)
from excel_export.record import (
    FIRST_RECORD_YEAR_COLUMN,
    MARKER,
    RECORD_ROW,
    BlockRecord,
    ExportRecord,
    amounts,
    steps,
    written,
)
from excel_export.simulation_run import SimulationSettings
from excel_export.workbook import plan_workbook

SHOWN_PROBLEMS = 12
"""Problems listed at most; the rest are counted."""
MOST_UNPACKED = 64 * 1024 * 1024
"""The most a workbook may unpack to (its parts' sizes added up). An exported workbook of two
scenarios unpacks to about 1.3 MB; reading 37 MB took openpyxl 7 s and 700 MB of memory, so
this leaves room for sheets an analyst adds while a zip bomb is refused before it is read."""
SHOWN_TEXT = 40
"""Characters of a typed text a message quotes at most."""
_DUTCH_THOUSANDS = re.compile(r"([+-]?\d{1,3})\.(\d{3})(\s*%?)")
"""`1.500` (or `1.500%`): a Dutch reader groups thousands with the point, the scenario format
reads a decimal point."""
TOLERANCE = 1e-9
"""Relative difference below which a value is as exported (a stored 1/3 may come back rounded
to 15 digits), as the Changed column of the Inputs sheet compares."""


class WorkbookRefused(Exception):
    """The workbook cannot be read back; every problem names its sheet and cell."""

    def __init__(self, book: str, problems: list[str]) -> None:
        self.book, self.problems = book, problems
        super().__init__(self.report())

    def report(self) -> str:
        count = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        lines = [f"{self.book}: {count}"]
        lines += [f"  {problem}" for problem in self.problems[:SHOWN_PROBLEMS]]
        if len(self.problems) > SHOWN_PROBLEMS:
            lines.append(f"  ... and {len(self.problems) - SHOWN_PROBLEMS} more")
        return "\n".join(lines)


@dataclass(frozen=True)
class Edit:
    """An input changed in the workbook: its cells, its values as exported and as found (one
    value for an input held in one cell, else one per year)."""

    row: InputRow
    cells: str
    was: tuple[float, ...]
    now: tuple[float, ...]

    @property
    def path(self) -> KeyPath:
        return self.row.entry.path

    @property
    def key(self) -> str:
        return self.row.entry.key

    def value(self) -> float | dict[int, float]:
        """The new value as a scenario file holds it."""
        return self._as_written(self.now)

    def old(self) -> float | dict[int, float]:
        return self._as_written(self.was)

    def _as_written(self, values: tuple[float, ...]) -> float | dict[int, float]:
        if self.row.kind == "yearly":
            return amounts(values)
        if self.row.kind == "steps":
            found = steps(values)
            return found[1] if len(found) == 1 else found
        return values[0]

    def change(self) -> Change:
        value = self.value()
        if isinstance(value, dict):
            return Change(self.path, tuple(value.items()))
        return Change(self.path, value)

    def describe(self) -> str:
        percent = self.row.entry.is_percentage
        return f"{self.key}: {written(self.old(), percent)} -> {written(self.value(), percent)}"


@dataclass
class BlockEdits:
    """One block of sheets read back: the scenario it was exported from and what changed."""

    index: int
    record: BlockRecord
    file: Path
    """The scenario file it was exported from (the one the child file extends)."""
    exported: LoadedScenario
    """That file with the export's changes: the scenario as exported."""
    edits: list[Edit]
    edited: LoadedScenario
    """The scenario as exported with the workbook's edits: what the child file must give."""


# ---------------------------------------------------------------- reading


def read_edits(
    book: str | Path, scenario_files: Sequence[str | Path] = ()
) -> tuple[ExportRecord, list[BlockEdits]]:
    """The edits of every block of an exported workbook. `scenario_files` (one per block, in
    order) replaces the files named in the workbook's record. Raises WorkbookRefused, or
    ScenarioError when the scenario file does not load."""
    path = Path(book)
    name = str(book)
    workbook = _open(path, name)
    about, record = _find_record(workbook, name)
    refuse = _Refusals(name)
    if record.values_only:
        refuse.now(
            f"{about.title}!B{RECORD_ROW}: a values-only copy (exported with --values-only): its "
            "inputs are not live and nothing in it is read back; export without --values-only"
        )
    if record.language not in LANGUAGES:
        refuse.now(f"{about.title}!B{RECORD_ROW}: unknown language {record.language!r}")
    if scenario_files and len(scenario_files) != len(record.blocks):
        refuse.now(
            f"{about.title}!B{RECORD_ROW}: the workbook holds {len(record.blocks)} scenario(s); "
            f"give --scenario once per scenario ({len(scenario_files)} given)"
        )
    for block_record in record.blocks:
        for role in ROLES:
            sheet = block_record.sheets.get(role, "")
            if sheet not in workbook.sheetnames:
                refuse.add(
                    f"sheet {sheet!r} not found: it was renamed or deleted (the workbook's sheets: "
                    f"{', '.join(workbook.sheetnames)}); give it back its name"
                )
    refuse.check()
    files = [
        _scenario_file(path, about.title, index, block_record, scenario_files, refuse)
        for index, block_record in enumerate(record.blocks, start=1)
    ]
    refuse.check()
    exported = [
        load_scenario(file, block_record.changes)
        for file, block_record in zip(files, record.blocks, strict=True)
    ]
    expected, blocks, _ = plan_workbook(
        exported,
        record.language,
        False,
        SimulationSettings(include=False),
        names=[block_record.sheets for block_record in record.blocks],
    )
    results = []
    for index, (block, block_record, file) in enumerate(
        zip(blocks, record.blocks, files, strict=True), start=1
    ):
        exported_values = _read_record(about, block, block_record, file, refuse)
        refuse.check()
        _compare_structure(expected, workbook, block, refuse)
        refuse.check()
        sheet = block.cells.sheets["inputs"]
        found = _read_inputs(workbook[sheet], expected[sheet], block, record.language, refuse)
        refuse.check()
        edits, edited = _edits(block, exported_values, found, refuse)
        results.append(BlockEdits(index, block_record, file, block.loaded, edits, edited))
    return record, results


class _Refusals:
    """Problems gathered, then raised together."""

    def __init__(self, book: str) -> None:
        self.book = book
        self.problems: list[str] = []

    def add(self, problem: str) -> None:
        self.problems.append(problem)

    def now(self, problem: str) -> None:
        self.add(problem)
        self.check()

    def check(self) -> None:
        if self.problems:
            raise WorkbookRefused(self.book, self.problems)


def _open(path: Path, name: str) -> Workbook:
    """The workbook, or a refusal saying why it cannot be read (not found, a folder, not an
    .xlsx workbook, too big once unpacked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
        if unpacked > MOST_UNPACKED:
            raise WorkbookRefused(
                name,
                [
                    f"the workbook unpacks to {unpacked // 2**20:,} MB, more than the "
                    f"{MOST_UNPACKED // 2**20} MB businesscase import reads (an exported workbook "
                    "is a few MB): delete the sheets or rows added to it, or type the edits into "
                    "a fresh export"
                ],
            )
        return load_workbook(path)
    except FileNotFoundError:
        raise WorkbookRefused(name, ["file not found"]) from None
    except IsADirectoryError:
        raise WorkbookRefused(name, ["is a folder, not a workbook"]) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        reason = getattr(error, "strerror", None) or (
            "not an .xlsx workbook; a workbook saved as .xls or .ods must be saved as an Excel "
            "workbook (.xlsx) first"
        )
        raise WorkbookRefused(name, [f"cannot read the workbook ({reason})"]) from None


def _find_record(workbook: Workbook, name: str) -> tuple[Worksheet, ExportRecord]:
    """The sheet that holds the export's record (the About sheet) and the record."""
    for ws in workbook.worksheets:
        if ws.cell(RECORD_ROW, 1).value == MARKER:
            try:
                return ws, ExportRecord.from_json(str(ws.cell(RECORD_ROW, 2).value or ""))
            except ValueError as reason:
                raise WorkbookRefused(name, [f"{ws.title}!B{RECORD_ROW}: {reason}"]) from None
    sheets = ", ".join(workbook.sheetnames)
    raise WorkbookRefused(
        name,
        [
            f"not a workbook written by businesscase export: no sheet holds its record in cell "
            f"A{RECORD_ROW} (the About sheet, Info in Dutch, holds it in About!A{RECORD_ROW}; "
            f"this workbook's sheets: {sheets}). Export the scenario with businesscase export "
            "FILE -o WORKBOOK.xlsx, edit that workbook and import it"
        ],
    )


def _scenario_file(
    book: Path,
    about: str,
    index: int,
    record: BlockRecord,
    given: Sequence[str | Path],
    refuse: _Refusals,
) -> Path:
    """The scenario file a block was exported from: as given with --scenario, or as named in
    the record, from the current folder or beside the workbook."""
    if given:
        return Path(given[index - 1])
    named = Path(record.file)
    for candidate in (named, book.parent / named):
        if candidate.is_file():
            return candidate
    refuse.add(
        f"{about}!B{RECORD_ROW}: the scenario file {record.file} that scenario {index} was "
        f"exported from is not found (looked in {Path.cwd()} and beside the workbook); give it "
        "with --scenario FILE"
    )
    return named


def _input_rows(block: Block) -> list[tuple[int, InputRow]]:
    return [(number, row) for number, row in block.rows["inputs"] if isinstance(row, InputRow)]


def _read_record(
    about: Worksheet, block: Block, record: BlockRecord, file: Path, refuse: _Refusals
) -> dict[KeyPath, tuple[float, ...]]:
    """The values each input was exported with, from the About sheet's record table, checked
    against the scenario file as it is now (which must still give them)."""
    rows = _input_rows(block)
    keys = [row.entry.key for _, row in rows]
    if keys != record.keys:
        added = sorted(set(keys) - set(record.keys))
        removed = sorted(set(record.keys) - set(keys))
        what = "; ".join(
            part
            for part in (
                f"inputs now in the file but not in the workbook: {', '.join(added[:5])}"
                if added
                else "",
                f"inputs in the workbook no longer in the file: {', '.join(removed[:5])}"
                if removed
                else "",
            )
            if part
        )
        refuse.add(
            f"{about.title}!B{RECORD_ROW}: the scenario file {file} has changed since the export "
            f"({what or 'its inputs are in another order'}); export it again and make the edits in "
            "the new workbook, or give the file as it was with --scenario"
        )
        return {}
    values: dict[KeyPath, tuple[float, ...]] = {}
    for offset, (_, row) in enumerate(rows):
        number = record.first_row + offset
        key = about.cell(number, 1).value
        if key != row.entry.key:
            refuse.add(
                f"{about.title}!A{number}: the export's record should name {row.entry.key} here, "
                f"found {key!r}: the record was edited; export the scenario again"
            )
            return {}
        count = 1 if row.kind in ("constant", "fixed") else block.horizon
        cells = [about.cell(number, FIRST_RECORD_YEAR_COLUMN + i) for i in range(count)]
        if not all(_is_number(cell.value) for cell in cells):
            refuse.add(
                f"{about.title}!{cells[0].coordinate}: the export's record of {row.entry.key} "
                "holds no number: the record was edited; export the scenario again"
            )
            continue
        recorded = tuple(float(cell.value) for cell in cells)
        now = tuple(float(v) for v in row.entry.values.reshape(-1)[:count])
        if not _same(now, recorded):
            percent = row.entry.is_percentage
            refuse.add(
                f"{about.title}!{cells[0].coordinate}: the scenario file {file} has changed since "
                f"the export: {row.entry.key} is {_shown(now, row, percent)} in it now, the "
                f"workbook was exported with {_shown(recorded, row, percent)} (or this record of "
                "the export was edited); export it again and make the edits in the new workbook, "
                "or give the file as it was with --scenario"
            )
        values[row.entry.path] = recorded
    return values


def _shown(values: tuple[float, ...], row: InputRow, percent: bool) -> str:
    if len(values) == 1:
        return written(values[0], percent)
    return written(amounts(values) if row.kind == "yearly" else steps(values), percent)


# ---------------------------------------------------------------- structure


_STRING = re.compile(r'"(?:[^"]|"")*"')


def normal_formula(formula: str) -> str:
    """A formula as Excel and LibreOffice may both write it: no `$`, spaces or `_xlfn.`,
    upper case, `FALSE()` as `FALSE` (text within quotes kept as it is)."""
    parts = []
    last = 0
    for match in _STRING.finditer(formula):
        parts.append(_normal_code(formula[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_normal_code(formula[last:]))
    return "".join(parts)


def _normal_code(code: str) -> str:
    code = code.upper().replace("$", "").replace(" ", "").replace("_XLFN.", "")
    return code.replace("FALSE()", "FALSE").replace("TRUE()", "TRUE")


def _compare_structure(
    expected: Workbook, actual: Workbook, block: Block, refuse: _Refusals
) -> None:
    """The block's sheets as they were written: every line cell's formula, every pinned or
    fixed figure, every key; the Inputs sheet's rows; the inputs' defined names."""
    for role in ("time", "savings", "costs", "results", "summary"):
        sheet = block.cells.sheets[role]
        _compare_sheet(expected[sheet], actual[sheet], refuse)
    sheet = block.cells.sheets["inputs"]
    found = actual[sheet]
    column = InputColumns(block.horizon).key
    moved = [
        (number, row)
        for number, row in _input_rows(block)
        if found.cell(number, column).value != row.name
    ]
    if moved:
        number, row = moved[0]
        cell = found.cell(number, column)
        more = f" (and {len(moved) - 1} rows more)" if len(moved) > 1 else ""
        refuse.add(
            f"{sheet}!{cell.coordinate}: the input {row.entry.key} should be in row {number}, "
            f"found {cell.value!r}{more}: an input row was deleted, inserted or moved; undo that "
            "(or export again) and change the values only"
        )
    _compare_names(expected, actual, block, refuse)


def _compare_names(expected: Workbook, actual: Workbook, block: Block, refuse: _Refusals) -> None:
    """Every defined name into the block's sheets (an input, a line, a flag row, a constant
    such as `minutes_per_hour`) points where it was written, and no name of one sheet shadows
    a name of the workbook there: the formulas read through the names, so a name pointed
    elsewhere changes the figures while every formula stays as written."""
    sheets = {block.cells.sheets[role] for role in ROLES}
    for name, defined in expected.defined_names.items():
        want = defined.attr_text
        if not _sheets_of(want) & sheets:
            continue
        there = actual.defined_names.get(name)
        got = there.attr_text if there is not None else None
        if got is None or normal_formula(got) != normal_formula(want):
            refuse.add(
                f"{want}: the defined name {name} points at {got or 'nothing'}; it was written "
                f"pointing at {want}, and the formulas read it through the name: give it back "
                "(in the spreadsheet's name manager), or export again"
            )
    for sheet in sorted(sheets):
        written_here = expected[sheet].defined_names
        for name, defined in actual[sheet].defined_names.items():
            mine = written_here.get(name)
            if mine is None or normal_formula(mine.attr_text) != normal_formula(defined.attr_text):
                refuse.add(
                    f"{sheet}: a name {name} of this sheet only, pointing at {defined.attr_text}, "
                    "was added (the sheet's formulas would read it instead of the workbook's "
                    "name): delete it in the spreadsheet's name manager, or export again"
                )


def _sheets_of(reference: str) -> set[str]:
    """The sheets a defined name's reference points into (`'2 Inputs'!$C$6` gives
    `2 Inputs`)."""
    found = set()
    for part in reference.split(","):
        if "!" in part:
            sheet = part.rsplit("!", 1)[0].strip()
            if sheet.startswith("'") and sheet.endswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
            found.add(sheet)
    return found


def _compare_sheet(expected: Worksheet, actual: Worksheet, refuse: _Refusals) -> None:
    """Every formula, number (a pinned figure, a constant) and key (column C) of a sheet of
    lines or the Time sheet, as written."""
    for row in expected.iter_rows():
        for cell in row:
            want = cell.value
            if want is None:
                continue
            got = actual.cell(cell.row, cell.column).value
            where = f"{actual.title}!{cell.coordinate}"
            if isinstance(want, str) and want.startswith("=") and cell.data_type == "f":
                if isinstance(got, str) and normal_formula(got) == normal_formula(want):
                    continue
                line = _line_at(expected, cell.row)
                if isinstance(got, str) and got.startswith("="):
                    refuse.add(
                        f"{where}: the formula{line} was changed to {got} (it was {want}); the "
                        "figures are computed from the inputs: restore it (or export again)"
                    )
                else:
                    refuse.add(
                        f"{where}: the formula{line} was typed over with {got!r}; a line is "
                        "computed, not an input: restore the formula (or export again), and pin "
                        "a figure with an override in the scenario file if it must be fixed"
                    )
            elif _is_number(want):
                if not (_is_number(got) and _same((float(got),), (float(want),))):
                    refuse.add(
                        f"{where}: {want!r} was written here (a pinned or fixed figure), found "
                        f"{got!r}; restore it, or change the override in the scenario file"
                    )
            elif cell.column == 3 and isinstance(want, str) and got != want:
                refuse.add(
                    f"{where}: the key {want} was written here, found {got!r}: a row was "
                    "deleted, inserted or moved; undo that (or export again)"
                )


def _line_at(ws: Worksheet, row: int) -> str:
    key = ws.cell(row, 3).value
    return f" of {key}" if isinstance(key, str) and key else ""


# ---------------------------------------------------------------- the inputs


@dataclass
class _Found:
    """An input as found in the workbook: its cells, and per cell (one, or one per year) a
    number or the text typed there, with the cells that hold a text."""

    row: InputRow
    cells: str
    values: list[float | str]
    texts: dict[int, str]
    """The cell of each text, by year (1 for an input held in one cell)."""

    def typed(self) -> str:
        shown = ", ".join(_brief(value) for value in self.values if isinstance(value, str))
        return f"{', '.join(self.texts.values())} ({self.row.entry.key}): the text {shown}"

    def briefly(self, message: str) -> str:
        """A message of the model with each long text typed here shortened."""
        for value in self.values:
            if isinstance(value, str) and len(value) > SHOWN_TEXT:
                message = message.replace(repr(value), _brief(value))
        return message


def _brief(text: str) -> str:
    """A typed text as a message quotes it: at most `SHOWN_TEXT` characters, with its length
    when cut."""
    if len(text) <= SHOWN_TEXT:
        return repr(text)
    return f"{text[:SHOWN_TEXT]!r}... ({len(text):,} characters)"


def _read_inputs(
    ws: Worksheet, written: Worksheet, block: Block, language: str, refuse: _Refusals
) -> dict[KeyPath, _Found]:
    """Each input's cells (`Inputs!C6` or `Inputs!D24:I24`) and values: a number, or a text
    for the model to read. A year that still follows the year before has its value. The
    row's cells that are not read must hold what was `written` there (or nothing)."""
    found: dict[KeyPath, _Found] = {}
    for number, row in _input_rows(block):
        one = row.kind in ("constant", "fixed")
        columns = [FIRST_YEAR_COLUMN - 1] if one else [year_column(y) for y in block.years]
        _check_unread(ws, written, number, row, columns, block, refuse)
        values: list[float | str] = []
        texts: dict[int, str] = {}
        for year, column in enumerate(columns, start=1):
            cell = ws.cell(number, column)
            where = f"{ws.title}!{cell.coordinate}"
            got = cell.value
            follows = f"={get_column_letter(column - 1)}{number}"
            if year > 1 and isinstance(got, str) and normal_formula(got) == normal_formula(follows):
                if len(values) == year - 1:
                    values.append(values[-1])
                continue
            value = _cell_value(got, where, row, language, refuse)
            if value is not None:
                values.append(value)
            if isinstance(value, str):
                texts[year] = where
        first, last = get_column_letter(columns[0]), get_column_letter(columns[-1])
        cells = f"{ws.title}!{first}{number}" + ("" if one else f":{last}{number}")
        if len(values) == len(columns):
            found[row.entry.path] = _Found(row, cells, values, texts)
    return found


def _check_unread(
    ws: Worksheet,
    written: Worksheet,
    number: int,
    row: InputRow,
    read: list[int],
    block: Block,
    refuse: _Refusals,
) -> None:
    """The cells of an input's row between its value column and its last year that are not
    read (the years of an input held in one cell, the value column of one held by year) hold
    what was written there or nothing: a value typed there changes no figure and would be
    lost without a word."""
    first, last = get_column_letter(read[0]), get_column_letter(read[-1])
    cells = f"{ws.title}!{first}{number}" + (f":{last}{number}" if len(read) > 1 else "")
    key = row.entry.key
    for column in range(FIRST_YEAR_COLUMN - 1, year_column(block.horizon) + 1):
        got = ws.cell(number, column).value
        if column in read or got is None or got == written.cell(number, column).value:
            continue
        if isinstance(got, str) and not got.strip():
            continue
        where = f"{ws.title}!{get_column_letter(column)}{number}"
        shown = _brief(got) if isinstance(got, str) else repr(got)
        if len(read) == 1:
            refuse.add(
                f"{where} ({key}): {shown} is typed in a year of an input that holds one value "
                f"for every year, in {cells}; this cell is not read and changes no figure: clear "
                "it, and for a value by year write one in the scenario file "
                f"({key}: {{1: ..., 3: ...}}) and export again"
            )
        else:
            refuse.add(
                f"{where} ({key}): {shown} is typed beside the years of an input that holds a "
                f"value per year, in {cells}; this cell is not read and changes no figure: type "
                "the values in the years and clear it"
            )


def _cell_value(
    value: Any, where: str, row: InputRow, language: str, refuse: _Refusals
) -> float | str | None:
    """A number, a text for the model to read, or None (refused: empty, a date, a formula, a
    yes/no value, or in the Dutch workbook a text such as `1.500` that a Dutch reader takes for
    thousands and the scenario format for a decimal point)."""
    key = row.entry.key
    if _is_number(value):
        return float(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        refuse.add(f"{where} ({key}): the input is empty; type a number")
    elif isinstance(value, bool) or (
        isinstance(value, str) and normal_formula(value) in ("=TRUE", "=FALSE")
    ):
        refuse.add(f"{where} ({key}): {value} is a yes/no value, not a number; type a number")
    elif isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        refuse.add(
            f"{where} ({key}): the cell holds a date or time ({value}), not a number; type the "
            "number (format the cell as a number if the spreadsheet made a date of it)"
        )
    elif isinstance(value, str) and value.startswith("="):
        refuse.add(
            f"{where} ({key}): the input holds a formula ({_brief(value)}); type a number, which "
            "a scenario file can hold"
        )
    elif (
        language == "nl"
        and isinstance(value, str)
        and (grouped := _DUTCH_THOUSANDS.fullmatch(typed := value.strip()))
    ):
        before, after, percent = grouped.groups()
        whole = f"{before}{after}{percent}"
        decimal = (
            f"{before},{after.rstrip('0')}{percent}" if after.rstrip("0") else before + percent
        )
        refuse.add(
            f"{where} ({key}): the text {typed!r} could mean {whole} (a point grouping thousands) "
            f"or {decimal}; type {whole} or {decimal}"
        )
    elif isinstance(value, str) and "\n" in value:
        refuse.add(f"{where} ({key}): the text spans several lines; type a number")
    elif isinstance(value, str):
        return value
    else:
        refuse.add(f"{where} ({key}): cannot read {value!r} as a number")
    return None


def _edits(
    block: Block,
    exported: dict[KeyPath, tuple[float, ...]],
    found: dict[KeyPath, _Found],
    refuse: _Refusals,
) -> tuple[list[Edit], LoadedScenario]:
    """The inputs whose value differs from the export, and the scenario as exported with them,
    validated as the model validates a scenario. A text is read as the scenario format reads a
    number (`80,5` is 80.5, `45%` in a percentage 0.45), with every other edit at once, so a
    rule across inputs (shares that add up to 100%) holds for the edits together."""
    edits: list[Edit] = []
    texts: dict[KeyPath, _Found] = {}
    changes: list[AnyChange] = []
    for _, row in _input_rows(block):
        item, was = found.get(row.entry.path), exported.get(row.entry.path)
        if item is None or was is None:
            continue
        if item.texts:
            texts[row.entry.path] = item
            changes.append(_text_change(item))
            continue
        now = tuple(float(value) for value in item.values)
        edit = _edit(block.loaded, item, was, now, refuse)
        if edit is not None:
            edits.append(edit)
            changes.append(edit.change())
    refuse.check()
    read = _apply(block.loaded, changes, edits, texts, refuse)
    for path, item in texts.items():
        now = _values_in(read, item.row)
        edit = _edit(block.loaded, item, exported[path], now, refuse)
        if edit is not None:
            edits.append(edit)
    refuse.check()
    order = {row.entry.path: n for n, row in _input_rows(block)}
    edits.sort(key=lambda edit: order[edit.path])
    return edits, _apply(block.loaded, [edit.change() for edit in edits], edits, {}, refuse)


def _edit(
    loaded: LoadedScenario,
    item: _Found,
    was: tuple[float, ...],
    now: tuple[float, ...],
    refuse: _Refusals,
) -> Edit | None:
    """The edit of an input whose value changed; None when it did not, or when the change is
    refused (the horizon; a value outside the range the scenario file gives the input)."""
    if _same(now, was):
        return None
    row = item.row
    if row.kind == "fixed":
        refuse.add(
            f"{item.cells} ({row.entry.key}): the horizon cannot be changed in the workbook (it "
            f"has one column per year; it was {written(was[0], False)}): change horizon_years in "
            "the scenario file and export again"
        )
        return None
    edit = Edit(row, item.cells, was, now)
    param = value_at(loaded.scenario, row.entry.path)
    if isinstance(param, Param) and param.has_range:
        value = edit.value()
        low, high = float(param.low), float(param.high)  # type: ignore[arg-type]
        if isinstance(value, dict) or not low <= value <= high:
            percent = row.entry.is_percentage
            refuse.add(
                f"{item.cells} ({row.entry.key}): {written(value, percent)} lies outside the "
                f"input's range ({written(low, percent)} to {written(high, percent)}), which the "
                "scenario file keeps for simulation; change the range in the scenario file, or "
                "enter a value within it"
            )
            return None
    return edit


def _text_change(item: _Found) -> str:
    """The input with the texts as typed, as a `--set` change for the model to read."""

    def token(value: float | str) -> str:
        if isinstance(value, str):
            return "'" + value.replace("'", "''") + "'"
        return number_text(value)

    key, values = item.row.entry.key, item.values
    if item.row.kind in ("constant", "fixed"):
        return f"{key}={token(values[0])}"
    if item.row.kind == "yearly":
        pairs = [(y, v) for y, v in enumerate(values, 1) if isinstance(v, str) or v != 0]
    else:
        pairs = [(y, v) for y, v in enumerate(values, 1) if y == 1 or v != values[y - 2]]
    return f"{key}={{{', '.join(f'{year}: {token(value)}' for year, value in pairs)}}}"


def _values_in(loaded: LoadedScenario, row: InputRow) -> tuple[float, ...]:
    """An input's value in a scenario: one value for an input held in one cell, else one per
    year."""
    value = value_at(loaded.scenario, row.entry.path)
    horizon = loaded.scenario.horizon_years
    if isinstance(value, Param):
        years = value.per_year(horizon)
        return (float(years[0]),) if row.kind in ("constant", "fixed") else tuple(map(float, years))
    if isinstance(value, dict):
        return tuple(float(value.get(year, 0.0)) for year in range(1, horizon + 1))
    return (float(value),)


def _apply(
    loaded: LoadedScenario,
    changes: Sequence[AnyChange],
    edits: list[Edit],
    texts: dict[KeyPath, _Found],
    refuse: _Refusals,
) -> LoadedScenario:
    """The scenario with the changes; each problem the model finds is refused with the cells
    of the inputs it concerns (those within the part of the scenario it names)."""
    try:
        return with_changes(loaded, changes)
    except ScenarioError as error:
        cells = {edit.path: f"{edit.cells} ({edit.key})" for edit in edits}
        for problem in error.problems:
            path = problem.path
            mine = [p for p in [*cells, *texts] if path[: len(p)] == p]
            within = [p for p in [*cells, *texts] if p[: len(path)] == path and path]
            if mine and mine[0] in texts:
                item = texts[mine[0]]
                refuse.add(f"{item.typed()} is refused: {item.briefly(problem.message)}")
            elif mine:
                refuse.add(f"{cells[mine[0]]}: {problem.message}")
            elif within:
                where = ", ".join(texts[p].typed() if p in texts else cells[p] for p in within)
                refuse.add(f"{where}: {dotted(path)}: {problem.message}")
            else:
                refuse.add(f"{problem.describe()} (with the workbook's edits)")
        refuse.check()
        raise


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _same(now: Sequence[float], was: Sequence[float]) -> bool:
    return len(now) == len(was) and all(
        abs(a - b) <= TOLERANCE * abs(b) for a, b in zip(now, was, strict=True)
    )
