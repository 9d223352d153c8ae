"""No silent wrong answers: what validate accepts, run computes in full, and what it cannot
compute in full is refused with its file, line and key path (exit code 2).

Years beyond the horizon are refused for every year-valued key alike, found by the type `Year`;
a thousand courses or an average of 1,200 platforms validate and run; an empty list of years
to pin is refused; a `--set` keeps a range or is refused; one run lists every problem; default
totals follow a shorter horizon; numbers have one syntax (`75,50` is 75.5, `1,500`, `7_5` and
`0x4B` are refused with the reason)."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError
from ruamel.yaml import YAML

from businesscase import evaluate, explain, ranged_parameters, results_json
from businesscase.cli.main import main
from businesscase.model.errors import ScenarioError
from businesscase.model.parameters import Base, Number, Param, Scenario, Year
from businesscase.report.format_reference import render
from businesscase.scenario.checks import year_values
from businesscase.scenario.loading import load_scenario, validate_data
from businesscase.scenario.yaml_source import read_yaml_text
from tests.conftest import CORRECTED, PUBLISHED, ROOT

TRUST = ROOT / "tests" / "bad_scenarios" / "trust"
RANGES = ROOT / "scenarios" / "kwadraad-2013-ranges.yaml"


def child(tmp_path: Path, text: str, parent: Path = PUBLISHED, name: str = "child.yaml") -> Path:
    """A scenario file that extends a reference scenario with a few lines."""
    path = tmp_path / name
    path.write_text(f"extends: {parent}\n{text}")
    return path


def refused(path: Path, changes: list[str] | None = None) -> str:
    with pytest.raises(ScenarioError) as error:
        load_scenario(path, changes or [])
    return error.value.report()


BEYOND = (
    "is beyond the horizon of 8 years; every year and number of years must lie within years 1-8"
)

# ---------------------------------------------------------------- 1. years within the horizon


@pytest.mark.parametrize(
    ("name", "phrases"),
    [
        (
            "spread_beyond_horizon.yaml",
            ["line 4  implementation_spread_years: year 20 " + BEYOND, "cut off silently"],
        ),
        (
            "growth_beyond_horizon.yaml",
            ["line 7  courses.ass_jv.growth.from_year: year 9 " + BEYOND],
        ),
        (
            "development_beyond_horizon.yaml",
            ["line 6  platforms.new-platform.development_year: year 9 " + BEYOND],
        ),
    ],
)
def test_a_year_beyond_the_horizon_is_refused_whether_a_spread_a_growth_or_a_development_year(
    name: str, phrases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("validate", "run"):
        assert main([command, str(TRUST / name)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.splitlines()[0].endswith(f"{name}: 1 problem")
        for phrase in phrases:
            assert phrase in captured.err


def test_an_implementation_spread_of_20_years_on_8_no_longer_shows_40_percent_of_the_cost(
    tmp_path: Path,
) -> None:
    """Spread over 8 years instead, the whole 450 hours are counted, none cut off."""
    text = "horizon_years: 8\ntotals: [[1, 8]]\nimplementation_spread_years: {}\n"
    assert "year 20 is beyond" in refused(child(tmp_path, text.format(20)))
    results = evaluate(load_scenario(child(tmp_path, text.format(8), name="ok.yaml")).scenario)
    implementation = results.line("new-platform.implementation")
    assert implementation.sum() == pytest.approx(450 * 75)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "platforms:\n  new-platform:\n    training_spread_years: 9\n",
            "line 5  platforms.new-platform.training_spread_years: year 9 ",
        ),
        (
            "platforms:\n  new-platform:\n    one_off_costs: {9: 100}\n",
            "line 5  platforms.new-platform.one_off_costs.9: year 9 ",
        ),
        (
            "overrides:\n  - line: savings\n    value: 1\n    years: [2, 9]\n    reason: x\n",
            "line 6  overrides.0.years.1: year 9 ",
        ),
        (
            "courses:\n  ass_jv:\n    online_sessions: {1: 3, 9: 4}\n",
            "line 5  courses.ass_jv.online_sessions.9: year 9 ",
        ),
        (
            "courses:\n  ass_jv:\n    online_sessions:\n      value: {1: 3,\n        9: 4}\n",
            "line 7  courses.ass_jv.online_sessions.value.9: year 9 ",
        ),
        (
            "platforms:\n  new-platform:\n    development_year: {1: 1, 3: 9}\n",
            "line 5  platforms.new-platform.development_year.3: year 9 ",
        ),
        (
            "platforms:\n  new-platform:\n    development_year: {value: 1, low: 1,\n"
            "      high: 9}\n",
            "line 6  platforms.new-platform.development_year.high: year 9 ",
        ),
        ("totals: [[1, 5], [1, 9]]\n", "line 3  totals.1.1: year 9 "),
    ],
)
def test_every_year_valued_key_obeys_the_same_horizon_rule(
    tmp_path: Path, text: str, phrase: str
) -> None:
    report = refused(child(tmp_path, "horizon_years: 8\n" + text))
    assert phrase + BEYOND in report


def test_the_horizon_rule_finds_years_by_their_type_not_by_a_list_of_names(
    tmp_path: Path,
) -> None:
    """The walk reaches every year-valued key of the brief, and a new field of type Year
    (here in a model the checks have never heard of) without being told its name."""
    text = (
        "platforms:\n  new-platform:\n    one_off_costs: {2: 100}\n"
        "overrides:\n  - line: savings\n    value: 1\n    years: [2]\n    reason: x\n"
    )
    scenario = load_scenario(child(tmp_path, text)).scenario
    reached = {path for path, _ in year_values(scenario)}
    for path in [
        ("horizon_years",),
        ("totals", 1, 1),
        ("implementation_spread_years", "value"),
        ("courses", "ass_jv", "growth", "from_year", "value"),
        ("courses", "ass_jv", "offline_sessions", "by_year", 3),
        ("platforms", "new-platform", "development_year", "value"),
        ("platforms", "new-platform", "training_spread_years", "value"),
        ("platforms", "new-platform", "one_off_costs", 2),
        ("overrides", 0, "years", 0),
    ]:
        assert path in reached, path

    class Plan(Base):
        start: Param[Year]
        milestones: list[Year]

    plan = Plan.model_validate({"start": {1: 2, 4: 3}, "milestones": [5]})
    assert sorted(year_values(plan), key=str) == sorted(
        [
            (("start", "by_year", 1), 1),
            (("start", "by_year", 1), 2),
            (("start", "by_year", 4), 4),
            (("start", "by_year", 4), 3),
            (("milestones", 0), 5),
        ],
        key=str,
    )


def test_the_docs_state_the_horizon_rule() -> None:
    page = render()
    assert "must lie within years 1 to the horizon" in page
    assert "never silently cut off" in page
    assert (ROOT / "docs" / "scenario-format.md").read_text() == page


# ---------------------------------------------------------------- 2. big scenarios


def _course(i: int, ranged: bool = True) -> dict[str, Any]:
    return {
        "name": f"Course {i}",
        "group_size": 12,
        "minutes_per_participant": 40,
        "groups_per_year": 8,
        "offline_sessions": {1: 5, 3: 4},
        "online_sessions": 3,
        "offline_time_gain": "20%",
        "online_efficiency": ({"value": "40%", "low": "25%", "high": "50%"} if ranged else "40%"),
        "offline_preparation_hours": 2,
        "online_preparation_hours": 0.5,
        "referral_hours_per_participant": 1,
    }


def _big(courses: int, platforms: int, average: bool, ranged: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "big",
        "hourly_wage": 75,
        "vat_rate": "21%",
        "implementation_hours": 450,
        "courses": {f"c{i}": _course(i, ranged) for i in range(courses)},
        "platforms": {
            f"p{i}": {"name": f"P {i}", "development_cost": 1000 + i, "licence_per_year": 100}
            for i in range(platforms)
        },
    }
    if average:
        members = list(data["platforms"])
        data["platforms"]["avg"] = {"name": "Average", "average_of": members}
    return data


def _written(tmp_path: Path, data: dict[str, Any], name: str) -> Path:
    yaml = YAML(typ="safe", pure=True)
    path = tmp_path / name
    with path.open("w") as handle:
        yaml.dump(data, handle)
    return path


def test_a_thousand_courses_validate_and_run_without_a_recursion_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _big(1_000, 2, average=False)
    loaded = validate_data(data, {}, ["big.yaml"])
    results = evaluate(loaded.scenario)
    assert results.line("savings").shape == (6,)
    one = evaluate(validate_data(_big(1, 2, average=False), {}, ["one.yaml"]).scenario)
    np.testing.assert_allclose(results.line("savings"), 1_000 * one.line("savings"))
    assert "c999" in explain(loaded, results, "online_efficiency").formula  # a flat sum
    json.dumps(results_json(results, "big.yaml"))
    path = _written(tmp_path, data, "courses.yaml")
    assert main(["validate", str(path)]) == 0
    assert main(["run", str(path), "--json"]) == 0
    assert main(["simulate", str(path), "--draws", "50", "--seed", "1"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_an_average_of_1200_platforms_validates_and_runs_without_a_recursion_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _big(2, 1_200, average=True)
    loaded = validate_data(data, {}, ["big.yaml"])
    results = evaluate(loaded.scenario)
    mean_development = np.mean([1000 + i for i in range(1_200)])
    assert results.line("avg.development")[0] == pytest.approx(mean_development)
    assert "p1199.development" in explain(loaded, results, "avg.development").formula
    path = _written(tmp_path, data, "platforms.yaml")
    assert main(["validate", str(path)]) == 0
    assert main(["run", str(path), "--json"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_thousand_courses_export_to_a_workbook(tmp_path: Path) -> None:
    path = _written(tmp_path, _big(1_000, 2, average=False, ranged=False), "big.yaml")
    assert main(["export", str(path), "-o", str(tmp_path / "big.xlsx")]) == 0
    assert (tmp_path / "big.xlsx").stat().st_size > 0


# ---------------------------------------------------------------- 3a. override years


def test_an_override_with_an_empty_list_of_years_is_refused_instead_of_pinning_every_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(TRUST / "empty_override_years.yaml")]) == 2
    assert (
        "line 5  overrides.0.years: list the years to pin, or leave `years` out to pin every year"
        in capsys.readouterr().err
    )


def test_an_override_without_years_still_pins_every_year(tmp_path: Path) -> None:
    path = child(tmp_path, "overrides:\n  - line: savings\n    value: 1\n    reason: x\n")
    results = evaluate(load_scenario(path).scenario)
    assert results.pins["savings"].years == (1, 2, 3, 4, 5, 6)


# ---------------------------------------------------------------- 3b. --set on a range


EFFICIENCY = "courses.ass_jv.online_efficiency"


def test_a_set_within_the_range_replaces_only_the_value_and_keeps_the_range() -> None:
    before = load_scenario(RANGES)
    after = load_scenario(RANGES, [f"{EFFICIENCY}=45%"])
    param = after.scenario.courses["ass_jv"].online_efficiency
    assert (param.value, param.low, param.high, param.distribution) == (0.45, 0.25, 0.5, "pert")
    assert param.range_source is not None and param.source is None
    assert len(ranged_parameters(after.scenario)) == len(ranged_parameters(before.scenario)) == 9


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        (
            f"{EFFICIENCY}=60%",
            "60% lies outside this parameter's range (25% to 50%), so the range would no longer "
            "hold",
        ),
        (f"{EFFICIENCY}={{1: 45%, 3: 50%}}", "so it would no longer hold with values by year"),
        (f"{EFFICIENCY}.3=45%", "which needs one value for every year"),
    ],
)
def test_a_set_that_breaks_the_range_is_refused_instead_of_dropping_it(
    change: str, phrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["simulate", str(RANGES), "--draws", "10", "--set", change]) == 2
    err = capsys.readouterr().err
    assert f"--set {change}: 1 problem" in err and phrase in err
    assert f"--set {EFFICIENCY}={{value: ..., low: ..., high: ...}}" in err


def test_a_set_of_a_whole_block_replaces_the_parameter_as_written() -> None:
    loaded = load_scenario(RANGES, [f"{EFFICIENCY}={{value: 60%, low: 50%, high: 70%}}"])
    param = loaded.scenario.courses["ass_jv"].online_efficiency
    assert (param.value, param.low, param.high, param.distribution) == (0.6, 0.5, 0.7, None)
    plain = load_scenario(RANGES, [f"{EFFICIENCY}={{value: 60%}}"])
    assert not plain.scenario.courses["ass_jv"].online_efficiency.has_range


# ---------------------------------------------------------------- 3c. every problem at once


def test_one_validate_lists_type_errors_and_problems_across_keys_together(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(TRUST / "every_problem_at_once.yaml")]) == 2
    err = capsys.readouterr().err
    for phrase in [
        "every_problem_at_once.yaml: 6 problems",
        "line 2  hourly_wage: must be a number (got 'abc', a text)",
        "line 5  courses.ass_jv.group_size: must be a whole number (got 12.5)",
        "line 6  courses.ass_jv.grup_size: unknown key; did you mean 'group_size'?",
        "line 9  platforms.average.average_of.1: unknown platform 'new-platfrom'",
        "line 11  platforms.new-platform.development_year: year 7 is beyond the horizon of 6",
        "line 13  overrides.0.line: unknown line; did you mean 'ass_jv.scheduling_saving'?",
    ]:
        assert phrase in err


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("horizon_years: abc\nplatforms:\n  new-platform:\n    development_year: 7\n", 1),
        ("overrides:\n  - line: [1]\n    value: 1\n    reason: x\n", 1),
        ("overrides:\n  - line: savings\n    value: 1\n    years: [x, 2]\n    reason: r\n", 1),
        ("platforms:\n  average:\n    average_of: 7\n", 1),
    ],
)
def test_values_set_aside_for_their_own_error_cause_no_problems_across_keys(
    tmp_path: Path, text: str, only: int
) -> None:
    """An invalid horizon checks no years; an invalid override line is not also unknown."""
    with pytest.raises(ScenarioError) as error:
        load_scenario(child(tmp_path, text))
    assert len(error.value.problems) == only, error.value.report()


def test_an_invalid_id_reports_its_own_problems_and_no_guessed_ones(tmp_path: Path) -> None:
    """Where nothing sensible can stand in (an id in capitals), the checks across keys do not
    guess: no "unknown line" for an override of the course it names."""
    text = (
        "courses:\n  Ass_JV:\n    name: x\n"
        "overrides:\n  - line: Ass_JV.scheduling_saving\n    value: 1\n    reason: x\n"
    )
    with pytest.raises(ScenarioError) as error:
        load_scenario(child(tmp_path, text))
    report = error.value.report()
    assert "ids use lowercase letters" in report and "unknown line" not in report


# ---------------------------------------------------------------- 3d. default totals


@pytest.mark.parametrize(
    ("horizon", "totals"),
    [(4, [(1, 4)]), (5, [(1, 5)]), (6, [(1, 5), (1, 6)]), (8, [(1, 5), (1, 6)])],
)
def test_the_default_totals_follow_a_shorter_horizon(
    tmp_path: Path, horizon: int, totals: list[tuple[int, int]]
) -> None:
    data = dict(load_scenario(CORRECTED).data)
    data.pop("totals")
    data["horizon_years"] = horizon
    scenario = validate_data(data, {}, ["short.yaml"]).scenario
    assert scenario.totals == totals
    results = evaluate(scenario)
    assert len(results.totals("new-platform.balance") or []) == len(totals)
    assert "totals" not in scenario.model_fields_set


def test_written_totals_beyond_a_shorter_horizon_are_still_refused(tmp_path: Path) -> None:
    report = refused(child(tmp_path, "horizon_years: 4\n"))  # the published file has [1, 5], [1, 6]
    assert "totals.0.1: year 5 is beyond the horizon of 4 years" in report


# ---------------------------------------------------------------- 3e. number syntax


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("75,50", 75.5),
        ("'75,50'", 75.5),
        ("75.50", 75.5),
        ("-2", -2.0),
        ("+75", 75.0),
        ("1e3", 1000.0),
        ("7,5e1", 75.0),
        ("0,125", 0.125),
        ("1,5", 1.5),
        ("1,5000", 1.5),
    ],
)
def test_a_number_is_digits_with_a_decimal_point_or_comma(written: str, value: float) -> None:
    data = read_yaml_text(f"value: {written}", "x.yaml").data["value"]
    assert TypeAdapter(_number_field()).validate_python(data) == value


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("1,500", "1,500 could mean thousands or decimals: write 1500 or 1.5"),
        ("-12,250", "-12,250 could mean thousands or decimals: write -12250 or -12.25"),
        ("7_5", "write the digits without '_' (75, not 7_5)"),
        ("0x4B", "write the number in decimal digits (75, not 0x4B)"),
        ("0o17", "write the number in decimal digits (15, not 0o17)"),
        ("1.500,50", "write the number without thousands separators"),
        ("1,500,000", "write the number without thousands separators"),
        ("'75 euro'", "write digits with an optional decimal point or comma"),
        (".inf", "write digits with an optional decimal point or comma"),
    ],
)
def test_an_ambiguous_comma_underscores_and_other_bases_are_refused_with_the_reason(
    written: str, reason: str
) -> None:
    data = read_yaml_text(f"value: {written}", "x.yaml").data["value"]
    with pytest.raises(ValidationError) as error:
        TypeAdapter(_number_field()).validate_python(data)
    assert reason in str(error.value)


def _number_field() -> Any:
    return Number


@pytest.mark.parametrize(
    ("written", "fraction"), [("40,5%", 0.405), ("0,405", 0.405), ("40.5%", 0.405), ("40%", 0.4)]
)
def test_a_percentage_reads_its_number_the_same_way(written: str, fraction: float) -> None:
    loaded = load_scenario(PUBLISHED, [f"{EFFICIENCY}={written}"])
    assert loaded.scenario.courses["ass_jv"].online_efficiency.value == pytest.approx(fraction)


def test_the_same_number_syntax_holds_in_a_file_and_in_a_set(tmp_path: Path) -> None:
    from_file = load_scenario(child(tmp_path, "hourly_wage: 75,50\n")).scenario.hourly_wage
    from_set = load_scenario(PUBLISHED, ["hourly_wage=75,50"]).scenario.hourly_wage
    assert from_file.value == from_set.value == 75.5
    for written in ("7_5", "0x4B", "1,500"):
        assert "hourly_wage: must be a number" in refused(
            child(tmp_path, f"hourly_wage: {written}\n")
        )
        assert "hourly_wage: must be a number" in refused(PUBLISHED, [f"hourly_wage={written}"])


def test_a_file_with_numbers_in_other_forms_lists_each_with_its_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(TRUST / "numbers_in_other_forms.yaml")]) == 2
    err = capsys.readouterr().err
    for phrase in [
        "4 problems",
        "line 2  hourly_wage: must be a number (got '7_5', a text); write the digits without '_'",
        "line 3  implementation_hours: must be a number (got '0x4B', a text); write the number "
        "in decimal digits (75, not 0x4B)",
        "line 6  courses.ass_jv.groups_per_year: must be a number (got '1,500', a text); 1,500 "
        "could mean thousands or decimals: write 1500 or 1.5",
        "line 7  courses.ass_jv.online_efficiency: must be a percentage such as 40% (got '4_0%')",
    ]:
        assert phrase in err


@pytest.mark.parametrize("written", ["1" * 5_000, "'" + "1" * 5_000 + "'", "1" * 5_000 + "%"])
def test_a_number_of_thousands_of_digits_is_refused_without_a_traceback(
    tmp_path: Path, written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = child(tmp_path, f"hourly_wage: {written}\nvat_rate: {written}\n")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "write a number of at most 40 characters" in err and "Traceback" not in err
    assert len(err) < 1_000


def test_a_text_field_keeps_0x4b_as_written() -> None:
    assert read_yaml_text("name: 0x4B\nb: 7_5\n", "x.yaml").data == {"name": "0x4B", "b": "7_5"}


def test_every_number_field_reads_the_one_number_syntax() -> None:
    """Each number type of the model (money, hours, counts, years, percentages, sd, ...) reads
    `75,5`-style decimals the same way and refuses `7_5` with the same reason."""
    kinds = _number_types()
    assert len(kinds) >= 8
    for kind in kinds:
        adapter = TypeAdapter(kind)
        with pytest.raises(ValidationError, match="write the digits without '_'"):
            adapter.validate_python("1_0")
        assert adapter.validate_python("1,0") == 1


def _number_types() -> list[Any]:
    """The number types used anywhere in the scenario model."""
    found: dict[str, Any] = {}

    def visit(hint: Any, seen: set[int]) -> None:
        if id(hint) in seen:
            return
        seen.add(id(hint))
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Annotated and args[0] in (int, float):
            found[repr(hint)] = hint
            return
        for arg in args:
            visit(arg, seen)
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            generic = hint.__pydantic_generic_metadata__["args"]
            source = (
                {n: f.annotation for n, f in hint.model_fields.items()}
                if generic
                else typing.get_type_hints(hint, include_extras=True)
            )
            for name in hint.model_fields:
                visit(source[name], seen)

    visit(Scenario, set())
    return list(found.values())
