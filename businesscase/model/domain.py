"""What values a parameter can take, read from its field in the parameter model: its bounds
(`ge`, `gt`, `le`, `lt`), whether it is a whole number (the `WholeNumber` mark of years, counts
and group sizes), its unit, and the step to which an answer about it is stated (1 for a whole
number, 0.01% for a percentage, 0.01 otherwise: a cent of money, a hundredth of an hour)."""

from __future__ import annotations

import math
import typing
from dataclasses import dataclass
from typing import Any

import annotated_types
from pydantic.fields import FieldInfo

from businesscase.model.errors import KeyPath
from businesscase.model.parameters import Param, WholeNumber
from businesscase.model.schema import field_at, unwrap
from businesscase.model.wording import Wording, numeral, say

PERCENT_STEP = 0.0001
"""A hundredth of a percent, as the app and the CLI show a percentage: 60.24%."""
STEP = 0.01
"""A cent of money, a hundredth of an hour or a minute."""


@dataclass(frozen=True)
class Domain:
    """The values a parameter can take."""

    lowest: float = -math.inf
    lowest_included: bool = True
    highest: float = math.inf
    highest_included: bool = True
    whole: bool = False
    unit: str = ""

    @property
    def percentage(self) -> bool:
        return self.unit == "%"

    @property
    def step(self) -> float:
        """The step of the values an answer states: 1, 0.01% or 0.01."""
        if self.whole:
            return 1.0
        return PERCENT_STEP if self.percentage else STEP

    @property
    def places(self) -> int:
        """Decimals of a fraction that the step leaves: 0, 4 or 2."""
        return 0 if self.whole else (4 if self.percentage else 2)

    def refusal(self, value: float) -> Wording | None:
        """Why the value cannot be this parameter's (in English and Dutch), or None if it can."""
        if not math.isfinite(value):
            return say("must be a finite number", "moet een eindig getal zijn")
        if self.whole and value != round(value):
            return say("must be a whole number", "moet een geheel getal zijn")
        low, high = self.lowest, self.highest
        if value < low or (value == low and not self.lowest_included):
            bound, limit = (">=" if self.lowest_included else ">"), low
        elif value > high or (value == high and not self.highest_included):
            bound, limit = ("<=" if self.highest_included else "<"), high
        else:
            return None
        return say(
            "must be {bound} {limit}",
            "moet {bound} {limit} zijn",
            bound=bound,
            limit=numeral(self.plain(limit)),
        )

    def shown(self, value: float) -> str:
        """A value as the CLI writes it: `60.24%`, `10`, `2,913.80` (money), `2.5` (hours)."""
        if not math.isfinite(value):
            return str(value)
        if self.percentage:
            return f"{value * 100:,.{self.places - 2}f}%"
        if self.whole:
            return f"{value:,.0f}" if value == round(value) else f"{value:,g}"
        text = f"{value:,.{self.places}f}"
        return text if self.unit.startswith("EUR") else text.rstrip("0").rstrip(".")

    def plain(self, value: float) -> str:
        """A value without trailing zeros, as bounds are written: `25%`, `0`, `2,913.8`."""
        shown = self.shown(value)
        if "." not in shown:
            return shown
        suffix = "%" if shown.endswith("%") else ""
        return shown.removesuffix(suffix).rstrip("0").rstrip(".") + suffix

    def exact(self, value: float) -> str:
        """A value as given, to ten significant digits: `60.241%`, `2.5`, `inf`."""
        if self.percentage and math.isfinite(value):
            return f"{value * 100:.10g}%"
        return f"{value:.10g}"

    def both(self, other: Domain) -> Domain:
        """The values both parameters can take (several moved together get one value)."""
        lowest = max(
            (self.lowest, self.lowest_included),
            (other.lowest, other.lowest_included),
            key=lambda bound: (bound[0], not bound[1]),
        )
        highest = min(
            (self.highest, self.highest_included),
            (other.highest, other.highest_included),
            key=lambda bound: (bound[0], bound[1]),
        )
        return Domain(
            lowest[0],
            lowest[1],
            highest[0],
            highest[1],
            self.whole or other.whole,
            self.unit if self.unit == other.unit else "",
        )


def _value_type(info: FieldInfo) -> Any:
    """The type of one value of a field: a `Param[T]`'s T, an amounts-by-year `dict[Year, T]`'s
    T, or the field's own annotated type (`horizon_years`)."""
    kind = unwrap(info.annotation)
    if isinstance(kind, type) and issubclass(kind, Param):
        arguments = kind.__pydantic_generic_metadata__["args"]
        return arguments[0] if arguments else None
    if typing.get_origin(kind) is dict:
        return typing.get_args(kind)[1]
    return typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else None


def _metadata(annotation: Any) -> list[Any]:
    """The constraints and marks of an `Annotated` type, those inside its `Field(...)` too."""
    if typing.get_origin(annotation) is not typing.Annotated:
        return []
    found: list[Any] = []
    for item in typing.get_args(annotation)[1:]:
        found += item.metadata if isinstance(item, FieldInfo) else [item]
    return found


def domain_at(path: KeyPath) -> Domain:
    """The domain of the parameter at a key path, from its field (ids are skipped)."""
    info = field_at(path)
    if info is None:
        return Domain()
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    unit = str(extra.get("unit", ""))
    annotation = _value_type(info)
    bounds: dict[str, Any] = {}
    whole = False
    for item in _metadata(annotation):
        if isinstance(item, WholeNumber):
            whole = True
        elif isinstance(item, annotated_types.Ge):
            bounds.update(lowest=float(item.ge), lowest_included=True)  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Gt):
            bounds.update(lowest=float(item.gt), lowest_included=False)  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Le):
            bounds.update(highest=float(item.le), highest_included=True)  # type: ignore[arg-type]
        elif isinstance(item, annotated_types.Lt):
            bounds.update(highest=float(item.lt), highest_included=False)  # type: ignore[arg-type]
    return Domain(whole=whole, unit=unit, **bounds)


def is_whole(path: KeyPath) -> bool:
    """Whether the parameter at a key path takes whole numbers only (years, counts, sizes)."""
    return domain_at(path).whole
