"""The exported workbook read back with openpyxl: its sheets and formulas, inputs and names,
pinned figures, text that must stay text, languages, values-only copies, several scenarios,
the atomic write and the `export` command's handling of bad input. (LibreOffice recalculation
is in test_excel_recalc.py.)"""

from __future__ import annotations

import argparse
import io
import os
from pathlib import Path

import openpyxl
import pytest

from businesscase.cli.export import add_export_command
from businesscase.engine import evaluate
from businesscase.scenario.loading import LoadedScenario, load_scenario
from excel_export.styles import INPUT_FILL, PIN_FILL
from excel_export.workbook import build_workbook, workbook_bytes, write_workbook
from tests.conftest import CORRECTED, PUBLISHED

SHEETS = ["Inputs", "Time", "Savings", "Costs", "Results", "Summary", "About"]


def rows_by_key(ws) -> dict[str, int]:
    """Row number of every line, by the key in column C (the row's defined name)."""
    return {
        row[2].value: row[2].row
        for row in ws.iter_rows(min_row=4)
        if isinstance(row[2].value, str) and row[2].value
    }


def rows_by_key_after_years(ws, horizon: int = 6) -> dict[str, int]:
    """Row number of every row of the Inputs or Time sheet, by its name (right of the years)."""
    column = 4 + horizon
    return {
        ws.cell(r, column).value: r
        for r in range(4, ws.max_row + 1)
        if isinstance(ws.cell(r, column).value, str)
    }


def reload(workbook: openpyxl.Workbook, tmp_path: Path) -> openpyxl.Workbook:
    """The workbook as a reader sees it after saving."""
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    return openpyxl.load_workbook(path)


