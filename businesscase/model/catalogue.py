"""The catalogue of named lines: every figure of the business case and its one formula.

`build_lines` instantiates the catalogue for a scenario: the course lines once per course, the
platform lines once per platform scenario. Keys read as the figure's address: `ass_jv.
scheduling_saving` (a course line), `savings` (the whole organisation), `new-platform.licence`.
The engine, the Excel writer, the CLI's `explain` and the app all read these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

from businesscase.model.formula import (
    Expr,
    If,
    Input,
    Num,
    Ref,
    RoundWhole,
    RunningSum,
    YearNumber,
    equals,
)
from businesscase.model.parameters import Scenario


@dataclass(frozen=True)
class LineInfo:
    """How a line is labelled and which section of the sheet it belongs to."""

    label: str
    label_nl: str
    unit: str
    section: str


@dataclass(frozen=True)
class Line:
    """One named figure of the business case, per year: its formula and where it belongs."""

    key: str
    name: str
    formula: Expr
    info: LineInfo
    course: str | None = None
    platform: str | None = None

    @property
    def label(self) -> str:
        return self.info.label

    @property
    def unit(self) -> str:
        return self.info.unit


def _info(label: str, label_nl: str, unit: str, section: str) -> LineInfo:
    return LineInfo(label, label_nl, unit, section)


COURSE_LINES: dict[str, LineInfo] = {
    "participants_per_year": _info(
        "Participants per year", "Deelnemers per jaar", "participants", "course"
    ),
    "online_minutes_per_participant": _info(
        "Minutes per participant per online session",
        "Aantal minuten per deelnemer per online sessie",
        "min",
        "online_efficiency",
    ),
    "online_minutes_saved_per_participant": _info(
        "Minutes saved per participant per online session",
        "Bespaarde minuten per deelnemer per online sessie",
        "min",
        "online_efficiency",
    ),
    "online_saving_per_participant_per_session": _info(
        "Saving per participant per online session",
        "Besparing per deelnemer per online sessie",
        "EUR",
        "online_efficiency",
    ),
    "online_saving_per_participant_per_course": _info(
        "Online saving per participant per course",
        "Besparing per deelnemer per cursus (online)",
        "EUR",
        "online_efficiency",
    ),
    "online_saving_per_course": _info(
        "Online saving per course", "Besparing per cursus (online)", "EUR", "online_efficiency"
    ),
    "online_efficiency_saving": _info(
        "Online contact efficiency, per year",
        "Besparing door efficiëntie online contact (per jaar)",
        "EUR",
        "online_efficiency",
    ),
    "scheduling_hours_saved_per_online_session": _info(
        "Hours saved per online session (scheduling)",
        "Besparing per online sessie (uren)",
        "h",
        "scheduling",
    ),
    "scheduling_saving_per_online_session": _info(
        "Scheduling saving per online session",
        "Besparing per online sessie (euro)",
        "EUR",
        "scheduling",
    ),
    "scheduling_saving_per_course": _info(
        "Scheduling saving per course", "Besparing per cursus (inplannen)", "EUR", "scheduling"
    ),
    "scheduling_saving": _info(
        "Less scheduling work, per year",
        "Besparing door minder inplanwerkzaamheden (per jaar)",
        "EUR",
        "scheduling",
    ),
    "offline_minutes_saved_per_participant": _info(
        "Minutes saved per participant per offline session",
        "Bespaarde minuten per deelnemer per offline sessie",
        "min",
        "offline_time_gain",
    ),
    "offline_saving_per_participant_per_session": _info(
        "Saving per participant per offline session",
        "Besparing per deelnemer per offline sessie",
        "EUR",
        "offline_time_gain",
    ),
    "offline_saving_per_participant_per_course": _info(
        "Offline saving per participant per course",
        "Besparing per deelnemer per cursus (offline)",
        "EUR",
        "offline_time_gain",
    ),
    "offline_saving_per_course": _info(
        "Offline saving per course", "Besparing per cursus (offline)", "EUR", "offline_time_gain"
    ),
    "offline_time_saving": _info(
        "Time gained in offline sessions, per year",
        "Besparing door tijdswinst offline sessies (per jaar)",
        "EUR",
        "offline_time_gain",
    ),
    "referral_saving_per_participant": _info(
        "Follow-up saving per participant",
        "Besparing per deelnemer (vervolgtraject)",
        "EUR",
        "referral",
    ),
    "referral_saving": _info(
        "Follow-up refers back to the course, per year",
        "Besparing door terugverwijzen naar cursus (per jaar)",
        "EUR",
        "referral",
    ),
    "savings": _info(
        "Savings of the course, per year", "Besparing cursus (per jaar)", "EUR", "course"
    ),
}

GROWTH_LINES: dict[str, LineInfo] = {
    "growth_offline_minutes_per_participant": _info(
        "New courses: minutes per participant per offline session",
        "Individuele tijd per deelnemer per offline sessie (minuten)",
        "min",
        "growth",
    ),
    "growth_online_minutes_per_participant": _info(
        "New courses: minutes per participant per online session",
        "Individuele tijd per deelnemer per online sessie (minuten)",
        "min",
        "growth",
    ),
    "growth_offline_minutes_per_group_session": _info(
        "New courses: minutes per group per offline session",
        "Totale tijd offline (per groep, per sessie)",
        "min",
        "growth",
    ),
    "growth_online_minutes_per_group_session": _info(
        "New courses: minutes per group per online session",
        "Totale tijd online (per groep, per sessie)",
        "min",
        "growth",
    ),
    "growth_offline_sessions": _info(
        "New courses: offline sessions per course",
        "Offline sessies per nieuwe cursus",
        "sessions",
        "growth",
    ),
    "growth_online_sessions": _info(
        "New courses: online sessions per course",
        "Online sessies per nieuwe cursus",
        "sessions",
        "growth",
    ),
    "growth_offline_minutes_per_course": _info(
        "New courses: offline minutes per course",
        "Totale tijd offline (per groep, per cursus)",
        "min",
        "growth",
    ),
    "growth_online_minutes_per_course": _info(
        "New courses: online minutes per course",
        "Totale tijd online (per groep, per cursus)",
        "min",
        "growth",
    ),
    "growth_minutes_per_course": _info(
        "New courses: minutes per course", "Totale tijd cursus (per groep)", "min", "growth"
    ),
    "growth_minutes_per_participant": _info(
        "New courses: minutes per participant", "Totale tijd (per deelnemer)", "min", "growth"
    ),
    "growth_wage_cost_per_course": _info(
        "New courses: wage cost per course", "Loonkosten (per cursus)", "EUR", "growth"
    ),
    "growth_new_groups": _info(
        "New groups per year", "Aantal nieuwe groepen per jaar", "groups", "growth"
    ),
    "growth_new_participants": _info(
        "New participants per year", "Aantal nieuwe deelnemers per jaar", "participants", "growth"
    ),
    "growth_saving_per_new_participant": _info(
        "Saving per new participant",
        "Besparing maatschappelijk werk traject (per deelnemer)",
        "EUR",
        "growth",
    ),
    "growth_cost_per_year": _info(
        "New courses: cost per year", "Totale kosten nieuwe cursussen (per jaar)", "EUR", "growth"
    ),
    "growth_saving_per_year": _info(
        "New courses: saving per year",
        "Totale besparingen nieuwe cursussen (per jaar)",
        "EUR",
        "growth",
    ),
    "growth_balance_per_year": _info(
        "New courses: balance per year", "Saldo nieuwe cursussen (per jaar)", "EUR", "growth"
    ),
}

SAVINGS_LINES: dict[str, LineInfo] = {
    "online_efficiency": _info(
        "Saving: online contact efficiency",
        "Besparing door efficiëntie online contact",
        "EUR",
        "savings",
    ),
    "scheduling": _info(
        "Saving: less scheduling of online sessions",
        "Besparing door minder inplanwerkzaamheden van online sessies",
        "EUR",
        "savings",
    ),
    "offline_time_gain": _info(
        "Saving: time gained in offline sessions",
        "Besparing door tijdswinst omdat informatie ook online beschikbaar is",
        "EUR",
        "savings",
    ),
    "referral": _info(
        "Saving: follow-up refers back to the course",
        "Besparing door terugverwijzen naar cursus in vervolgtraject",
        "EUR",
        "savings",
    ),
    "growth": _info(
        "Saving: new participants from growth",
        "Besparing door groei in aantal cursussen",
        "EUR",
        "savings",
    ),
}
"""The savings of the organisation, by kind; every platform scenario has the same savings."""

TIME_LINES: dict[str, LineInfo] = {
    "wage_index": _info("Wage index", "Loonindex", "factor", "money_over_time"),
    "hourly_wage_in_year": _info(
        "Hourly wage in the year", "Uurloon in het jaar", "EUR/h", "money_over_time"
    ),
    "licence_index": _info(
        "Licence price index", "Index licentieprijs", "factor", "money_over_time"
    ),
    "discount_factor": _info("Discount factor", "Disconteringsfactor", "factor", "money_over_time"),
}
"""Money over time: indexation of wages and licences, and discounting; all 1 at zero rates."""

SCENARIO_LINES: dict[str, LineInfo] = {
    **TIME_LINES,
    **SAVINGS_LINES,
    "savings": _info("Savings", "Besparingen", "EUR", "savings"),
    "implementation_total": _info(
        "Implementation and further development, total",
        "Implementatiekosten (totaal)",
        "EUR",
        "shared_costs",
    ),
    "implementation_cost": _info(
        "Implementation, per year", "Implementatie (per jaar)", "EUR", "shared_costs"
    ),
    "growth_courses_cost": _info(
        "Wage cost of the new courses", "Loonkosten nieuwe cursussen", "EUR", "shared_costs"
    ),
}

COST_LINES: dict[str, LineInfo] = {
    "development": _info("Development", "Ontwikkelkosten", "EUR", "costs"),
    "training": _info(
        "Purchase, training and support", "Aanschaf, training en ondersteuning", "EUR", "costs"
    ),
    "licence": _info("Licence", "Licentiekosten", "EUR", "costs"),
    "hosting": _info("Hosting", "Hosting", "EUR", "costs"),
    "other_recurring": _info(
        "Other recurring costs", "Overige terugkerende kosten", "EUR", "costs"
    ),
    "one_off": _info("Other one-off costs", "Overige eenmalige kosten", "EUR", "costs"),
    "implementation": _info("Implementation", "Implementatie en doorontwikkeling", "EUR", "costs"),
    "growth_courses": _info(
        "Wage cost of the new courses", "Loonkosten nieuwe cursussen", "EUR", "costs"
    ),
}
"""The costs of a platform scenario, by kind; `costs` is their sum."""

PLATFORM_LINES: dict[str, LineInfo] = {
    "training_total": _info(
        "Purchase, training and support, total", "Training/ondersteuning (totaal)", "EUR", "detail"
    ),
    **COST_LINES,
    "costs": _info("Costs", "Kosten", "EUR", "result"),
    "savings": _info("Savings", "Besparingen", "EUR", "result"),
    "balance": _info("Balance", "Saldo", "EUR", "result"),
    "cumulative": _info("Cumulative balance", "Cumulatief", "EUR", "result"),
    "discounted_balance": _info("Discounted balance", "Contante waarde saldo", "EUR", "result"),
}

RESULT_LINES = ("savings", "costs", "balance", "cumulative")


def _total(terms: list[Expr]) -> Expr:
    """The sum of the terms, or 0 when there are none."""
    return reduce(lambda a, b: a + b, terms) if terms else Num(0)


def _course_lines(course_id: str, scenario: Scenario) -> list[Line]:
    course = scenario.courses[course_id]

    def p(name: str) -> Input:
        return Input(("courses", course_id, name))

    def g(name: str) -> Input:
        return Input(("courses", course_id, "growth", name))

    def r(name: str) -> Ref:
        return Ref(f"{course_id}.{name}")

    wage = Ref("hourly_wage_in_year")
    formulas: dict[str, Expr] = {
        "participants_per_year": p("group_size") * p("groups_per_year"),
        "online_minutes_per_participant": p("minutes_per_participant")
        * (1 - p("online_efficiency")),
        "online_minutes_saved_per_participant": p("minutes_per_participant")
        * p("online_efficiency"),
        "online_saving_per_participant_per_session": r("online_minutes_saved_per_participant")
        / 60
        * wage,
        "online_saving_per_participant_per_course": r("online_saving_per_participant_per_session")
        * p("online_sessions"),
        "online_saving_per_course": r("online_saving_per_participant_per_course") * p("group_size"),
        "online_efficiency_saving": r("online_saving_per_course") * p("groups_per_year"),
        "scheduling_hours_saved_per_online_session": p("offline_preparation_hours")
        - p("online_preparation_hours"),
        "scheduling_saving_per_online_session": r("scheduling_hours_saved_per_online_session")
        * wage,
        "scheduling_saving_per_course": r("scheduling_saving_per_online_session")
        * p("online_sessions"),
        "scheduling_saving": r("scheduling_saving_per_course") * p("groups_per_year"),
        "offline_minutes_saved_per_participant": p("minutes_per_participant")
        * p("offline_time_gain"),
        "offline_saving_per_participant_per_session": r("offline_minutes_saved_per_participant")
        / 60
        * wage,
        "offline_saving_per_participant_per_course": r("offline_saving_per_participant_per_session")
        * p("offline_sessions"),
        "offline_saving_per_course": r("offline_saving_per_participant_per_course")
        * p("group_size"),
        "offline_time_saving": r("offline_saving_per_course") * p("groups_per_year"),
        "referral_saving_per_participant": p("referral_hours_per_participant") * wage,
        "referral_saving": r("referral_saving_per_participant") * r("participants_per_year"),
        "savings": r("online_efficiency_saving")
        + r("scheduling_saving")
        + r("offline_time_saving")
        + r("referral_saving"),
    }
    lines = [
        _line(f"{course_id}.{n}", n, f, COURSE_LINES, course=course_id) for n, f in formulas.items()
    ]
    if course.growth is None:
        return lines
    growth = course.growth
    own_minutes = growth.online_minutes_per_participant is not None
    growth_formulas: dict[str, Expr] = {
        "growth_offline_minutes_per_participant": p("minutes_per_participant")
        * (1 - p("offline_time_gain")),
        "growth_online_minutes_per_participant": g("online_minutes_per_participant")
        if own_minutes
        else p("minutes_per_participant") * (1 - p("online_efficiency")),
        "growth_offline_minutes_per_group_session": r("growth_offline_minutes_per_participant")
        * p("group_size")
        + p("offline_preparation_hours") * 60,
        "growth_online_minutes_per_group_session": r("growth_online_minutes_per_participant")
        * p("group_size")
        + p("online_preparation_hours") * 60,
        "growth_offline_sessions": g("offline_sessions")
        if growth.offline_sessions is not None
        else p("offline_sessions"),
        "growth_online_sessions": g("online_sessions")
        if growth.online_sessions is not None
        else p("online_sessions"),
        "growth_offline_minutes_per_course": r("growth_offline_minutes_per_group_session")
        * r("growth_offline_sessions"),
        "growth_online_minutes_per_course": r("growth_online_minutes_per_group_session")
        * r("growth_online_sessions"),
        "growth_minutes_per_course": r("growth_offline_minutes_per_course")
        + r("growth_online_minutes_per_course"),
        "growth_minutes_per_participant": r("growth_minutes_per_course") / p("group_size"),
        "growth_wage_cost_per_course": r("growth_minutes_per_course") / 60 * wage,
        "growth_new_groups": If(YearNumber() >= g("from_year"), g("groups_per_year"), Num(0)),
        "growth_new_participants": r("growth_new_groups") * p("group_size"),
        "growth_saving_per_new_participant": g("hours_saved_per_new_participant") * wage,
        "growth_cost_per_year": r("growth_wage_cost_per_course") * r("growth_new_groups"),
        "growth_saving_per_year": r("growth_saving_per_new_participant")
        * r("growth_new_participants"),
        "growth_balance_per_year": r("growth_saving_per_year") - r("growth_cost_per_year"),
    }
    lines += [
        _line(f"{course_id}.{n}", n, f, GROWTH_LINES, course=course_id)
        for n, f in growth_formulas.items()
    ]
    return lines


def _time_lines() -> list[Line]:
    since_year_1 = YearNumber() - 1
    formulas: dict[str, Expr] = {
        "wage_index": (1 + Input(("wage_indexation",))) ** since_year_1,
        "hourly_wage_in_year": Input(("hourly_wage",)) * Ref("wage_index"),
        "licence_index": (1 + Input(("licence_indexation",))) ** since_year_1,
        "discount_factor": 1 / (1 + Input(("discount_rate",))) ** YearNumber(),
    }
    return [_line(n, n, f, SCENARIO_LINES) for n, f in formulas.items()]


def _scenario_lines(scenario: Scenario) -> list[Line]:
    ids = list(scenario.courses)
    growing = [c for c in ids if scenario.courses[c].growth is not None]

    def across(name: str, courses: list[str]) -> Expr:
        return _total([Ref(f"{c}.{name}") for c in courses])

    spread = Input(("implementation_spread_years",))
    formulas: dict[str, Expr] = {
        "online_efficiency": across("online_efficiency_saving", ids),
        "scheduling": across("scheduling_saving", ids),
        "offline_time_gain": across("offline_time_saving", ids),
        "referral": across("referral_saving", ids),
        "growth": across("growth_saving_per_year", growing),
        "savings": _total([Ref(name) for name in SAVINGS_LINES]),
        "implementation_total": Input(("implementation_hours",)) * Ref("hourly_wage_in_year"),
        "implementation_cost": If(
            YearNumber() <= spread, Ref("implementation_total") / spread, Num(0)
        ),
        "growth_courses_cost": across("growth_cost_per_year", growing),
    }
    return [_line(n, n, f, SCENARIO_LINES) for n, f in formulas.items()]


def _platform_cost_formulas(platform_id: str, scenario: Scenario) -> dict[str, Expr]:
    platform = scenario.platforms[platform_id]

    def p(name: str) -> Input:
        return Input(("platforms", platform_id, name))

    def r(name: str) -> Ref:
        return Ref(f"{platform_id}.{name}")

    if platform.average_of is not None:
        members = platform.average_of
        return {
            name: _total([Ref(f"{m}.{name}") for m in members]) / len(members)
            for name in COST_LINES
        }
    vat = 1 + Input(("vat_rate",))
    wage = Ref("hourly_wage_in_year")
    per_client = p("licence_clients") * p("licence_per_client") * vat
    spread = p("training_spread_years")
    return {
        "training_total": p("purchase_and_training")
        + p("trainer_days") * p("trainer_day_rate") * vat
        + p("staff_trained") * p("training_hours_per_staff") * wage,
        "development": If(
            equals(YearNumber(), p("development_year")), p("development_cost"), Num(0)
        ),
        "training": If(YearNumber() <= spread, r("training_total") / spread, Num(0)),
        "licence": (
            (RoundWhole(per_client) if platform.round_licence_to_euro else per_client)
            + p("licence_per_year")
        )
        * Ref("licence_index"),
        "hosting": p("hosting_per_year"),
        "other_recurring": p("other_recurring_per_year"),
        "one_off": p("one_off_costs"),
        "implementation": Ref("implementation_cost"),
        "growth_courses": Ref("growth_courses_cost"),
    }


def _platform_lines(platform_id: str, scenario: Scenario) -> list[Line]:
    def r(name: str) -> Ref:
        return Ref(f"{platform_id}.{name}")

    formulas = _platform_cost_formulas(platform_id, scenario)
    formulas["costs"] = _total([r(name) for name in COST_LINES])
    formulas["savings"] = Ref("savings")
    formulas["balance"] = r("savings") - r("costs")
    formulas["cumulative"] = RunningSum(r("balance"))
    formulas["discounted_balance"] = r("balance") * Ref("discount_factor")
    return [
        _line(f"{platform_id}.{n}", n, f, PLATFORM_LINES, platform=platform_id)
        for n, f in formulas.items()
    ]


def _line(
    key: str,
    name: str,
    formula: Expr,
    infos: dict[str, LineInfo],
    *,
    course: str | None = None,
    platform: str | None = None,
) -> Line:
    return Line(key, name, formula, infos[name], course=course, platform=platform)


def build_lines(scenario: Scenario) -> dict[str, Line]:
    """Every line of the scenario by key, each after the lines it reads (a valid order to
    compute or to write them)."""
    lines: list[Line] = _time_lines()
    for course_id in scenario.courses:
        lines += _course_lines(course_id, scenario)
    lines += _scenario_lines(scenario)
    plain = [p for p, platform in scenario.platforms.items() if platform.average_of is None]
    averages = [p for p in scenario.platforms if p not in plain]
    for platform_id in plain + averages:
        lines += _platform_lines(platform_id, scenario)
    return {line.key: line for line in lines}
