"""The scenario file of a workbook's edits (`businesscase import`): per block of sheets, a file
that `extends` the scenario file the block was exported from, repeats the export's `--set`
changes, and holds each input changed in the workbook with `source: edited in BOOK.xlsx, was 75`
(amounts by year, which hold no source, with those words as a comment). Several blocks give
`CHANGES-1.yaml`, `CHANGES-2.yaml`, ..., numbered as the sheets.

Each file is written beside its target, loaded (`load_scenario`) and evaluated: only when every
file gives the figures of the workbook as edited, line by line, are they put in place, all or
none. A target that is a folder, or an existing file that an import did not write (another
scenario, perhaps one that others extend), is refused before anything is written. Text that
comes from the workbook (its file name, the record's version and file names) goes into comments
on one line, so that it can never become a key of the file.
"""

from __future__ import annotations

import io
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from businesscase import (
    LoadedScenario,
    Param,
    ScenarioError,
    __version__,
    evaluate,
    load_scenario,
    value_at,
)
from excel_export.read_back import BlockEdits, Edit, WorkbookRefused, read_edits
from excel_export.record import written


def child_text(edits: BlockEdits, book: str, target: Path, exported_by: str) -> str:
    """The scenario file of a block's edits: it extends the file the block was exported from,
    repeats the export's `--set` changes, and holds each input changed in the workbook with
    `source: edited in BOOK.xlsx, was 75` (`book` is the workbook's file name, `exported_by`
    the version that wrote it)."""
    base = load_scenario(edits.file)
    data = CommentedMap()
    data["extends"] = _extends(edits.file, target)
    _merge_into(data, _difference(base.data, edits.exported.data))
    for edit in edits.edits:
        _put_edit(data, edit, edits.exported, base, book)
    stream = io.StringIO()
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.dump(data, stream)
    count = len(edits.edits)
    header = [
        f"{HEADER}{book} (exported by businesscase {exported_by} from "
        f"{edits.record.file}), brought back by businesscase import ({__version__}):",
        f"# {count} input{'s' if count != 1 else ''} changed."
        if count
        else "# no input changed: this file gives the scenario as exported.",
    ]
    header += [f"#   {edit.describe()}  ({edit.cells})" for edit in edits.edits]
    if edits.record.changes:
        header.append("# With the changes of the export: " + "; ".join(edits.record.changes))
    return "\n".join(map(one_line, header)) + "\n" + stream.getvalue()


HEADER = "# Inputs changed in "
"""How a file written by `businesscase import` begins: such a file may be written over."""


def one_line(text: str) -> str:
    """A text on one line, for a YAML comment: every line break (YAML's include `\\x85`,
    `\\u2028` and `\\u2029`) and control character as a space, so that the text of a
    workbook cannot end the comment and start a key of the scenario file."""
    return "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") else char for char in text
    )


def _extends(file: Path, target: Path) -> str:
    """The file to extend, relative to the child's folder when that is short."""
    absolute = file.resolve()
    relative = os.path.relpath(absolute, target.resolve().parent)
    return relative if not relative.startswith(os.path.join("..", "..")) else str(absolute)


RANGE_KEYS = ("low", "likely", "high", "distribution", "sd", "range_source")
"""What a parameter with a range keeps when its value is edited (within the range)."""
_PARAM_KEYS = {"value", "by_year", "source", *RANGE_KEYS}


def _is_param_data(value: Any) -> bool:
    """A parameter as a scenario file writes it (replaced whole when a child changes it)."""
    if not isinstance(value, dict):
        return True
    return all(
        (isinstance(key, int) and not isinstance(key, bool)) or key in _PARAM_KEYS for key in value
    )


