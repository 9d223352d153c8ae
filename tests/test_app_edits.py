"""How the app turns what a director types into `--set` changes for the loader."""

from __future__ import annotations

import numpy as np

from businesscase.report.inventory import ParameterEntry
from dashboard.edits import Edit, edited_values, plain, quick_values, step_text, updated


def entry(key: str, values: list[float], unit: str = "sessions") -> ParameterEntry:
    return ParameterEntry(
        path=tuple(key.split(".")),
        label=key,
        label_nl=key,
        unit=unit,
        description="",
        values=np.array(values, dtype=float),
        written="",
        source=None,
        origin="test.yaml, line 1",
    )


SESSIONS = entry("courses.ass_jv.online_sessions", [3, 3, 4, 4, 4, 4])
EFFICIENCY = entry("courses.ass_jv.online_efficiency", [0.4] * 6, unit="%")


def test_numbers_are_written_so_that_yaml_reads_them_back_exactly() -> None:
    assert [plain(80.0), plain(0.5), plain(80_000.0), plain(0.07)] == ["80", "0.5", "80000", "0.07"]


def test_equal_values_in_every_year_are_written_as_one_value() -> None:
    assert step_text([12.0] * 6) == "12"
    assert step_text([0.45] * 6, percent=True) == "45%"


def test_values_by_year_are_written_as_steps_where_they_change() -> None:
    assert step_text([3, 3, 5, 4, 4, 4]) == "{1: 3, 3: 5, 4: 4}"
    assert step_text([0.45, 0.45, 0.4, 0.4], percent=True) == "{1: 45%, 3: 40%}"


def test_a_table_edit_changes_the_year_edited_and_reads_percentages_in_percent() -> None:
    assert edited_values(SESSIONS, None, {"3": 5}) == (3, 3, 5, 4, 4, 4)
    assert edited_values(EFFICIENCY, None, {"1": 45}) == (0.45, 0.4, 0.4, 0.4, 0.4, 0.4)


def test_an_emptied_or_unknown_cell_keeps_the_value() -> None:
    assert edited_values(SESSIONS, None, {"3": None, "9": 1, "unit": 2}) == (3, 3, 4, 4, 4, 4)


def test_setting_a_value_back_to_the_files_drops_the_edit() -> None:
    edits = updated({}, SESSIONS, (3, 3, 5, 4, 4, 4))
    assert edits["courses.ass_jv.online_sessions"].change == (
        "courses.ass_jv.online_sessions={1: 3, 3: 5, 4: 4}"
    )
    assert updated(edits, SESSIONS, (3, 3, 4, 4, 4, 4)) == {}


def test_a_single_input_keeps_the_files_steps_until_it_is_changed() -> None:
    assert quick_values(SESSIONS, 3.0) == (3, 3, 4, 4, 4, 4)
    assert quick_values(SESSIONS, 6.0) == (6,) * 6


def test_a_later_table_edit_builds_on_the_earlier_one() -> None:
    earlier = Edit("courses.ass_jv.online_sessions", (3, 3, 5, 4, 4, 4), percent=False)
    assert edited_values(SESSIONS, earlier, {"6": 7}) == (3, 3, 5, 4, 4, 7)
