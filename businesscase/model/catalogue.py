"""The catalogue of named lines: every figure of the business case, declared once.

`build_lines` instantiates it for a scenario: each activity's lines (per course), the
organisation's lines (money over time, savings by kind, shared costs) and each platform
scenario's lines. Keys read as the figure's address: `ass_jv.scheduling_saving` (a course
line), `savings` (the whole organisation), `new-platform.licence` (a platform line). The
engine, the Excel writer, the CLI's `explain` and the app all read these definitions.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from businesscase.model.activities import ACTIVITY_KINDS
from businesscase.model.activities.courses import COURSE_LINES, GROWTH_LINES
from businesscase.model.activities.trajectories import ROUTE_LINES, TYPE_LINES
from businesscase.model.activity import ActivityKind
from businesscase.model.funding import (
    BOUGHT_HOURS,
    CLIENTS,
    EXTRA_TRAJECTORIES,
    FREED_HOURS,
    REVENUE_EFFECT,
    funding_lines,
)
from businesscase.model.lines import Kind, Line, LineSpec, Nature, Scope, spec_of
from businesscase.model.organisation import IMPLEMENTATION_LINES, TIME_LINES
from businesscase.model.parameters import Scenario
from businesscase.model.platforms import (
    CASH_AND_HOURS,
    DETAILS,
    OWN_COSTS,
    PARTIES,
    RESULT_LINES,
    RESULTS,
    TRAINING_PARTS,
    average_item,
)

SAVINGS_LINES: dict[str, LineSpec] = {
    spec.name: spec for kind in ACTIVITY_KINDS for spec in kind.savings
}
"""The savings of the organisation, by kind of saving; a scenario has those of the kinds of
activity it holds. Every platform scenario has the same savings."""

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

PLATFORM_CLIENTS = spec_of(
    "platform_clients",
    "Clients on the platform, per year",
    "Cliënten op het platform (per jaar)",
    "clients",
    Kind.FLOW,
    Nature.QUANTITY,
    "platform_clients",
    adds=tuple(name for kind in ACTIVITY_KINDS for name in kind.platform_clients),
)
"""Every course participant and every trajectory on a route that uses the platform: the
volume a licence per client follows where a platform says so."""

SCENARIO_LINES: dict[str, LineSpec] = {
    **TIME_LINES,
    **SAVINGS_LINES,
    "savings": TOTAL_SAVINGS,
    **IMPLEMENTATION_LINES,
    **SHARED_COST_LINES,
    "platform_clients": PLATFORM_CLIENTS,
    **FREED_HOURS,
    **CLIENTS,
    "extra_trajectories": EXTRA_TRAJECTORIES,
    **BOUGHT_HOURS,
    "revenue_effect": REVENUE_EFFECT,
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
    **DETAILS,
    **TRAINING_PARTS,
    **COST_LINES,
    "costs": TOTAL_COSTS,
    **RESULTS,
    **CASH_AND_HOURS,
    **PARTIES,
}
"""Every line of a platform scenario."""

__all__ = [
    "COST_LINES",
    "COURSE_LINES",
    "GROWTH_LINES",
    "PLATFORM_LINES",
    "RESULT_LINES",
    "ROUTE_LINES",
    "SAVINGS_LINES",
    "SCENARIO_LINES",
    "TYPE_LINES",
    "activities",
    "build_lines",
]


@dataclass(frozen=True)
class ActivityRef:
    """One activity of a scenario, as views list it: its kind's collection, its id, its name."""

    collection: str
    id: str
    name: str

    @property
    def path(self) -> tuple[str, str]:
        """The key path of its block in the scenario: `("courses", "ass_jv")`."""
        return (self.collection, self.id)


def activities(scenario: Scenario) -> list[ActivityRef]:
    """Every activity of the scenario (courses, trajectory types, ...), kind by kind."""
    return [
        ActivityRef(
            kind.collection, activity_id, getattr(scenario, kind.collection)[activity_id].name
        )
        for kind in ACTIVITY_KINDS
        for activity_id in kind.activity_ids(scenario)
    ]


def line_when_not_set(path: tuple[str | int, ...]) -> str | None:
    """The key of the line that works out an optional input a file leaves out
    (`courses.ass_jv.growth.online_sessions` -> `ass_jv.growth_online_sessions`), or None for
    an input no line stands in for."""
    for kind in ACTIVITY_KINDS:
        if len(path) > 2 and path[0] == kind.collection:
            name = kind.computed_when_not_set.get(tuple(str(part) for part in path[2:]))
            if name is not None:
                return f"{path[1]}.{name}"
    return None


def _kinds_present(scenario: Scenario) -> list[ActivityKind]:
    """The kinds of activity the scenario holds: only their lines are built."""
    return [kind for kind in ACTIVITY_KINDS if kind.activity_ids(scenario)]


def _over(spec: LineSpec, activities: list[Line]) -> Line:
    """A total that adds, for every activity, the activity's lines of the names it lists."""
    keys = [line.key for name in spec.adds for line in activities if line.name == name]
    return spec.instantiate(Scope(), adds=keys)


