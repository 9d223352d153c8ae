"""The exported workbook, recalculated by LibreOffice, against the engine (an independent
evaluation of the same formulas): the reference scenarios, 60 random parameter sets, an input
edited in the workbook, and the Summary sheet drawn to a picture.

All workbooks go through one LibreOffice call (about 1.3 s a call, much less a file).
"""

from __future__ import annotations

import os
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from businesscase import Kind
from businesscase.engine import Results, evaluate
from businesscase.model.catalogue import build_lines
from businesscase.scenario.loading import LoadedScenario, load_scenario
from excel_export.labels import Words
from excel_export.layout import sheet_of
from excel_export.workbook import build_workbook, scenario_sheet_names, write_workbook
from tests.conftest import CORRECTED, PUBLISHED, line_key, require_program

CENT = 0.005
RANDOM_CASES = 60
FIRST_YEAR = 4  # column D
RECALC_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


# ---------------------------------------------------------------- LibreOffice


def soffice_run(soffice: str, work: Path, convert_to: str, books: list[Path]) -> list[Path]:
    """Convert workbooks with LibreOffice: one process per core, each with a throw-away profile
    of its own that recalculates every formula on load. Returns the converted files."""
    out = work / f"converted-{convert_to}"
    processes = max(1, min(len(books), os.cpu_count() or 1, 4))
    running = []
    for index in range(processes):
        profile = work / f"lo-profile-{index}"
        (profile / "user").mkdir(parents=True, exist_ok=True)
        (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ON_LOAD)
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            convert_to,
            "--outdir",
            str(out),
            *map(str, books[index::processes]),
        ]
        running.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
    for process in running:
        assert process.wait(timeout=900) == 0
    converted = [out / f"{book.stem}.{convert_to}" for book in books]
    missing = [path.name for path in converted if not path.exists()]
    assert not missing, f"LibreOffice exited without writing {missing}"
    return converted


# ---------------------------------------------------------------- reading a recalculated workbook


def error_cells(workbook: openpyxl.Workbook) -> list[str]:
    """Every cell that holds an error value (#REF!, #NAME?, Err:522 for a circular
    reference ...)."""
    return [
        f"{ws.title}!{cell.coordinate}={cell.value}"
        for ws in workbook.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and (cell.value.startswith("#") or "Err:" in cell.value)
    ]


def assert_block_matches(
    workbook: openpyxl.Workbook, results: Results, sheets: dict[str, str], none: str = "none"
) -> None:
    """Every engine line (on Savings, Costs and Results) and every cell of Results (totals,
    break-even) equals the engine's figure to the cent."""
    horizon = len(results.years)
    seen: set[str] = set()
    wrong: list[str] = []
    for role in ("savings", "costs", "results"):
        for row in workbook[sheets[role]].iter_rows(min_row=4, values_only=True):
            key = line_key(row[2], results)
            if key not in results.values:
                continue
            assert key not in seen, f"{key} is written twice"
            seen.add(key)
            for year in range(1, horizon + 1):
                got, want = row[FIRST_YEAR + year - 2], results.values[key][year - 1]
                if not isinstance(got, int | float) or abs(got - want) > CENT:
                    wrong.append(f"{key} year {year}: workbook {got!r}, engine {want:.4f}")
    assert seen == set(results.values), f"lines missing: {sorted(set(results.values) - seen)}"
    assert not wrong, "\n".join(wrong[:20])
    checked = 0
    for row in workbook[sheets["results"]].iter_rows(min_row=4, values_only=True):
        key = line_key(row[2], results)
        if key is None:
            continue
        platform, name = key.rsplit(".", 1)
        if key in results.lines and results.lines[key].summable:
            for offset, (first, last) in enumerate(results.scenario.totals):
                got = row[FIRST_YEAR - 1 + horizon + offset]
                want = float(results.total(platform, name, first, last))
                assert abs(got - want) <= CENT, f"{key} total {first}-{last}: {got} != {want}"
                checked += 1
        elif name == "break_even_year":
            want = results.break_even_year(platform)
            assert row[FIRST_YEAR - 1] == (none if want is None else want), key
            checked += 1
        elif name == "break_even_reached":
            cumulative = results.platform_line(platform, "cumulative")
            want = [year if value >= 0 else None for year, value in enumerate(cumulative, 1)]
            got = [value if value != "" else None for value in row[3 : 3 + horizon]]
            assert got == want, key
            checked += 1
    totalled = [
        key for key, line in results.lines.items() if sheet_of(line) == "results" and line.summable
    ]
    assert checked == len(totalled) * len(results.scenario.totals) + 2 * len(results.platform_ids)


