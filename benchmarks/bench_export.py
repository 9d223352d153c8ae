"""Benchmark of the Excel export (a report, not a timed test).

Prints the median time to build and write the workbook of the published scenario (no ranges,
so no simulation; target: under 1 s), of the scenario with ranges (its Simulation sheet runs
10,000 draws, seed 1, plus the tornado), of the same without the sheet (`--no-simulation`,
to show what the simulation costs) and of a workbook with 10 scenario files, loading excluded.

    .venv/bin/python benchmarks/bench_export.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from businesscase.scenario.loading import LoadedScenario, load_scenario
from excel_export.simulation_run import SimulationSettings
from excel_export.workbook import write_workbook

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
PUBLISHED = SCENARIOS / "kwadraad-2013-published.yaml"
CORRECTED = SCENARIOS / "kwadraad-2013-corrected.yaml"
RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"


def median_seconds(task: Callable[[], object], runs: int) -> float:
    """The median wall time of several runs of a task, after one warm-up run."""
    task()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ten_scenarios() -> list[LoadedScenario]:
    """Ten scenarios: the two reference files, each with five different hourly wages."""
    return [
        load_scenario(path, [f"hourly_wage={70 + index}"])
        for index in range(5)
        for path in (PUBLISHED, CORRECTED)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per case (median)")
    runs = parser.parse_args().runs
    published = [load_scenario(PUBLISHED)]
    ranges = [load_scenario(RANGES)]
    ten = ten_scenarios()
    left_out = SimulationSettings(include=False)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.xlsx"
        one = median_seconds(lambda: write_workbook(published, target), runs)
        size_one = target.stat().st_size
        ranged = median_seconds(lambda: write_workbook(ranges, target), runs)
        size_ranged = target.stat().st_size
        without = median_seconds(lambda: write_workbook(ranges, target, simulation=left_out), runs)
        many = median_seconds(lambda: write_workbook(ten, target), runs)
        size_many = target.stat().st_size
    print(
        f"export of the published scenario: {one:.3f} s median of {runs} (target < 1 s), "
        f"{size_one / 1024:.0f} KiB"
    )
    print(
        f"export of the ranges scenario with its Simulation sheet (10,000 draws): {ranged:.3f} s "
        f"median of {runs}, {size_ranged / 1024:.0f} KiB; without the sheet {without:.3f} s"
    )
    print(
        f"export of 10 scenario files in one workbook: {many:.3f} s median of {runs}, "
        f"{size_many / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
