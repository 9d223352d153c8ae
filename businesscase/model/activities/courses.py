"""Courses: group trainings of which some sessions move online (appendix C of the published
case). Each line is declared once, with its formula, labels, unit, kind and nature; the
organisation's savings add up the yearly savings of every course."""

from __future__ import annotations

from businesscase.model.activity import ActivityKind
from businesscase.model.formula import Expr, If, Input, Num, Ref, YearNumber
from businesscase.model.lines import FormulaRule, Kind, Line, LineSpec, Nature, Scope, spec_of
from businesscase.model.parameters import Scenario

FLOW, RATE, COUNT = Kind.FLOW, Kind.RATE, Kind.COUNT
TIME, QUANTITY = Nature.STAFF_TIME, Nature.QUANTITY
WAGE = Ref("hourly_wage_in_year")


def _growth_online_minutes(s: Scope) -> Expr:
    """A new course's online minutes per participant: its own if given, else the course's."""
    if s.item.growth.online_minutes_per_participant is not None:
        return s.input("growth", "online_minutes_per_participant")
    return s.input("minutes_per_participant") * (1 - s.input("online_efficiency"))


def _growth_sessions(kind: str) -> FormulaRule:
    """A new course's sessions of a kind: its own if given, else the course's in that year."""

    def rule(s: Scope) -> Expr:
        if getattr(s.item.growth, f"{kind}_sessions") is not None:
            return s.input("growth", f"{kind}_sessions")
        return s.input(f"{kind}_sessions")

    return rule


def _minutes_per_place(s: Scope) -> Expr:
    """A participant's share of the course leader's time in a blended course: the sessions'
    minutes per participant after the online and offline gains, and each session's
    preparation shared by the group."""
    minutes = s.input("minutes_per_participant")
    offline, online = s.input("offline_sessions"), s.input("online_sessions")
    per_participant = (
        minutes * (1 - s.input("offline_time_gain")) * offline
        + minutes * (1 - s.input("online_efficiency")) * online
    )
    preparation = (
        s.input("offline_preparation_hours") * offline
        + s.input("online_preparation_hours") * online
    ) * 60
    return per_participant + preparation / s.input("group_size")


_spec = spec_of


