"""Break-even targets: the value of a parameter at which a platform scenario breaks even by a
chosen year (its cumulative balance reaches zero in that year or before), or the report that
no value within the bounds does.

An answer is a value that can be written back into the scenario and keeps its promise. Only
values the parameter can be written as are tried: whole numbers for a year, a count or a group
size, hundredths of a percent for a percentage, cents (hundredths) otherwise, within the bounds
and within the parameter's domain. The search is a grid over those values refined by bisection
to two neighbouring values, one that breaks even by the year and one that does not; the answer
is the one that does ("at least 10", "at most 2,913.80"), and it is checked once more by putting
it back into the scenario as `--set` would, and evaluating that scenario.

Refusals (a parameter that is not one, or has values by year; an unknown platform; a year
outside the horizon; bounds that are not finite, not ordered or outside the parameter's domain)
raise GoalSeekError, a ScenarioError whose `refusals` name the input each problem is about, so
that the command line can name its options and the app its fields. Refusals and answers are
`Wording`s: English as text, Dutch with `text_in(answer.message, "nl")`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import reduce
from typing import Any, Literal

import numpy as np

from businesscase.engine import evaluate
from businesscase.model import measures
from businesscase.model.domain import Domain, domain_at
from businesscase.model.errors import KeyPath, Problem, ScenarioError, dotted
from businesscase.model.parameters import MAX_HORIZON, Param, Scenario
from businesscase.model.schema import value_at
from businesscase.model.units import unit_text
from businesscase.model.wording import Wording, joined, numeral, say
from businesscase.scenario.loading import validate_data

GRID = 401
"""Values tried at once before bisecting between the two that straddle the target."""

Input = Literal["parameter", "platform", "by_year", "low", "high"]
"""The inputs of a goal seek that a refusal can be about."""

Side = Literal["at least", "at most"]


class GoalSeekError(ScenarioError):
    """Goal seek refused its question. Each problem is paired with the input it is about: a
    problem about a parameter carries its key path, the others the input's name."""

    def __init__(self, refusals: list[tuple[Input, Problem]]) -> None:
        self.refusals = refusals
        super().__init__([problem for _, problem in refusals])


def _refusal(about: Input, message: Wording, path: KeyPath | None = None) -> tuple[Input, Problem]:
    return about, Problem(message, path if path is not None else (about,))


_NOT_MOVABLE = Wording(
    "is not a parameter that goal seek can move",
    "is geen parameter die doelzoeken kan verschuiven",
)


@dataclass(frozen=True)
class GoalSeek:
    """The answer to "which value of these parameters breaks even by year Y?"."""

    paths: tuple[KeyPath, ...]
    platform: str
    by_year: int
    lower: float
    upper: float
    current: float
    """The value in year 1 of the first parameter."""
    value: float | None
    """The value nearest to the current one at which break-even by the year is just reached,
    on the step of `step`: put back into the scenario, it breaks even by the year."""
    best_cumulative: float
    """The best cumulative balance by the year at `value` (within the bounds, if no value)."""
    message: str
    """The answer in a sentence, a `Wording` (English and Dutch)."""
    side: Side | None = None
    """Which values beyond `value` also break even: "at least" (it and the next above) or
    "at most" (it and the next below); the next value on the other side does not."""
    step: float = 0.0
    """The step of the values tried: 1 for whole numbers, 0.0001 (0.01%), else 0.01."""
    neighbour: float | None = None
    """The next value on the side that does not break even by the year (`value` -/+ `step`)."""
    neighbour_cumulative: float | None = None
    """The best cumulative balance by the year at `neighbour`: below zero."""


def parameter_at(scenario: Scenario, path: KeyPath) -> Param:
    """The parameter at a key path; anything else is refused (GoalSeekError)."""
    node = value_at(scenario, path)
    if not isinstance(node, Param):
        raise GoalSeekError([_refusal("parameter", _NOT_MOVABLE, path)])
    return node


