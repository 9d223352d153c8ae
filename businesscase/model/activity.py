"""A kind of activity: a part of the organisation's work (courses today, help trajectories
next) that contributes lines to the business case.

Each kind is one module in `model/activities/` that declares its lines (with their formulas)
and says which of them add up to the organisation's savings and shared costs. The catalogue,
the engine and every view then treat all kinds alike, so a new kind is one new module plus
its parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from businesscase.model.lines import Line, LineSpec
from businesscase.model.parameters import Scenario


@dataclass(frozen=True)
class ActivityKind:
    """One kind of activity and what it brings to the business case."""

    collection: str
    """The scenario's key that holds the activities of this kind by id (`courses`)."""
    lines: Callable[[str, Scenario], list[Line]]
    """Every line of one activity, each after the lines it reads."""
    savings: tuple[LineSpec, ...] = ()
    """The organisation's savings from this kind: each a total that `adds`, for every
    activity, the activity's line of each name it lists."""
    shared_costs: tuple[LineSpec, ...] = ()
    """Costs of the organisation this kind causes (totals over activities, as `savings`),
    carried by every platform scenario."""
    platform_costs: tuple[LineSpec, ...] = ()
    """The cost items of every platform scenario that carry the shared costs."""
    platform_clients: tuple[str, ...] = ()
    """The activity's lines that count clients using the platform each year (for a licence
    per client that follows the volume)."""
    computed_when_not_set: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    """Optional inputs of an activity (by their path inside its block) that a line works out
    when the file leaves them out, and that line's name: what a comparison shows for an input
    one file sets and the other leaves to the model."""

    def activity_ids(self, scenario: Scenario) -> list[str]:
        """The ids of this kind's activities in a scenario."""
        return list(getattr(scenario, self.collection) or {})
