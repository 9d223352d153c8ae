"""Saving the app's edits as a scenario of their own: a small file that `extends` the scenario
file the edits were made on, holds only the changed inputs (each with where it was changed and
its old value as its source), a name and a note of why.

The file name is made from the name given (`Ons plan 2027!` gives `ons-plan-2027.yaml`), never
leaves the folder and never replaces a file that is there. The text is written to a temporary
file beside it, loaded and evaluated: only when it gives the figures of the edited scenario,
line by line, is it put in place under its name.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from ruamel.yaml import YAML

from businesscase.engine import evaluate
from businesscase.model.parameters import Param, number_text, percent_text
from businesscase.model.schema import field_at, is_amounts_by_year, value_at
from businesscase.model.wording import Wording, say
from businesscase.scenario.changes import Change
from businesscase.scenario.loading import load_scenario

MAX_NAME = 120
"""Characters in a saved scenario's name: a title, not a text."""
MAX_FILE_STEM = 60
"""Characters of the file name made from the name."""


class ScenarioNotSaved(Exception):
    """Why a scenario could not be saved, in English and Dutch (`message_in` reads it)."""

    def __init__(self, reason: Wording) -> None:
        super().__init__(reason)
        self.reason = reason


def file_name_for(name: str) -> str:
    """A safe file name for a scenario's name: letters without accents, digits and dashes, in
    lower case (`Ons plan: 2027 (blended)` gives `ons-plan-2027-blended.yaml`); refused when
    nothing of the name is left."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:MAX_FILE_STEM].strip("-")
    if not stem:
        raise ScenarioNotSaved(
            say(
                "give the scenario a name with letters or digits (it names the file)",
                "geef het scenario een naam met letters of cijfers (die naam krijgt het bestand)",
            )
        )
    return f"{stem}.yaml"


def child_scenario_text(
    base: Path, changes: Sequence[Change], name: str, note: str, *, where: str = "the app"
) -> str:
    """The text of a scenario file that extends `base` (a file in the same folder) with the
    changes, named `name`, with `note` as its description and in the header."""
    original = load_scenario(base)
    data: dict[str, Any] = {"extends": base.name, "name": name}
    if note.strip():
        data["description"] = " ".join(note.split())
    count = f"{len(changes)} change{'s' if len(changes) != 1 else ''}"
    header = [f"# Saved from {where}: {count} on top of {base.name}."]
    if note.strip():
        header.append(f"# Why: {' '.join(note.split())}")
    for change in changes:
        was = _describe(value_at(original.scenario, change.path), _is_percent(change))
        header.append(f"#   {change.text}  (was {was})")
        _put(data, change, f"changed in {where}, was {was}")
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 100
    stream = io.StringIO()
    yaml.dump(data, stream)
    return "\n".join(header) + "\n" + stream.getvalue()


def save_child_scenario(
    folder: Path, base: Path, changes: Sequence[Change], name: str, note: str
) -> Path:
    """Write the edits as a new scenario file in `folder` (which must hold `base`), checked
    to give the edited scenario's figures; the path written. ScenarioNotSaved says why not:
    no name, a file of that name exists, the folder cannot be written."""
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise ScenarioNotSaved(
            say(
                "the name is longer than {limit} characters",
                "de naam is langer dan {limit} tekens",
                limit=MAX_NAME,
            )
        )
    target = (folder / file_name_for(name)).resolve()
    if target.parent != folder.resolve() or base.resolve().parent != folder.resolve():
        raise ScenarioNotSaved(
            say(
                "only a scenario of the folder {folder} can be saved there",
                "alleen een scenario uit de map {folder} kan daar worden opgeslagen",
                folder=folder.name,
            )
        )
    if target.exists():
        raise _taken(target, folder)
    text = child_scenario_text(base, changes, name, note)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".saving-", suffix=".yaml", dir=folder)
    except OSError as error:
        raise _not_writable(folder, error) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)  # readable as the other scenario files, not mkstemp's 0600
        _check_same_figures(Path(temporary), base, changes)
        os.link(temporary, target)  # fails if the name was taken meanwhile: nothing replaced
    except FileExistsError:
        raise _taken(target, folder) from None
    except OSError as error:
        raise _not_writable(folder, error) from None
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


def _taken(target: Path, folder: Path) -> ScenarioNotSaved:
    return ScenarioNotSaved(
        say(
            "{file} already exists in {folder}; choose another name",
            "{file} bestaat al in {folder}; kies een andere naam",
            file=target.name,
            folder=folder.name,
        )
    )


def _not_writable(folder: Path, error: OSError) -> ScenarioNotSaved:
    return ScenarioNotSaved(
        say(
            "cannot write in the folder {folder} ({reason}); download the scenario file instead",
            "kan niet schrijven in de map {folder} ({reason}); download het scenariobestand",
            folder=folder.name,
            reason=say("no permission", "geen schrijfrechten")
            if isinstance(error, PermissionError)
            else (error.strerror or type(error).__name__),
        )
    )


def _check_same_figures(written: Path, base: Path, changes: Sequence[Change]) -> None:
    """The saved file must give every line of the edited scenario; a difference is a bug in
    this writer, never something to save."""
    saved = evaluate(load_scenario(written).scenario)
    edited = evaluate(load_scenario(base, changes).scenario)
    for key, values in edited.values.items():
        if key not in saved.values or not np.array_equal(saved.values[key], values, True):
            raise AssertionError(f"the saved scenario differs from the edits in {key}")


def _put(data: dict[Any, Any], change: Change, source: str) -> None:
    """Put one change into the file's data, nested by its key path; a parameter with its
    source, amounts by year (which hold none) as they are."""
    node = data
    for part in change.path[:-1]:
        node = node.setdefault(part, {})
    percent = _is_percent(change)
    value: Any = (
        {year: _written(v, percent) for year, v in change.value}
        if isinstance(change.value, tuple)
        else _written(change.value, percent)
    )
    by_year = is_amounts_by_year(field_at(change.path))
    node[change.path[-1]] = value if by_year else {"value": value, "source": source}


def _is_percent(change: Change) -> bool:
    """Whether the changed input is a share, written as a percentage."""
    info = field_at(change.path)
    extra = info.json_schema_extra if info is not None else None
    return isinstance(extra, dict) and extra.get("unit") == "%"


def _written(value: float, percent: bool) -> int | float | str:
    """A number as the file keeps it exactly: `45%` for a share, `80`, `80.5`."""
    if percent:
        return percent_text(value)
    text = number_text(value)
    return int(text) if text.lstrip("-").isdigit() else float(text)


def _describe(value: Any, percent: bool) -> str:
    """An input's value before the change, for its source: `75`, `40%`, `{1: 3, 3: 4}`,
    `not set`."""
    if isinstance(value, Param):
        value = value.by_year if value.by_year is not None else value.value
    if isinstance(value, dict):
        steps = (f"{k}: {_written(v, percent)}" for k, v in sorted(value.items()))
        return "{" + ", ".join(steps) + "}"
    return "not set" if value is None else str(_written(value, percent))
