"""What the Time sheet holds, FAST-style: the timeline (the year number of each column), a flag
row per time test of the model's formulas (1 in the years where the test holds, else 0), and a
labelled cell per fixed number the formulas hold (60 minutes per hour, the number of platforms
an average takes). The formulas then multiply by a flag instead of testing the year inline, and
name a constant instead of holding a number other than 0 or 1 (see `cell_formulas`).

A time test is the condition of an `if` that reads the year and otherwise only inputs and
numbers (`year = development_year`, `year >= 2`); a test that reads another line (`if minutes
per place <= 0`) stays an `IF` in the formula. The flags and constants are found by reading the
formulas through the public readings of the catalogue's expressions (`children`, `text`,
`evaluate`), in the order the sheets use them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from openpyxl.formula.tokenizer import Token, Tokenizer

from businesscase import KeyPath, Line, Results, Scenario, dotted
from excel_export.labels import Words
from excel_export.layout import FIRST_ROW, Names

YEAR_ROW = FIRST_ROW + 1
"""The Time sheet's row of year numbers (below the heading of the timeline)."""
FIRST_FLAG_ROW = YEAR_ROW + 3
"""The first flag row (after a blank row and the flags' heading)."""


class Node(Protocol):
    """A node of a catalogue formula, as this module reads it (its public readings)."""

    @property
    def precedence(self) -> int: ...

    def children(self) -> tuple[Any, ...]: ...

    def text(self) -> str: ...

    def excel(self, cells: Any, year: int, own_key: str | None) -> str: ...

    def evaluate(self, inputs: Any, lines: Any, years: np.ndarray) -> np.ndarray: ...


@dataclass(frozen=True)
class Flag:
    """A row of 1s and 0s: where its test holds. `condition` is the test (a formula node);
    `key` its words in the catalogue's reading (`year >= 2`), which identifies it."""

    key: str
    name: str
    label: str
    row: int
    condition: Node
    line: Line
    """The line whose formula first holds the test."""
    values: tuple[float, ...]


@dataclass(frozen=True)
class Constant:
    """A fixed number of the model's formulas, in a labelled cell with a defined name (shown in
    `shape`, a number format, when the unit's own format would round it away)."""

    name: str
    label: str
    unit: str
    value: float
    shape: str = ""


CHECK_TOLERANCE = 0.005
"""Half a cent: a check of the Results sheet fails when a figure differs from what it should
be by more."""
CHANGED_TOLERANCE = 1e-9
"""An input counts as changed when it differs from its exported value by more than this share
of it: a stored 1/3 may come back rounded to 15 digits."""


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def leaves(node: Node) -> Iterator[Node]:
    """The nodes without children below a node (inputs, lines, numbers, the year)."""
    kids = node.children()
    if not kids:
        yield node
    for kid in kids:
        yield from leaves(kid)


def is_if(node: Node) -> bool:
    """Whether a node is an `if ... then ... else ...` (read from its words)."""
    return len(node.children()) == 3 and node.text().startswith("if ")


