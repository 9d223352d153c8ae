"""The Streamlit app as a director uses it, driven by AppTest: the numbers shown for the
reference scenarios, inputs and course-table edits that reach the engine, reset, Dutch
formatting, refused uploads and edits, compare and explain."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from businesscase import measures
from businesscase.engine import Results, evaluate
from businesscase.report.compare import compare
from businesscase.report.tidy import results_json
from businesscase.scenario.loading import load_scenario, load_scenario_bytes
from dashboard import state
from dashboard.compare_view import KEY_ALL
from dashboard.edits import table_entries
from dashboard.explain_view import KEY_LINE, KEY_YEAR
from dashboard.i18n import money, t
from dashboard.page import SECTION
from dashboard.sources import FILE, SCENARIO_DIR, evaluate_choice
from tests.conftest import CORRECTED, PUBLISHED, ROOT
from tests.page_html import shown_cards, shown_tables

PUBLISHED_CHOICE = FILE + PUBLISHED.name
NBSP = "\xa0"
"""Babel puts a no-break space between the euro sign and a Dutch amount: `€ 1.234,56`."""


@pytest.fixture
def app() -> Iterator[AppTest]:
    """A fresh session of the app, run once (it opens on the corrected scenario)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    yield at
    assert not at.exception, [e.value for e in at.exception]


def ranked_platforms(results: Results) -> list[str]:
    """The platform ids in the order of the cards: by the engine's balance over the widest
    reported years, highest first."""
    first, last = measures.widest_total(results.scenario)
    return sorted(
        results.platform_ids, key=lambda pid: -float(results.total(pid, "balance", first, last))
    )


def ranked_cards(results: Results) -> list[str]:
    """The cards' order: the platform ids ranked, with the do-nothing reference (balance 0)
    after every platform scenario that does at least as well."""
    first, last = measures.widest_total(results.scenario)
    ids = ranked_platforms(results)
    above = [pid for pid in ids if float(results.total(pid, "balance", first, last)) >= 0]
    return [*above, "do-nothing", *ids[len(above) :]]


def headline(at: AppTest, results: Results) -> dict[str, dict[str, str]]:
    """The metric cards by platform id (and `do-nothing`): {label: value shown}; the cards
    are ranked."""
    per_card = len(results.scenario.totals) + 3  # break-even, money, staff hours
    cards = shown_cards(at)
    assert [card.platform for card in cards] == ranked_cards(results)
    assert all(len(card.figures) == per_card for card in cards)
    return {card.platform: {f.label: f.value for f in card.figures} for card in cards}


def edits_shown(at: AppTest) -> list[str]:
    """The edits listed above the cards, each as `label: before → **after**`."""
    return [m.value for m in at.markdown if " → **" in m.value]


def engine(path: object = CORRECTED, changes: list[str] | None = None) -> Results:
    return evaluate(load_scenario(path, changes or []).scenario)


def choose(at: AppTest, choice: str) -> None:
    at.selectbox(key=state.CHOICE).set_value(choice).run()


def open_tab(at: AppTest, name: str, lang: str = "en") -> None:
    at.session_state[SECTION] = t(lang, name)  # type: ignore[arg-type]
    at.run()


def year_table_cell(at: AppTest, results: Results, platform: str, year: str, line: str) -> str:
    """A cell of a platform scenario's year table (a table per platform, ranked as the
    cards; a row per year or total, a column per line), on its tab (opened if it is not)."""
    years = t(at.session_state[state.LANGUAGE], "tab_years")
    if at.session_state[SECTION] != years:
        at.session_state[SECTION] = years
        at.run()
    table = shown_tables(at)[ranked_platforms(results).index(platform)].value
    row = table[table.iloc[:, 0] == year]
    assert len(row) == 1, (platform, year)
    return str(row[line].iloc[0])


