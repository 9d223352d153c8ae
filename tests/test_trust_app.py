"""No silent wrong answers in the app, driven by AppTest: a number is read in the notation of
the page's language (`80,5` on the Dutch page is 80.5, on the English page it is refused with a
reason and never 805), in the sidebar boxes and in the course tables alike; boxes show their
values in the page's notation; only inputs that act are offered, found by one rule over the
engine's formulas; and a year is one box for the whole case, not a value per year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from businesscase import (
    Language,
    Results,
    acting_inputs,
    evaluate,
    load_scenario,
    load_scenario_bytes,
)
from dashboard import state
from dashboard.edits import (
    quick_entries,
    table_edit,
    table_entries,
    table_single_entries,
)
from dashboard.i18n import Unreadable, input_text, money, read_number
from dashboard.sources import FILE, SCENARIO_DIR, evaluate_choice, scenario_files
from tests.conftest import CORRECTED, ROOT
from tests.page_html import cards_markup
from tests.test_app import headline, open_tab

WAGE = state.quick_key("hourly_wage")
NEW_LICENCE = ("platforms", "new-platform", "licence_per_client")
FROM_YEAR = "courses.ass_jv.growth.from_year"
MINUTES = "courses.ass_jv.minutes_per_participant"


@pytest.fixture
def app() -> Iterator[AppTest]:
    """A fresh session of the app, run once (it opens on the corrected scenario, in English)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    yield at
    assert not at.exception, [e.value for e in at.exception]


def dutch(at: AppTest) -> AppTest:
    at.radio(key=state.LANGUAGE).set_value("nl").run()
    return at


def engine(changes: list[str]) -> Results:
    return evaluate(load_scenario(CORRECTED, changes).scenario)


def expected_cards(results: Results, lang: Language) -> dict[str, dict[str, str]]:
    """The cards the app should show for these results, figure by figure from the engine."""
    from dashboard.headline import cards, do_nothing

    shown = [*cards(results, lang), do_nothing(results, lang)]
    return {card.platform: dict(card.figures) for card in shown}


def changes(at: AppTest) -> list[str]:
    return [edit.change for edit in at.session_state[state.EDITS].values()]


def input_keys(at: AppTest) -> set[str]:
    """The keys of every input box on the page."""
    return {str(w.key) for w in [*at.text_input, *at.number_input] if w.key}


def course_row(choice: str, course: str, key: str) -> int:
    base = evaluate_choice(choice, {})
    return [e.key for e in table_entries(base, course)].index(key)