@dataclass
class Timeline:
    """The flags and constants of one block, found as its formulas are read, with their rows,
    names and labels. `title_of` gives an input's label with its owner; `line_label` a line's
    label, both in the workbook's language."""

    sheet: str
    results: Results
    words: Words
    names: Names
    input_names: dict[KeyPath, str]
    """The defined name of each input."""
    title_of: Callable[[KeyPath], str]
    label_of: Callable[[KeyPath], str]
    """An input's label alone, for a flag that several owners share."""
    flags: dict[str, Flag] = field(default_factory=dict)
    constants: dict[str, Constant] = field(default_factory=dict)
    check_tolerance: Constant = field(init=False)
    """The Results sheet's checks allow a difference up to this (`CHECK_TOLERANCE`)."""
    changed_tolerance: Constant = field(init=False)
    """The Inputs sheet's Changed column allows this relative difference (`CHANGED_TOLERANCE`)."""
    _inputs: dict[str, KeyPath] = field(default_factory=dict)
    _numbers: dict[tuple[str, str, float], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._inputs = {dotted(path): path for path in self.results.inputs}
        prefix, words = self.names.prefix, self.words
        self.check_tolerance = Constant(
            self.names.unique(f"{prefix}check_tolerance"),
            words("constant.check_tolerance"),
            "EUR",
            CHECK_TOLERANCE,
            '"€" 0.000',
        )
        self.changed_tolerance = Constant(
            self.names.unique(f"{prefix}changed_tolerance"),
            words("constant.changed_tolerance"),
            "",
            CHANGED_TOLERANCE,
            "0E+00",
        )

    @property
    def scenario(self) -> Scenario:
        return self.results.scenario

    @property
    def horizon(self) -> int:
        return self.scenario.horizon_years

    def line_label(self, line: Line) -> str:
        return self.words.label(line.label, line.label_nl)

    # ------------------------------------------------------------ time tests and flags

    def is_time_test(self, condition: Node) -> bool:
        """A condition that reads the year, and besides it only inputs and numbers."""
        found = [leaf.text() for leaf in leaves(condition)]
        return "year" in found and all(
            text == "year" or text in self._inputs or is_number(text) for text in found
        )

    def time_tests(self, formula: Node) -> list[Node]:
        """The `if` nodes of a formula whose condition is a time test, outermost first."""
        found: list[Node] = []

        def visit(node: Node) -> None:
            if is_if(node) and self.is_time_test(node.children()[0]):
                found.append(node)
            for kid in node.children():
                visit(kid)

        visit(formula)
        return found

    def flag(self, condition: Node, line: Line, then: Node | None = None) -> Flag:
        """The flag of a time test, made the first time the test is met (in `line`, where
        `then` is what the test switches on): named after the one input it compares the year
        with (`new_platform.development_year.flag`), or the line (`licence.flag`)."""
        key = condition.text()
        known = self.flags.get(key)
        if known is not None:
            return known
        texts = [leaf.text() for leaf in leaves(condition)]
        inputs = [self._inputs[text] for text in texts if text in self._inputs]
        if len(inputs) == 1:
            base = f"{self.input_names[inputs[0]]}.flag"
        else:
            base = f"{self.names.prefix}{self.names.plain(line.name)}.flag"
        values = condition.evaluate(self.results.inputs, self.results.line, self.results.years)
        flag = Flag(
            key,
            self.names.unique(base),
            self.flag_label(condition, line, then),
            FIRST_FLAG_ROW + len(self.flags),
            condition,
            line,
            tuple(float(v) for v in np.broadcast_to(np.asarray(values), (self.horizon,))),
        )
        self.flags[key] = flag
        return flag

    def flag_label(self, condition: Node, line: Line, then: Node | None) -> str:
        """A flag's label: the test in words (`Year >= Ass JV, growth: from year`) where it
        compares the year with an input; where it compares it with a number, what the test
        switches on and from when (`Licence as a share of the purchase: from year 2`)."""
        found = _YEAR_TEST.match(condition.text())
        if found is None:
            return self.in_words(condition)
        operator, number = found.groups()
        what = self.line_label(line)
        if then is not None:
            read = [self._inputs[t] for leaf in leaves(then) if (t := leaf.text()) in self._inputs]
            if read:
                what = self.label_of(read[0])
        kind = _YEAR_TESTS[operator]
        return self.words(f"flag.{kind}", what=what, year=self.words.number(float(number)))

    # ------------------------------------------------------------ constants

    def constant(self, value: float, line: Line, test: str | None) -> Constant:
        """The constant cell of a fixed number in a line's formula, or (`test`: the
        comparison) in a time test first met in that line. Known numbers get a meaning: 60
        minutes per hour; the number of platforms an average platform takes; the year a test
        compares with (`licence_from_year`); any other a name by its value."""
        context = (line.key, test or "", value)
        known = self._numbers.get(context)
        if known is not None:
            return self.constants[known]
        words, names = self.words, self.names
        label = self.line_label(line)
        platform = None if line.platform is None else self.scenario.platforms[line.platform]
        if test is not None:
            kind = {">=": "from_year", ">": "after_year", "<=": "until_year"}.get(test, "year")
            base, unit = f"{names.plain(line.name)}_{kind}", "year"
            label = words(f"constant.{kind}", line=label)
        elif value == 60:
            base, unit = "minutes_per_hour", "min"
            label = words("constant.minutes_per_hour")
        elif platform is not None and platform.average_of and value == len(platform.average_of):
            base, unit = f"{names.plain(str(line.platform))}.platforms_averaged", "platforms"
            label = words("constant.averaged", name=words.name(platform.name))
        else:
            base, unit = f"number_{_number_name(value)}", ""
            label = words("constant.number", line=label)
        same = self.constants.get(names.prefix + base)
        if same is None or same.value != value:
            name = names.unique(names.prefix + base)
            same = self.constants[name] = Constant(name, label, unit, value)
        self._numbers[context] = same.name
        return same

    # ------------------------------------------------------------ words

    def in_words(self, node: Node) -> str:
        """A formula in words, for a label: each input and line by its label, the year as
        `year`, operators spaced and `*` as `x` (`year >= From year (ASS JV: new courses)`)."""
        texts: list[str] = []

        def hold(text: str) -> str:
            texts.append(text)
            return f"_{len(texts) - 1}_"

        shape = node.excel(_WordCells(self, hold), 1, None)
        parts: list[str] = []
        for token in Tokenizer("=" + shape).items:
            if token.type == Token.OP_IN:
                parts.append(f" {'x' if token.value == '*' else token.value} ")
            elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
                parts.append(texts[int(token.value.strip("_"))])
            else:
                parts.append(token.value)
        text = "".join(parts)
        return text[:1].upper() + text[1:]


_YEAR_TEST = re.compile(r"^year (>=|>|<=|<|=) (\d+(?:\.\d+)?)$")
"""A test of the year against a number, in the catalogue's words: `year >= 2`."""
_YEAR_TESTS = {
    ">=": "from_year",
    ">": "after_year",
    "<=": "until_year",
    "<": "before_year",
    "=": "in_year",
}


def _number_name(value: float) -> str:
    """A number as part of a name: `2`, `0_5`."""
    return (str(int(value)) if value == int(value) else repr(value)).replace(".", "_")


@dataclass
class _WordCells:
    """The cells of the reading in words: placeholders for labels."""

    timeline: Timeline
    hold: Callable[[str], str]

    def input_cell(self, path: KeyPath, year: int) -> str:
        return self.hold(self.timeline.title_of(path))

    def line_cell(self, key: str, year: int) -> str:
        return self.hold(self.timeline.line_label(self.timeline.results.lines[key]))

    def year_cell(self, year: int) -> str:
        return self.hold(self.timeline.words("year").lower())
