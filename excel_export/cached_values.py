"""Cached values: the engine's figure stored beside every formula, so that a preview, pandas or
openpyxl (`data_only=True`) reads the figures of a freshly exported workbook without a
recalculation.

openpyxl writes a formula cell with an empty value (`<c r="D6"><f>...</f><v/></c>`) and has no
way to write a cached value beside it, so the sheet writers note each formula cell's value
(`ValueCache.put`) and `with_cached_values` puts them into the saved workbook's sheet XML. The
workbook still asks to be recalculated when it is opened (`fullCalcOnLoad` in its calcPr):
Excel recalculates on opening; LibreOffice shows the stored values (they are the engine's, the
figures its formulas compute) and recalculates as soon as an input changes.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from openpyxl.cell.cell import Cell

CachedValue = float | int | str | None
"""A number, a text (`OK`, `none`, or `""` for an empty result), or None: nothing to store."""

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_FORMULA_CELL = re.compile(
    r'<c r="(?P<ref>[A-Z]{1,3}[0-9]+)"(?P<attributes>[^>]*)>'
    r"(?P<formula><f(?:\s[^>]*)?>[^<]*</f>)(?:<v\s*/>|<v></v>)</c>"
)
_TYPE = re.compile(r'\st="[^"]*"')


class ValueCache:
    """The value of every formula cell, by sheet and coordinate, as the engine computes it."""

    def __init__(self) -> None:
        self._values: dict[str, dict[str, CachedValue]] = {}

    def put(self, cell: Cell, value: CachedValue) -> None:
        """Note the value a formula cell computes (a numpy number is stored as a float)."""
        if value is not None and not isinstance(value, str):
            value = float(value)
        self._values.setdefault(cell.parent.title, {})[cell.coordinate] = value

    def sheet(self, title: str) -> dict[str, CachedValue]:
        return self._values.get(title, {})

    def __len__(self) -> int:
        return sum(len(values) for values in self._values.values())


def with_cached_values(xlsx: bytes, cache: ValueCache) -> bytes:
    """The saved workbook with each formula cell's cached value from `cache` (its other parts
    unchanged, in the same order)."""
    if not len(cache):
        return xlsx
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    parts = _sheet_parts(source)
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            title = parts.get(item.filename)
            if title is not None and cache.sheet(title):
                data = _fill(data.decode("utf-8"), cache.sheet(title)).encode("utf-8")
            target.writestr(item, data)
    return result.getvalue()


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """The zip path of each worksheet's XML, with the sheet's title."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        relation.get("Id"): relation.get("Target", "")
        for relation in relations.iter(f"{_RELS}Relationship")
    }
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIP), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        parts[posixpath.normpath(path)] = sheet.get("name", "")
    return parts


def _fill(xml: str, values: dict[str, CachedValue]) -> str:
    def cached(match: re.Match[str]) -> str:
        value = values.get(match["ref"])
        attributes = _TYPE.sub("", match["attributes"])
        if value is None:
            return match[0]
        if isinstance(value, str):
            shown, kind = escape(value), ' t="str"'
        elif math.isfinite(value):
            shown, kind = repr(float(value)), ""
        else:
            return match[0]
        return f'<c r="{match["ref"]}"{attributes}{kind}>{match["formula"]}<v>{shown}</v></c>'

    return _FORMULA_CELL.sub(cached, xml)


def formula_cells_without_value(xlsx: bytes) -> list[str]:
    """`Sheet!D6` for every formula cell of a saved workbook that holds no cached value (a
    check that the writers noted every formula's value)."""
    archive = zipfile.ZipFile(io.BytesIO(xlsx))
    missing = []
    for path, title in _sheet_parts(archive).items():
        for match in _FORMULA_CELL.finditer(archive.read(path).decode("utf-8")):
            if ' t="str"' not in match["attributes"]:  # an empty text is a value
                missing.append(f"{title}!{match['ref']}")
    return missing
