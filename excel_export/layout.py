"""Where everything goes: the rows of each sheet, and the `Cells` that turn a parameter, a line
or a year into a cell reference.

Every sheet has the same frame: a title in row 1, a legend in row 2, column headings in row 3 and
year 1 in column D, so a formula's year columns line up across sheets (fill-right works). The
rows are planned for all sheets before anything is written, because a formula may refer to a
line that is written later.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import (
    RESULT_LINES,
    KeyPath,
    Line,
    Param,
    ParameterEntry,
    Scenario,
    activities,
    value_at,
)

LEGEND_ROW = 2
HEADER_ROW = 3
FIRST_ROW = 4
FIRST_YEAR_COLUMN = 4
"""Column D holds year 1 on every sheet; columns A-C hold label, unit and value or key."""

SheetRole = Literal["inputs", "time", "savings", "costs", "results", "summary", "simulation"]
ROLES: tuple[SheetRole, ...] = ("inputs", "time", "savings", "costs", "results", "summary")
"""The sheets of every block; a block may add a Simulation sheet after them."""

SectionTitle = Callable[[str], str]
"""The heading of a part of the Savings sheet, from the catalogue's section name."""
PlatformTitle = Callable[[str], str]
"""The heading of a platform scenario's block, from its id."""
NameOf = Callable[[Any], str]
"""A name (one text, or one per language) in the workbook's language."""


def is_total(line: Line) -> bool:
    """The sums a reader looks for, shown in bold over a rule: the savings of a course and of
    the organisation, and a platform scenario's balance."""
    if line.platform is None:
        return line.name == "savings"
    return line.name == "balance"


def year_column(year: int) -> int:
    return FIRST_YEAR_COLUMN + year - 1


@dataclass(frozen=True)
class InputColumns:
    """The Inputs sheet's columns right of the years: the check against the model's bounds,
    the value as exported and whether the input changed since, the lowest and highest value
    the model accepts (which the check reads), then key, source and the file that set the
    value (the writer, the About sheet and `businesscase import` share them)."""

    horizon: int

    @property
    def check(self) -> int:
        return year_column(self.horizon) + 1

    @property
    def exported(self) -> int:
        return self.check + 1

    @property
    def changed(self) -> int:
        return self.check + 2

    @property
    def low(self) -> int:
        return self.check + 3

    @property
    def high(self) -> int:
        return self.check + 4

    @property
    def key(self) -> int:
        return self.check + 5

    @property
    def source(self) -> int:
        return self.check + 6

    @property
    def origin(self) -> int:
        return self.check + 7


def year_letter(year: int) -> str:
    return get_column_letter(year_column(year))


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class Section:
    """A heading row: a course, a platform scenario, or a part of a course's savings."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class LineRow:
    """A line of the engine, one cell per year."""

    line: Line


@dataclass(frozen=True)
class PartRow:
    """A helper row above a line whose formula is too long for one cell: one part of that
    formula (a formula node), which the line's formula then reads."""

    line: Line
    index: int
    node: Any
    key: str


@dataclass(frozen=True)
class InputRow:
    """A parameter. `kind` says how it is held: one named cell (`constant`), one cell per year
    with the listed years as inputs and the others following the year before (`steps`), one
    input per year (`yearly`), or a figure the workbook cannot change (`fixed`)."""

    entry: ParameterEntry
    kind: Literal["constant", "steps", "yearly", "fixed"]
    listed_years: frozenset[int] = frozenset()
    name: str = ""


@dataclass(frozen=True)
class BreakEvenRow:
    """The Results sheet's break-even rows of a platform: the years at or above zero
    (`reached`), then the first of them (`year`)."""

    platform: str
    part: Literal["reached", "year"]


Row = Section | LineRow | PartRow | InputRow | BreakEvenRow


def with_parts(
    rows: list[Row], parts: dict[str, list[Any]], key: Callable[[Line, int], str]
) -> list[Row]:
    """The rows with the helper rows of each split line (`parts`, by line key) above it."""
    result: list[Row] = []
    for row in rows:
        if isinstance(row, LineRow):
            for index, node in enumerate(parts.get(row.line.key, []), start=1):
                result.append(PartRow(row.line, index, node, key(row.line, index)))
        result.append(row)
    return result


