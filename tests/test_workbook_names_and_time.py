"""For analysts: one name per item and FAST-style time. The Key column of every sheet shows the
row's defined name, the Formula column holds formulas that work when typed into a cell, the
year is read from the Time sheet's timeline, a time test is a flag row that formulas multiply
by, and no formula holds a number other than 0 or 1 or runs longer than a helper row allows."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formula.tokenizer import Token, Tokenizer

from businesscase import evaluate, load_scenario
from excel_export import write_workbook
from excel_export.cell_formulas import LONGEST_FORMULA, typed_formula
from excel_export.workbook import plan_workbook
from tests.conftest import CORRECTED, SCENARIOS, line_key
from tests.test_excel_recalc import error_cells, soffice_run

CENT = 0.005
ALCANDER = SCENARIOS / "blended-help-alcander.yaml"
TYPED = (
    "ass_jv.online_saving_per_participant_per_session",  # a constant: minutes per hour
    "ass_jv.growth_new_groups",  # a flag: from the growth year
    "wage_index",  # the year number
    "implementation_cost",  # a flag around a division
    "new_platform.development",  # a flag: the development year
    "new_platform.licence",  # helper rows and a flag
    "hulp_online_with_development.training_cash_total",  # helper rows
)
"""Lines whose Formula text is typed into fresh cells, one kind of reference each."""


def key_rows(ws, column: int = 3) -> dict[str, int]:
    """Row number of every row by the name in its Key column."""
    return {
        ws.cell(r, column).value: r
        for r in range(4, ws.max_row + 1)
        if isinstance(ws.cell(r, column).value, str)
    }


def line_formulas(workbook: openpyxl.Workbook) -> list[tuple[str, str]]:
    """`Sheet!D6` and the formula of every line cell of the Time, Savings and Costs sheets."""
    return [
        (f"{ws.title}!{cell.coordinate}", cell.value)
        for ws in (workbook["Time"], workbook["Savings"], workbook["Costs"])
        for row in ws.iter_rows(min_row=4, min_col=4, max_col=9)
        for cell in row
        if cell.data_type == "f"
    ]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook([load_scenario(CORRECTED)], tmp_path_factory.mktemp("names") / "c.xlsx")


def named_columns(ws) -> dict[str, list[tuple[int, str]]]:
    """The values below each heading `Key`, `Input (name)` or `Line shown` (a sheet may hold
    several tables), by heading, each with its row."""
    headings = ("Key", "Input (name)", "Line shown")
    found: dict[str, list[tuple[int, str]]] = {heading: [] for heading in headings}
    for column in range(1, ws.max_column + 1):
        under = None
        for row in range(1, ws.max_row + 1):
            value = ws.cell(row, column).value
            if value in headings:
                under = value
            elif under is not None and isinstance(value, str) and value:
                found[under].append((row, value))
    return found


def test_every_key_column_on_every_sheet_shows_a_defined_name_of_its_own_row(tmp_path):
    loaded = [load_scenario(SCENARIOS / "kwadraad-2013-ranges.yaml"), load_scenario(CORRECTED)]
    workbook = openpyxl.load_workbook(write_workbook(loaded, tmp_path / "two.xlsx"))
    checked: dict[str, int] = {}
    for ws in workbook.worksheets:
        columns = named_columns(ws)
        for row, name in columns["Key"]:
            ((where, span),) = workbook.defined_names[name].destinations
            assert where == ws.title and {int(n) for n in re.findall(r"\d+", span)} == {row}, (
                ws.title,
                row,
                name,
            )
            role = re.sub(r"^\d+ ", "", ws.title).split(" ")[0]
            checked[role] = checked.get(role, 0) + 1
        for _, name in columns["Input (name)"] + columns["Line shown"]:
            assert name in workbook.defined_names, (ws.title, name)
    assert set(checked) == {
        "Inputs",
        "Time",
        "Savings",
        "Costs",
        "Results",
        "Simulation",
        "Compare",
    }
    assert checked["Compare"] == 2 * 4  # balance and cumulative of four platform scenarios
    simulation = workbook["1 Simulation corrected"]
    assert "s1_new_platform.cumulative_p10" in dict(
        (name, row) for row, name in named_columns(simulation)["Key"]
    )


def test_no_line_formula_tests_the_year_inline_or_holds_a_number_other_than_0_or_1(exported):
    numbers = set()
    for where, formula in line_formulas(openpyxl.load_workbook(exported)):
        assert "$3" not in formula, where  # the heading row is never read
        tokens = Tokenizer(formula).items
        numbers |= {t.value for t in tokens if t.subtype == Token.NUMBER}
        if not where.startswith("Time!") and "IF(" in formula:  # an IF tests a flag or a line
            assert not re.search(r"IF\(Time![A-Z]+\$5", formula), where
    assert numbers <= {"0", "1"}


def test_the_time_sheet_holds_the_year_the_flags_and_the_constants_with_labels(exported):
    time = openpyxl.load_workbook(exported)["Time"]
    rows = key_rows(time, 10)
    assert [time.cell(rows["year_number"], c).value for c in (4, 5)] == [1, "=D5+1"]
    growth = rows["ass_jv.growth.from_year.flag"]
    assert time.cell(growth, 4).value == "=IF(D$5>=ass_jv.growth.from_year,1,0)"
    assert time.cell(growth, 1).value.startswith("Year >= ")
    licence = rows["licence.flag"]
    assert time.cell(licence, 4).value == "=IF(D$5>=licence_from_year,1,0)"
    assert time.cell(licence, 1).value == "Licence as a share of the purchase: from year 2"
    constants = {
        name: (time.cell(row, 1).value, time.cell(row, 3).value)
        for name, row in rows.items()
        if time.cell(row, 3).value is not None
    }
    assert constants == {
        "minutes_per_hour": ("Minutes per hour", 60),
        "average.platforms_averaged": (
            "Platforms averaged in Average of Hulp Online with development and new platform",
            2,
        ),
        "licence_from_year": ("Licence: from year", 2),
        "check_tolerance": (
            "Largest difference a check of the Results sheet lets pass (half a cent)",
            0.005,
        ),
        "changed_tolerance": (
            "Largest difference from the exported value, as a share of it, that the Changed "
            "column of the Inputs sheet still counts as unchanged (a stored 1/3 may come back "
            "rounded to 15 digits)",
            1e-9,
        ),
    }


def test_a_formula_longer_than_a_cell_allows_is_split_into_helper_rows(exported):
    workbook = openpyxl.load_workbook(exported)
    longest = max(len(formula) for _, formula in line_formulas(workbook))
    assert longest <= LONGEST_FORMULA
    costs = workbook["Costs"]
    rows = key_rows(costs)
    total = rows["hulp_online_with_development.training_cash_total"]
    first, second = (
        rows[f"hulp_online_with_development.training_cash_total.part{n}"] for n in (1, 2)
    )
    assert first < second < total
    assert costs.cell(first, 1).value == "Purchase, trainers and training groups, total: part 1"
    assert costs.cell(total, 4).value.endswith(f"+D{first}+D{second}")


def test_the_formula_text_of_a_line_typed_into_fresh_cells_gives_the_engine_s_figures(
    soffice, exported, tmp_path
):
    results = evaluate(load_scenario(CORRECTED).scenario)
    workbook = openpyxl.load_workbook(exported)
    texts = {}
    for sheet in ("Savings", "Costs"):
        ws = workbook[sheet]
        for name, row in key_rows(ws).items():
            texts[name] = ws.cell(row, 10).value  # the Formula column, right of the years
    typed = workbook.create_sheet("Typed")
    for number, name in enumerate(TYPED, start=4):
        assert texts[name].startswith("=") and "!" not in texts[name], texts[name]
        typed.cell(number, 3).value = name
        for column in range(4, 10):  # each year's column
            typed.cell(number, column).value = texts[name]
    book = tmp_path / "typed.xlsx"
    workbook.save(book)
    (recalculated,) = soffice_run(soffice, tmp_path, "xlsx", [book])
    done = openpyxl.load_workbook(recalculated, data_only=True)
    assert error_cells(done) == []
    for number, name in enumerate(TYPED, start=4):
        key = line_key(name, results)
        got = [done["Typed"].cell(number, column).value for column in range(4, 10)]
        assert got == pytest.approx(list(results.values[key]), abs=CENT), name


def test_the_formula_text_of_a_running_total_sums_its_line_up_to_the_column_s_year():
    _, (block,), _ = plan_workbook([load_scenario(CORRECTED)])
    line = block.results.lines["new-platform.cumulative"]
    assert typed_formula(line, block.cells, block.timeline) == (
        '=SUMIF(year_number,"<="&year_number,new_platform.balance)'
    )


def test_a_trajectory_scenario_keeps_its_division_guard_as_an_if_and_its_minutes_constant(
    tmp_path,
):
    workbook = openpyxl.load_workbook(
        write_workbook([load_scenario(ALCANDER)], tmp_path / "a.xlsx")
    )
    savings = workbook["Savings"]
    rows = key_rows(savings)
    extra = savings.cell(rows["psychosocial.extra_trajectories"], 4).value
    assert extra.startswith("=IF(") and "minutes_per_hour" in extra and "Time!" not in extra
