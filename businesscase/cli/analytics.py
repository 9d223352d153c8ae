"""The decision-analytics commands: `simulate`, `sensitivity` and `solve`.

The analytics refuse bad questions in their own words (GoalSeekError, RunRefused); this layer
names the options they came from (`--platform`, `--by-year`, `--low`, `--high`, `--draws`),
and the command line exits with code 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager

from businesscase.analytics.goal_seek import GoalSeekError, Input, default_bounds, solve
from businesscase.analytics.sensitivity import (
    check_share_draws,
    share_draws_needed,
    tornado,
    variance_shares,
)
from businesscase.analytics.simulation import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    RunRefused,
    Simulation,
    simulate,
)
from businesscase.cli.options import add_set, draws_argument, seed_argument
from businesscase.cli.tables import (
    console_for_output,
    figure_table,
    plain,
    print_figures,
    year_columns,
)
from businesscase.model.errors import Problem, ScenarioError, dotted
from businesscase.report.inventory import parameter_entries
from businesscase.report.tidy import cents, to_cents
from businesscase.scenario.loading import LoadedScenario, load_scenario


def _labels(loaded: LoadedScenario) -> dict[str, tuple[str, str]]:
    """Label and unit of every input, by key."""
    return {entry.key: (entry.label, entry.unit) for entry in parameter_entries(loaded)}


OPTIONS: dict[Input, str] = {
    "platform": "--platform",
    "by_year": "--by-year",
    "low": "--low",
    "high": "--high",
}
"""The option of `solve` that each input of a goal seek comes from."""


@contextmanager
def refusals_named(command: str) -> Iterator[None]:
    """Re-raise the analytics' refusals with the options they came from: a goal seek's
    `--platform: unknown platform ...`, a run's `--draws: ...`."""
    try:
        yield
    except GoalSeekError as error:
        raise ScenarioError(
            [
                Problem(problem.message, problem.path, "--param")
                if about == "parameter"
                else Problem(problem.message, (OPTIONS[about],), command)
                for about, problem in error.refusals
            ]
        ) from None
    except RunRefused as error:
        raise ScenarioError([Problem(error.message, ("--draws",), command)]) from None


def _value(value: float, unit: str) -> str:
    return f"{value:.0%}" if unit == "%" else f"{value:,.10g}"


def simulation_json(simulation: Simulation) -> dict[str, object]:
    """The simulation summary as one JSON-ready object (money rounded to the cent); the shares
    of variance are null for a run with too few draws to rank the parameters by them."""
    ranked = simulation.draws >= share_draws_needed(len(simulation.parameters))

    def shares(platform: str) -> dict[str, float] | None:
        if not ranked:
            return None
        return {dotted(p): float(s) for p, s in variance_shares(simulation, platform).items()}

    first, last = simulation.total_years
    platforms = {}
    for platform, outcome in simulation.platforms.items():
        p10, p50, p90 = outcome.cumulative_quantiles()
        balance = outcome.balance_quantiles()
        platforms[platform] = {
            "cumulative_p10": cents(p10),
            "cumulative_p50": cents(p50),
            "cumulative_p90": cents(p90),
            "break_even_probability": [float(v) for v in outcome.break_even_probability()],
            f"balance_{first}_{last}": {
                "p10": to_cents(balance[0]),
                "p50": to_cents(balance[1]),
                "p90": to_cents(balance[2]),
                "mean": to_cents(float(outcome.balance_total.mean())),
            },
            "variance_shares": shares(platform),
        }
    return {
        "scenario": simulation.scenario.name,
        "draws": simulation.draws,
        "seed": simulation.seed,
        "years": [int(y) for y in simulation.years],
        "ranged_parameters": [dotted(p) for p in simulation.parameters],
        "platforms": platforms,
    }


def cmd_simulate(args: argparse.Namespace) -> int:
    loaded = load_scenario(args.file, args.set)
    with refusals_named("simulate"):
        simulation = simulate(loaded.scenario, args.draws, args.seed)
    if args.json:
        print(json.dumps(simulation_json(simulation), indent=1))
        return 0
    console = console_for_output()
    console.print(
        plain(
            (loaded.scenario.name, "bold"),
            f": Monte Carlo, {args.draws:,} draws, seed {args.seed}, "
            f"{len(simulation.parameters)} ranged parameters",
        )
    )
    if not simulation.parameters:
        console.print("No parameter has a range: every draw equals the case as written.")
    first, last = simulation.total_years
    for platform, outcome in simulation.platforms.items():
        table = figure_table(
            loaded.scenario.platforms[platform].name,
            "cumulative balance",
            year_columns(simulation.years),
        )
        for name, row in zip(("P10", "P50", "P90"), outcome.cumulative_quantiles(), strict=True):
            table.add_row(name, *(f"{to_cents(v):,.2f}" for v in row))
        table.add_row(
            "P(break-even by then)",
            *(f"{p:.1%}" for p in outcome.break_even_probability()),
            style="bold",
        )
        print_figures(console, table)
        p10, p50, p90 = outcome.balance_quantiles()
        console.print(
            f"  balance years {first}-{last}: P10 {p10:,.2f}, P50 {p50:,.2f}, P90 {p90:,.2f}\n"
        )
    return 0


