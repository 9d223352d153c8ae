"""Where the app's scenarios come from: the files of `scenarios/`, read again when one changes
while the app runs, and uploads, which may extend those files but nothing outside them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from businesscase.model.errors import ScenarioError
from businesscase.report.tidy import results_json
from businesscase.scenario.loading import load_scenario
from dashboard import sources
from tests.conftest import CORRECTED, PUBLISHED


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the reference scenarios as the app's scenario folder."""
    for path in (PUBLISHED, CORRECTED):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(sources, "SCENARIO_DIR", tmp_path)
    return tmp_path


def average_1_6(evaluated: sources.Evaluated) -> float:
    return float(evaluated.results.total("average", "balance", 1, 6))


def test_a_scenario_file_edited_while_the_app_runs_is_read_again(folder: Path) -> None:
    choice = sources.FILE + CORRECTED.name
    assert average_1_6(sources.evaluate_choice(choice, {})) == 99_494.0
    published = folder / PUBLISHED.name
    published.write_text(published.read_text().replace("value: 75\n", "value: 80\n", 1))
    assert average_1_6(sources.evaluate_choice(choice, {})) == 111_860.0


def test_edits_on_the_cached_file_give_what_loading_the_file_with_them_gives(folder: Path) -> None:
    choice = sources.FILE + CORRECTED.name
    changes = ("hourly_wage=80", "courses.ass_jv.online_sessions={1: 3, 3: 5}")
    edited = sources.evaluate_choice(choice, {}, changes)
    loaded = load_scenario(folder / CORRECTED.name, changes)
    assert results_json(edited.results) == results_json(sources.evaluate(loaded.scenario))
    assert edited.loaded.changes == changes
    assert edited.loaded.origins == loaded.origins


def test_edits_do_not_leak_into_the_file_as_written(folder: Path) -> None:
    choice = sources.FILE + CORRECTED.name
    sources.evaluate_choice(choice, {}, ("hourly_wage=80",))
    unedited = sources.evaluate_choice(choice, {})
    assert unedited.loaded.changes == ()
    assert unedited.loaded.data["hourly_wage"]["value"] == 75
    assert average_1_6(unedited) == 99_494.0


def test_each_state_has_its_own_key(folder: Path) -> None:
    choice = sources.FILE + CORRECTED.name
    plain, edited = (sources.evaluate_choice(choice, {}, c) for c in [(), ("hourly_wage=80",)])
    raw = b"extends: kwadraad-2013-corrected.yaml\nname: Ours\n"
    first = sources.evaluate_choice(sources.UPLOAD + "ours.yaml", {"ours.yaml": raw})
    second = sources.evaluate_choice(sources.UPLOAD + "ours.yaml", {"ours.yaml": raw + b"# x\n"})
    assert len({plain.key, edited.key, first.key, second.key}) == 4
    assert sources.evaluate_choice(choice, {}).key == plain.key


def test_the_files_to_choose_from_are_the_yaml_files_of_the_folder(folder: Path) -> None:
    (folder / "notes.txt").write_text("not a scenario")
    assert sources.scenario_files() == [CORRECTED.name, PUBLISHED.name]
    assert sources.default_choice() == sources.FILE + CORRECTED.name


def test_an_upload_may_extend_a_scenario_file(folder: Path) -> None:
    raw = b"extends: kwadraad-2013-corrected.yaml\nname: Ours\n"
    assert average_1_6(sources.evaluate_upload("ours.yaml", raw)) == 99_494.0


@pytest.mark.parametrize("target", ["../outside.yaml", "/etc/hostname"])
def test_an_upload_may_not_extend_a_file_outside_the_folder(folder: Path, target: str) -> None:
    (folder.parent / "outside.yaml").write_text("name: secret\nsecret_key: 1\n")
    with pytest.raises(ScenarioError) as refused:
        sources.evaluate_upload("ours.yaml", f"extends: {target}\n".encode())
    assert refused.value.report() == (
        f"ours.yaml: 1 problem\n"
        f"  line 1  extends: an uploaded scenario may only extend a file in {folder.name}/"
    )


def test_an_uploads_name_loses_any_folder_part() -> None:
    assert sources.upload_name("../../ours.yaml") == "ours.yaml"
    assert sources.upload_name("") == "upload.yaml"