def domain_of(paths: tuple[KeyPath, ...]) -> Domain:
    """The values every parameter at `paths` can take (they are moved together)."""
    return reduce(Domain.both, (domain_at(path) for path in paths))


def default_bounds(scenario: Scenario, paths: tuple[KeyPath, ...]) -> tuple[float, float]:
    """Where goal seek looks when not told: the first parameter's range if it has one; else its
    whole domain for a percentage; else from its lowest possible value (0 or more) to ten times
    its largest value (at least 100), capped by its domain. Either end the scenario would refuse
    across keys (a year beyond the horizon) is moved in to the last value it accepts."""
    param = parameter_at(scenario, paths[0])
    domain = domain_of(paths)
    current = float(param.per_year(scenario.horizon_years)[0])
    if param.has_range:
        lowest, highest = float(param.low), float(param.high)  # type: ignore[arg-type]
    else:
        lowest = max(domain.lowest, 0.0)
        if lowest == domain.lowest and not domain.lowest_included:
            lowest += domain.step
        if domain.percentage:
            highest = min(domain.highest, 1.0)
        else:
            largest = float(np.max(param.per_year(MAX_HORIZON)))
            highest = min(domain.highest, max(10 * largest, 100.0))
    inner = min(max(current, lowest), highest)
    return (
        _accepted(scenario, paths, lowest, inner, domain.step),
        _accepted(scenario, paths, highest, inner, domain.step),
    )


def _accepts(scenario: Scenario, paths: tuple[KeyPath, ...], value: float) -> bool:
    try:
        put_back(scenario, paths, value)
    except ScenarioError:
        return False
    return True


def _accepted(
    scenario: Scenario, paths: tuple[KeyPath, ...], bound: float, inner: float, step: float
) -> float:
    """The bound if the scenario accepts it as the parameters' value, else the value nearest to
    it, towards `inner`, that it accepts (what it accepts is one interval)."""
    if _accepts(scenario, paths, bound) or not _accepts(scenario, paths, inner):
        return bound
    refused, accepted = round(bound / step), round(inner / step)
    while abs(refused - accepted) > 1:
        middle = (refused + accepted) // 2
        if _accepts(scenario, paths, middle * step):
            accepted = middle
        else:
            refused = middle
    return round(accepted * step, 10)


def put_back(scenario: Scenario, paths: tuple[KeyPath, ...], value: float) -> Scenario:
    """The scenario with each parameter at `paths` replaced by `value` in every year, validated
    as `--set path=value` is (each value on its own, then across keys): ScenarioError if the
    scenario refuses it."""
    data: dict[Any, Any] = scenario.model_dump(exclude_unset=True)
    for path in paths:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return validate_data(data, {}, []).scenario


def _best_by_year(
    scenario: Scenario, paths: tuple[KeyPath, ...], values: np.ndarray, platform: str, by_year: int
) -> np.ndarray:
    """For each candidate value, the highest cumulative balance in years 1..by_year."""
    column = values.reshape(-1, 1)
    results = evaluate(scenario, {path: column for path in paths})
    cumulative = np.broadcast_to(
        results.platform_line(platform, "cumulative"), (values.size, scenario.horizon_years)
    )
    return measures.best_cumulative_by_year(cumulative, by_year)