def test_the_app_opens_on_the_corrected_scenario_whose_average_breaks_even_in_year_4(
    app: AppTest,
) -> None:
    assert app.session_state[state.CHOICE] == FILE + CORRECTED.name
    cards = headline(app, engine())
    assert cards["average"] == {
        "Balance years 1-5": "€66,287.50",
        "Balance years 1-6": "€99,494.00",
        "Break-even": "year 4",
        "In money, years 1-6": "-€85,996.00",
        "Staff hours, years 1-6": "2,473.2 h (0.25 FTE a year)",
    }
    assert cards["hulp-online-existing"]["Break-even"] == "year 1"


def test_the_published_scenario_shows_a_1_6_balance_of_110_894_for_the_average(
    app: AppTest,
) -> None:
    choose(app, PUBLISHED_CHOICE)
    cards = headline(app, engine(PUBLISHED))
    assert cards["average"]["Balance years 1-6"] == "€110,894.00"
    assert cards["average"]["Break-even"] == "year 3"
    assert cards["new-platform"]["Balance years 1-5"] == "€44,555.00"
    published = engine(PUBLISHED)
    assert year_table_cell(app, published, "average", "Year 3", "Cumulative balance") == "€24.50"
    assert year_table_cell(app, published, "average", "Total 1-6", "Balance") == "€110,894.00"
    assert year_table_cell(app, published, "average", "Total 1-6", "Cumulative balance") == ""


def test_an_hourly_wage_of_80_shows_what_the_engine_computes_for_80(app: AppTest) -> None:
    choose(app, PUBLISHED_CHOICE)
    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    expected = engine(PUBLISHED, ["hourly_wage=80"])
    shown = money(float(expected.total("average", "balance", 1, 6)), "en")
    assert shown == "€123,660.00"  # 110,894.00 at 75 an hour
    cards = headline(app, expected)
    assert cards["average"]["Balance years 1-6"] == shown
    assert cards["average"]["Break-even"] == "year 3"
    assert app.session_state[state.EDITS]["hourly_wage"].change == "hourly_wage=80"
    assert edits_shown(app) == ["Hourly wage: €75.00/h → **€80.00/h**"]


def test_a_platforms_licence_price_and_development_cost_reach_the_engine(app: AppTest) -> None:
    app.text_input(key=state.quick_key("platforms.new-platform.licence_per_client")).set_value("27")
    app.text_input(key=state.quick_key("platforms.new-platform.development_cost")).set_value(
        "90000"
    )
    app.run()
    changes = [
        "platforms.new-platform.licence_per_client=27",
        "platforms.new-platform.development_cost=90000",
    ]
    expected = engine(CORRECTED, changes)
    cards = headline(app, expected)
    assert cards["new-platform"]["Balance years 1-6"] == money(
        float(expected.total("new-platform", "balance", 1, 6)), "en"
    )
    assert cards["new-platform"]["Break-even"] == "year 5"
    assert cards["hulp-online-with-development"]["Balance years 1-6"] == "€131,490.00"


