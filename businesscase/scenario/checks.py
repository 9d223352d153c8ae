"""Checks across keys, after each value is valid on its own: ids, averages, years beyond
the horizon, overrides of lines that exist and may be pinned.

Years follow one rule, read from the field type `Year` rather than from a list of names:
every year-valued key (a year, a number of years, a first year of values by year, a year of
one-off costs, overrides or totals) must lie within the horizon, so that nothing is silently
cut off. When some values are invalid on their own, the checks still run on the rest
(`check_what_validates`), so that one run lists every problem.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from businesscase.model.catalogue import build_lines
from businesscase.model.errors import KeyPath
from businesscase.model.lines import Kind
from businesscase.model.parameters import Scenario, Year
from businesscase.model.schema import model_map, submodel, unwrap
from businesscase.model.wording import Wording, say
from businesscase.scenario.messages import suggestion, unknown


def check_scenario(scenario: Scenario, horizon_known: bool = True) -> list[tuple[KeyPath, str]]:
    """Problems that involve several keys: ids, averages, years beyond the horizon, overrides.
    Paths are the model's (`...by_year.9`); `messages.data_path` places them in the file.
    Without `horizon_known` (the horizon itself was invalid) years are not checked."""
    found: list[tuple[KeyPath, str]] = []
    horizon = scenario.horizon_years
    platforms = scenario.platforms
    for platform_id in set(scenario.courses) & set(platforms):
        found.append(
            (
                ("platforms", platform_id),
                say(
                    "this id is also a course id; ids must differ",
                    "dit id is ook het id van een cursus; de ids moeten verschillen",
                ),
            )
        )
    for platform_id, platform in platforms.items():
        here = ("platforms", platform_id)
        for i, member in enumerate(platform.average_of or []):
            if member not in platforms:
                others = [p for p in platforms if p != platform_id]
                found.append(
                    (
                        (*here, "average_of", i),
                        say(
                            "unknown platform {member!r}{hint}",
                            "onbekend platform {member!r}{hint}",
                            member=member,
                            hint=suggestion(member, others),
                        ),
                    )
                )
            elif member == platform_id or platforms[member].average_of is not None:
                found.append(
                    (
                        (*here, "average_of", i),
                        say(
                            "{member!r} is an average itself; average plain platforms only",
                            "{member!r} is zelf een gemiddelde; neem alleen het gemiddelde van "
                            "gewone platforms",
                            member=member,
                        ),
                    )
                )
    if horizon_known:
        for path, year in year_values(scenario):
            if year > horizon:
                found.append((path, _beyond(year, horizon)))
    for i, (first, last) in enumerate(scenario.totals):
        if first > last:
            found.append(
                (
                    ("totals", i),
                    say(
                        "must be [first, last] with first <= last (got [{first}, {last}])",
                        "moet [eerste, laatste] zijn met eerste <= laatste (gegeven: [{first}, "
                        "{last}])",
                        first=first,
                        last=last,
                    ),
                )
            )
    keys = build_lines(scenario)
    seen: dict[str, int] = {}
    for i, override in enumerate(scenario.overrides):
        if override.line not in keys:
            found.append((("overrides", i, "line"), unknown(override.line, list(keys), "line")))
        elif keys[override.line].kind is Kind.STOCK:
            found.append(
                (
                    ("overrides", i, "line"),
                    say(
                        "a running total follows from the lines it adds up; pin those (for "
                        "example the balance) instead",
                        "een lopend totaal volgt uit de regels die het optelt; zet die vast "
                        "(bijvoorbeeld het saldo)",
                    ),
                )
            )
        if override.line in seen:
            found.append(
                (
                    ("overrides", i, "line"),
                    say(
                        "line pinned twice (also in overrides item {other})",
                        "regel twee keer vastgezet (ook in onderdeel {other} van `overrides`)",
                        other=seen[override.line] + 1,
                    ),
                )
            )
        seen.setdefault(override.line, i)
    return list(dict.fromkeys(found))


def _beyond(year: int, horizon: int) -> Wording:
    return say(
        "year {year} is beyond the horizon of {horizon} years; every year and number of years "
        "must lie within years 1-{horizon}, so that nothing is cut off silently (raise "
        "horizon_years to reach it)",
        "jaar {year} ligt voorbij de looptijd van {horizon} jaar; elk jaar en elk aantal jaren "
        "moet binnen jaar 1-{horizon} liggen, zodat niets stilzwijgend wegvalt (verleng "
        "`horizon_years` om het te bereiken)",
        year=year,
        horizon=horizon,
    )


# ---------------------------------------------------------------- years, by their type


def year_values(model: BaseModel) -> Iterator[tuple[KeyPath, int]]:
    """Every value of type `Year` in a validated model, with its key path: years, numbers of
    years, first years of values by year (keys), years of amounts by year, list items."""
    return _years(model, None, ())


def _years(value: Any, hint: Any, path: KeyPath) -> Iterator[tuple[KeyPath, int]]:
    if value is None:
        return
    if hint is Year:
        yield path, int(value)
        return
    if isinstance(value, BaseModel):
        for name, field_hint in _year_fields(type(value)):
            yield from _years(getattr(value, name), field_hint, (*path, name))
        return
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        yield from _years(value, args[0], path)
    elif origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            yield from _years(value, options[0], path)
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from _years(key, args[0], (*path, key))
            yield from _years(item, args[1], (*path, key))
    elif origin is list and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _years(item, args[0], (*path, i))
    elif origin is tuple and isinstance(value, tuple):
        kinds = [args[0]] * len(value) if len(args) == 2 and args[1] is ... else list(args)
        for i, (kind, item) in enumerate(zip(kinds, value, strict=False)):
            yield from _years(item, kind, (*path, i))


@functools.cache
def _year_fields(model: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """The fields of a model whose type can hold a `Year`, with their types (the walk skips
    the others: a thousand courses are checked in a blink)."""
    return tuple(
        (name, hint) for name, hint in _hints(model).items() if _can_hold_year(hint, frozenset())
    )


def _can_hold_year(hint: Any, seen: frozenset[type]) -> bool:
    if hint is Year:
        return True
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        if hint in seen:
            return False
        return any(_can_hold_year(h, seen | {hint}) for h in _hints(hint).values())
    return any(_can_hold_year(arg, seen) for arg in typing.get_args(hint))


@functools.cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    """The fields' types with their `Annotated` marks (pydantic keeps only the bare type of a
    field such as `horizon_years: Year`); for a parametrised `Param[Year]`, pydantic's own
    annotations, where `T` is already `Year`."""
    if model.__pydantic_generic_metadata__["args"]:
        return {name: info.annotation for name, info in model.model_fields.items()}
    hints = typing.get_type_hints(model, include_extras=True)
    return {name: hints.get(name, info.annotation) for name, info in model.model_fields.items()}


# ---------------------------------------------------------------- checks despite errors

_ROUNDS = 3
"""Times the data is validated again after setting invalid values aside."""

_DELETE = object()


def check_what_validates(data: dict, errors: list[ErrorDetails]) -> list[tuple[KeyPath, str]]:
    """The checks across keys of data that did not validate, on what did: each invalid value is
    set aside (left out if it has a default, else replaced by a valid stand-in) and an unknown
    key is dropped; problems at a value set aside are not repeated. Where an error concerns a
    whole item or an id (a course that is not a mapping, an id in capitals), nothing sensible
    can stand in for it and no cross-key problems are reported (the file's own problems are)."""
    repaired: Any = data
    set_aside: list[KeyPath] = []
    for _ in range(_ROUNDS):
        for error in errors:
            step = _set_aside(repaired, tuple(error["loc"]), error["type"])
            if step is None:
                return []
            repaired, path = step
            set_aside.append(path)
        try:
            scenario = Scenario.model_validate(repaired)
        except ValidationError as again:
            errors = again.errors()
            continue
        horizon_known = ("horizon_years",) not in set_aside
        try:
            found = check_scenario(scenario, horizon_known)
        except Exception:  # best effort: the file's own problems are reported anyway
            return []
        return [
            (path, message)
            for path, message in found
            if not any(path[: len(aside)] == aside for aside in set_aside)
        ]
    return []


def _set_aside(data: Any, loc: KeyPath, kind: str) -> tuple[Any, KeyPath] | None:
    """The data with the value that an error is about set aside, and the path set aside."""
    if "[key]" in loc:
        return None
    found = _field(loc)
    if found is None:
        return None
    path, model, name = found
    if name not in model.model_fields:
        stand_in = _DELETE if kind == "extra_forbidden" else None
    else:
        stand_in = _stand_in(model, name)
    replaced = _replace(data, path, stand_in) if stand_in is not None else None
    return (replaced, path) if replaced is not None else None


def _field(loc: KeyPath) -> tuple[KeyPath, type[BaseModel], str] | None:
    """The path of the model field an error location lies in (a parameter's own keys belong
    to the parameter), with its model and name (a name the model lacks for an unknown key);
    None when the error is about a block or item itself."""
    model: type[BaseModel] = Scenario
    i = 0
    while i < len(loc):
        name = str(loc[i])
        info = model.model_fields.get(name)
        if info is None:
            return loc[: i + 1], model, name
        inner, item = submodel(info.annotation), _item_model(info.annotation)
        if inner is not None and i + 1 < len(loc):
            model, i = inner, i + 1
        elif item is not None and i + 1 < len(loc):
            if i + 2 >= len(loc):
                return None  # a whole course, platform or override
            model, i = item, i + 2
        else:
            return loc[: i + 1], model, name
    return None


def _item_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds by id (`courses`) or as list items (`overrides`)."""
    mapped = model_map(annotation)
    if mapped is not None:
        return mapped
    kind = unwrap(annotation)
    if typing.get_origin(kind) is list:
        return submodel(typing.get_args(kind)[0])
    return None


@functools.cache
def _stand_in(model: type[BaseModel], name: str) -> Any:
    """What replaces an invalid value of a field: `_DELETE` (the default applies), or the
    first of a few plain values that the field accepts; None if none does."""
    info = model.model_fields[name]
    if not info.is_required():
        return _DELETE
    hint: Any = (
        typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    )
    adapter: TypeAdapter[Any] = TypeAdapter(hint)
    candidates: tuple[Any, ...] = (1, "x", [], {})
    for candidate in candidates:
        try:
            adapter.validate_python(candidate)
        except ValidationError:
            continue
        return candidate
    return None


def _replace(data: Any, path: KeyPath, value: Any) -> Any:
    """A copy of data with the value at path replaced (or removed, for `_DELETE`); only the
    containers along the path are copied. None if the path leads nowhere."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy = dict(data)
        if not rest:
            if value is _DELETE:
                copy.pop(head, None)
            else:
                copy[head] = value
            return copy
        if head not in copy:
            return None
        inner = _replace(copy[head], rest, value)
        if inner is None:
            return None
        copy[head] = inner
        return copy
    if isinstance(data, list) and isinstance(head, int) and 0 <= head < len(data):
        items = list(data)
        if not rest:
            if value is _DELETE:
                return None  # an index cannot be left out without moving the others
            items[head] = value
            return items
        inner = _replace(items[head], rest, value)
        if inner is None:
            return None
        items[head] = inner
        return items
    return None
