"""From scenario files to a validated Scenario: `extends` chains, `--set` changes, and every
problem reported at once with its file, line and key path.

Precedence: `--set` (or the app's edits) > child file > parent file > defaults. Mappings merge
key by key; a parameter (a value, values by year, or a block with its source) and a list are
replaced whole, so a value never keeps a stale source. `key: null` in a child removes the key.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from businesscase.model.catalogue import build_lines
from businesscase.model.errors import KeyPath, Problem, ScenarioError
from businesscase.model.formula import RunningSum
from businesscase.model.parameters import Scenario
from businesscase.model.schema import (
    field_at,
    field_names,
    is_param,
    model_at,
    model_map,
    submodel,
    unwrap,
)
from businesscase.scenario.yaml_source import (
    YamlDocument,
    read_yaml_bytes,
    read_yaml_file,
    read_yaml_text,
)


@dataclass(frozen=True)
class Origin:
    """Where a key got its value: a file and line, or a `--set` on the command line."""

    file: str
    line: int | None = None

    def describe(self) -> str:
        return f"{self.file}, line {self.line}" if self.line is not None else self.file


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario with its lineage: the files read (base first), the changes applied
    on top, and the origin of every key."""

    scenario: Scenario
    files: tuple[str, ...]
    origins: dict[KeyPath, Origin] = field(repr=False)
    changes: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict, repr=False)


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


def _has(data: Any, part: Any) -> bool:
    """Whether a mapping has the key, or a list the index."""
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def _exists(data: Any, path: KeyPath) -> bool:
    for part in path:
        if not _has(data, part):
            return False
        data = data[part]
    return True


def _combine_origins(data: dict, *layers: dict[KeyPath, Origin]) -> dict[KeyPath, Origin]:
    combined: dict[KeyPath, Origin] = {}
    for layer in layers:
        combined.update(layer)
    return {path: origin for path, origin in combined.items() if _exists(data, path)}


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

    def refuse(message: str) -> ScenarioError:
        line = doc.lines.get(("extends",))
        return ScenarioError([Problem(message, ("extends",), doc.file, line)])

    if not isinstance(parent, str) or not parent.strip():
        raise refuse("must be the name of a scenario file")
    try:
        parent_path = (path.parent / parent).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise refuse(f"cannot follow {parent!r}") from None
    if inside is not None and not parent_path.is_relative_to(inside):
        raise refuse(f"an uploaded scenario may only extend a file in {inside.name}/")
    names = [*chain, path.resolve()]
    if parent_path in names:
        cycle = " -> ".join(_display(p) for p in [*names[names.index(parent_path) :], parent_path])
        raise refuse(f"the files extend each other in a cycle: {cycle}")
    if not parent_path.exists():
        raise refuse(f"extends {parent!r}, which does not exist")
    base, base_origins, files = _read_chain(parent_path, tuple(names), inside=inside)
    merged = merge(Scenario, base, data)
    return merged, _combine_origins(merged, base_origins, origins), [*files, doc.file]


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- --set


def apply_changes(
    data: dict, changes: list[str] | tuple[str, ...]
) -> tuple[dict, dict[KeyPath, Origin]]:
    """Apply `PATH=VALUE` changes to scenario data (a new dict); every bad change is a problem."""
    result = data
    origins: dict[KeyPath, Origin] = {}
    problems: list[Problem] = []
    for change in changes:
        try:
            path, value = _parse_change(change, result)
        except _BadChange as bad:
            problems.append(Problem(bad.message, bad.path, f"--set {change}"))
            continue
        result = _set_value(result, path, value)
        origins[path] = Origin(f"--set {change}")
    if problems:
        raise ScenarioError(problems)
    return result, origins


class _BadChange(Exception):
    def __init__(self, message: str, path: KeyPath = ()) -> None:
        self.message, self.path = message, path


def _parse_change(change: str, data: dict) -> tuple[KeyPath, Any]:
    if "=" not in change:
        raise _BadChange("write PATH=VALUE, for example hourly_wage=80")
    text_path, text_value = change.split("=", 1)
    parts = [p for p in text_path.strip().split(".")]
    if not all(parts):
        raise _BadChange("the path has an empty part; write keys separated by dots")
    if "\n" in text_value:
        raise _BadChange("the value must be on one line")
    path = _check_path(parts, data)
    try:
        value = read_yaml_text(f"value: {text_value}", "--set").data.get("value")
    except ScenarioError:
        raise _BadChange(f"cannot read the value {text_value!r}", path) from None
    return path, value


