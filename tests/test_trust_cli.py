"""No silent wrong answers on the command line: a comparison names every difference (settings,
courses and platforms in one file only, horizons), a table never cuts a figure at any width or
horizon, and text from a file is printed literally, never as terminal codes or markup."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from businesscase.cli.main import main
from businesscase.engine import evaluate
from businesscase.report.compare import ABSENT, compare
from businesscase.scenario.loading import load_scenario
from tests.conftest import CORRECTED, PUBLISHED, SCENARIOS

CUT = ("…", "...")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped scenarios, to write files that extend them into."""
    copied = tmp_path / "scenarios"
    shutil.copytree(SCENARIOS, copied)
    return copied


def child(folder: Path, name: str, text: str) -> str:
    """A scenario file extending the corrected case (given as YAML after the `extends`)."""
    path = folder / name
    path.write_text("extends: kwadraad-2013-corrected.yaml\n" + text, encoding="utf-8")
    return str(path)


def output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def width_of(text: str) -> int:
    return max(len(line) for line in text.splitlines())


Width = Callable[[int], None]


@pytest.fixture
def columns(monkeypatch: pytest.MonkeyPatch) -> Width:
    """Set the console width the way a terminal does, through COLUMNS."""

    def set_width(width: int) -> None:
        monkeypatch.setenv("COLUMNS", str(width))

    return set_width


# ---------------------------------------------------------------- A: comparisons


AVERAGE_OF_NEW_PLATFORM = """
platforms:
  average:
    average_of: [new-platform]
"""


