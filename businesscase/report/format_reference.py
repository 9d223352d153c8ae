"""The reference page of the scenario format, rendered from the parameter model's own
docstrings (its English descriptions), labels and units, so the documentation cannot drift from
the validation.

    uv run python -m businesscase.report.format_reference > docs/scenario-format.md
"""

from __future__ import annotations

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from businesscase.model.descriptions import field_description
from businesscase.model.parameters import (
    Course,
    Funding,
    Growth,
    Override,
    Param,
    Platform,
    Route,
    Scenario,
    TrajectoryType,
)

SECTIONS: list[tuple[str, type[BaseModel]]] = [
    ("The scenario (top level)", Scenario),
    ("The funding (`funding`)", Funding),
    ("A course (`courses.<id>`)", Course),
    ("Growth of a course (`courses.<id>.growth`)", Growth),
    ("A trajectory type (`trajectories.<id>`)", TrajectoryType),
    ("A route of a trajectory type (`trajectories.<id>.routes.<route>`)", Route),
    ("A platform scenario (`platforms.<id>`)", Platform),
    ("An override (an item of `overrides`)", Override),
    ("A parameter written as a block", Param),
]


def _default(model: type[BaseModel], name: str) -> str:
    info = model.model_fields[name]
    if info.is_required():
        return "required"
    if info.default_factory is not None:
        value = info.default_factory()  # type: ignore[call-arg]
        return _written(value)
    return "-" if info.default in (None, PydanticUndefined) else _written(info.default)


def _written(value: object) -> str:
    if isinstance(value, Param):
        return value.describe()
    if value in ({}, []):
        return "none"
    return str(value)


def render() -> str:
    """The whole reference page as Markdown."""
    lines = [
        "# Scenario file format",
        "",
        "Generated from `businesscase/model/parameters.py` by "
        "`python -m businesscase.report.format_reference`; do not edit by hand.",
        "",
        "A parameter is a plain value (`hourly_wage: 75`), values by year that hold until the",
        "next listed year (`online_sessions: {1: 3, 3: 4}`), or a block with its source and,",
        "optionally, a range (see the last table). Percentages are written `40%` or `0.4`.",
        "Unknown keys are errors. `extends: other.yaml` starts from another file; mappings merge",
        "key by key, a parameter or a list is replaced whole, `key: null` removes a key.",
        "",
        "The name and description of the scenario, a platform scenario, a course and a",
        "trajectory type may be written per language: `name: {en: Debt help, nl: Schuldhulp}`.",
        "A plain text is used in both languages, and so is the one language given",
        "(`name: {nl: Schuldhulp}`); another language or a value that is not a text is refused.",
        "A child file that sets a name replaces it whole, both languages.",
    ]
    for title, model in SECTIONS:
        lines += ["", f"## {title}", "", " ".join((model.__doc__ or "").split()), ""]
        lines += ["| key | label | unit | default | meaning |", "|---|---|---|---|---|"]
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            meaning = field_description(model, name).replace("|", "\\|")
            lines.append(
                f"| `{name}` | {info.title or ''} | {extra.get('unit', '')} "
                f"| {_default(model, name)} | {meaning} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
