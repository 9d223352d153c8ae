"""For analysts: the Results sheet checks itself, every sheet prints on A4, and a workbook of
several scenarios names its sheets after them and compares them on a Compare sheet."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.cell import coordinate_from_string

from businesscase import evaluate, load_scenario, ranged_parameters
from businesscase.cli.main import main
from excel_export import workbook_bytes, write_workbook
from excel_export.read_back import read_edits
from excel_export.simulation_charts import ROW_CM
from excel_export.styles import page_points, print_scale, row_points
from excel_export.workbook import build_workbook
from tests.conftest import CORRECTED, PUBLISHED, SCENARIOS, line_key
from tests.test_excel_recalc import error_cells, soffice_run

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def results_sheet(workbook: openpyxl.Workbook) -> openpyxl.worksheet.worksheet.Worksheet:
    return next(ws for ws in workbook.worksheets if role_of(ws.title) in ("Results", "Resultaten"))


def role_of(title: str) -> str:
    """The role of a sheet by its name: `Results` of `Results` and `2 Results corrected`."""
    return re.sub(r"^\d+ ", "", title).split(" ")[0]


def check_summary(ws) -> str:
    """The text of the Results sheet's summary of its checks (row 1, right of the title)."""
    found = [c.value for c in ws[1][1:] if c.value is not None]
    assert len(found) == 1, found
    return str(found[0])


def rows_by_key(ws) -> dict[str, int]:
    return {ws.cell(r, 3).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, 3).value}


# ---------------------------------------------------------------- check cells


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_results_sheet_checks_every_platform_in_live_formulas(language):
    workbook = build_workbook([load_scenario(PUBLISHED)], language)
    ws = results_sheet(workbook)
    summary = check_summary(ws)
    assert summary.startswith("=IF(COUNTIF(")
    assert ("Checks OK" if language == "en" else "Controles OK") in summary
    column = max(c.column for c in ws[1] if c.value is not None)
    rows = rows_by_key(ws)
    results = evaluate(load_scenario(PUBLISHED).scenario)
    for platform in results.platform_ids:
        named = platform.replace("-", "_")
        for name in ("costs", "balance", "cumulative"):
            formula = ws.cell(rows[f"{named}.{name}"], column).value
            assert isinstance(formula, str) and "SUMPRODUCT(" in formula, formula
        costs = ws.cell(rows[f"{named}.costs"], column).value
        assert costs.count("!D") == len(results.lines[f"{platform}.costs"].children)


def test_a_values_only_copy_has_no_check_formulas():
    workbook = build_workbook([load_scenario(PUBLISHED)], values_only=True)
    ws = results_sheet(workbook)
    assert not any(isinstance(c.value, str) and "COUNTIF" in c.value for c in ws[1])


def test_libreoffice_finds_the_checks_ok_and_a_cost_typed_over_failing(soffice, tmp_path):
    loaded = [load_scenario(PUBLISHED), load_scenario(CORRECTED)]
    fine = write_workbook(loaded, tmp_path / "fine.xlsx", "nl")
    english = write_workbook([load_scenario(PUBLISHED)], tmp_path / "english.xlsx")
    workbook = openpyxl.load_workbook(english)
    ws = results_sheet(workbook)
    ws.cell(rows_by_key(ws)["new_platform.costs"], 5).value = 12345  # typed over year 2
    typed = tmp_path / "typed.xlsx"
    workbook.save(typed)
    recalculated = soffice_run(soffice, tmp_path, "xlsx", [fine, english, typed])
    books = [openpyxl.load_workbook(path, data_only=True) for path in recalculated]
    for book in books:
        assert error_cells(book) == []
    fine_book, english_book, typed_book = books
    for ws in fine_book.worksheets:
        if role_of(ws.title) == "Resultaten":
            assert check_summary(ws) == "Controles OK"
    assert check_summary(results_sheet(english_book)) == "Checks OK"
    assert check_summary(results_sheet(typed_book)) == "1 check fails"
    # the Compare sheet, recalculated, holds the engine's differences
    first, second = (evaluate(one.scenario) for one in loaded)
    compare = fine_book["Vergelijking"]
    compared = 0
    for number in range(4, compare.max_row + 1):
        name = compare.cell(number, 3).value
        if not name:
            continue
        prefix, key = name.split(".", 1)  # s2_minus_s1.new_platform.balance
        assert prefix == "s2_minus_s1"
        key = line_key(key, first)
        for year in range(1, len(first.years) + 1):
            want = second.values[key][year - 1] - first.values[key][year - 1]
            assert compare.cell(number, 3 + year).value == pytest.approx(want, abs=0.005), key
        compared += 1
    assert compared == 2 * len(first.platform_ids)


# ---------------------------------------------------------------- print


def test_every_sheet_prints_on_a4_landscape_one_page_wide():
    workbook = build_workbook([load_scenario(RANGES), load_scenario(PUBLISHED)], "nl")
    assert any(role_of(ws.title) == "Simulatie" for ws in workbook.worksheets)
    for ws in workbook.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert str(setup.paperSize) == ws.PAPERSIZE_A4, ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows, ws.title
    for ws in workbook.worksheets:
        if role_of(ws.title) == "Invoer":
            check = next(c.column_letter for c in ws[3] if c.value == "Controle")
            assert ws.print_area.endswith(f"$A$1:${check}${ws.max_row}"), ws.print_area


