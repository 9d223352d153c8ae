"""The workbook's Simulation sheet: written for a scenario with ranges (or on request), its
figures equal to the engine's seeded run, tornado and shares of variance to the cent, values
and never formulas, in both languages, with its charts, and drawn by LibreOffice."""

from __future__ import annotations

import argparse
import io
import re
import subprocess

import numpy as np
import openpyxl
import pytest
from openpyxl.chart import BarChart, LineChart
from PIL import Image

from businesscase.analytics.sensitivity import tornado, variance_shares
from businesscase.analytics.simulation import Simulation, simulate
from businesscase.cli.export import add_export_command
from businesscase.engine import evaluate, ranged_parameters
from businesscase.model.errors import KeyPath, dotted
from businesscase.scenario.loading import LoadedScenario, load_scenario
from excel_export import SimulationSettings, build_workbook, write_workbook
from tests.conftest import SCENARIOS, require_program
from tests.test_excel_recalc import soffice_run

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
CENT = 0.005
FIRST = 4  # column D


@pytest.fixture(scope="module")
def ranges() -> LoadedScenario:
    return load_scenario(RANGES)


@pytest.fixture(scope="module")
def run(ranges: LoadedScenario) -> Simulation:
    """The engine's run with the export's defaults: 10,000 draws, seed 1."""
    return simulate(ranges.scenario, 10_000, 1)


@pytest.fixture(scope="module")
def book(ranges: LoadedScenario) -> openpyxl.Workbook:
    return build_workbook([ranges])


def bands(ws) -> dict[str, dict[str, tuple]]:
    """The rows with a key in column C, by key, under the band or caption above them (a row
    with text in column A only): a platform scenario's name, or a table's caption."""
    found: dict[str, dict[str, tuple]] = {}
    band = ""
    for row in ws.iter_rows(min_row=4, values_only=True):
        if row[0] and not row[2] and not any(row[3:]):
            band = row[0]
        elif row[2] and row[2] not in ("Key", "Input (name)"):
            found.setdefault(band, {})[row[2]] = row
    return found


def keyed(ws) -> dict[str, tuple]:
    """The rows of the cumulative and balance tables (`new_platform.cumulative_p10`, ...), by
    the defined name in their Key column."""
    results = ("cumulative_", "break_even_probability", "balance_")
    return {
        key: row
        for band in bands(ws).values()
        for key, row in band.items()
        if key.rsplit(".", 1)[-1].startswith(results)
    }


def tornado_rows(ws, name: str) -> dict[str, tuple]:
    """The tornado rows of a platform scenario, in their order on the sheet."""
    results = keyed(ws)
    return {key: row for key, row in bands(ws)[name].items() if key not in results}