def _difference(base: dict, exported: dict) -> dict:
    """What a child of `base` must hold to give `exported` (the export's `--set` changes):
    blocks key by key, parameters and lists whole, a key gone as null."""
    result: dict = {}
    for key, value in exported.items():
        before = base.get(key)
        if key not in base:
            result[key] = value
        elif (
            isinstance(value, dict)
            and isinstance(before, dict)
            and not (_is_param_data(value) and _is_param_data(before))
        ):
            inner = _difference(before, value)
            if inner:
                result[key] = inner
        elif value != before:
            result[key] = value
    for key in base:
        if key not in exported:
            result[key] = None
    return result


def _merge_into(target: CommentedMap, values: dict) -> None:
    for key, value in values.items():
        if isinstance(value, dict) and not _is_param_data(value):
            inner = target.get(key)
            if not isinstance(inner, CommentedMap):
                inner = CommentedMap()
                target[key] = inner
            _merge_into(inner, value)
        else:
            target[key] = _yaml_value(value)


def _put_edit(
    data: CommentedMap, edit: Edit, exported: LoadedScenario, base: LoadedScenario, book: str
) -> None:
    """The changed input as the child file holds it: its value with `source: edited in BOOK,
    was X` (and its range, if it had one); amounts by year, which hold no source, with the same
    words as a comment."""
    target = data
    for part in edit.path[:-1]:
        inner = target.get(part)
        if not isinstance(inner, CommentedMap):
            inner = CommentedMap()
            target[part] = inner
        target = inner
    key = edit.path[-1]
    percent = edit.row.entry.is_percentage
    value = edit.value()
    source = f"edited in {book}, was {written(edit.old(), percent)}"
    before = value_at(base.scenario, edit.path)
    at_export = value_at(exported.scenario, edit.path)
    if _values_of(before) != _values_of(at_export):
        source += f" (set at the export; {_written_param(before, percent)} in {base.files[-1]})"
    if isinstance(value, dict):
        by_year = CommentedMap((year, _number(v, percent)) for year, v in value.items())
        by_year.fa.set_flow_style()
        if edit.row.kind == "yearly":
            target[key] = by_year
            target.yaml_add_eol_comment(one_line(source), key)
            return
        block = CommentedMap(value=by_year)
    else:
        block = CommentedMap(value=_number(value, percent))
    block["source"] = source
    written_at_export = _data_at(exported.data, edit.path)
    if isinstance(written_at_export, dict):  # a range is kept as the scenario wrote it
        for name in RANGE_KEYS:
            if name in written_at_export:
                block[name] = _yaml_value(written_at_export[name])
    target[key] = block


def _data_at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _values_of(value: Any) -> Any:
    if isinstance(value, Param):
        return (value.value, value.by_year)
    return value


def _written_param(value: Any, percent: bool) -> str:
    if isinstance(value, Param):
        if value.by_year is not None:
            return written({y: float(v) for y, v in value.by_year.items()}, percent)
        return written(float(value.value), percent)  # type: ignore[arg-type]
    if isinstance(value, dict):
        return written({y: float(v) for y, v in value.items()}, percent)
    return "the default" if value is None else str(value)


