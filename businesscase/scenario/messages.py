"""The words of a problem: pydantic's validation errors as a finance person reads them
(attrs' "(got ..., a ...)"), with "did you mean" for a mistyped key, placed at the file and
line the key came from. Every message is a `Wording`, in English and Dutch."""

from __future__ import annotations

import math
from typing import Any

from pydantic import ValidationError

from businesscase.model.errors import KeyPath, Problem
from businesscase.model.parameters import number_text
from businesscase.model.schema import field_at, field_names, is_per_language, model_at
from businesscase.model.units import LANGUAGES
from businesscase.model.wording import Wording, numeral, say
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


_UNKNOWN: dict[str, Wording] = {
    "key": Wording("unknown key", "onbekende sleutel"),
    "id": Wording("unknown id", "onbekend id"),
    "line": Wording("unknown line", "onbekende regel"),
    "language": Wording("unknown language", "onbekende taal"),
}
"""What a name is that is not known, in each language."""


def suggestion(name: str, known: list[str]) -> str:
    """What a mistyped name may have meant: `; did you mean 'group_size'?`, or the names it
    can be (at most twelve); '' if neither helps."""
    import difflib  # only for a file with a mistake: a good one is read without it

    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return say("; did you mean {close!r}?", "; bedoelt u {close!r}?", close=close[0])
    if known and len(known) <= 12:
        return say("; expected one of {known}", "; mogelijk zijn: {known}", known=", ".join(known))
    return ""


def unknown(name: str, known: list[str], what: str = "key") -> Wording:
    """`unknown key; did you mean 'group_size'?` (`onbekende sleutel; bedoelt u ...?`)."""
    return say(
        "{unknown}{hint}", "{unknown}{hint}", unknown=_UNKNOWN[what], hint=suggestion(name, known)
    )


def _kind(value: Any) -> Wording:
    if isinstance(value, bool):
        return Wording("a yes/no value", "een ja/nee-waarde")
    if isinstance(value, int | float):
        return Wording("a number", "een getal")
    if isinstance(value, str):
        return Wording("a text", "een tekst")
    if isinstance(value, list):
        return Wording("a list", "een lijst")
    if isinstance(value, dict):
        return Wording("a mapping", "een blok met sleutels")
    if value is None:
        return Wording("empty", "leeg")
    return Wording(type(value).__name__, type(value).__name__)


def _got(value: Any) -> Wording:
    """attrs' wording: `(got 'abc', a text)`; a list or mapping is only named."""
    if isinstance(value, dict | list):
        return say("(got {kind})", "(gegeven: {kind})", kind=_kind(value))
    shown = (
        numeral(number_text(value))
        if isinstance(value, float) and math.isfinite(value)
        else repr(value)
    )
    return say(
        "(got {shown}, {kind})", "(gegeven: {shown}, {kind})", shown=shown, kind=_kind(value)
    )


_BOUNDS = {
    "greater_than": ">",
    "greater_than_equal": ">=",
    "less_than": "<",
    "less_than_equal": "<=",
}


def _message(error: dict[str, Any]) -> str:
    """A pydantic error in the words of the scenario format, in English and Dutch."""
    kind, ctx, given = error["type"], error.get("ctx", {}), error.get("input")
    got = _got(given)
    if kind in _BOUNDS:
        limit = next(iter(ctx.values()))
        return say(
            "must be a number {bound} {limit:g} {got}",
            "moet een getal {bound} {limit:g} zijn {got}",
            bound=_BOUNDS[kind],
            limit=limit,
            got=got,
        )
    if kind in ("float_parsing", "float_type", "finite_number"):
        return say("must be a number {got}", "moet een getal zijn {got}", got=got)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return say("must be a whole number {got}", "moet een geheel getal zijn {got}", got=got)
    if kind == "string_type":
        return say("must be a text {got}", "moet een tekst zijn {got}", got=got)
    if kind in ("bool_type", "bool_parsing"):
        return say("must be true or false {got}", "moet true of false zijn {got}", got=got)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return say(
            "must be a mapping of keys {got}", "moet een blok met sleutels zijn {got}", got=got
        )
    if kind in ("list_type", "tuple_type"):
        return say("must be a list {got}", "moet een lijst zijn {got}", got=got)
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return say(
            "must be one of {expected} {got}",
            "moet een van deze zijn: {dutch} {got}",
            expected=expected,
            dutch=expected.replace(" or ", " of "),
            got=got,
        )
    if kind == "string_pattern_mismatch":
        return say(
            "ids use lowercase letters, digits, '-' and '_' {got}",
            "een id bestaat uit kleine letters, cijfers, '-' en '_' {got}",
            got=got,
        )
    if kind == "string_too_long":
        return say(
            "is too long (at most {most} characters)",
            "is te lang (hoogstens {most} tekens)",
            most=ctx.get("max_length"),
        )
    if kind == "too_long":
        return say(
            "has too many items (at most {most})",
            "heeft te veel onderdelen (hoogstens {most})",
            most=ctx.get("max_length"),
        )
    if kind == "too_short":
        return say("must not be empty", "mag niet leeg zijn")
    if kind == "missing":
        return say("is required but missing", "is verplicht maar ontbreekt")
    if kind == "value_error":
        reason = ctx.get("error")
        said = reason.args[0] if isinstance(reason, ValueError) and reason.args else None
        if isinstance(said, Wording):
            return said
        return str(reason or error["msg"]).removeprefix("Value error, ")
    return Wording(error["msg"], "is geen geldige waarde")


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
        message: str
        if item["type"] in ("extra_forbidden", "invalid_key"):
            message = _unknown_key(path)
        else:
            message = _message(dict(item))
            if not exists and item["type"] != "missing":
                path = path[:-1]
        problems.setdefault((path, message), located(message, path, origins, fallback))
    return list(problems.values())


def _unknown_key(path: KeyPath) -> Wording:
    """An unknown key: of a block (with the keys it has), or a language of a name or
    description written per language."""
    if is_per_language(field_at(path[:-1])):
        return unknown(str(path[-1]), list(LANGUAGES), "language")
    model = model_at(path[:-1])
    return unknown(str(path[-1]), field_names(model) if model else [])


def located(message: str, path: KeyPath, origins: dict[KeyPath, Origin], fallback: str) -> Problem:
    for end in range(len(path), -1, -1):
        origin = origins.get(path[:end])
        if origin is not None:
            return Problem(message, path, origin.file, origin.line)
    return Problem(message, path, fallback)
