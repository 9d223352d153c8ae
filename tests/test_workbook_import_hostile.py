"""`businesscase import` against workbooks edited carelessly or with intent: every case gives a
clear refusal naming the sheet and cell (exit 2, nothing written), or a child file whose figures
are the workbook's; never a traceback, never a silently wrong figure, nothing half-written, and
no text of the workbook ever becomes a key of the scenario file."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from ruamel.yaml import YAML

from businesscase import evaluate, load_scenario
from businesscase.cli.main import main
from excel_export import write_workbook
from excel_export.read_back import MOST_UNPACKED
from tests.conftest import CORRECTED, PUBLISHED, SCENARIOS
from tests.test_workbook_import import edit, input_cell


def run_import(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(capsys: pytest.CaptureFixture[str], book: Path, output: Path) -> str:
    """The message of an import that must be refused: exit 2, nothing on stdout, no file."""
    before = sorted(output.parent.iterdir())
    code, out, err = run_import(capsys, str(book), "-o", str(output))
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert sorted(output.parent.iterdir()) == before
    return err


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(
        [load_scenario(CORRECTED)], tmp_path_factory.mktemp("hostile") / "corrected.xlsx"
    )


@pytest.fixture(scope="module")
def dutch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(
        [load_scenario(CORRECTED)], tmp_path_factory.mktemp("hostile") / "nl.xlsx", language="nl"
    )


def changed(source: Path, target: Path, change: object) -> Path:
    """A copy of a workbook after `change(workbook)`."""
    workbook = openpyxl.load_workbook(source)
    change(workbook)  # type: ignore[operator]
    workbook.save(target)
    return target


def set_record(workbook: openpyxl.Workbook, **fields: object) -> None:
    """Edit the export's record (About!B2) as a hostile user could."""
    cell = workbook["About"]["B2"]
    record = json.loads(cell.value)
    for key, value in fields.items():
        if key in ("files", "first_row"):
            record["blocks"][0][key] = value
        else:
            record[key] = value
    cell.value = json.dumps(record)


# ---------------------------------------------------------------- names and unread cells


def test_a_defined_name_pointed_at_another_cell_is_refused_though_every_formula_is_unchanged(
    exported, tmp_path, capsys
):
    def redirect(workbook: openpyxl.Workbook) -> None:
        workbook.defined_names["minutes_per_hour"].attr_text = "Time!$C$21"

    book = changed(exported, tmp_path / "names.xlsx", redirect)
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert (
        "Time!$C$20: the defined name minutes_per_hour points at Time!$C$21; it was written "
        "pointing at Time!$C$20" in err
    )


def test_a_name_of_one_sheet_that_shadows_an_input_is_refused(exported, tmp_path, capsys):
    def shadow(workbook: openpyxl.Workbook) -> None:
        name = DefinedName("hourly_wage", attr_text="Inputs!$C$7")
        workbook["Savings"].defined_names["hourly_wage"] = name

    book = changed(exported, tmp_path / "shadow.xlsx", shadow)
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert "Savings: a name hourly_wage of this sheet only, pointing at Inputs!$C$7" in err


def test_a_number_typed_in_a_year_of_an_input_held_in_one_cell_is_refused_not_ignored(
    exported, tmp_path, capsys
):
    def year_two(workbook: openpyxl.Workbook) -> None:
        workbook["Inputs"]["E6"] = 90

    book = changed(exported, tmp_path / "year.xlsx", year_two)
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert (
        "Inputs!E6 (hourly_wage): 90 is typed in a year of an input that holds one value for "
        "every year, in Inputs!C6; this cell is not read and changes no figure" in err
    )


def test_a_number_typed_over_by_year_in_the_value_column_is_refused_not_ignored(
    exported, tmp_path, capsys
):
    def value_column(workbook: openpyxl.Workbook) -> None:
        workbook["Inputs"]["C24"] = 6

    book = changed(exported, tmp_path / "by-year.xlsx", value_column)
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert (
        "Inputs!C24 (courses.ass_jv.offline_sessions): 6 is typed beside the years of an input "
        "that holds a value per year, in Inputs!D24:I24" in err
    )


