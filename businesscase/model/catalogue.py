"""The catalogue of named lines: every figure of the business case, declared once.

`build_lines` instantiates it for a scenario: each activity's lines (per course), the
organisation's lines (money over time, savings by kind, shared costs) and each platform
scenario's lines. Keys read as the figure's address: `ass_jv.scheduling_saving` (a course
line), `savings` (the whole organisation), `new-platform.licence` (a platform line). The
engine, the Excel writer, the CLI's `explain` and the app all read these definitions.
"""

from __future__ import annotations

from businesscase.model.activities import ACTIVITY_KINDS
from businesscase.model.activities.courses import COURSE_LINES, GROWTH_LINES
from businesscase.model.lines import Kind, Line, LineSpec, Nature, Scope, spec_of
from businesscase.model.organisation import IMPLEMENTATION_LINES, TIME_LINES
from businesscase.model.parameters import Scenario
from businesscase.model.platforms import (
    OWN_COSTS,
    RESULT_LINES,
    RESULTS,
    TRAINING_TOTAL,
    average_item,
)

SAVINGS_LINES: dict[str, LineSpec] = {
    spec.name: spec for kind in ACTIVITY_KINDS for spec in kind.savings
}
"""The savings of the organisation, by kind; every platform scenario has the same savings."""

SHARED_COST_LINES: dict[str, LineSpec] = {
    spec.name: spec for kind in ACTIVITY_KINDS for spec in kind.shared_costs
}

TOTAL_SAVINGS = spec_of(
    "savings",
    "Savings",
    "Besparingen",
    "EUR",
    Kind.FLOW,
    Nature.STAFF_TIME,
    "savings",
    adds=tuple(SAVINGS_LINES),
)

SCENARIO_LINES: dict[str, LineSpec] = {
    **TIME_LINES,
    **SAVINGS_LINES,
    "savings": TOTAL_SAVINGS,
    **IMPLEMENTATION_LINES,
    **SHARED_COST_LINES,
}
"""The organisation's lines, in the order they are computed."""

COST_LINES: dict[str, LineSpec] = {
    **OWN_COSTS,
    **{spec.name: spec for kind in ACTIVITY_KINDS for spec in kind.platform_costs},
}
"""The costs of a platform scenario, by kind; `costs` is their sum."""

TOTAL_COSTS = spec_of(
    "costs", "Costs", "Kosten", "EUR", Kind.FLOW, Nature.MIXED, "result", adds=tuple(COST_LINES)
)

PLATFORM_LINES: dict[str, LineSpec] = {
    "training_total": TRAINING_TOTAL,
    **COST_LINES,
    "costs": TOTAL_COSTS,
    **RESULTS,
}
"""Every line of a platform scenario."""

__all__ = [
    "COST_LINES",
    "COURSE_LINES",
    "GROWTH_LINES",
    "PLATFORM_LINES",
    "RESULT_LINES",
    "SAVINGS_LINES",
    "SCENARIO_LINES",
    "build_lines",
]


def _organisation_lines(activities: list[Line]) -> list[Line]:
    """The organisation's lines after the activities: savings by kind and shared costs add
    up, for every activity, its lines of the names they list; then the total savings and
    the implementation."""
    keys_by_name: dict[str, list[str]] = {}
    for line in activities:
        keys_by_name.setdefault(line.name, []).append(line.key)
    top = Scope()

    def over_activities(spec: LineSpec) -> Line:
        return spec.instantiate(top, adds=[k for n in spec.adds for k in keys_by_name.get(n, [])])

    return [
        *(over_activities(spec) for spec in SAVINGS_LINES.values()),
        TOTAL_SAVINGS.instantiate(top),
        *(spec.instantiate(top) for spec in IMPLEMENTATION_LINES.values()),
        *(over_activities(spec) for spec in SHARED_COST_LINES.values()),
    ]


def _platform_lines(platform_id: str, scenario: Scenario) -> list[Line]:
    platform = scenario.platforms[platform_id]
    scope = Scope(("platforms", platform_id), f"{platform_id}.", platform)
    if platform.average_of is not None:
        costs = [average_item(spec, platform.average_of) for spec in COST_LINES.values()]
    else:
        costs = [TRAINING_TOTAL, *COST_LINES.values()]
    specs = [*costs, TOTAL_COSTS, *RESULTS.values()]
    return [spec.instantiate(scope, platform=platform_id) for spec in specs]


def build_lines(scenario: Scenario) -> dict[str, Line]:
    """Every line of the scenario by key, each after the lines it reads (a valid order to
    compute or to write them)."""
    top = Scope()
    lines = [spec.instantiate(top) for spec in TIME_LINES.values()]
    activities = [
        line
        for kind in ACTIVITY_KINDS
        for activity_id in kind.activity_ids(scenario)
        for line in kind.lines(activity_id, scenario)
    ]
    lines += activities
    lines += _organisation_lines(activities)
    plain = [p for p, platform in scenario.platforms.items() if platform.average_of is None]
    averages = [p for p in scenario.platforms if p not in plain]
    for platform_id in plain + averages:
        lines += _platform_lines(platform_id, scenario)
    return {line.key: line for line in lines}
