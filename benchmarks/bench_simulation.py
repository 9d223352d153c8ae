"""Monte Carlo runs of the ranges scenario at 10,000, 100,000 and 1,000,000 draws, each in a
fresh process, with the process's peak memory, against a floor measured in the same run: the
same draws (`draw_inputs`) put through the case's average cumulative balance hand-written in
numpy (benchmarks/floor.py, one platform scenario where the engine computes four) and its P10,
P50 and P90. Goal at 1,000,000 draws: `businesscase simulate` under 2 s and 500 MiB.

    uv run python benchmarks/bench_simulation.py [--draws 10000 100000 1000000] [--runs 3]

Per number of draws it prints, as median, 10th-90th percentile and ratio to the floor:
  - `businesscase simulate FILE --draws N` end to end (start-up, loading, the run, the table),
    and with `--json` (the summary with every platform's shares of variance);
  - the run in process: `simulate` and the figures the command prints (P10/P50/P90 per year,
    chance of break-even, P10/P50/P90 of the balance), start-up and loading excluded;
  - the floor, in process;
and the peak resident memory (ru_maxrss) of the command's process and of the floor's.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from timing import line, spread

ROOT = Path(__file__).resolve().parent.parent
RANGES = ROOT / "scenarios" / "kwadraad-2013-ranges.yaml"
SEED = 1


def child_command(draws: int, *options: str) -> dict[str, float]:
    """In this process: the command line's `simulate`, output thrown away."""
    import contextlib
    import io

    from businesscase.cli.main import main

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        main(["simulate", str(RANGES), "--draws", str(draws), "--seed", str(SEED), *options])
    return {"seconds": time.perf_counter() - start}


def child_command_json(draws: int) -> dict[str, float]:
    """`simulate --json`: the summary with the shares of variance of every platform."""
    return child_command(draws, "--json")


def child_run(draws: int) -> dict[str, float]:
    """In this process: `simulate` and every figure the command prints."""
    from businesscase.analytics.simulation import simulate
    from businesscase.scenario.loading import load_scenario

    scenario = load_scenario(RANGES).scenario
    start = time.perf_counter()
    simulation = simulate(scenario, draws, SEED)
    for outcome in simulation.platforms.values():
        outcome.cumulative_quantiles()
        outcome.break_even_probability()
        outcome.balance_quantiles()
    return {"seconds": time.perf_counter() - start}


def child_floor(draws: int) -> dict[str, float]:
    """In this process: the same draws through the hand-written case, written as one would
    for speed (draws in chunks of 2,000, laid out years first, into one array), and its
    P10, P50 and P90 per year."""
    import numpy as np
    from floor import average_cumulative

    from businesscase.analytics.uncertainty import draw_inputs
    from businesscase.engine import scenario_inputs
    from businesscase.scenario.loading import load_scenario

    scenario = load_scenario(RANGES).scenario
    horizon = scenario.horizon_years
    years = np.arange(1, horizon + 1, dtype=float).reshape(-1, 1)
    start = time.perf_counter()
    fixed = {
        path: values.reshape(-1, 1) if values.ndim == 1 else values
        for path, values in scenario_inputs(scenario).items()
    }
    drawn = draw_inputs(scenario, draws, SEED)
    cumulative = np.empty((draws, horizon))
    for first in range(0, draws, 2_000):
        chunk = dict(fixed)
        chunk.update((path, values[first : first + 2_000].T) for path, values in drawn.items())
        cumulative[first : first + 2_000] = average_cumulative(chunk, years, published=False).T
    np.quantile(cumulative, (0.1, 0.5, 0.9), axis=0)
    return {"seconds": time.perf_counter() - start}


CHILDREN = {
    "command": child_command,
    "command_json": child_command_json,
    "run": child_run,
    "floor": child_floor,
}


def in_child(kind: str, draws: int) -> dict[str, float]:
    """Run one measurement in a fresh process; its time and its peak memory (MiB)."""
    start = time.perf_counter()
    found = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(draws)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(found.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - start
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3, help="processes per measurement")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        kind, draws = options.child
        result = CHILDREN[kind](int(draws))
        result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    print(f"scenario: {RANGES.name}, seed {SEED}; {options.runs} processes per measurement")
    for draws in options.draws:
        found: dict[str, list[dict[str, float]]] = {kind: [] for kind in CHILDREN}
        for _ in range(options.runs):
            for kind in CHILDREN:  # interleaved, so a busy moment hits all alike
                found[kind].append(in_child(kind, draws))
        floor = [r["seconds"] for r in found["floor"]]
        print(f"\n{draws:,} draws")
        command = [r["wall"] for r in found["command"]]
        print(line("businesscase simulate (process, end to end)", command, "s", floor))
        with_shares = [r["wall"] for r in found["command_json"]]
        print(line("businesscase simulate --json (with shares)", with_shares, "s", floor))
        print(
            line(
                "simulate + printed figures (in process)",
                [r["seconds"] for r in found["run"]],
                "s",
                floor,
            )
        )
        print(line("floor: same draws, hand-written numpy", floor, "s", floor))
        peak, peak_json, floor_peak = (
            spread([r["peak_mib"] for r in found[kind]])[0]
            for kind in ("command", "command_json", "floor")
        )
        print(
            f"peak memory: command {peak:,.0f} MiB, with --json {peak_json:,.0f} MiB, "
            f"floor {floor_peak:,.0f} MiB"
        )
    print("\ngoal at 1,000,000 draws: the command under 2 s and 500 MiB")


if __name__ == "__main__":
    main()
