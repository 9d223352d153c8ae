"""Every input that matters is editable in the app (issue 12, item 6): the organisation's
(VAT, rates, implementation) and each platform scenario's (training, licences) in tables by
year beside the activities' tables, one value for all years in one cell, and the edited cells
marked."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from businesscase import measures
from dashboard import state
from dashboard.edits import ORGANISATION, PLATFORM_TABLE, table_entries, table_single_entries
from dashboard.i18n import money
from dashboard.sources import FILE, evaluate_choice
from tests.conftest import CORRECTED
from tests.test_app import engine, headline
from tests.test_app_director import session

CHOICE = FILE + CORRECTED.name


def edit_row(at: AppTest, table: str, key: str, cells: dict[str, str]) -> AppTest:
    """Type into cells of the row of `key` in a table, as the data editor reports it."""
    keys = [entry.key for entry in table_entries(evaluate_choice(CHOICE, {}), table)]
    at.session_state[state.table_key(table)] = {
        "edited_rows": {keys.index(key): cells},
        "added_rows": [],
        "deleted_rows": [],
    }
    return at.run()


def average_balance(at: AppTest, changes: list[str]) -> tuple[str, str]:
    expected = engine(CORRECTED, changes)
    first, last = measures.widest_total(expected.scenario)
    wanted = money(float(expected.total("average", "balance", first, last)), "nl")
    return headline(at, expected)["average"][f"Saldo jaar {first}-{last}"], wanted


def test_the_organisation_and_every_platform_have_a_table_of_their_inputs() -> None:
    base = evaluate_choice(CHOICE, {})
    organisation = {entry.key for entry in table_entries(base, ORGANISATION)}
    assert {"vat_rate", "implementation_hours", "discount_rate", "wage_indexation"} <= organisation
    assert "hourly_wage" not in organisation  # it has its box at the top
    years = {entry.key for entry in table_single_entries(base, ORGANISATION)}
    assert years == {"implementation_spread_years"}
    platform = {e.key for e in table_entries(base, PLATFORM_TABLE + "new-platform")}
    assert {
        "platforms.new-platform.trainer_days",
        "platforms.new-platform.trainer_day_rate",
        "platforms.new-platform.purchase_and_training",
    } <= platform


def test_vat_typed_once_under_all_years_on_the_dutch_page_gives_the_engines_figures() -> None:
    at = session(lang="nl", tab="assumptions")
    edit_row(at, ORGANISATION, "vat_rate", {"all": "9"})
    assert not at.exception, [e.value for e in at.exception]
    assert [e.change for e in at.session_state[state.EDITS].values()] == ["vat_rate=9%"]
    shown, wanted = average_balance(at, ["vat_rate=9%"])
    assert shown == wanted


def test_one_courses_groups_for_all_years_take_one_edit_and_a_year_beside_it_still_counts() -> None:
    at = session(lang="nl", tab="assumptions")
    edit_row(at, "ass_jv", "courses.ass_jv.groups_per_year", {"all": "10", "6": "12"})
    change = "courses.ass_jv.groups_per_year={1: 10, 6: 12}"
    assert [e.change for e in at.session_state[state.EDITS].values()] == [change]
    shown, wanted = average_balance(at, [change])
    assert shown == wanted


def test_a_trainer_day_rate_edited_in_year_3_is_marked_on_its_row_and_in_that_year() -> None:
    at = session(lang="nl", tab="assumptions")
    table = PLATFORM_TABLE + "new-platform"
    edit_row(at, table, "platforms.new-platform.trainer_day_rate", {"3": "1500"})
    frame = next(
        e.value
        for e in at.get("data_editor")
        if "✎ Prijs per trainingsdag" in list(e.value.iloc[:, 0])
    )
    row = frame[frame.iloc[:, 0] == "✎ Prijs per trainingsdag"].iloc[0]
    assert row["changed"] == "✎ jaar 3"
    assert row["3"] == "1.500,00"
    change = "platforms.new-platform.trainer_day_rate={1: 1700, 3: 1500, 4: 1700}"
    assert [e.change for e in at.session_state[state.EDITS].values()] == [change]


def test_text_typed_under_all_years_is_refused_under_the_table_and_changes_nothing() -> None:
    at = session(lang="nl", tab="assumptions")
    edit_row(at, ORGANISATION, "vat_rate", {"all": "negen"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[state.EDITS] == {}
    refused = [e.value for e in at.error if e.value.startswith("Btw, alle jaren: ")]
    assert len(refused) == 1
    shown, wanted = average_balance(at, [])
    assert shown == wanted
