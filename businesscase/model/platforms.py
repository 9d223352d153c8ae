"""The lines of a platform scenario: its cost items, their total, and the results (balance,
cumulative balance, discounted balance). An average platform's items are the mean of its
members' items.

The price models of the interviews are all derived here, so a change of staff or wage flows
through: per institution and per account with a licence as a share of the purchase (Klik voor
Hulp), training by group, a fee per inhabitant plus staff hours per week (the Limburg
cooperative), and a licence per client that may follow the activities' volume."""

from __future__ import annotations

from businesscase.model.formula import (
    Expr,
    If,
    Num,
    Ref,
    RoundUp,
    RoundWhole,
    RunningSum,
    Sum,
    YearNumber,
    equals,
)
from businesscase.model.lines import FormulaRule, Kind, LineSpec, Nature, Scope, spec_of

FLOW, CASH, TIME, MIXED = Kind.FLOW, Nature.CASH, Nature.STAFF_TIME, Nature.MIXED


def _vat(s: Scope) -> Expr:
    return 1 + s.root("vat_rate")


def _spread(total: str) -> FormulaRule:
    """A total amount spread evenly over the training years from year 1."""

    def rule(s: Scope) -> Expr:
        years = s.input("training_spread_years")
        return If(YearNumber() <= years, s.line(total) / years, Num(0))

    return rule


def _licence(s: Scope) -> Expr:
    """Per client (VAT added, rounded to whole euros where the sheet does), a fixed licence, and
    from year 2 a share of the purchase; all indexed."""
    clients = Ref("platform_clients") if s.item.licence_clients_from_activities else None
    per_client = (clients or s.input("licence_clients")) * s.input("licence_per_client") * _vat(s)
    rounded = RoundWhole(per_client) if s.item.round_licence_to_euro else per_client
    from_purchase = If(
        YearNumber() >= 2,
        s.input("licence_share_of_purchase") * s.line("platform_purchase"),
        Num(0),
    )
    return (rounded + s.input("licence_per_year") + from_purchase) * Ref("licence_index")


DETAILS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "platform_purchase",
            "Purchase of the platform (institution and accounts)",
            "Aanschaf platform (instelling en accounts)",
            "EUR",
            Kind.AMOUNT,
            CASH,
            "detail",
            lambda s: (
                s.input("one_off_per_institution")
                + s.input("one_off_per_account") * s.input("accounts")
            ),
        ),
        spec_of(
            "training_cash_total",
            "Purchase, trainers and training groups, total",
            "Aanschaf, trainers en trainingsgroepen (totaal)",
            "EUR",
            Kind.AMOUNT,
            CASH,
            "detail",
            lambda s: (
                s.input("purchase_and_training")
                + s.line("platform_purchase")
                + s.input("trainer_days") * s.input("trainer_day_rate") * _vat(s)
                + RoundUp(s.input("staff_trained") / s.input("training_group_size"))
                * s.input("training_price_per_group")
            ),
        ),
        spec_of(
            "training_time_total",
            "Hours of the staff in training, total",
            "Uren van medewerkers in training (totaal)",
            "EUR",
            Kind.AMOUNT,
            TIME,
            "detail",
            lambda s: (
                s.input("staff_trained")
                * s.input("training_hours_per_staff")
                * Ref("hourly_wage_in_year")
            ),
        ),
        spec_of(
            "training_total",
            "Purchase, training and support, total",
            "Training/ondersteuning (totaal)",
            "EUR",
            Kind.AMOUNT,
            MIXED,
            "detail",
            adds=("training_cash_total", "training_time_total"),
        ),
    )
}
"""What a plain platform's purchase and training amount to, before they are spread."""

