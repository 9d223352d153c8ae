"""Benchmark: 100,000 Monte Carlo draws of the ranges scenario through the vectorised engine,
against the same draws evaluated one by one in a Python loop, in one process.

    uv run python benchmarks/bench_simulation.py [--draws 100000] [--loop-draws 100000]

Prints both times, the ratio and the peak memory of the vectorised run. The loop is slow
(about 2-3 ms a draw); `--loop-draws` can time fewer draws and scale the time up, said so.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import numpy as np

from businesscase.analytics.simulation import simulate
from businesscase.analytics.uncertainty import draw_inputs
from businesscase.engine import evaluate
from businesscase.scenario.loading import load_scenario

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "kwadraad-2013-ranges.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--loop-draws", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    scenario = load_scenario(SCENARIO).scenario

    simulate(scenario, 1_000, args.seed)  # warm up imports and caches
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        simulation = simulate(scenario, args.draws, args.seed)
        timings.append(time.perf_counter() - start)
    vectorised = min(timings)
    tracemalloc.start()  # a separate run: tracing slows numpy down several times
    simulate(scenario, args.draws, args.seed)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    inputs = draw_inputs(scenario, args.draws, args.seed)
    loop_count = min(args.loop_draws, args.draws)
    start = time.perf_counter()
    looped = np.empty((loop_count, scenario.horizon_years))
    for i in range(loop_count):
        one = {path: np.asarray(values[i, 0]) for path, values in inputs.items()}
        looped[i] = evaluate(scenario, one).platform_line("new-platform", "cumulative")
    loop = (time.perf_counter() - start) * args.draws / loop_count
    same = np.allclose(looped, simulation.platforms["new-platform"].cumulative[:loop_count])

    print(f"scenario: {SCENARIO.name}, {len(inputs)} ranged parameters, {args.draws:,} draws")
    print(
        f"vectorised engine: {vectorised:8.3f} s   (best of 3; peak traced memory "
        f"{peak / 2**20:,.1f} MiB)"
    )
    scaled = "" if loop_count == args.draws else f" (timed {loop_count:,} draws, scaled up)"
    print(f"python loop:       {loop:8.3f} s{scaled}")
    print(f"ratio:             {loop / vectorised:8.0f}x   same results: {same}")


if __name__ == "__main__":
    main()
