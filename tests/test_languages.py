"""Dutch throughout, from the core: every field described in English and Dutch (read only when
asked for), names and descriptions per language in scenario files, and every message the engine
gives a user (a bad file, a bad change, a goal-seek refusal) rendered in Dutch with its file,
line and key."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from businesscase import (
    Change,
    GoalSeekError,
    ScenarioError,
    Wording,
    compare,
    description_of,
    dotted,
    dump_scenario,
    evaluate,
    load_scenario,
    load_scenario_bytes,
    message_in,
    parameter_entries,
    solve,
    text_in,
    with_changes,
)
from businesscase.model.descriptions import DOCUMENTED, field_description
from businesscase.model.descriptions_nl import DESCRIPTIONS_NL
from businesscase.model.parameters import decimal_text
from tests.conftest import CORRECTED, PUBLISHED, ROOT

BAD = ROOT / "tests" / "bad_scenarios"
BAD_FILES = sorted([*BAD.glob("*.yaml"), *(BAD / "trust").glob("*.yaml")])

ENGLISH_WORDS = {
    "must", "got", "expected", "unknown", "write", "the", "number", "between", "line", "lines",
    "problem", "problems", "mean", "key", "value", "values", "text", "list", "refused", "year",
    "years", "with", "and", "not", "only", "should", "input", "cannot", "file", "beyond",
    "whole", "give", "needs", "valid", "allowed", "twice", "first", "least", "most", "when",
}  # fmt: skip
"""Common English words of the messages, none of which is a Dutch word."""


def english_words(text: str, *literal: str) -> set[str]:
    """The English words in a Dutch text, leaving out what is quoted literally: the file
    names, keys and values of the message, `code`, and 'what the user wrote'."""
    for part in sorted(literal, key=len, reverse=True):
        text = text.replace(part, " ")
    text = re.sub(r"`[^`]*`|'[^']*'", " ", text)
    return set(re.findall(r"[A-Za-z]+", text)) & ENGLISH_WORDS


def scenario_text(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problem_of(error: pytest.ExceptionInfo[ScenarioError]) -> tuple[str, int | None, str]:
    (problem,) = error.value.problems
    return dotted(problem.path), problem.line, problem.message


# ---------------------------------------------------------------- descriptions


def test_every_field_of_the_scenario_format_is_described_in_english_and_in_other_dutch() -> None:
    for model in DOCUMENTED:
        for name in model.model_fields:
            english = field_description(model, name, "en")
            dutch = field_description(model, name, "nl")
            assert english and dutch, f"{model.__name__}.{name}"
            assert dutch != english, f"{model.__name__}.{name}"


def test_the_dutch_table_describes_only_fields_that_exist() -> None:
    fields = {model.__name__: set(model.model_fields) for model in DOCUMENTED}
    extra = {
        f"{model}.{name}"
        for model, names in DESCRIPTIONS_NL.items()
        for name in names
        if name not in fields.get(model, set())
    }
    assert extra == set()


def test_a_description_is_found_by_its_dotted_key_or_key_path_in_either_language() -> None:
    assert description_of("courses.ass_jv.group_size") == (
        "Participants in one group (the maximum group size)."
    )
    assert description_of(("courses", "ass_jv", "group_size"), "nl") == (
        "Deelnemers in één groep (de grootste groep die kan)."
    )
    assert description_of("hourly_wage", "nl") == (
        "Bruto uurloon van een cursusleider (maatschappelijk werker)."
    )
    with pytest.raises(KeyError, match=r"courses\.ass_jv\.grup_size"):
        description_of("courses.ass_jv.grup_size")


def test_the_inventory_gives_each_input_its_english_and_dutch_description() -> None:
    entries = {entry.key: entry for entry in parameter_entries(load_scenario(PUBLISHED))}
    wage = entries["hourly_wage"]
    assert wage.description == "Gross hourly wage of a course leader (social worker)."
    assert wage.description_nl == "Bruto uurloon van een cursusleider (maatschappelijk werker)."
    assert all(entry.description and entry.description_nl for entry in entries.values())


def test_running_a_scenario_neither_reads_descriptions_nor_asks_pydantic_for_them() -> None:
    code = (
        "import sys; from businesscase.cli.main import main; "
        f"main(['run', {str(PUBLISHED)!r}]); "
        "from businesscase.model.parameters import Base; "
        "read = sys.modules.get('businesscase.model.descriptions'); "
        "print(read is not None and read._english.cache_info().currsize, "
        "Base.model_config.get('use_attribute_docstrings', False), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stderr.strip().split() in (["False", "False"], ["0", "False"])


# ---------------------------------------------------------------- names per language


def test_a_name_per_language_reads_as_the_english_and_gives_the_dutch_when_asked(
    tmp_path: Path,
) -> None:
    child = scenario_text(
        tmp_path,
        "child.yaml",
        f"extends: {CORRECTED}\n"
        "name: {en: Debt help, nl: Schuldhulp}\n"
        "description: Written once\n"
        "platforms:\n"
        "  new-platform:\n"
        "    name: {nl: Nieuw platform}\n",
    )
    scenario = load_scenario(child).scenario
    assert scenario.name == "Debt help" and isinstance(scenario.name, Wording)
    assert text_in(scenario.name, "nl") == "Schuldhulp"
    assert text_in(scenario.description, "nl") == scenario.description == "Written once"
    platform = scenario.platforms["new-platform"].name
    assert (platform, text_in(platform, "nl")) == ("Nieuw platform", "Nieuw platform")


def test_a_name_per_language_is_written_back_as_it_was_read_and_loads_the_same(
    tmp_path: Path,
) -> None:
    loaded = load_scenario(PUBLISHED)
    text = dump_scenario(loaded)
    assert "  en: Kwadraad 2013, as published\n  nl: Kwadraad 2013, zoals gepubliceerd\n" in text
    again = load_scenario(scenario_text(tmp_path, "again.yaml", text)).scenario
    for before, after in [
        (loaded.scenario.name, again.name),
        *(
            (loaded.scenario.platforms[p].name, again.platforms[p].name)
            for p in loaded.scenario.platforms
        ),
    ]:
        assert (after, text_in(after, "nl")) == (before, text_in(before, "nl"))


def test_a_name_keeps_its_dutch_when_copied_or_pickled() -> None:
    name = load_scenario(PUBLISHED).scenario.name
    assert text_in(pickle.loads(pickle.dumps(name)), "nl") == "Kwadraad 2013, zoals gepubliceerd"


def test_an_unknown_language_is_refused_at_its_key_and_line_with_the_languages_there_are(
    tmp_path: Path,
) -> None:
    bad = scenario_text(tmp_path, "bad.yaml", f"extends: {CORRECTED}\nname:\n  en: A\n  de: B\n")
    with pytest.raises(ScenarioError) as error:
        load_scenario(bad)
    assert problem_of(error) == ("name.de", 4, "unknown language; expected one of en, nl")


def test_a_name_in_a_language_that_is_not_a_text_is_refused_at_its_key(tmp_path: Path) -> None:
    bad = scenario_text(tmp_path, "bad.yaml", f"extends: {CORRECTED}\nname:\n  nl: 5\n")
    with pytest.raises(ScenarioError) as error:
        load_scenario(bad)
    assert problem_of(error) == ("name.nl", 3, "must be a text (got 5, a number)")


def test_a_name_given_in_no_language_is_refused(tmp_path: Path) -> None:
    bad = scenario_text(tmp_path, "bad.yaml", f"extends: {CORRECTED}\nname: {{}}\n")
    with pytest.raises(ScenarioError) as error:
        load_scenario(bad)
    assert problem_of(error) == ("name", 2, "give the text in en, nl or both")


def test_compare_lists_a_name_whose_dutch_alone_changed(tmp_path: Path) -> None:
    child = scenario_text(
        tmp_path,
        "child.yaml",
        f"extends: {CORRECTED}\n"
        "name: {en: 'Kwadraad 2013, corrected (errata E1-E3)', nl: Kwadraad gecorrigeerd}\n",
    )
    a, b = load_scenario(CORRECTED), load_scenario(child)
    settings = compare(a, evaluate(a.scenario), b, evaluate(b.scenario)).settings
    (change,) = settings
    assert change.key == "name" and change.before == change.after
    assert text_in(change.after, "nl") == '"Kwadraad gecorrigeerd"'


# ---------------------------------------------------------------- messages in Dutch


@pytest.mark.parametrize("file", BAD_FILES, ids=lambda path: path.name)
def test_every_bad_file_is_reported_in_dutch_with_its_file_lines_and_keys(file: Path) -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario(file)
    dutch = error.value.report("nl")
    assert message_in(error.value, "nl") == dutch
    literal = [p.file or "" for p in error.value.problems]
    literal += [dotted(p.path) for p in error.value.problems]
    assert english_words(dutch, *literal) == set(), dutch
    for problem in error.value.problems:
        line = f"regel {problem.line}  " if problem.line is not None else ""
        key = f"{dotted(problem.path)}: " if problem.path else ""
        assert f"  {line}{key}{problem.text('nl')}" in dutch
        assert problem.text("nl") != problem.message


def test_the_dutch_report_counts_problems_and_writes_numbers_with_a_decimal_comma() -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario(BAD / "several_problems.yaml")
    dutch = error.value.report("nl")
    assert dutch.startswith("tests/bad_scenarios/several_problems.yaml: 5 problemen\n")
    assert "  regel 6  courses.ass_jv.group_size: moet een geheel getal zijn (gegeven: 12,5)" in (
        dutch
    )
    assert "regel 12  overrides.0.line: onbekende regel; bedoelt u 'ass_jv.scheduling_saving'?" in (
        dutch
    )


def test_the_english_report_is_unchanged_by_the_dutch_beside_it() -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario(BAD / "negative_wage.yaml")
    assert (
        str(error.value)
        == error.value.report("en")
        == (
            "tests/bad_scenarios/negative_wage.yaml: 1 problem\n"
            "  line 2  hourly_wage: must be a number > 0 (got -75, a number)"
        )
    )
    assert error.value.report("nl") == (
        "tests/bad_scenarios/negative_wage.yaml: 1 probleem\n"
        "  regel 2  hourly_wage: moet een getal > 0 zijn (gegeven: -75, een getal)"
    )


@pytest.mark.parametrize(
    "change",
    [
        "hourly_wage",
        "courses.ass_jv.grup_size=3",
        "courses.ass_xx.group_size=3",
        "hourly_wage.value.x=3",
        "courses=3",
        "hourly_wage=1,500",
        "hourly_wage=0x4B",
        "courses.ass_jv.online_efficiency=140%",
        "courses.ass_jv.online_efficiency=4_0%",
        "platforms.new-platform.development_year=9",
        "hourly_wage=[1",
    ],
)
def test_every_bad_change_is_reported_in_dutch(change: str) -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario(CORRECTED, [change])
    literal = [p.file or "" for p in error.value.problems]
    literal += [dotted(p.path) for p in error.value.problems]
    dutch = error.value.report("nl")
    assert english_words(dutch, *literal) == set(), dutch


def test_a_typed_change_outside_a_range_is_reported_in_dutch_with_the_bounds_in_dutch(
    tmp_path: Path,
) -> None:
    ranges = load_scenario(ROOT / "scenarios" / "kwadraad-2013-ranges.yaml")
    with pytest.raises(ScenarioError) as error:
        with_changes(ranges, ["courses.ass_jv.online_efficiency=0.9"])
    (problem,) = error.value.problems
    assert problem.text("nl").startswith("0,9 ligt buiten de bandbreedte van deze parameter")
    assert with_changes(ranges, [Change(("hourly_wage",), 80.0)]).scenario.hourly_wage.value == 80


def test_an_upload_that_is_not_utf8_is_reported_in_dutch() -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario_bytes(b"\xff\xfe\x00binary", "upload.yaml")
    assert error.value.report("nl") == (
        "upload.yaml: 1 probleem\n  geen UTF-8-tekstbestand (byte 0 is onleesbaar)"
    )


def test_a_number_typed_in_the_app_is_explained_in_dutch() -> None:
    with pytest.raises(ValueError) as error:
        decimal_text("1,500")
    assert str(error.value) == "1,500 could mean thousands or decimals: write 1500 or 1.5"
    assert message_in(error.value, "nl") == (
        "1,500 kan duizendtallen of decimalen betekenen: schrijf 1500 of 1,5"
    )
    assert message_in(KeyError("x"), "nl") == "'x'"


# ---------------------------------------------------------------- goal seek in Dutch


def test_every_goal_seek_refusal_is_given_in_dutch_with_the_input_it_is_about() -> None:
    scenario = load_scenario(CORRECTED).scenario
    online = ("courses", "ass_jv", "online_sessions")
    questions = [
        ((("courses", "ass_jv", "name"),), "new-platform", 4, (0.0, 1.0)),
        ((online,), "new-platfrom", 9, (0.0, 10.0)),
        ((("hourly_wage",),), "new-platform", 4, (-5.0, 100.0)),
        ((("hourly_wage",),), "new-platform", 4, (90.0, 80.0)),
        ((("courses", "ass_jv", "group_size"),), "new-platform", 4, (12.2, 12.6)),
        ((("platforms", "new-platform", "development_year"),), "new-platform", 4, (1.0, 9.0)),
    ]
    seen = 0
    for paths, platform, by_year, bounds in questions:
        with pytest.raises(GoalSeekError) as error:
            solve(scenario, paths, platform, by_year, bounds)
        for about, problem in error.value.refusals:
            dutch = problem.text("nl")
            literal = [*(dotted(p) for p in paths), platform, *scenario.platforms]
            assert english_words(dutch, *literal) == set(), dutch
            assert problem.path in ((about,), *paths)
            seen += 1
    assert seen == 9


def test_a_goal_seek_answer_is_given_in_dutch_with_dutch_numbers_and_units() -> None:
    scenario = load_scenario(CORRECTED).scenario
    answer = solve(scenario, (("hourly_wage",),), "new-platform", 4, (1.0, 200.0))
    dutch = text_in(answer.message, "nl")
    assert dutch.startswith("new-platform verdient zich uiterlijk in jaar 4 terug als hourly_wage")
    assert "€/uur" in dutch and "EUR/h" in answer.message
    assert english_words(dutch, "new-platform", "hourly_wage") == set(), dutch
