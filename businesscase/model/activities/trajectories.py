"""Individual help trajectories: each trajectory type has trajectories per year and routes
(face-to-face, blended, online) with their share by year and their contacts per trajectory.

Minutes of staff time per trajectory on route r:
    T_r = n·(c + report + a) + (n/(1-p) - n)·(a + L·c) + n·v·t + e·email + h·chat + o·video
with n face-to-face sessions attended, c minutes per session, a planning minutes per booked
session, p the no-show rate (n/(1-p) sessions are booked), L the share of a missed session's
time that is lost, v the share of home visits, t travel minutes per visit, and e, h, o the
e-mails, chats and video sessions with their minutes. Hours freed in a year:
N · Σ_r q_r · (T_baseline - T_r) / 60, valued at the hourly wage of that year. A route that
costs more than the baseline (online contacts on top of sessions) has a negative saving.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from businesscase.model.activity import ActivityKind
from businesscase.model.formula import Expr, If, Input, Num, Ref
from businesscase.model.lines import FormulaRule, Kind, Line, LineSpec, Nature, Scope, spec_of
from businesscase.model.parameters import Scenario

FLOW, RATE = Kind.FLOW, Kind.RATE
TIME, QUANTITY = Nature.STAFF_TIME, Nature.QUANTITY


@dataclass(frozen=True)
class RouteScope(Scope):
    """A route's scope: its own inputs (`routes.<id>.share`), its type's shared inputs, and
    the lines of the type's route before (the baseline)."""

    type_prefix: str = ""
    baseline_route: str = ""
    siblings: tuple[str, ...] = ()
    """Every route of the type, this one included."""

    def shared(self, name: str) -> Input:
        """A parameter of the trajectory type, shared by its routes (`contact_minutes`)."""
        return Input((*self.input_prefix[:-2], name))

    def baseline(self, name: str) -> Ref:
        """A line of the route every trajectory took before."""
        return Ref(f"{self.type_prefix}{self.baseline_route}.{name}")

    def baseline_input(self, name: str) -> Input:
        """A parameter of the route every trajectory took before."""
        return Input((*self.input_prefix[:-1], self.baseline_route, name))


def _route(rule: Callable[[RouteScope], Expr]) -> FormulaRule:
    """A formula rule that reads a route's shared inputs and baseline."""

    def checked(s: Scope) -> Expr:
        assert isinstance(s, RouteScope)
        return rule(s)

    return checked


def _minutes(s: RouteScope) -> Expr:
    n, p = s.input("f2f_sessions"), s.shared("no_show_rate")
    contact, planning = s.shared("contact_minutes"), s.shared("planning_minutes")
    attended = n * (contact + s.shared("report_minutes") + planning)
    missed = (n / (1 - p) - n) * (planning + s.shared("no_show_lost_share") * contact)
    travel = n * s.shared("home_visit_share") * s.shared("travel_minutes_per_visit")
    online = (
        s.input("emails") * s.shared("email_minutes")
        + s.input("chats") * s.shared("chat_minutes")
        + s.input("video_sessions") * s.shared("video_minutes")
    )
    return attended + missed + travel + online


def _extra_trajectories(s: Scope) -> Expr:
    """The redeployed share of the type's freed hours, in trajectories of the route before."""
    baseline = Ref(f"{s.key_prefix}{s.item.baseline_route}.minutes_per_trajectory")
    redeployed = Input(("redeploy_share",)) * s.line("hours_freed")
    return If(baseline <= 0, Num(0), redeployed / (baseline / 60))


def _share(s: RouteScope) -> Expr:
    """The route's share as written, or for the route before without one, the rest."""
    if s.item.share is not None:
        return s.input("share")
    others = [
        Input((*s.input_prefix[:-1], route_id, "share"))
        for route_id in s.siblings
        if route_id != s.input_prefix[-1]
    ]
    return Num(1) - sum(others[1:], others[0]) if others else Num(1)