def test_diff_names_a_changed_average_of_and_its_effect_on_the_average(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = child(folder, "average.yaml", AVERAGE_OF_NEW_PLATFORM)
    out = output(capsys, "diff", str(folder / CORRECTED.name), changed)
    assert "the inputs and pinned lines are the same" not in out
    assert "the settings, inputs and pinned lines are the same" not in out
    assert (
        "setting platforms.average.average_of (Average of): "
        "[hulp-online-with-development, new-platform] -> [new-platform]"
    ) in out
    # the average now costs what the new platform costs: 100,106.33 - 79,011.50 in year 1
    assert re.search(r"average\.costs\s+21,094\.83\s", out)
    document = json.loads(output(capsys, "diff", str(folder / CORRECTED.name), changed, "--json"))
    assert [s["key"] for s in document["settings"]] == ["platforms.average.average_of"]
    cumulative = {(c["key"], c["year"]): c for c in document["lines"]}[("average.cumulative", 6)]
    assert (cumulative["before"], round(cumulative["after"], 2)) == (99_494.0, 67_498.0)


def test_side_by_side_shows_a_platform_only_one_file_has_with_its_figures(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = child(
        folder,
        "extra.yaml",
        "platforms:\n  extra:\n    name: Extra platform\n    development_cost: 1000\n",
    )
    out = output(capsys, "run", str(folder / CORRECTED.name), added)
    assert "Extra platform  (extra)  only in B (extra)" in out
    # development 1,000 + implementation 11,250 in year 1; cumulative 190,490.00 by year 6
    assert re.search(r"Costs \(only in B\)\s+12,250\.00\s+11,250\.00\s+47,310\.00", out)
    assert re.search(r"Cumulative balance \(only in B\).*\s190,490\.00\s", out)
    assert "break-even year: not in A -> 1" in out
    assert 'platform scenario extra only in B: "Extra platform"' in out
    assert "input platforms.extra.development_cost (Development): absent -> 1000" in out
    assert "the settings, inputs and pinned lines are the same" not in out


def test_a_platform_only_in_a_is_shown_as_only_in_a(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fewer = child(folder, "fewer.yaml", "platforms:\n  hulp-online-existing: null\n")
    out = output(capsys, "run", str(folder / CORRECTED.name), fewer)
    assert (
        "Kwadraad Hulp Online, existing, no development  (hulp-online-existing)  only in A" in out
    )
    assert re.search(r"Cumulative balance \(only in A\).*\s171,490\.00\s", out)
    assert "break-even year: 1 -> not in B" in out


def test_side_by_side_of_six_and_eight_years_shows_both_horizons_without_a_traceback(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    eight = child(folder, "eight.yaml", "horizon_years: 8\n")
    out = output(capsys, "run", str(folder / CORRECTED.name), eight)
    assert "A has years 1-6, B has years 1-8: figures are compared over years 1-6 only" in out
    assert "year 8" in out
    # the average's cumulative balance: 99,494.00 in year 6 in both, 165,907.00 in B's year 8
    assert re.search(r"kwadraad-2013-corrected\s.*99,494\.00\s+-\s+-\s", out)
    assert re.search(r"eight\s.*99,494\.00\s+132,700\.50\s+165,907\.00\s", out)
    assert "input horizon_years (Horizon): 6 -> 8" in out


def test_diff_of_two_horizons_compares_the_common_years_and_says_so(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    eight = child(folder, "eight.yaml", "horizon_years: 8\n")
    out = output(capsys, "diff", str(folder / CORRECTED.name), eight)
    assert "A has years 1-6, B has years 1-8: figures are compared over years 1-6 only" in out
    assert "No line differs in the years both have." in out
    document = json.loads(output(capsys, "diff", str(folder / CORRECTED.name), eight, "--json"))
    assert (document["years"], document["years_b"]) == ([1, 2, 3, 4, 5, 6], list(range(1, 9)))


def test_diff_names_a_renamed_platform_a_yes_no_setting_and_a_removed_course(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = child(
        folder,
        "renamed.yaml",
        "platforms:\n  new-platform:\n    name: Bought-in platform\n"
        "    round_licence_to_euro: false\ncourses:\n  ass_ov: null\n",
    )
    out = output(capsys, "diff", str(folder / CORRECTED.name), changed)
    assert (
        'setting platforms.new-platform.name (Platform name): "New platform (fictitious)" '
        '-> "Bought-in platform"'
    ) in out
    assert (
        "setting platforms.new-platform.round_licence_to_euro (Round licence to whole euros): "
        "true -> false"
    ) in out
    assert 'course ass_ov only in A: "Ass OV (assertiveness, older women)"' in out
    # the licence unrounded: 96 x 30 x 1.21 = 3,484.80 instead of 3,485 in year 1
    assert re.search(r"new-platform\.licence\s+-0\.20\s", out)


def test_compare_reports_names_and_descriptions_and_nothing_for_a_file_with_itself() -> None:
    published, corrected = load_scenario(PUBLISHED), load_scenario(CORRECTED)
    comparison = compare(
        published, evaluate(published.scenario), corrected, evaluate(corrected.scenario)
    )
    names = {s.key: (s.before, s.after) for s in comparison.settings}
    assert names["name"] == (
        '"Kwadraad 2013, as published"',
        '"Kwadraad 2013, corrected (errata E1-E3)"',
    )
    assert set(names) == {"name", "description"}
    assert not comparison.same
    itself = compare(
        published, evaluate(published.scenario), published, evaluate(published.scenario)
    )
    assert itself.same and itself.settings == [] and itself.years == [1, 2, 3, 4, 5, 6]


def test_compare_marks_a_course_only_one_file_has(folder: Path) -> None:
    path = child(folder, "one-course.yaml", "courses:\n  ass_ov: null\n")
    a, b = load_scenario(folder / CORRECTED.name), load_scenario(path)
    comparison = compare(a, evaluate(a.scenario), b, evaluate(b.scenario))
    (course,) = [s for s in comparison.settings if s.key == "courses.ass_ov"]
    assert (course.after, course.only_in) == (ABSENT, "A")
    savings = {c.year: (c.before, c.after) for c in comparison.lines if c.key == "savings"}
    assert savings[1] == (40_980.0, 20_460.0) and savings[3] == (71_880.0, 33_120.0)
    assert any(c.activity == "ass_ov" and c.after is None for c in comparison.lines)


# ---------------------------------------------------------------- B: tables never cut


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(
    ("horizon", "last_cumulative"),
    [(6, "99,494.00"), (10, "232,320.00"), (50, "1,560,580.00")],
)
def test_run_shows_every_figure_whole_at_80_and_120_columns_and_6_10_and_50_years(
    capsys: pytest.CaptureFixture[str],
    columns: Width,
    width: int,
    horizon: int,
    last_cumulative: str,
) -> None:
    columns(width)
    out = output(capsys, "run", str(CORRECTED), "--set", f"horizon_years={horizon}")
    assert not any(cut in out for cut in CUT)
    assert width_of(out) <= width
    assert f"year {horizon}" in out
    # the average: costs 79,011.50 in year 1, cumulative balance 99,494.00 in year 6 and
    # 33,206.50 more each year after
    for figure in ("79,011.50", "-38,031.50", "99,494.00", "36,060.00", last_cumulative):
        assert re.search(rf"(^|\s){re.escape(figure)}(\s|$)", out, re.MULTILINE), figure
    if horizon == 6:
        assert "269,986.00" in out and "369,480.00" in out  # costs and savings over years 1-6


def test_piped_output_without_columns_never_cuts_a_wide_horizon(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = output(capsys, "run", str(CORRECTED), "--set", "horizon_years=50")
    assert not any(cut in out for cut in CUT)
    assert width_of(out) <= 160
    assert "1,560,580.00" in out and "year 50" in out


def test_side_by_side_diff_and_explain_show_every_figure_whole_at_80_columns(
    capsys: pytest.CaptureFixture[str], columns: Width
) -> None:
    columns(80)
    side_by_side = output(capsys, "run", str(PUBLISHED), str(CORRECTED))
    assert "-11,400.00" in side_by_side  # cumulative balance year 6: 99,494.00 - 110,894.00
    assert "110,894.00" in side_by_side and "99,494.00" in side_by_side
    diff = output(capsys, "diff", str(PUBLISHED), str(CORRECTED))
    assert re.search(r"average\.cumulative\s.*-11,400\.00", diff)
    explained = output(capsys, "explain", str(PUBLISHED), "ass_jv.scheduling_saving")
    assert re.search(r"ass_jv\.scheduling_saving\s+900\.00\s", explained)
    for out in (side_by_side, diff, explained):
        assert not any(cut in out for cut in CUT)
        assert width_of(out) <= 80


@pytest.mark.parametrize("width", [20, 30])
def test_a_very_narrow_console_still_shows_every_figure_whole(
    capsys: pytest.CaptureFixture[str], columns: Width, width: int
) -> None:
    columns(width)
    out = output(capsys, "run", str(CORRECTED))
    assert not any(cut in out for cut in CUT)
    assert width_of(out) <= width
    for figure in ("99,494.00", "269,986.00", "-38,031.50"):
        assert re.search(rf"(^|\s){re.escape(figure)}(\s|$)", out, re.MULTILINE), figure


# ---------------------------------------------------------------- C: text shown literally


EVIL = "\x1b[31mred\x1b[0m [red]x[/red] [bold]b"


def evil_scenario(folder: Path) -> str:
    reason = "[bold]E1[/bold] \x1b[2J cleared"
    return child(
        folder,
        "evil.yaml",
        f"name: {json.dumps(EVIL)}\n"
        f"description: {json.dumps('two' + chr(10) + 'lines ' + chr(0x202E) + 'txet')}\n"
        "platforms:\n  new-platform:\n    name: '[dim]hidden[/dim] :thumbs_up:'\n"
        "overrides:\n  - line: ass_jv.scheduling_saving\n    value: 900\n"
        f"    reason: {json.dumps(reason)}\n",
    )


def test_a_name_with_an_escape_sequence_and_markup_prints_literally(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = evil_scenario(folder)
    shown = r"\x1b[31mred\x1b[0m [red]x[/red] [bold]b"
    outs = {
        "run": output(capsys, "run", path),
        "validate": output(capsys, "validate", path),
        "side by side": output(capsys, "run", str(folder / CORRECTED.name), path),
        "diff": output(capsys, "diff", str(folder / CORRECTED.name), path),
        "explain": output(capsys, "explain", path, "ass_jv.scheduling_saving"),
    }
    for command, out in outs.items():
        assert "\x1b" not in out and "\u202e" not in out, command
        if command != "explain":
            assert shown in out, command
    assert "[dim]hidden[/dim] :thumbs_up:" in outs["run"]
    assert "[bold]E1[/bold] \\x1b[2J cleared" in outs["run"]
    assert "[bold]E1[/bold] \\x1b[2J cleared" in outs["explain"]
    assert r'"two\nlines \u202etxet"' in outs["diff"]
    assert "900.00" in outs["run"]


def test_a_key_with_an_escape_sequence_is_reported_with_the_escape_shown_not_sent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: x\nhourly_wage: 75\n"bad\\e[31mkey": 1\n', encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    shown = capsys.readouterr().err
    assert "\x1b" not in shown
    assert "line 3  bad\\x1b[31mkey: unknown key" in shown
