"""From scenario files to a validated Scenario: `extends` chains, `--set` changes, and every
problem reported at once with its file, line and key path.

Precedence: `--set` (or the app's edits) > child file > parent file > defaults. Mappings merge
key by key; a parameter (a value, values by year, or a block with its source) and a list are
replaced whole, so a value never keeps a stale source. `key: null` in a child removes the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from businesscase.model.errors import KeyPath, Problem, ScenarioError
from businesscase.model.parameters import Scenario
from businesscase.model.schema import model_map, submodel
from businesscase.model.wording import Wording, say
from businesscase.scenario.changes import AnyChange, apply_changes, change_text
from businesscase.scenario.checks import check_scenario, check_what_validates
from businesscase.scenario.lineage import LoadedScenario, Origin
from businesscase.scenario.messages import data_path, exists, located, problems_from
from businesscase.scenario.yaml_source import YamlDocument, read_yaml_bytes, read_yaml_file

__all__ = [
    "LoadedScenario",
    "Origin",
    "apply_changes",
    "load_scenario",
    "load_scenario_bytes",
    "validate_data",
    "with_changes",
]


# ---------------------------------------------------------------- merging files


def merge(model: type[BaseModel], base: dict[Any, Any], child: dict[Any, Any]) -> dict[Any, Any]:
    """The child's keys on top of the base's, key by key in structural blocks; parameters and
    lists are replaced whole; `None` removes a key. Neither input is changed."""
    result = dict(base)
    for key, value in child.items():
        if value is None:
            result.pop(key, None)
            continue
        info = model.model_fields.get(str(key))
        current = result.get(key)
        if info is None or not isinstance(value, dict) or not isinstance(current, dict):
            result[key] = value
            continue
        inner = submodel(info.annotation)
        mapped = model_map(info.annotation)
        if inner is not None:
            result[key] = merge(inner, current, value)
        elif mapped is not None:
            result[key] = _merge_by_id(mapped, current, value)
        else:
            result[key] = value
    return result


def _merge_by_id(model: type[BaseModel], base: dict[Any, Any], child: dict[Any, Any]) -> dict:
    result = dict(base)
    for key, value in child.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(model, result[key], value)
        else:
            result[key] = value
    return result


def _combine_origins(data: dict, *layers: dict[KeyPath, Origin]) -> dict[KeyPath, Origin]:
    combined: dict[KeyPath, Origin] = {}
    for layer in layers:
        combined.update(layer)
    return {path: origin for path, origin in combined.items() if exists(data, path)}


def _origins(doc: YamlDocument) -> dict[KeyPath, Origin]:
    return {path: Origin(doc.file, line) for path, line in doc.lines.items()}


def _read_chain(
    path: Path,
    chain: tuple[Path, ...],
    shown_as: str | None = None,
    doc: YamlDocument | None = None,
    inside: Path | None = None,
) -> tuple[dict, dict[KeyPath, Origin], list[str]]:
    """A file merged onto the files it extends: (data, origins, file names base first).
    With `inside`, every file extended must lie in that folder (for uploads)."""
    doc = doc or read_yaml_file(path, shown_as or _display(path))
    data = dict(doc.data)
    origins = _origins(doc)
    parent = data.pop("extends", None)
    if parent is None:
        return data, origins, [doc.file]

    def refuse(message: Wording) -> ScenarioError:
        line = doc.lines.get(("extends",))
        return ScenarioError([Problem(message, ("extends",), doc.file, line)])

    if not isinstance(parent, str) or not parent.strip():
        raise refuse(
            say("must be the name of a scenario file", "moet de naam van een scenariobestand zijn")
        )
    try:
        parent_path = (path.parent / parent).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise refuse(
            say("cannot follow {parent!r}", "kan {parent!r} niet volgen", parent=parent)
        ) from None
    if inside is not None and not parent_path.is_relative_to(inside):
        raise refuse(
            say(
                "an uploaded scenario may only extend a file in {folder}/",
                "een geüpload scenario mag alleen voortbouwen op een bestand in {folder}/",
                folder=inside.name,
            )
        )
    names = [*chain, path.resolve()]
    if parent_path in names:
        cycle = " -> ".join(_display(p) for p in [*names[names.index(parent_path) :], parent_path])
        raise refuse(
            say(
                "the files extend each other in a cycle: {cycle}",
                "de bestanden bouwen in een kring op elkaar voort: {cycle}",
                cycle=cycle,
            )
        )
    if not parent_path.exists():
        raise refuse(
            say(
                "extends {parent!r}, which does not exist",
                "bouwt voort op {parent!r}, maar dat bestand bestaat niet",
                parent=parent,
            )
        )
    base, base_origins, files = _read_chain(parent_path, tuple(names), inside=inside)
    merged = merge(Scenario, base, data)
    return merged, _combine_origins(merged, base_origins, origins), [*files, doc.file]


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- entry points


def validate_data(
    data: dict,
    origins: dict[KeyPath, Origin],
    files: list[str],
    changes: Sequence[AnyChange] = (),
) -> LoadedScenario:
    """Validate merged scenario data; raise ScenarioError with every problem found: the values
    invalid on their own and, in the same run, the problems across keys among the rest."""
    fallback = files[-1] if files else "(input)"

    def placed(found: list[tuple[KeyPath, str]]) -> list[Problem]:
        return [located(m, data_path(path, data)[0], origins, fallback) for path, m in found]

    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems = problems_from(error, data, origins, fallback)
        problems += placed(check_what_validates(data, error.errors()))
        raise ScenarioError(problems) from None
    found = check_scenario(scenario)
    if found:
        raise ScenarioError(placed(found))
    texts = tuple(change_text(change) for change in changes)
    return LoadedScenario(scenario, tuple(files), origins, texts, data)


def load_scenario(path: str | Path, changes: Sequence[AnyChange] = ()) -> LoadedScenario:
    """Read a scenario file (and the files it extends), apply `--set` changes, validate."""
    path = Path(path)
    data, origins, files = _read_chain(path, ())
    return _finish(data, origins, files, changes)


def load_scenario_bytes(
    raw: bytes, name: str, folder: str | Path = ".", changes: Sequence[AnyChange] = ()
) -> LoadedScenario:
    """Read an uploaded scenario; `extends` may only name files in `folder`, so an upload
    cannot make the server read (and report the keys of) any other file."""
    doc = read_yaml_bytes(raw, name)
    root = Path(folder).resolve()
    data, origins, files = _read_chain(root / Path(name).name, (), name, doc, inside=root)
    return _finish(data, origins, files, changes)


def with_changes(loaded: LoadedScenario, changes: Sequence[AnyChange]) -> LoadedScenario:
    """The loaded scenario with more changes on top, without reading its files again."""
    data, changed = apply_changes(loaded.data, changes)
    origins = _combine_origins(data, loaded.origins, changed)
    return validate_data(data, origins, list(loaded.files), (*loaded.changes, *changes))


def _finish(
    data: dict,
    origins: dict[KeyPath, Origin],
    files: list[str],
    changes: Sequence[AnyChange],
) -> LoadedScenario:
    if changes:
        data, changed = apply_changes(data, changes)
        origins = _combine_origins(data, origins, changed)
    return validate_data(data, origins, files, changes)
