"""Reading the scenario format's structure from the pydantic models: which keys are blocks,
which hold models by id, which are parameters. Merging, `--set` and messages all use it."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from businesscase.model.errors import KeyPath
from businesscase.model.parameters import Param, PerLanguage, Scenario


def unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the type that matters."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def is_param(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Param)


def submodel(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds directly, if it is a structural block (not a parameter)."""
    kind = unwrap(annotation)
    if isinstance(kind, type) and issubclass(kind, BaseModel) and not is_param(kind):
        return kind
    return None


def model_map(annotation: Any) -> type[BaseModel] | None:
    """The model held by id in a mapping field such as `courses`."""
    kind = unwrap(annotation)
    if typing.get_origin(kind) is dict:
        return submodel(typing.get_args(kind)[1])
    return None


def field_names(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def _resolve(path: tuple[Any, ...]) -> tuple[type[BaseModel] | None, str | None]:
    """Walk a key path through the models: the model reached and, if the path ends in a
    parameter or other leaf field, that field's name (ids of courses and platforms are
    skipped); (None, None) for a key the format does not have."""
    model: type[BaseModel] = Scenario
    index = 0
    while index < len(path):
        name = str(path[index])
        info = model.model_fields.get(name)
        if info is None:
            return None, None
        inner, mapped = submodel(info.annotation), model_map(info.annotation)
        if inner is not None:
            model, index = inner, index + 1
        elif mapped is not None and index + 1 < len(path):
            model, index = mapped, index + 2
        else:
            return model, name
    return model, None


def model_at(path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model type that holds the keys at a (data) path, if the path is structural."""
    model, leaf = _resolve(path)
    return model if leaf is None else None


def field_place(path: tuple[Any, ...]) -> tuple[type[BaseModel], str] | None:
    """The model and field name that a parameter's key path names (ids and years are
    skipped): `courses.ass_jv.group_size` is `(Course, "group_size")`."""
    model, leaf = _resolve(path)
    return (model, leaf) if model is not None and leaf is not None else None


def field_at(path: tuple[Any, ...]) -> FieldInfo | None:
    """The model field that a parameter's key path names (ids and years are skipped)."""
    place = field_place(path)
    return place[0].model_fields[place[1]] if place is not None else None


def is_per_language(info: FieldInfo | None) -> bool:
    """Whether a field's text may be written per language (`name: {en: ..., nl: ...}`)."""
    return info is not None and any(isinstance(mark, PerLanguage) for mark in info.metadata)


def value_at(model: Any, path: KeyPath) -> Any:
    """The value at a key path of a scenario (ids of courses and platforms included), or
    None where the path leads nowhere."""
    for part in path:
        model = model.get(part) if isinstance(model, dict) else getattr(model, str(part), None)
    return model


def is_amounts_by_year(info: FieldInfo | None) -> bool:
    """Whether a field holds amounts paid in given years (`one_off_costs: {2: 5000}`): an
    input that is 0 in every year it does not name, not a step function."""
    extra = info.json_schema_extra if info is not None else None
    return isinstance(extra, dict) and bool(extra.get("amounts_by_year"))