# ---------------------------------------------------------------- texts


def test_in_the_dutch_workbook_1_500_is_refused_with_both_readings(dutch, tmp_path, capsys):
    book = edit(dutch, tmp_path / "nl.xlsx", {("hourly_wage", 1): "1.500"})
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert (
        "Invoer!C6 (hourly_wage): the text '1.500' could mean 1500 (a point grouping thousands) "
        "or 1,5; type 1500 or 1,5" in err
    )


def test_in_the_dutch_workbook_a_decimal_comma_is_read(dutch, tmp_path, capsys):
    book = edit(dutch, tmp_path / "nl.xlsx", {("hourly_wage", 1): "80,5"})
    code, out, _ = run_import(capsys, str(book), "-o", str(tmp_path / "out.yaml"))
    assert code == 0 and "hourly_wage: 75 -> 80.5  (Invoer!C6)" in out


def test_a_very_long_text_is_quoted_short_in_the_message(exported, tmp_path, capsys):
    book = edit(exported, tmp_path / "long.xlsx", {("hourly_wage", 1): "8" * 30_000})
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert "Inputs!C6 (hourly_wage): the text '" + "8" * 40 + "'... (30,000 characters)" in err
    assert len(err) < 600


def test_a_yes_no_formula_as_libreoffice_saves_true_is_called_a_yes_no_value(
    exported, tmp_path, capsys
):
    book = edit(exported, tmp_path / "true.xlsx", {("hourly_wage", 1): "=TRUE()"})
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert "Inputs!C6 (hourly_wage): =TRUE() is a yes/no value, not a number" in err


# ---------------------------------------------------------------- the record


def test_a_record_whose_table_lies_beyond_the_sheet_is_refused_without_a_traceback(
    exported, tmp_path, capsys
):
    book = changed(exported, tmp_path / "row.xlsx", lambda wb: set_record(wb, first_row=10**7))
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert "About!B2: the record is incomplete (its table row 10000000)" in err


def test_an_edited_value_in_the_record_table_is_named_as_a_possible_edit_of_the_record(
    exported, tmp_path, capsys
):
    def record_80(workbook: openpyxl.Workbook) -> None:
        workbook["About"]["C27"] = 80
        input_cell(workbook, "hourly_wage").value = 80

    book = changed(exported, tmp_path / "table.xlsx", record_80)
    err = refused(capsys, book, tmp_path / "out.yaml")
    assert "About!C27: the scenario file scenarios/kwadraad-2013-corrected.yaml has changed" in err
    assert (
        "hourly_wage is 75 in it now, the workbook was exported with 80 (or this record of the "
        "export was edited)" in err
    )


def test_line_breaks_in_the_record_never_become_keys_of_the_child_file(exported, tmp_path, capsys):
    def inject(workbook: openpyxl.Workbook) -> None:
        set_record(workbook, version="0.3.0\nname: Injected by the workbook\n#")
        input_cell(workbook, "hourly_wage").value = 80

    book = changed(exported, tmp_path / "inject.xlsx", inject)
    child = tmp_path / "child.yaml"
    code, _, err = run_import(capsys, str(book), "-o", str(child))
    assert (code, err) == (0, "")
    data = YAML(typ="safe").load(child.read_text())
    assert set(data) == {"extends", "hourly_wage"}
    assert load_scenario(child).scenario.name == load_scenario(CORRECTED).scenario.name
    assert (
        child.read_text()
        .splitlines()[0]
        .startswith(
            "# Inputs changed in inject.xlsx (exported by businesscase 0.3.0 name: Injected"
        )
    )


# ---------------------------------------------------------------- the files


