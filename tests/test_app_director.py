"""Issue 12, for directors, driven by AppTest: a link that reproduces what the page shows (and
names what it cannot), the board report as the download of the state shown, who pays and who
benefits per platform scenario, a page that is Dutch throughout in Dutch, the browser's language
by default, platform scenarios ranked with their descriptions, and Explain finding a line by
its name, a figure or its key. Every figure is compared with the engine's."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from businesscase import (
    PARTY_NAMES,
    Results,
    evaluate,
    load_scenario,
    measures,
    parties,
    solve,
    text_in,
)
from dashboard import state
from dashboard.compare_view import KEY_B
from dashboard.downloads import report_pdf
from dashboard.explain_view import KEY_FIND, KEY_LINE, matches, typed_numbers
from dashboard.goal_seek_view import KEY_PARAMETERS, KEY_PLATFORM, KEY_YEAR
from dashboard.i18n import TEXT, money
from dashboard.link import SET_PARAM, edits_from_changes
from dashboard.page import SECTION
from dashboard.parties_view import KEY_PLATFORM as PARTIES_PLATFORM
from dashboard.parties_view import money_bars
from dashboard.sources import FILE, evaluate_choice
from dashboard.uncertainty_view import KEY_PLATFORM as UNCERTAINTY_PLATFORM
from tests.conftest import CORRECTED, PUBLISHED, ROOT, SCENARIOS
from tests.page_html import cards_markup, shown_cards, shown_tables, shown_texts
from tests.test_app import BAD_UPLOADS, headline, open_tab, ranked_platforms

NBSP = "\xa0"
BOUGHT = SCENARIOS / "kwadraad-2013-bought-hours.yaml"
ALCANDER = SCENARIOS / "blended-help-alcander.yaml"
RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
GROUPS = "courses.ass_jv.groups_per_year=10"
WAGE = state.quick_key("hourly_wage")


def session(**link: str | list[str]) -> AppTest:
    """A fresh session opened on a link with these query parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in link.items():
        at.query_params[name] = value
    return at.run()


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = session()
    yield at
    assert not at.exception, [e.value for e in at.exception]


def engine(path: Path, changes: list[str] | None = None) -> Results:
    return evaluate(load_scenario(path, changes or []).scenario)


def balance(results: Results, platform: str, lang: str = "en") -> str:
    first, last = measures.widest_total(results.scenario)
    return money(float(results.total(platform, "balance", first, last)), lang)  # type: ignore[arg-type]


def link_of(at: AppTest) -> dict[str, list[str]]:
    """The query the page wrote into its URL."""
    return {
        name: list(value) if isinstance(value, list | tuple) else [value]
        for name, value in at.query_params.items()
    }


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


# ------------------------------------------------------------------ 1. the shareable link


