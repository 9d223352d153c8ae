"""Save as scenario in the app (issue 12, item 1): the edits become a file of `scenarios/` that
extends the chosen file, which the app then offers; a taken name is refused on the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from businesscase import evaluate, load_scenario
from dashboard import save_view, sources, state
from tests.conftest import CORRECTED, SCENARIOS
from tests.test_app_director import WAGE, session


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's scenarios folder, a copy, so a test never writes into `scenarios/`."""
    for path in SCENARIOS.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(sources, "SCENARIO_DIR", tmp_path)
    monkeypatch.setattr(save_view, "SCENARIO_DIR", tmp_path)
    return tmp_path


def save(at: AppTest, name: str, note: str) -> AppTest:
    at.session_state[save_view.OPEN] = True  # the form is built when its expander is opened
    at.run()
    at.text_input(key="save_name").set_value(name)
    at.text_area(key="save_note").set_value(note)
    submit = next(b for b in at.button if b.label == "Opslaan in scenarios/")
    return submit.click().run()


def test_the_edits_saved_in_dutch_become_a_scenario_file_with_their_figures(folder: Path) -> None:
    at = session(lang="nl")
    at.text_input(key=WAGE).set_value("80,5").run()
    save(at, "Ons plan 2027", "Hoger loon na de cao")
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Opgeslagen als scenarios/ons-plan-2027.yaml: kies het bij Scenario."
    ]
    saved = load_scenario(folder / "ons-plan-2027.yaml")
    assert [Path(file).name for file in saved.files][-2:] == [CORRECTED.name, "ons-plan-2027.yaml"]
    assert saved.scenario.description == "Hoger loon na de cao"
    ours = evaluate(saved.scenario).values["average.cumulative"]
    edited = evaluate(load_scenario(CORRECTED, ["hourly_wage=80.5"]).scenario)
    np.testing.assert_array_equal(ours, edited.values["average.cumulative"])
    assert "ons-plan-2027.yaml" in at.run().selectbox(key=state.CHOICE).options


def test_a_name_that_is_taken_is_refused_on_the_page_and_the_file_kept(folder: Path) -> None:
    before = (folder / CORRECTED.name).read_bytes()
    at = session(lang="nl")
    at.text_input(key=WAGE).set_value("80").run()
    save(at, "Kwadraad 2013 corrected", "")
    assert [e.value for e in at.error] == [
        f"kwadraad-2013-corrected.yaml bestaat al in {folder.name}; kies een andere naam"
    ]
    assert (folder / CORRECTED.name).read_bytes() == before
    assert [s.value for s in at.success] == []


def test_without_edits_there_is_nothing_to_save(folder: Path) -> None:
    at = session(lang="nl")
    assert "Opslaan als scenario" not in [e.label for e in at.expander]


def test_the_save_form_is_built_only_once_its_expander_is_opened(folder: Path) -> None:
    at = session(lang="nl")
    at.text_input(key=WAGE).set_value("80").run()
    assert "Opslaan als scenario" in [e.label for e in at.expander]
    assert "save_name" not in [box.key for box in at.text_input]
    at.session_state[save_view.OPEN] = True
    assert "save_name" in [box.key for box in at.run().text_input]