def _organisation_lines(kinds: list[ActivityKind], activities: list[Line]) -> list[Line]:
    """The organisation's lines after the activities: the savings by kind of the kinds present
    and their total, the implementation, the shared costs, and the clients on the platform."""
    top = Scope()
    savings = [_over(spec, activities) for kind in kinds for spec in kind.savings]
    total = TOTAL_SAVINGS.instantiate(top, adds=[line.key for line in savings])
    return [
        *savings,
        total,
        *(spec.instantiate(top) for spec in IMPLEMENTATION_LINES.values()),
        *(_over(spec, activities) for kind in kinds for spec in kind.shared_costs),
        _over(PLATFORM_CLIENTS, activities),
    ]


def _platform_lines(platform_id: str, scenario: Scenario, kinds: list[ActivityKind]) -> list[Line]:
    """A platform's items (its own natures applied), their total, the results, and the money
    apart from the staff time. An average's items, cash and hours are its members' means."""
    platform = scenario.platforms[platform_id]
    scope = Scope(("platforms", platform_id), f"{platform_id}.", platform)
    own = [*TRAINING_PARTS.values(), *OWN_COSTS.values()]
    items = [*own, *(spec for kind in kinds for spec in kind.platform_costs)]
    natures = {str(item): str(nature) for item, nature in platform.natures.items()}
    items = [replace(s, nature=Nature(natures.get(s.name, s.nature.value))) for s in items]
    members = platform.average_of
    specs = [average_item(s, members) for s in items] if members else [*DETAILS.values(), *items]

    def keys(names: list[str]) -> list[str]:
        return [f"{platform_id}.{name}" for name in names]

    lines = [spec.instantiate(scope, platform=platform_id) for spec in specs]
    cost_items = [spec.name for spec in items if spec.name in COST_LINES]
    lines.append(TOTAL_COSTS.instantiate(scope, platform=platform_id, adds=keys(cost_items)))
    lines += [spec.instantiate(scope, platform=platform_id) for spec in RESULTS.values()]
    leaves = [spec for spec in items if not spec.adds]
    by_nature = {
        "cash_costs": keys([s.name for s in leaves if s.nature is Nature.CASH]),
        "staff_time_costs": keys([s.name for s in leaves if s.nature is Nature.STAFF_TIME]),
    }
    for spec in [*CASH_AND_HOURS.values(), *PARTIES.values()]:
        if members:
            spec = average_item(spec, members)
        adds = by_nature.get(spec.name) if not members else None
        lines.append(spec.instantiate(scope, platform=platform_id, adds=adds))
    return lines


T = TypeVar("T")


class PerScenario(Generic[T]):
    """A value computed once per scenario object and forgotten with it.

    A scenario is a frozen model, so what follows from it alone (its lines, its inputs as
    arrays) need not be computed again for the same object. Held by `id` with a weak
    reference (a scenario holds dicts and lists, so it has no hash): the entry goes when the
    scenario is collected, and an entry is used only for the very object it was made for.
    """

    def __init__(self, compute: Callable[[Scenario], T]) -> None:
        self._compute = compute
        self._kept: dict[int, tuple[weakref.ref[Scenario], T]] = {}
        self._lock = threading.Lock()

    def __call__(self, scenario: Scenario) -> T:
        key = id(scenario)
        found = self._kept.get(key)
        if found is not None and found[0]() is scenario:
            return found[1]
        value = self._compute(scenario)
        kept = self._kept

        def forget(ref: weakref.ref[Scenario]) -> None:
            entry = kept.get(key)
            if entry is not None and entry[0] is ref:
                del kept[key]

        with self._lock:
            kept[key] = (weakref.ref(scenario, forget), value)
        return value

    def __len__(self) -> int:
        return len(self._kept)


def build_lines(scenario: Scenario) -> dict[str, Line]:
    """Every line of the scenario by key, each after the lines it reads (a valid order to
    compute or to write them). Built once per scenario object (`PerScenario`); each call
    gets its own dict of the same (frozen) lines."""
    return dict(_lines_of(scenario))


def _build_lines(scenario: Scenario) -> dict[str, Line]:
    top = Scope()
    kinds = _kinds_present(scenario)
    lines = [spec.instantiate(top) for spec in TIME_LINES.values()]
    activities = [
        line
        for kind in kinds
        for activity_id in kind.activity_ids(scenario)
        for line in kind.lines(activity_id, scenario)
    ]
    lines += activities
    lines += _organisation_lines(kinds, activities)
    lines += funding_lines(scenario, activities)
    plain = [p for p, platform in scenario.platforms.items() if platform.average_of is None]
    averages = [p for p in scenario.platforms if p not in plain]
    for platform_id in plain + averages:
        lines += _platform_lines(platform_id, scenario, kinds)
    return {line.key: line for line in lines}


_lines_of: PerScenario[dict[str, Line]] = PerScenario(_build_lines)
