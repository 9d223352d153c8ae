"""Monte Carlo: the whole model over N draws of its ranged parameters at once (numpy, no
Python loop over draws), summarised per platform scenario as decision makers read it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from businesscase.analytics.uncertainty import draw_inputs
from businesscase.engine import line_values, ranged_parameters
from businesscase.model import measures
from businesscase.model.catalogue import build_lines
from businesscase.model.errors import KeyPath, Problem, ScenarioError
from businesscase.model.parameters import Scenario

QUANTILES = (0.1, 0.5, 0.9)
DEFAULT_DRAWS = 10_000
"""Draws of a run when none are asked for: P10-P90 stable to well under 1% of the balance."""
DEFAULT_SEED = 1
"""Seed of a run when none is given, so the same file gives the same figures."""
MAX_DRAWS = 2_000_000
"""More draws than any decision needs; bounds the time of a run."""
MEMORY_BUDGET = 2**30
"""Bytes of per-draw figures a run may keep (1 GiB): for every draw, the cumulative balance of
every platform scenario in every year, its balance over the widest total, and the draw of every
ranged parameter. A run that would keep more is refused before anything is drawn; the run's
other memory is one chunk of evaluation (CHUNK_FIGURES) and a quantile's copy of one array."""
CHUNK_FIGURES = 24_000
"""Draws x years evaluated together (4,000 draws of a 6-year case, 480 of a 50-year one):
bounds the memory of the evaluation, whatever the horizon, without a loop over draws. Small
enough that a chunk's lines stay near the processor's cache, large enough that the two
threads (CHUNK_THREADS) spend their time in numpy rather than waiting for Python's lock: a
million draws of the ranges case took 2.2-2.6 s end to end in chunks of 12,000 figures, 1.7-2.0
s in chunks of 24,000 (460 MiB at its peak; 36,000 gave no more and 480 MiB)."""
CHUNK_BYTES = 256 * 2**20
"""The memory the chunks being evaluated may hold at once (every line of each, as floats): what
bounds a chunk of a case of many lines, whose CHUNK_FIGURES would hold gigabytes."""
CHUNK_THREADS = 2
"""Chunks evaluated at once. Each chunk's figures are computed exactly as alone and written to
columns of their own, so the outcome is the same in any order; numpy computes without holding
Python's lock, so a second core takes part of the million draws."""


@dataclass(frozen=True)
class PlatformOutcome:
    """The simulated outcomes of one platform scenario."""

    cumulative: np.ndarray
    """Cumulative balance, (draws, years)."""
    balance_total: np.ndarray
    """Balance over the widest reported total (years 1-6 in the case), per draw."""

    def cumulative_quantiles(self) -> np.ndarray:
        """P10, P50 and P90 of the cumulative balance per year, shaped (3, years)."""
        return quantiles_over_draws(self.cumulative)

    def break_even_probability(self) -> np.ndarray:
        """Per year, the share of draws whose cumulative balance has reached zero by then."""
        return measures.break_even_probability(self.cumulative)

    def balance_quantiles(self) -> np.ndarray:
        """P10, P50 and P90 of the balance over the widest reported total."""
        return quantiles_over_draws(self.balance_total)


SELECT_FROM = 1_000
"""Draws from which `quantiles_over_draws` selects the ranks itself (below, np.quantile)."""


def quantiles_over_draws(values: np.ndarray) -> np.ndarray:
    """P10, P50 and P90 over the draws (first axis): exactly `np.quantile(values, QUANTILES,
    axis=0)` (numpy's default method, 'linear'), found several times faster.

    np.quantile partitions a copy of the draws at eight ranks at once (the least and the
    greatest among them), which numpy's selection does in many passes; here each column is
    copied once into one buffer and partitioned at one rank at a time (numpy's vectorised
    selection), each on the part left between ranks already placed, and the two ranks around
    each quantile are interpolated with numpy's own formula (`_interpolate`). A column that
    holds NaN, or where a rank is 0 (-0.0 and 0.0 compare equal, so which of them a
    selection finds may differ), and a run of few draws are left to np.quantile."""
    count = values.shape[0]
    if count < SELECT_FROM or values.dtype != np.float64:
        return np.quantile(values, QUANTILES, axis=0)
    virtual = (count - 1) * np.asarray(QUANTILES)  # numpy's virtual indexes, 'linear'
    below = np.floor(virtual).astype(np.intp)
    above = below + 1
    gamma = virtual - below
    ranks = sorted({*below.tolist(), *above.tolist()})
    columns = values.reshape(count, -1)
    lower = np.empty((len(QUANTILES), columns.shape[1]))
    upper = np.empty_like(lower)
    buffer = np.empty(count)
    for j in range(columns.shape[1]):
        np.copyto(buffer, columns[:, j])
        if np.isnan(buffer).any():
            return np.quantile(values, QUANTILES, axis=0)
        found = _ranked(buffer, ranks)
        if any(value == 0 for value in found.values()):
            return np.quantile(values, QUANTILES, axis=0)
        lower[:, j] = [found[rank] for rank in below.tolist()]
        upper[:, j] = [found[rank] for rank in above.tolist()]
    result = _interpolate(lower, upper, gamma.reshape(-1, 1))
    return result.reshape((len(QUANTILES), *values.shape[1:]))


