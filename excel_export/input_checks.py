"""The Inputs sheet's guard against impossible inputs: per input a data validation from the
model's bounds (refusing, in the workbook's language, a value the model would refuse), a check
cell that says OK or what to enter, and one summary cell at the top that counts the inputs out
of bounds. In a values-only copy nothing is editable: no validation, and the checks are values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import number_text
from excel_export.bounds import Bounds
from excel_export.cached_values import ValueCache
from excel_export.labels import Words
from excel_export.styles import (
    CHECK_OK_FONT,
    CHECK_OUT_FILL,
    CHECK_OUT_FONT,
    TOTAL_FONT,
    clean_text,
    joined,
    literal,
    put_text,
)

MESSAGE_LIMIT = 255
"""Excel's longest validation message and string literal in a formula."""
CHECK_WIDTH = 45
"""The widest the check column gets; a longer warning shrinks to fit it."""
SHRINK = Alignment(shrink_to_fit=True)


@dataclass(frozen=True)
class Checked:
    """One input's cells (`C12` or `D12:I12`), its bounds, the rule in words, its values, and
    the cells that show its lowest and highest value (None: no bound on that side), which the
    check formula reads."""

    cells: str
    bounds: Bounds
    rule: str
    values: Sequence[float]
    low_cell: str | None = None
    high_cell: str | None = None

    @property
    def first(self) -> str:
        return self.cells.split(":")[0]


def rule_text(bounds: Bounds, percentage: bool, words: Words) -> str:
    """What the model accepts, in few words: `whole number from 1 to 6`, `number from 0% to
    100%`, `number above 0 and at most 1,000,000,000`."""

    def shown(value: float) -> str:
        return words.percent(value) if percentage else words.number(value)

    kind = words("rule.whole" if bounds.whole else "rule.number")
    low, high = bounds.low, bounds.high
    if low is not None and high is not None and not bounds.low_open and not bounds.high_open:
        text = words("rule.between", kind=kind, low=shown(low), high=shown(high))
    else:
        parts = []
        if low is not None:
            above = "rule.above" if bounds.low_open else "rule.at_least"
            parts.append(words(above, value=shown(low)))
        if high is not None:
            below = "rule.below" if bounds.high_open else "rule.at_most"
            parts.append(words(below, value=shown(high)))
        text = f"{kind} {words('rule.and').join(parts)}".strip()
    return text


def _horizon_text(bounds: Bounds, words: Words) -> str:
    """Why a year's bound is what it is: the workbook's horizon."""
    if bounds.by_horizon and bounds.high is not None:
        return words("rule.horizon", horizon=int(bounds.high))
    return ""


def validation(checked: Checked, label: str, words: Words) -> DataValidation:
    """A data validation that refuses what the model refuses, with the rule as its message.
    Its bounds are numbers in the rule itself, not references to the cells that show them: the
    validation stands for the model, so editing a bound cell (which is no input) must not
    loosen it, and a rule over cells of its own sheet is all it needs to know."""
    bounds = checked.bounds
    exclusive = bounds.low_open or bounds.high_open
    horizon = _horizon_text(bounds, words)
    error = words("check.error", label=clean_text(label), rule=checked.rule, horizon=horizon)
    if len(error) > MESSAGE_LIMIT:
        keep = len(clean_text(label)) - (len(error) - MESSAGE_LIMIT) - 1
        shorter = clean_text(label)[: max(keep, 0)] + "…"
        error = words("check.error", label=shorter, rule=checked.rule, horizon=horizon)
    rule = DataValidation(
        allow_blank=False,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=words("check.error_title")[:32],
        error=error[:MESSAGE_LIMIT],
    )
    unbounded = bounds.low is None and bounds.high is None
    if (exclusive and not bounds.whole) or unbounded:
        rule.type = "custom"
        low = None if bounds.low is None else _number(bounds.low)
        high = None if bounds.high is None else _number(bounds.high)
        rule.formula1 = _conditions(checked.first, bounds, low, high)
    else:
        rule.type = "whole" if bounds.whole else "decimal"
        if bounds.low is not None and bounds.high is not None:
            rule.operator = "between"
            rule.formula1, rule.formula2 = _number(bounds.low), _number(bounds.high)
        elif bounds.low is not None:
            rule.operator, rule.formula1 = "greaterThanOrEqual", _number(bounds.low)
        elif bounds.high is not None:
            rule.operator, rule.formula1 = "lessThanOrEqual", _number(bounds.high)
    rule.add(checked.cells)
    return rule