def edit_cells(at: AppTest, course: str, row: int, cells: dict[str, object]) -> None:
    at.session_state[state.table_key(course)] = {
        "edited_rows": {row: cells},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()


# Item 1: a decimal comma is never a tenfold wage.


def test_80_comma_5_typed_in_the_wage_box_on_the_dutch_page_gives_the_engines_figures_for_80_5(
    app: AppTest,
) -> None:
    dutch(app).text_input(key=WAGE).set_value("80,5").run()
    expected = engine(["hourly_wage=80.5"])
    assert headline(app, expected) == expected_cards(expected, "nl")
    assert headline(app, expected)["average"]["Saldo jaar 1-6"] == money(
        float(expected.total("average", "balance", 1, 6)), "nl"
    )
    assert changes(app) == ["hourly_wage=80.5"]
    assert app.text_input(key=WAGE).value == "80,50"
    assert not app.error


def test_80_comma_5_typed_on_the_english_page_is_refused_with_a_reason_and_never_read_as_805(
    app: AppTest,
) -> None:
    before = headline(app, engine([]))
    app.text_input(key=WAGE).set_value("80,5").run()
    assert app.error[0].value.startswith(
        "“80,5” is not read: on the English page decimals take a point (80.5)"
    )
    assert changes(app) == []
    assert headline(app, engine([])) == before  # the last valid figures stay
    wrong = money(float(engine(["hourly_wage=805"]).total("average", "balance", 1, 6)), "en")
    assert wrong not in cards_markup(app)
    app.text_input(key=WAGE).set_value("80.5").run()
    assert not app.error
    assert headline(app, engine([])) == expected_cards(engine(["hourly_wage=80.5"]), "en")


def test_a_dutch_reason_is_shown_for_a_decimal_point_on_the_dutch_page_and_the_figures_stay(
    app: AppTest,
) -> None:
    dutch(app).text_input(key=WAGE).set_value("80,5").run()
    shown = headline(app, engine([]))
    app.text_input(key=WAGE).set_value("80.5").run()
    assert app.error[0].value.startswith(
        "„80.5” wordt niet gelezen: op de Nederlandse pagina krijgen decimalen een komma (80,5)"
    )
    assert changes(app) == ["hourly_wage=80.5"]
    assert headline(app, engine([])) == shown


def test_the_boxes_show_their_values_in_the_notation_of_the_pages_language(app: AppTest) -> None:
    development = state.quick_key("platforms.new-platform.development_cost")
    assert app.text_input(key=WAGE).value == "75.00"
    assert app.text_input(key=development).value == "80,000.00"
    dutch(app)
    assert app.text_input(key=WAGE).value == "75,00"
    assert app.text_input(key=development).value == "80.000,00"


def test_a_value_typed_in_dutch_keeps_its_meaning_after_a_switch_to_english(app: AppTest) -> None:
    dutch(app).text_input(key=WAGE).set_value("80,5").run()
    app.radio(key=state.LANGUAGE).set_value("en").run()
    assert app.text_input(key=WAGE).value == "80.50"
    assert changes(app) == ["hourly_wage=80.5"]
    assert not app.error


def test_a_decimal_comma_in_a_course_table_cell_on_the_dutch_page_is_read_as_a_decimal(
    app: AppTest,
) -> None:
    open_tab(dutch(app), "tab_assumptions", "nl")
    row = course_row(FILE + CORRECTED.name, "ass_jv", MINUTES)
    edit_cells(app, "ass_jv", row, {"3": "40,5"})
    change = f"{MINUTES}={{1: 40, 3: 40.5, 4: 40}}"
    assert changes(app) == [change]
    expected = engine([change])
    assert headline(app, expected) == expected_cards(expected, "nl")
    assert app.data_editor[0].value.loc[row, "3"] == "40,5"


def test_a_decimal_comma_in_a_course_table_cell_on_the_english_page_is_refused_under_the_table(
    app: AppTest,
) -> None:
    open_tab(app, "tab_assumptions")
    row = course_row(FILE + CORRECTED.name, "ass_jv", MINUTES)
    edit_cells(app, "ass_jv", row, {"3": "40,5"})
    assert changes(app) == []
    assert app.error[0].value.startswith(
        "Individual time per participant per session, year 3: “40,5” is not read"
    )
    assert headline(app, engine([])) == expected_cards(engine([]), "en")


def test_the_course_tables_show_their_values_in_the_notation_of_the_pages_language(
    app: AppTest,
) -> None:
    row = course_row(FILE + CORRECTED.name, "ass_jv", "courses.ass_jv.online_preparation_hours")
    open_tab(app, "tab_assumptions")
    assert app.data_editor[0].value.loc[row, "1"] == "0.5"
    open_tab(dutch(app), "tab_assumptions", "nl")
    assert app.data_editor[0].value.loc[row, "1"] == "0,5"


def test_a_table_cell_is_read_in_the_pages_notation_and_an_unreadable_one_keeps_its_value() -> None:
    base = evaluate_choice(FILE + CORRECTED.name, {})
    efficiency = next(e for e in base.entries if e.key == "courses.ass_jv.online_efficiency")
    assert table_edit(efficiency, None, {"1": "45,5", "2": "46%"}, "nl").values[:3] == (
        0.455,
        0.46,
        0.4,
    )
    refused = table_edit(efficiency, None, {"1": "45,5"}, "en")
    assert refused.values == (0.4,) * 6
    assert refused.refused[1].reason == "number_decimal_sign"


READS = [
    ("nl", "80,5", 80.5),
    ("nl", "1.234,5", 1234.5),
    ("nl", "80.000,00", 80000.0),
    ("nl", "€ 80,50", 80.5),
    ("nl", "12.345.678", 12345678.0),
    ("en", "80.5", 80.5),
    ("en", "1,234.5", 1234.5),
    ("en", "80,000.00", 80000.0),
    ("en", "-3", -3.0),
]


@pytest.mark.parametrize(("lang", "text", "value"), READS)
def test_a_number_is_read_in_the_notation_of_the_pages_language(
    lang: Language, text: str, value: float
) -> None:
    assert read_number(text, lang) == value


REFUSED = [
    ("en", "80,5", "number_decimal_sign"),
    ("nl", "80.5", "number_decimal_sign"),
    ("en", "0,500", "number_decimal_sign"),
    ("en", "1,234", "number_ambiguous"),
    ("nl", "1.234", "number_ambiguous"),
    ("nl", "", "number_empty"),
    ("nl", "tachtig", "number_unreadable"),
    ("en", "1e5", "number_unreadable"),
    ("en", "nan", "number_unreadable"),
    ("en", "1 234", "number_unreadable"),
    ("nl", "40%", "number_not_percent"),
]


@pytest.mark.parametrize(("lang", "text", "reason"), REFUSED)
def test_text_that_is_not_a_number_in_the_pages_notation_is_refused_with_its_reason(
    lang: Language, text: str, reason: str
) -> None:
    with pytest.raises(Unreadable) as refused:
        read_number(text, lang)
    assert refused.value.reason == reason
    assert refused.value.message("en") and refused.value.message("nl")


def test_a_percentage_is_read_with_or_without_its_sign() -> None:
    assert [read_number(t, "nl", percent=True) for t in ("40%", "40 %", "40", "12,5%")] == [
        40.0,
        40.0,
        40.0,
        12.5,
    ]


@given(
    st.decimals(min_value=0, max_value=10_000_000, places=6, allow_nan=False),
    st.sampled_from(["EUR", "EUR/h", "h", "%", "groups"]),
    st.sampled_from(["en", "nl"]),
)
def test_a_value_shown_in_a_box_reads_back_to_the_same_value(
    amount: Decimal, unit: str, lang: Language
) -> None:
    value = float(amount / 100 if unit == "%" else amount)
    text = input_text(value, unit, lang)
    read = read_number(text, lang, percent=unit == "%")
    assert (read / 100 if unit == "%" else read) == pytest.approx(value, rel=1e-12, abs=1e-12)


# Item 2: only inputs that act, each with its own shape.


def test_licence_per_client_is_offered_only_for_a_platform_that_licenses_clients(
    app: AppTest,
) -> None:
    keys = input_keys(app)
    assert state.quick_key("platforms.new-platform.licence_per_client") in keys
    for pid in ("hulp-online-with-development", "hulp-online-existing"):
        assert state.quick_key(f"platforms.{pid}.licence_per_client") not in keys
        assert state.quick_key(f"platforms.{pid}.development_cost") in keys


def test_licence_per_client_is_offered_once_a_file_licenses_clients_for_that_platform(
    app: AppTest,
) -> None:
    raw = (
        b"extends: kwadraad-2013-corrected.yaml\nname: Licensed\n"
        b"platforms:\n  hulp-online-with-development:\n    licence_clients: {1: 0, 4: 50}\n"
    )
    app.file_uploader(key=state.UPLOADER).set_value(("licensed.yaml", raw, "application/x-yaml"))
    app.run()
    key = state.quick_key("platforms.hulp-online-with-development.licence_per_client")
    assert key in input_keys(app)
    app.text_input(key=key).set_value("12").run()
    loaded = load_scenario_bytes(raw, "licensed.yaml", SCENARIO_DIR)
    change = "platforms.hulp-online-with-development.licence_per_client=12"
    expected = evaluate(load_scenario_bytes(raw, "licensed.yaml", SCENARIO_DIR, [change]).scenario)
    assert headline(app, expected) == expected_cards(expected, "en")
    assert headline(app, expected) != expected_cards(evaluate(loaded.scenario), "en")


def test_an_input_acts_when_a_formula_reads_it_with_no_partner_that_is_zero_in_every_year() -> None:
    corrected = evaluate(load_scenario(CORRECTED).scenario)
    live = acting_inputs(corrected)
    assert NEW_LICENCE in live
    assert ("platforms", "new-platform", "licence_clients") in live
    assert ("platforms", "hulp-online-existing", "licence_per_client") not in live
    # the development year of a platform with no development cost moves nothing either
    assert ("platforms", "hulp-online-existing", "development_year") not in live
    assert ("platforms", "hulp-online-with-development", "development_year") in live
    # a partner of 0 by the user's own hand: the licence price is set to 0, the clients still act
    free = evaluate(
        load_scenario(CORRECTED, ["platforms.new-platform.licence_per_client=0"]).scenario
    )
    assert NEW_LICENCE in acting_inputs(free)
    assert ("platforms", "new-platform", "licence_clients") not in acting_inputs(free)


def test_every_input_offered_moves_a_figure_and_every_input_left_out_moves_none() -> None:
    base = evaluate_choice(FILE + CORRECTED.name, {})
    courses = base.loaded.scenario.courses
    offered = quick_entries(base) + [
        e for c in courses for e in table_entries(base, c) + table_single_entries(base, c)
    ]
    left_out = [e for e in base.entries if e.path[-1] in ("licence_per_client", "development_year")]
    left_out = [e for e in left_out if e.path not in acting_inputs(base.results)]
    assert left_out

    def moves(key: str, value: float) -> bool:
        other = evaluate(load_scenario(CORRECTED, [f"{key}={value}"]).scenario)
        return any(
            not (other.values[k] == base.results.values[k]).all() for k in base.results.values
        )

    for entry in offered:
        first = float(entry.values[0])
        new = first + 1 if entry.unit != "%" else first / 2 + 0.01
        assert moves(entry.key, new), entry.key
    for entry in left_out:
        assert not moves(entry.key, float(entry.values[0]) + 1), entry.key


def test_growth_from_year_is_one_box_for_every_year_not_a_row_per_year(app: AppTest) -> None:
    open_tab(app, "tab_assumptions")
    labels = list(app.data_editor[0].value["parameter"])
    assert "Growth from year" not in labels
    box = app.text_input(key=state.quick_key(FROM_YEAR))
    assert (box.label, box.value) == ("Growth from year (year)", "3")
    box.set_value("5").run()
    assert changes(app) == [f"{FROM_YEAR}=5"]
    expected = engine([f"{FROM_YEAR}=5"])
    assert headline(app, expected) == expected_cards(expected, "en")


def test_no_course_table_of_any_scenario_has_a_row_by_year_for_a_year() -> None:
    singles = []
    for name in scenario_files():
        base = evaluate_choice(FILE + name, {})
        for course in base.loaded.scenario.courses:
            assert all(e.unit not in ("year", "years") for e in table_entries(base, course))
            singles += table_single_entries(base, course)
    assert singles and all(e.unit in ("year", "years") for e in singles)