def test_a_course_table_edit_of_one_year_changes_that_year_only(app: AppTest) -> None:
    base = evaluate_choice(FILE + CORRECTED.name, {})
    rows = [e.key for e in table_entries(base, "ass_jv")]
    sessions = rows.index("courses.ass_jv.online_sessions")
    efficiency = rows.index("courses.ass_jv.online_efficiency")
    app.session_state[state.table_key("ass_jv")] = {
        "edited_rows": {sessions: {"3": 5}, efficiency: {"1": 45, "2": 45}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    changes = [
        "courses.ass_jv.online_sessions={1: 3, 3: 5, 4: 4}",
        "courses.ass_jv.online_efficiency={1: 45%, 3: 40%}",
    ]
    assert [e.change for e in app.session_state[state.EDITS].values()] == changes
    expected = engine(CORRECTED, changes)
    cards = headline(app, expected)
    assert cards["average"]["Balance years 1-6"] == money(
        float(expected.total("average", "balance", 1, 6)), "en"
    )
    assert cards["average"]["Balance years 1-6"] != "€99,494.00"
    course = "Ass JV (assertiveness, young women)"
    assert edits_shown(app) == [
        f"Online sessions per course, {course}: 3 sessions in years 1-2, 4 sessions from year 3"
        " → **3 sessions in years 1-2, 5 sessions in year 3, 4 sessions from year 4**",
        f"Efficiency of online vs offline contact, {course}: 40%"
        " → **45% in years 1-2, 40% from year 3**",
    ]


def test_the_course_table_shows_the_edited_values_and_keeps_them_across_tabs(
    app: AppTest,
) -> None:
    base = evaluate_choice(FILE + CORRECTED.name, {})
    row = [e.key for e in table_entries(base, "ass_ov")].index("courses.ass_ov.groups_per_year")
    open_tab(app, "tab_assumptions")
    app.session_state[state.table_key("ass_ov")] = {
        "edited_rows": {row: {"1": 10, "2": 10, "3": 10, "4": 10, "5": 10, "6": 10}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    open_tab(app, "tab_results")
    open_tab(app, "tab_assumptions")
    table = app.data_editor[1].value
    assert table.loc[row, "parameter"] == "✎ Groups per year"  # marked as edited
    assert list(table.loc[row, ["1", "6"]]) == ["10", "10"]
    expected = engine(CORRECTED, ["courses.ass_ov.groups_per_year=10"])
    assert headline(app, expected)["average"]["Balance years 1-6"] == money(
        float(expected.total("average", "balance", 1, 6)), "en"
    )


def test_reset_returns_to_the_files_values(app: AppTest) -> None:
    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    assert headline(app, engine())["average"]["Balance years 1-6"] != "€99,494.00"
    app.button(key="reset").click().run()
    assert app.session_state[state.EDITS] == {}
    assert app.text_input(key=state.quick_key("hourly_wage")).value == "75.00"
    assert headline(app, engine())["average"]["Balance years 1-6"] == "€99,494.00"


def test_dutch_shows_dutch_labels_and_euros_as_in_the_netherlands(app: AppTest) -> None:
    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    expected = engine(CORRECTED, ["hourly_wage=80"])
    cards = headline(app, expected)
    assert cards["average"]["Saldo jaar 1-6"] == money(
        float(expected.total("average", "balance", 1, 6)), "nl"
    )
    assert cards["average"]["Saldo jaar 1-6"] == f"€{NBSP}111.860,00"
    assert cards["hulp-online-existing"]["Terugverdiend"] == "jaar 1"
    cell = year_table_cell(app, expected, "average", "Jaar 1", "Cumulatief")
    assert cell == f"€{NBSP}-36.182,83"
    assert app.text_input(key=state.quick_key("hourly_wage")).label == "Uurloon (€/uur)"


def test_money_is_formatted_per_language() -> None:
    assert money(1234.56, "nl") == f"€{NBSP}1.234,56"
    assert money(-39831.5, "nl") == f"€{NBSP}-39.831,50"
    assert money(1234.56, "en") == "€1,234.56"
    assert money(0.125, "en") == "€0.13"  # halves away from zero, as the engine rounds
    assert money(-0.001, "en") == "€0.00"


BAD_UPLOADS = {
    "broken YAML": (b"name: x\nhourly_wage: [75\n", "line"),
    "invalid values": (
        b"extends: kwadraad-2013-published.yaml\nhourly_wage: -3\n"
        b"courses:\n  ass_jv:\n    grup_size: 3\n",
        "line 5  courses.ass_jv.grup_size: unknown key; did you mean 'group_size'?",
    ),
    "a huge file": (b"# padding\n" * 150_000, "scenario files are limited to 1,000,000"),
    "deep nesting": (b"a: " + b"[" * 5000, "nested too deeply"),
    "not UTF-8": (b"\xff\xfe\x00garbage", "not a UTF-8 text file"),
    "extends outside scenarios/": (
        b"extends: ../tests/conftest.py\nname: x\n",
        "extends: an uploaded scenario may only extend a file in scenarios/",
    ),
    "extends an absolute path": (
        b"extends: /etc/hostname\n",
        "extends: an uploaded scenario may only extend a file in scenarios/",
    ),
}


@pytest.mark.parametrize("kind", list(BAD_UPLOADS))
def test_a_bad_upload_shows_the_problems_and_keeps_the_last_good_scenario(
    app: AppTest, kind: str
) -> None:
    raw, phrase = BAD_UPLOADS[kind]
    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    before = headline(app, engine(CORRECTED, ["hourly_wage=80"]))
    app.file_uploader(key=state.UPLOADER).set_value(("mine.yaml", raw, "application/x-yaml"))
    app.run()
    assert app.error[0].value.startswith("The uploaded file mine.yaml was not loaded")
    assert phrase in app.code[0].value
    assert "conftest" not in app.code[0].value and "hostname" not in app.code[0].value
    assert app.session_state[state.CHOICE] == FILE + CORRECTED.name
    assert headline(app, engine(CORRECTED, ["hourly_wage=80"])) == before


def test_the_invalid_values_upload_lists_every_problem_with_its_line(app: AppTest) -> None:
    raw, _ = BAD_UPLOADS["invalid values"]
    app.file_uploader(key=state.UPLOADER).set_value(("mine.yaml", raw, "application/x-yaml"))
    app.run()
    assert app.code[0].value.splitlines() == [
        "mine.yaml: 2 problems",
        "  line 2  hourly_wage: must be a number > 0 (got -3, a number)",
        "  line 5  courses.ass_jv.grup_size: unknown key; did you mean 'group_size'?",
    ]


def test_a_good_upload_becomes_the_scenario_and_keeps_its_extends(app: AppTest) -> None:
    raw = b"extends: kwadraad-2013-corrected.yaml\nname: Ours\nhourly_wage: 80\n"
    app.file_uploader(key=state.UPLOADER).set_value(("../ours.yaml", raw, "application/x-yaml"))
    app.run()
    assert not app.error
    assert app.session_state[state.CHOICE] == "upload:ours.yaml"
    expected = evaluate(load_scenario_bytes(raw, "ours.yaml", SCENARIO_DIR).scenario)
    assert headline(app, expected) == headline(app, engine(CORRECTED, ["hourly_wage=80"]))
    assert app.markdown[0].value.startswith("**Ours**")


def test_an_invalid_edit_shows_the_problem_and_keeps_the_last_valid_figures(
    app: AppTest,
) -> None:
    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    valid = headline(app, engine(CORRECTED, ["hourly_wage=80"]))
    app.text_input(key=state.quick_key("hourly_wage")).set_value("0").run()
    assert app.error[0].value.startswith("These changes are not valid")
    assert "hourly_wage: must be a number > 0 (got 0, a number)" in app.code[0].value
    assert headline(app, engine(CORRECTED, ["hourly_wage=80"])) == valid


def test_compare_shows_published_against_current_per_year_and_per_line(app: AppTest) -> None:
    open_tab(app, "tab_compare")
    assert app.selectbox(key="compare_a").value == PUBLISHED_CHOICE
    assert app.selectbox(key="compare_b").value == "current"
    published, corrected = load_scenario(PUBLISHED), load_scenario(CORRECTED)
    comparison = compare(
        published, evaluate(published.scenario), corrected, evaluate(corrected.scenario)
    )
    expected = next(
        c for c in comparison.lines if c.key == "average.cumulative" and c.year == 6
    ).difference
    assert money(expected, "en") == "-€11,400.00"  # 99,494.00 - 110,894.00

    tables = [d.value for d in shown_tables(app)]
    average, inputs, pins, per_year, per_line = tables[0], *tables[-4:]
    assert len(tables) == 4 + len(engine().platform_ids)  # a side-by-side table per platform
    figures = average.set_index("Figure")
    assert list(figures.loc["Balance years 1-6"]) == ["€110,894.00", "€99,494.00"]
    assert list(figures.loc["Break-even"]) == ["year 3", "year 4"]
    assert "courses.ass_jv.growth.online_sessions" in list(inputs["key"])
    assert pins.values.tolist() == [[p.key, p.before, p.after] for p in comparison.pins]
    assert pins.iloc[0]["A"].startswith("900.00 in years 1")
    row = per_year[(per_year["Line"] == "Cumulative balance")].iloc[0]
    assert row["Platform or course"].startswith("Average")
    assert row["Year 6"] == "-€11,400.00"
    scheduling = per_line[per_line["Line"] == "Saving: less scheduling of online sessions"]
    assert list(scheduling.iloc[0][["Year 1", "Year 3"]]) == ["€1,800.00", "€2,700.00"]
    app.toggle(key=KEY_ALL).set_value(True).run()
    assert "Scheduling saving per course" not in list(per_line["Line"])
    assert "Less scheduling work, per year" in list(shown_tables(app)[-1].value["Line"])


def test_compare_a_file_against_the_current_edits(app: AppTest) -> None:
    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    open_tab(app, "tab_compare")
    app.selectbox(key="compare_a").set_value(FILE + CORRECTED.name).run()
    inputs, per_year = shown_tables(app)[-3].value, shown_tables(app)[-2].value  # no pins differ
    assert list(inputs.iloc[0]) == ["Hourly wage", "hourly_wage", "€/h", "75", "80"]
    savings = per_year[per_year["Line"] == "Savings"].iloc[0]
    assert savings["Year 1"] == "€2,732.00"  # 40,980.00 at 75 an hour -> 43,712.00 at 80


def test_explain_shows_the_formula_inputs_and_values_of_a_figure(app: AppTest) -> None:
    open_tab(app, "tab_explain")
    assert app.selectbox(key=KEY_LINE).value == "average.cumulative"
    app.selectbox(key=KEY_LINE).set_value("ass_jv.online_efficiency_saving")
    app.selectbox(key=KEY_YEAR).set_value(3).run()
    heading = next(m.value for m in app.markdown if m.value.startswith("####"))
    assert heading == (
        "#### Online contact efficiency, per year, Ass JV (assertiveness, young women) "
        "(ass_jv.online_efficiency_saving), year 3: €7,680.00"
    )
    assert app.code[-1].value == (
        "ass_jv.online_efficiency_saving = ass_jv.online_saving_per_course"
        " x courses.ass_jv.groups_per_year"
    )
    values, inputs, lines = (d.value for d in shown_tables(app))
    assert list(values.iloc[0][["Year 1", "Year 3"]]) == ["€5,760.00", "€7,680.00"]
    assert list(inputs.iloc[0][["key", "Value"]]) == ["courses.ass_jv.groups_per_year", "8 groups"]
    assert "Aantal groepen per jaar" in inputs.iloc[0]["Source"]
    assert list(lines.iloc[0][["key", "Value"]]) == ["ass_jv.online_saving_per_course", "€960.00"]
    app.button(key="explain:ass_jv.online_saving_per_course").click().run()
    assert app.selectbox(key=KEY_LINE).value == "ass_jv.online_saving_per_course"


def test_explain_names_a_pinned_line_and_why(app: AppTest) -> None:
    choose(app, PUBLISHED_CHOICE)
    open_tab(app, "tab_explain")
    app.selectbox(key=KEY_LINE).set_value("ass_jv.scheduling_saving").run()
    assert app.info[0].value.startswith("Pinned to €900.00 in 1, 2, 3, 4, 5, 6: Erratum E1")


def test_the_state_the_app_shows_is_the_state_its_yaml_download_reloads_to(app: AppTest) -> None:
    from dashboard.downloads import yaml_text

    app.text_input(key=state.quick_key("hourly_wage")).set_value("80").run()
    changes = tuple(e.change for e in app.session_state[state.EDITS].values())
    current = evaluate_choice(app.session_state[state.CHOICE], {}, changes)
    reloaded = load_scenario_bytes(yaml_text(current).encode(), "download.yaml", SCENARIO_DIR)
    assert results_json(evaluate(reloaded.scenario)) == results_json(current.results)
    assert headline(app, evaluate(reloaded.scenario)) == headline(app, current.results)


def test_switching_language_stays_on_the_same_tab(app: AppTest) -> None:
    open_tab(app, "tab_compare")
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    assert app.session_state[SECTION] == "Vergelijken"
    assert app.selectbox(key="compare_b").label == "Scenario B"
    assert list(shown_tables(app)[0].value.columns) == ["Cijfer", "A", "B"]
    assert shown_tables(app)[0].value.iloc[0, 0] == "Saldo jaar 1-5"
