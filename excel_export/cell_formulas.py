"""The workbook's readings of a line's formula, both FAST-style (a time test is a
multiplication by its flag on the Time sheet, a fixed number other than 0 or 1 is the name of
its constant cell): in a cell, with references to cells (`line_formula`), and in names for the
Formula column (`typed_formula`): every input, line, flag and constant by its defined name, so
the text works typed into any cell of a year's column (a name of a row of years gives the
year of the column it is used in).

Both start from the catalogue's own Excel reading of the formula (`excel`), so the workbook
and the engine keep one definition of each line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from openpyxl.formula.tokenizer import Token, Tokenizer

from businesscase import KeyPath, Line
from excel_export.layout import BlockCells
from excel_export.timeline import Flag, Node, Timeline

RUNNING_TOTAL = "running total of "
"""How the catalogue's words begin for a running total (a cumulative balance)."""


class FormulaCells(Protocol):
    """Where a reading finds inputs, lines, the year and flags."""

    def input_cell(self, path: KeyPath, year: int) -> str: ...

    def line_cell(self, key: str, year: int) -> str: ...

    def year_cell(self, year: int) -> str: ...

    def flag_cell(self, flag: Flag, year: int) -> str: ...


def line_formula(
    line: Line,
    cells: FormulaCells,
    year: int,
    timeline: Timeline,
    parts: Sequence[Node] = (),
) -> str:
    """The formula of a line's cell in a year (without `=`), each of its `parts` that has a
    helper row read from it (see `long_parts`)."""
    text = part_formula(line.formula, line, cells, year, timeline, line.key)
    for index, part in enumerate(parts, start=1):
        written = part_formula(part, line, cells, year, timeline)
        text = text.replace(written, cells.line_cell(part_key(line, index), year))
    return text


def part_key(line: Line, index: int) -> str:
    """The key of a helper row of a line: `new-platform.training_cash_total.part1`."""
    return f"{line.key}.part{index}"


def part_formula(
    node: Node,
    line: Line,
    cells: FormulaCells,
    year: int,
    timeline: Timeline,
    own_key: str | None = None,
) -> str:
    """The formula of a part of a line's formula (the whole formula with `own_key`, the
    line's key, so a running total continues from the line's previous year)."""
    text = node.excel(cells, year, own_key)
    for test in timeline.time_tests(node):
        condition, then, _ = test.children()
        parts = [part.excel(cells, year, None) for part in test.children()]
        flag = cells.flag_cell(timeline.flag(condition, line, then), year)
        if parts[2] == "0" and "/" not in parts[1]:
            body = f"({parts[1]})" if then.precedence < 2 else parts[1]
            flagged = f"{body}*{flag}"
        else:  # a division is left out of the years the flag is off: a spread over 0 years
            flagged = f"IF({flag}=1,{parts[1]},{parts[2]})"
        text = _replace("IF({},{},{})".format(*parts), flagged, text)
    return named_numbers(text, line, timeline)


def flag_formula(flag: Flag, cells: FormulaCells, year: int, timeline: Timeline) -> str:
    """The formula of a flag's cell: 1 where its test holds, else 0."""
    test = named_numbers(flag.condition.excel(cells, year, None), flag.line, timeline, True)
    return f"IF({test},1,0)"


def typed_formula(
    line: Line, cells: BlockCells, timeline: Timeline, parts: Sequence[Node] = ()
) -> str:
    """The line's formula in names, with `=`: a running total as the sum of its line over
    the years up to the column's (`SUMIF(year_number,"<="&year_number,new_platform.balance)`)."""
    named = NameCells(cells)
    words = line.formula.text()
    if words.startswith(RUNNING_TOTAL) and words[len(RUNNING_TOTAL) :] in cells.line_names:
        year, summed = named.year_cell(1), cells.line_names[words[len(RUNNING_TOTAL) :]]
        return f'=SUMIF({year},"<="&{year},{summed})'
    return "=" + line_formula(line, named, 1, timeline, parts)


@dataclass
class NameCells:
    """Every input, line, flag and the year by its defined name."""

    cells: BlockCells

    def input_cell(self, path: KeyPath, year: int) -> str:
        return self.cells.inputs[path][2].name

    def line_cell(self, key: str, year: int) -> str:
        return self.cells.line_names[key]

    def year_cell(self, year: int) -> str:
        return self.cells.year_name

    def flag_cell(self, flag: Flag, year: int) -> str:
        return flag.name


def named_numbers(text: str, line: Line, timeline: Timeline, in_test: bool = False) -> str:
    """A formula with each number other than 0 or 1 replaced by its constant's name."""
    parts: list[str] = []
    before = ""
    for token in Tokenizer("=" + text).items:
        value = token.value
        if token.type == Token.OPERAND and token.subtype == Token.NUMBER:
            number = float(value)
            if number not in (0.0, 1.0):
                value = timeline.constant(number, line, before if in_test else None).name
        elif token.type == Token.OP_IN:
            before = value
        parts.append(value)
    return "".join(parts)


def _replace(old: str, new: str, text: str) -> str:
    """`text` with every `old` replaced by `new`, in brackets where an operator next to it
    binds more strongly than its `*` (after `/` or `^`, before `^`)."""
    result, start = [], 0
    while (at := text.find(old, start)) != -1:
        end = at + len(old)
        tight = text[at - 1 : at] in ("/", "^") or text[end : end + 1] == "^"
        result += [text[start:at], f"({new})" if tight else new]
        start = end
    return "".join(result) + text[start:]


LONGEST_FORMULA = 160
"""Characters a line's formula may take in a cell; a longer one is split into helper rows."""


def long_parts(line: Line, cells: BlockCells, timeline: Timeline) -> list[Node]:
    """The parts of a line's formula that get a helper row each, when its formula is longer
    than `LONGEST_FORMULA` in the last year: the terms of its sum (or of the sum inside its
    longest part, as in `(a + b + c) x index`) that are more than one input or line."""
    year = timeline.horizon
    node: Node = line.formula
    if len(line_formula(line, cells, year, timeline)) <= LONGEST_FORMULA:
        return []
    while True:
        terms = _terms(node, cells, year)
        if len(terms) > 1:
            return [term for term in terms if term.children()]
        kids = node.children()
        if not kids:
            return []
        node = max(kids, key=lambda kid: len(kid.excel(cells, year, None)))


def _terms(node: Node, cells: BlockCells, year: int) -> list[Node]:
    """The terms of a sum or difference of two or more (the node itself when it is neither),
    read from the catalogue's Excel reading: `left+right`, `left-right` or `left-(right)`."""
    kids = node.children()
    if len(kids) != 2:
        return [node]
    whole = node.excel(cells, year, None)
    left, right = (kid.excel(cells, year, None) for kid in kids)
    if whole in (f"{left}+{right}", f"{left}-{right}", f"{left}-({right})"):
        return [*_terms(kids[0], cells, year), kids[1]]
    return [node]
