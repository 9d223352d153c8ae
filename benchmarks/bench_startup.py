"""Start-up of the command line: `businesscase run FILE` against `python -c "import numpy"`
(the floor: any numpy program pays it), each in a fresh process, runs interleaved.
Goal: `run` under 3x the floor.

    uv run python benchmarks/bench_startup.py [--runs 11] [--no-breakdown]

Prints the median, the 10th-90th percentile and the ratio to the floor, in wall time and in
processor time (steadier on a shared machine), of: the floor,
`import businesscase`, `businesscase --help` and `businesscase run` on the published case.
Then, from one `python -X importtime` of `run`, what its imports cost by package.

The project's modules are compiled first (`compileall`), as an installed copy's are: where
PYTHONDONTWRITEBYTECODE is set, Python keeps no compiled copy of a module edited since it was
last compiled and compiles its source again at every start (`model/parameters.py` alone: 8 ms
of each `run`), which is the edit's cost, not the command's.
"""

from __future__ import annotations

import argparse
import compileall
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from timing import line

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = str(ROOT / "scenarios" / "kwadraad-2013-published.yaml")
PYTHON = sys.executable
RUN = [PYTHON, "-m", "businesscase.cli.main", "run", PUBLISHED]
COMMANDS = {
    'floor: python -c "import numpy"': [PYTHON, "-c", "import numpy"],
    'python -c "import businesscase"': [PYTHON, "-c", "import businesscase"],
    "businesscase --help": [PYTHON, "-m", "businesscase.cli.main", "--help"],
    "businesscase run (published case)": RUN,
}
GROUPS = {
    "numpy": "numpy",
    "pydantic": "pydantic (with pydantic_core, typing_extensions, ...)",
    "businesscase.model.parameters": "businesscase.model.parameters (its models, self time)",
    "ruamel": "ruamel.yaml",
    "businesscase": "businesscase (the rest)",
}


def wall(command: list[str]) -> tuple[float, float]:
    """The wall time of a command in a fresh process, and the processor time it used (user
    and system): on a shared machine the second is the steadier, a busy neighbour delays a
    process without making it do more work."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime


def group_of(module: str) -> str:
    top = module.split(".")[0]
    if module == "businesscase.model.parameters":
        return module
    if top in ("pydantic_core", "typing_extensions", "annotated_types", "typing_inspection"):
        return "pydantic"
    return top if top in GROUPS else "other (standard library, ...)"


def import_breakdown() -> None:
    """Self time of every module `run` imports (one run of -X importtime), by package."""
    found = subprocess.run(
        [PYTHON, "-X", "importtime", *RUN[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stderr
    by_group: Counter[str] = Counter()
    for row in found.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", row)
        if match:
            by_group[group_of(match.group(2))] += int(match.group(1))
    total = sum(by_group.values())
    print(f"\nimports of `run` by package (self time, one -X importtime run: {total / 1e3:.0f} ms)")
    for group, micros in by_group.most_common():
        print(f"  {GROUPS.get(group, group):<56} {micros / 1e3:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command")
    parser.add_argument("--no-breakdown", action="store_true", help="only the timings")
    options = parser.parse_args()
    compileall.compile_dir(ROOT / "businesscase", quiet=1)
    for command in COMMANDS.values():  # warm the file cache
        wall(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    processor: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(options.runs):
        for name, command in COMMANDS.items():
            seconds, used = wall(command)
            times[name].append(seconds)
            processor[name].append(used)
    for title, found in (("wall time", times), ("processor time (user + system)", processor)):
        print(title)
        floor = next(iter(found.values()))
        for name, values in found.items():
            print(line(name, values, "s", floor))
    print("goal: run under 3x the floor")
    if not options.no_breakdown:
        import_breakdown()


if __name__ == "__main__":
    main()
