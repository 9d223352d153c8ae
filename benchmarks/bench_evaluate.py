"""One deterministic evaluation in process, `evaluate(scenario)` of the published case, against
a floor measured in the same run: the case's average cumulative balance hand-written in numpy
(benchmarks/floor.py) over the same input arrays. Goal: under 0.3 ms.

    uv run python benchmarks/bench_evaluate.py [--samples 60] [--batch 20]

Prints the median, the 10th-90th percentile and the ratio to the floor of:
  - the floor;
  - `evaluate(scenario)` again on the same scenario object (what follows from the scenario
    alone, its lines and compiled formulas, is prepared once per object);
  - the first `evaluate` of a new scenario object (an edit: `with_changes` with a new wage,
    not timed), which walks the formula trees.
Each sample is the mean of a batch of calls. The floor is checked against the engine first.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from floor import average_cumulative
from timing import line

from businesscase.engine import evaluate, scenario_inputs
from businesscase.scenario.loading import load_scenario, with_changes

PUBLISHED = Path(__file__).resolve().parent.parent / "scenarios" / "kwadraad-2013-published.yaml"


def sampled(task: Callable[[], object], samples: int, batch: int) -> list[float]:
    """Seconds per call: `samples` means of `batch` calls each, after a warm-up."""
    for _ in range(batch):
        task()
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(batch):
            task()
        times.append((time.perf_counter() - start) / batch)
    return times


def first_evaluations(samples: int) -> list[float]:
    """Seconds of the first evaluation of each of `samples` new scenario objects."""
    loaded = load_scenario(PUBLISHED)
    times = []
    for i in range(samples):
        changed = with_changes(loaded, [f"hourly_wage={75 + (i + 1) / 100}"]).scenario
        start = time.perf_counter()
        evaluate(changed)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--batch", type=int, default=20)
    options = parser.parse_args()
    scenario = load_scenario(PUBLISHED).scenario
    inputs = scenario_inputs(scenario)
    years = np.arange(1, scenario.horizon_years + 1, dtype=float)
    by_hand = average_cumulative(inputs, years, published=True)
    by_engine = evaluate(scenario).line("average.cumulative")
    assert np.allclose(by_hand, by_engine, rtol=0, atol=1e-6), (by_hand, by_engine)

    floor = sampled(lambda: average_cumulative(inputs, years), options.samples, options.batch)
    again = sampled(lambda: evaluate(scenario), options.samples, options.batch)
    first = first_evaluations(options.samples)
    print(f"scenario: {PUBLISHED.name}, {len(evaluate(scenario).lines)} lines")
    print(line("floor: hand-written numpy (average.cumulative)", floor, "ms", floor))
    print(line("evaluate(scenario), same scenario again", again, "ms", floor))
    print(line("evaluate(scenario), first of a new scenario", first, "ms", floor))
    print("goal: evaluate(scenario) under 0.3 ms")


if __name__ == "__main__":
    main()
