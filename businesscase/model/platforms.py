"""The lines of a platform scenario: its cost items, their total, and the results (balance,
cumulative balance, discounted balance). An average platform's items are the mean of its
members' items."""

from __future__ import annotations

from businesscase.model.formula import (
    Expr,
    If,
    Num,
    Ref,
    RoundWhole,
    RunningSum,
    Sum,
    YearNumber,
    equals,
)
from businesscase.model.lines import Kind, LineSpec, Nature, Scope, spec_of

FLOW, CASH, TIME, MIXED = Kind.FLOW, Nature.CASH, Nature.STAFF_TIME, Nature.MIXED


def _vat(s: Scope) -> Expr:
    return 1 + s.root("vat_rate")


def _licence(s: Scope) -> Expr:
    per_client = s.input("licence_clients") * s.input("licence_per_client") * _vat(s)
    rounded = RoundWhole(per_client) if s.item.round_licence_to_euro else per_client
    return (rounded + s.input("licence_per_year")) * Ref("licence_index")


TRAINING_TOTAL = spec_of(
    "training_total",
    "Purchase, training and support, total",
    "Training/ondersteuning (totaal)",
    "EUR",
    Kind.AMOUNT,
    MIXED,
    "detail",
    lambda s: (
        s.input("purchase_and_training")
        + s.input("trainer_days") * s.input("trainer_day_rate") * _vat(s)
        + s.input("staff_trained")
        * s.input("training_hours_per_staff")
        * Ref("hourly_wage_in_year")
    ),
)
"""Purchase and trainer days (cash) and the trained staff's hours (staff time)."""

OWN_COSTS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "development",
            "Development",
            "Ontwikkelkosten",
            "EUR",
            FLOW,
            CASH,
            "costs",
            lambda s: If(
                equals(YearNumber(), s.input("development_year")),
                s.input("development_cost"),
                Num(0),
            ),
        ),
        spec_of(
            "training",
            "Purchase, training and support",
            "Aanschaf, training en ondersteuning",
            "EUR",
            FLOW,
            MIXED,
            "costs",
            lambda s: If(
                YearNumber() <= s.input("training_spread_years"),
                s.line("training_total") / s.input("training_spread_years"),
                Num(0),
            ),
        ),
        spec_of("licence", "Licence", "Licentiekosten", "EUR", FLOW, CASH, "costs", _licence),
        spec_of(
            "hosting",
            "Hosting",
            "Hosting",
            "EUR",
            FLOW,
            CASH,
            "costs",
            lambda s: s.input("hosting_per_year"),
        ),
        spec_of(
            "other_recurring",
            "Other recurring costs",
            "Overige terugkerende kosten",
            "EUR",
            FLOW,
            CASH,
            "costs",
            lambda s: s.input("other_recurring_per_year"),
        ),
        spec_of(
            "one_off",
            "Other one-off costs",
            "Overige eenmalige kosten",
            "EUR",
            FLOW,
            CASH,
            "costs",
            lambda s: s.input("one_off_costs"),
        ),
        spec_of(
            "implementation",
            "Implementation",
            "Implementatie en doorontwikkeling",
            "EUR",
            FLOW,
            TIME,
            "costs",
            lambda s: Ref("implementation_cost"),
        ),
    )
}
"""The cost items a platform scenario has of its own (or shares with all: implementation)."""


RESULTS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "savings",
            "Savings",
            "Besparingen",
            "EUR",
            FLOW,
            TIME,
            "result",
            lambda s: Ref("savings"),
        ),
        spec_of(
            "balance",
            "Balance",
            "Saldo",
            "EUR",
            FLOW,
            MIXED,
            "result",
            lambda s: s.line("savings") - s.line("costs"),
        ),
        spec_of(
            "cumulative",
            "Cumulative balance",
            "Cumulatief",
            "EUR",
            Kind.STOCK,
            MIXED,
            "result",
            lambda s: RunningSum(s.line("balance")),
        ),
        spec_of(
            "discounted_balance",
            "Discounted balance",
            "Contante waarde saldo",
            "EUR",
            FLOW,
            MIXED,
            "result",
            lambda s: s.line("balance") * Ref("discount_factor"),
        ),
    )
}
"""The results of a platform scenario, after `costs` (declared in the catalogue, where every
kind of activity has added its cost items)."""

RESULT_LINES = ("savings", "costs", "balance", "cumulative")
"""The results every view shows, in the order it shows them."""


def average_item(spec: LineSpec, members: list[str]) -> LineSpec:
    """The item of an average platform: the mean of the members' item."""
    return spec_of(
        spec.name,
        spec.label,
        spec.label_nl,
        spec.unit,
        spec.kind,
        spec.nature,
        spec.section,
        lambda s: Sum(tuple(f"{m}.{spec.name}" for m in members)) / len(members),
    )