# ---------------------------------------------------------------- random valid parameter sets


def random_changes(rng: random.Random, loaded: LoadedScenario) -> list[str]:
    """A random set of `--set` changes that keeps the scenario valid: wages, rates, counts,
    step functions by year, platform costs, rounding, horizon, one-off costs and a pin."""
    scenario = loaded.scenario
    courses = list(scenario.courses)
    plain = [p for p, platform in scenario.platforms.items() if platform.average_of is None]
    horizon = rng.choice([6, 6, 6, 7, 8, 10])
    changes = []
    if horizon != 6:
        changes += [f"horizon_years={horizon}", f"totals=[[1, 5], [1, 6], [2, {horizon}]]"]

    def money(high: float) -> str:
        return f"{rng.uniform(0, high):.2f}"

    candidates = [
        lambda: f"hourly_wage={rng.uniform(40, 120):.2f}",
        lambda: f"vat_rate={rng.choice(['0', '9%', '21%', '0.125'])}",
        lambda: f"implementation_hours={rng.randint(0, 1200)}",
        lambda: f"implementation_spread_years={rng.randint(1, horizon)}",
    ]
    for course in courses:
        at = f"courses.{course}"
        candidates += [
            lambda at=at: f"{at}.group_size={rng.randint(1, 20)}",
            lambda at=at: f"{at}.minutes_per_participant={rng.uniform(0, 90):.1f}",
            lambda at=at: f"{at}.groups_per_year={rng.randint(0, 15)}",
            lambda at=at: f"{at}.offline_sessions.{rng.randint(2, horizon)}={rng.randint(0, 9)}",
            lambda at=at: f"{at}.online_sessions.{rng.randint(2, horizon)}={rng.randint(0, 9)}",
            lambda at=at: f"{at}.offline_time_gain={rng.uniform(0, 0.6):.3f}",
            lambda at=at: f"{at}.online_efficiency={rng.randint(0, 80)}%",
            lambda at=at: f"{at}.offline_preparation_hours={rng.uniform(0, 4):.2f}",
            lambda at=at: f"{at}.online_preparation_hours={rng.uniform(0, 2):.2f}",
            lambda at=at: f"{at}.referral_hours_per_participant={rng.uniform(0, 3):.2f}",
            lambda at=at: f"{at}.growth.from_year={rng.randint(1, horizon)}",
            lambda at=at: f"{at}.growth.groups_per_year={rng.randint(0, 8)}",
            lambda at=at: f"{at}.growth.hours_saved_per_new_participant={rng.uniform(0, 5):.1f}",
            lambda at=at: f"{at}.growth.online_sessions={rng.randint(0, 8)}",
        ]
    for platform in plain:
        at = f"platforms.{platform}"
        candidates += [
            lambda at=at: f"{at}.development_cost={money(120_000)}",
            lambda at=at: f"{at}.development_year={rng.randint(1, horizon)}",
            lambda at=at: f"{at}.purchase_and_training={money(40_000)}",
            lambda at=at: f"{at}.trainer_days={rng.randint(0, 6)}",
            lambda at=at: f"{at}.trainer_day_rate={money(2_500)}",
            lambda at=at: f"{at}.staff_trained={rng.randint(0, 40)}",
            lambda at=at: f"{at}.training_spread_years={rng.randint(1, horizon)}",
            lambda at=at: f"{at}.licence_per_client={money(60)}",
            lambda at=at: (
                f"{at}.licence_clients={{1: {rng.randint(0, 300)}, "
                f"{rng.randint(2, horizon)}: {rng.randint(0, 300)}}}"
            ),
            lambda at=at: f"{at}.round_licence_to_euro={rng.choice(['true', 'false'])}",
            lambda at=at: f"{at}.licence_per_year={money(10_000)}",
            lambda at=at: f"{at}.hosting_per_year={money(5_000)}",
            lambda at=at: f"{at}.other_recurring_per_year={money(5_000)}",
            lambda at=at: f"{at}.one_off_costs={{{rng.randint(1, horizon)}: {money(20_000)}}}",
        ]
    changes += [make() for make in rng.sample(candidates, rng.randint(3, 14))]
    if rng.random() < 0.3:
        lines = build_lines(scenario).items()
        keys = [key for key, line in lines if line.kind is not Kind.STOCK]
        years = sorted(rng.sample(range(1, 7), rng.randint(1, 3)))
        changes.append(
            f"overrides=[{{line: {rng.choice(keys)}, value: {money(9_000)}, years: {years}, "
            "reason: a random pin}]"
        )
    return changes


