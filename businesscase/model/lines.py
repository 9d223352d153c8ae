"""What a line of the business case is: one declaration holds its key, formula, labels, unit,
kind, nature and, for a total, the children it adds.

A `LineSpec` is written once, in the module of the part it belongs to (a course, the
organisation, a platform scenario); `instantiate` turns it into a `Line` for one course or
platform. Every view asks the line what it is (may it be summed over years? is it money paid
or staff time?) instead of deciding for itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from businesscase.model.errors import KeyPath
from businesscase.model.formula import Expr, Input, Ref, Sum


class Kind(Enum):
    """How a line behaves over the years."""

    FLOW = "flow"
    """An amount per year (euros, hours, participants a year): summing over years means
    something."""
    STOCK = "stock"
    """A running total (the cumulative balance): its last year is the total; never summed."""
    COUNT = "count"
    """A number of things per item (sessions per course): not summed over years."""
    RATE = "rate"
    """A price, a time per unit or a factor: not summed over years."""
    AMOUNT = "amount"
    """A whole amount shown in every year's column (a total to be spread over years, such
    as the implementation's 33,750): not a yearly figure, never summed."""

    @property
    def summable(self) -> bool:
        """Whether a total over years means something (only for a flow)."""
        return self is Kind.FLOW


class Nature(Enum):
    """What a line's euros are: money that changes hands, or staff time valued at the wage."""

    CASH = "cash"
    """Money paid or received: development, purchase, trainer days, licences, hosting."""
    STAFF_TIME = "staff_time"
    """Staff hours valued at the hourly wage: implementation, training hours, savings."""
    MIXED = "mixed"
    """Both: a total of cash and staff-time lines, or an item with parts of each."""
    QUANTITY = "quantity"
    """Not money: minutes, hours, counts, factors."""

    @staticmethod
    def of_parts(parts: Sequence[Nature]) -> Nature:
        """The nature of a sum: the parts' nature if they agree, else mixed."""
        found = set(parts)
        return found.pop() if len(found) == 1 else Nature.MIXED


@dataclass(frozen=True)
class Scope:
    """Where a line is instantiated: the key-path prefix of its inputs (`courses.ass_jv`),
    the key prefix of its lines (`ass_jv.`) and the scenario item itself."""

    input_prefix: KeyPath = ()
    key_prefix: str = ""
    item: Any = None

    def input(self, *names: str) -> Input:
        """A parameter of this course or platform (or of the scenario, at the top)."""
        return Input((*self.input_prefix, *names))

    def root(self, name: str) -> Input:
        """A parameter of the whole scenario (`vat_rate`), wherever the line is."""
        return Input((name,))

    def line(self, name: str) -> Ref:
        """Another line of this course or platform."""
        return Ref(self.key_prefix + name)


FormulaRule = Callable[[Scope], Expr]
Activity = tuple[str, str]
"""An activity by its kind's collection and its id: `("courses", "ass_jv")`."""


@dataclass(frozen=True)
class LineSpec:
    """Everything about one line, declared in one place."""

    name: str
    """The line's name within its part: `scheduling_saving`."""
    label: str
    label_nl: str
    unit: str
    kind: Kind
    nature: Nature
    section: str
    """The block of the sheet it belongs to (`scheduling`, `costs`, `result`, ...)."""
    formula: FormulaRule | None = None
    """How the line is computed in a scope; None for a total, which `adds` its children."""
    adds: tuple[str, ...] = ()
    """For a total: the names of the lines (in the same scope) it is the sum of."""
    parts: str = ""
    """For a total whose children the catalogue chooses per scenario (the cost items paid in
    money, say): what it adds, in words."""

    def __post_init__(self) -> None:
        given = [self.formula is not None, bool(self.adds), bool(self.parts)]
        if sum(given) != 1:
            raise ValueError(
                f"line {self.name!r}: give a formula, the lines it adds, or its parts in words"
            )

    def instantiate(
        self,
        scope: Scope,
        *,
        activity: Activity | None = None,
        platform: str | None = None,
        adds: Sequence[str] | None = None,
    ) -> Line:
        """The line in one scope. `adds` replaces the children's keys (for a total over
        parts declared elsewhere, such as the organisation's savings over all courses)."""
        children = (
            tuple(adds) if adds is not None else tuple(scope.key_prefix + a for a in self.adds)
        )
        formula = self.formula(scope) if self.formula is not None else Sum(children)
        return Line(
            key=scope.key_prefix + self.name,
            spec=self,
            formula=formula,
            children=children,
            activity=activity,
            platform=platform,
        )


def spec_of(
    name: str,
    label: str,
    label_nl: str,
    unit: str,
    kind: Kind,
    nature: Nature,
    section: str,
    formula: FormulaRule | None = None,
    adds: Sequence[str] = (),
    parts: str = "",
) -> LineSpec:
    """A line declared in one call, in the order a reader scans a catalogue: name, labels,
    unit, kind, nature, section, then its formula, the lines it adds, or its parts in words."""
    return LineSpec(name, label, label_nl, unit, kind, nature, section, formula, tuple(adds), parts)


@dataclass(frozen=True)
class Line:
    """One named figure of the business case, per year, in one course, platform or the
    organisation: its declaration and its formula there."""

    key: str
    spec: LineSpec
    formula: Expr
    children: tuple[str, ...] = ()
    """The keys of the lines a total adds (empty for a line with its own formula)."""
    activity: Activity | None = None
    """The activity the line belongs to: `("courses", "ass_jv")`; None for the organisation's
    and the platforms' lines."""
    platform: str | None = None

    @property
    def activity_id(self) -> str | None:
        """The id of the activity (course, trajectory type) the line belongs to, if any."""
        return self.activity[1] if self.activity else None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def label_nl(self) -> str:
        return self.spec.label_nl

    @property
    def unit(self) -> str:
        return self.spec.unit

    @property
    def kind(self) -> Kind:
        return self.spec.kind

    @property
    def nature(self) -> Nature:
        return self.spec.nature

    @property
    def section(self) -> str:
        return self.spec.section

    @property
    def summable(self) -> bool:
        """Whether a total over years of this line means something."""
        return self.spec.kind.summable
