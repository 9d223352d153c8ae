"""The workbook carries its figures and shows its own edits: every formula cell stores the
engine's value (a preview, pandas or openpyxl with `data_only=True` reads the figures of a fresh
export without recalculating), Excel and the tests' LibreOffice still recalculate on opening,
each input shows its exported value and a live "changed" mark, and the About sheet counts the
changed inputs, tells how to bring them back and what an edit in the workbook cannot do."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from businesscase import evaluate, load_scenario
from excel_export import workbook_bytes, write_workbook
from excel_export.cached_values import formula_cells_without_value
from excel_export.labels import Words
from excel_export.record import MARKER, ExportRecord
from excel_export.workbook import scenario_sheet_names
from tests.conftest import CORRECTED, PUBLISHED, SCENARIOS, line_key
from tests.test_excel_recalc import assert_block_matches, error_cells, soffice_run

CENT = 0.005
ALCANDER = SCENARIOS / "blended-help-alcander.yaml"
RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"


def column_headed(ws, heading: str) -> int:
    (column,) = [cell.column for cell in ws[3] if cell.value == heading]
    return column


def input_cell(workbook: openpyxl.Workbook, name: str):
    ((sheet, coordinate),) = workbook.defined_names[name].destinations
    return workbook[sheet][coordinate.split(":")[0].replace("$", "")]


def texts(ws) -> str:
    return "\n".join(str(cell.value) for row in ws.iter_rows() for cell in row if cell.value)


# ---------------------------------------------------------------- cached values


@pytest.mark.parametrize(
    ("files", "language"),
    [([CORRECTED], "en"), ([PUBLISHED, CORRECTED], "nl"), ([ALCANDER], "en"), ([RANGES], "en")],
    ids=["corrected", "two-in-dutch", "alcander", "ranges"],
)
def test_openpyxl_with_data_only_reads_every_figure_of_a_fresh_export_without_recalculating(
    tmp_path, files, language
):
    loaded = [load_scenario(file) for file in files]
    book = write_workbook(loaded, tmp_path / "fresh.xlsx", language)
    workbook = openpyxl.load_workbook(book, data_only=True)
    assert error_cells(workbook) == []
    words = Words(language)
    named = scenario_sheet_names(words, [words.name(one.scenario.name) for one in loaded])
    for one, sheets in zip(loaded, named, strict=True):
        assert_block_matches(workbook, evaluate(one.scenario), sheets, words("break_even.none"))


def test_openpyxl_with_data_only_reads_every_cumulative_balance_of_the_engine(tmp_path):
    book = write_workbook([load_scenario(CORRECTED)], tmp_path / "fresh.xlsx")
    results = evaluate(load_scenario(CORRECTED).scenario)
    rows = {
        line_key(row[2], results): row
        for row in openpyxl.load_workbook(book, data_only=True)["Results"].iter_rows(
            min_row=4, values_only=True
        )
    }
    for platform in results.platform_ids:
        assert list(rows[f"{platform}.cumulative"][3:9]) == pytest.approx(
            list(results.platform_line(platform, "cumulative")), abs=CENT
        )
        found = results.break_even_year(platform)
        assert rows[f"{platform}.break_even_year"][3] == (found if found else "none")
    # the corrected average: -125.50 in year 3, break-even in year 4
    assert rows["average.cumulative"][5] == pytest.approx(-125.5)
    assert rows["average.break_even_year"][3] == 4


def test_pandas_reads_the_summary_without_a_recalculation(tmp_path):
    book = write_workbook([load_scenario(CORRECTED)], tmp_path / "fresh.xlsx")
    summary = pd.read_excel(book, sheet_name="Summary", header=2, index_col=0, nrows=4)
    results = evaluate(load_scenario(CORRECTED).scenario)
    for platform_id, platform in load_scenario(CORRECTED).scenario.platforms.items():
        row = summary.loc[platform.name]  # unit and name, then the years from column D
        assert list(row.iloc[2:8]) == pytest.approx(
            list(results.platform_line(platform_id, "cumulative")), abs=CENT
        )


@pytest.mark.parametrize("values_only", [False, True])
def test_every_formula_cell_carries_a_value_in_the_file_and_in_the_download(values_only):
    loaded = [load_scenario(PUBLISHED), load_scenario(ALCANDER)]
    data = workbook_bytes(loaded, "nl", values_only)
    assert formula_cells_without_value(data) == []
    formulas = sum(
        len(re.findall(rb"<f>", zipfile.ZipFile(io.BytesIO(data)).read(name)))
        for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
        if name.startswith("xl/worksheets/sheet")
    )
    assert (formulas == 0) == values_only


def test_the_workbook_asks_excel_to_recalculate_every_formula_on_opening(tmp_path):
    book = write_workbook([load_scenario(CORRECTED)], tmp_path / "fresh.xlsx")
    calculation = re.search(rb"<calcPr[^>]*>", zipfile.ZipFile(book).read("xl/workbook.xml"))
    assert calculation is not None and b'fullCalcOnLoad="1"' in calculation.group(0)


# ---------------------------------------------------------------- recalculated in LibreOffice


POISON = 999_999.0


def poisoned(source: Path, target: Path) -> Path:
    """A copy whose every stored value of a formula on Results is wrong: only a recalculation
    gives the right figures back."""
    archive = zipfile.ZipFile(source)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "xl/worksheets/sheet5.xml":  # Results
                data, count = re.subn(
                    rb"(<f>[^<]*</f>)<v>-?[0-9.e+-]+</v>", rb"\1<v>%d</v>" % int(POISON), data
                )
                assert count > 100
            copy.writestr(item, data)
    target.write_bytes(out.getvalue())
    return target


@pytest.fixture(scope="module")
def recalculated(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("values")
    fresh = write_workbook([load_scenario(CORRECTED)], work / "fresh.xlsx")
    workbook = openpyxl.load_workbook(fresh)
    input_cell(workbook, "hourly_wage").value = 80
    input_cell(workbook, "ass_ov.online_sessions").offset(0, 4).value = 7  # year 5
    workbook.save(work / "edited.xlsx")
    nl = write_workbook([load_scenario(CORRECTED)], work / "nl.xlsx", "nl")
    workbook = openpyxl.load_workbook(nl)
    input_cell(workbook, "vat_rate").value = 0.09
    workbook.save(work / "nl-edited.xlsx")
    books = [poisoned(fresh, work / "poisoned.xlsx"), work / "edited.xlsx", work / "nl-edited.xlsx"]
    done = soffice_run(soffice, work, "xlsx", books)
    return {path.stem: path for path in done} | {"fresh": fresh, "stored": books[0]}


def test_libreoffice_still_recalculates_a_workbook_with_stored_values_on_opening(recalculated):
    stored = openpyxl.load_workbook(recalculated["stored"], data_only=True)
    rows = {row[2]: row for row in stored["Results"].iter_rows(min_row=4, values_only=True)}
    assert rows["average.cumulative"][3] == POISON  # what a reader without recalculation sees
    workbook = openpyxl.load_workbook(recalculated["poisoned"], data_only=True)
    assert error_cells(workbook) == []
    (sheets,) = scenario_sheet_names(Words("en"), ["one scenario"])
    assert_block_matches(workbook, evaluate(load_scenario(CORRECTED).scenario), sheets)


def test_each_input_shows_its_exported_value_and_a_live_changed_mark(recalculated):
    fresh = openpyxl.load_workbook(recalculated["fresh"], data_only=True)["Inputs"]
    exported, changed = column_headed(fresh, "Exported"), column_headed(fresh, "Changed")
    assert changed == exported + 1 == column_headed(fresh, "Check") + 2
    wage = input_cell(openpyxl.load_workbook(recalculated["fresh"]), "hourly_wage").row
    assert fresh.cell(wage, exported).value == 75
    sessions = input_cell(openpyxl.load_workbook(recalculated["fresh"]), "ass_ov.online_sessions")
    assert fresh.cell(sessions.row, exported).value == "{1: 2, 3: 6}"
    assert fresh.cell(2, changed).value == "No input changed since the export"
    formulas = openpyxl.load_workbook(recalculated["fresh"])["Inputs"]
    assert formulas.cell(wage, changed).value.startswith("=IF(")
    assert "About!$C$" in formulas.cell(wage, changed).value

    edited = openpyxl.load_workbook(recalculated["edited"], data_only=True)["Inputs"]
    key = column_headed(fresh, "Key")
    marks = {
        edited.cell(row, key).value: edited.cell(row, changed).value
        for row in range(5, edited.max_row + 1)
        if edited.cell(row, key).value
    }
    assert {key for key, mark in marks.items() if mark == "changed"} == {
        "hourly_wage",
        "ass_ov.online_sessions",
    }
    assert {mark for key, mark in marks.items() if key != "horizon_years"} == {"changed", None}
    assert edited.cell(2, changed).value == "2 changed since the export: see About"
    assert edited.cell(wage, exported).value == 75  # still the value as exported


def test_the_about_sheet_counts_the_changed_inputs_live(recalculated):
    fresh = openpyxl.load_workbook(recalculated["fresh"], data_only=True)["About"]
    assert "Inputs changed since the export\nnone: every input is as exported" in texts(fresh)
    edited = openpyxl.load_workbook(recalculated["edited"], data_only=True)["About"]
    assert "2 of 111: marked 'changed' in column L of sheet Inputs" in texts(edited)
    dutch = openpyxl.load_workbook(recalculated["nl-edited"], data_only=True)["Info"]
    assert "1 van 111: gemarkeerd met 'gewijzigd' in kolom L van blad Invoer" in texts(dutch)
    assert error_cells(openpyxl.load_workbook(recalculated["nl-edited"], data_only=True)) == []


# ---------------------------------------------------------------- the About sheet


@pytest.mark.parametrize(
    ("language", "about", "words"),
    [
        (
            "en",
            "About",
            [
                "businesscase import WORKBOOK.xlsx -o CHANGES.yaml writes a scenario file that "
                "extends scenarios/kwadraad-2013-corrected.yaml",
                'source: "edited in WORKBOOK.xlsx, was 75"',
                "step function ({1: 3, 3: 5})",
                "What an edit here cannot do",
                "horizon",
                "add or remove courses, trajectory types, routes or platform scenarios",
                "businesscase export scenarios/kwadraad-2013-corrected.yaml -o WORKBOOK.xlsx",
                "LibreOffice shows the stored figures",
            ],
        ),
        (
            "nl",
            "Info",
            [
                "businesscase import WERKMAP.xlsx -o WIJZIGINGEN.yaml schrijft een scenariobestand",
                "Wat een wijziging hier niet kan",
                "De looptijd wijzigen",
                "cursussen, trajectsoorten, routes of platformscenario's toevoegen of weghalen",
                "businesscase export scenarios/kwadraad-2013-corrected.yaml -o WERKMAP.xlsx",
            ],
        ),
    ],
)
def test_the_about_sheet_says_how_to_bring_edits_back_and_what_an_edit_cannot_do(
    tmp_path, language, about, words
):
    book = write_workbook([load_scenario(CORRECTED)], tmp_path / "book.xlsx", language)
    text = texts(openpyxl.load_workbook(book)[about])
    for part in words:
        assert part in text, part


def test_the_about_sheet_keeps_the_record_of_the_export(tmp_path):
    loaded = load_scenario(CORRECTED, ["hourly_wage=80"])
    book = write_workbook([loaded, load_scenario(ALCANDER)], tmp_path / "two.xlsx")
    about = openpyxl.load_workbook(book)["About"]
    assert about["A2"].value == MARKER and about.row_dimensions[2].hidden
    record = ExportRecord.from_json(about["B2"].value)
    assert record.language == "en" and not record.values_only
    first, second = record.blocks
    assert first.files == [
        "scenarios/kwadraad-2013-published.yaml",
        "scenarios/kwadraad-2013-corrected.yaml",
    ]
    assert first.changes == ["hourly_wage=80"] and second.changes == []
    assert first.sheets["inputs"] == "1 Inputs Kwadraad 2013"  # whole parts within 31
    assert second.sheets["results"] == "2 Results"  # no whole part fits: About names it
    assert json.loads(about["B2"].value)["version"] == record.version
    rows = {
        about.cell(row, 1).value: row
        for row in range(first.first_row, first.first_row + len(first.keys))
    }
    assert list(rows) == first.keys
    assert about.cell(rows["hourly_wage"], 3).value == 80
    sessions = rows["courses.ass_jv.online_sessions"]
    assert [about.cell(sessions, column).value for column in range(3, 9)] == [3, 3, 4, 4, 4, 4]
    inputs = "'1 Inputs Kwadraad 2013'!D25:I25"
    assert about.cell(sessions, 2).value == f"Online sessions per course ({inputs})"
