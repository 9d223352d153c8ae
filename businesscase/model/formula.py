"""Formulas as small expression trees, with three readings of the same tree.

A line of the business case is defined once, as an expression over parameters (`Input`) and
other lines (`Ref`). The same tree is evaluated with numpy (arrays over years, or over draws and
years), written as an Excel formula, and read out as text for `explain`; so the engine, the
workbook and the trace cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from businesscase.model.errors import KeyPath, dotted

Inputs = Mapping[KeyPath, np.ndarray]
"""Parameter values by key path: arrays over years, or over draws and years."""
Lookup = Callable[[str], np.ndarray]
"""The values of an already computed line, by key."""
ZeroTest = Callable[[KeyPath], bool]
"""Whether the input at a key path is 0 in every year."""


class Cells(Protocol):
    """Where the Excel writer put each input, line and year header."""

    def input_cell(self, path: KeyPath, year: int) -> str: ...

    def line_cell(self, key: str, year: int) -> str: ...

    def year_cell(self, year: int) -> str: ...


class Expr:
    """A node of a formula. Arithmetic operators build new nodes."""

    precedence = 9

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        """The value over years (last axis), given parameter values and a line lookup."""
        raise NotImplementedError

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        """The Excel formula text (without '=') for one year's cell. `own_key` is the key of
        the line whose whole formula this node is; a node inside a larger formula gets None
        (so a running total continues from the line's own previous cell only where it is
        the whole line)."""
        raise NotImplementedError

    def text(self) -> str:
        """The formula in words, with parameter and line names."""
        raise NotImplementedError

    def children(self) -> tuple[Expr, ...]:
        return ()

    def always_zero(self, zero: ZeroTest) -> bool:
        """Whether the formula is 0 in every year whatever the inputs are, given which inputs
        are 0 in every year (`zero`). Only what is sure counts: another line or the year may
        not be 0."""
        return False

    def reads_live(self, path: KeyPath, zero: ZeroTest) -> bool:
        """Whether a change of the input `path` can move the value: it is read outside every
        part that is 0 whatever it is (a price times a count of 0 does not act)."""
        if self.always_zero(zero):
            return False
        return any(child.reads_live(path, zero) for child in self.children())

    def walk(self) -> Iterator[Expr]:
        """This node and every node below it."""
        yield self
        for child in self.children():
            yield from child.walk()

    def __add__(self, other: Expr | float) -> Expr:
        return BinOp("+", self, wrap(other))

    def __radd__(self, other: float) -> Expr:
        return BinOp("+", wrap(other), self)

    def __sub__(self, other: Expr | float) -> Expr:
        return BinOp("-", self, wrap(other))

    def __rsub__(self, other: float) -> Expr:
        return BinOp("-", wrap(other), self)

    def __mul__(self, other: Expr | float) -> Expr:
        return BinOp("*", self, wrap(other))

    def __rmul__(self, other: float) -> Expr:
        return BinOp("*", wrap(other), self)

    def __truediv__(self, other: Expr | float) -> Expr:
        return BinOp("/", self, wrap(other))

    def __pow__(self, other: Expr | float) -> Expr:
        return BinOp("^", self, wrap(other))

    def __le__(self, other: Expr | float) -> Expr:
        return BinOp("<=", self, wrap(other))

    def __ge__(self, other: Expr | float) -> Expr:
        return BinOp(">=", self, wrap(other))

    def __rtruediv__(self, other: float) -> Expr:
        return BinOp("/", wrap(other), self)


def equals(left: Expr, right: Expr) -> Expr:
    """True where the two are equal (Python's `==` stays identity for nodes)."""
    return BinOp("=", left, right)


def wrap(value: Expr | float) -> Expr:
    return value if isinstance(value, Expr) else Num(float(value))


@dataclass(frozen=True, eq=False)
class Num(Expr):
    """A fixed number in a formula, such as 60 minutes per hour."""

    value: float

    def always_zero(self, zero: ZeroTest) -> bool:
        return self.value == 0

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return np.asarray(self.value)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return _number_text(self.value)

    def text(self) -> str:
        return _number_text(self.value)


@dataclass(frozen=True, eq=False)
class Input(Expr):
    """A parameter of the scenario, by its key path (`courses.ass_jv.group_size`)."""

    path: KeyPath

    def always_zero(self, zero: ZeroTest) -> bool:
        return zero(self.path)

    def reads_live(self, path: KeyPath, zero: ZeroTest) -> bool:
        return self.path == path and not self.always_zero(zero)

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return inputs[self.path]

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return cells.input_cell(self.path, year)

    def text(self) -> str:
        return dotted(self.path)


@dataclass(frozen=True, eq=False)
class Ref(Expr):
    """Another line of the business case, by its key (`ass_jv.online_saving_per_course`)."""

    key: str

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return lines(self.key)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return cells.line_cell(self.key, year)

    def text(self) -> str:
        return self.key


@dataclass(frozen=True, eq=False)
class YearNumber(Expr):
    """The year of the cell being computed (1, 2, ...)."""

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return years

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return cells.year_cell(year)

    def text(self) -> str:
        return "year"


_NUMPY_OPS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "^": np.power,
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.divide,
    "<=": np.less_equal,
    ">=": np.greater_equal,
    "=": np.equal,
}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3, "<=": 0, ">=": 0, "=": 0}
_TEXT_OPS = {"^": "^", "*": "x", "/": "/", "+": "+", "-": "-", "<=": "<=", ">=": ">=", "=": "="}