COURSE_LINES: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        _spec(
            "participants_per_year",
            "Participants per year",
            "Deelnemers per jaar",
            "participants",
            FLOW,
            QUANTITY,
            "course",
            lambda s: s.input("group_size") * s.input("groups_per_year"),
        ),
        _spec(
            "online_minutes_per_participant",
            "Minutes per participant per online session",
            "Aantal minuten per deelnemer per online sessie",
            "min",
            RATE,
            QUANTITY,
            "online_efficiency",
            lambda s: s.input("minutes_per_participant") * (1 - s.input("online_efficiency")),
        ),
        _spec(
            "online_minutes_saved_per_participant",
            "Minutes saved per participant per online session",
            "Bespaarde minuten per deelnemer per online sessie",
            "min",
            RATE,
            QUANTITY,
            "online_efficiency",
            lambda s: s.input("minutes_per_participant") * s.input("online_efficiency"),
        ),
        _spec(
            "online_saving_per_participant_per_session",
            "Saving per participant per online session",
            "Besparing per deelnemer per online sessie",
            "EUR",
            RATE,
            TIME,
            "online_efficiency",
            lambda s: s.line("online_minutes_saved_per_participant") / 60 * WAGE,
        ),
        _spec(
            "online_saving_per_participant_per_course",
            "Online saving per participant per course",
            "Besparing per deelnemer per cursus (online)",
            "EUR",
            RATE,
            TIME,
            "online_efficiency",
            lambda s: (
                s.line("online_saving_per_participant_per_session") * s.input("online_sessions")
            ),
        ),
        _spec(
            "online_saving_per_course",
            "Online saving per course",
            "Besparing per cursus (online)",
            "EUR",
            RATE,
            TIME,
            "online_efficiency",
            lambda s: s.line("online_saving_per_participant_per_course") * s.input("group_size"),
        ),
        _spec(
            "online_efficiency_saving",
            "Online contact efficiency, per year",
            "Besparing door efficiëntie online contact (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "online_efficiency",
            lambda s: s.line("online_saving_per_course") * s.input("groups_per_year"),
        ),
        _spec(
            "scheduling_hours_saved_per_online_session",
            "Hours saved per online session (scheduling)",
            "Besparing per online sessie (uren)",
            "h",
            RATE,
            QUANTITY,
            "scheduling",
            lambda s: s.input("offline_preparation_hours") - s.input("online_preparation_hours"),
        ),
        _spec(
            "scheduling_saving_per_online_session",
            "Scheduling saving per online session",
            "Besparing per online sessie (euro)",
            "EUR",
            RATE,
            TIME,
            "scheduling",
            lambda s: s.line("scheduling_hours_saved_per_online_session") * WAGE,
        ),
        _spec(
            "scheduling_saving_per_course",
            "Scheduling saving per course",
            "Besparing per cursus (inplannen)",
            "EUR",
            RATE,
            TIME,
            "scheduling",
            lambda s: s.line("scheduling_saving_per_online_session") * s.input("online_sessions"),
        ),
        _spec(
            "scheduling_saving",
            "Less scheduling work, per year",
            "Besparing door minder inplanwerkzaamheden (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "scheduling",
            lambda s: s.line("scheduling_saving_per_course") * s.input("groups_per_year"),
        ),
        _spec(
            "offline_minutes_saved_per_participant",
            "Minutes saved per participant per offline session",
            "Bespaarde minuten per deelnemer per offline sessie",
            "min",
            RATE,
            QUANTITY,
            "offline_time_gain",
            lambda s: s.input("minutes_per_participant") * s.input("offline_time_gain"),
        ),
        _spec(
            "offline_saving_per_participant_per_session",
            "Saving per participant per offline session",
            "Besparing per deelnemer per offline sessie",
            "EUR",
            RATE,
            TIME,
            "offline_time_gain",
            lambda s: s.line("offline_minutes_saved_per_participant") / 60 * WAGE,
        ),
        _spec(
            "offline_saving_per_participant_per_course",
            "Offline saving per participant per course",
            "Besparing per deelnemer per cursus (offline)",
            "EUR",
            RATE,
            TIME,
            "offline_time_gain",
            lambda s: (
                s.line("offline_saving_per_participant_per_session") * s.input("offline_sessions")
            ),
        ),
        _spec(
            "offline_saving_per_course",
            "Offline saving per course",
            "Besparing per cursus (offline)",
            "EUR",
            RATE,
            TIME,
            "offline_time_gain",
            lambda s: s.line("offline_saving_per_participant_per_course") * s.input("group_size"),
        ),
        _spec(
            "offline_time_saving",
            "Time gained in offline sessions, per year",
            "Besparing door tijdswinst offline sessies (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "offline_time_gain",
            lambda s: s.line("offline_saving_per_course") * s.input("groups_per_year"),
        ),
        _spec(
            "referral_saving_per_participant",
            "Follow-up saving per participant",
            "Besparing per deelnemer (vervolgtraject)",
            "EUR",
            RATE,
            TIME,
            "referral",
            lambda s: s.input("referral_hours_per_participant") * WAGE,
        ),
        _spec(
            "referral_saving",
            "Follow-up refers back to the course, per year",
            "Besparing door terugverwijzen naar cursus (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "referral",
            lambda s: s.line("referral_saving_per_participant") * s.line("participants_per_year"),
        ),
        _spec(
            "savings",
            "Savings of the course, per year",
            "Besparing cursus (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "course",
            adds=(
                "online_efficiency_saving",
                "scheduling_saving",
                "offline_time_saving",
                "referral_saving",
            ),
        ),
        _spec(
            "minutes_per_place",
            "Course leader's minutes per participant, blended",
            "Minuten cursusleider per deelnemer, blended",
            "min",
            RATE,
            QUANTITY,
            "course",
            _minutes_per_place,
        ),
        _spec(
            "extra_places",
            "Extra course places from redeployed hours, per year",
            "Extra cursusplaatsen uit ingezette uren (per jaar)",
            "participants",
            FLOW,
            QUANTITY,
            "course",
            lambda s: If(
                s.line("minutes_per_place") <= 0,
                Num(0),
                Input(("redeploy_share",))
                * s.line("savings")
                / WAGE
                / (s.line("minutes_per_place") / 60),
            ),
        ),
    )
}
"""The lines of every course."""