def numbered(rows: list[Row]) -> list[tuple[int, Row]]:
    """The rows with their sheet row numbers, a blank row before each top-level section."""
    placed: list[tuple[int, Row]] = []
    number = FIRST_ROW
    for row in rows:
        if isinstance(row, Section) and row.level == 1 and placed:
            number += 1
        placed.append((number, row))
        number += 1
    return placed


# ---------------------------------------------------------------- which line goes where


RESULT_SECTIONS = ("result", "cash", "staff_hours", "parties")
"""The sections of a platform's lines that the Results sheet holds: the economic results, and
the money and the staff hours apart."""


def sheet_of(line: Line) -> SheetRole:
    """Savings holds the activities' lines and the organisation's; Costs the shared and the
    platform costs; Results the savings, costs, balance and cumulative of each platform, with
    its money and staff hours apart."""
    if line.platform is not None:
        return "results" if line.section in RESULT_SECTIONS else "costs"
    if line.activity is None and line.section == "shared_costs":
        return "costs"
    return "savings"


def _part(line: Line) -> str | None:
    """The part of an activity a line belongs to (a trajectory type's route: the middle of
    `psychosocial.blended.minutes_per_trajectory`), or None for the activity's own lines."""
    parts = line.key.split(".")
    return parts[1] if len(parts) == 3 else None


def savings_rows(
    lines: dict[str, Line], scenario: Scenario, section_title: SectionTitle, name: NameOf
) -> list[Row]:
    """The Savings sheet in the catalogue's order: the organisation's lines under a heading per
    part (money over time, savings), each activity under its name: a course's lines grouped in
    the report's parts a-e, a trajectory type's by route."""
    names = {activity.path: name(activity.name) for activity in activities(scenario)}
    rows: list[Row] = []
    owner: tuple[str, str] | None = None
    section: str | None = ""
    for line in lines.values():
        if sheet_of(line) != "savings":
            continue
        here = line.section
        if line.activity is None:
            if owner is not None or here != section:
                rows.append(Section(section_title(here)))
            owner, section = None, here
            rows.append(LineRow(line))
            continue
        if line.activity != owner:
            rows.append(Section(names[line.activity]))
            owner, section = line.activity, "course"
        part = _part(line)
        if part is not None and part != section:
            rows.append(Section(section_title("route").format(route=part), level=2))
            section = part
        elif part is None and here not in (section, "course", "trajectories"):
            rows.append(Section(section_title(here), level=2))
            section = here
        rows.append(LineRow(line))
    return rows


def costs_rows(
    lines: dict[str, Line], scenario: Scenario, platform_title: PlatformTitle, shared: str
) -> list[Row]:
    """The costs every platform shares, then each platform scenario's cost lines."""
    rows: list[Row] = [Section(shared)]
    rows += [
        LineRow(line)
        for line in lines.values()
        if line.platform is None and sheet_of(line) == "costs"
    ]
    for platform_id in scenario.platforms:
        rows.append(Section(platform_title(platform_id)))
        rows += [
            LineRow(line)
            for line in lines.values()
            if line.platform == platform_id and sheet_of(line) == "costs"
        ]
    return rows


def results_rows(
    lines: dict[str, Line], scenario: Scenario, platform_title: PlatformTitle
) -> list[Row]:
    """Per platform scenario: savings, costs, balance, cumulative (in the catalogue's order of
    result lines), any further result line, and the break-even rows."""
    rows: list[Row] = []
    for platform_id in scenario.platforms:
        rows.append(Section(platform_title(platform_id)))
        results = [
            line
            for line in lines.values()
            if line.platform == platform_id and sheet_of(line) == "results"
        ]
        rows += [LineRow(line) for line in sorted(results, key=_result_order)]
        rows += [BreakEvenRow(platform_id, "reached"), BreakEvenRow(platform_id, "year")]
    return rows