@dataclass(frozen=True, eq=False)
class BinOp(Expr):
    """Arithmetic or a comparison of two expressions."""

    op: str
    left: Expr
    right: Expr

    @property
    def precedence(self) -> int:  # type: ignore[override]
        return _PRECEDENCE[self.op]

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def always_zero(self, zero: ZeroTest) -> bool:
        left, right = self.left.always_zero(zero), self.right.always_zero(zero)
        if self.op == "*":
            return left or right
        if self.op == "/":
            return left
        return self.op in ("+", "-") and left and right

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        left = self.left.evaluate(inputs, lines, years)
        right = self.right.evaluate(inputs, lines, years)
        if self.op == "/":
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.divide(left, right)
        return _NUMPY_OPS[self.op](left, right)

    def _render(self, left: str, right: str, separator: str) -> str:
        if self.left.precedence < self.precedence:
            left = f"({left})"
        if self.right.precedence < self.precedence or (
            self.right.precedence == self.precedence and self.op in "-/^"
        ):
            right = f"({right})"
        return f"{left}{separator}{right}"

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        left = self.left.excel(cells, year, None)
        return self._render(left, self.right.excel(cells, year, None), self.op)

    def text(self) -> str:
        return self._render(self.left.text(), self.right.text(), f" {_TEXT_OPS[self.op]} ")


@dataclass(frozen=True, eq=False)
class Sum(Expr):
    """The sum of other lines (a total that `adds` its children), flat however many there
    are: a thousand courses make one node, not a thousand nested additions."""

    keys: tuple[str, ...]
    precedence = 1

    def children(self) -> tuple[Expr, ...]:
        return tuple(Ref(key) for key in self.keys)

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        total: np.ndarray = np.asarray(0.0)
        for key in self.keys:
            total = total + lines(key)
        return total

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return "+".join(cells.line_cell(key, year) for key in self.keys) or "0"

    def text(self) -> str:
        return " + ".join(self.keys) or "0"


@dataclass(frozen=True, eq=False)
class If(Expr):
    """`then` where the condition holds, else `otherwise` (Excel IF, numpy where)."""

    condition: Expr
    then: Expr
    otherwise: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.condition, self.then, self.otherwise)

    def always_zero(self, zero: ZeroTest) -> bool:
        return self.then.always_zero(zero) and self.otherwise.always_zero(zero)

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return np.where(
            self.condition.evaluate(inputs, lines, years),
            self.then.evaluate(inputs, lines, years),
            self.otherwise.evaluate(inputs, lines, years),
        )

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        parts = (p.excel(cells, year, None) for p in self.children())
        return "IF({},{},{})".format(*parts)

    def text(self) -> str:
        return f"if {self.condition.text()} then {self.then.text()} else {self.otherwise.text()}"


@dataclass(frozen=True, eq=False)
class RoundWhole(Expr):
    """Round to whole euros, halves away from zero (as Excel's ROUND(x, 0))."""

    value: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.value,)

    def always_zero(self, zero: ZeroTest) -> bool:
        return self.value.always_zero(zero)

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        x = self.value.evaluate(inputs, lines, years)
        return np.sign(x) * np.floor(np.abs(x) + 0.5)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return f"ROUND({self.value.excel(cells, year, None)},0)"

    def text(self) -> str:
        return f"round({self.value.text()})"


@dataclass(frozen=True, eq=False)
class RoundUp(Expr):
    """Round up to a whole number (groups needed for a number of people: 50 staff in groups of
    8 need 7 groups), as Excel's ROUNDUP(x, 0) for x >= 0."""

    value: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.value,)

    def always_zero(self, zero: ZeroTest) -> bool:
        return self.value.always_zero(zero)

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return np.ceil(self.value.evaluate(inputs, lines, years))

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return f"ROUNDUP({self.value.excel(cells, year, None)},0)"

    def text(self) -> str:
        return f"round up({self.value.text()})"


@dataclass(frozen=True, eq=False)
class AtLeastZero(Expr):
    """The value where it is positive, else 0 (Excel's MAX(x, 0)): a shortfall that is never
    a surplus."""

    value: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.value,)

    def always_zero(self, zero: ZeroTest) -> bool:
        return self.value.always_zero(zero)

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return np.maximum(self.value.evaluate(inputs, lines, years), 0.0)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return f"MAX({self.value.excel(cells, year, None)},0)"

    def text(self) -> str:
        return f"at least 0 ({self.value.text()})"


@dataclass(frozen=True, eq=False)
class RunningSum(Expr):
    """The running total of an expression over the years so far (a cumulative balance)."""

    value: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.value,)

    def always_zero(self, zero: ZeroTest) -> bool:
        return self.value.always_zero(zero)

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        x = self.value.evaluate(inputs, lines, years)
        return np.cumsum(np.broadcast_to(x, np.broadcast_shapes(x.shape, years.shape)), axis=-1)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        this_year = self.value.excel(cells, year, None)
        if own_key is not None:  # the whole line: its previous year plus this year
            return this_year if year == 1 else f"{cells.line_cell(own_key, year - 1)}+{this_year}"
        every_year = (self.value.excel(cells, y, None) for y in range(1, year + 1))
        return "(" + "+".join(f"({part})" for part in every_year) + ")"

    def text(self) -> str:
        return f"running total of {self.value.text()}"


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def inputs_of(expr: Expr) -> list[KeyPath]:
    """The parameters a formula reads, in order of first use."""
    return list(dict.fromkeys(n.path for n in expr.walk() if isinstance(n, Input)))


def refs_of(expr: Expr) -> list[str]:
    """The lines a formula reads, in order of first use."""
    return list(dict.fromkeys(n.key for n in expr.walk() if isinstance(n, Ref)))
