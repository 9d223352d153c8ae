"""The workbook of a trajectory scenario is a live model: recalculated in LibreOffice it gives
the engine's figures to the cent, also after a share and the no-show rate are edited in it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from businesscase import load_scenario
from excel_export.workbook import write_workbook
from tests.test_excel_recalc import Case, check_case, soffice_run
from tests.test_trajectories import ALCANDER

BLENDED = "trajectories.psychosocial.routes.blended.share"
FACE_TO_FACE = "trajectories.psychosocial.routes.f2f.share"
NO_SHOW = "trajectories.psychosocial.no_show_rate"


def _edited(source: Path, target: Path, values: dict[str, float]) -> Path:
    """A copy of a workbook with inputs typed over, as an analyst would."""
    workbook = openpyxl.load_workbook(source)
    for name, value in values.items():
        ((sheet, coordinate),) = workbook.defined_names[name].destinations
        workbook[sheet][coordinate.split(":")[0].replace("$", "")].value = value
    workbook.save(target)
    return target


@pytest.fixture(scope="module")
def recalculated(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("trajectories")
    book = write_workbook([load_scenario(ALCANDER)], work / "alcander.xlsx")
    edited = _edited(book, work / "edited.xlsx", {BLENDED: 0.45, FACE_TO_FACE: 0.55, NO_SHOW: 0.3})
    as_file, after_edit = soffice_run(soffice, work, "xlsx", [book, edited])
    return {"as file": as_file, "edited": after_edit}


def test_the_alcander_workbook_recalculates_to_the_engine_to_the_cent(
    recalculated: dict[str, Path],
) -> None:
    check_case(Case([load_scenario(ALCANDER)]), recalculated["as file"])


def test_a_share_and_the_no_show_rate_edited_in_the_workbook_give_the_engines_figures(
    recalculated: dict[str, Path],
) -> None:
    changes = [f"{BLENDED}=45%", f"{FACE_TO_FACE}=55%", f"{NO_SHOW}=30%"]
    check_case(Case([load_scenario(ALCANDER, changes)]), recalculated["edited"])
    saving = openpyxl.load_workbook(recalculated["edited"], data_only=True)["Savings"]
    keys = {row[2]: row for row in saving.iter_rows(min_row=4, values_only=True)}
    assert keys["psychosocial.saving"][3] != pytest.approx(149_062.5)
