"""The app's downloads: the YAML scenario file loads back to the same results, whatever the
state (a file, edits on top, an upload that extends a file); the workbook is a real .xlsx, with a
Simulation sheet of the app's draws and seed for a scenario with ranges."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from businesscase.engine import evaluate
from businesscase.report.tidy import results_json
from businesscase.scenario.loading import load_scenario_bytes
from dashboard.downloads import excel_bytes, file_stem, yaml_text
from dashboard.sources import FILE, SCENARIO_DIR, UPLOAD, Evaluated, evaluate_choice
from tests.conftest import CORRECTED, PUBLISHED, SCENARIOS

EDITS = (
    "hourly_wage=80",
    "courses.ass_jv.online_sessions={1: 3, 3: 5, 4: 4}",
    "courses.ass_ov.online_efficiency={1: 45%, 3: 40%}",
    "platforms.new-platform.licence_per_client=27",
)
UPLOAD_RAW = b"extends: kwadraad-2013-published.yaml\nname: Ours\nhourly_wage: 70\n"


def reloaded(evaluated: Evaluated) -> dict[str, object]:
    """The results of the downloaded YAML, read back as an upload with nothing to extend."""
    raw = yaml_text(evaluated).encode()
    loaded = load_scenario_bytes(raw, "download.yaml", SCENARIO_DIR)
    assert loaded.files == ("download.yaml",)  # standalone: extends already resolved
    return results_json(evaluate(loaded.scenario))


@pytest.mark.parametrize(
    ("choice", "changes"),
    [
        (FILE + PUBLISHED.name, ()),
        (FILE + CORRECTED.name, ()),
        (FILE + PUBLISHED.name, EDITS),
        (FILE + CORRECTED.name, EDITS),
        (UPLOAD + "ours.yaml", EDITS[:1]),
    ],
    ids=["published", "corrected", "published-edited", "corrected-edited", "upload-edited"],
)
def test_the_yaml_download_loads_back_to_the_same_results(
    choice: str, changes: tuple[str, ...]
) -> None:
    evaluated = evaluate_choice(choice, {"ours.yaml": UPLOAD_RAW}, changes)
    assert reloaded(evaluated) == results_json(evaluated.results)


def test_the_published_download_keeps_the_pinned_erratum_and_the_sources() -> None:
    text = yaml_text(evaluate_choice(FILE + PUBLISHED.name, {}))
    assert "line: ass_jv.scheduling_saving" in text
    assert "seed 002, appendix C, Stamgegevens Jaar 1-2" in text


def test_an_edited_download_names_its_changes_and_its_file() -> None:
    evaluated = evaluate_choice(FILE + CORRECTED.name, {}, EDITS)
    text = yaml_text(evaluated)
    assert "# changed: hourly_wage=80\n" in text
    assert file_stem(evaluated) == "kwadraad-2013-corrected-edited"
    assert file_stem(evaluate_choice(FILE + CORRECTED.name, {})) == "kwadraad-2013-corrected"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_workbook_download_is_an_xlsx_file(lang: str) -> None:
    raw = excel_bytes(evaluate_choice(FILE + CORRECTED.name, {}, EDITS), lang, 10_000, 1)  # type: ignore[arg-type]
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        assert "xl/workbook.xml" in archive.namelist()
    assert "Simulation" not in openpyxl.load_workbook(io.BytesIO(raw)).sheetnames  # no ranges


def test_the_workbook_of_a_scenario_with_ranges_simulates_with_the_apps_draws_and_seed() -> None:
    ranges = evaluate_choice(FILE + "kwadraad-2013-ranges.yaml", {}, ("hourly_wage=80",))
    assert (SCENARIOS / "kwadraad-2013-ranges.yaml").exists()
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(ranges, "en", 500, 7)))
    sheet = book["Simulation"]
    run = {row[0]: row[3] for row in sheet.iter_rows(min_row=5, max_row=8, values_only=True)}
    assert (run["Draws"], run["Seed"]) == (500, 7)
    assert "--set hourly_wage=80 -o OUT.xlsx --draws 500 --seed 7" in sheet["A3"].value