def _check_question(
    scenario: Scenario,
    paths: tuple[KeyPath, ...],
    platform: str,
    by_year: int,
    bounds: tuple[float, float],
    every_year: bool,
) -> Domain:
    """Refuse what cannot be answered (GoalSeekError with every problem); the domain else."""
    refusals: list[tuple[Input, Problem]] = []
    for path in paths:
        node = value_at(scenario, path)
        if not isinstance(node, Param):
            refusals.append(_refusal("parameter", _NOT_MOVABLE, path))
        elif node.by_year is not None and not every_year:
            refusals.append(
                _refusal(
                    "parameter",
                    say(
                        "has values by year ({written}); goal seek moves one value for every "
                        "year, so give it one value first",
                        "heeft waarden per jaar (`{written}`); doelzoeken verschuift één waarde "
                        "voor elk jaar, geef de parameter dus eerst één waarde",
                        written=node.describe(),
                    ),
                    path,
                )
            )
    if platform not in scenario.platforms:
        refusals.append(
            _refusal(
                "platform",
                say(
                    "unknown platform; expected one of {known}",
                    "onbekend platform; mogelijk zijn: {known}",
                    known=", ".join(scenario.platforms),
                ),
            )
        )
    if not 1 <= by_year <= scenario.horizon_years:
        refusals.append(
            _refusal(
                "by_year",
                say(
                    "must be a year from 1 to {last}",
                    "moet een jaar van 1 tot en met {last} zijn",
                    last=scenario.horizon_years,
                ),
            )
        )
    if any(about == "parameter" for about, _ in refusals):
        raise GoalSeekError(refusals)  # the bounds are those of the parameters
    domain = domain_of(paths)
    names = ", ".join(dotted(p) for p in paths)
    for about, bound in (("low", bounds[0]), ("high", bounds[1])):
        reason = domain.refusal(bound)
        if reason is None:
            try:
                put_back(scenario, paths, bound)
            except ScenarioError as error:
                reason = joined([problem.message for problem in error.problems], "; ", "; ")
        if reason is not None:
            refusals.append(
                _refusal(
                    about,  # type: ignore[arg-type]
                    say(
                        "{bound} is not a possible value of {names}: {reason}",
                        "{bound} is geen mogelijke waarde van {names}: {reason}",
                        bound=numeral(domain.exact(bound)),
                        names=names,
                        reason=reason,
                    ),
                )
            )
    lower, upper = bounds
    bad_bounds = any(about in ("low", "high") for about, _ in refusals)
    if not bad_bounds and not lower < upper:
        refusals.append(
            _refusal(
                "low",
                say(
                    "the bounds must have low < high (got {lower:g}, {upper:g})",
                    "de ondergrens moet onder de bovengrens liggen (gegeven: {lower:g}, {upper:g})",
                    lower=lower,
                    upper=upper,
                ),
            )
        )
    if (
        not bad_bounds
        and lower < upper
        and math.ceil(lower / domain.step - 1e-6) > (upper / domain.step + 1e-6)
    ):
        refusals.append(
            _refusal(
                "low",
                say(
                    "no value of {names} to the step of {step} lies between {lower} and {upper}",
                    "geen waarde van {names} in stappen van {step} ligt tussen {lower} en {upper}",
                    names=names,
                    step=numeral(domain.shown(domain.step)),
                    lower=numeral(domain.exact(lower)),
                    upper=numeral(domain.exact(upper)),
                ),
            )
        )
    if refusals:
        raise GoalSeekError(refusals)
    return domain