def test_the_page_writes_the_scenario_language_tab_platform_and_every_edit_into_its_link(
    app: AppTest,
) -> None:
    assert link_of(app) == {
        "file": ["kwadraad-2013-corrected.yaml"],
        "lang": ["en"],
        "tab": ["results"],
        "platform": ["average"],
    }
    app.text_input(key=WAGE).set_value("80.5").run()
    open_tab(app, "tab_assumptions")
    base = evaluate_choice(FILE + CORRECTED.name, {})
    rows = [e.key for e in state.table_entries(base, "ass_jv")]
    app.session_state[state.table_key("ass_jv")] = {
        "edited_rows": {
            rows.index("courses.ass_jv.groups_per_year"): {str(y): 10 for y in range(1, 7)}
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    app.session_state["share_link"] = True  # open the expander that holds the link
    app.run()
    assert link_of(app) == {
        "file": ["kwadraad-2013-corrected.yaml"],
        "lang": ["nl"],
        "tab": ["assumptions"],
        "platform": ["average"],
        "set": ["hourly_wage=80.5", GROUPS],
    }
    shown = [m.value for m in app.markdown if m.value.startswith("```")]
    assert shown == [
        "```text\n?file=kwadraad-2013-corrected.yaml&lang=nl&tab=assumptions&platform=average"
        "&set=hourly_wage=80.5&set=courses.ass_jv.groups_per_year=10\n```"
    ]


def test_opening_the_link_in_a_fresh_session_shows_the_same_figures() -> None:
    expected = engine(CORRECTED, ["hourly_wage=80.5", GROUPS])
    assert balance(expected, "average", "nl") == f"€{NBSP}148.033,60"  # € 99.494,00 as written
    at = session(
        file="kwadraad-2013-corrected.yaml",
        lang="nl",
        tab="assumptions",
        platform="new-platform",
        set=["hourly_wage=80.5", GROUPS],
    )
    assert not at.exception
    assert headline(at, expected)["average"]["Saldo jaar 1-6"] == f"€{NBSP}148.033,60"
    for pid in expected.platform_ids:
        assert headline(at, expected)[pid]["Saldo jaar 1-6"] == balance(expected, pid, "nl")
    assert at.session_state[SECTION] == "Aannames"
    assert at.session_state[state.PLATFORM] == "new-platform"
    assert at.text_input(key=WAGE).value == "80,50"  # in the page's notation
    assert [e.change for e in at.session_state[state.EDITS].values()] == [
        "hourly_wage=80.5",
        GROUPS,
    ]
    assert warnings(at) == []


def test_going_back_in_the_browser_shows_the_state_before_each_change_and_forward_again(
    app: AppTest,
) -> None:
    opened = link_of(app)
    app.text_input(key=WAGE).set_value("80").run()
    edited = link_of(app)
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    open_tab(app, "tab_compare", "nl")
    assert link_of(app)["tab"] == ["compare"]

    app.query_params.clear()  # the browser's back button, twice: the English page with 80
    app.query_params.update(edited)
    app.run()
    at_80 = engine(CORRECTED, ["hourly_wage=80"])
    assert headline(app, at_80)["average"]["Balance years 1-6"] == "€111,860.00"
    assert app.session_state[SECTION] == "Results"
    assert app.text_input(key=WAGE).value == "80.00"
    assert link_of(app) == edited

    app.query_params.clear()  # back once more: the file's values
    app.query_params.update(opened)
    app.run()
    assert headline(app, engine(CORRECTED))["average"]["Balance years 1-6"] == "€99,494.00"
    assert app.session_state[state.EDITS] == {}
    assert app.text_input(key=WAGE).value == "75.00"

    app.query_params.clear()  # forward: the edit again
    app.query_params.update(edited)
    app.run()
    assert headline(app, at_80)["average"]["Balance years 1-6"] == "€111,860.00"
    assert warnings(app) == []


def test_a_link_to_the_published_file_with_a_year_step_reads_as_the_command_line_does() -> None:
    change = "courses.ass_jv.groups_per_year.3=10"  # from year 3 on, as --set reads it
    expected = engine(PUBLISHED, [change])
    at = session(file=PUBLISHED.name, set=[change])
    assert headline(at, expected)["average"]["Balance years 1-6"] == balance(expected, "average")
    assert balance(expected, "average") != "€110,894.00"
    assert link_of(at)[SET_PARAM] == ["courses.ass_jv.groups_per_year={1: 8, 3: 10}"]


def test_bad_link_values_are_named_on_the_page_and_the_rest_still_applies() -> None:
    at = session(
        file="../../etc/passwd",
        lang="fr",
        tab="nowhere",
        platform="mars",
        set=["hourly_wage=abc", "name=Ours", "nonsense.key=1", "hourly_wage=80"],
    )
    assert not at.exception
    expected = engine(CORRECTED, ["hourly_wage=80"])
    assert headline(at, expected)["average"]["Balance years 1-6"] == "€111,860.00"
    assert warnings(at) == [
        "The link asks for the language `fr`, which the page does not have (en or nl).",
        "The link names the scenario file `../../etc/passwd`, which is not here; the page shows "
        "kwadraad-2013-corrected.yaml. The files are: blended-help-alcander.yaml, "
        "kwadraad-2013-bought-hours.yaml, kwadraad-2013-corrected.yaml, "
        "kwadraad-2013-published.yaml, kwadraad-2013-ranges.yaml.",
        "The link asks for the tab `nowhere`, which does not exist; the page opens on Results. "
        "The tabs are: results, years, parties, assumptions, uncertainty, compare, explain.",
        "The change `hourly_wage=abc` was not applied; the figures are without it. Why:",
        "The change `name=Ours` was not applied: the app changes the values of inputs, and "
        "`name` is not one. The figures are without it.",
        "The change `nonsense.key=1` was not applied; the figures are without it. Why:",
        "The link asks for the platform scenario `mars`, which this scenario does not have; the "
        "page shows Average of Hulp Online with development and new platform.",
    ]
    reasons = [c.value for c in at.code]
    assert "hourly_wage: must be a number (got 'abc', a text)" in reasons[0]
    assert "nonsense: unknown key" in reasons[1]
    assert link_of(at)[SET_PARAM] == ["hourly_wage=80"]  # the link now holds what applies
    at.radio(key=state.LANGUAGE).set_value("nl").run()  # the state moves on: the notes go
    assert warnings(at) == []


def test_a_link_with_more_than_100_changes_applies_the_first_100_and_says_so() -> None:
    wages = [f"hourly_wage={75 + n}" for n in range(1, 103)]
    at = session(set=wages)
    assert warnings(at) == [
        "The link holds 102 changes; the first 100 are applied, the rest left out."
    ]
    expected = engine(CORRECTED, ["hourly_wage=175"])  # the 100th
    assert headline(at, expected)["average"]["Balance years 1-6"] == balance(expected, "average")


def test_a_link_to_an_upload_says_the_file_does_not_travel_with_it() -> None:
    at = session(upload="ours.yaml")
    assert warnings(at) == [
        "The link names the uploaded file `ours.yaml`, but a link cannot carry an upload; the "
        "page shows kwadraad-2013-corrected.yaml. Upload the file in the sidebar to see it."
    ]
    assert headline(at, engine(CORRECTED))["average"]["Balance years 1-6"] == "€99,494.00"


def test_switching_scenario_drops_the_edits_with_a_word_and_can_apply_them_again(
    app: AppTest,
) -> None:
    app.text_input(key=WAGE).set_value("80").run()
    app.selectbox(key=state.CHOICE).set_value(FILE + PUBLISHED.name).run()
    published = engine(PUBLISHED)
    assert headline(app, published)["average"]["Balance years 1-6"] == "€110,894.00"
    assert app.info[0].value == (
        "Switching from kwadraad-2013-corrected.yaml to kwadraad-2013-published.yaml dropped "
        "your change, since it was made to the other scenario: `hourly_wage=80`."
    )
    assert SET_PARAM not in link_of(app)
    app.button(key="reapply").click().run()
    applied = engine(PUBLISHED, ["hourly_wage=80"])
    assert headline(app, applied)["average"]["Balance years 1-6"] == "€123,660.00"
    assert link_of(app)[SET_PARAM] == ["hourly_wage=80"]
    assert not app.info


def test_changes_from_a_link_become_the_apps_edits_by_year() -> None:
    base = evaluate_choice(FILE + CORRECTED.name, {})
    made, refused = edits_from_changes(
        base, ["hourly_wage=80.5", "courses.ass_jv.online_efficiency=45%", "hourly_wage=75"]
    )
    assert refused == []
    assert [edit.change for edit in made.values()] == ["courses.ass_jv.online_efficiency=45%"]
    assert made["courses.ass_jv.online_efficiency"].values == (0.45,) * 6


# ------------------------------------------------------------------ 2. the board report


def test_the_board_report_download_is_the_command_lines_report_of_the_state_shown(
    app: AppTest, tmp_path: Path
) -> None:
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    app.text_input(key=WAGE).set_value("80,5").run()
    assert [d.proto.label for d in app.get("download_button")] == [
        "Scenariobestand (YAML)",
        "Werkmap (Excel)",
        "Rapport voor het bestuur (PDF)",
    ]
    changes = tuple(e.change for e in app.session_state[state.EDITS].values())
    assert changes == ("hourly_wage=80.5",)
    current = evaluate_choice(app.session_state[state.CHOICE], {}, changes)
    target = tmp_path / "report.pdf"
    command = [
        str(Path(sys.executable).parent / "businesscase"),
        "report",
        "scenarios/kwadraad-2013-corrected.yaml",
        "--set",
        "hourly_wage=80.5",
        "--language",
        "nl",
        "-o",
        str(target),
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert report_pdf(current, "nl") == target.read_bytes()
    assert report_pdf(current, "nl")[:5] == b"%PDF-"
    assert report_pdf(current, "en") != report_pdf(current, "nl")


# ------------------------------------------------------------------ 3. who pays, who benefits


def test_who_pays_and_who_benefits_shows_the_engines_parties_of_the_platform_shown() -> None:
    at = session(file=BOUGHT.name, tab="parties")
    results = engine(BOUGHT)
    table = shown_tables(at)[-1].value
    assert list(table.columns[:2]) == ["Party", "What"]
    assert list(table["Party"]) == [PARTY_NAMES[f.party][0] for f in parties(results, "average")]
    totals = dict(zip(table["What"], table["Total 1-6"], strict=True))
    assert totals["Balance in money"] == money(-139_156.0, "en") == "-€139,156.00"
    assert totals["What the funder gains (pays less, or is repaid)"] == "€53,160.00"
    figures = {f.key: f.total for f in parties(results, "new-platform")}
    assert figures["new-platform.cash_balance"] == -165_152.0
    at.selectbox(key=PARTIES_PLATFORM).set_value("new-platform").run()
    table = shown_tables(at)[-1].value
    assert table.iloc[0]["Total 1-6"] == "-€165,152.00"
    assert table.iloc[3]["Year 1"] == money(
        float(parties(results, "new-platform")[3].values[0]), "en"
    )
    assert link_of(at)["platform"] == ["new-platform"]
    assert [(b.name, b.total) for b in money_bars(results, "new-platform", "nl")] == [
        ("Organisatie", -165_152.0),
        ("Financier", 53_160.0),
    ]


def test_the_clients_hours_of_blended_help_show_in_dutch() -> None:
    at = session(file=ALCANDER.name, lang="nl", tab="parties")
    results = engine(ALCANDER)
    table = shown_tables(at)[-1].value
    assert list(table.columns[:2]) == ["Partij", "Wat"]
    clients = table[table["Partij"] == "Cliënten"]
    saved = {f.key: f.total for f in parties(results, "klik-voor-hulp")}
    assert saved["client_hours_saved"] == 8100.0
    assert list(clients["Totaal 1-6"]) == ["8.100 sessies", "8.100 uur"]
    assert table["Totaal 1-6"].iloc[0] == money(-47_800.0, "nl") == f"€{NBSP}-47.800,00"


def test_the_uncertainty_charts_follow_the_platform_shown() -> None:
    at = session(file=RANGES.name, tab="uncertainty", platform="new-platform")
    assert at.selectbox(key=UNCERTAINTY_PLATFORM).value == "new-platform"
    at.selectbox(key=UNCERTAINTY_PLATFORM).set_value("hulp-online-existing").run()
    assert link_of(at)["platform"] == ["hulp-online-existing"]


# ------------------------------------------------------------------ 4. Dutch throughout


def _pattern(template: str) -> re.Pattern[str]:
    """An English text of the app as a pattern: its fields match any text."""
    parts = re.split(r"\{[a-z_]+\}", template)
    body = ".+?".join(re.escape(part) for part in parts)
    start = r"\b" if template[:1].isalnum() else ""
    end = r"\b" if template[-1:].isalnum() else ""
    return re.compile(start + body + end)


def _english_patterns() -> dict[str, re.Pattern[str]]:
    """Every English text of the app that differs from its Dutch one, as a pattern; one that a
    Dutch text contains (`Seed` in `Seed (startgetal)`) cannot tell the languages apart."""
    dutch = [nl for _, nl in TEXT.values()]
    found = {}
    for key, (english, nl) in TEXT.items():
        pattern = _pattern(english)
        if english != nl and not any(pattern.search(text) for text in dutch):
            found[key] = pattern
    return found


SHOWN_FIELDS = {"body", "label", "help", "placeholder", "options", "caption", "text"}


def _plotly_texts(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for name, inner in value.items():
            if name in ("text", "name", "hovertext") and isinstance(inner, str | list):
                texts = [inner] if isinstance(inner, str) else map(str, inner)
                yield from (text.replace("<br>", " ") for text in texts)  # a legend's lines
            else:
                yield from _plotly_texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _plotly_texts(inner)


def _proto_texts(message: object) -> Iterator[str]:
    for descriptor, value in message.ListFields():  # type: ignore[attr-defined]
        repeated = not isinstance(value, str | bytes) and not hasattr(value, "ListFields")
        values = list(value) if repeated and hasattr(value, "__iter__") else [value]
        if descriptor.name == "spec" and isinstance(value, str):  # a plotly figure
            yield from _plotly_texts(json.loads(value))
        elif descriptor.type == descriptor.TYPE_MESSAGE:
            for inner in values:
                yield from _proto_texts(inner)
        elif descriptor.name in SHOWN_FIELDS:
            yield from (v for v in values if isinstance(v, str))


def page_texts(at: AppTest) -> list[str]:
    """Every text the page shows: markdown, captions, titles, alerts, labels, help, options,
    placeholders, buttons, metric labels and values, tab and expander labels, table headers
    and cells, chart titles and series, and the engine's reports of problems (plain code
    blocks); commands and the link (code to copy) and style rules are not prose."""
    found: list[str] = []

    def walk(node: object) -> None:
        kind = getattr(node, "type", None)
        if kind in ("dataframe", "data_editor", "arrow_data_frame", "table"):
            frame = node.value  # type: ignore[attr-defined]
            found.extend(map(str, frame.columns))
            found.extend(str(cell) for row in frame.itertuples(index=False) for cell in row)
        elif kind == "code":
            if node.proto.language == "plaintext":  # type: ignore[attr-defined]
                found.append(node.value)  # type: ignore[attr-defined]
        elif kind == "markdown" and node.proto.allow_html:  # type: ignore[attr-defined]
            found.extend(shown_texts(node.proto.body))  # a chart: its texts, not its tags
        elif kind == "html":
            body = node.proto.body  # type: ignore[attr-defined]
            if not body.startswith("<style>"):  # style rules' words are checked on their own
                found.extend(shown_texts(body))  # the texts of cards and tables, not the tags
        else:
            proto = getattr(node, "proto", None)
            if proto is not None:
                found.extend(_proto_texts(proto))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return [text for text in found if not text.startswith("```")]


def named_texts(path: Path) -> list[str]:
    """The names and descriptions a scenario file gives: of the scenario, its platform
    scenarios, courses and trajectory types."""
    scenario = load_scenario(path).scenario
    items = [scenario, *scenario.platforms.values(), *scenario.courses.values()]
    items += list(scenario.trajectories.values())
    texts = [getattr(item, field, None) for item in items for field in ("name", "description")]
    return [text for text in texts if text]


def scenario_words(*paths: Path) -> list[str]:
    """What scenario files and the engine's keys name, which stays as written in every
    language: sources, file names, keys, and names given once (not per language), as long
    texts first."""
    words: set[str] = set()
    for path in paths:
        loaded = load_scenario(path)
        words |= {*loaded.files, *(Path(f).name for f in loaded.files)}
        words |= {text for text in named_texts(path) if text_in(text, "en") == text_in(text, "nl")}
        for entry in evaluate_choice(FILE + path.name, {}).entries:
            words |= {entry.key, entry.source or ""}
        words |= set(evaluate(loaded.scenario).lines)
    return sorted((w for w in words if w), key=len, reverse=True)


def engine_patterns(*paths: Path) -> dict[str, re.Pattern[str]]:
    """The English the engine hands the page where it has Dutch too: names and descriptions a
    scenario file gives per language, what each input means, where an input was set (`line
    14`, `default`), the head of a report of problems (`2 problems`), and the words of a
    formula read out (`running total of`, `if ... then ... else`)."""
    found = {
        "report: problems": re.compile(r"\b\d+ problems?\b"),
        "report or origin: line": re.compile(r"\bline \d+\b"),
        "origin: default": re.compile(r"\bdefault\b"),
        "formula: running total": re.compile(r"\brunning total of\b"),
        "formula: if then else": re.compile(r"\bthen\b.*\belse\b"),
        "formula: rounding": re.compile(r"\bround up\(|\bat least 0 \("),
    }
    for path in paths:
        for text in named_texts(path):
            if text_in(text, "en") != text_in(text, "nl"):
                found[f"name: {text}"] = re.compile(re.escape(text_in(text, "en")))
        for entry in evaluate_choice(FILE + path.name, {}).entries:
            if entry.description != entry.description_nl:
                found[f"description: {entry.key}"] = re.compile(re.escape(entry.description))
    return found


def dutch_session() -> list[list[str]]:
    """The texts of the Dutch page in every state a director reaches: each tab, its expanders
    open, an edit, a refused number, the uncertainty with goal seek, a search, a dropped
    edit."""
    seen: list[list[str]] = []

    def look(at: AppTest) -> None:
        assert not at.exception, [e.value for e in at.exception]
        seen.append(page_texts(at))

    at = session(lang="nl")
    at.text_input(key=WAGE).set_value("80,5").run()
    look(at)
    open_tab(at, "tab_years", "nl")
    at.session_state["lines_detail"] = True
    at.run()
    look(at)
    open_tab(at, "tab_parties", "nl")
    look(at)
    open_tab(at, "tab_assumptions", "nl")
    at.session_state["all_inputs"] = True
    development = state.quick_key("platforms.new-platform.development_cost")
    at.text_input(key=development).set_value("12,3,4").run()
    look(at)
    open_tab(at, "tab_compare", "nl")
    at.toggle(key="compare_all_lines").set_value(True).run()
    look(at)
    open_tab(at, "tab_explain", "nl")
    at.text_input(key=KEY_FIND).set_value("16.114").run()
    look(at)
    at.text_input(key=WAGE).set_value("-5").run()  # read, then refused by the engine
    look(at)
    ranges = session(lang="nl", file=RANGES.name, tab="uncertainty")
    ranges.multiselect(key=KEY_PARAMETERS).set_value(
        ["courses.ass_jv.online_efficiency", "courses.ass_ov.online_efficiency"]
    )
    ranges.selectbox(key=KEY_PLATFORM).set_value("new-platform")
    ranges.selectbox(key=KEY_YEAR).set_value(4).run()
    look(ranges)
    ranges.multiselect(key=KEY_PARAMETERS).set_value(["hourly_wage"]).run()
    ranges.text_input(key="goal_from:hourly_wage").set_value("-5").run()  # refused by goal seek
    look(ranges)
    upload = session(lang="nl")
    raw, _ = BAD_UPLOADS["invalid values"]
    upload.file_uploader(key=state.UPLOADER).set_value(("mine.yaml", raw, "application/x-yaml"))
    look(upload.run())
    switched = session(lang="nl")
    switched.text_input(key=WAGE).set_value("80").run()
    switched.selectbox(key=state.CHOICE).set_value(FILE + BOUGHT.name).run()
    look(switched)
    look(session(lang="nl", file="missing.yaml", set=["hourly_wage=abc", "name=Ours"]))
    return seen


def english_texts(
    pages: list[list[str]], allowed: list[str], engine: dict[str, re.Pattern[str]]
) -> tuple[int, list[tuple[str, str]]]:
    """How many texts the pages show, and each that holds an English text of the app (by its
    key) or of the engine, after taking out what stays as the scenario files write it."""
    patterns = _english_patterns()
    assert len(patterns) > 140  # the app's own texts, each in English and Dutch
    patterns |= engine
    english: list[tuple[str, str]] = []
    checked = 0
    for texts in pages:
        for text in texts:
            checked += 1
            rest = text
            for word in allowed:
                rest = rest.replace(word, " ")
            english += [(key, text) for key, p in patterns.items() if p.search(rest)]
    return checked, english


def test_every_text_of_the_dutch_page_is_dutch() -> None:
    files = (CORRECTED, RANGES, BOUGHT, PUBLISHED)
    allowed, engine = scenario_words(*files), engine_patterns(*files)
    assert len(engine) > 80  # names, descriptions, what each input means
    checked, english = english_texts(dutch_session(), allowed, engine)
    assert checked > 1500
    assert english == []
    english_page = page_texts(session(tab="explain"))
    checked, found = english_texts([english_page], allowed, engine)  # the check sees English
    assert {key for key, _ in found} >= {
        "page_title",
        "tab_results",
        "explain_find",
        "ranked",
        "name: Kwadraad 2013, corrected (errata E1-E3)",
        "description: hourly_wage",
        "origin: default",
        "formula: running total",
    }


def test_the_dutch_page_says_its_own_texts_in_dutch() -> None:
    at = session(lang="nl", tab="explain")
    assert at.radio(key=state.LANGUAGE).label == "Taal"
    assert at.selectbox(key=state.CHOICE).placeholder == "Kies een optie"
    assert at.get("file_uploader")[0].proto.label == "Upload een scenariobestand (YAML)"
    assert at.text_input(key=KEY_FIND).label == "Zoek een regel op naam, waarde of sleutel"
    styles = [element.proto.body for element in at.get("html")]  # the uploader's own words
    assert any(
        "Uploaden" in body and "1 MB per bestand" in body and "Sleep een bestand hierheen" in body
        for body in styles
    )
    refused = "Dit bestand is niet geüpload: een scenariobestand is een YAML-bestand (.yaml of "
    assert any(refused + ".yml) van hoogstens 1 MB." in body for body in styles)  # over 1 MB


def test_no_streamlit_or_plotly_toolbar_with_english_tooltips_is_left_on_the_dutch_page() -> None:
    at = session(lang="nl")
    assert at.get("plotly_chart") == []  # the results' charts are SVG: no plotly, no toolbar
    blocks = [h.proto.body for h in at.get("html") if 'class="bc-chart' in h.proto.body]
    assert len(blocks) == 2  # the cumulative balance, then the two by year side by side
    assert sum(block.count('<div class="bc-chart') for block in blocks) == 3
    open_tab(at, "tab_years", "nl")
    assert at.get("arrow_data_frame") == []  # read-only tables are static: no grid toolbar
    assert len(shown_tables(at)) == 4  # a year table per platform scenario
    open_tab(at, "tab_parties", "nl")
    assert at.get("plotly_chart") == [] and at.get("arrow_data_frame") == []
    assert len(shown_tables(at)) == 1  # the parties' table, then their chart
    assert [h.proto.body.count('<div class="bc-chart') for h in at.get("html")].count(1) == 1
    styles = "".join(element.proto.body for element in at.get("html"))
    assert '[data-testid="stElementToolbar"] { display: none; }' in styles  # the course grids


def test_goal_seek_bounds_are_typed_in_dutch_notation() -> None:
    at = session(lang="nl", file=RANGES.name, tab="uncertainty")
    at.multiselect(key=KEY_PARAMETERS).set_value(["hourly_wage"]).run()
    low, high = (at.text_input(key=f"goal_{side}:hourly_wage") for side in ("from", "to"))
    assert (low.label, high.label) == ("Zoeken vanaf (€/uur)", "Zoeken tot en met (€/uur)")
    assert (low.value, high.value) == ("0,01", "750,00")
    high.set_value("80,5").run()  # 80.5, not 805
    answer = solve(
        load_scenario(RANGES).scenario,
        (("hourly_wage",),),
        "average",
        3,
        (0.01, 80.5),
        every_year=True,
    )
    assert (answer.value, answer.upper) == (75.13, 80.5)
    assert f"Uurloon minstens €{NBSP}75,13/uur is (nu €{NBSP}75,00/uur)" in at.success[0].value
    at.text_input(key="goal_to:hourly_wage").set_value("80.5").run()
    assert at.error[0].value.startswith("80.5 wordt niet gelezen") or at.error[0].value.startswith(
        "„80.5” wordt niet gelezen"
    )
    at.radio(key=state.LANGUAGE).set_value("en").run()
    assert at.text_input(key="goal_from:hourly_wage").value == "0.01"  # written anew in English


def test_a_browser_that_asks_for_dutch_gets_the_dutch_page_unless_the_link_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = type(state.st.context)
    monkeypatch.setattr(context, "locale", property(lambda self: "nl-NL"))
    at = session()
    assert at.session_state[state.LANGUAGE] == "nl"
    assert headline(at, engine(CORRECTED))["average"]["Saldo jaar 1-6"] == f"€{NBSP}99.494,00"
    assert session(lang="en").session_state[state.LANGUAGE] == "en"
    monkeypatch.setattr(context, "locale", property(lambda self: "en-GB"))
    assert session().session_state[state.LANGUAGE] == "en"


# ------------------------------------------------------------------ 5. helping the choice


def test_the_cards_rank_the_platforms_by_their_1_6_balance_the_average_marked(
    app: AppTest,
) -> None:
    results = engine(CORRECTED)
    order = ranked_platforms(results)
    assert order == [
        "hulp-online-existing",
        "hulp-online-with-development",
        "average",
        "new-platform",
    ]
    assert [balance(results, pid) for pid in order] == [
        "€171,490.00",
        "€131,490.00",
        "€99,494.00",
        "€67,498.00",
    ]
    cards = shown_cards(app)
    ranked = [
        "Kwadraad Hulp Online, existing, no development",
        "Kwadraad Hulp Online, with development",
        "Average of Hulp Online with development and new platform (average)",
        "New platform (fictitious)",
    ]
    # the cards, the do-nothing reference last (every platform gains), then the year tables
    assert [card.name for card in cards] == [*ranked, "Do nothing (reference)"]
    assert 'class="bc-card bc-reference" data-platform="do-nothing"><div class="bc-name"><em>' in (
        cards_markup(app)
    )  # the reference in italics
    captions = [c.value for c in app.caption]
    assert "Platform scenarios ranked by their balance over years 1-6, highest first." in captions
    open_tab(app, "tab_years")
    assert [table.name for table in shown_tables(app)] == ranked  # the year tables, ranked alike
    for pid, card in zip(order, cards, strict=False):
        assert card.description == results.scenario.platforms[pid].description
    values = [f.value for card in cards for f in card.figures if f.label == "Balance years 1-6"]
    assert values == [*(balance(results, pid) for pid in order), "€0.00"]
    app.radio(key=state.LANGUAGE).set_value("nl").run()
    names = [card.name for card in shown_cards(app)]
    average = text_in(results.scenario.platforms["average"].name, "nl")
    assert average != results.scenario.platforms["average"].name  # the file names it in Dutch
    assert f"{average} (gemiddelde)" in names


def test_explain_finds_the_training_total_of_16_114_by_its_figure_name_or_key(
    app: AppTest,
) -> None:
    results = engine(CORRECTED)
    assert results.totals("new-platform.training") == [16_114.0, 16_114.0]
    assert typed_numbers("16114") == {16_114.0}
    assert typed_numbers("16.114") == {16_114.0, 16.114}  # Dutch grouping, English decimals
    assert set(matches(results, "16114", "en")) == set(matches(results, "16.114", "nl"))
    assert "new-platform.training" in matches(results, "16.114", "nl")
    assert matches(results, "16.114", "nl")["new-platform.training"] == (
        f"€{NBSP}16.114,00 over jaar 1-5"
    )
    open_tab(app, "tab_explain")
    app.text_input(key=KEY_FIND).set_value("16114").run()
    found = app.selectbox(key=KEY_LINE)
    assert set(found.options) >= {
        "Purchase, training and support, New platform (fictitious) (new-platform.training) · "
        "€16,114.00 over years 1-5",
    }
    assert found.value in matches(results, "16114", "en")
    count = len(matches(results, "16114", "en"))
    assert f"{count} lines match `16114`." in [c.value for c in app.caption]
    app.text_input(key=KEY_FIND).set_value("purchase, training and support fictitious").run()
    assert set(app.selectbox(key=KEY_LINE).options) == {
        "Purchase, training and support, New platform (fictitious) (new-platform.training)",
        "Purchase, training and support, total, New platform (fictitious) "
        "(new-platform.training_total)",
    }
    app.text_input(key=KEY_FIND).set_value("aanschaf, training fictitious").run()  # in Dutch
    assert len(app.selectbox(key=KEY_LINE).options) == 2  # Aanschaf, training en ondersteuning
    app.text_input(key=KEY_FIND).set_value("new-platform.training_total").run()
    assert app.selectbox(key=KEY_LINE).value == "new-platform.training_total"
    heading = next(m.value for m in app.markdown if m.value.startswith("####"))
    assert heading.endswith("year 6: €16,114.00")
    app.text_input(key=KEY_FIND).set_value("no such line").run()
    assert "No line matches `no such line`; the list holds every line." in [
        c.value for c in app.caption
    ]
    assert len(app.selectbox(key=KEY_LINE).options) == len(results.lines)


def test_compare_of_published_and_bought_hours_shows_the_price_per_bought_hour() -> None:
    at = session(lang="nl", tab="compare")
    at.selectbox(key=KEY_B).set_value(FILE + BOUGHT.name).run()
    assert not at.exception, [e.value for e in at.exception]
    names = (
        "**A**: Kwadraad 2013, zoals gepubliceerd  \n"
        "**B**: Kwadraad 2013, gecorrigeerd, met ingekochte uren"
    )
    assert names in [m.value for m in at.markdown]
    inputs = next(table.value for table in shown_tables(at) if "sleutel" in table.value.columns)
    rows = inputs.set_index("sleutel")
    assert list(rows.loc["funding.price_per_hour"]) == [
        "Prijs per ingekocht uur",
        "€/uur",
        "0",
        "75",
    ]
    assert list(rows.loc["funding.courses"][["A", "B"]]) == ["(geen)", "[ass_jv, ass_ov]"]
    average = next(table.value for table in shown_tables(at) if "Cijfer" in table.value.columns)
    cash = average.set_index("Cijfer").loc["In geld, jaar 1-6"]
    assert list(cash) == [f"€{NBSP}-85.996,00", f"€{NBSP}-139.156,00"]  # 53,160 repaid


def test_the_running_app_never_reimports_its_code_so_cached_scenarios_keep_their_classes() -> None:
    """A changed .py file made Streamlit drop the project's modules; scenarios cached before
    then held parameters of the old classes, and Compare failed with KeyError
    'funding.price_per_hour.value'. The project's settings turn the file watcher off."""
    read = "from streamlit import config; print(config.get_option('server.fileWatcherType'))"
    answer = subprocess.run(
        [sys.executable, "-c", read], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert answer.stdout.split() == ["none"]