def _check_path(parts: list[str], data: dict) -> KeyPath:
    """The key path of a change, checked against the scenario format and the ids in the data."""
    model: type[BaseModel] = Scenario
    here: Any = data
    path: list[str | int] = []
    index = 0
    while index < len(parts):
        name = parts[index]
        info = model.model_fields.get(name)
        if info is None:
            raise _BadChange(_unknown(name, field_names(model)), (*path, name))
        path.append(name)
        here = here.get(name) if isinstance(here, dict) else None
        rest = parts[index + 1 :]
        inner, mapped = submodel(info.annotation), model_map(info.annotation)
        if inner is not None:
            model, index = inner, index + 1
            continue
        if mapped is not None and rest:
            ids = list(here) if isinstance(here, dict) else []
            if rest[0] not in ids:
                raise _BadChange(_unknown(rest[0], ids, "id"), (*path, rest[0]))
            path.append(rest[0])
            here = here[rest[0]]
            model, index = mapped, index + 2
            continue
        if is_param(unwrap(info.annotation)) and len(rest) == 1 and rest[0].isdigit():
            return (*path, int(rest[0]))
        if rest:
            raise _BadChange(f"{name} has no part {'.'.join(rest)!r}", tuple(path))
        return tuple(path)
    raise _BadChange("names a block, not a value; add the key to change", tuple(path))


def _set_value(data: dict, path: KeyPath, value: Any) -> dict:
    """A copy of data with the value at path; a year in a parameter sets that step only."""
    if isinstance(path[-1], int):
        current = _get(data, path[:-1])
        if isinstance(current, dict) and "value" in current:
            current = current["value"]
        if current is None:  # not in the file: the steps start from the default
            current = _default_value(path[:-1])
        steps = dict(current) if isinstance(current, dict) else {1: current}
        steps[path[-1]] = value
        return _set_value(data, path[:-1], steps)
    result = dict(data)
    node = result
    for part in path[:-1]:
        child = node.get(part)
        child = dict(child) if isinstance(child, dict) else {}
        node[part] = child
        node = child
    node[path[-1]] = value
    return result


def _default_value(path: KeyPath) -> Any:
    """The default value of the parameter at path (None if it has no default)."""
    info = field_at(path)
    default = info.default_factory() if info is not None and info.default_factory else None
    return default.value if default is not None else None


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _unknown(name: str, known: list[str], what: str = "key") -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = (
        f"; did you mean {close[0]!r}?"
        if close
        else (f"; expected one of {', '.join(known)}" if known and len(known) <= 12 else "")
    )
    return f"unknown {what}{hint}"


# ---------------------------------------------------------------- validation messages


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty" if value is None else type(value).__name__


def _got(value: Any) -> str:
    """attrs' wording: `(got 'abc', a text)`; a list or mapping is only named."""
    if isinstance(value, dict | list):
        return f"(got {_kind(value)})"
    return f"(got {value!r}, {_kind(value)})"


def _message(error: dict[str, Any]) -> str:
    kind, ctx, given = error["type"], error.get("ctx", {}), error.get("input")
    bounds = {
        "greater_than": ">",
        "greater_than_equal": ">=",
        "less_than": "<",
        "less_than_equal": "<=",
    }
    if kind in bounds:
        limit = next(iter(ctx.values()))
        return f"must be a number {bounds[kind]} {limit:g} {_got(given)}"
    if kind in ("float_parsing", "float_type", "finite_number"):
        return f"must be a number {_got(given)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number {_got(given)}"
    if kind in ("string_type",):
        return f"must be a text {_got(given)}"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"must be true or false {_got(given)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of keys {_got(given)}"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list {_got(given)}"
    if kind == "string_pattern_mismatch":
        return f"ids use lowercase letters, digits, '-' and '_' {_got(given)}"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "too_short":
        return "must not be empty"
    if kind == "missing":
        return "is required but missing"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    return error["msg"]


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[KeyPath, bool]:
    """The key path in the data that an error location means, and whether it exists there."""
    path: list[Any] = []
    here = data
    for part in loc:
        if part == "[key]":
            continue
        if _has(here, part):
            path.append(part)
            here = here[part]
        elif part in ("value", "by_year"):
            continue
        else:
            path.append(part)
            return tuple(path), False
    return tuple(path), True


def _problems_from(
    error: ValidationError, data: dict, origins: dict[KeyPath, Origin], fallback: str
) -> list[Problem]:
    problems: dict[tuple[KeyPath, str], Problem] = {}
    for item in error.errors():
        path, exists = _data_path(tuple(item["loc"]), data)
        if item["type"] in ("extra_forbidden", "invalid_key"):
            model = model_at(path[:-1])
            message = _unknown(str(path[-1]), field_names(model) if model else [])
        else:
            message = _message(item)
            if not exists and item["type"] != "missing":
                path = path[:-1]
        problems.setdefault((path, message), _located(message, path, origins, fallback))
    return list(problems.values())


def _located(message: str, path: KeyPath, origins: dict[KeyPath, Origin], fallback: str) -> Problem:
    for end in range(len(path), -1, -1):
        origin = origins.get(path[:end])
        if origin is not None:
            return Problem(message, path, origin.file, origin.line)
    return Problem(message, path, fallback)