GROWTH_LINES: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        _spec(
            "growth_offline_minutes_per_participant",
            "New courses: minutes per participant per offline session",
            "Individuele tijd per deelnemer per offline sessie (minuten)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            lambda s: s.input("minutes_per_participant") * (1 - s.input("offline_time_gain")),
        ),
        _spec(
            "growth_online_minutes_per_participant",
            "New courses: minutes per participant per online session",
            "Individuele tijd per deelnemer per online sessie (minuten)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            _growth_online_minutes,
        ),
        _spec(
            "growth_offline_minutes_per_group_session",
            "New courses: minutes per group per offline session",
            "Totale tijd offline (per groep, per sessie)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            lambda s: (
                s.line("growth_offline_minutes_per_participant") * s.input("group_size")
                + s.input("offline_preparation_hours") * 60
            ),
        ),
        _spec(
            "growth_online_minutes_per_group_session",
            "New courses: minutes per group per online session",
            "Totale tijd online (per groep, per sessie)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            lambda s: (
                s.line("growth_online_minutes_per_participant") * s.input("group_size")
                + s.input("online_preparation_hours") * 60
            ),
        ),
        _spec(
            "growth_offline_sessions",
            "New courses: offline sessions per course",
            "Offline sessies per nieuwe cursus",
            "sessions",
            COUNT,
            QUANTITY,
            "growth",
            _growth_sessions("offline"),
        ),
        _spec(
            "growth_online_sessions",
            "New courses: online sessions per course",
            "Online sessies per nieuwe cursus",
            "sessions",
            COUNT,
            QUANTITY,
            "growth",
            _growth_sessions("online"),
        ),
        _spec(
            "growth_offline_minutes_per_course",
            "New courses: offline minutes per course",
            "Totale tijd offline (per groep, per cursus)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            lambda s: (
                s.line("growth_offline_minutes_per_group_session")
                * s.line("growth_offline_sessions")
            ),
        ),
        _spec(
            "growth_online_minutes_per_course",
            "New courses: online minutes per course",
            "Totale tijd online (per groep, per cursus)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            lambda s: (
                s.line("growth_online_minutes_per_group_session") * s.line("growth_online_sessions")
            ),
        ),
        _spec(
            "growth_minutes_per_course",
            "New courses: minutes per course",
            "Totale tijd cursus (per groep)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            adds=("growth_offline_minutes_per_course", "growth_online_minutes_per_course"),
        ),
        _spec(
            "growth_minutes_per_participant",
            "New courses: minutes per participant",
            "Totale tijd (per deelnemer)",
            "min",
            RATE,
            QUANTITY,
            "growth",
            lambda s: s.line("growth_minutes_per_course") / s.input("group_size"),
        ),
        _spec(
            "growth_wage_cost_per_course",
            "New courses: wage cost per course",
            "Loonkosten (per cursus)",
            "EUR",
            RATE,
            TIME,
            "growth",
            lambda s: s.line("growth_minutes_per_course") / 60 * WAGE,
        ),
        _spec(
            "growth_new_groups",
            "New groups per year",
            "Aantal nieuwe groepen per jaar",
            "groups",
            FLOW,
            QUANTITY,
            "growth",
            lambda s: If(
                YearNumber() >= s.input("growth", "from_year"),
                s.input("growth", "groups_per_year"),
                Num(0),
            ),
        ),
        _spec(
            "growth_new_participants",
            "New participants per year",
            "Aantal nieuwe deelnemers per jaar",
            "participants",
            FLOW,
            QUANTITY,
            "growth",
            lambda s: s.line("growth_new_groups") * s.input("group_size"),
        ),
        _spec(
            "growth_saving_per_new_participant",
            "Saving per new participant",
            "Besparing maatschappelijk werk traject (per deelnemer)",
            "EUR",
            RATE,
            TIME,
            "growth",
            lambda s: s.input("growth", "hours_saved_per_new_participant") * WAGE,
        ),
        _spec(
            "growth_cost_per_year",
            "New courses: cost per year",
            "Totale kosten nieuwe cursussen (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "growth",
            lambda s: s.line("growth_wage_cost_per_course") * s.line("growth_new_groups"),
        ),
        _spec(
            "growth_saving_per_year",
            "New courses: saving per year",
            "Totale besparingen nieuwe cursussen (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "growth",
            lambda s: (
                s.line("growth_saving_per_new_participant") * s.line("growth_new_participants")
            ),
        ),
        _spec(
            "growth_balance_per_year",
            "New courses: balance per year",
            "Saldo nieuwe cursussen (per jaar)",
            "EUR",
            FLOW,
            TIME,
            "growth",
            lambda s: s.line("growth_saving_per_year") - s.line("growth_cost_per_year"),
        ),
    )
}
"""The lines of a course with new groups from a given year (`growth`)."""

