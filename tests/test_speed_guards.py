"""The fast paths stay exact and the command line stays light (no timings here: see
benchmarks/): `businesscase run` does not load the views or the other commands; an evaluation
compiled or prepared once per scenario gives every figure bit for bit as the formula trees do
(computed year by year in Python floats, at the edges of floats too, or by numpy calls);
a Monte Carlo run gives the same draws of every figure whatever its chunks, laid out years first
or not; the quantiles are np.quantile's; the shares of variance are a least-squares solver's."""

from __future__ import annotations

import gc
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest

from businesscase import engine as engine_module
from businesscase.analytics import simulation as simulation_module
from businesscase.analytics.sensitivity import variance_shares
from businesscase.analytics.simulation import QUANTILES, quantiles_over_draws, simulate
from businesscase.analytics.uncertainty import draw_inputs
from businesscase.cli.main import COMMAND_MODULES, main
from businesscase.engine import Pin, _prepared, _walk_formulas, evaluate, line_values
from businesscase.model.catalogue import _lines_of, build_lines
from businesscase.model.formula import (
    AtLeastZero,
    If,
    Input,
    Num,
    Ref,
    RoundUp,
    RoundWhole,
    RunningSum,
    Sum,
    YearNumber,
    compile_by_year,
    equals,
)
from businesscase.scenario.loading import load_scenario, with_changes
from tests.conftest import CORRECTED, PUBLISHED, ROOT, SCENARIOS

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
NOT_FOR_RUN = (
    "openpyxl",
    "streamlit",
    "plotly",
    "reportlab",
    "pandas",
    "babel",
    "excel_export",
    "board_report",
    "dashboard",
    "businesscase.cli.analytics",
    "businesscase.cli.export",
    "businesscase.cli.report",
    "businesscase.cli.comparing",
    "businesscase.cli.explaining",
    "businesscase.report.compare",
    "businesscase.report.trace",
)
"""What `businesscase run FILE` does without: the views and their libraries, the modules of the
other commands (loaded only when their command runs) and the comparison of two files."""


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal bit for bit: shape, values, NaN where NaN, and the sign of every zero."""
    a, b = np.asarray(a), np.asarray(b)
    return (
        a.shape == b.shape
        and np.array_equal(a, b, equal_nan=True)
        and np.array_equal(np.signbit(a), np.signbit(b))
    )


# ---------------------------------------------------------------- the command line


def test_the_run_command_loads_neither_the_views_nor_the_other_commands() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from businesscase.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['run', {str(PUBLISHED)!r}])\n"
        f"print(code, sorted(m for m in {NOT_FOR_RUN!r} if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert found.stdout.strip() == "0 []"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    listed = capsys.readouterr().out
    for command in COMMAND_MODULES:
        assert f"\n    {command}" in listed


@pytest.mark.parametrize("command", list(COMMAND_MODULES))
def test_each_command_sets_up_its_own_options(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    assert f"usage: businesscase {command} " in capsys.readouterr().out


def test_an_unknown_command_is_refused_naming_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["rnu", str(PUBLISHED)])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert all(repr(command) in error for command in COMMAND_MODULES)


# ---------------------------------------------------------------- one evaluation


@pytest.mark.parametrize("by_year", [True, False], ids=["year by year", "numpy calls"])
@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_compiled_evaluation_gives_every_figure_as_the_formula_trees(
    path, by_year: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not by_year:  # compiled as over more years than are computed year by year
        monkeypatch.setattr(engine_module, "BY_YEAR_UP_TO", 0)
    scenario = load_scenario(path).scenario
    first = evaluate(scenario)  # walks the trees
    again = evaluate(scenario)  # compiled, knowing which inputs are over the years
    prepared = _prepared(scenario)
    assert prepared.everything.compiled_plain is not None
    formulas = [(key, line.formula) for key, line in prepared.lines.items()]
    taken = compile_by_year(formulas, prepared.pins, prepared.over_years, prepared.single)
    assert taken is not None  # every shipped scenario is computed year by year
    assert list(again.values) == list(first.values) == list(first.lines)
    for key, value in first.values.items():
        assert _same(again.values[key], value), key
        assert again.values[key].flags.writeable == value.flags.writeable, key
    assert again.pins == first.pins and list(again.inputs) == list(first.inputs)


EDGES = {
    ("x",): np.array([0.0, -0.0, 1.5, -2.5, np.inf, np.nan]),
    ("z",): np.array([0.0, -0.0, -0.0, 0.0, 3.0, -np.inf]),
    ("h",): np.array([0.5, -0.5, 1.5, -1.5, 2.5, 2.0**52 - 0.5]),
    ("c",): np.asarray(2.0),
    ("zero",): np.asarray(-0.0),
}
"""Inputs over six years (and two of one value) with what floats hold at their edges: zeros of
both signs, infinities, NaN, halves for the roundings."""


def test_year_by_year_gives_every_figure_as_the_formula_trees_at_the_edges() -> None:
    x, z, h, c, zero = (Input((name,)) for name in ("x", "z", "h", "c", "zero"))
    year = YearNumber()
    formulas = {
        "input": x,
        "divided": x / z,  # 0/0, -0/-0, 1.5/-0, -2.5/0, inf/3, nan/-inf
        "by_one_zero": x / zero,
        "by_number_zero": x / Num(0),
        "by_number": x / 60,
        "whole_zero": Num(0),
        "minus_zero": Num(-0.0),
        "zero_minus": Num(0) - Ref("divided"),
        "sum": Sum(("divided", "whole_zero", "zero_minus")),
        "sum_of_minus_zeros": Sum(("minus_zero", "minus_zero")),
        "sum_of_none": Sum(()),
        "running_minus_zeros": RunningSum(Ref("minus_zero")),
        "running": RunningSum(x),
        "running_inside": Ref("by_number") + RunningSum(h * 2),
        "at_most": x <= z,
        "equal": equals(x, z),
        "from_year": year >= c,
        "number_as_condition": If(z, x, h),
        "nan_as_condition": If(x, h, z),
        "boolean_or_number": If(year >= 3, year <= 4, h),
        "booleans": If(year >= 3, year <= 4, year >= 5),
        "boolean_times": (year >= 3) * h,
        "power": (1 + c) ** (year - 1),
        "power_of_input": h**2,
        "power_of_numbers": Num(2) ** Num(3) + x,
        "rounded": RoundWhole(h),
        "rounded_up": RoundUp(h / c),
        "at_least_zero": AtLeastZero(x),
        "halves": h * 1,
        "rounded_line": RoundWhole(Ref("halves")),
        "rounded_up_line": RoundUp(Ref("by_number") - 0.5),  # -0.0 where above -1
        "at_least_zero_line": AtLeastZero(Ref("input")),  # max(-0.0, 0.0) is 0.0
        "pinned": x * 2,
        "after_pin": Ref("pinned") + 1,
        "pinned_input": z,
        "line": Ref("divided"),
        "one_value": c * h,
    }
    pins = {"pinned": Pin(7, (2, 6), "edge"), "pinned_input": Pin(-0.0, (1,), "edge")}
    compiled = compile_by_year(
        list(formulas.items()), pins, set(EDGES) - {("c",), ("zero",)}, {("c",), ("zero",)}
    )
    assert compiled is not None
    years = np.arange(1.0, 7.0)
    with np.errstate(all="ignore"):
        found = compiled.evaluate(
            EDGES,
            years,
            {key: ([y - 1 for y in pin.years], pin.value) for key, pin in pins.items()},
        )
        lines = {key: SimpleNamespace(formula=formula) for key, formula in formulas.items()}
        walked = _walk_formulas(lines, EDGES, years, pins)
    assert list(found) == list(walked)
    for key, value in walked.items():
        assert _same(found[key], value), key
        assert found[key].flags.writeable == value.flags.writeable, key


class _OwnNumber(Num):
    """A kind of node the compilers do not know: called through its own `evaluate`."""


@pytest.mark.parametrize(
    "formula",
    [
        Input(("x",)) ** Ref("line"),
        (YearNumber() >= 2) + (YearNumber() <= 4),
        RunningSum(YearNumber() >= 2),
        RoundUp(YearNumber() >= 2),
        Input(("elsewhere",)),
        Ref("later"),
        _OwnNumber(2.0),
        Num(2**53 + 1),
    ],
    ids=[
        "a power that reads a line",
        "arithmetic on two booleans (numpy's or)",
        "a running total of booleans (numpy's integers)",
        "a rounding of booleans (numpy's float16)",
        "an input of unknown shape",
        "a line read before it is computed",
        "a node of a kind it does not know",
        "a whole number that is no float",
    ],
)
def test_year_by_year_leaves_to_numpy_what_it_would_not_compute_the_same(formula) -> None:
    lines = [("line", Input(("x",)) * 2), ("refused", formula)]
    assert compile_by_year(lines, (), {("x",)}, ()) is None


def test_a_compiled_evaluation_broadcasts_draws_as_the_formula_trees() -> None:
    scenario = load_scenario(RANGES).scenario
    draws = draw_inputs(scenario, 50, seed=4)
    by_year = {("hourly_wage",): np.linspace(60, 90, 50 * 6).reshape(50, 6)}
    for inputs in (draws, by_year, {**draws, **by_year}):
        evaluate(scenario, inputs)
        compiled = evaluate(scenario, inputs)
        walked = _walk_formulas(
            build_lines(scenario),
            {**_prepared(scenario).inputs, **inputs},
            compiled.years,
            compiled.pins,
        )
        for key, value in walked.items():
            assert _same(compiled.values[key], value), key


def test_prepared_results_cannot_be_changed_through_a_result() -> None:
    scenario = load_scenario(PUBLISHED).scenario
    for _ in range(2):
        results = evaluate(scenario)
        for values in results.inputs.values():
            assert not values.flags.writeable  # shared by every evaluation of the scenario
        pinned = results.values["ass_jv.scheduling_saving"]
        assert pinned.flags.writeable  # a copy of its own, as before
        pinned[:] = 0.0
        results.lines.clear()
    assert evaluate(scenario).values["ass_jv.scheduling_saving"][0] == 900.0
    assert len(evaluate(scenario).lines) == len(build_lines(scenario)) > 0


def test_what_is_prepared_for_a_scenario_goes_with_it() -> None:
    loaded = load_scenario(CORRECTED)
    changed = with_changes(loaded, ["hourly_wage=81"]).scenario
    evaluate(changed)
    evaluate(changed)
    gc.collect()  # scenarios earlier tests left in reference cycles go first
    kept = len(_lines_of), len(_prepared)
    del changed
    gc.collect()
    assert (len(_lines_of), len(_prepared)) == (kept[0] - 1, kept[1] - 1)


# ---------------------------------------------------------------- Monte Carlo


def test_lines_laid_out_years_first_are_the_same_figures() -> None:
    scenario = load_scenario(RANGES).scenario
    keys = [f"{p}.{name}" for p in scenario.platforms for name in ("cumulative", "balance")]
    draws = draw_inputs(scenario, 300, seed=9)
    whole = evaluate(scenario, draws)
    for _ in range(3):  # walked, then compiled
        for years_first in (False, True):
            found = line_values(scenario, keys, draws, years_first=years_first)
            for key in keys:
                value = found[key].T if years_first else found[key]
                assert _same(np.broadcast_to(value, whole.values[key].shape), whole.values[key])


def test_a_run_gives_the_same_figures_whatever_its_chunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scenario = load_scenario(RANGES, ["horizon_years=9", "wage_indexation=2%"]).scenario
    runs = []
    for figures in (9 * 25, 9 * 700, 10**6):
        monkeypatch.setattr(simulation_module, "CHUNK_FIGURES", figures)
        runs.append(simulate(scenario, 1_500, seed=2))
    draws = draw_inputs(scenario, 1_500, seed=2)
    whole = evaluate(scenario, draws)
    first, last = runs[0].total_years
    for platform in scenario.platforms:
        expected = whole.platform_line(platform, "cumulative")
        total = whole.total(platform, "balance", first, last)
        for run in runs:
            assert _same(run.platforms[platform].cumulative, expected)
            assert _same(run.platforms[platform].balance_total, total)


def test_quantiles_are_numpys() -> None:
    rng = np.random.default_rng(12)
    cases = [
        np.cumsum(rng.normal(size=(20_000, 6)) * 1e4, axis=1),
        rng.normal(size=5_001),
        rng.integers(-3, 4, size=(4_000, 5)).astype(float),  # ties, and zeros of both signs
        np.full((3_000, 6), 7.5),
        np.sort(rng.normal(size=2_000)),
        rng.normal(size=(999, 6)),
        np.where(rng.random((2_000, 3)) < 0.01, np.inf, rng.normal(size=(2_000, 3))),
    ]
    with_nan = rng.normal(size=(2_000, 4))
    with_nan[7, 2] = np.nan
    cases.append(with_nan)
    negative_zero = rng.normal(size=(1_500, 2))
    negative_zero[:800, 1] = -0.0
    negative_zero[800:, 1] = 0.0
    cases.append(negative_zero)
    for values in cases:
        assert _same(quantiles_over_draws(values), np.quantile(values, QUANTILES, axis=0))


def test_shares_of_variance_are_a_least_squares_solvers() -> None:
    scenario = load_scenario(RANGES).scenario
    run = simulate(scenario, 2_000, seed=5)
    paths = [p for p, v in run.parameters.items() if np.std(v) > 0]
    matrix = np.column_stack([(v - v.mean()) / v.std() for v in map(run.parameters.get, paths)])
    for platform, outcome in run.platforms.items():
        target = (
            outcome.balance_total - outcome.balance_total.mean()
        ) / outcome.balance_total.std()
        coefficients, *_ = np.linalg.lstsq(matrix, target, rcond=None)
        expected = dict(zip(paths, coefficients**2 / (coefficients**2).sum(), strict=True))
        shares = variance_shares(run, platform)
        assert set(shares) == set(run.parameters)
        for path, share in shares.items():
            assert share == pytest.approx(expected.get(path, 0.0), abs=1e-9), (platform, path)
        assert list(shares.values()) == sorted(shares.values(), reverse=True)


# ---------------------------------------------------------------- the command line's process

DEFERRED_FROM_RUN = (
    "businesscase.analytics.simulation",
    "concurrent.futures",
    "difflib",
)
"""What `businesscase run FILE` no longer loads: the simulation (`--draws` and `--seed` import
it when they are read) and the suggestions for a mistyped name (only a file with a mistake
needs them)."""


def _in_a_fresh_process(code: str, **env: str) -> str:
    """What `code` prints in a fresh Python, started without the settings `businesscase.cli`
    makes (this process has made them), plus `env`."""
    import os

    unset = ("OPENBLAS_NUM_THREADS", "PYDANTIC_DISABLE_PLUGINS")
    clean = {name: value for name, value in os.environ.items() if name not in unset}
    found = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**clean, **env},
    )
    return found.stdout.strip()


def test_the_run_command_loads_neither_the_simulation_nor_the_suggestions_for_typos() -> None:
    code = (
        "import contextlib, gc, io, sys\n"
        "from businesscase.cli.main import main\n"
        f"sys.argv = ['businesscase', 'run', {str(PUBLISHED)!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main()\n"
        f"print(code, sorted(m for m in {DEFERRED_FROM_RUN!r} if m in sys.modules))"
    )
    assert _in_a_fresh_process(code) == "0 []"


def test_the_command_lines_process_freezes_what_it_set_up_and_collects_on() -> None:
    code = (
        "import contextlib, gc, io, sys\n"
        "from businesscase.cli.main import main\n"
        f"sys.argv = ['businesscase', 'run', {str(PUBLISHED)!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 10_000)"
    )
    assert _in_a_fresh_process(code) == "True True"
    frozen = gc.get_freeze_count()
    assert main(["validate", str(PUBLISHED)]) == 0  # a caller in Python: the collector as it was
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_openblas_starts_with_one_thread_unless_the_user_says_otherwise() -> None:
    code = (
        "import os\n"
        "import businesscase.cli, numpy, threadpoolctl\n"
        "found = threadpoolctl.threadpool_info()\n"
        "print({i['num_threads'] for i in found if i['internal_api'] == 'openblas'} <= {1}, "
        "os.environ['OPENBLAS_NUM_THREADS'])"
    )
    assert _in_a_fresh_process(code) == "True 1"
    assert _in_a_fresh_process(code, OPENBLAS_NUM_THREADS="2").endswith(" 2")
