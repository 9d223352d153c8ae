"""The record of an export, kept in the workbook so that `businesscase import` can bring the
analyst's edits back to a scenario file: which files and changes each block of sheets was
exported from, with which version, language and sheet names (one JSON text in a hidden row of
the About sheet, cell B2, marked in A2), and the value of every input as exported (a table at
the end of the About sheet, by key, one column per year).

The writer (`about_sheet`) and the reader (`read_back`) share this module, so they agree on
where everything is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from businesscase import number_text, percent_text
from excel_export.layout import ROLES

MARKER = "businesscase export record"
"""The text in About!A2 that marks a workbook written by `businesscase export`."""
RECORD_ROW = 2
RECORD_FORMAT = 2
"""Raised when the record's layout changes; an older reader refuses a newer record."""
FIRST_RECORD_YEAR_COLUMN = 3
"""Column C holds year 1 of each input's exported values in the About sheet's record table."""
LAST_ROW = 1_048_576
"""The last row of a sheet (Excel's and LibreOffice's limit): a record table starts before it."""


@dataclass
class BlockRecord:
    """One block of sheets: where it came from and where its exported values are."""

    files: list[str]
    """The scenario files, base first; the block was exported from the last one."""
    changes: list[str]
    """The changes made on top at the export (`--set` texts, or the app's edits as such)."""
    sheets: dict[str, str]
    """The sheet names by role (inputs, savings, costs, results, summary)."""
    first_row: int = 0
    """The About sheet's row of the first input in the record table."""
    keys: list[str] = field(default_factory=list)
    """The inputs in the record table's order (the Inputs sheet's)."""

    @property
    def file(self) -> str:
        return self.files[-1]


@dataclass
class ExportRecord:
    """What `businesscase import` needs to know of an exported workbook."""

    version: str
    language: str
    values_only: bool
    about: str
    blocks: list[BlockRecord]

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": MARKER,
            "record": RECORD_FORMAT,
            "version": self.version,
            "language": self.language,
            "values_only": self.values_only,
            "about": self.about,
            "blocks": [
                {
                    "files": block.files,
                    "changes": block.changes,
                    "sheets": block.sheets,
                    "first_row": block.first_row,
                    "keys": block.keys,
                }
                for block in self.blocks
            ],
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ExportRecord:
        """The record read back; a ValueError says what is wrong with it."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"the record is not readable ({error.msg})") from None
        if not isinstance(data, dict) or data.get("format") != MARKER:
            raise ValueError("the record is not one of businesscase export")
        if data.get("record") != RECORD_FORMAT:
            raise ValueError(
                f"the record has format {data.get('record')!r}, this version reads format "
                f"{RECORD_FORMAT}: use the businesscase version that wrote the workbook "
                f"({data.get('version')})"
            )
        try:
            blocks = [
                BlockRecord(
                    files=[str(f) for f in block["files"]],
                    changes=[str(c) for c in block["changes"]],
                    sheets={str(k): str(v) for k, v in block["sheets"].items()},
                    first_row=int(block["first_row"]),
                    keys=[str(k) for k in block["keys"]],
                )
                for block in data["blocks"]
            ]
            record = cls(
                version=str(data["version"]),
                language=str(data["language"]),
                values_only=bool(data["values_only"]),
                about=str(data["about"]),
                blocks=blocks,
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ValueError("the record is incomplete") from None
        if not record.blocks or not all(block.files for block in record.blocks):
            raise ValueError("the record names no scenario file")
        for block in record.blocks:
            table = RECORD_ROW < block.first_row <= LAST_ROW - len(block.keys)
            if not (table or record.values_only):  # a values-only copy keeps no table
                raise ValueError(f"the record is incomplete (its table row {block.first_row})")
            if not all(block.sheets.get(role) for role in ROLES):
                raise ValueError("the record is incomplete (a sheet of its scenario is not named)")
        return record


def steps(values: Sequence[float]) -> dict[int, float]:
    """Values by year as a step function: the first year and each year whose value differs
    from the year before (`[5, 5, 4, 4, 3, 3]` gives `{1: 5, 3: 4, 5: 3}`)."""
    result: dict[int, float] = {}
    for year, value in enumerate(values, start=1):
        if year == 1 or value != values[year - 2]:
            result[year] = float(value)
    return result


def amounts(values: Sequence[float]) -> dict[int, float]:
    """Amounts by year as a scenario file holds them: only the years with an amount."""
    return {year: float(value) for year, value in enumerate(values, start=1) if value != 0}


def written(value: float | dict[int, float], percent: bool) -> str:
    """A value as a scenario file writes it: `75`, `40%`, `{1: 5, 3: 4}`, `{}`."""

    def one(number: float) -> str:
        return percent_text(number) if percent else number_text(number)

    if isinstance(value, dict):
        return "{" + ", ".join(f"{year}: {one(v)}" for year, v in sorted(value.items())) + "}"
    return one(value)
