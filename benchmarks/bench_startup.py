"""Start-up of the command line: `businesscase run FILE` against `python -c "import numpy"`
(the floor: any numpy program pays it), each in a fresh process, runs interleaved.
Goal: `run` under 3x the floor.

    uv run python benchmarks/bench_startup.py [--runs 11] [--no-breakdown]

Prints the median, the 10th-90th percentile and the ratio to the floor of: the floor,
`import businesscase`, `businesscase --help` and `businesscase run` on the published case.
Then, from one `python -X importtime` of `run`, what its imports cost by package, and what
pydantic's attribute docstrings (`use_attribute_docstrings=True` in model/parameters.py,
which reads and parses the module's source for each model class) add to importing the model.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from timing import line, spread

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
    "rich": "rich",
    "businesscase": "businesscase (the rest)",
}

DOCSTRINGS = """
import sys, time, types
package = types.ModuleType("businesscase"); package.__path__ = [sys.argv[1]]
sys.modules["businesscase"] = package  # the model alone, without the package's __init__
import numpy, pydantic
from pydantic._internal import _docs_extraction, _fields
spent = [0.0]
extract = _docs_extraction.extract_docstrings_from_cls
def timed(*args, **kwargs):
    start = time.perf_counter()
    try:
        return extract(*args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - start
_fields.extract_docstrings_from_cls = timed
start = time.perf_counter()
import businesscase.model.parameters
print(time.perf_counter() - start, spent[0])
"""


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


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


def docstrings_cost(runs: int) -> None:
    found = [
        subprocess.run(
            [PYTHON, "-c", DOCSTRINGS, str(ROOT / "businesscase")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for _ in range(runs)
    ]
    model = spread([float(total) for total, _ in found])[0]
    parsing = spread([float(spent) for _, spent in found])[0]
    print(
        f"\nimporting businesscase.model.parameters: median {model * 1e3:.0f} ms, of which "
        f"pydantic's attribute docstrings {parsing * 1e3:.0f} ms ({parsing / model:.0%}; "
        f"median of {runs} processes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command")
    parser.add_argument("--no-breakdown", action="store_true", help="only the timings")
    options = parser.parse_args()
    for command in COMMANDS.values():  # warm the file cache
        wall(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(options.runs):
        for name, command in COMMANDS.items():
            times[name].append(wall(command))
    floor = next(iter(times.values()))
    for name, values in times.items():
        print(line(name, values, "s", floor))
    print("goal: run under 3x the floor")
    if not options.no_breakdown:
        import_breakdown()
        docstrings_cost(max(3, options.runs // 2))


if __name__ == "__main__":
    main()
