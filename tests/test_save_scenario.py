"""Saving the app's edits as a scenario file of their own (issue 12, item 1): a small file that
extends the file the edits were made on, gives the same figures, and never lands outside the
folder or over a file that is there."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from businesscase import Change, evaluate, load_scenario, message_in
from businesscase.report.saved_scenario import (
    ScenarioNotSaved,
    file_name_for,
    save_child_scenario,
)
from tests.conftest import CORRECTED

EDITS = [
    Change(("hourly_wage",), 80.5),
    Change(("courses", "ass_jv", "online_efficiency"), 0.45),
    Change(("courses", "ass_jv", "groups_per_year"), ((1, 4.0), (3, 6.0))),
    Change(("platforms", "new-platform", "development_cost"), 60_000.0),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A scenarios folder with the corrected case and the file it extends."""
    for path in CORRECTED.parent.glob("kwadraad-2013-*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_saved_file_extends_the_original_with_only_the_changes_and_gives_their_figures(
    folder: Path,
) -> None:
    base = folder / CORRECTED.name
    saved = save_child_scenario(folder, base, EDITS, "Ons plan 2027", "Hoger loon na de cao")
    assert saved == folder / "ons-plan-2027.yaml"
    text = saved.read_text(encoding="utf-8")
    assert f"extends: {CORRECTED.name}" in text
    assert "# Why: Hoger loon na de cao" in text
    assert "source: changed in the app, was 75" in text
    assert "value: 45%" in text
    loaded = load_scenario(saved)
    assert loaded.scenario.name == "Ons plan 2027"
    assert loaded.scenario.description == "Hoger loon na de cao"
    ours, edited = evaluate(loaded.scenario), evaluate(load_scenario(base, EDITS).scenario)
    for key, values in edited.values.items():
        np.testing.assert_array_equal(ours.values[key], values)
    assert (
        ours.values["average.cumulative"][-1]
        != evaluate(load_scenario(base).scenario).values["average.cumulative"][-1]
    )


def test_a_name_becomes_a_safe_file_name_inside_the_folder() -> None:
    assert file_name_for("Ons plan: 2027 (blended)") == "ons-plan-2027-blended.yaml"
    assert file_name_for("Cliënten één") == "clienten-een.yaml"
    assert file_name_for("../../etc/passwd") == "etc-passwd.yaml"
    with pytest.raises(ScenarioNotSaved) as refused:
        file_name_for("?!/..")
    assert "letters or digits" in str(refused.value)
    assert "letters of cijfers" in message_in(refused.value, "nl")


def test_an_existing_file_is_never_replaced(folder: Path) -> None:
    base = folder / CORRECTED.name
    before = (folder / "kwadraad-2013-published.yaml").read_bytes()
    with pytest.raises(ScenarioNotSaved) as refused:
        save_child_scenario(folder, base, EDITS, "Kwadraad 2013 published", "")
    assert message_in(refused.value, "nl") == (
        "kwadraad-2013-published.yaml bestaat al in " + folder.name + "; kies een andere naam"
    )
    assert (folder / "kwadraad-2013-published.yaml").read_bytes() == before


def test_a_folder_that_cannot_be_written_gets_a_clear_message_and_no_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused_by_the_system(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refused_by_the_system)  # as a read-only folder does
    with pytest.raises(ScenarioNotSaved) as refused:
        save_child_scenario(folder, folder / CORRECTED.name, EDITS, "Mine", "")
    assert str(refused.value) == (
        f"cannot write in the folder {folder.name} (no permission); download the scenario "
        "file instead"
    )
    assert "geen schrijfrechten" in message_in(refused.value, "nl")
    assert not (folder / "mine.yaml").exists()


def test_a_scenario_from_another_folder_is_not_saved_into_this_one(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    with pytest.raises(ScenarioNotSaved):
        save_child_scenario(elsewhere, folder / CORRECTED.name, EDITS, "Mine", "")
    assert list(elsewhere.iterdir()) == []