def _result_order(line: Line) -> int:
    names = list(RESULT_LINES)
    return names.index(line.name) if line.name in names else len(names)


# ---------------------------------------------------------------- inputs


def input_rows(
    entries: list[ParameterEntry], scenario: Scenario, titles: InputTitles, names: Names
) -> list[Row]:
    """The parameters grouped as the scenario file is: general, each course (and its growth),
    each platform scenario; an average platform gets a heading that says what it averages."""
    groups: dict[tuple, list[ParameterEntry]] = {}
    for entry in entries:
        groups.setdefault(_group(entry.path), []).append(entry)
    rows: list[Row] = []

    def add(key: tuple, title: str) -> None:
        rows.append(Section(title))
        rows.extend(_input_row(entry, scenario, names) for entry in groups.get(key, []))

    add((), titles.general)
    for activity in activities(scenario):
        activity_name = titles.name(activity.name)
        add(activity.path, activity_name)
        for key in groups:
            if key[:2] == activity.path and len(key) > 2:
                part = titles.growth(activity_name) if key[2] == "growth" else None
                add(key, part or titles.route(activity_name, str(key[3])))
    for platform_id, platform in scenario.platforms.items():
        if platform.average_of is None:
            add(("platforms", platform_id), titles.name(platform.name))
        else:
            members = [titles.name(scenario.platforms[m].name) for m in platform.average_of]
            rows.append(Section(titles.average(titles.name(platform.name), members)))
    return rows


@dataclass(frozen=True)
class InputTitles:
    """The headings of the Inputs sheet's groups."""

    general: str
    growth: Callable[[str], str]
    """The heading of a course's growth block, from the course name."""
    route: Callable[[str, str], str]
    """The heading of a trajectory type's route, from the type's name and the route's id."""
    average: Callable[[str, list[str]], str]
    """The heading of an average platform, from its name and its members' names."""
    name: NameOf
    """A course's or platform's name in the workbook's language."""


def _group(path: KeyPath) -> tuple:
    """The group of an input: general, an activity or platform, a course's growth block, a
    trajectory type's route."""
    if len(path) < 3:
        return ()
    if len(path) > 3 and path[2] == "growth":
        return tuple(path[:3])
    if len(path) > 4 and path[2] == "routes":
        return tuple(path[:4])
    return tuple(path[:2])


def _input_row(entry: ParameterEntry, scenario: Scenario, names: Names) -> InputRow:
    name = names.for_path(entry.path)
    if entry.path == ("horizon_years",):
        return InputRow(entry, "fixed", name=name)
    if entry.amounts_by_year:
        return InputRow(entry, "yearly", name=name)
    value = value_at(scenario, entry.path)
    if isinstance(value, Param) and value.by_year is not None:
        return InputRow(entry, "steps", frozenset(value.by_year), name)
    return InputRow(entry, "constant", name=name)


_CELL_LIKE = re.compile(r"^([a-z]{1,3}\d+|r\d*c?\d*|c\d*|\d.*)$", re.IGNORECASE)


@dataclass
class Names:
    """The defined names of a block: an input's key path without `courses.`/`platforms.`
    (`hourly_wage`, `ass_jv.group_size`, `new_platform.licence_per_client`), a line's key
    (`new_platform.development`), '-' as '_' in both, made unique, never looking like a cell
    reference, and prefixed per scenario block when there are several (`s1_hourly_wage`). The
    Key column of every sheet shows them, so what a reader sees is what a formula can use."""

    prefix: str
    taken: set[str] = field(default_factory=set)

    @staticmethod
    def plain(text: str) -> str:
        return text.replace("-", "_")

    def unique(self, base: str) -> str:
        """`base` itself, or `base_2`, `base_3` when it is taken (Excel ignores case)."""
        first, dot, rest = base.partition(".")
        if _CELL_LIKE.match(first):
            base = f"_{first}{dot}{rest}"
        name, n = base, 2
        while name.lower() in self.taken:
            name, n = f"{base}_{n}", n + 1
        self.taken.add(name.lower())
        return name

    def for_path(self, path: KeyPath) -> str:
        parts = [self.plain(str(p)) for p in path]
        if parts[0] in ("courses", "platforms") and len(parts) > 2:
            parts = parts[1:]
        return self.unique(self.prefix + ".".join(parts))

    def for_line(self, key: str) -> str:
        return self.unique(self.prefix + self.plain(key))