def test_an_existing_scenario_file_that_no_import_wrote_is_not_written_over(
    exported, tmp_path, capsys
):
    sibling = tmp_path / "ranges.yaml"
    text = (SCENARIOS / "kwadraad-2013-ranges.yaml").read_text()
    sibling.write_text(text)
    err = refused(capsys, exported, sibling)
    assert f"{sibling}: a file that businesscase import did not write is there already" in err
    assert sibling.read_text() == text


def test_the_same_workbook_imported_twice_to_one_file_gives_the_same_file(
    exported, tmp_path, capsys
):
    book = edit(exported, tmp_path / "twice.xlsx", {("hourly_wage", 1): 80})
    child = tmp_path / "child.yaml"
    assert run_import(capsys, str(book), "-o", str(child))[0] == 0
    first = child.read_text()
    assert run_import(capsys, str(book), "-o", str(child))[0] == 0
    assert child.read_text() == first
    assert float(load_scenario(child).scenario.hourly_wage.value) == 80


def test_a_folder_in_the_way_of_the_second_file_of_two_scenarios_writes_neither(tmp_path, capsys):
    both = write_workbook(
        [load_scenario(PUBLISHED), load_scenario(CORRECTED)], tmp_path / "both.xlsx"
    )
    (tmp_path / "edits-2.yaml").mkdir()
    err = refused(capsys, both, tmp_path / "edits.yaml")
    assert f"{tmp_path / 'edits-2.yaml'}: is a folder" in err
    assert not (tmp_path / "edits-1.yaml").exists()


def test_a_rename_that_fails_half_way_gives_the_first_file_its_former_text_back(
    tmp_path, capsys, monkeypatch
):
    both = write_workbook(
        [load_scenario(PUBLISHED), load_scenario(CORRECTED)], tmp_path / "both.xlsx"
    )
    first = tmp_path / "edits-1.yaml"
    first.write_text("# Inputs changed in an earlier import\nextends: x.yaml\n")
    replace = os.replace

    def fail_on_the_second(source: str | Path, target: str | Path) -> None:
        if Path(target).name == "edits-2.yaml":
            raise PermissionError(13, "Permission denied")
        replace(source, target)

    monkeypatch.setattr(os, "replace", fail_on_the_second)
    code, out, err = run_import(capsys, str(both), "-o", str(tmp_path / "edits.yaml"))
    assert (code, out) == (2, "")
    assert f"{tmp_path / 'edits-2.yaml'}: cannot write the scenario file (Permission denied)" in err
    assert first.read_text() == "# Inputs changed in an earlier import\nextends: x.yaml\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["both.xlsx", "edits-1.yaml"]


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused_before_it_is_read(
    tmp_path, capsys
):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (MOST_UNPACKED + 1))
    assert bomb.stat().st_size < 1_000_000
    err = refused(capsys, bomb, tmp_path / "out.yaml")
    assert "the workbook unpacks to 64 MB, more than the 64 MB businesscase import reads" in err


def test_a_workbook_saved_as_xls_or_ods_is_refused_with_how_to_save_it(tmp_path, capsys):
    old = tmp_path / "book.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    err = refused(capsys, old, tmp_path / "out.yaml")
    assert (
        "cannot read the workbook (not an .xlsx workbook; a workbook saved as .xls or .ods" in err
    )
    assert "must be saved as an Excel workbook (.xlsx) first" in err


def test_an_input_edited_back_to_its_exported_value_is_no_change(exported, tmp_path, capsys):
    def there_and_back(workbook: openpyxl.Workbook) -> None:
        input_cell(workbook, "hourly_wage").value = 80
        input_cell(workbook, "hourly_wage").value = 75.0

    book = changed(exported, tmp_path / "back.xlsx", there_and_back)
    child = tmp_path / "child.yaml"
    code, out, _ = run_import(capsys, str(book), "-o", str(child))
    assert code == 0 and "(no change; extends" in out
    figures = evaluate(load_scenario(child).scenario).platform_line("average", "cumulative")
    want = evaluate(load_scenario(CORRECTED).scenario).platform_line("average", "cumulative")
    assert list(figures) == list(want)