# ---------------------------------------------------------------- checks across keys


def check_scenario(scenario: Scenario) -> list[tuple[KeyPath, str]]:
    """Problems that involve several keys: ids, averages, years beyond the horizon, overrides."""
    found: list[tuple[KeyPath, str]] = []
    horizon = scenario.horizon_years
    platforms = scenario.platforms
    for platform_id in set(scenario.courses) & set(platforms):
        found.append((("platforms", platform_id), "this id is also a course id; ids must differ"))
    for platform_id, platform in platforms.items():
        here = ("platforms", platform_id)
        for i, member in enumerate(platform.average_of or []):
            if member not in platforms:
                others = [p for p in platforms if p != platform_id]
                found.append(
                    (
                        (*here, "average_of", i),
                        f"unknown platform {member!r}"
                        + _unknown(member, others)[len("unknown key") :],
                    )
                )
            elif member == platform_id or platforms[member].average_of is not None:
                found.append(
                    (
                        (*here, "average_of", i),
                        f"{member!r} is an average itself; average plain platforms only",
                    )
                )
        development_year = int(platform.development_year.per_year(horizon).max())
        if development_year > horizon:
            found.append(((*here, "development_year"), _beyond(development_year, horizon)))
        for year in platform.one_off_costs:
            if year > horizon:
                found.append(((*here, "one_off_costs", year), _beyond(year, horizon)))
    for i, (first, last) in enumerate(scenario.totals):
        if first > last or last > horizon:
            found.append((("totals", i), f"must be [first, last] within years 1-{horizon}"))
    keys = build_lines(scenario)
    seen: dict[str, int] = {}
    for i, override in enumerate(scenario.overrides):
        if override.line not in keys:
            found.append((("overrides", i, "line"), _unknown(override.line, list(keys), "line")))
        elif isinstance(keys[override.line].formula, RunningSum):
            found.append(
                (
                    ("overrides", i, "line"),
                    "a running total follows from the lines it "
                    "adds up; pin those (for example the balance) instead",
                )
            )
        if override.line in seen:
            found.append(
                (
                    ("overrides", i, "line"),
                    f"line pinned twice (also in overrides item {seen[override.line] + 1})",
                )
            )
        seen.setdefault(override.line, i)
        for j, year in enumerate(override.years or []):
            if year > horizon:
                found.append((("overrides", i, "years", j), _beyond(year, horizon)))
    return found


def _beyond(year: int, horizon: int) -> str:
    return f"year {year} is beyond the horizon of {horizon} years"


# ---------------------------------------------------------------- entry points


def validate_data(
    data: dict, origins: dict[KeyPath, Origin], files: list[str], changes: tuple[str, ...] = ()
) -> LoadedScenario:
    """Validate merged scenario data; raise ScenarioError with every problem found."""
    fallback = files[-1] if files else "(input)"
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        raise ScenarioError(_problems_from(error, data, origins, fallback)) from None
    found = check_scenario(scenario)
    if found:
        raise ScenarioError([_located(m, path, origins, fallback) for path, m in found])
    return LoadedScenario(scenario, tuple(files), origins, changes, data)


def load_scenario(path: str | Path, changes: list[str] | tuple[str, ...] = ()) -> LoadedScenario:
    """Read a scenario file (and the files it extends), apply `--set` changes, validate."""
    path = Path(path)
    data, origins, files = _read_chain(path, ())
    return _finish(data, origins, files, changes)


def load_scenario_bytes(
    raw: bytes, name: str, folder: str | Path = ".", changes: list[str] | tuple[str, ...] = ()
) -> LoadedScenario:
    """Read an uploaded scenario; `extends` may only name files in `folder`, so an upload
    cannot make the server read (and report the keys of) any other file."""
    doc = read_yaml_bytes(raw, name)
    root = Path(folder).resolve()
    data, origins, files = _read_chain(root / Path(name).name, (), name, doc, inside=root)
    return _finish(data, origins, files, changes)


def with_changes(loaded: LoadedScenario, changes: list[str] | tuple[str, ...]) -> LoadedScenario:
    """The loaded scenario with more changes on top, without reading its files again."""
    data, changed = apply_changes(loaded.data, changes)
    origins = _combine_origins(data, loaded.origins, changed)
    return validate_data(data, origins, list(loaded.files), (*loaded.changes, *changes))


def _finish(
    data: dict,
    origins: dict[KeyPath, Origin],
    files: list[str],
    changes: list[str] | tuple[str, ...],
) -> LoadedScenario:
    if changes:
        data, changed = apply_changes(data, changes)
        origins = _combine_origins(data, origins, changed)
    return validate_data(data, origins, files, tuple(changes))