SAVINGS = (
    _spec(
        "online_efficiency",
        "Saving: online contact efficiency",
        "Besparing door efficiëntie online contact",
        "EUR",
        FLOW,
        TIME,
        "savings",
        adds=("online_efficiency_saving",),
    ),
    _spec(
        "scheduling",
        "Saving: less scheduling of online sessions",
        "Besparing door minder inplanwerkzaamheden van online sessies",
        "EUR",
        FLOW,
        TIME,
        "savings",
        adds=("scheduling_saving",),
    ),
    _spec(
        "offline_time_gain",
        "Saving: time gained in offline sessions",
        "Besparing door tijdswinst omdat informatie ook online beschikbaar is",
        "EUR",
        FLOW,
        TIME,
        "savings",
        adds=("offline_time_saving",),
    ),
    _spec(
        "referral",
        "Saving: follow-up refers back to the course",
        "Besparing door terugverwijzen naar cursus in vervolgtraject",
        "EUR",
        FLOW,
        TIME,
        "savings",
        adds=("referral_saving",),
    ),
    _spec(
        "growth",
        "Saving: new participants from growth",
        "Besparing door groei in aantal cursussen",
        "EUR",
        FLOW,
        TIME,
        "savings",
        adds=("growth_saving_per_year",),
    ),
)
"""The organisation's savings from courses, by kind: each adds one line of every course."""

SHARED_COSTS = (
    _spec(
        "growth_courses_cost",
        "Wage cost of the new courses",
        "Loonkosten nieuwe cursussen",
        "EUR",
        FLOW,
        TIME,
        "shared_costs",
        adds=("growth_cost_per_year",),
    ),
)
"""The wage cost of the new groups, carried by every platform scenario."""

PLATFORM_COSTS = (
    _spec(
        "growth_courses",
        "Wage cost of the new courses",
        "Loonkosten nieuwe cursussen",
        "EUR",
        FLOW,
        TIME,
        "costs",
        lambda s: Ref("growth_courses_cost"),
    ),
)
"""The platform's cost item for the wages of the new groups."""


def course_lines(course_id: str, scenario: Scenario) -> list[Line]:
    """Every line of one course (and of its new groups, if it grows)."""
    course = scenario.courses[course_id]
    scope = Scope(("courses", course_id), f"{course_id}.", course)
    specs = [*COURSE_LINES.values(), *(GROWTH_LINES.values() if course.growth else ())]
    return [spec.instantiate(scope, activity=("courses", course_id)) for spec in specs]


COURSES = ActivityKind(
    collection="courses",
    lines=course_lines,
    savings=SAVINGS,
    shared_costs=SHARED_COSTS,
    platform_costs=PLATFORM_COSTS,
    platform_clients=("participants_per_year", "growth_new_participants"),
    computed_when_not_set={
        ("growth", "online_minutes_per_participant"): "growth_online_minutes_per_participant",
        ("growth", "offline_sessions"): "growth_offline_sessions",
        ("growth", "online_sessions"): "growth_online_sessions",
    },
)
"""Courses as a kind of activity. An organisation line adds, for every course, the line of
the same name as its own `adds` (`online_efficiency` adds each `online_efficiency_saving`)."""
