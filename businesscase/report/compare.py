"""Comparing two scenarios: which settings, inputs and pinned lines differ, and what that does
to every line, platform and year (a merge of the two tidy tables with a difference column).

Nothing that differs is left out: besides the numeric inputs, every other key of the scenario
format (names, descriptions, totals, courses and platform scenarios that only one file has,
what an average platform averages, yes/no settings) is compared as a setting. Two files with
different horizons are compared over the years both have; `years_a` and `years_b` say which."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from businesscase.engine import Results
from businesscase.model.catalogue import line_when_not_set
from businesscase.model.errors import KeyPath, dotted
from businesscase.model.parameters import Scenario
from businesscase.model.schema import is_amounts_by_year, is_param, model_map, submodel, unwrap
from businesscase.model.units import LANGUAGES
from businesscase.model.wording import Wording, numeral, say, text_in
from businesscase.report.inventory import ParameterEntry, parameter_entries
from businesscase.report.tidy import tidy, to_cents, value_steps, years_text
from businesscase.scenario.loading import LoadedScenario

NOT_SET = "not set (computed)"
ABSENT = "absent"
"""The text of a course or platform scenario (or a key of one) that a file does not have."""
GIVEN, NOT_GIVEN = "(given)", "(none)"


@dataclass(frozen=True)
class InputChange:
    """A parameter written differently in the two scenarios."""

    key: str
    label: str
    unit: str
    before: str
    after: str


@dataclass(frozen=True)
class SettingChange:
    """A key that is not a numeric input, written differently in the two scenarios: a name, a
    description, the totals, what an average platform averages, a yes/no setting, or a course
    or platform scenario that only one of them has (`before` or `after` is ABSENT; the other
    side is its name). A name given per language is a `Wording` on either side, listed when
    either language differs (`text_in(change.before, "nl")`)."""

    key: str
    label: str
    label_nl: str
    before: str
    after: str

    @property
    def only_in(self) -> str | None:
        """`A` or `B` for a course or platform scenario that only that file has, else None."""
        if self.before == ABSENT:
            return "B"
        if self.after == ABSENT:
            return "A"
        return None


@dataclass(frozen=True)
class PinChange:
    """A line pinned in one scenario and not (or differently) in the other."""

    key: str
    before: str
    after: str


@dataclass(frozen=True)
class LineChange:
    """A line whose value in a year differs between the scenarios."""

    key: str
    label: str
    platform: str | None
    activity: str | None
    """The course or trajectory type the line belongs to, by id."""
    year: int
    before: float | None
    after: float | None

    @property
    def difference(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between scenario A (before) and B (after)."""

    before: str
    after: str
    years: list[int]
    """The years both scenarios have: the years whose lines are compared."""
    inputs: list[InputChange]
    pins: list[PinChange]
    lines: list[LineChange]
    settings: list[SettingChange] = field(default_factory=list)
    years_a: list[int] = field(default_factory=list)
    years_b: list[int] = field(default_factory=list)

    @property
    def same(self) -> bool:
        """Whether nothing at all differs: settings, inputs, pins, years and lines."""
        return not (self.settings or self.inputs or self.pins or self.lines) and (
            self.years_a == self.years_b
        )

    @property
    def horizons_differ(self) -> bool:
        return self.years_a != self.years_b

    def years_note(self) -> str | None:
        """For two different horizons: which years each has and which are compared."""
        if not self.horizons_differ:
            return None
        compared = years_text(self.years) if self.years else "no year"
        return (
            f"A has {years_text(self.years_a)}, B has {years_text(self.years_b)}: "
            f"figures are compared over {compared} only"
        )

    def changed_keys(self) -> list[str]:
        """The keys of the lines that differ, in catalogue order."""
        return list(dict.fromkeys(change.key for change in self.lines))


def total_change(
    before: Results, after: Results, platform: str, name: str, first: int, last: int
) -> float:
    """How far a platform scenario's total of a result line over years `first`..`last` moved
    from `before` to `after` (two evaluations of the same file, with and without edits): the
    change a headline card shows against the file."""
    was = float(before.total(platform, name, first, last))
    return float(after.total(platform, name, first, last)) - was


