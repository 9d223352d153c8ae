"""The organisation's own lines: money over time (indexation, discounting) and the
implementation, which every platform scenario shares."""

from __future__ import annotations

from businesscase.model.formula import If, Input, Num, Ref, YearNumber
from businesscase.model.lines import Kind, LineSpec, Nature, spec_of

_SINCE_YEAR_1 = YearNumber() - 1

TIME_LINES: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "wage_index",
            "Wage index",
            "Loonindex",
            "factor",
            Kind.RATE,
            Nature.QUANTITY,
            "money_over_time",
            lambda s: (1 + Input(("wage_indexation",))) ** _SINCE_YEAR_1,
        ),
        spec_of(
            "hourly_wage_in_year",
            "Hourly wage in the year",
            "Uurloon in het jaar",
            "EUR/h",
            Kind.RATE,
            Nature.QUANTITY,
            "money_over_time",
            lambda s: Input(("hourly_wage",)) * Ref("wage_index"),
        ),
        spec_of(
            "licence_index",
            "Licence price index",
            "Index licentieprijs",
            "factor",
            Kind.RATE,
            Nature.QUANTITY,
            "money_over_time",
            lambda s: (1 + Input(("licence_indexation",))) ** _SINCE_YEAR_1,
        ),
        spec_of(
            "discount_factor",
            "Discount factor",
            "Disconteringsfactor",
            "factor",
            Kind.RATE,
            Nature.QUANTITY,
            "money_over_time",
            lambda s: 1 / (1 + Input(("discount_rate",))) ** YearNumber(),
        ),
    )
}
"""Money over time: indexation of wages and licences, and discounting; all 1 at zero rates."""

IMPLEMENTATION_LINES: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "implementation_total",
            "Implementation and further development, total",
            "Implementatiekosten (totaal)",
            "EUR",
            Kind.AMOUNT,
            Nature.STAFF_TIME,
            "shared_costs",
            lambda s: Input(("implementation_hours",)) * Ref("hourly_wage_in_year"),
        ),
        spec_of(
            "implementation_cost",
            "Implementation, per year",
            "Implementatie (per jaar)",
            "EUR",
            Kind.FLOW,
            Nature.STAFF_TIME,
            "shared_costs",
            lambda s: If(
                YearNumber() <= Input(("implementation_spread_years",)),
                Ref("implementation_total") / Input(("implementation_spread_years",)),
                Num(0),
            ),
        ),
    )
}
"""The internal hours of implementation, spread over years; a cost of every platform."""
