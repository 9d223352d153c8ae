"""The big generated case: 50 courses x 20 platform scenarios x 30 years, with ranges, for the
three things that grow with it: one evaluation, the workbook, and 1e5 draws with the summary
(quantiles, chance of break-even, shares of variance). Goal: every phase under 2 GB peak.

    uv run python benchmarks/bench_big_case.py [--runs 3] [--draws 100000]

The case is generated from the ranges scenario (its courses and platforms copied and varied)
and written to a temporary file. Each phase runs in a fresh process, which reports its own
time and its peak resident memory (ru_maxrss). The floor is reading and validating the case
(what any use of it pays); the phases are timed after it. Prints median, 10th-90th percentile,
ratio to the floor and peak memory.
"""

from __future__ import annotations

import argparse
import copy
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import line, spread

ROOT = Path(__file__).resolve().parent.parent
RANGES = ROOT / "scenarios" / "kwadraad-2013-ranges.yaml"
COURSES, PLATFORMS, YEARS = 50, 20, 30

PHASE = """
import resource, sys, time
from businesscase.scenario.loading import load_scenario
start = time.perf_counter()
loaded = load_scenario(sys.argv[1])
phase, draws, folder = sys.argv[2], int(sys.argv[3]), sys.argv[4]
if phase != "load":
    start = time.perf_counter()
if phase == "evaluate":
    from businesscase.engine import evaluate
    evaluate(loaded.scenario)
elif phase == "export":
    from excel_export.workbook import write_workbook
    write_workbook([loaded], folder + "/big.xlsx")
elif phase == "simulate":
    from businesscase.analytics.sensitivity import variance_shares
    from businesscase.analytics.simulation import simulate
    run = simulate(loaded.scenario, draws, 1)
    for platform, outcome in run.platforms.items():
        outcome.cumulative_quantiles(), outcome.break_even_probability()
        outcome.balance_quantiles(), variance_shares(run, platform)
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""
"""One phase in a fresh process: prints its seconds (loading excluded, except for the floor,
which only loads) and its peak bytes."""


def big_case(folder: Path) -> Path:
    """The generated scenario file: the ranges case's two courses copied to 50 (their groups
    and efficiency varied), its costed platforms to 20 (their costs varied), over 30 years."""
    from ruamel.yaml import YAML

    from businesscase.scenario.loading import load_scenario

    data = copy.deepcopy(load_scenario(RANGES).data)
    courses = list(data["courses"].values())
    data["courses"] = {}
    for number in range(COURSES):
        course = copy.deepcopy(courses[number % len(courses)])
        course["name"] = f"Course {number + 1}"
        course["groups_per_year"] = 2 + number % 5
        data["courses"][f"course_{number + 1:02d}"] = course
    platforms = [p for p in data["platforms"].values() if "average_of" not in p]
    data["platforms"] = {}
    for number in range(PLATFORMS):
        platform = copy.deepcopy(platforms[number % len(platforms)])
        platform["name"] = f"Platform {number + 1}"
        platform["licence_per_year"] = 500 * (number % 4)
        data["platforms"][f"platform-{number + 1:02d}"] = platform
    data["horizon_years"] = YEARS
    data["totals"] = [[1, 5], [1, YEARS]]
    data.pop("overrides", None)
    path = folder / "big-case.yaml"
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def run_phase(case: Path, phase: str, draws: int, folder: Path) -> tuple[float, int]:
    found = subprocess.run(
        [sys.executable, "-c", PHASE, str(case), phase, str(draws), str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if found.returncode != 0:
        raise SystemExit(f"{phase} failed:\n{found.stderr}")
    seconds, peak = found.stdout.split()
    return float(seconds), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each phase")
    parser.add_argument("--draws", type=int, default=100_000, help="draws of the simulation")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        case = big_case(folder)
        phases = {
            "floor: read and validate the case": "load",
            "evaluate (first of the scenario)": "evaluate",
            "export (workbook, Simulation sheet of 10,000 draws)": "export",
            f"simulate {options.draws:,} draws + summary": "simulate",
        }
        times: dict[str, list[float]] = {name: [] for name in phases}
        peaks: dict[str, list[int]] = {name: [] for name in phases}
        for _ in range(options.runs):
            for title, phase in phases.items():
                seconds, peak = run_phase(case, phase, options.draws, folder)
                times[title].append(seconds)
                peaks[title].append(peak)
    print(f"{COURSES} courses x {PLATFORMS} platform scenarios x {YEARS} years")
    floor = times[next(iter(phases))]
    for title in phases:
        peak = spread(peaks[title])[0] / 2**20
        print(f"{line(title, times[title], 's', floor)}   peak {peak:.0f} MiB")
    print("goal: every phase under 2 GB peak")


if __name__ == "__main__":
    main()