# ---------------------------------------------------------------- the batch


@dataclass(frozen=True)
class Case:
    """One exported workbook: the scenarios in it, and the file LibreOffice recalculated."""

    loaded: list[LoadedScenario]
    language: str = "en"


def edited(source: Path, target: Path, name: str, year: int, value: float) -> Path:
    """A copy of a workbook with one input changed in place, as an analyst would."""
    workbook = openpyxl.load_workbook(source)
    ((sheet, coordinate),) = workbook.defined_names[name].destinations
    cell = workbook[sheet][coordinate.replace("$", "")]
    if ":" in coordinate:  # a parameter by year: a row of cells
        cell = workbook[sheet][coordinate.split(":")[0].replace("$", "")].offset(0, year - 1)
    cell.value = value
    workbook.save(target)
    return target


@pytest.fixture(scope="module")
def batch(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Case, Path]]:
    """Every workbook of this module, exported, then recalculated in one LibreOffice call."""
    work = tmp_path_factory.mktemp("excel")
    published, corrected = load_scenario(PUBLISHED), load_scenario(CORRECTED)
    rng = random.Random(20131129)
    cases: dict[str, Case] = {
        "published": Case([published]),
        "corrected": Case([corrected]),
        "both-nl": Case([published, corrected], "nl"),
        "text-safety": Case([load_scenario(CORRECTED, HOSTILE_NAMES)]),
    }
    for index in range(RANDOM_CASES):
        base = rng.choice([PUBLISHED, CORRECTED])
        cases[f"random-{index:02d}"] = Case(
            [load_scenario(base, random_changes(rng, load_scenario(base)))]
        )
    books: dict[str, Path] = {}
    for name, case in cases.items():
        books[name] = write_workbook(case.loaded, work / f"{name}.xlsx", case.language)
    cases["wage-edited"] = Case([load_scenario(PUBLISHED, ["hourly_wage=83.5"])])
    books["wage-edited"] = edited(
        books["published"], work / "wage-edited.xlsx", "hourly_wage", 1, 83.5
    )
    cases["step-edited"] = Case([load_scenario(PUBLISHED, [f"{LICENCE_CLIENTS}.1=120"])])
    books["step-edited"] = edited(
        books["published"], work / "step-edited.xlsx", "new_platform.licence_clients", 1, 120
    )
    names = list(books)
    converted = soffice_run(soffice, work, "xlsx", [books[name] for name in names])
    return {name: (cases[name], path) for name, path in zip(names, converted, strict=True)}


LICENCE_CLIENTS = "platforms.new-platform.licence_clients"
HOSTILE_NAMES = [
    """courses.ass_jv.name='=HYPERLINK("http://example.com","click")'""",
    "courses.ass_ov.name='+1'",
    "platforms.new-platform.name='@x'",
    "platforms.average.name='-2+3'",
    "name='=1+1'",
]


def check_case(case: Case, recalculated: Path) -> None:
    workbook = openpyxl.load_workbook(recalculated, data_only=True)
    assert error_cells(workbook) == []
    words = Words(case.language)
    named = scenario_sheet_names(words, [words.name(one.scenario.name) for one in case.loaded])
    for loaded, sheets in zip(case.loaded, named, strict=True):
        assert_block_matches(workbook, evaluate(loaded.scenario), sheets, words("break_even.none"))


# ---------------------------------------------------------------- the tests


@pytest.mark.parametrize("name", ["published", "corrected"])
def test_the_reference_scenarios_recalculate_to_the_engine_to_the_cent(batch, name):
    check_case(*batch[name])