def _number(value: float, percent: bool) -> int | float | str:
    """A number as the child file writes it: `80`, `0.5`, `45%`."""
    if percent:
        return written(float(value), True)
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _yaml_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_yaml_value(v) for v in value]
    if isinstance(value, list):
        return [_yaml_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _yaml_value(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------- writing


def child_paths(output: Path, count: int) -> list[Path]:
    """The file of each block: `CHANGES.yaml` for one, `CHANGES-1.yaml`, `CHANGES-2.yaml`, ...
    (numbered as the sheets) for several."""
    if count == 1:
        return [output]
    return [output.with_name(f"{output.stem}-{n}{output.suffix}") for n in range(1, count + 1)]


def import_workbook(
    book: str | Path, output: str | Path, scenario_files: Sequence[str | Path] = ()
) -> list[tuple[Path, BlockEdits]]:
    """Read the edits of an exported workbook and write one scenario file per block (see
    `child_paths`), each checked to load and to give the workbook's figures before any is put
    in place; all or none. Raises WorkbookRefused (the workbook, or a target that may not be
    written), ScenarioError, or OSError (with the file's name) when a file cannot be written."""
    record, blocks = read_edits(book, scenario_files)
    targets = child_paths(Path(output), len(blocks))
    refused = [
        problem
        for target, block in zip(targets, blocks, strict=True)
        if (problem := _may_not_write(target, block)) is not None
    ]
    if refused:
        raise WorkbookRefused(str(book), refused)
    name = Path(book).name
    texts = [
        child_text(block, name, target, record.version)
        for target, block in zip(targets, blocks, strict=True)
    ]
    temporaries: list[Path] = []
    try:
        for target, text, block in zip(targets, texts, blocks, strict=True):
            temporaries.append(_write_beside(target, text))
            _verify(temporaries[-1], target, block, str(book))
        _put_in_place(list(zip(temporaries, targets, strict=True)))
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
    return list(zip(targets, blocks, strict=True))


def _may_not_write(target: Path, block: BlockEdits) -> str | None:
    """Why a child file may not be written at `target`, or None: a folder; the scenario file
    the block was exported from or one it extends; an existing file that no import wrote."""
    if target.is_dir():
        return f"{target}: is a folder; give the name of the scenario file to write"
    chain = [Path(file).resolve() for file in block.exported.files] + [block.file.resolve()]
    if target.resolve() in chain:
        return (
            f"{target}: this is the scenario file the workbook was exported from (or one it "
            "extends); write the edits to a file of their own"
        )
    if target.exists() and not _written_by_import(target):
        return (
            f"{target}: a file that businesscase import did not write is there already (a "
            "scenario of its own, perhaps one that others extend); write the edits to a new "
            "file, or delete that one first"
        )
    return None


def _written_by_import(path: Path) -> bool:
    """Whether a file begins as `businesscase import` writes one (so it may be written over
    by the next import of the same workbook)."""
    try:
        with path.open(encoding="utf-8") as stream:
            return stream.read(len(HEADER)) == HEADER
    except (OSError, UnicodeDecodeError):
        return False


def _write_beside(target: Path, text: str) -> Path:
    """The text in a new temporary file beside `target` (so that putting it in place is a
    rename); an OSError names `target`."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target)) from None
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    return Path(name)


def _put_in_place(moves: list[tuple[Path, Path]]) -> None:
    """Rename each temporary file to its target, keeping the mode of a file written over; if
    one rename fails, the targets already replaced get their former text back (or are removed
    when they were new), so that no import is half written. An OSError names the target."""
    former = {target: target.read_bytes() if target.is_file() else None for _, target in moves}
    done: list[Path] = []
    try:
        for temporary, target in moves:
            mode = target.stat().st_mode & 0o777 if target.is_file() else 0o644
            os.chmod(temporary, mode)
            try:
                os.replace(temporary, target)
            except OSError as error:
                raise OSError(error.errno, error.strerror, str(target)) from None
            done.append(target)
    except BaseException:
        for target in done:
            text = former[target]
            if text is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(text)
        raise


def _verify(temporary: Path, target: Path, block: BlockEdits, book: str) -> None:
    """The file written loads and gives the figures of the workbook as edited, line by line."""
    try:
        loaded = load_scenario(temporary)
    except ScenarioError as error:
        report = error.report().replace(temporary.name, target.name)
        raise WorkbookRefused(
            book, [f"{target}: the scenario file would not load; nothing written:\n{report}"]
        ) from None
    got, want = evaluate(loaded.scenario).values, evaluate(block.edited.scenario).values
    wrong = [
        key
        for key in want
        if key not in got or not np.allclose(got[key], want[key], rtol=1e-12, atol=1e-9)
    ]
    if wrong or set(got) != set(want):
        raise WorkbookRefused(
            book,
            [
                f"{target}: the scenario file would not give the workbook's figures "
                f"({', '.join(wrong[:3]) or 'other lines'}); nothing written"
            ],
        )