ROUTE_LINES: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "route_share",
            "Share of trajectories on this route",
            "Aandeel trajecten op deze route",
            "%",
            RATE,
            QUANTITY,
            "trajectories",
            _route(_share),
        ),
        spec_of(
            "minutes_per_trajectory",
            "Staff minutes per trajectory",
            "Minuten medewerker per traject",
            "min",
            RATE,
            QUANTITY,
            "trajectories",
            _route(_minutes),
        ),
        spec_of(
            "minutes_saved_per_trajectory",
            "Minutes saved per trajectory against the route before",
            "Bespaarde minuten per traject ten opzichte van de route vooraf",
            "min",
            RATE,
            QUANTITY,
            "trajectories",
            _route(
                lambda s: s.baseline("minutes_per_trajectory") - s.line("minutes_per_trajectory")
            ),
        ),
        spec_of(
            "route_hours_freed",
            "Staff hours freed on this route, per year",
            "Vrijgekomen uren op deze route (per jaar)",
            "h",
            FLOW,
            QUANTITY,
            "trajectories",
            _route(
                lambda s: (
                    s.shared("trajectories_per_year")
                    * s.line("route_share")
                    * s.line("minutes_saved_per_trajectory")
                    / 60
                )
            ),
        ),
        spec_of(
            "route_client_sessions_saved",
            "Face-to-face sessions the clients no longer attend, per year",
            "Face-to-face gesprekken die cliënten niet meer bijwonen (per jaar)",
            "sessions",
            FLOW,
            QUANTITY,
            "trajectories",
            _route(
                lambda s: (
                    s.shared("trajectories_per_year")
                    * s.line("route_share")
                    * (s.baseline_input("f2f_sessions") - s.input("f2f_sessions"))
                )
            ),
        ),
        spec_of(
            "route_client_hours_saved",
            "Clients' hours saved (sessions and travel), per year",
            "Uren die cliënten besparen (gesprekken en reistijd, per jaar)",
            "h",
            FLOW,
            QUANTITY,
            "trajectories",
            _route(
                lambda s: (
                    s.line("route_client_sessions_saved")
                    * (
                        s.shared("contact_minutes")
                        + (1 - s.shared("home_visit_share")) * s.shared("client_travel_minutes")
                    )
                    / 60
                )
            ),
        ),
        spec_of(
            "route_platform_trajectories",
            "Trajectories on this route that use the platform, per year",
            "Trajecten op deze route met het platform (per jaar)",
            "clients",
            FLOW,
            QUANTITY,
            "trajectories",
            _route(
                lambda s: (
                    s.shared("trajectories_per_year") * s.line("route_share")
                    if s.item.on_platform()
                    else Num(0)
                )
            ),
        ),
    )
}
"""The lines of every route of a trajectory type."""

TYPE_LINES: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "hours_freed",
            "Staff hours freed, per year",
            "Vrijgekomen uren (per jaar)",
            "h",
            FLOW,
            QUANTITY,
            "trajectories",
            adds=("route_hours_freed",),
        ),
        spec_of(
            "saving",
            "Saving of the trajectories, per year",
            "Besparing trajecten (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "trajectories",
            lambda s: s.line("hours_freed") * Ref("hourly_wage_in_year"),
        ),
        spec_of(
            "extra_trajectories",
            "Extra trajectories from redeployed hours, per year",
            "Extra trajecten uit ingezette uren (per jaar)",
            "trajectories",
            FLOW,
            QUANTITY,
            "trajectories",
            _extra_trajectories,
        ),
        spec_of(
            "client_sessions_saved",
            "Face-to-face sessions the clients no longer attend, per year",
            "Face-to-face gesprekken die cliënten niet meer bijwonen (per jaar)",
            "sessions",
            FLOW,
            QUANTITY,
            "trajectories",
            adds=("route_client_sessions_saved",),
        ),
        spec_of(
            "client_hours_saved",
            "Clients' hours saved (sessions and travel), per year",
            "Uren die cliënten besparen (gesprekken en reistijd, per jaar)",
            "h",
            FLOW,
            QUANTITY,
            "trajectories",
            adds=("route_client_hours_saved",),
        ),
        spec_of(
            "platform_trajectories",
            "Trajectories that use the platform, per year",
            "Trajecten met het platform (per jaar)",
            "clients",
            FLOW,
            QUANTITY,
            "trajectories",
            adds=("route_platform_trajectories",),
        ),
    )
}
"""The lines of a trajectory type: each total adds its routes' lines of the name it lists."""

SAVINGS = (
    spec_of(
        "trajectories",
        "Saving: individual help trajectories",
        "Besparing door individuele trajecten",
        "EUR",
        FLOW,
        TIME,
        "savings",
        adds=("saving",),
    ),
)
"""The organisation's saving from trajectories: the saving of every trajectory type."""


def trajectory_lines(type_id: str, scenario: Scenario) -> list[Line]:
    """Every line of one trajectory type: its routes' lines, then its totals."""
    kind = scenario.trajectories[type_id]
    activity = ("trajectories", type_id)
    lines = []
    for route_id, route in kind.routes.items():
        scope = RouteScope(
            ("trajectories", type_id, "routes", route_id),
            f"{type_id}.{route_id}.",
            route,
            type_prefix=f"{type_id}.",
            baseline_route=kind.baseline_route,
            siblings=tuple(kind.routes),
        )
        lines += [spec.instantiate(scope, activity=activity) for spec in ROUTE_LINES.values()]
    own = Scope(("trajectories", type_id), f"{type_id}.", kind)
    for spec in TYPE_LINES.values():
        adds = [f"{type_id}.{r}.{name}" for name in spec.adds for r in kind.routes]
        lines.append(spec.instantiate(own, activity=activity, adds=adds if spec.adds else None))
    return lines


TRAJECTORIES = ActivityKind(
    collection="trajectories",
    lines=trajectory_lines,
    savings=SAVINGS,
    platform_clients=("platform_trajectories",),
)
"""Individual help trajectories as a kind of activity."""