def test_the_published_results_sheet_shows_the_printed_figures(batch):
    _, path = batch["published"]
    rows = {
        row[2]: row
        for row in openpyxl.load_workbook(path, data_only=True)["Results"].iter_rows(
            min_row=4, values_only=True
        )
    }
    assert rows["average.cumulative"][3:9] == pytest.approx(
        [-39831.5, -19663.0, 24.5, 36981.0, 73937.5, 110894.0], abs=CENT
    )
    assert rows["new_platform.costs"][9:11] == pytest.approx([241345.0, 276182.0], abs=CENT)
    assert rows["average.break_even_year"][3] == 3
    assert rows["new_platform.break_even_year"][3] == 4


def test_two_scenarios_in_dutch_recalculate_block_by_block(batch):
    check_case(*batch["both-nl"])


def test_names_that_look_like_formulas_stay_text_and_the_model_still_works(batch):
    case, path = batch["text-safety"]
    check_case(case, path)
    workbook = openpyxl.load_workbook(path, data_only=True)
    texts = {cell.value for ws in workbook for row in ws.iter_rows() for cell in row if cell.value}
    assert '=HYPERLINK("http://example.com","click")' in texts
    assert {"+1", "@x", "-2+3", "Costs: @x"} <= texts
    assert "click" not in texts


def test_sixty_random_parameter_sets_recalculate_to_the_engine(batch):
    random_cases = [name for name in batch if name.startswith("random-")]
    assert len(random_cases) == RANDOM_CASES
    for name in random_cases:
        check_case(*batch[name])


@pytest.mark.parametrize("name", ["wage-edited", "step-edited"])
def test_an_input_changed_in_the_workbook_changes_the_results_as_in_the_engine(batch, name):
    case, path = batch[name]
    check_case(case, path)
    original = evaluate(load_scenario(PUBLISHED).scenario)
    changed = evaluate(case.loaded[0].scenario)
    assert changed.values["new-platform.balance"][1] != original.values["new-platform.balance"][1]


def test_year_two_follows_an_edited_year_one_in_a_step_function(batch):
    _, path = batch["step-edited"]
    rows = {
        row[2]: row
        for row in openpyxl.load_workbook(path, data_only=True)["Costs"].iter_rows(
            min_row=4, values_only=True
        )
    }
    # 120 clients x 30 x 1.21 = 4,356 in years 1 and 2; 144 clients from year 3 as printed
    assert rows["new_platform.licence"][3:6] == pytest.approx([4356, 4356, 5227])


def test_the_summary_sheet_draws_four_platform_scenarios_with_labelled_axes(
    soffice, published, tmp_path
):
    pdftoppm = require_program("pdftoppm", "poppler-utils")
    pdftotext = require_program("pdftotext", "poppler-utils")
    workbook = build_workbook([published])
    line_chart, bar_chart = workbook["Summary"]._charts
    assert len(line_chart.series) == 4 and len(bar_chart.series) == 5
    for chart in (line_chart, bar_chart):
        assert chart.x_axis.title is not None and chart.y_axis.title is not None
        assert chart.x_axis.delete is False and chart.y_axis.delete is False
    assert all(series.smooth is False for series in line_chart.series)
    for ws in workbook.worksheets:  # print only the Summary
        if ws.title != "Summary":
            ws.sheet_state = "hidden"
            ws.print_area = None
            ws.views.sheetView[0].tabSelected = False
    book = tmp_path / "summary.xlsx"
    workbook.save(book)
    (pdf,) = soffice_run(soffice, tmp_path, "pdf", [book])
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    for platform in published.scenario.platforms.values():
        assert platform.name in text
    for label in ("Cumulative balance per platform scenario", "Year", "Euro", "Year 6"):
        assert label in text
    page = tmp_path / "page"
    subprocess.run([pdftoppm, "-r", "70", "-png", "-f", "1", "-l", "1", pdf, page], check=True)
    (png,) = tmp_path.glob("page*.png")
    image = Image.open(png).convert("RGB")
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 16) or []}
    assert image.width > image.height  # landscape
    assert len(colours) > 20  # four coloured lines, bars and text, not a blank page
