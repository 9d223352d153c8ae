"""No silent wrong answers in the workbook: inputs the model would refuse are refused by data
validation and flagged by a check cell (bounds read from the model), a scenario name with
control characters still writes a workbook that opens, a values-only copy does not pretend to
be a model, and a whole amount shown in every year's column is marked as a total, not a
yearly cost."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import openpyxl
import pytest

from businesscase import (
    Kind,
    LoadedScenario,
    ScenarioError,
    evaluate,
    load_scenario,
    number_text,
    with_changes,
)
from businesscase.cli.main import main
from excel_export import write_workbook
from excel_export.bounds import input_bounds
from excel_export.styles import (
    AMOUNT_FONT,
    AMOUNT_REPEAT_FONT,
    FOLLOW_FILL,
    INPUT_FILL,
)
from tests.conftest import CORRECTED, PUBLISHED
from tests.test_excel_recalc import error_cells, soffice_run

HORIZON = 6


def exported(loaded: list[LoadedScenario], path: Path, **options) -> openpyxl.Workbook:
    """Write a workbook as the export command does and read it back as a reader would."""
    return openpyxl.load_workbook(write_workbook(loaded, path, **options))


def named_cell(workbook: openpyxl.Workbook, name: str, year: int = 1) -> tuple[str, str]:
    """The sheet and coordinate of an input's cell (its year's cell for one held by year)."""
    ((sheet, coordinate),) = workbook.defined_names[name].destinations
    first = coordinate.split(":")[0].replace("$", "")
    if ":" in coordinate:
        first = workbook[sheet][first].offset(0, year - 1).coordinate
    return sheet, first


def validation_of(ws, coordinate: str):
    (found,) = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
    return found


def column_headed(ws, heading: str) -> int:
    (column,) = [cell.column for cell in ws[3] if cell.value == heading]
    return column


def rows_by_key(ws) -> dict[str, int]:
    return {
        row[2].value: row[2].row
        for row in ws.iter_rows(min_row=4)
        if isinstance(row[2].value, str) and row[2].value
    }


@pytest.fixture(scope="module")
def corrected_book(corrected, tmp_path_factory) -> openpyxl.Workbook:
    return exported([corrected], tmp_path_factory.mktemp("trust") / "corrected.xlsx")


# ---------------------------------------------------------------- 1. impossible inputs


def test_every_input_cell_refuses_a_value_outside_the_model_s_bounds(corrected_book):
    book = corrected_book
    inputs = book["Inputs"]
    development = validation_of(inputs, named_cell(book, "new_platform.development_year")[1])
    assert (development.type, development.operator) == ("whole", "between")
    assert (development.formula1, development.formula2) == ("1", str(HORIZON))
    assert development.showErrorMessage and development.errorStyle == "stop"
    assert development.error == (
        "Development in year must be: whole number from 1 to 6 (the horizon is 6 years)."
    )
    vat = validation_of(inputs, named_cell(book, "vat_rate")[1])
    assert (vat.type, vat.operator, vat.formula1, vat.formula2) == ("decimal", "between", "0", "1")
    assert "0% to 100%" in vat.error
    groups = validation_of(inputs, named_cell(book, "ass_jv.groups_per_year")[1])
    assert groups.type == "whole" and float(groups.formula1) == 0
    assert groups.operator in ("between", "greaterThanOrEqual")
    sessions = validation_of(inputs, named_cell(book, "ass_jv.offline_sessions", year=3)[1])
    assert sessions.type == "whole"
    wage = validation_of(inputs, named_cell(book, "hourly_wage")[1])
    assert wage.type == "custom" and ">0" in wage.formula1  # above 0, not at least 0
    guarded = {
        str(range_) for dv in inputs.data_validations.dataValidation for range_ in dv.sqref.ranges
    }
    for name, definition in book.defined_names.items():
        ((sheet, coordinate),) = definition.destinations
        if sheet == "Inputs" and name != "horizon_years":  # the horizon is fixed by the export
            assert coordinate.replace("$", "") in guarded, name


def test_the_validation_message_is_in_the_workbook_s_language(corrected, tmp_path):
    book = exported([corrected], tmp_path / "nl.xlsx", language="nl")
    development = validation_of(
        book["Invoer"], named_cell(book, "new_platform.development_year")[1]
    )
    assert development.errorTitle == "Buiten de grenzen van het model"
    assert "geheel getal van 1 t/m 6 (de looptijd is 6 jaar)" in development.error


PROBED = [
    "hourly_wage",  # above 0
    "vat_rate",  # 0% to 100%
    "implementation_hours",  # hours
    "courses.ass_jv.group_size",  # whole, above 0
    "courses.ass_jv.minutes_per_participant",  # minutes
    "courses.ass_jv.groups_per_year",  # whole, at least 0
    "courses.ass_jv.offline_sessions",  # whole, by year
    "platforms.new-platform.development_cost",  # money
    "platforms.new-platform.development_year",  # a year within the horizon
    "platforms.new-platform.trainer_days",  # whole
]


def test_the_workbook_s_bounds_are_the_bounds_the_model_enforces(corrected):
    """For an input of every kind: a value the bounds allow loads, one they refuse does not
    (the development year is kept within the horizon by the model as by the workbook)."""
    for key in PROBED:
        bounds = input_bounds(tuple(key.split(".")), HORIZON)
        assert bounds is not None and bounds.low is not None and bounds.high is not None, key
        low, high = bounds.low, bounds.high
        for probe in (low - 1, low - 0.01, low, low + 0.5, high, high + 0.5, high + 1):
            change = f"{key}={number_text(probe)}"
            try:
                with_changes(corrected, [change])
                accepted = True
            except ScenarioError:
                accepted = False
            assert accepted == bounds.contains(probe), change


def test_an_impossible_input_typed_in_the_workbook_is_flagged_after_recalculation(
    soffice, corrected, tmp_path
):
    good = write_workbook([corrected], tmp_path / "good.xlsx")
    edits = {
        "year-7": {("new_platform.development_year", 1): 7},
        "many": {
            ("vat_rate", 1): 1.5,
            ("ass_jv.groups_per_year", 1): -8,
            ("ass_jv.offline_sessions", 4): 3.5,
            ("implementation_spread_years", 1): 0,
        },
    }
    books = [good]
    for stem, changes in edits.items():
        workbook = openpyxl.load_workbook(good)
        for (name, year), value in changes.items():
            sheet, coordinate = named_cell(workbook, name, year)
            workbook[sheet][coordinate] = value
        workbook.save(tmp_path / f"{stem}.xlsx")
        books.append(tmp_path / f"{stem}.xlsx")
    good_done, year_7, many = (
        openpyxl.load_workbook(path, data_only=True)
        for path in soffice_run(soffice, tmp_path, "xlsx", books)
    )
    for recalculated in (good_done, year_7, many):
        assert error_cells(recalculated) == []
    inputs = good_done["Inputs"]
    check = column_headed(inputs, "Check")
    checks = [inputs.cell(row, check).value for row in range(4, inputs.max_row + 1)]
    checks = [value for value in checks if value]
    assert checks and set(checks) == {"OK"}
    assert inputs.cell(2, check).value == f"Inputs OK: all {len(checks)} within the model's bounds"

    flagged = year_7["Inputs"]
    _, coordinate = named_cell(year_7, "new_platform.development_year")
    row = flagged[coordinate].row
    assert flagged.cell(row, check).value == ("Out of bounds: whole number from 1 to 6")
    assert flagged.cell(2, check).value == "1 input out of bounds: see column J"
    # the new platform no longer pays its development: the figure the check warns about
    costs = year_7["Costs"]
    development = [
        costs.cell(rows_by_key(costs)["new_platform.development"], c).value for c in range(4, 10)
    ]
    assert development == [0] * 6

    flagged = many["Inputs"]
    assert flagged.cell(2, check).value == "4 inputs out of bounds: see column J"
    for name in ("vat_rate", "ass_jv.groups_per_year", "ass_jv.offline_sessions"):
        _, coordinate = named_cell(many, name)
        assert flagged.cell(flagged[coordinate].row, check).value.startswith("Out of bounds"), name


# ---------------------------------------------------------------- 2. control characters


def test_a_scenario_name_with_control_characters_writes_a_workbook_that_reopens(tmp_path):
    loaded = load_scenario(
        CORRECTED, ['name="Kwadraad\\a\\e"', 'courses.ass_jv.name="Ass\\aJV\\e"']
    )
    assert "\x07" in loaded.scenario.name and "\x1b" in loaded.scenario.name
    book = exported([loaded], tmp_path / "control.xlsx")
    assert book.properties.title == "Kwadraad"
    assert book["Inputs"]["A1"].value == "Inputs: Kwadraad"
    texts = [cell.value for ws in book for row in ws.iter_rows() for cell in row]
    assert "AssJV" in texts
    assert not any(isinstance(text, str) and ("\x07" in text or "\x1b" in text) for text in texts)
    nl = exported([loaded, load_scenario(PUBLISHED)], tmp_path / "control-nl.xlsx", language="nl")
    assert nl.properties.title.startswith("Kwadraad / ")


# ---------------------------------------------------------------- 3. values only


@pytest.mark.parametrize(
    ("language", "frozen", "editable"),
    [("en", "frozen copy", "recalculates"), ("nl", "bevroren kopie", "rekent opnieuw")],
)
def test_a_values_only_workbook_says_it_is_a_frozen_copy_not_that_it_recalculates(
    corrected, tmp_path, language, frozen, editable
):
    book = exported([corrected], tmp_path / "values.xlsx", language=language, values_only=True)
    texts = [
        cell.value
        for ws in book
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert not [text for text in texts if editable in text or "type a value" in text]
    inputs = book.worksheets[0]
    assert frozen in inputs["A2"].value


def test_a_values_only_workbook_has_no_yellow_inputs_and_no_data_validation(corrected, tmp_path):
    book = exported([corrected], tmp_path / "values.xlsx", values_only=True)
    yellow = [
        f"{ws.title}!{cell.coordinate}"
        for ws in book
        for row in ws.iter_rows()
        for cell in row
        if cell.fill == INPUT_FILL or cell.fill == FOLLOW_FILL  # a style proxy: not `in`
    ]
    assert yellow == []
    assert [ws.title for ws in book if ws.data_validations.dataValidation] == []
    formulas = [
        cell for ws in book for row in ws.iter_rows() for cell in row if cell.data_type == "f"
    ]
    assert formulas == []
    inputs = book["Inputs"]
    assert inputs.cell(2, column_headed(inputs, "Check")).value.startswith("Inputs OK")


def test_a_live_workbook_keeps_its_yellow_inputs(corrected_book):
    inputs = corrected_book["Inputs"]
    _, coordinate = named_cell(corrected_book, "hourly_wage")
    assert inputs[coordinate].fill == INPUT_FILL
    assert "recalculates" in inputs["A2"].value


# ---------------------------------------------------------------- 4. whole amounts


def test_a_total_amount_on_the_costs_sheet_reads_as_a_total_not_a_yearly_cost(
    corrected, corrected_book
):
    costs = corrected_book["Costs"]
    rows = rows_by_key(costs)
    amounts = [
        key for key, line in evaluate(corrected.scenario).lines.items() if line.kind is Kind.AMOUNT
    ]
    assert "implementation_total" in amounts
    for key in amounts:
        if key not in rows:
            continue
        label = costs.cell(rows[key], 1)
        assert "a total spread over years, not a yearly cost" in label.value, key
        assert label.comment is not None and "not a yearly cost" in label.comment.text
        year_cells = [costs.cell(rows[key], column) for column in range(4, 4 + HORIZON)]
        assert year_cells[0].font.color.rgb == AMOUNT_FONT.color.rgb
        assert {cell.font.color.rgb for cell in year_cells[1:]} == {AMOUNT_REPEAT_FONT.color.rgb}
        assert all(cell.data_type == "f" for cell in year_cells), key  # readers still find it
    implementation = costs.cell(rows["implementation_total"], 1)
    assert "'Implementation, per year' spreads it" in implementation.comment.text
    spread = costs.cell(rows["implementation_cost"], 6).value  # year 3 reads year 3's amount
    assert f"F{rows['implementation_total']}" in spread


def test_a_total_amount_is_marked_in_dutch_too(corrected, tmp_path):
    costs = exported([corrected], tmp_path / "nl.xlsx", language="nl")["Kosten"]
    label = costs.cell(rows_by_key(costs)["implementation_total"], 1)
    assert "een totaal verdeeld over jaren, geen kosten per jaar" in label.value
    assert "'Implementatie (per jaar)' verdeelt het" in label.comment.text


class _FullDisk(io.BytesIO):
    def write(self, data: object) -> int:  # type: ignore[override]
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_full_disk_prints_a_clean_message_and_leaves_no_file(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def full(handle: int, mode: str) -> _FullDisk:
        os.close(handle)
        return _FullDisk()

    monkeypatch.setattr("businesscase.report.files.os.fdopen", full)
    target = tmp_path / ("book.xlsx" if command == "export" else "report.pdf")
    assert main([command, str(CORRECTED), "-o", str(target)]) == 2
    shown = capsys.readouterr()
    assert "No space left on device" in shown.err
    assert "Traceback" not in shown.err + shown.out
    assert list(tmp_path.iterdir()) == []
