"""Changes on top of a scenario's files: `--set PATH=VALUE` text from the command line, and
typed `Change`s from the app (values that are never written out as text and parsed again).
Each is checked against the scenario format; every bad change is reported at once.

A `--set` of one value on a parameter with a range (`low`, `high`) replaces only its value:
the range and its `range_source` stay (the value's `source` goes, the value is the `--set`'s
now), if the new value lies within the range. A value outside it, values by year, or a year
step (`path.3=...`) are refused, since the range would no longer hold; `--set` a whole block
(`path={value: 60%, low: 50%, high: 70%}`, or `{value: 60%}` to drop the range) to replace
the parameter as written. A typed `Change` from the app replaces the whole parameter, as the
app's edits are values by year that a range cannot hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from businesscase.model.errors import KeyPath, Problem, ScenarioError, dotted
from businesscase.model.parameters import Scenario, number_text, percent_text
from businesscase.model.schema import field_at, field_names, is_param, model_map, submodel, unwrap
from businesscase.model.wording import Wording, numeral, say
from businesscase.scenario.lineage import Origin
from businesscase.scenario.messages import unknown
from businesscase.scenario.yaml_source import read_yaml_text


@dataclass(frozen=True)
class Change:
    """A typed change of one parameter, as the app makes it: one value for every year, or
    values by first year (a step function). The numbers go into the scenario as they are;
    `text` is only the `--set` that does the same on the command line."""

    path: KeyPath
    value: float | tuple[tuple[int, float], ...]

    def data(self) -> float | dict[int, float]:
        """The value as a scenario file holds it."""
        return dict(self.value) if isinstance(self.value, tuple) else self.value

    @property
    def text(self) -> str:
        """The same change as `--set` text: `hourly_wage=80`, `...online_efficiency=45%`,
        `...online_sessions={1: 3, 3: 5}`."""
        info = field_at(self.path)
        extra = info.json_schema_extra if info is not None else None
        percent = isinstance(extra, dict) and extra.get("unit") == "%"

        def shown(value: float) -> str:
            return percent_text(value) if percent else number_text(value)

        if isinstance(self.value, tuple):
            steps = ", ".join(f"{year}: {shown(value)}" for year, value in self.value)
            return f"{dotted(self.path)}={{{steps}}}"
        return f"{dotted(self.path)}={shown(self.value)}"


AnyChange = str | Change
"""A `--set PATH=VALUE` text or a typed change."""


def change_text(change: AnyChange) -> str:
    """How a change is listed with the results (as `--set` text)."""
    return change.text if isinstance(change, Change) else change


def apply_changes(data: dict, changes: Sequence[AnyChange]) -> tuple[dict, dict[KeyPath, Origin]]:
    """Apply changes to scenario data (a new dict); every bad change is a problem."""
    result = data
    origins: dict[KeyPath, Origin] = {}
    problems: list[Problem] = []
    for change in changes:
        where = f"--set {change_text(change)}"
        try:
            if isinstance(change, Change):
                path, value = _check_path([str(p) for p in change.path], result), change.data()
            else:
                path, value = _parse_change(change, result)
                value = _keeping_range(result, path, value)
        except _BadChange as bad:
            problems.append(Problem(bad.message, bad.path, where))
            continue
        result = _set_value(result, path, value)
        origins[path] = Origin(where)
        if isinstance(value, dict):
            origins[(*path, "value")] = Origin(where)
    if problems:
        raise ScenarioError(problems)
    return result, origins


class _BadChange(Exception):
    def __init__(self, message: Wording, path: KeyPath = ()) -> None:
        self.message, self.path = message, path


def _parse_change(change: str, data: dict) -> tuple[KeyPath, Any]:
    if "=" not in change:
        raise _BadChange(
            say(
                "write PATH=VALUE, for example hourly_wage=80",
                "schrijf PAD=WAARDE, bijvoorbeeld hourly_wage=80",
            )
        )
    text_path, text_value = change.split("=", 1)
    parts = [p for p in text_path.strip().split(".")]
    if not all(parts):
        raise _BadChange(
            say(
                "the path has an empty part; write keys separated by dots",
                "het pad heeft een leeg deel; scheid de sleutels met punten",
            )
        )
    if "\n" in text_value:
        raise _BadChange(say("the value must be on one line", "de waarde moet op één regel staan"))
    path = _check_path(parts, data)
    try:
        value = read_yaml_text(f"value: {text_value}", "--set").data.get("value")
    except ScenarioError:
        raise _BadChange(
            say(
                "cannot read the value {value!r}",
                "kan de waarde {value!r} niet lezen",
                value=text_value,
            ),
            path,
        ) from None
    return path, value


def _keeping_range(data: dict, path: KeyPath, value: Any) -> Any:
    """What a `--set` puts at path on a parameter with a range: the block with only its value
    replaced; a _BadChange where the range would no longer hold (see the module docstring)."""
    step = bool(path) and isinstance(path[-1], int)
    block = _get(data, path[:-1] if step else path)
    if not isinstance(block, dict) or ("low" not in block and "high" not in block):
        return value
    where = dotted(path[:-1] if step else path)
    low, high = block.get("low"), block.get("high")
    ranged = {
        "low": _shown(low),
        "high": _shown(high),
        "whole": f"--set {where}={{value: ..., low: ..., high: ...}}",
    }
    if step:
        raise _BadChange(
            say(
                "this parameter has a range ({low} to {high}), which needs one value for every "
                "year, so it would no longer hold; set the whole parameter instead: {whole}",
                "deze parameter heeft een bandbreedte ({low} tot {high}), die één waarde voor "
                "elk jaar vraagt en dan niet meer zou kloppen; zet in plaats daarvan de hele "
                "parameter: `{whole}`",
                **ranged,
            ),
            path,
        )
    if isinstance(value, dict):
        if value and all(str(key).strip().isdigit() for key in value):
            raise _BadChange(
                say(
                    "this parameter has a range ({low} to {high}), which needs one value for "
                    "every year, so it would no longer hold with values by year; set the whole "
                    "parameter instead: {whole}",
                    "deze parameter heeft een bandbreedte ({low} tot {high}), die één waarde "
                    "voor elk jaar vraagt en met waarden per jaar niet meer zou kloppen; zet in "
                    "plaats daarvan de hele parameter: `{whole}`",
                    **ranged,
                ),
                path,
            )
        return value  # a whole block, as written
    within = _within(path, value, low, high)
    if within is False:
        raise _BadChange(
            say(
                "{value} lies outside this parameter's range ({low} to {high}), so the range "
                "would no longer hold; give the range with the value: {whole}",
                "{value} ligt buiten de bandbreedte van deze parameter ({low} tot {high}), die "
                "dan niet meer zou kloppen; geef de bandbreedte met de waarde: `{whole}`",
                value=_shown(value),
                **ranged,
            ),
            path,
        )
    kept = {key: item for key, item in block.items() if key != "source"}
    kept["value"] = value
    return kept


def _within(path: KeyPath, value: Any, low: Any, high: Any) -> bool | None:
    """Whether a value lies within low..high, each read as the parameter's type; None if one
    of them cannot be read (validation then says why)."""
    info = field_at(path)
    kind = unwrap(info.annotation) if info is not None else None
    args = getattr(kind, "__pydantic_generic_metadata__", {}).get("args")
    if not args or low is None or high is None:
        return None
    adapter: TypeAdapter[Any] = TypeAdapter(args[0])
    try:
        number, least, most = (float(adapter.validate_python(v)) for v in (value, low, high))
    except (ValidationError, TypeError, ValueError):
        return None
    return least <= number <= most


def _shown(value: Any) -> str:
    """A bound or value of a range as a message shows it: a number with each language's
    separators, anything else as written."""
    return numeral(number_text(value)) if isinstance(value, int | float) else str(value)


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
            raise _BadChange(unknown(name, field_names(model)), (*path, name))
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
                raise _BadChange(unknown(rest[0], ids, "id"), (*path, rest[0]))
            path.append(rest[0])
            here = here[rest[0]]
            model, index = mapped, index + 2
            continue
        if is_param(unwrap(info.annotation)) and len(rest) == 1 and rest[0].isdigit():
            return (*path, int(rest[0]))
        if rest:
            raise _BadChange(
                say(
                    "{name} has no part {rest!r}",
                    "{name} heeft geen onderdeel {rest!r}",
                    name=name,
                    rest=".".join(rest),
                ),
                tuple(path),
            )
        return tuple(path)
    raise _BadChange(
        say(
            "names a block, not a value; add the key to change",
            "noemt een blok, geen waarde; voeg de sleutel toe die moet veranderen",
        ),
        tuple(path),
    )


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
    factory = info.default_factory if info is not None else None
    default = factory() if factory is not None else None  # type: ignore[call-arg]
    return default.value if default is not None else None


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data