def solve(
    scenario: Scenario,
    paths: tuple[KeyPath, ...],
    platform: str,
    by_year: int,
    bounds: tuple[float, float],
    *,
    every_year: bool = False,
) -> GoalSeek:
    """The value (the same for every path and every year) nearest to the current value at which
    the platform breaks even by `by_year`, on the step of values the parameter is written in,
    within `bounds`; refused (GoalSeekError) if the question cannot be answered.

    A parameter with values by year is refused, unless `every_year` (the app, which says that
    the answer is one value for every year): then it is moved as one value for every year."""
    domain = _check_question(scenario, paths, platform, by_year, bounds, every_year)
    lower, upper = bounds
    step, places = domain.step, domain.places
    first = parameter_at(scenario, paths[0])
    current = float(first.per_year(scenario.horizon_years)[0])
    now = first.describe() if first.by_year is not None else numeral(domain.shown(current))
    names = ", ".join(dotted(p) for p in paths)

    def value(k: int) -> float:
        return round(k * step, places)

    def best(ks: np.ndarray) -> np.ndarray:
        values = np.array([value(int(k)) for k in ks])
        return _best_by_year(scenario, paths, values, platform, by_year)

    def answer(found: float | None, cumulative: float, message: Wording, **more: Any) -> GoalSeek:
        return GoalSeek(
            paths,
            platform,
            by_year,
            lower,
            upper,
            current,
            found,
            cumulative,
            message,
            step=step,
            **more,
        )

    k_low = math.ceil(lower / step - 1e-6)
    k_high = math.floor(upper / step + 1e-6)
    ks = np.unique(np.round(np.linspace(k_low, k_high, GRID)).astype(np.int64))
    grid = best(ks)
    feasible = measures.breaks_even(grid)
    between = say(
        "between {lower} and {upper}",
        "tussen {lower} en {upper}",
        lower=numeral(domain.plain(value(k_low))),
        upper=numeral(domain.plain(value(k_high))),
    )
    if not feasible.any():
        return answer(
            None,
            float(grid.max()),
            say(
                "no value of {names} {between} makes {platform} break even by year {year}; "
                "the best cumulative balance by then is {best:,.2f}",
                "geen waarde van {names} {between} laat {platform} uiterlijk in jaar {year} "
                "terugverdienen; het beste cumulatieve saldo tot dan is {best:,.2f}",
                names=names,
                between=between,
                platform=platform,
                year=by_year,
                best=float(grid.max()),
            ),
        )
    if feasible.all():
        return answer(
            None,
            float(grid.min()),
            say(
                "{platform} breaks even by year {year} for every value of {names} {between}",
                "{platform} verdient zich uiterlijk in jaar {year} terug bij elke waarde van "
                "{names} {between}",
                platform=platform,
                year=by_year,
                names=names,
                between=between,
            ),
        )
    flips = np.flatnonzero(feasible[1:] != feasible[:-1])
    nearest = flips[np.argmin(np.abs(ks[flips] * step - current))]
    inside, outside = (
        (int(ks[nearest + 1]), int(ks[nearest]))
        if feasible[nearest + 1]
        else (int(ks[nearest]), int(ks[nearest + 1]))
    )
    while abs(inside - outside) > 1:
        middle = (inside + outside) // 2
        if measures.breaks_even(best(np.array([middle])))[0]:
            inside = middle
        else:
            outside = middle
    found = value(inside)
    checked = _best_by_year(put_back(scenario, paths, found), (), np.zeros(1), platform, by_year)
    reached, missed = float(checked[0]), float(best(np.array([outside]))[0])
    if reached < 0:  # the engine with the value as an input and the scenario with it disagree
        raise RuntimeError(f"goal seek: {names} = {found} does not break even when put back")
    side: Side = "at least" if inside > outside else "at most"
    return answer(
        found,
        reached,
        say(
            "{platform} breaks even by year {year} when {names} is {side} {found} (now {now}); "
            "its cumulative balance by year {year} is then {reached:,.2f} (at {outside}: "
            "{missed:,.2f})",
            "{platform} verdient zich uiterlijk in jaar {year} terug als {names} {side} {found} "
            "is (nu {now}); het cumulatieve saldo tot en met jaar {year} is dan {reached:,.2f} "
            "(bij {outside}: {missed:,.2f})",
            platform=platform,
            year=by_year,
            names=names,
            side=_SIDES[side],
            found=_with_unit(found, domain),
            now=now,
            reached=reached,
            outside=_with_unit(value(outside), domain),
            missed=missed,
        ),
        side=side,
        neighbour=value(outside),
        neighbour_cumulative=missed,
    )


_SIDES: dict[Side, Wording] = {
    "at least": Wording("at least", "minstens"),
    "at most": Wording("at most", "hoogstens"),
}


def _with_unit(value: float, domain: Domain) -> Wording:
    """`10 groups`, `60.24%`, `2,913.80 EUR/year`, `year 2` (`10 groepen`, `60,24%`,
    `2.913,80 €/jaar`, `jaar 2`)."""
    shown = numeral(domain.shown(value))
    if domain.percentage or not domain.unit:
        return shown
    if domain.unit == "year":
        return say("year {shown}", "jaar {shown}", shown=shown)
    return say(
        "{shown} {unit}",
        "{shown} {unit}",
        shown=shown,
        unit=Wording(domain.unit, unit_text(domain.unit, "nl")),
    )