def check_cell_value(checked: Checked, words: Words, values_only: bool) -> str:
    """The check cell: a formula that says OK or what to enter, reading the bounds from the
    cells that show them, or that text as a value."""
    ok, out = words("check.ok"), words("check.out", rule=checked.rule)[:MESSAGE_LIMIT]
    if values_only:
        return ok if all(checked.bounds.contains(float(v)) for v in checked.values) else out
    conditions = _conditions(checked.cells, checked.bounds, checked.low_cell, checked.high_cell)
    return f"=IF(IFERROR({conditions},FALSE),{literal(ok)},{literal(out)})"


def write_checks(
    ws: Worksheet,
    checks: dict[int, Checked],
    column: int,
    summary_row: int,
    words: Words,
    values_only: bool,
    cache: ValueCache | None = None,
) -> int:
    """The check cells of every input row in `column`, the summary above them, and the colours
    that make an input out of bounds stand out (red) from one within them (green); each check
    formula's value as exported is noted in `cache`. Returns the column width that shows the
    longest warning (a longer one shrinks to fit)."""
    widest = len(words("col.check"))
    for number, checked in checks.items():
        cell = ws.cell(number, column)
        cell.alignment = SHRINK
        widest = max(widest, len(words("check.out", rule=checked.rule)))
        value = check_cell_value(checked, words, values_only)
        if value.startswith("="):
            cell.value = value
            if cache is not None:
                cache.put(cell, clean_text(check_cell_value(checked, words, values_only=True)))
        else:
            put_text(cell, value)
    width = min(widest + 2, CHECK_WIDTH)
    if not checks:
        return width
    letter = get_column_letter(column)
    first, last = min(checks), max(checks)
    span = f"{letter}{first}:{letter}{last}"
    ok = literal(words("check.ok"))
    ws.conditional_formatting.add(
        span, FormulaRule(formula=[f"{letter}{first}={ok}"], font=CHECK_OK_FONT)
    )
    ws.conditional_formatting.add(
        span,
        FormulaRule(
            formula=[f'AND({letter}{first}<>"",{letter}{first}<>{ok})'],
            font=CHECK_OUT_FONT,
            fill=CHECK_OUT_FILL,
        ),
    )
    fixed = f"${letter}${first}:${letter}${last}"
    # the inputs checked are counted from the column (COUNTA), not written in as a number
    counted = f"(COUNTA({fixed})-COUNTIF({fixed},{ok}))"
    summary = ws.cell(summary_row, column)
    summary.font = TOTAL_FONT
    ws.conditional_formatting.add(
        summary.coordinate,
        FormulaRule(formula=[f"{counted}>0"], font=CHECK_OUT_FONT, fill=CHECK_OUT_FILL),
    )
    ws.conditional_formatting.add(
        summary.coordinate, FormulaRule(formula=[f"{counted}=0"], font=CHECK_OK_FONT)
    )
    out = sum(not all(c.bounds.contains(float(v)) for v in c.values) for c in checks.values())
    exported = (
        words("check.all_ok", count=len(checks))
        if out == 0
        else words("check.one_out", column=letter)
        if out == 1
        else words("check.many_out", count=out, column=letter)
    )
    if values_only:
        put_text(summary, exported)
        return width
    all_ok = joined(words("check.all_ok", count="{count}"), count=f"COUNTA({fixed})")
    one = literal(words("check.one_out", column=letter))
    many = joined(words("check.many_out", count="{count}", column=letter), count=counted)
    summary.value = f"=IF({counted}=0,{all_ok},IF({counted}=1,{one},{many}))"
    if cache is not None:
        cache.put(summary, clean_text(exported))
    return width


def _conditions(cells: str, bounds: Bounds, low: str | None, high: str | None) -> str:
    """`AND(...)`: every cell a number, at or above `low` and at or below `high` (above or
    below where the bound is excluded; each a number or the cell that holds it, None for no
    bound), and whole where it must be."""
    one = ":" not in cells
    parts = [f"ISNUMBER({cells})" if one else f"COUNT({cells})=COLUMNS({cells})"]
    smallest = cells if one else f"MIN({cells})"
    largest = cells if one else f"MAX({cells})"
    if low is not None:
        parts.append(f"{smallest}{'>' if bounds.low_open else '>='}{low}")
    if high is not None:
        parts.append(f"{largest}{'<' if bounds.high_open else '<='}{high}")
    if bounds.whole:
        parts.append(f"INT({cells})={cells}" if one else f"SUMPRODUCT(--(INT({cells})<>{cells}))=0")
    return f"AND({','.join(parts)})"


def _number(value: float) -> str:
    return number_text(value)
