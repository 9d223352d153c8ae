"""Formulas as small expression trees, with three readings of the same tree.

A line of the business case is defined once, as an expression over parameters (`Input`) and
other lines (`Ref`). The same tree is evaluated with numpy (arrays over years, or over draws and
years), written as an Excel formula, and read out as text for `explain`; so the engine, the
workbook and the trace cannot drift apart.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from businesscase.model.errors import KeyPath, dotted
from businesscase.model.units import Language

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

    def text(self, language: Language = "en") -> str:
        """The formula in words of a language (`if ... then ... else`, `als ... dan ...
        anders`), with parameter and line names as keys, which are the same in every
        language."""
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

    def text(self, language: Language = "en") -> str:
        written = _number_text(self.value)
        return written.replace(".", ",") if language == "nl" else written


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

    def text(self, language: Language = "en") -> str:
        return dotted(self.path)


@dataclass(frozen=True, eq=False)
class Ref(Expr):
    """Another line of the business case, by its key (`ass_jv.online_saving_per_course`)."""

    key: str

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return lines(self.key)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return cells.line_cell(self.key, year)

    def text(self, language: Language = "en") -> str:
        return self.key


@dataclass(frozen=True, eq=False)
class YearNumber(Expr):
    """The year of the cell being computed (1, 2, ...)."""

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return years

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return cells.year_cell(year)

    def text(self, language: Language = "en") -> str:
        return _WORDS["year"][language]


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
_WORDS: dict[str, dict[Language, str]] = {
    "year": {"en": "year", "nl": "jaar"},
    "if": {"en": "if {} then {} else {}", "nl": "als {} dan {} anders {}"},
    "round": {"en": "round({})", "nl": "afgerond({})"},
    "round_up": {"en": "round up({})", "nl": "naar boven afgerond({})"},
    "at_least_zero": {"en": "at least 0 ({})", "nl": "minstens 0 ({})"},
    "running_total": {"en": "running total of {}", "nl": "lopend totaal van {}"},
}
"""The words of a formula read out in each language (`text`); keys are the same in both."""

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

    def text(self, language: Language = "en") -> str:
        left, right = self.left.text(language), self.right.text(language)
        return self._render(left, right, f" {_TEXT_OPS[self.op]} ")


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

    def text(self, language: Language = "en") -> str:
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

    def text(self, language: Language = "en") -> str:
        parts = (part.text(language) for part in self.children())
        return _WORDS["if"][language].format(*parts)


@dataclass(frozen=True, eq=False)
class Unary(Expr):
    """A function of one expression (a rounding, a floor at zero, a running total): 0 where
    that expression is 0."""

    value: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.value,)

    def always_zero(self, zero: ZeroTest) -> bool:
        return self.value.always_zero(zero)


@dataclass(frozen=True, eq=False)
class RoundWhole(Unary):
    """Round to whole euros, halves away from zero (as Excel's ROUND(x, 0))."""

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        x = self.value.evaluate(inputs, lines, years)
        return np.sign(x) * np.floor(np.abs(x) + 0.5)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return f"ROUND({self.value.excel(cells, year, None)},0)"

    def text(self, language: Language = "en") -> str:
        return _WORDS["round"][language].format(self.value.text(language))


@dataclass(frozen=True, eq=False)
class RoundUp(Unary):
    """Round up to a whole number (groups needed for a number of people: 50 staff in groups of
    8 need 7 groups), as Excel's ROUNDUP(x, 0) for x >= 0."""

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return np.ceil(self.value.evaluate(inputs, lines, years))

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return f"ROUNDUP({self.value.excel(cells, year, None)},0)"

    def text(self, language: Language = "en") -> str:
        return _WORDS["round_up"][language].format(self.value.text(language))


@dataclass(frozen=True, eq=False)
class AtLeastZero(Unary):
    """The value where it is positive, else 0 (Excel's MAX(x, 0)): a shortfall that is never
    a surplus."""

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        return np.maximum(self.value.evaluate(inputs, lines, years), 0.0)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        return f"MAX({self.value.excel(cells, year, None)},0)"

    def text(self, language: Language = "en") -> str:
        return _WORDS["at_least_zero"][language].format(self.value.text(language))


@dataclass(frozen=True, eq=False)
class RunningSum(Unary):
    """The running total of an expression over the years so far (a cumulative balance)."""

    def evaluate(self, inputs: Inputs, lines: Lookup, years: np.ndarray) -> np.ndarray:
        x = self.value.evaluate(inputs, lines, years)
        return np.cumsum(np.broadcast_to(x, np.broadcast_shapes(x.shape, years.shape)), axis=-1)

    def excel(self, cells: Cells, year: int, own_key: str | None) -> str:
        this_year = self.value.excel(cells, year, None)
        if own_key is not None:  # the whole line: its previous year plus this year
            return this_year if year == 1 else f"{cells.line_cell(own_key, year - 1)}+{this_year}"
        every_year = (self.value.excel(cells, y, None) for y in range(1, year + 1))
        return "(" + "+".join(f"({part})" for part in every_year) + ")"

    def text(self, language: Language = "en") -> str:
        return _WORDS["running_total"][language].format(self.value.text(language))


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def inputs_of(expr: Expr) -> list[KeyPath]:
    """The parameters a formula reads, in order of first use."""
    return list(dict.fromkeys(n.path for n in expr.walk() if isinstance(n, Input)))


def refs_of(expr: Expr) -> list[str]:
    """The lines a formula reads, in order of first use."""
    return list(dict.fromkeys(n.key for n in expr.walk() if isinstance(n, Ref)))


# ---------------------------------------------------------------- compiled evaluation
#
# The fourth reading of the same trees, for speed only: the formulas of every line of a
# scenario written out once as one straight Python function that calls the same numpy
# functions, on the same operands, in the same order as `evaluate` above, so every figure is
# bit for bit the same. What differs from one scenario to another (parameter paths, line keys,
# numbers in formulas) is passed in as constants, so scenarios of the same shape (the app's
# edits of one file) share one compiled function. A node of a kind this compiler does not know
# is called through its own `evaluate`.
#
# A function may also be compiled for arrays laid out years first (`years_first`): a parameter
# over the years (years,) is given as (years, 1), draws as (1, draws), and every value comes out
# (years, draws). The arithmetic is elementwise and a running total adds the same numbers in the
# same order along the years axis, so the figures are the same, transposed; numpy then runs
# long loops over the draws instead of a loop of a few years per draw (a quarter to a third
# less time over many draws).

LineValues = dict[str, np.ndarray]
"""The values of the lines computed so far, by key (filled in order by a compiled function)."""


def _round_whole(x: np.ndarray) -> np.ndarray:
    return np.sign(x) * np.floor(np.abs(x) + 0.5)  # as RoundWhole.evaluate


def _running_sum(x: np.ndarray, years: np.ndarray) -> np.ndarray:
    if x.shape[-1:] == years.shape:  # broadcasting over the years would change nothing
        return np.cumsum(x, axis=-1)
    return np.cumsum(np.broadcast_to(x, np.broadcast_shapes(x.shape, years.shape)), axis=-1)


def _add_unless_zero(total: np.ndarray, item: np.ndarray) -> np.ndarray:
    """A total of `Sum` plus one more line, laid out years first. An item smaller than the
    total (the same in every draw) that is 0 in every year is skipped: the total begins at 0.0
    and a sum that is zero is +0.0, so the total is never -0.0 and adding ±0.0 leaves every
    bit of it as it is; what is skipped is an addition over all the draws."""
    if item.size < total.size and not item.any():
        return total
    return np.add(total, item)


def _running_sum_down(x: np.ndarray, years: np.ndarray) -> np.ndarray:
    """`_running_sum` laid out years first: `years` is (years, 1), the total runs down axis 0.

    np.cumsum adds in sequence, each year's total the previous one plus the year; down the
    first axis it does so draw by draw (a loop of a few years per draw), so for floats the
    same additions are made here a year at a time over all the draws."""
    x = np.broadcast_to(x, np.broadcast_shapes(np.shape(x), years.shape))
    if x.dtype != np.float64:
        return np.cumsum(x, axis=0)
    total = np.empty(x.shape)
    total[0] = x[0]
    for year in range(1, x.shape[0]):
        np.add(total[year - 1], x[year], out=total[year])
    return total


_HELPERS: dict[str, object] = {
    "_asarray": np.asarray,
    "_float": float,
    "_broadcast_to": np.broadcast_to,
    "_broadcast_shapes": np.broadcast_shapes,
    "_errstate": np.errstate,
    "_where": np.where,
    "_ceil": np.ceil,
    "_maximum": np.maximum,
    "_round_whole": _round_whole,
    "_running_sum": _running_sum,
    "_running_sum_down": _running_sum_down,
    "_add_unless_zero": _add_unless_zero,
    **{f"_op{i}": function for i, function in enumerate(_NUMPY_OPS.values())},
}
_OP_NAMES = {op: f"_op{i}" for i, op in enumerate(_NUMPY_OPS)}
_ZERO = np.asarray(0.0)
_ZERO.setflags(write=False)


class _Writer:
    """Collects the statements of one compiled function and the constants it is given."""

    def __init__(self, years_first: bool, over_years: Collection[KeyPath] | None = None) -> None:
        self.years_first = years_first
        self.over_years = over_years
        """The inputs that are float64 arrays over the years (shape (years,)) in every call of
        the function; None when nothing is known of the inputs' shapes."""
        self.statements: list[str] = []
        self.constants: list[object] = []
        self.inputs: dict[KeyPath, str] = {}
        self.lines: dict[str, str] = {}
        self.temporaries = 0
        self.divides = False
        self.calls_back = False
        """Whether a node is called through its own `evaluate` (which lays out years last)."""

    def constant(self, value: object) -> str:
        self.constants.append(value)
        return f"k{len(self.constants) - 1}"

    def input(self, path: KeyPath) -> str:
        name = self.inputs.get(path)
        if name is None:
            name = self.inputs[path] = f"a{len(self.inputs)}"
            self.statements.append(f"{name} = I[{self.constant(path)}]")
        return name

    def line(self, key: str) -> str:
        name = self.lines.get(key)
        if name is None:  # not computed yet: looked up when it runs, a KeyError as before
            return f"V[{self.constant(key)}]"
        return name

    def temporary(self, source: str) -> str:
        name = f"t{self.temporaries}"
        self.temporaries += 1
        self.statements.append(f"{name} = {source}")
        return name

    def node(self, expr: Expr) -> tuple[str, bool]:
        """The name holding the node's value, and whether that value is a new array (one no
        other line or input holds). A node of a kind not listed in `_NODE_WRITERS` (exactly
        that class, not a subclass) is called through its own `evaluate`."""
        write = _NODE_WRITERS.get(type(expr))
        if write is not None:
            return write(self, expr)
        self.calls_back = True
        return self.temporary(f"{self.constant(expr)}.evaluate(I, V.__getitem__, Y)"), False

    def number(self, value: float) -> str:
        constant = np.asarray(value)  # as Num.evaluate gives it, shared: made read-only
        constant.setflags(write=False)
        return self.constant(constant)

    def add_line(self, key: str, formula: Expr, pinned: bool) -> None:
        """One line as the engine computes it: the formula's value as floats, broadcast over
        the years (read-only, as `np.broadcast_to` gives it), a pinned value put in. A line
        whose value is surely floats over the years already (`_floats_over_years`) skips the
        conversion and the test of its shape."""
        value, fresh = self.node(formula)
        name = f"l{len(self.lines)}"
        add = self.statements.append
        if self.over_years is not None and _floats_over_years(formula, self.over_years):
            add(f"r = {value}" if fresh else f"r = {value}.view()")
            add("r.setflags(write=False)")
        else:
            add(f"r = _asarray({value}, dtype=_float)")
            # Over the years already, broadcasting gives a read-only view of the same shape:
            # an array of its own is made read-only in place, a shared one (an input, another
            # line) gets a read-only view.
            add(f"if r.shape[{'-2:-1' if self.years_first else '-1:'}] == years:")
            add(
                "    r.setflags(write=False)"
                if fresh
                else "    r = r.view(); r.setflags(write=False)"
            )
            add("else:")
            add("    r = _broadcast_to(r, _broadcast_shapes(r.shape, Y.shape))")
        constant = self.constant(key)
        if pinned:
            at = "p[0]" if self.years_first else "..., p[0]"
            add(f"r = r.copy(); p = P[{constant}]; r[{at}] = p[1]")
        add(f"V[{constant}] = {name} = r")
        self.lines[key] = name

    def source(self) -> str:
        body = list(self.statements)
        if self.divides:  # as BinOp.evaluate divides: no warning for 1/0 or 0/0
            body = ["with _errstate(divide='ignore', invalid='ignore'):"] + [
                "    " + line for line in body
            ]
        names = ", ".join(f"k{i}" for i in range(len(self.constants)))
        helpers = ", ".join(f"{name}={name}" for name in _HELPERS)
        head = [f"def run(I, Y, P, K, V, {helpers}):", "    years = Y.shape[:1]"]
        if self.constants:
            head.append(f"    ({names},) = K")
        return "\n".join(head + ["    " + line for line in body] + ["    return V"])


def _write_binop(writer: _Writer, expr: BinOp) -> tuple[str, bool]:
    left, _ = writer.node(expr.left)
    right, _ = writer.node(expr.right)
    writer.divides |= expr.op == "/"
    return writer.temporary(f"{_OP_NAMES[expr.op]}({left}, {right})"), True


def _write_sum(writer: _Writer, expr: Sum) -> tuple[str, bool]:
    total = writer.constant(_ZERO)  # as Sum.evaluate: 0.0, then + each line in turn
    if not expr.keys:
        return total, False
    add = "_add_unless_zero" if writer.years_first else _OP_NAMES["+"]
    for key in expr.keys:
        total = writer.temporary(f"{add}({total}, {writer.line(key)})")
    return total, True


def _write_if(writer: _Writer, expr: If) -> tuple[str, bool]:
    condition, _ = writer.node(expr.condition)
    then, _ = writer.node(expr.then)
    otherwise, _ = writer.node(expr.otherwise)
    return writer.temporary(f"_where({condition}, {then}, {otherwise})"), True


def _write_call(call: str) -> Callable[[_Writer, Any], tuple[str, bool]]:
    """A node of one value (`value`) computed by one call, `{}` standing for the value."""

    def write(writer: _Writer, expr: Any) -> tuple[str, bool]:
        value, _ = writer.node(expr.value)
        return writer.temporary(call.format(value)), True

    return write


def _write_running_sum(writer: _Writer, expr: RunningSum) -> tuple[str, bool]:
    value, _ = writer.node(expr.value)
    down = "_running_sum_down" if writer.years_first else "_running_sum"
    return writer.temporary(f"{down}({value}, Y)"), True


_NODE_WRITERS: dict[type, Callable[[_Writer, Any], tuple[str, bool]]] = {
    Num: lambda writer, expr: (writer.number(expr.value), False),
    Input: lambda writer, expr: (writer.input(expr.path), False),
    Ref: lambda writer, expr: (writer.line(expr.key), False),
    YearNumber: lambda writer, expr: ("Y", False),
    BinOp: _write_binop,
    Sum: _write_sum,
    If: _write_if,
    RoundWhole: _write_call("_round_whole({})"),
    RoundUp: _write_call("_ceil({})"),
    AtLeastZero: _write_call("_maximum({}, 0.0)"),
    RunningSum: _write_running_sum,
}
"""How each kind of node is written: the same numpy calls as its `evaluate`."""


_ARITHMETIC = frozenset("+-*/^")


def _floats_over_years(expr: Expr, over_years: Collection[KeyPath]) -> bool:
    """Whether a node's value is surely a float64 array over the years, given the inputs that
    are (`over_years`): a line (always broadcast over the years), the year, such an input, a
    running total, or arithmetic, a choice or a rounding with such a value in it. A comparison
    (booleans), a number, another input, a sum of no lines or a node this compiler does not
    know is not (its line keeps the conversion and the test of its shape)."""
    kind = type(expr)
    if kind in (Ref, YearNumber):
        return True
    if kind is RunningSum:  # broadcast over the years inside; floats unless it adds booleans
        return not _is_comparison(expr.value)  # type: ignore[attr-defined]
    if kind is Input:
        return expr.path in over_years  # type: ignore[attr-defined]
    if kind is BinOp:
        if expr.op not in _ARITHMETIC:  # type: ignore[attr-defined]
            return False
    elif kind is Sum:
        return bool(expr.keys)  # type: ignore[attr-defined]
    elif kind is If:
        then, otherwise = expr.then, expr.otherwise  # type: ignore[attr-defined]
        if _is_comparison(then) or _is_comparison(otherwise):
            return False
    elif kind not in (RoundWhole, RoundUp, AtLeastZero):
        return False
    return any(_floats_over_years(child, over_years) for child in expr.children())


def _is_comparison(expr: Expr) -> bool:
    return isinstance(expr, BinOp) and expr.op not in _ARITHMETIC


CompiledRun = Callable[..., LineValues]
_COMPILED: dict[str, CompiledRun] = {}
_COMPILED_KEPT = 64
"""Compiled functions kept (by their source): the shapes of scenario a session works on."""


@dataclass(frozen=True, eq=False)
class CompiledLines:
    """Every line of a scenario as one compiled function (see `compile_lines` and
    `compile_by_year`)."""

    run_lines: CompiledRun
    constants: tuple[object, ...]

    def evaluate(
        self, inputs: Inputs, years: np.ndarray, pins: Mapping[str, tuple[list[int], float]]
    ) -> LineValues:
        """The value of every line in order, as the engine's loop over `Expr.evaluate` gives
        it: each as floats broadcast over the years, a pinned line a copy with its value put in
        the years given (`pins`: the index of each year, and the value). Compiled years first,
        `years` and every input are laid out so, and so are the values."""
        return self.run_lines(inputs, years, pins, self.constants, {})


def compile_lines(
    lines: Sequence[tuple[str, Expr]],
    pinned: Collection[str],
    years_first: bool = False,
    over_years: Collection[KeyPath] | None = None,
) -> CompiledLines | None:
    """Compile the formulas of lines (by key, each after the lines it reads) into one function.
    `pinned` are the keys of lines whose values are replaced in some years. `over_years`, if
    given, are the inputs that are float64 arrays over the years in every call: the function
    may then only be called with those inputs so. None
    if asked for `years_first` and a formula holds a node this compiler calls through its
    `evaluate`."""
    writer = _Writer(years_first, over_years)
    for key, formula in lines:
        writer.add_line(key, formula, key in pinned)
    if years_first and writer.calls_back:
        return None
    return CompiledLines(_compiled(writer.source()), tuple(writer.constants))


def _compiled(source: str) -> CompiledRun:
    """The function `run` of a source, compiled once and kept by its source."""
    run = _COMPILED.get(source)
    if run is None:
        namespace: dict[str, object] = {**_HELPERS, **_BY_YEAR_HELPERS}
        exec(compile(source, "<businesscase compiled lines>", "exec"), namespace)
        run = namespace["run"]  # type: ignore[assignment]
        if len(_COMPILED) >= _COMPILED_KEPT:
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[source] = run  # type: ignore[assignment]
    return run  # type: ignore[return-value]


# ---------------------------------------------------------------- year by year
#
# A fifth reading, for speed only, of one evaluation of a scenario's own inputs (arrays over a
# few years): numpy spends some 0.2 µs on every call whatever the size of its arrays, so over
# six years a line costs far more in calls than in arithmetic. Here the formulas of every line
# are written out once as the body of one loop over the years: each line one Python statement
# on Python floats. Python's float arithmetic (+ - * / and comparisons) is the same IEEE 754
# double arithmetic as numpy's, each operation on the same operands in the same order and
# rounded once (overflow gives inf and inf - inf NaN, as in numpy), so every figure is bit for
# bit what `evaluate` gives, given that:
#  - a division by zero, which Python refuses, is made by numpy (`_divide_by_zero`);
#  - a choice (`If`) takes the branch numpy's `where` takes (a number as a condition is true
#    where it is not 0, NaN included);
#  - a sum begins at 0.0 as `Sum.evaluate` does; a running total begins at -0.0 and adds each
#    year: -0.0 + x is x for every x, -0.0 too, so the first year is x as `cumsum` gives it and
#    every later year adds as it does;
#  - what numpy computes by functions of its own (a power, a rounding, a floor at zero) is
#    computed by numpy: over the years before the loop where it reads no line (the same calls
#    on the same arrays as `evaluate`), else on each year's float (roundings and the floor at
#    zero are exact, the same on one number as on an array); a power that reads a line is not
#    compiled so;
#  - a comparison's True counts as 1.0 in arithmetic, as in numpy; arithmetic on two
#    comparisons (numpy's logical or/and) is not compiled so;
#  - a whole number in a formula (0, 1, 60) is taken as a float where numpy keeps an integer:
#    the same figures for numbers far below 2**53, as a formula's are (one that is not exactly
#    a float is not compiled so).
# Each year's values are packed as the bytes of one row of floats (`struct`), and the rows read
# as one block, transposed to lines by years and made read-only once: each line's values are a
# row of it (a pinned line a copy of its row, as `evaluate` gives them).


class _Refused(Exception):
    """A formula `compile_by_year` does not take (it then gives None)."""


def _divide_by_zero(left: float, right: float) -> float:
    """`left / right` for a divisor of ±0, which Python refuses: numpy's ±inf or NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.divide(left, right))


def _pinned_years(indices: Sequence[int], years: int) -> list[bool]:
    """Whether each year is pinned, given the index of each pinned year (an index out of the
    years is an IndexError, as numpy's assignment makes it)."""
    pinned = [False] * years
    for index in indices:
        pinned[index] = True
    return pinned


_BY_YEAR_HELPERS: dict[str, object] = {
    "_frombuffer": np.frombuffer,
    "_zip": zip,
    "_divide_by_zero": _divide_by_zero,
    "_pinned_years": _pinned_years,
    "_ceil_of": lambda x: float(np.ceil(x)),
    "_round_whole_of": lambda x: float(_round_whole(x)),
    "_at_least_zero_of": lambda x: float(np.maximum(x, 0.0)),
}
"""What a function compiled year by year calls, besides `_HELPERS` (for what numpy computes):
each `_..._of` a node's numpy function of one year's float."""
_PYTHON_OPS = {"+": "+", "-": "-", "*": "*", "/": "/", "<=": "<=", ">=": ">=", "=": "=="}
_CALLS_OF_ONE_YEAR: dict[type[Unary], str] = {
    RoundUp: "_ceil_of",
    RoundWhole: "_round_whole_of",
    AtLeastZero: "_at_least_zero_of",
}


class _YearWriter:
    """Collects the statements of one function compiled year by year: numpy's before the loop,
    then the body of the loop over the years."""

    def __init__(self, over_years: Collection[KeyPath], single: Collection[KeyPath]) -> None:
        self.over_years = over_years
        self.single = single
        """The inputs that are float64 arrays over the years, and those that are one float64
        (shape ()), in every call."""
        self.numpy = _Writer(years_first=False, over_years=over_years)
        """Writes what numpy computes before the loop; its constants are the function's."""
        self.before: list[str] = []
        self.body: list[str] = []
        self.columns: list[tuple[str, str]] = [("y", "Y.tolist()")]
        """What the loop takes year by year: the name of a year's value, and its list."""
        self.inputs: dict[KeyPath, str] = {}
        self.lines: dict[str, str] = {}
        self.pinned: list[str] = []
        self.names = 0

    def constant(self, value: object) -> str:
        return self.numpy.constant(value)

    def name(self, prefix: str) -> str:
        self.names += 1
        return f"{prefix}{self.names}"

    def column(self, prefix: str, values: str) -> str:
        """The name of a year's value of a list of values by year (`values`, its source)."""
        name = self.name(prefix)
        self.columns.append((name, values))
        return name

    def input(self, path: KeyPath) -> str:
        name = self.inputs.get(path)
        if name is None:
            if path in self.over_years:
                name = self.column("i", f"I[{self.constant(path)}].tolist()")
            elif path in self.single:
                name = self.name("s")
                self.before.append(f"{name} = I[{self.constant(path)}].item()")
            else:
                raise _Refused(f"the input {dotted(path)} of unknown shape")
            self.inputs[path] = name
        return name

    def line(self, key: str) -> str:
        name = self.lines.get(key)
        if name is None:
            raise _Refused(f"the line {key} read before it is computed")
        return name

    def simple(self, value: str) -> str:
        """A name holding the value (a temporary, unless it is a name already)."""
        if value.isidentifier():
            return value
        name = self.name("u")
        self.body.append(f"{name} = {value}")
        return name

    def node(self, expr: Expr) -> tuple[str, bool]:
        """The source of the node's value in one year, and whether that is a boolean. Only
        the kinds of node in `_NODE_WRITERS` are taken (exactly those classes, none of which
        derives from another, so `isinstance` tells them apart)."""
        if type(expr) not in _NODE_WRITERS:
            raise _Refused(f"a node of kind {type(expr).__name__}")
        if isinstance(expr, RoundUp | RoundWhole | AtLeastZero) or (
            isinstance(expr, BinOp) and expr.op == "^"
        ):
            return self.numpy_function(expr), False
        if isinstance(expr, Num):
            if float(expr.value) != expr.value:
                raise _Refused(f"the number {expr.value!r}")
            return self.constant(float(expr.value)), False
        if isinstance(expr, Input):
            return self.input(expr.path), False
        if isinstance(expr, Ref):
            return self.line(expr.key), False
        if isinstance(expr, YearNumber):
            return "y", False
        if isinstance(expr, Sum):  # as Sum.evaluate: 0.0, then + each line in turn
            return "(" + " + ".join(["0.0", *map(self.line, expr.keys)]) + ")", False
        if isinstance(expr, BinOp):
            return self.binop(expr)
        if isinstance(expr, If):
            return self.choice(expr)
        assert isinstance(expr, RunningSum)
        value, booleans = self.node(expr.value)
        if booleans:
            raise _Refused("a running total of booleans")
        total = self.name("c")
        self.before.append(f"{total} = -0.0")
        self.body.append(f"{total} = {total} + {value}")
        return total, False

    def binop(self, expr: BinOp) -> tuple[str, bool]:
        left, left_booleans = self.node(expr.left)
        right, right_booleans = self.node(expr.right)
        if expr.op in _ARITHMETIC and left_booleans and right_booleans:
            raise _Refused("arithmetic on two booleans")
        if expr.op == "/" and not (isinstance(expr.right, Num) and expr.right.value != 0):
            left, right = self.simple(left), self.simple(right)
            return f"({left} / {right} if {right} else _divide_by_zero({left}, {right}))", False
        return f"({left} {_PYTHON_OPS[expr.op]} {right})", expr.op not in _ARITHMETIC

    def choice(self, expr: If) -> tuple[str, bool]:
        condition, _ = self.node(expr.condition)
        then, then_booleans = self.node(expr.then)
        otherwise, otherwise_booleans = self.node(expr.otherwise)
        if then_booleans and not otherwise_booleans:  # numpy's where gives floats: 1.0, 0.0
            then = f"_float({then})"
        if otherwise_booleans and not then_booleans:
            otherwise = f"_float({otherwise})"
        return f"({then} if {condition} else {otherwise})", then_booleans and otherwise_booleans

    def numpy_function(self, expr: BinOp | Unary) -> str:
        """A power, a rounding or a floor at zero, computed by numpy: over the years before
        the loop if it reads no line (a list of its values by year, or its one value), else
        on one year's float (not a power)."""
        if any(_gives_booleans(child) for child in expr.children()):
            raise _Refused("a power or rounding of booleans")
        parts = list(expr.walk())
        if not any(isinstance(part, Ref | Sum) for part in parts):
            by_year = False
            for part in parts:
                if type(part) not in _NODE_WRITERS:
                    raise _Refused(f"a node of kind {type(part).__name__}")
                if isinstance(part, Input) and part.path not in self.single:
                    if part.path not in self.over_years:
                        raise _Refused(f"the input {dotted(part.path)} of unknown shape")
                    by_year = True
                by_year |= isinstance(part, YearNumber | RunningSum)
            value, _ = self.numpy.node(expr)
            if by_year:
                return self.column("h", f"{value}.tolist()")
            name = self.name("h")
            self.before.append(f"{name} = {value}.item()")
            return name
        if isinstance(expr, BinOp):
            raise _Refused("a power that reads a line")
        value, _ = self.node(expr.value)
        return f"{_CALLS_OF_ONE_YEAR[type(expr)]}({value})"

    def add_line(self, key: str, formula: Expr, pinned: bool) -> None:
        """One line: its value in the year as a float, a pinned value put in."""
        value, booleans = self.node(formula)
        if booleans:
            value = f"_float({value})"
        if pinned:
            constant = self.constant(key)
            at, pin = self.column("m", f"_pinned_years(P[{constant}][0], len(Y))"), self.name("p")
            self.before.append(f"{pin} = _float(P[{constant}][1])")
            value = f"{pin} if {at} else {value}"
            self.pinned.append(constant)
        if not value.isidentifier():
            name = self.name("v")
            self.body.append(f"{name} = {value}")
            value = name
        self.lines[key] = value

    def source(self) -> str:
        names = ", ".join(name for name, _ in self.columns)
        values = ", ".join(values for _, values in self.columns)
        keys = self.constant(tuple(self.lines))
        pack = self.constant(struct.Struct(f"{len(self.lines)}d").pack)
        body = [
            *self.numpy.statements,
            *self.before,
            "out = []",
            f"for {names}, in _zip({values}):",
            *("    " + line for line in self.body),
            f"    out.append({pack}(" + "".join(f"{name}, " for name in self.lines.values()) + "))",
        ]
        if self.numpy.divides:  # as BinOp.evaluate divides: no warning for 1/0 or 0/0
            body = ["with _errstate(divide='ignore', invalid='ignore'):"] + [
                "    " + line for line in body
            ]
        body += [
            f"block = _frombuffer(b''.join(out)).reshape(len(Y), {len(self.lines)}).T.copy()",
            "block.setflags(False)",
            f"V.update(_zip({keys}, block))",
            *(f"V[{key}] = V[{key}].copy()" for key in self.pinned),
        ]
        constants = ", ".join(f"k{i}" for i in range(len(self.numpy.constants)))
        helpers = ", ".join(f"{name}={name}" for name in (*_HELPERS, *_BY_YEAR_HELPERS))
        head = [f"def run(I, Y, P, K, V, {helpers}):", f"    ({constants},) = K"]
        return "\n".join(head + ["    " + line for line in body] + ["    return V"])


def _gives_booleans(expr: Expr) -> bool:
    """Whether numpy gives booleans for the node: a comparison, or a choice between two."""
    if isinstance(expr, If):
        return _gives_booleans(expr.then) and _gives_booleans(expr.otherwise)
    return _is_comparison(expr)


def compile_by_year(
    lines: Sequence[tuple[str, Expr]],
    pinned: Collection[str],
    over_years: Collection[KeyPath],
    single: Collection[KeyPath],
) -> CompiledLines | None:
    """Compile the formulas of lines (by key, each after the lines it reads) into one function
    that computes them year by year in Python floats (see above), for inputs that are float64
    arrays over the years (`over_years`) or one float64 each (`single`) in every call; the
    values come as `CompiledLines.evaluate` gives them. None for a formula it does not take:
    one that reads another input, a power that reads a line, arithmetic on two booleans, a node
    of a kind it does not know."""
    writer = _YearWriter(over_years, single)
    try:
        for key, formula in lines:
            writer.add_line(key, formula, key in pinned)
    except _Refused:
        return None
    return CompiledLines(_compiled(writer.source()), tuple(writer.numpy.constants))
