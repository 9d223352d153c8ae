"""The kinds of activity the business case knows, each in its own module."""

from businesscase.model.activities.courses import COURSES
from businesscase.model.activities.trajectories import TRAJECTORIES
from businesscase.model.activity import ActivityKind

ACTIVITY_KINDS: tuple[ActivityKind, ...] = (COURSES, TRAJECTORIES)
"""Every kind, in the order their lines are computed and shown."""

__all__ = ["ACTIVITY_KINDS", "ActivityKind"]
