"""The `businesscase` command as finance staff use it: run, --json, --set, validate, explain,
diff."""

from __future__ import annotations

import json

import pytest

from businesscase.cli.main import main
from businesscase.engine import evaluate
from businesscase.report.tidy import to_cents, years_text
from businesscase.scenario.loading import load_scenario
from tests.conftest import CORRECTED, PUBLISHED, ROOT

REFERENCE = json.loads((ROOT / "tests" / "reference" / "published-results.json").read_text())


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_run_json_matches_every_published_number(capsys: pytest.CaptureFixture[str]) -> None:
    document = _json(capsys, "run", str(PUBLISHED), "--json")
    assert document["scenario"] == "Kwadraad 2013, as published"
    assert document["years"] == REFERENCE["years"]
    for platform, printed in REFERENCE["platforms"].items():
        ours = document["platforms"][platform]
        for key in ("savings", "costs", "balance", "cumulative", "total_1_5", "total_1_6"):
            assert ours[key] == printed[key], (platform, key)
    assert document["platforms"]["average"]["break_even_year"] == 3
    assert document["platforms"]["new-platform"]["lines"]["costs.licence"][0] == 3485.0
    assert document["lines"]["growth_courses_cost"][2] == REFERENCE["growth"]["cost_per_year"]
    assert document["pinned"]["ass_jv.scheduling_saving"]["value"] == 900


def test_run_json_with_set_equals_the_engine_on_the_same_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    changes = ["hourly_wage=80", "courses.ass_jv.groups_per_year=10"]
    document = _json(
        capsys, "run", str(PUBLISHED), "--json", *[arg for c in changes for arg in ("--set", c)]
    )
    results = evaluate(load_scenario(PUBLISHED, changes).scenario)
    for platform in results.platform_ids:
        expected = [to_cents(v) for v in results.platform_line(platform, "cumulative")]
        assert document["platforms"][platform]["cumulative"] == expected
    # 80/75 of every saving except the pinned E1 line, which stays 900
    assert document["lines"]["referral"][0] == 80 * 12 * 10 + 80 * 12 * 8
    assert document["lines"]["ass_jv.scheduling_saving"] == [900.0] * 6


def test_set_a_year_of_a_step_function(capsys: pytest.CaptureFixture[str]) -> None:
    document = _json(
        capsys, "run", str(CORRECTED), "--json", "--set", "courses.ass_jv.online_sessions.5=6"
    )
    assert document["lines"]["ass_jv.online_saving_per_participant_per_course"] == [
        60.0,
        60.0,
        80.0,
        80.0,
        120.0,
        120.0,
    ]


def test_run_prints_the_year_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(PUBLISHED)]) == 0
    out = capsys.readouterr().out
    assert "New platform (fictitious)" in out
    assert "110,894.00" in out and "-60,926.33" in out
    assert "break-even (cumulative balance >= 0): year 4" in out
    assert "ass_jv.scheduling_saving = 900.00 in years 1-6" in out


def test_run_two_files_shows_them_side_by_side_with_the_difference(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", str(PUBLISHED), str(CORRECTED)]) == 0
    out = capsys.readouterr().out
    assert "kwadraad-2013-published" in out and "kwadraad-2013-corrected" in out
    assert "40,980.00" in out and "71,880.00" in out and "36,060.00" in out
    assert "6,450.00" in out  # 36,060 - 29,610 more growth cost a year
    assert "break-even year: 3 -> 4" in out
    assert "pinned line ass_jv.scheduling_saving" in out
    assert "courses.ass_jv.growth.online_minutes_per_participant" in out


def test_validate_names_the_chain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CORRECTED)]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "2 courses, 4 platform scenarios, 6 years, 0 pinned lines" in out
    assert "extends scenarios/kwadraad-2013-published.yaml" in out or "extends" in out


def test_explain_shows_formula_inputs_values_and_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", str(PUBLISHED), "courses.ass_ov.scheduling_saving"]) == 0
    out = capsys.readouterr().out
    assert "  = ass_ov.scheduling_saving_per_course x courses.ass_ov.groups_per_year" in out
    assert "courses.ass_ov.groups_per_year" in out
    assert "1,800.00" in out and "5,400.00" in out
    assert 'row "Aantal groepen per jaar"' in out  # the source
    assert "kwadraad-2013-published.yaml, line" in out  # the file that set it


def test_explain_a_pinned_line_gives_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(PUBLISHED), "ass_jv.scheduling_saving"]) == 0
    out = capsys.readouterr().out
    assert "pinned to 900.00 in years 1-6" in out and "Erratum E1" in out


def test_explain_an_unknown_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(PUBLISHED), "ass_jv.schedulng"]) == 2
    assert "did you mean 'ass_jv.scheduling_saving'" in capsys.readouterr().err


def test_diff_lists_inputs_pins_and_lines(capsys: pytest.CaptureFixture[str]) -> None:
    document = _json(capsys, "diff", str(PUBLISHED), str(CORRECTED), "--json")
    assert {c["key"] for c in document["inputs"]} == {
        f"courses.{c}.growth.{k}"
        for c in ("ass_jv", "ass_ov")
        for k in ("online_minutes_per_participant", "online_sessions")
    }
    assert [p["key"] for p in document["pins"]] == ["ass_jv.scheduling_saving"]
    changes = {(c["key"], c["year"]): c for c in document["lines"]}
    assert changes[("ass_jv.scheduling_saving", 1)]["difference"] == 1_800
    assert changes[("new-platform.costs", 3)]["difference"] == 6_450
    assert changes[("savings", 3)]["after"] == 71_880
    assert ("new-platform.licence", 1) not in changes


def test_diff_with_set_shows_the_effect_of_a_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(CORRECTED), str(CORRECTED), "--set", "hourly_wage=80"]) == 0
    out = capsys.readouterr().out
    assert "input hourly_wage (Hourly wage): 75 -> 80" in out
    assert "ass_jv.referral_saving" in out


def test_diff_of_a_file_with_itself(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(PUBLISHED), str(PUBLISHED)]) == 0
    assert "No line differs." in capsys.readouterr().out


def test_years_text() -> None:
    assert years_text([1, 2, 3, 4, 5, 6]) == "years 1-6"
    assert years_text([1, 2, 5]) == "years 1-2, 5"
    assert years_text([3]) == "year 3"


def test_set_a_year_of_a_parameter_the_file_leaves_at_its_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    platform = "platforms.hulp-online-with-development"
    document = _json(
        capsys,
        "run",
        str(CORRECTED),
        "--json",
        "--set",
        f"{platform}.licence_clients.5=240",
        "--set",
        f"{platform}.licence_per_client=10",
    )
    licence = document["platforms"]["hulp-online-with-development"]["lines"]["costs.licence"]
    assert licence == [0.0, 0.0, 0.0, 0.0, 2_904.0, 2_904.0]  # 240 x 10 x 1.21 from year 5