def run_export(*argv: str) -> tuple[int, str, str]:
    """The export command through an argparse parser of our own (as the CLI will build it)."""
    parser = argparse.ArgumentParser(prog="businesscase")
    add_export_command(parser.add_subparsers())
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    code = args.handler(args, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def book(published: LoadedScenario) -> openpyxl.Workbook:
    return build_workbook([published])


# ---------------------------------------------------------------- structure and formulas


def test_the_workbook_has_the_seven_sheets_and_opens_on_the_summary(book):
    assert book.sheetnames == SHEETS
    assert book.active.title == "Summary"


def test_every_engine_line_is_written_once_as_a_formula_per_year(book, published_results):
    keys = [key for sheet in ("Savings", "Costs", "Results") for key in rows_by_key(book[sheet])]
    names = {key.replace("-", "_") for key in published_results.lines}
    lines = [key for key in keys if key in names]
    assert sorted(lines) == sorted(names)
    assert len(lines) == len(set(lines))
    savings = book["Savings"]
    row = rows_by_key(savings)["ass_ov.scheduling_saving"]
    assert [savings.cell(row, column).data_type for column in range(4, 10)] == ["f"] * 6


def test_a_savings_cell_reads_as_the_catalogue_formula_over_named_inputs_and_constants(book):
    savings = book["Savings"]
    rows = rows_by_key(savings)
    assert (
        savings.cell(rows["ass_jv.participants_per_year"], 4).value
        == "=ass_jv.group_size*ass_jv.groups_per_year"
    )
    online = rows["ass_jv.online_saving_per_participant_per_session"]
    assert savings.cell(online, 5).value.startswith(
        f"=E{rows['ass_jv.online_minutes_saved_per_participant']}/minutes_per_hour*"
    )


def test_a_parameter_by_year_is_read_from_its_year_cell(book):
    inputs, savings = book["Inputs"], book["Savings"]
    ((_, span),) = book.defined_names["ass_jv.online_sessions"].destinations
    row = int(span.split("$")[2].rstrip(":"))
    formula = savings.cell(rows_by_key(savings)["ass_jv.scheduling_saving_per_course"], 6).value
    assert f"Inputs!F{row}" in formula  # year 3 reads column F of the parameter's row
    assert inputs.cell(row, 4).value == 3 and inputs.cell(row, 6).value == 4
    assert inputs.cell(row, 5).value == f"=D{row}"  # year 2 follows year 1


def test_a_cost_of_one_year_multiplies_by_its_flag_on_the_time_sheet(book):
    costs, time = book["Costs"], book["Time"]
    development = costs.cell(rows_by_key(costs)["new_platform.development"], 4).value
    flag = time.cell(rows_by_key_after_years(time)["new_platform.development_year.flag"], 4)
    assert development == f"=new_platform.development_cost*Time!D{flag.row}"
    assert flag.value == "=IF(D$5=new_platform.development_year,1,0)"
    assert [time.cell(5, column).value for column in (4, 5)] == [1, "=D5+1"]
    assert costs.cell(3, 4).value == 1 and costs.cell(3, 4).number_format == '"Year "0'


def test_results_totals_and_break_even_are_plain_formulas(book):
    results = book["Results"]
    rows = rows_by_key(results)
    balance = rows["new_platform.balance"]
    assert results.cell(balance, 10).value == f"=SUM(D{balance}:H{balance})"
    assert results.cell(balance, 11).value == f"=SUM(D{balance}:I{balance})"
    cumulative, reached = rows["new_platform.cumulative"], rows["new_platform.break_even_reached"]
    assert results.cell(reached, 5).value == f'=IF(E{cumulative}>=0,Time!E$5,"")'
    assert (
        results.cell(rows["new_platform.break_even_year"], 4).value
        == f'=IF(COUNT(D{reached}:I{reached})=0,"none",MIN(D{reached}:I{reached}))'
    )
    assert results.cell(cumulative, 5).value == f"=D{cumulative}+E{rows['new_platform.balance']}"


def test_every_input_is_a_styled_cell_with_a_defined_name(book, published):
    inputs = book["Inputs"]
    named = set()
    for definition in book.defined_names.values():
        ((sheet, span),) = definition.destinations
        if sheet != "Inputs":
            continue
        for row in (
            inputs[span.replace("$", "")] if ":" in span else [[inputs[span.replace("$", "")]]]
        ):
            for cell in row:
                named.add(cell.coordinate)
    styled = {
        cell.coordinate
        for row in inputs.iter_rows(min_row=4)
        for cell in row
        if cell.fill == INPUT_FILL
    }
    assert styled <= named
    assert {
        "hourly_wage",
        "vat_rate",
        "ass_jv.group_size",
        "new_platform.licence_per_client",
    } <= set(book.defined_names)
    wage = book.defined_names["hourly_wage"].destinations
    ((_, coordinate),) = wage
    assert inputs[coordinate.replace("$", "")].value == 75


def test_formats_euros_percentages_frozen_headings_and_print_set_up(book):
    savings, inputs = book["Savings"], book["Inputs"]
    row = rows_by_key(savings)["ass_ov.scheduling_saving"]
    assert savings.cell(row, 4).number_format.startswith('"€" #,##0.00')
    ((_, vat),) = book.defined_names["vat_rate"].destinations
    assert inputs[vat.replace("$", "")].number_format == "0.0%"
    assert inputs[vat.replace("$", "")].value == pytest.approx(0.21)
    for name in ("Inputs", "Savings", "Costs", "Results"):
        ws = book[name]
        assert ws.freeze_panes == "D4"
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.column_dimensions["A"].width > 20


def test_a_pinned_line_is_a_marked_value_with_its_reason(book, published_results):
    savings = book["Savings"]
    row = rows_by_key(savings)["ass_jv.scheduling_saving"]
    for column in range(4, 10):
        cell = savings.cell(row, column)
        assert cell.value == 900 and cell.data_type == "n"
        assert cell.fill == PIN_FILL and cell.number_format.endswith('" *"')
        assert "Erratum E1" in cell.comment.text
    unpinned = savings.cell(rows_by_key(savings)["ass_ov.scheduling_saving"], 4)
    assert unpinned.comment is None and unpinned.fill != PIN_FILL


def test_the_about_sheet_gives_lineage_overrides_and_the_errata(book, tmp_path):
    about = book["About"]
    texts = [cell.value for row in about.iter_rows() for cell in row if cell.value]
    joined = "\n".join(str(text) for text in texts)
    assert "scenarios/kwadraad-2013-published.yaml" in joined
    assert "ass_jv.scheduling_saving" in joined and "Erratum E1" in joined
    assert "erratum E2" in joined and "erratum E3" in joined
    assert "businesscase version" in texts


def test_the_corrected_case_has_no_overrides_and_no_errata(corrected):
    about = build_workbook([corrected])["About"]
    texts = [cell.value for row in about.iter_rows() for cell in row if cell.value]
    assert "No overrides: every figure is computed." in texts
    assert not any("Errata" in str(text) for text in texts)


# ---------------------------------------------------------------- text stays text

HOSTILE = {
    "courses.ass_jv.name": '=HYPERLINK("http://example.com","click")',
    "courses.ass_ov.name": "+1",
    "platforms.new-platform.name": "@x",
    "platforms.average.name": "-2+3",
    "name": "=1+1",
    "description": "=cmd|' /C calc'!A0",
}


def test_names_from_the_scenario_file_never_become_formulas(tmp_path):
    changes = [f"{path}='{text.replace(chr(39), chr(39) * 2)}'" for path, text in HOSTILE.items()]
    hostile = load_scenario(CORRECTED, changes)
    workbook = reload(build_workbook([hostile]), tmp_path)
    found = {
        cell.value: cell.data_type
        for ws in workbook
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value in HOSTILE.values()
    }
    assert set(found) == set(HOSTILE.values())
    assert set(found.values()) == {"s"}
    formulas = [
        cell.value
        for ws in workbook
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert not any("HYPERLINK" in formula or "cmd" in formula for formula in formulas)


def test_control_characters_are_dropped_from_text(tmp_path):
    loaded = load_scenario(CORRECTED, ['courses.ass_jv.name="Ass\\aJV"'])
    savings = reload(build_workbook([loaded]), tmp_path)["Savings"]
    headings = [row[0].value for row in savings.iter_rows(min_row=4)]
    assert "AssJV" in headings


# ---------------------------------------------------------------- options


def test_values_only_holds_no_formula_and_the_engine_figures(published, published_results):
    workbook = build_workbook([published], values_only=True)
    assert not [
        cell.coordinate
        for ws in workbook
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    results = workbook["Results"]
    rows = rows_by_key(results)
    cumulative = [results.cell(rows["average.cumulative"], c).value for c in range(4, 10)]
    assert cumulative == pytest.approx([-39831.5, -19663.0, 24.5, 36981.0, 73937.5, 110894.0])
    assert results.cell(rows["average.balance"], 10).value == pytest.approx(73937.5)
    assert results.cell(rows["new_platform.break_even_year"], 4).value == 4
    savings = workbook["Savings"]
    pinned = savings.cell(rows_by_key(savings)["ass_jv.scheduling_saving"], 4)
    assert pinned.value == 900 and pinned.fill == PIN_FILL and pinned.comment is not None


def test_dutch_labels_sheet_names_and_words(corrected):
    workbook = build_workbook([corrected], language="nl")
    assert workbook.sheetnames == [
        "Invoer",
        "Tijd",
        "Besparingen",
        "Kosten",
        "Resultaten",
        "Samenvatting",
        "Info",
    ]
    labels = {row[0].value for row in workbook["Invoer"].iter_rows(min_row=4)}
    assert {"Uurloon", "Btw", "Deelnemers per groep"} <= labels
    results = workbook["Resultaten"]
    rows = rows_by_key(results)
    assert results.cell(rows["average.balance"], 1).value == "Saldo"
    assert '"geen"' in results.cell(rows["average.break_even_year"], 4).value
    assert "Besparingen" in str(workbook["Besparingen"]["A1"].value)


def test_an_unknown_language_is_refused(published):
    with pytest.raises(ValueError, match="language must be one of en, nl"):
        build_workbook([published], language="de")


def test_two_scenarios_make_two_blocks_named_after_them_and_a_compare_sheet(published, corrected):
    workbook = build_workbook([published, corrected])
    assert workbook.sheetnames[:6] == [f"1 {s} as published" for s in SHEETS[:6]]
    corrected_sheets = [
        "2 Inputs corrected",  # within Excel's 31 characters: whole parts of the name
        "2 Time corrected (errata E1-E3)",
        "2 Savings corrected",
        "2 Costs corrected",
        "2 Results corrected",
        "2 Summary corrected",
    ]
    assert workbook.sheetnames[6:] == [*corrected_sheets, "Compare", "About"]
    assert {"s1_hourly_wage", "s2_hourly_wage"} <= set(workbook.defined_names)
    savings = workbook["2 Savings corrected"]
    formula = savings.cell(rows_by_key(savings)["s2_ass_jv.participants_per_year"], 4).value
    assert formula == "=s2_ass_jv.group_size*s2_ass_jv.groups_per_year"
    results = workbook["2 Results corrected"]
    savings_row = rows_by_key(results)["s2_average.savings"]
    assert results.cell(savings_row, 4).value.startswith("='2 Savings corrected'!D")
    about = [c.value for row in workbook["About"].iter_rows() for c in row if c.value]
    assert "1. Kwadraad 2013, as published" in about
    assert "2. Kwadraad 2013, corrected (errata E1-E3)" in about


def test_workbook_bytes_are_an_xlsx_for_the_download_button(published):
    data = workbook_bytes([published])
    assert data[:2] == b"PK"
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == SHEETS


def test_a_workbook_of_no_scenario_is_refused():
    with pytest.raises(ValueError, match="at least one scenario"):
        build_workbook([])


# ---------------------------------------------------------------- atomic write


def test_a_written_workbook_leaves_no_temporary_file(published, tmp_path):
    target = write_workbook([published], tmp_path / "case.xlsx")
    assert [path.name for path in tmp_path.iterdir()] == ["case.xlsx"]
    assert openpyxl.load_workbook(target).sheetnames == SHEETS


def test_a_failed_save_keeps_the_good_workbook_and_leaves_nothing(published, tmp_path, monkeypatch):
    target = tmp_path / "case.xlsx"
    target.write_bytes(b"the good workbook")

    def broken_save(self, stream):
        stream.write(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="No space left"):
        write_workbook([published], target)
    assert target.read_bytes() == b"the good workbook"
    assert [path.name for path in tmp_path.iterdir()] == ["case.xlsx"]


def test_a_replaced_workbook_keeps_the_permissions_of_the_old_one(published, tmp_path):
    target = tmp_path / "case.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_workbook([published], target)
    assert target.stat().st_mode & 0o777 == 0o640


# ---------------------------------------------------------------- the export command


def test_the_export_command_writes_the_workbook_with_changes(tmp_path):
    target = tmp_path / "case.xlsx"
    code, out, err = run_export(
        "export", str(PUBLISHED), "-o", str(target), "--set", "hourly_wage=80", "--language", "nl"
    )
    assert (code, err) == (0, "")
    assert f"wrote {target} (1 scenario, formulas)" in out
    workbook = openpyxl.load_workbook(target)
    ((_, coordinate),) = workbook.defined_names["hourly_wage"].destinations
    assert workbook["Invoer"][coordinate.replace("$", "")].value == 80


def test_the_export_command_takes_several_files_and_values_only(tmp_path):
    target = tmp_path / "both.xlsx"
    code, out, _ = run_export(
        "export", str(PUBLISHED), str(CORRECTED), "-o", str(target), "--values-only"
    )
    assert code == 0 and "(2 scenarios, values)" in out
    assert "2 Results corrected" in openpyxl.load_workbook(target).sheetnames


def test_a_scenario_that_does_not_validate_is_exit_2_with_every_problem_and_no_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        f"extends: {PUBLISHED}\nhourly_wage: abc\ncourses:\n  ass_jv:\n    grup_size: 3\n"
    )
    target = tmp_path / "case.xlsx"
    code, out, err = run_export("export", str(bad), str(PUBLISHED), "-o", str(target))
    assert code == 2 and out == ""
    assert "bad.yaml: 2 problems" in err
    assert "hourly_wage: must be a number" in err and "did you mean 'group_size'" in err
    assert not target.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.yaml"]


def test_a_bad_change_is_exit_2_and_keeps_an_existing_workbook(tmp_path):
    target = tmp_path / "case.xlsx"
    target.write_bytes(b"the good workbook")
    code, _, err = run_export(
        "export", str(PUBLISHED), "-o", str(target), "--set", "hourly_wage=-1"
    )
    assert code == 2 and "hourly_wage: must be a number > 0" in err
    assert target.read_bytes() == b"the good workbook"


def test_a_missing_scenario_file_is_exit_2(tmp_path):
    code, _, err = run_export("export", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "nope.yaml: 1 problem" in err and "file not found" in err


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing-folder/case.xlsx", "cannot write the workbook (No such file or directory)"),
        ("a-file/case.xlsx", "cannot write the workbook (Not a directory)"),
        ("a-folder.xlsx", "cannot write the workbook (Is a directory)"),
        ("case.csv", "the output must be an .xlsx file"),
    ],
)
def test_an_output_that_cannot_be_written_is_exit_2_and_leaves_nothing(tmp_path, output, message):
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "a-folder.xlsx").mkdir()
    before = sorted(os.listdir(tmp_path))
    code, out, err = run_export("export", str(PUBLISHED), "-o", str(tmp_path / output))
    assert code == 2 and out == ""
    assert message in err
    assert sorted(os.listdir(tmp_path)) == before
    assert os.listdir(tmp_path / "a-folder.xlsx") == []


def test_the_engine_results_match_the_values_only_savings_of_every_line(corrected, tmp_path):
    workbook = build_workbook([corrected], values_only=True)
    engine = evaluate(corrected.scenario)
    for sheet in ("Savings", "Costs", "Results"):
        ws = workbook[sheet]
        for key, row in rows_by_key(ws).items():
            if key in engine.values:
                got = [ws.cell(row, column).value for column in range(4, 10)]
                assert got == pytest.approx(list(engine.values[key])), key
