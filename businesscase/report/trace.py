"""How one line is computed: its formula, each input with its value, source and file, and each
line it reads with its value, year by year (as OpenFisca's tracer shows a variable)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np

from businesscase.engine import Pin, Results
from businesscase.model.errors import Problem, ScenarioError, dotted
from businesscase.model.formula import Expr, inputs_of, refs_of
from businesscase.model.wording import Wording, say
from businesscase.report.inventory import ParameterEntry, parameter_entries
from businesscase.scenario.loading import LoadedScenario


@dataclass(frozen=True)
class TracedLine:
    """Another line a line reads."""

    key: str
    label: str
    unit: str
    values: np.ndarray
    formula: Wording


@dataclass(frozen=True)
class LineTrace:
    """One line explained."""

    key: str
    label: str
    label_nl: str
    unit: str
    formula: Wording
    values: np.ndarray
    years: list[int]
    inputs: list[ParameterEntry]
    """The parameters the line reads."""
    lines: list[TracedLine]
    pin: Pin | None


def resolve_line_key(results: Results, text: str) -> str:
    """The line key a user means: `ass_jv.scheduling_saving`, also written with a leading
    `courses.` or `platforms.`; an unknown name is a ScenarioError with the nearest keys."""
    key = text.strip()
    for prefix in ("courses.", "platforms."):
        if key.startswith(prefix) and key[len(prefix) :] in results.lines:
            key = key[len(prefix) :]
    if key in results.lines:
        return key
    close = difflib.get_close_matches(key, list(results.lines), n=3, cutoff=0.5)
    named = ", ".join(repr(c) for c in close)
    hint = say("; did you mean {named}?", "; bedoelt u {named}?", named=named) if close else ""
    message = say(
        "no line {key!r} in this scenario{hint}",
        "dit scenario heeft geen regel {key!r}{hint}",
        key=key,
        hint=hint,
    )
    raise ScenarioError([Problem(message, (), "explain")])


def in_words(formula: Expr) -> Wording:
    """A formula read out in English and Dutch (`running total of ...`, `lopend totaal van
    ...`): the Explain tab and `explain` show it in their language."""
    return Wording(formula.text("en"), formula.text("nl"))


def explain(loaded: LoadedScenario, results: Results, text: str) -> LineTrace:
    """The trace of the line a user names (see `resolve_line_key`)."""
    key = resolve_line_key(results, text)
    line = results.lines[key]
    entries = {e.path: e for e in parameter_entries(loaded)}
    traced_inputs = [entries[p] for p in inputs_of(line.formula) if p in entries]
    traced_lines = [
        TracedLine(
            ref,
            results.lines[ref].label,
            results.lines[ref].unit,
            results.values[ref],
            in_words(results.lines[ref].formula),
        )
        for ref in refs_of(line.formula)
    ]
    return LineTrace(
        key=key,
        label=line.label,
        label_nl=line.label_nl,
        unit=line.unit,
        formula=in_words(line.formula),
        values=results.values[key],
        years=[int(y) for y in results.years],
        inputs=traced_inputs,
        lines=traced_lines,
        pin=results.pins.get(key),
    )


def describe_input(entry: ParameterEntry) -> str:
    """`courses.ass_jv.online_efficiency = 40% (Efficiency of online vs offline contact)`."""
    if entry.is_percentage and entry.values.size and np.all(entry.values == entry.values[0]):
        shown = f"{entry.values[0] * 100:g}%"
    else:
        unit = f" {entry.unit}" if entry.unit and entry.unit != "%" else ""
        shown = f"{entry.written}{unit}"
    return f"{dotted(entry.path)} = {shown} ({entry.label})"
