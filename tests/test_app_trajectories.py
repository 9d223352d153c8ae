"""The app carries trajectories: a trajectory type's table (its routes' shares and contacts
among its inputs), and edits of it give the engine's figures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from businesscase import evaluate, load_scenario
from dashboard import state
from dashboard.edits import table_entries
from dashboard.i18n import money
from dashboard.page import SECTION
from dashboard.sources import FILE, evaluate_choice
from tests.conftest import ROOT
from tests.test_app import headline
from tests.test_trajectories import ALCANDER

CHOICE = FILE + ALCANDER.name


@pytest.fixture
def app() -> Iterator[AppTest]:
    """A fresh session of the app, run once."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    yield at
    assert not at.exception, [e.value for e in at.exception]


BLENDED = "trajectories.psychosocial.routes.blended.share"
FACE_TO_FACE = "trajectories.psychosocial.routes.f2f.share"


def test_the_alcander_scenario_shows_149_062_50_of_savings_and_its_platforms(app: AppTest) -> None:
    app.selectbox(key=state.CHOICE).set_value(CHOICE).run()
    expected = evaluate(load_scenario(ALCANDER).scenario)
    cards = headline(app, expected)
    assert cards["klik-voor-hulp"]["Balance years 1-6"] == "€786,575.00"
    assert cards["limburg-cooperative"]["Balance years 1-6"] == "€788,475.00"
    assert cards["limburg-cooperative"]["In money, years 1-6"] == "-€24,000.00"


def test_a_trajectory_type_has_a_table_with_the_shares_of_its_routes(app: AppTest) -> None:
    app.selectbox(key=state.CHOICE).set_value(CHOICE).run()
    app.session_state[SECTION] = "Assumptions"
    app.run()
    base = evaluate_choice(CHOICE, {})
    keys = [entry.key for entry in table_entries(base, "psychosocial")]
    assert {BLENDED, FACE_TO_FACE, "trajectories.psychosocial.no_show_rate"} <= set(keys)
    table = next(
        e.value
        for e in app.get("data_editor")
        if "Share of trajectories · blended" in e.value.values
    )
    assert list(table[table.iloc[:, 0] == "Share of trajectories · blended"].iloc[0, 3:5]) == [
        "30",
        "30",
    ]


def test_moving_ten_percent_of_trajectories_to_blended_help_gives_the_engines_figures(
    app: AppTest,
) -> None:
    app.selectbox(key=state.CHOICE).set_value(CHOICE).run()
    base = evaluate_choice(CHOICE, {})
    rows = [entry.key for entry in table_entries(base, "psychosocial")]
    every_year = {str(year): "40" for year in range(1, 7)}
    rest = {str(year): "60" for year in range(1, 7)}
    app.session_state[state.table_key("psychosocial")] = {
        "edited_rows": {rows.index(BLENDED): every_year, rows.index(FACE_TO_FACE): rest},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception
    expected = evaluate(load_scenario(ALCANDER, [f"{BLENDED}=40%", f"{FACE_TO_FACE}=60%"]).scenario)
    cards = headline(app, expected)
    shown = money(float(expected.total("limburg-cooperative", "balance", 1, 6)), "en")
    assert cards["limburg-cooperative"]["Balance years 1-6"] == shown
    assert expected.line("psychosocial.hours_freed")[0] == 1_500 * 0.4 * 265 / 60