def _ranked(column: np.ndarray, ranks: list[int]) -> dict[int, float]:
    """The values at the given ranks (0 for the least; sorted, distinct) of a column, which is
    rearranged: each step places one rank (a partition, or the least or greatest of a part)
    and splits the ranks still wanted into the parts on either side of it."""
    found: dict[int, float] = {}

    def within(first: int, end: int, wanted: list[int]) -> None:
        """column[first:end] holds exactly the values of ranks first..end-1."""
        if not wanted:
            return
        part = column[first:end]
        if wanted == [first]:
            found[first] = float(part.min())
            return
        if wanted == [end - 1]:
            found[end - 1] = float(part.max())
            return
        rank = wanted[len(wanted) // 2]
        part.partition(rank - first)
        found[rank] = float(column[rank])
        within(first, rank, [r for r in wanted if r < rank])
        within(rank + 1, end, [r for r in wanted if r > rank])

    within(0, column.size, ranks)
    return found


def _interpolate(lower: np.ndarray, upper: np.ndarray, gamma: np.ndarray) -> np.ndarray:
    """Between the ranks around each quantile, as np.quantile's `_lerp` computes it (from the
    lower one below the middle, back from the upper one from the middle on)."""
    difference = upper - lower
    result = np.add(lower, difference * gamma)
    np.subtract(upper, difference * (1 - gamma), out=result, where=gamma >= 0.5)
    return result


@dataclass(frozen=True)
class Simulation:
    """A seeded Monte Carlo run of a scenario."""

    scenario: Scenario
    draws: int
    seed: int
    years: np.ndarray
    total_years: tuple[int, int]
    parameters: dict[KeyPath, np.ndarray]
    """The draws of each ranged parameter, (draws,)."""
    platforms: dict[str, PlatformOutcome]


class RunRefused(ScenarioError):
    """A run refused for its scenario (too large to keep, too few draws to rank parameters);
    the one problem says why and names the draws."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem(message)])

    @property
    def message(self) -> str:
        return self.problems[0].message


def check_run(draws: object, seed: object, scenario: Scenario | None = None) -> None:
    """Refuse a number of draws outside 1..MAX_DRAWS or a seed that is not a whole number >= 0
    (ValueError, with the words the CLI and the export show); with the scenario, also a run
    whose kept figures exceed MEMORY_BUDGET (RunRefused, a ScenarioError)."""
    if isinstance(draws, bool) or not isinstance(draws, int) or not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be a whole number from 1 to {MAX_DRAWS:,} (got {draws!r})")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a whole number from 0 (got {seed!r})")
    if scenario is not None:
        _check_memory(scenario, draws)


def kept_bytes(scenario: Scenario, draws: int) -> int:
    """Bytes of the per-draw figures a run of the scenario keeps: per platform scenario the
    cumulative balance in every year and the balance over the widest total, and the draws of
    every ranged parameter (8 bytes each)."""
    per_draw = len(scenario.platforms) * (scenario.horizon_years + 1)
    return 8 * draws * (per_draw + len(ranged_parameters(scenario)))


def _check_memory(scenario: Scenario, draws: int) -> None:
    size = kept_bytes(scenario, draws)
    if size <= MEMORY_BUDGET:
        return
    fit = draws * MEMORY_BUDGET // size
    raise RunRefused(
        f"{draws:,} draws over {scenario.horizon_years} years and {len(scenario.platforms)} "
        f"platform scenarios would keep {size / 2**30:.1f} GiB of figures, more than the "
        f"{MEMORY_BUDGET / 2**30:g} GiB a run may hold; this scenario takes at most {fit:,} draws"
    )


def simulate(scenario: Scenario, draws: int, seed: int) -> Simulation:
    """Evaluate the scenario over `draws` draws of its ranged parameters, in chunks of draws
    whose results are written into arrays allocated once (refused beforehand if those arrays
    would exceed MEMORY_BUDGET)."""
    check_run(draws, seed, scenario)
    inputs = draw_inputs(scenario, draws, seed)
    first, last = measures.widest_total(scenario)
    horizon = scenario.horizon_years
    # kept years first, as the chunks come (a copy of whole rows, several times faster than
    # one transposed into draws x years); the outcome is its transpose, (draws, years)
    cumulative = {p: np.empty((horizon, draws)) for p in scenario.platforms}
    totals = {p: np.empty(draws) for p in scenario.platforms}
    lines = build_lines(scenario)
    kept = {p: (f"{p}.cumulative", f"{p}.balance") for p in scenario.platforms}
    needed = [key for pair in kept.values() for key in pair]
    # every line of a chunk is held while it is evaluated, in each thread: a case of many
    # lines (50 courses, 20 platforms) takes fewer draws at a time
    figures = min(CHUNK_FIGURES, CHUNK_BYTES // (8 * len(lines) * CHUNK_THREADS))
    chunk_size = max(1, figures // horizon)

    def run_chunk(start: int) -> None:
        end = min(start + chunk_size, draws)
        chunk = {path: values[start:end] for path, values in inputs.items()}
        # only the lines the kept figures read, as `evaluate` computes them, years first
        values = line_values(scenario, needed, chunk, years_first=True)
        for platform, (running, balance) in kept.items():
            cumulative[platform][:, start:end] = values[running]
            by_draw = np.ascontiguousarray(values[balance].T)  # summed as `evaluate`'s are
            totals[platform][start:end] = measures.total_over_years(
                lines[balance], by_draw, first, last
            )

    starts = range(0, draws, chunk_size)
    for start in starts[:2]:  # the second evaluation compiles the lines: before any thread
        run_chunk(start)
    with ThreadPoolExecutor(CHUNK_THREADS) as pool:
        for _ in pool.map(run_chunk, starts[2:]):
            pass  # each chunk writes its own columns; an error is raised here
    return Simulation(
        scenario=scenario,
        draws=draws,
        seed=seed,
        years=np.arange(1, horizon + 1),
        total_years=(first, last),
        parameters={path: values[:, 0] for path, values in inputs.items()},
        platforms={p: PlatformOutcome(cumulative[p].T, totals[p]) for p in scenario.platforms},
    )