def _pin_text(results: Results, key: str) -> str:
    pin = results.pins.get(key)
    if pin is None:
        return NOT_SET
    return f"{pin.value:,.2f} in {years_text(pin.years)} ({pin.reason.split(':')[0]})"


def _extra(info: FieldInfo, key: str) -> str:
    extra = info.json_schema_extra
    return str(extra.get(key, "")) if isinstance(extra, dict) else ""


def _setting_text(value: Any) -> str:
    """A setting as written: a quoted text (a name given per language quoted in each, a
    `Wording`), true/false, a list in brackets."""
    if isinstance(value, Wording):
        return Wording(f'"{value}"', f'"{value.nl}"')
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return NOT_GIVEN
    if isinstance(value, list | tuple):  # ids and years, written bare as in YAML's flow style
        items = (item if isinstance(item, str) else _setting_text(item) for item in value)
        return "[" + ", ".join(items) + "]"
    return str(value)


def _owner(path: KeyPath) -> KeyPath | None:
    """The course or platform scenario (or other item held by id) a key belongs to:
    ("platforms", "average")."""
    info = Scenario.model_fields.get(str(path[0])) if path else None
    if len(path) >= 2 and info is not None and model_map(info.annotation) is not None:
        return path[:2]
    return None


def _has(scenario: Scenario, owner: KeyPath) -> bool:
    return owner[1] in getattr(scenario, str(owner[0]))


@dataclass(frozen=True)
class _Setting:
    path: KeyPath
    text: str
    info: FieldInfo
    item: bool = False
    """An item held by id (a course, a platform scenario): its text is its name."""


def _settings_of(scenario: Scenario) -> dict[str, _Setting]:
    """Every key of the scenario that is not a numeric input (those are compared as inputs)
    nor an override (compared as pinned lines), by dotted key; a course or platform scenario
    itself is a setting whose text is its name."""
    found: dict[str, _Setting] = {}

    def walk(model: BaseModel, path: KeyPath) -> None:
        for name, info in type(model).model_fields.items():
            here = (*path, name)
            value = getattr(model, name)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if here == ("overrides",) or number or is_amounts_by_year(info):
                continue
            if is_param(unwrap(info.annotation)):
                continue
            mapped = model_map(info.annotation)
            if submodel(info.annotation) is not None:
                found[dotted(here)] = _Setting(here, NOT_GIVEN if value is None else GIVEN, info)
                if isinstance(value, BaseModel):
                    walk(value, here)
            elif mapped is not None and isinstance(value, dict):
                for key, item in value.items():
                    name = _setting_text(getattr(item, "name", key))
                    found[dotted((*here, key))] = _Setting((*here, key), name, info, item=True)
                    walk(item, (*here, key))
            else:
                found[dotted(here)] = _Setting(here, _setting_text(value), info)

    walk(scenario, ())
    return found


def _settings(a: LoadedScenario, b: LoadedScenario) -> list[SettingChange]:
    """The settings written differently. Under a course or platform scenario that only one
    file has, only the keys that file writes are listed, but for its name (the setting of the
    course or platform scenario itself) and description."""
    found_a, found_b = _settings_of(a.scenario), _settings_of(b.scenario)
    changes = []
    for key in dict.fromkeys([*found_a, *found_b]):
        sa, sb = found_a.get(key), found_b.get(key)
        shown = sa if sa is not None else sb
        assert shown is not None
        if shown.item and sa is not None and sb is not None:
            continue  # a course or platform scenario both have: its name is compared itself
        if _only_one_has_the_owner(shown.path, a, b):
            having = a if sa is not None else b
            if shown.item or shown.text in (GIVEN, NOT_GIVEN):
                continue  # said by the course or platform scenario itself
            if shown.path[-1] in ("name", "description"):
                continue
            if shown.path not in having.origins:
                continue
        before = sa.text if sa is not None else ABSENT
        after = sb.text if sb is not None else ABSENT
        if any(text_in(before, lang) != text_in(after, lang) for lang in LANGUAGES):
            label = shown.info.title or key
            label_nl = _extra(shown.info, "label_nl") or label
            changes.append(SettingChange(key, label, label_nl, before, after))
    return changes


