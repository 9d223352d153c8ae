"""The inventory of a scenario's inputs: every parameter with its label, unit, value by year,
source and the file that set it, as the CLI's `explain`, the app and the workbook list them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic.fields import FieldInfo

from businesscase.engine import Results, scenario_inputs
from businesscase.model.descriptions import description_of
from businesscase.model.errors import KeyPath, dotted
from businesscase.model.formula import Expr, inputs_of
from businesscase.model.parameters import Param
from businesscase.model.schema import field_at, is_amounts_by_year, value_at
from businesscase.model.wording import Wording
from businesscase.scenario.loading import LoadedScenario

DEFAULT_ORIGIN = Wording("default", "standaard")
"""The origin of an input that no file or change sets."""


@dataclass(frozen=True)
class ParameterEntry:
    """One input of the model, ready to show."""

    path: KeyPath
    label: str
    label_nl: str
    unit: str
    description: str
    """What the input means, in English (see `description_nl`)."""
    values: np.ndarray
    written: str
    source: str | None
    origin: str
    """Where the value was set: `scenarios/x.yaml, line 14`, a `--set`, or `default`; a
    `Wording` where it has Dutch (`text_in(entry.origin, "nl")`)."""
    amounts_by_year: bool = False
    """Amounts paid in named years (0 in the others), not a step function."""
    description_nl: str = ""
    """What the input means, in Dutch."""

    @property
    def key(self) -> str:
        return dotted(self.path)

    @property
    def is_percentage(self) -> bool:
        return self.unit == "%"


def _extra(info: FieldInfo, key: str) -> str:
    extra = info.json_schema_extra
    return str(extra.get(key, "")) if isinstance(extra, dict) else ""


def parameter_entries(loaded: LoadedScenario) -> list[ParameterEntry]:
    """Every numeric input of the scenario, in the order of the scenario format."""
    entries = []
    for path, values in scenario_inputs(loaded.scenario).items():
        info = field_at(path)
        if info is None:
            continue
        value = value_at(loaded.scenario, path)
        origin = loaded.origins.get(path)
        entries.append(
            ParameterEntry(
                path=path,
                label=info.title or dotted(path),
                label_nl=_extra(info, "label_nl"),
                unit=_extra(info, "unit"),
                description=description_of(path, "en"),
                values=values,
                written=value.describe() if isinstance(value, Param) else _written(value),
                source=value.source if isinstance(value, Param) else None,
                origin=origin.describe() if origin else DEFAULT_ORIGIN,
                amounts_by_year=is_amounts_by_year(info),
                description_nl=description_of(path, "nl"),
            )
        )
    return entries


def _written(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v:g}" for k, v in sorted(value.items())) + "}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def acting_inputs(results: Results) -> set[KeyPath]:
    """The inputs that act: read by a line that is not pinned in every year, other than
    through a part that is 0 whatever they are. A licence price per client where the platform
    licenses no client does not act: the product is 0 whatever the price."""
    zeros = {path for path, values in results.inputs.items() if not np.any(values)}
    every_year = set(range(1, results.scenario.horizon_years + 1))
    readers: dict[KeyPath, list[Expr]] = {}
    for line in results.lines.values():
        pin = results.pins.get(line.key)
        if pin is not None and every_year <= set(pin.years):
            continue
        for path in inputs_of(line.formula):
            readers.setdefault(path, []).append(line.formula)

    def acts(path: KeyPath) -> bool:
        def zero(other: KeyPath) -> bool:
            return other != path and other in zeros

        return any(formula.reads_live(path, zero) for formula in readers[path])

    return {path for path in readers if acts(path)}