def run_export(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="businesscase")
    add_export_command(parser.add_subparsers())
    args = parser.parse_args(["export", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = args.handler(args, out, err)
    return code, out.getvalue(), err.getvalue()


def plain(platform: str) -> str:
    """A platform's id as its defined names hold it: `new_platform`."""
    return platform.replace("-", "_")


def named(path: KeyPath) -> str:
    """A parameter's defined name, as the Key column shows it (`new_platform.development_cost`)."""
    return re.sub(r"^(courses|platforms)\.", "", dotted(path)).replace("-", "_")


# ---------------------------------------------------------------- which workbooks get the sheet


def test_a_scenario_with_ranges_gets_a_simulation_sheet_after_its_summary(book):
    assert book.sheetnames == [
        "Inputs",
        "Time",
        "Savings",
        "Costs",
        "Results",
        "Summary",
        "Simulation",
        "About",
    ]
    assert book.active.title == "Summary"


def test_the_published_scenario_has_no_ranges_and_no_simulation_sheet(published):
    workbook = build_workbook([published])
    assert "Simulation" not in workbook.sheetnames
    about = [row[1] for row in workbook["About"].iter_rows(values_only=True)]
    assert "No Simulation sheet: no parameter has a range." in about


def test_no_simulation_leaves_the_sheet_out_and_says_so(ranges):
    workbook = build_workbook([ranges], simulation=SimulationSettings(include=False))
    assert "Simulation" not in workbook.sheetnames
    about = [row[1] for row in workbook["About"].iter_rows(values_only=True)]
    assert "No Simulation sheet: left out on request (--no-simulation)." in about


def test_a_sheet_asked_for_without_ranges_shows_every_draw_equal_to_the_case(published):
    settings = SimulationSettings(draws=20, include=True)
    ws = build_workbook([published], simulation=settings)["Simulation"]
    rows = keyed(ws)
    cumulative = evaluate(published.scenario).platform_line("average", "cumulative")
    for part in ("p10", "p50", "p90"):
        assert rows[f"average.cumulative_{part}"][FIRST - 1 : FIRST + 5] == pytest.approx(
            cumulative, abs=CENT
        )
    texts = [cell.value for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "No parameter has a range: every draw equals the case as written." in texts
    assert "--simulation" in texts[2]  # the recompute command asks for the sheet
    assert ws._charts and all(isinstance(chart, LineChart) for chart in ws._charts)


def test_several_scenarios_each_get_their_own_simulation_sheet(ranges, published):
    workbook = build_workbook([ranges, published, ranges])
    simulation_sheets = [name for name in workbook.sheetnames if " Simulation" in name]
    assert simulation_sheets == [
        "1 Simulation corrected",  # numbered as the scenario, whole parts within 31 characters
        "3 Simulation corrected",
    ]
    first, third = (keyed(workbook[name]) for name in simulation_sheets)
    assert first["s1_average.cumulative_p50"][3:] == third["s3_average.cumulative_p50"][3:]


# ---------------------------------------------------------------- the figures equal the engine's


def test_the_cumulative_quantiles_and_break_even_probabilities_equal_the_engine_run(book, run):
    rows = keyed(book["Simulation"])
    for platform, outcome in run.platforms.items():
        for part, want in zip(("p10", "p50", "p90"), outcome.cumulative_quantiles(), strict=True):
            got = rows[f"{plain(platform)}.cumulative_{part}"][FIRST - 1 : FIRST + 5]
            assert got == pytest.approx(want, abs=CENT), (platform, part)
        got = rows[f"{plain(platform)}.break_even_probability"][FIRST - 1 : FIRST + 5]
        assert list(got) == [float(p) for p in outcome.break_even_probability()]


def test_the_spread_of_the_balance_years_1_to_6_equals_the_engine_run(book, ranges, run):
    rows = keyed(book["Simulation"])
    charts = tornado(ranges.scenario)
    assert run.total_years == (1, 6)
    for platform, outcome in run.platforms.items():
        p10, p50, p90, mean, as_written = rows[f"{plain(platform)}.balance_1_6"][
            FIRST - 1 : FIRST + 4
        ]
        assert [p10, p50, p90] == pytest.approx(outcome.balance_quantiles(), abs=CENT)
        assert mean == pytest.approx(outcome.balance_total.mean(), abs=CENT)
        assert as_written == pytest.approx(charts[platform].base_balance, abs=CENT)


def test_the_tornado_and_the_shares_of_variance_equal_the_engine_widest_swing_first(
    book, ranges, run
):
    for platform, chart in tornado(ranges.scenario).items():
        name = ranges.scenario.platforms[platform].name
        rows = tornado_rows(book["Simulation"], name)
        shares = variance_shares(run, platform)
        assert list(rows) == [named(bar.path) for bar in chart.bars]
        for bar in chart.bars:
            row = rows[named(bar.path)]
            low, high, at_low, at_high, from_low, from_high, swing, share = row[
                FIRST - 1 : FIRST + 7
            ]
            assert (low, high) == (bar.low, bar.high)
            assert [at_low, at_high, swing] == pytest.approx(
                [bar.balance_at_low, bar.balance_at_high, bar.swing], abs=CENT
            )
            base = chart.base_balance
            assert [from_low, from_high] == pytest.approx(
                [bar.balance_at_low - base, bar.balance_at_high - base], abs=CENT
            )
            assert share == pytest.approx(shares[bar.path], abs=1e-12)


def test_the_widest_swing_of_the_new_platform_is_its_development_cost(book):
    rows = tornado_rows(book["Simulation"], "New platform (fictitious)")
    widest = next(iter(rows.values()))
    assert widest[0] == "New platform (fictitious): Development"
    assert widest[FIRST + 5] == pytest.approx(50_000, abs=CENT)  # 70,000 to 120,000
    # a higher development cost lowers the balance: the high bar goes left
    assert widest[FIRST + 4] == pytest.approx(-40_000, abs=CENT)
    assert widest[FIRST + 3] == pytest.approx(10_000, abs=CENT)


def test_the_ranges_table_lists_every_ranged_parameter_with_its_distribution_and_source(
    book, ranges
):
    rows = bands(book["Simulation"])["The ranges the draws come from"]
    assert list(rows) == [named(path) for path in ranged_parameters(ranges.scenario)]
    for path, param in ranged_parameters(ranges.scenario).items():
        row = rows[named(path)]
        value, low, likely, high, distribution = row[FIRST - 1 : FIRST + 4]
        assert [value, low, likely, high] == [param.value, param.low, param.most_likely, param.high]
        assert distribution == {"pert": "PERT"}.get(param.distribution, param.distribution)
        assert param.range_source in row
    development = rows["new_platform.development_cost"]
    assert development[0] == "New platform (fictitious): Development"
    assert rows["ass_jv.growth.groups_per_year"][0].endswith(", growth: New groups per year")


def test_another_seed_and_number_of_draws_give_that_run(ranges):
    settings = SimulationSettings(draws=500, seed=7)
    rows = keyed(build_workbook([ranges], simulation=settings)["Simulation"])
    engine = simulate(ranges.scenario, 500, 7).platforms["new-platform"]
    got = rows["new_platform.cumulative_p90"][FIRST - 1 : FIRST + 5]
    assert got == pytest.approx(engine.cumulative_quantiles()[2], abs=CENT)
    default = simulate(ranges.scenario, 10_000, 1).platforms["new-platform"]
    assert not np.allclose(got, default.cumulative_quantiles()[2])


# ---------------------------------------------------------------- values, labelled as a run


def test_the_sheet_holds_values_labelled_with_draws_seed_and_the_command_to_recompute(book):
    ws = book["Simulation"]
    assert not [cell.coordinate for row in ws.iter_rows() for cell in row if cell.data_type == "f"]
    note, command = ws["A2"].value, ws["A3"].value
    assert "seeded Monte Carlo simulation (10,000 draws, seed 1)" in note
    assert "values, not formulas" in note
    assert (
        "businesscase export scenarios/kwadraad-2013-ranges.yaml -o OUT.xlsx --draws 10000 --seed 1"
        in command
    )
    about = "\n".join(str(row[1]) for row in book["About"].iter_rows(values_only=True))
    assert "Sheet Simulation: values of a seeded Monte Carlo simulation (10,000 draws, seed 1)" in (
        about
    )


def test_money_is_in_euros_and_probabilities_and_shares_in_percent(book):
    cells = {row[2].value: row for row in book["Simulation"].iter_rows(min_row=4) if row[2].value}
    assert cells["average.cumulative_p50"][FIRST - 1].number_format.startswith('"€"')
    assert cells["average.break_even_probability"][FIRST - 1].number_format == "0.0%"
    assert cells["average.balance_1_6"][FIRST + 2].number_format.startswith('"€"')
    share = cells["new_platform.licence_per_client"][FIRST + 6]  # last platform's row
    assert share.number_format == "0.0%"
    assert cells["implementation_hours"][FIRST - 1].number_format == "#,##0.00"  # hours


def test_values_only_still_works_and_keeps_the_simulation_sheet(ranges, run):
    workbook = build_workbook([ranges], values_only=True)
    assert not [
        f"{ws.title}!{cell.coordinate}"
        for ws in workbook
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    rows = keyed(workbook["Simulation"])
    want = run.platforms["average"].cumulative_quantiles()[1]
    assert rows["average.cumulative_p50"][FIRST - 1 : FIRST + 5] == pytest.approx(want, abs=CENT)


def test_the_dutch_sheet_is_named_simulatie_with_dutch_words(ranges):
    workbook = build_workbook([ranges], language="nl")
    assert workbook.sheetnames[-2:] == ["Simulatie", "Info"]
    ws = workbook["Simulatie"]
    rows = keyed(ws)
    assert rows["average.cumulative_p50"][0] == "P50 (mediaan)"
    assert rows["average.break_even_probability"][0] == "Kans op terugverdienen tot en met dit jaar"
    ranges_table = bands(ws)["De bandbreedtes waaruit getrokken is"]
    assert ranges_table["ass_jv.growth.groups_per_year"][FIRST + 3] == "driehoek"
    assert "(10.000 trekkingen, seed 1)" in ws["A2"].value
    about = [row[0] for row in workbook["Info"].iter_rows(values_only=True)]
    assert "Simulatie" in about


# ---------------------------------------------------------------- charts


def test_a_fan_chart_per_platform_draws_p10_p50_p90_over_the_years(book, ranges):
    ws = book["Simulation"]
    fans = [chart for chart in ws._charts if isinstance(chart, LineChart)]
    rows = {row[2].value: row[2].row for row in ws.iter_rows(min_row=4) if row[2].value}
    for chart, (platform, model) in zip(fans, ranges.scenario.platforms.items(), strict=True):
        assert chart.title.tx.rich.p[0].r[0].t == model.name
        assert [series.tx.v for series in chart.series] == ["P10", "P50 (median)", "P90"]
        numbers = [rows[f"{plain(platform)}.cumulative_{part}"] for part in ("p10", "p50", "p90")]
        references = [series.val.numRef.f for series in chart.series]
        assert references == [f"'Simulation'!$D${n}:$I${n}" for n in numbers]  # years 1-6
        assert all(series.smooth is False for series in chart.series)
        assert chart.x_axis.delete is False and chart.y_axis.delete is False
        assert chart.x_axis.title is not None and chart.y_axis.title is not None


def test_a_bar_chart_per_platform_draws_the_tornado_left_or_right_of_the_balance(book):
    bars = [chart for chart in book["Simulation"]._charts if isinstance(chart, BarChart)]
    assert len(bars) == 4
    for chart in bars:
        low, high = chart.series
        assert low.val.numRef.f.startswith("'Simulation'!$H$")  # the balance at low - as written
        assert high.val.numRef.f.startswith("'Simulation'!$I$")
        assert [low.tx.v, high.tx.v] == ["Parameter at its low", "Parameter at its high"]
        assert chart.overlap == 100 and chart.x_axis.tickLblPos == "low"
        assert chart.type == "bar" and chart.x_axis.scaling.orientation == "maxMin"
        assert chart.x_axis.delete is False and chart.y_axis.delete is False
        assert chart.x_axis.title is not None and chart.y_axis.title is not None


# ---------------------------------------------------------------- options and the command


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"draws": 0}, "draws must be a whole number from 1 to 2,000,000 (got 0)"),
        ({"draws": 2.5}, "draws must be a whole number from 1 to 2,000,000 (got 2.5)"),
        ({"seed": -1}, "seed must be a whole number from 0 (got -1)"),
        ({"seed": "1"}, "seed must be a whole number from 0 (got '1')"),
    ],
)
def test_a_bad_number_of_draws_or_seed_is_refused(settings, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        SimulationSettings(**settings)


def test_the_export_command_takes_draws_seed_and_no_simulation(tmp_path):
    target = tmp_path / "book.xlsx"
    code, out, _ = run_export(str(RANGES), "-o", str(target), "--draws", "300", "--seed", "5")
    assert code == 0
    assert "1 Simulation sheet of 300 draws, seed 5" in out
    note = openpyxl.load_workbook(target)["Simulation"]["A2"].value
    assert "(300 draws, seed 5)" in note
    code, out, _ = run_export(str(RANGES), "-o", str(target), "--no-simulation")
    assert code == 0 and "Simulation" not in out
    assert "Simulation" not in openpyxl.load_workbook(target).sheetnames


def test_a_bad_seed_is_exit_2_and_leaves_no_file(tmp_path, capsys):
    target = tmp_path / "book.xlsx"
    with pytest.raises(SystemExit) as stopped:
        run_export(str(RANGES), "-o", str(target), "--seed", "-3")
    assert stopped.value.code == 2
    assert "argument --seed: must be a whole number from 0 (got -3)" in capsys.readouterr().err
    assert not target.exists()


def test_a_bad_number_of_draws_is_refused_by_the_parser_as_for_simulate(capsys):
    with pytest.raises(SystemExit) as stopped:
        run_export(str(RANGES), "-o", "x.xlsx", "--draws", "0")
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "argument --draws: must be a whole number from 1 to 2,000,000 (got 0)" in err


# ---------------------------------------------------------------- drawn by LibreOffice


def test_libreoffice_draws_the_simulation_sheet_with_its_tables_and_charts(
    soffice, ranges, tmp_path
):
    pdftoppm = require_program("pdftoppm", "poppler-utils")
    pdftotext = require_program("pdftotext", "poppler-utils")
    workbook = build_workbook([ranges], simulation=SimulationSettings(draws=2_000))
    for ws in workbook.worksheets:  # the sheet refers to no other: print it alone
        if ws.title != "Simulation":
            workbook.remove(ws)
    book = tmp_path / "simulation.xlsx"
    workbook.save(book)
    (pdf,) = soffice_run(soffice, tmp_path, "pdf", [book])
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    for label in (
        "Simulation: Kwadraad 2013, corrected, with ranges",
        "Probability of break-even by this year",
        "P50 (median)",
        "Cumulative balance (euro)",
        "Balance years 1-6 minus the balance as written (euro)",
        "New platform (fictitious): Development",
    ):
        assert label in text
    subprocess.run([pdftoppm, "-r", "70", "-png", pdf, tmp_path / "page"], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    # LibreOffice breaks the pages only where the sheet does (never inside a chart), and the
    # tornado starts a page, under the repeated title rows
    assert len(pages) == len(workbook["Simulation"].row_breaks.brk) + 1
    texts = text.split("\f")
    assert any(
        page.split("\n")[3].startswith("Balance years 1-6 with one parameter") for page in texts
    )
    for png in pages:
        image = Image.open(png).convert("RGB")
        colours = {colour for _, colour in image.getcolors(maxcolors=1 << 16) or []}
        assert image.width > image.height and len(colours) > 20


def test_the_written_file_reads_back_with_the_sheet_and_its_eight_charts(ranges, tmp_path):
    path = write_workbook([ranges], tmp_path / "book.xlsx", simulation=SimulationSettings(200))
    assert len(openpyxl.load_workbook(path)["Simulation"]._charts) == 8
