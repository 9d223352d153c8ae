"""For analysts: the workbook's checks hold no hidden numbers (their tolerances are labelled
cells on the Time sheet, the bounds of each input are cells beside it, the counts are counted
from the sheet), and the Results sheet's Formula column works when typed, as on the Savings and
Costs sheets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.formula.tokenizer import Token, Tokenizer

from businesscase import evaluate, load_scenario, measures
from excel_export import write_workbook
from tests.conftest import CORRECTED, line_key
from tests.test_excel_recalc import error_cells, soffice_run
from tests.test_workbook_values import column_headed, input_cell

CENT = 0.005


def numbers_in(formula: str) -> set[str]:
    return {t.value for t in Tokenizer(formula).items if t.subtype == Token.NUMBER}


def formulas_in(ws, column: int, rows: range | None = None) -> list[str]:
    rows = rows or range(1, ws.max_row + 1)
    return [
        value
        for row in rows
        if isinstance(value := ws.cell(row, column).value, str) and value.startswith("=")
    ]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook([load_scenario(CORRECTED)], tmp_path_factory.mktemp("checks") / "c.xlsx")


def test_no_check_formula_holds_a_number_other_than_0_or_1(exported):
    workbook = openpyxl.load_workbook(exported)
    inputs, results = workbook["Inputs"], workbook["Results"]
    checks = formulas_in(inputs, column_headed(inputs, "Check"))
    changed = formulas_in(inputs, column_headed(inputs, "Changed"))
    result_checks = formulas_in(results, column_headed(results, "Check"))
    about = [
        formula
        for formula in formulas_in(workbook["About"], 2)
        if "COUNTIF" in formula  # the count of changed inputs
    ]
    assert len(checks) > 100 and len(changed) > 100 and len(result_checks) >= 12
    assert len(about) == 1
    for formula in [*checks, *changed, *result_checks, *about]:
        assert numbers_in(formula) <= {"0", "1"}, formula
    assert all("check_tolerance" in f for f in result_checks if "SUMPRODUCT" in f)
    assert all("changed_tolerance" in f for f in changed if f != changed[0])  # [0]: the count
    assert "COUNTA(" in checks[0] and "COUNTA(" in about[0]  # the summaries count the column


def test_the_check_of_an_input_reads_its_bounds_from_the_lowest_and_highest_columns(exported):
    workbook = openpyxl.load_workbook(exported)
    inputs = workbook["Inputs"]
    check, low, high = (column_headed(inputs, h) for h in ("Check", "Lowest", "Highest"))
    wage = input_cell(workbook, "hourly_wage").row
    low_cell, high_cell = inputs.cell(wage, low), inputs.cell(wage, high)
    assert (low_cell.value, high_cell.value) == (0, 1_000_000_000)
    assert low_cell.number_format.startswith('"> "')  # the wage must be above 0
    assert high_cell.number_format.startswith('"≤ "')
    formula = inputs.cell(wage, check).value
    assert f">{low_cell.coordinate}," in formula and f"<={high_cell.coordinate})" in formula
    development = input_cell(workbook, "new_platform.development_year").row
    assert inputs.cell(development, high).value == "=horizon_years"  # a year within the horizon
    (validation,) = [
        dv for dv in inputs.data_validations.dataValidation if str(dv.sqref) == f"C{wage}"
    ]
    # the validation keeps the model's own bounds, whatever the bound cells show
    assert validation.formula1 == f"AND(ISNUMBER(C{wage}),C{wage}>0,C{wage}<=1000000000)"


def test_the_formula_text_of_every_results_row_typed_into_fresh_cells_gives_the_engine_s_figures(
    soffice, exported, tmp_path
):
    results = evaluate(load_scenario(CORRECTED).scenario)
    workbook = openpyxl.load_workbook(exported)
    ws = workbook["Results"]
    formula_column = column_headed(ws, "Formula")
    texts = {
        ws.cell(row, 3).value: ws.cell(row, formula_column).value
        for row in range(4, ws.max_row + 1)
        if ws.cell(row, formula_column).value
    }
    assert len(texts) > 40
    assert texts["new_platform.break_even_year"] == (
        '=IF(COUNT(new_platform.break_even_reached)=0,"none",MIN(new_platform.break_even_reached))'
    )
    typed = workbook.create_sheet("Typed")
    for number, (name, text) in enumerate(texts.items(), start=4):
        assert text.startswith("=") and "!" not in text, text
        typed.cell(number, 3).value = name
        for column in range(4, 10):  # each year's column
            typed.cell(number, column).value = text
    book = tmp_path / "typed.xlsx"
    workbook.save(book)
    (recalculated,) = soffice_run(soffice, tmp_path, "xlsx", [book])
    done = openpyxl.load_workbook(recalculated, data_only=True)
    assert error_cells(done) == []
    compared = 0
    for number, name in enumerate(texts, start=4):
        got = [done["Typed"].cell(number, column).value for column in range(4, 10)]
        key = line_key(name, results)
        platform, _, part = str(key).partition(".break_even_")
        if part == "reached":
            cumulative = results.platform_line(platform, "cumulative")
            marks = measures.break_even_marks(cumulative)
            assert got == marks, name  # an empty text reads back as None
        elif part == "year":
            assert set(got) == {results.break_even_year(platform) or "none"}, name
        else:
            want = results.values[str(key)]
            assert got == pytest.approx(list(want), abs=CENT), name
        compared += 1
    assert compared == len(texts)


def test_libreoffice_flags_inputs_typed_past_their_bounds_and_counts_them_from_the_column(
    soffice, exported, tmp_path
):
    workbook = openpyxl.load_workbook(exported)
    inputs = workbook["Inputs"]
    check = column_headed(inputs, "Check")
    count = len(formulas_in(inputs, check, range(4, inputs.max_row + 1)))
    wage = input_cell(workbook, "hourly_wage")
    vat = input_cell(workbook, "vat_rate")
    wage.value, vat.value = -5, 2
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    fresh, out = soffice_run(soffice, tmp_path, "xlsx", [exported, edited])
    fresh_inputs = openpyxl.load_workbook(fresh, data_only=True)["Inputs"]
    assert fresh_inputs.cell(2, check).value == f"Inputs OK: all {count} within the model's bounds"
    out_inputs = openpyxl.load_workbook(out, data_only=True)["Inputs"]
    letter = openpyxl.utils.get_column_letter(check)
    assert out_inputs.cell(2, check).value == f"2 inputs out of bounds: see column {letter}"
    assert out_inputs.cell(wage.row, check).value == (
        "Out of bounds: number above 0 and at most 1,000,000,000"
    )
    assert out_inputs.cell(vat.row, check).value == "Out of bounds: number from 0% to 100%"