# ---------------------------------------------------------------- references


class FlagRow(Protocol):
    """A flag of the Time sheet, as a reference to it needs it: its row."""

    @property
    def row(self) -> int: ...


_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def sheet_prefix(sheet: str) -> str:
    """`Savings!` or `'Savings 2'!`, for a reference to another sheet: quoted only when the
    name needs it, so formulas stay easy to read."""
    plain = _PLAIN_SHEET.match(sheet) and not _CELL_LIKE.match(sheet)
    return f"{sheet}!" if plain else f"{quote_sheetname(sheet)}!"


def define_name(ws: Worksheet, name: str, coordinate: str) -> None:
    """A workbook-level defined name for a cell or a row of year cells on this sheet."""
    ws.parent.defined_names[name] = DefinedName(
        name, attr_text=f"{sheet_prefix(ws.title)}{coordinate}"
    )


def year_span(number: int, horizon: int) -> str:
    """The year cells of a row, fixed (`$D$12:$I$12`), for a defined name."""
    return f"${year_letter(1)}${number}:${year_letter(horizon)}${number}"


@dataclass
class BlockCells:
    """The `Cells` of one scenario block: parameters by defined name (or their year's cell),
    lines by their sheet and row, the year by the header of the sheet being written. References
    to the sheet being written carry no sheet name."""

    sheets: dict[SheetRole, str]
    year_row: int
    """The Time sheet's row of year numbers, which every formula reads the year from."""
    inputs: dict[KeyPath, tuple[str, int, InputRow]] = field(default_factory=dict)
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)
    line_names: dict[str, str] = field(default_factory=dict)
    """The defined name of each line's row of year cells, by the line's key."""
    parts: dict[str, list[Any]] = field(default_factory=dict)
    """The parts of a long line's formula that have a helper row, by the line's key."""
    year_name: str = ""
    """The defined name of the Time sheet's row of year numbers."""
    break_even: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    current: str = ""

    def place_inputs(self, placed: list[tuple[int, Row]]) -> None:
        for number, row in placed:
            if isinstance(row, InputRow):
                self.inputs[row.entry.path] = (self.sheets["inputs"], number, row)

    def place_lines(self, role: SheetRole, placed: list[tuple[int, Row]]) -> None:
        for number, row in placed:
            if isinstance(row, LineRow):
                self.lines[row.line.key] = (self.sheets[role], number)
            elif isinstance(row, PartRow):
                self.lines[row.key] = (self.sheets[role], number)
            elif isinstance(row, BreakEvenRow):
                self.break_even[(row.platform, row.part)] = (self.sheets[role], number)

    def ref(self, sheet: str, row: int, column: int) -> str:
        """A relative reference, qualified with the sheet when it is not the current one."""
        address = f"{get_column_letter(column)}{row}"
        return address if sheet == self.current else sheet_prefix(sheet) + address

    def input_cell(self, path: KeyPath, year: int) -> str:
        sheet, number, row = self.inputs[path]
        if row.kind == "constant":
            return row.name
        if row.kind == "fixed":
            return self.ref(sheet, number, FIRST_YEAR_COLUMN - 1)
        return self.ref(sheet, number, year_column(year))

    def line_cell(self, key: str, year: int) -> str:
        sheet, number = self.lines[key]
        return self.ref(sheet, number, year_column(year))

    def year_cell(self, year: int) -> str:
        sheet = self.sheets["time"]
        prefix = "" if sheet == self.current else sheet_prefix(sheet)
        return f"{prefix}{year_letter(year)}${self.year_row}"

    def flag_cell(self, flag: FlagRow, year: int) -> str:
        return self.ref(self.sheets["time"], flag.row, year_column(year))