def _only_one_has_the_owner(path: KeyPath, a: LoadedScenario, b: LoadedScenario) -> bool:
    """Whether the key lies inside a course or platform scenario that only one file has (the
    course or platform scenario itself is not inside it)."""
    owner = _owner(path)
    if owner is None or len(path) <= len(owner):
        return False
    return _has(a.scenario, owner) != _has(b.scenario, owner)


def _input_text(
    entry: ParameterEntry | None, loaded: LoadedScenario, path: KeyPath, results: Results
) -> str:
    """An input as a file writes it; `absent` where its course or platform scenario is not in
    the file; else, left out, what the model computes in its place and how (`not set: computed
    24 (= courses.ass_jv.minutes_per_participant x (1 - courses.ass_jv.online_efficiency))`)."""
    if entry is not None:
        return entry.written
    owner = _owner(path)
    if owner is not None and not _has(loaded.scenario, owner):
        return ABSENT
    key = line_when_not_set(path)
    if key is None or key not in results.lines:
        return NOT_SET
    values = _steps_text(results.values[key])
    formula = results.lines[key].formula
    return say(
        "not set: computed {values} (= {formula})",
        "niet ingesteld: berekend {values} (= {formula})",
        values=values,
        formula=Wording(formula.text("en"), formula.text("nl")),
    )


def _steps_text(values: Any) -> Wording:
    """A line's values by year as steps: `24`, or `3 in years 1-2, 4 from year 3`."""
    runs = value_steps(float(v) for v in values)
    if len(runs) == 1:
        return numeral(f"{runs[0][2]:g}")
    en, nl = [], []
    for index, (first, last, value) in enumerate(runs):
        shown = numeral(f"{value:g}")
        if index == len(runs) - 1:
            en.append(f"{shown} from year {first}")
            nl.append(f"{shown.nl} vanaf jaar {first}")
        else:
            span = str(first) if first == last else f"{first}-{last}"
            en.append(f"{shown} in year{'s' if first != last else ''} {span}")
            nl.append(f"{shown.nl} in jaar {span}")
    return Wording(", ".join(en), ", ".join(nl))


def compare(
    a: LoadedScenario, results_a: Results, b: LoadedScenario, results_b: Results
) -> Comparison:
    """The differences from A to B: settings, inputs, pins, and every line per platform and
    year both scenarios have."""
    entries_a = {e.key: e for e in parameter_entries(a)}
    entries_b = {e.key: e for e in parameter_entries(b)}
    inputs = []
    for key in dict.fromkeys([*entries_a, *entries_b]):
        ea, eb = entries_a.get(key), entries_b.get(key)
        shown = ea if ea is not None else entries_b[key]
        if _only_one_has_the_owner(shown.path, a, b) and shown.origin == "default":
            continue  # a course or platform only one file has: list what that file writes
        before = _input_text(ea, a, shown.path, results_a)
        after = _input_text(eb, b, shown.path, results_b)
        if before != after:
            inputs.append(InputChange(key, shown.label, shown.unit, before, after))
    pins = [
        PinChange(key, _pin_text(results_a, key), _pin_text(results_b, key))
        for key in dict.fromkeys([*results_a.pins, *results_b.pins])
        if _pin_text(results_a, key) != _pin_text(results_b, key)
    ]
    years_a = [int(y) for y in results_a.years]
    years_b = [int(y) for y in results_b.years]
    years = [year for year in years_a if year in years_b]
    rows_a = {(r.key, r.year): r for r in tidy(results_a)}
    rows_b = {(r.key, r.year): r for r in tidy(results_b)}
    lines = []
    for index in dict.fromkeys([*rows_a, *rows_b]):
        if index[1] not in years:
            continue  # a year only one horizon has: nothing to compare it with
        ra, rb = rows_a.get(index), rows_b.get(index)
        va = ra.value if ra else None
        vb = rb.value if rb else None
        if va is not None and vb is not None and to_cents(va) == to_cents(vb):
            continue
        row = ra if ra is not None else rows_b[index]
        lines.append(LineChange(row.key, row.label, row.platform, row.activity, row.year, va, vb))
    return Comparison(
        a.scenario.name,
        b.scenario.name,
        years,
        inputs,
        pins,
        lines,
        _settings(a, b),
        years_a,
        years_b,
    )