TRAINING_PARTS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "training_cash",
            "Purchase and training, paid",
            "Aanschaf en training, betaald",
            "EUR",
            FLOW,
            CASH,
            "detail",
            _spread("training_cash_total"),
        ),
        spec_of(
            "training_staff_time",
            "Training, hours of the staff",
            "Training, uren van medewerkers",
            "EUR",
            FLOW,
            TIME,
            "detail",
            _spread("training_time_total"),
        ),
    )
}
"""The yearly purchase and training cost, split into money paid and staff time."""

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
            adds=tuple(TRAINING_PARTS),
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
            "fees",
            "Fees per inhabitant",
            "Bijdrage per inwoner",
            "EUR",
            FLOW,
            CASH,
            "costs",
            lambda s: s.input("fee_per_inhabitant") * s.input("inhabitants"),
        ),
        spec_of(
            "platform_hours",
            "Staff hours for the platform",
            "Uren voor het platform",
            "EUR",
            FLOW,
            TIME,
            "costs",
            lambda s: (
                s.input("hours_per_week") * s.input("weeks_per_year") * Ref("hourly_wage_in_year")
            ),
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

CASH_AND_HOURS: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "cash_costs",
            "Costs paid in money",
            "Kosten in geld",
            "EUR",
            FLOW,
            CASH,
            "cash",
            parts="every cost item paid in money",
        ),
        spec_of(
            "cash_savings",
            "Savings in money",
            "Besparingen in geld",
            "EUR",
            FLOW,
            CASH,
            "cash",
            lambda s: Ref("cashable_saving") + Ref("revenue_effect"),
        ),
        spec_of(
            "cash_balance",
            "Balance in money",
            "Saldo in geld",
            "EUR",
            FLOW,
            CASH,
            "cash",
            lambda s: s.line("cash_savings") - s.line("cash_costs"),
        ),
        spec_of(
            "cash_cumulative",
            "Cumulative balance in money",
            "Cumulatief saldo in geld",
            "EUR",
            Kind.STOCK,
            CASH,
            "cash",
            lambda s: RunningSum(s.line("cash_balance")),
        ),
        spec_of(
            "staff_time_costs",
            "Costs in staff time",
            "Kosten in uren van medewerkers",
            "EUR",
            FLOW,
            TIME,
            "staff_hours",
            parts="every cost item in staff time",
        ),
        spec_of(
            "hours_freed",
            "Staff hours freed",
            "Vrijgekomen uren",
            "h",
            FLOW,
            Nature.QUANTITY,
            "staff_hours",
            lambda s: Ref("hours_freed"),
        ),
        spec_of(
            "hours_spent",
            "Staff hours spent",
            "Bestede uren",
            "h",
            FLOW,
            Nature.QUANTITY,
            "staff_hours",
            lambda s: s.line("staff_time_costs") / Ref("hourly_wage_in_year"),
        ),
        spec_of(
            "hours_net",
            "Staff hours, net",
            "Uren per saldo",
            "h",
            FLOW,
            Nature.QUANTITY,
            "staff_hours",
            lambda s: s.line("hours_freed") - s.line("hours_spent"),
        ),
        spec_of(
            "fte_net",
            "Staff, net, in FTE",
            "Formatie per saldo (fte)",
            "FTE",
            FLOW,
            Nature.QUANTITY,
            "staff_hours",
            lambda s: s.line("hours_net") / s.root("hours_per_fte"),
        ),
    )
}
"""Per platform scenario, the money apart from the staff time: costs paid in money against
savings in money, and staff hours freed against staff hours spent. `cash_costs` and
`staff_time_costs` add the cost items of their nature (the catalogue lists them)."""

PARTIES: dict[str, LineSpec] = {
    spec.name: spec
    for spec in (
        spec_of(
            "funder_gain",
            "What the funder gains (pays less, or is repaid)",
            "Wat de financier wint (betaalt minder, of krijgt terug)",
            "EUR",
            FLOW,
            CASH,
            "parties",
            lambda s: Num(0) - Ref("revenue_effect"),
        ),
    )
}
"""Who gains besides the organisation: the funder's side of the revenue effect. (The
organisation's money and capacity, and the clients' hours, are lines of their own.)"""

RESULT_LINES = ("savings", "costs", "balance", "cumulative")
"""The results every view shows, in the order it shows them."""


def average_item(spec: LineSpec, members: list[str]) -> LineSpec:
    """The item of an average platform: the mean of the members' item (a total that adds
    named parts keeps adding them, as they are averages themselves)."""
    if spec.adds:
        return spec
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