def test_every_sheet_prints_its_11_point_text_at_6_8_points_or_more_the_simulation_at_7():
    for language in ("en", "nl"):
        workbook = build_workbook([load_scenario(RANGES)], language)
        for ws in workbook.worksheets:
            bound = 7.0 if role_of(ws.title) in ("Simulation", "Simulatie") else 6.8
            assert 11 * print_scale(ws) >= bound, (ws.title, print_scale(ws))


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_simulation_sheet_prints_the_tornado_wide_with_the_sources_wrapped_inside_it(
    language,
):
    ws = build_workbook([load_scenario(RANGES)], language).worksheets[6]
    assert role_of(ws.title) in ("Simulation", "Simulatie")
    # the print ends at the tornado's last column (K), which the sources wrap up to
    assert ws.print_area.endswith("!$A$1:$K$" + ws.print_area.rsplit("$", 1)[1])
    wrapped = {
        ws.cell(span.min_row, 10).value
        for span in ws.merged_cells.ranges
        if (span.min_col, span.max_col) == (10, 11)
        and ws.cell(span.min_row, 10).alignment.wrap_text
    }
    ranged = ranged_parameters(load_scenario(RANGES).scenario).values()
    assert {param.range_source for param in ranged} < wrapped  # and the heading
    assert max(ws.column_dimensions[letter].width for letter in "ABCDEFGHIJK") == 45


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_chart_of_the_simulation_sheet_is_cut_by_the_end_of_a_printed_page(language):
    ws = build_workbook([load_scenario(RANGES)], language).worksheets[6]
    breaks = sorted(brk.id for brk in ws.row_breaks.brk)
    assert len(ws._charts) == 8
    for chart in ws._charts:
        first = coordinate_from_string(chart.anchor)[1]  # "A47"
        last = first + int(chart.height / ROW_CM)
        assert not [row for row in breaks if first <= row < last], (first, last, breaks)
    # every page between two breaks holds no more rows than a page has room for
    ends = [*breaks, int(ws.print_area.rsplit("$", 1)[1])]
    for start, end in zip([3, *breaks], ends, strict=True):
        held = sum(row_points(ws, number) for number in range(start + 1, end + 1))
        assert held <= page_points(ws), (start, end)


def test_the_about_sheet_names_each_pinned_line_as_its_key_column_and_defined_name_do():
    pinned = "overrides=[{line: new-platform.licence, value: 5, years: [2], reason: typed}]"
    loaded = [load_scenario(PUBLISHED), load_scenario(CORRECTED, [pinned])]
    workbook = build_workbook(loaded)
    about = workbook["About"]
    headings = [r for r in range(1, about.max_row + 1) if about.cell(r, 1).value == "Line (name)"]
    shown = [about.cell(row + 1, 1).value for row in headings]
    assert shown == ["s1_ass_jv.scheduling_saving", "s2_new_platform.licence"]  # not new-platform
    for name in shown:
        ((sheet, span),) = workbook.defined_names[name].destinations
        row = int(re.findall(r"\d+", span)[0])
        assert workbook[sheet].cell(row, 3).value == name  # the Key column of the pinned row
    assert [about.cell(row + 1, 3).value for row in headings] == [900, 5]


def test_the_print_settings_survive_a_save(tmp_path):
    book = write_workbook([load_scenario(RANGES)], tmp_path / "print.xlsx", "nl")
    workbook = openpyxl.load_workbook(book)
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows, ws.title


# ---------------------------------------------------------------- several scenarios


def test_sheets_are_named_after_their_scenarios_valid_and_unique():
    loaded = [
        load_scenario(PUBLISHED),
        load_scenario(CORRECTED),
        load_scenario(CORRECTED, ["name='Corrected: [copy] */?\\ with a very long name indeed'"]),
        load_scenario(CORRECTED, ["name='Corrected: [copy] */?\\ with a very long name indeed'"]),
    ]
    workbook = build_workbook(loaded)
    names = workbook.sheetnames
    assert len({name.lower() for name in names}) == len(names)
    assert all(len(name) <= 31 and not FORBIDDEN.search(name) for name in names)
    assert "Compare" in names and names[-1] == "About"
    one = build_workbook(loaded[:1])
    assert one.sheetnames[:2] == ["Inputs", "Time"] and "Compare" not in one.sheetnames


def test_a_workbook_with_named_sheets_is_read_back(tmp_path):
    loaded = [load_scenario(PUBLISHED), load_scenario(CORRECTED)]
    book = write_workbook(loaded, tmp_path / "named.xlsx")
    workbook = openpyxl.load_workbook(book)
    inputs = workbook["2 Inputs corrected"]
    wage = next(r for r in range(4, inputs.max_row + 1) if inputs.cell(r, 1).value == "Hourly wage")
    inputs.cell(wage, 3).value = 80
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    record, blocks = read_edits(edited)
    assert record.blocks[1].sheets["inputs"] == "2 Inputs corrected"
    assert [len(block.edits) for block in blocks] == [0, 1]


def test_two_scenarios_name_their_sheets_after_them_and_get_a_compare_sheet_by_default():
    workbook = build_workbook([load_scenario(PUBLISHED), load_scenario(CORRECTED)])
    assert workbook.sheetnames[0] == "1 Inputs as published" and "Compare" in workbook.sheetnames
    assert not any(name.endswith((" 1", " 2")) for name in workbook.sheetnames)


def test_workbook_bytes_of_two_scenarios_hold_the_named_sheets_and_the_compare_sheet() -> None:
    data = workbook_bytes([load_scenario(PUBLISHED), load_scenario(CORRECTED)], "nl")
    names = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    assert names[0] == "1 Invoer zoals gepubliceerd" and names[-2:] == ["Vergelijking", "Info"]


def test_export_with_the_retired_compare_flag_still_writes_the_workbook_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "both.xlsx"
    assert main(["export", str(PUBLISHED), str(CORRECTED), "--compare", "-o", str(target)]) == 0
    assert "--compare is no longer needed" in capsys.readouterr().err
    names = openpyxl.load_workbook(target).sheetnames
    assert "Compare" in names and "1 Inputs as published" in names