def cmd_sensitivity(args: argparse.Namespace) -> int:
    loaded = load_scenario(args.file, args.set)
    with refusals_named("sensitivity"):
        check_share_draws(loaded.scenario, args.draws)
        simulation = simulate(loaded.scenario, args.draws, args.seed)
    charts = tornado(loaded.scenario)
    labels = _labels(loaded)
    if args.json:
        print(
            json.dumps(
                {
                    platform: {
                        "base_balance": to_cents(chart.base_balance),
                        "total_years": list(chart.total_years),
                        "tornado": [
                            {
                                "parameter": dotted(bar.path),
                                "low": bar.low,
                                "high": bar.high,
                                "balance_at_low": to_cents(bar.balance_at_low),
                                "balance_at_high": to_cents(bar.balance_at_high),
                                "swing": to_cents(bar.swing),
                            }
                            for bar in chart.bars
                        ],
                        "variance_shares": {
                            dotted(p): float(s)
                            for p, s in variance_shares(simulation, platform).items()
                        },
                    }
                    for platform, chart in charts.items()
                },
                indent=1,
            )
        )
        return 0
    console = console_for_output()
    if not any(chart.bars for chart in charts.values()):
        console.print("No parameter has a range: give low and high to the estimates to test.")
        return 0
    for platform, chart in charts.items():
        first, last = chart.total_years
        shares = variance_shares(simulation, platform)
        table = figure_table(
            f"{loaded.scenario.platforms[platform].name}: balance years {first}-{last} is "
            f"{chart.base_balance:,.2f} at the values as written",
            "parameter",
            ["low", "high", "balance at low", "balance at high", "swing", "share of variance"],
        )
        for bar in chart.bars:
            key = dotted(bar.path)
            label, unit = labels.get(key, ("", ""))
            table.add_row(
                f"{key} ({label})",
                _value(bar.low, unit),
                _value(bar.high, unit),
                f"{bar.balance_at_low:,.2f}",
                f"{bar.balance_at_high:,.2f}",
                f"{bar.swing:,.2f}",
                f"{shares.get(bar.path, 0.0):.1%}",
            )
        print_figures(console, table)
    console.print(
        plain(
            (
                f"Shares of variance from {args.draws:,} draws (seed {args.seed}), "
                "by squared standardised regression coefficients.",
                "dim",
            )
        )
    )
    return 0


def cmd_solve(args: argparse.Namespace) -> int:
    loaded = load_scenario(args.file, args.set)
    entries = {entry.key: entry for entry in parameter_entries(loaded)}
    paths = []
    for key in args.param:
        if key not in entries:
            raise ScenarioError([Problem("no such parameter in this scenario", (key,), "--param")])
        paths.append(entries[key].path)
    with refusals_named("solve"):
        low, high = default_bounds(loaded.scenario, tuple(paths))
        bounds = (
            args.low if args.low is not None else low,
            args.high if args.high is not None else high,
        )
        answer = solve(loaded.scenario, tuple(paths), args.platform, args.by_year, bounds)
    if args.json:
        print(
            json.dumps(
                {
                    "parameters": [dotted(p) for p in answer.paths],
                    "platform": answer.platform,
                    "by_year": answer.by_year,
                    "lower": answer.lower,
                    "upper": answer.upper,
                    "current": answer.current,
                    "value": answer.value,
                    "side": answer.side,
                    "best_cumulative": to_cents(answer.best_cumulative),
                    "neighbour": answer.neighbour,
                    "neighbour_cumulative": (
                        None
                        if answer.neighbour_cumulative is None
                        else to_cents(answer.neighbour_cumulative)
                    ),
                    "message": answer.message,
                },
                indent=1,
            )
        )
    else:
        print(answer.message)
    return 0


def add_analytics_commands(commands: argparse._SubParsersAction) -> None:
    """Register `simulate`, `sensitivity` and `solve` on the `businesscase` command."""
    for name, handler, text in (
        ("simulate", cmd_simulate, "Monte Carlo over the ranged parameters"),
        ("sensitivity", cmd_sensitivity, "tornado and shares of variance"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("file", metavar="FILE")
        command.add_argument(
            "--draws",
            type=draws_argument,
            default=DEFAULT_DRAWS,
            help=f"number of draws ({DEFAULT_DRAWS:,})",
        )
        command.add_argument(
            "--seed", type=seed_argument, default=DEFAULT_SEED, help=f"random seed ({DEFAULT_SEED})"
        )
        command.add_argument("--json", action="store_true", help="print one JSON object")
        add_set(command)
        command.set_defaults(handler=handler)

    goal = commands.add_parser("solve", help="the value that breaks even by a chosen year")
    goal.add_argument("file", metavar="FILE")
    goal.add_argument(
        "--param",
        action="append",
        required=True,
        metavar="PATH",
        help="the parameter to move (repeat to move several together)",
    )
    goal.add_argument("--platform", required=True, metavar="ID")
    goal.add_argument("--by-year", type=int, required=True, metavar="Y")
    goal.add_argument(
        "--low", type=float, help="lowest value to consider (a fraction for a percentage)"
    )
    goal.add_argument(
        "--high", type=float, help="highest value to consider (a fraction for a percentage)"
    )
    goal.add_argument("--json", action="store_true", help="print one JSON object")
    add_set(goal)
    goal.set_defaults(handler=cmd_solve)
