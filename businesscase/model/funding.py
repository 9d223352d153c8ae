"""What becomes of the freed staff hours, and what the organisation's funding does to its
income: the organisation's lines that turn the economic savings into cash and hours.

Every saving of the business case is staff time valued at the wage. A director banks it only
if the hours are no longer paid (`cashable_share`: cash at the wage), used for more clients
(`redeploy_share`: capacity for extra trajectories), or absorbed (shorter waiting lists, more
time per client). The funding regime decides who keeps what (`revenue_effect`, cash).
"""

from __future__ import annotations

from businesscase.model.formula import AtLeastZero, Expr, If, Input, Num, Ref, Sum, YearNumber
from businesscase.model.lines import Kind, Line, LineSpec, Nature, Scope, spec_of
from businesscase.model.parameters import Scenario

FLOW, CASH, QUANTITY = Kind.FLOW, Nature.CASH, Nature.QUANTITY
WAGE = Ref("hourly_wage_in_year")

FREED_HOURS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "hours_freed",
            "Staff hours freed",
            "Vrijgekomen uren",
            "h",
            FLOW,
            QUANTITY,
            "freed_hours",
            lambda s: Ref("savings") / WAGE,
        ),
        spec_of(
            "cashable_hours",
            "Freed hours no longer paid",
            "Vrijgekomen uren niet meer betaald",
            "h",
            FLOW,
            QUANTITY,
            "freed_hours",
            lambda s: Ref("hours_freed") * Input(("cashable_share",)),
        ),
        spec_of(
            "redeployed_hours",
            "Freed hours used for more clients",
            "Vrijgekomen uren voor meer cliënten",
            "h",
            FLOW,
            QUANTITY,
            "freed_hours",
            lambda s: Ref("hours_freed") * Input(("redeploy_share",)),
        ),
        spec_of(
            "absorbed_hours",
            "Freed hours absorbed (waiting lists, time per client)",
            "Vrijgekomen uren opgevangen (wachtlijst, tijd per cliënt)",
            "h",
            FLOW,
            QUANTITY,
            "freed_hours",
            lambda s: Ref("hours_freed") - Ref("cashable_hours") - Ref("redeployed_hours"),
        ),
        spec_of(
            "cashable_saving",
            "Cash saving: hours no longer paid",
            "Besparing in geld: uren niet meer betaald",
            "EUR",
            FLOW,
            CASH,
            "freed_hours",
            lambda s: Ref("cashable_hours") * WAGE,
        ),
    )
}
"""Where the freed hours go, by year."""

EXTRA_TRAJECTORIES = spec_of(
    "extra_trajectories",
    "Extra trajectories from redeployed hours",
    "Extra trajecten uit ingezette uren",
    "trajectories",
    FLOW,
    QUANTITY,
    "freed_hours",
    adds=("extra_trajectories",),
)
"""The capacity the redeployed hours give: extra trajectories of every type."""


def _named_courses(scenario: Scenario) -> list[str]:
    return scenario.funding.courses or list(scenario.courses)


def _freed_in_sessions(s: Scope) -> Expr:
    """Hours freed in the group sessions of the courses whose hours are bought."""
    named = _named_courses(s.item)
    sessions = ("online_efficiency_saving", "scheduling_saving", "offline_time_saving")
    return Sum(tuple(f"{c}.{n}" for c in named for n in sessions)) / WAGE


def _new_groups(s: Scope) -> Expr:
    """Hours of the new groups run of those courses (their growth)."""
    growing = [c for c in _named_courses(s.item) if s.item.courses[c].growth is not None]
    return Sum(tuple(f"{c}.growth_cost_per_year" for c in growing)) / WAGE


BOUGHT_HOURS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "bought_hours_freed",
            "Bought hours freed in the group sessions",
            "Ingekochte uren vrijgekomen in de groepssessies",
            "h",
            FLOW,
            QUANTITY,
            "funding",
            _freed_in_sessions,
        ),
        spec_of(
            "bought_hours_new_groups",
            "Hours of the new groups",
            "Uren van de nieuwe groepen",
            "h",
            FLOW,
            QUANTITY,
            "funding",
            _new_groups,
        ),
        spec_of(
            "bought_hours_shortfall",
            "Bought hours not made (repaid)",
            "Ingekochte uren niet gemaakt (terugbetaald)",
            "h",
            FLOW,
            QUANTITY,
            "funding",
            lambda s: AtLeastZero(Ref("bought_hours_freed") - Ref("bought_hours_new_groups")),
        ),
    )
}
"""Under `bought_hours`: the bought group-work hours no longer made, by year; more hours than
bought earn nothing extra (seed 002, line 5553)."""


def _revenue(s: Scope) -> Expr:
    """The revenue effect of the scenario's funding regime."""
    funding = s.item.funding
    if funding.regime == "bought_hours":
        return Num(0) - Ref("bought_hours_shortfall") * Input(("funding", "price_per_hour"))
    if funding.regime == "per_trajectory":
        return Ref("extra_trajectories") * Input(("funding", "price_per_trajectory"))
    if funding.regime == "per_client_repriced":
        reset = YearNumber() >= Input(("funding", "repricing_after_years")) + 1
        return If(reset, Num(0) - Ref("savings"), Num(0))
    return Num(0)


REVENUE_EFFECT = spec_of(
    "revenue_effect",
    "Change in income from the funder",
    "Verandering in inkomsten van de financier",
    "EUR",
    FLOW,
    CASH,
    "funding",
    _revenue,
)
"""What the funding regime does to the organisation's income (cash)."""


CLIENTS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "client_sessions_saved",
            "Face-to-face sessions the clients no longer attend",
            "Face-to-face gesprekken die cliënten niet meer bijwonen",
            "sessions",
            FLOW,
            QUANTITY,
            "clients",
            adds=("client_sessions_saved",),
        ),
        spec_of(
            "client_hours_saved",
            "Clients' hours saved (sessions and travel)",
            "Uren die cliënten besparen (gesprekken en reistijd)",
            "h",
            FLOW,
            QUANTITY,
            "clients",
            adds=("client_hours_saved",),
        ),
    )
}
"""What the clients gain, where the model knows it: the sessions of the trajectories they no
longer attend, and the hours of those sessions and of the travel to them."""


def funding_lines(scenario: Scenario, activities: list[Line]) -> list[Line]:
    """The freed hours, the extra trajectories, the clients' gains and the revenue effect."""
    top = Scope(item=scenario)
    lines = [spec.instantiate(top) for spec in FREED_HOURS.values()]
    for spec in CLIENTS.values():
        keys = [line.key for line in activities if line.name == spec.name]
        lines.append(spec.instantiate(top, adds=keys))
    extra = [line.key for line in activities if line.name == "extra_trajectories"]
    lines.append(EXTRA_TRAJECTORIES.instantiate(top, adds=extra))
    if scenario.funding.regime == "bought_hours":
        lines += [spec.instantiate(top) for spec in BOUGHT_HOURS.values()]
    lines.append(REVENUE_EFFECT.instantiate(top))
    return lines
