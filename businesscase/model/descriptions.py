"""What each field of the scenario format means, in English and Dutch, for the app's help, the
workbook's notes, the report and the reference page of the format.

The English is the attribute docstring under each field in `model/parameters.py`; the Dutch is
in `model/descriptions_nl.py`: one place for each language. The docstrings are read from the
module's source (with `ast`) when a description is first asked for, and kept, so a program that
never shows a description never parses the source.
"""

from __future__ import annotations

import ast
import functools
import inspect
from pathlib import Path

from pydantic import BaseModel

from businesscase.model import parameters
from businesscase.model.descriptions_nl import DESCRIPTIONS_NL
from businesscase.model.errors import KeyPath, dotted
from businesscase.model.schema import field_place
from businesscase.model.units import Language

DOCUMENTED: tuple[type[BaseModel], ...] = (
    parameters.Scenario,
    parameters.Funding,
    parameters.Course,
    parameters.Growth,
    parameters.TrajectoryType,
    parameters.Route,
    parameters.Platform,
    parameters.Override,
    parameters.Param,
)
"""The models of the scenario format, each field of which has a description in each language."""


@functools.cache
def _english() -> dict[str, dict[str, str]]:
    """Class name -> field name -> the attribute docstring under the field, on one line."""
    source = Path(inspect.getfile(parameters)).read_text(encoding="utf-8")
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = found.setdefault(node.name, {})
        for statement, following in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                fields[statement.target.id] = " ".join(following.value.value.split())
    return found


def _class_name(model: type[BaseModel]) -> str:
    """The name a model is declared under: `Param` for `Param[Money]` too."""
    origin = model.__pydantic_generic_metadata__["origin"]
    return (origin or model).__name__


def field_description(model: type[BaseModel], name: str, language: Language = "en") -> str:
    """What a field of a model means, on one line, in a language ('' for an undocumented
    field)."""
    table = DESCRIPTIONS_NL if language == "nl" else _english()
    return table.get(_class_name(model), {}).get(name, "")


def description_of(where: KeyPath | str, language: Language = "en") -> str:
    """What the parameter or setting at a key path means, in a language: `hourly_wage`,
    `courses.ass_jv.group_size` (or its key path as a tuple). A KeyError names a key the
    scenario format does not have."""
    path: KeyPath = tuple(where.split(".")) if isinstance(where, str) else where
    return _description_at(path, language)


@functools.lru_cache(maxsize=4096)
def _description_at(path: KeyPath, language: Language) -> str:
    """`description_of` for a key path, kept: the inventory asks for every input's at each
    rerun of the app."""
    place = field_place(path)
    if place is None:
        raise KeyError(f"the scenario format has no key {dotted(path)!r}")
    return field_description(*place, language)
