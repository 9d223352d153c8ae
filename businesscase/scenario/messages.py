"""The words of a problem: pydantic's validation errors as a finance person reads them
(attrs' "(got ..., a ...)"), with "did you mean" for a mistyped key, placed at the file and
line the key came from."""

from __future__ import annotations

import difflib
import math
from typing import Any

from pydantic import ValidationError

from businesscase.model.errors import KeyPath, Problem
from businesscase.model.parameters import number_text
from businesscase.model.schema import field_names, model_at
from businesscase.scenario.lineage import Origin


def has(data: Any, part: Any) -> bool:
    """Whether a mapping has the key, or a list the index."""
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def exists(data: Any, path: KeyPath) -> bool:
    for part in path:
        if not has(data, part):
            return False
        data = data[part]
    return True


def unknown(name: str, known: list[str], what: str = "key") -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = (
        f"; did you mean {close[0]!r}?"
        if close
        else (f"; expected one of {', '.join(known)}" if known and len(known) <= 12 else "")
    )
    return f"unknown {what}{hint}"


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
    shown = number_text(value) if isinstance(value, float) and math.isfinite(value) else repr(value)
    return f"(got {shown}, {_kind(value)})"


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


def data_path(loc: tuple[Any, ...], data: Any) -> tuple[KeyPath, bool]:
    """The key path in the data that an error location (or a model path) means, and whether
    it exists there: a parameter's `value` and `by_year` are left out where the file writes
    the short form, and `by_year` is the block's `value` where it writes values by year so."""
    path: list[Any] = []
    here = data
    for part in loc:
        if part == "[key]":
            continue
        if has(here, part):
            path.append(part)
            here = here[part]
        elif part == "by_year" and isinstance(here, dict) and isinstance(here.get("value"), dict):
            path.append("value")
            here = here["value"]
        elif part in ("value", "by_year"):
            continue
        else:
            path.append(part)
            return tuple(path), False
    return tuple(path), True


def problems_from(
    error: ValidationError, data: dict, origins: dict[KeyPath, Origin], fallback: str
) -> list[Problem]:
    problems: dict[tuple[KeyPath, str], Problem] = {}
    for item in error.errors():
        path, exists = data_path(tuple(item["loc"]), data)
        if item["type"] in ("extra_forbidden", "invalid_key"):
            model = model_at(path[:-1])
            message = unknown(str(path[-1]), field_names(model) if model else [])
        else:
            message = _message(dict(item))
            if not exists and item["type"] != "missing":
                path = path[:-1]
        problems.setdefault((path, message), located(message, path, origins, fallback))
    return list(problems.values())


def located(message: str, path: KeyPath, origins: dict[KeyPath, Origin], fallback: str) -> Problem:
    for end in range(len(path), -1, -1):
        origin = origins.get(path[:end])
        if origin is not None:
            return Problem(message, path, origin.file, origin.line)
    return Problem(message, path, fallback)
