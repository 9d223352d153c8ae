"""The fast paths stay exact and the command line stays light (no timings here: see
benchmarks/): `businesscase run` does not load the views or the other commands; an evaluation
compiled or prepared once per scenario gives every figure bit for bit as the formula trees do;
a Monte Carlo run gives the same draws of every figure whatever its chunks, laid out years first
or not; the quantiles are np.quantile's; the shares of variance are a least-squares solver's."""

from __future__ import annotations

import gc
import subprocess
import sys

import numpy as np
import pytest

from businesscase.analytics import simulation as simulation_module
from businesscase.analytics.sensitivity import variance_shares
from businesscase.analytics.simulation import QUANTILES, quantiles_over_draws, simulate
from businesscase.analytics.uncertainty import draw_inputs
from businesscase.cli.main import COMMAND_MODULES, main
from businesscase.engine import _prepared, _walk_formulas, evaluate, line_values
from businesscase.model.catalogue import _lines_of, build_lines
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


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_compiled_evaluation_gives_every_figure_as_the_formula_trees(path) -> None:
    scenario = load_scenario(path).scenario
    first = evaluate(scenario)  # walks the trees
    again = evaluate(scenario)  # compiled, knowing which inputs are over the years
    assert _prepared(scenario).everything.compiled_plain is not None
    assert list(again.values) == list(first.values) == list(first.lines)
    for key, value in first.values.items():
        assert _same(again.values[key], value), key
        assert again.values[key].flags.writeable == value.flags.writeable, key
    assert again.pins == first.pins and list(again.inputs) == list(first.inputs)


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
