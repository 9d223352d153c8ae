"""Bad input gets a clear message naming the file, line and key, and exit code 2; never a
traceback. One small bad file per kind of mistake, each with the phrases its message must hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from businesscase.cli.main import main
from businesscase.model.errors import ScenarioError
from businesscase.scenario.loading import load_scenario, load_scenario_bytes
from businesscase.scenario.yaml_source import MAX_FILE_BYTES, MAX_NODES, read_yaml_text
from tests.conftest import PUBLISHED, ROOT

BAD = ROOT / "tests" / "bad_scenarios"

EXPECTED = {
    "unknown_key.yaml": [
        "line 4",
        "courses.ass_jv.grup_size",
        "unknown key",
        "did you mean 'group_size'",
    ],
    "negative_wage.yaml": ["line 2", "hourly_wage", "must be a number > 0", "got -75"],
    "wrong_type.yaml": [
        "2 problems",
        "line 2  hourly_wage: must be a number (got 'abc', a text)",
        "line 5  courses.ass_ov.groups_per_year",
        "(got a list)",
    ],
    "percentage_above_100.yaml": [
        "courses.ass_jv.online_efficiency",
        "between 0% and 100%",
        "'140%'",
        "courses.ass_ov.offline_time_gain",
        "write 20%",
    ],
    "duplicate_key.yaml": ["line 4", "hourly_wage", "written twice", "first at line 2"],
    "duplicate_course.yaml": ["line 5", "course id 'ass_jv' written twice", "first at line 3"],
    "cycle_a.yaml": ["cycle", "cycle_a.yaml -> ", "cycle_b.yaml -> ", "cycle_a.yaml"],
    "unknown_average.yaml": [
        "line 4",
        "platforms.average.average_of",
        "unknown platform 'new-platfrom'",
        "did you mean 'new-platform'",
    ],
    "broken_yaml.yaml": ["line 5", "not valid YAML"],
    "several_problems.yaml": [
        "5 problems",
        "line 12  overrides.0.line",
        "line 2  hourly_wage",
        "line 6  courses.ass_jv.group_size",
        "whole number",
        "line 7  courses.ass_jv.online_sessions",
        "start at year 1",
        "line 10  platforms.new-platform.licence_per_client",
    ],
    "not_a_mapping.yaml": ["mapping of keys at the top level"],
    "python_tag.yaml": ["line 1", "name", "tag", "not allowed"],
    "alias_bomb.yaml": ["expands to more than", "refused"],
}


def test_every_bad_file_has_its_expected_phrases() -> None:
    assert sorted(EXPECTED) == sorted(
        p.name for p in BAD.glob("*.yaml") if p.name != "cycle_b.yaml"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_with_a_clear_message(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(BAD / name)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing printed as if it worked
    for phrase in EXPECTED[name]:
        assert phrase in captured.err
    assert "Traceback" not in captured.err
    assert name.split("_")[0] in captured.err.splitlines()[0]  # the file is named first


@pytest.mark.parametrize("command", ["run", "validate", "explain", "diff"])
def test_every_command_refuses_a_bad_file_with_exit_code_2(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = {
        "run": ["run", str(BAD / "negative_wage.yaml")],
        "validate": ["validate", str(BAD / "negative_wage.yaml")],
        "explain": ["explain", str(BAD / "negative_wage.yaml"), "savings"],
        "diff": ["diff", str(PUBLISHED), str(BAD / "negative_wage.yaml")],
    }[command]
    assert main(args) == 2
    assert "hourly_wage: must be a number > 0" in capsys.readouterr().err


def test_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "no-such-file.yaml"]) == 2
    assert "no-such-file.yaml: 1 problem\n  file not found" in capsys.readouterr().err


def test_a_folder_is_not_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_a_file_of_several_megabytes_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("name: big\n" + "# padding\n" * 500_000)
    with pytest.raises(ScenarioError) as error:
        load_scenario(big)
    assert f"scenario files are limited to {MAX_FILE_BYTES:,}" in error.value.report()


def test_an_upload_of_several_megabytes_is_refused() -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario_bytes(b"#" * (3 * MAX_FILE_BYTES), "upload.yaml")
    assert "upload.yaml: 1 problem" in error.value.report()


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    binary = tmp_path / "x.yaml"
    binary.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(ScenarioError, match="not a UTF-8 text file"):
        load_scenario(binary)


def test_an_alias_bomb_stops_after_a_bounded_number_of_nodes() -> None:
    """A billion laughs would expand to 9**10 values; it is refused at MAX_NODES."""
    text = (BAD / "alias_bomb.yaml").read_text()
    with pytest.raises(ScenarioError, match=f"more than {MAX_NODES:,} values"):
        read_yaml_text(text, "bomb.yaml")


def test_aliases_within_bounds_are_read() -> None:
    doc = read_yaml_text("a: &wage 75\nb: *wage\n", "ok.yaml")
    assert doc.data == {"a": 75, "b": 75}


def test_yaml_1_2_reads_no_as_text_and_8e_2_as_a_number() -> None:
    doc = read_yaml_text("a: NO\nb: 8e-2\nc: 2024-01-01\n", "x.yaml")
    assert doc.data == {"a": "NO", "b": 0.08, "c": "2024-01-01"}


def test_every_duplicate_key_is_reported_at_once() -> None:
    with pytest.raises(ScenarioError) as error:
        read_yaml_text("a: 1\nb: 2\na: 3\nb: 4\n", "dup.yaml")
    assert [p.line for p in error.value.problems] == [3, 4]


@pytest.mark.parametrize(
    ("change", "phrases"),
    [
        ("hourly_wag=80", ["--set hourly_wag=80", "unknown key", "did you mean 'hourly_wage'"]),
        ("courses.ass_jx.groups_per_year=10", ["unknown id", "did you mean 'ass_jv'"]),
        ("courses.ass_jv.group_size.x=1", ["group_size has no part 'x'"]),
        ("courses.ass_jv=1", ["names a block"]),
        ("hourly_wage", ["write PATH=VALUE"]),
        ("hourly_wage=-5", ["--set hourly_wage=-5", "hourly_wage: must be a number > 0"]),
        ("courses.ass_jv.online_efficiency=140%", ["between 0% and 100%"]),
    ],
)
def test_a_bad_set_is_refused(
    change: str, phrases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(PUBLISHED), "--set", change]) == 2
    err = capsys.readouterr().err
    for phrase in phrases:
        assert phrase in err


def test_an_override_of_an_unknown_line_is_refused(tmp_path: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text(
        f"extends: {PUBLISHED}\noverrides:\n  - line: ass_jv.scheduling_savng\n"
        "    value: 1\n    reason: typo\n"
    )
    with pytest.raises(ScenarioError) as error:
        load_scenario(child)
    report = error.value.report()
    assert (
        "line 3  overrides.0.line: unknown line; did you mean 'ass_jv.scheduling_saving'?" in report
    )


def test_an_average_of_an_average_and_years_beyond_the_horizon(tmp_path: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text(
        f"extends: {PUBLISHED}\nhorizon_years: 6\nplatforms:\n  twice:\n    name: x\n"
        "    average_of: [average]\n  new-platform:\n    one_off_costs: {9: 100}\n"
    )
    with pytest.raises(ScenarioError) as error:
        load_scenario(child)
    report = error.value.report()
    assert "platforms.twice.average_of.0: 'average' is an average itself" in report
    assert (
        "platforms.new-platform.one_off_costs.9: year 9 is beyond the horizon of 6 years" in report
    )


def test_an_extends_of_a_missing_file(tmp_path: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text("extends: nowhere.yaml\n")
    with pytest.raises(ScenarioError, match=r"extends 'nowhere\.yaml', which does not exist"):
        load_scenario(child)


def test_the_console_script_prints_no_traceback() -> None:
    """The installed entry point, as finance staff run it."""
    completed = subprocess.run(
        [sys.executable, "-m", "businesscase.cli.main", "run", str(BAD / "several_problems.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert "several_problems.yaml: 5 problems" in completed.stderr


def test_bad_command_line_arguments_exit_with_2() -> None:
    with pytest.raises(SystemExit) as stop:
        main(["run"])
    assert stop.value.code == 2


def test_a_deeply_nested_document_is_refused() -> None:
    with pytest.raises(ScenarioError, match="nested too deeply"):
        read_yaml_text("a: " + "[" * 50_000 + "]" * 50_000, "deep.yaml")


def test_extends_of_a_pipe_or_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    for target, phrase in ((pipe, "is not a regular file"), (tmp_path / "loop1", "cannot")):
        child = tmp_path / "child.yaml"
        child.write_text(f"extends: {target}\n")
        with pytest.raises(ScenarioError, match=phrase):
            load_scenario(child)


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        ("hourly_wage=1e308", "must be a number <= 1e+09"),
        ("hourly_wage=.inf", "hourly_wage"),
        ("overrides=[{line: savings, value: .nan, reason: x}]", "overrides.0.value"),
        ("name=123", "must be a text (got 123, a number)"),
        ("hourly_wage=true", "must be a number (got True, a yes/no value)"),
    ],
)
def test_numbers_that_would_overflow_or_are_not_numbers(
    change: str, phrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(PUBLISHED), "--json", "--set", change]) == 2
    captured = capsys.readouterr()
    assert phrase in captured.err and captured.out == ""


def test_a_running_total_cannot_be_pinned(capsys: pytest.CaptureFixture[str]) -> None:
    """The cumulative balance follows from the balance; the workbook could not honour the pin."""
    change = "overrides=[{line: new-platform.cumulative, value: 0, years: [2], reason: x}]"
    assert main(["run", str(PUBLISHED), "--set", change]) == 2
    assert "overrides.0.line: a running total follows from the lines" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["/etc/hostname", "../README.md", "../../etc/passwd"])
def test_an_upload_may_only_extend_files_in_its_folder(target: str) -> None:
    raw = f"extends: {target}\nname: x\n".encode()
    with pytest.raises(ScenarioError) as error:
        load_scenario_bytes(raw, "upload.yaml", folder=ROOT / "scenarios")
    report = error.value.report()
    assert "an uploaded scenario may only extend a file in scenarios/" in report
    assert "file not found" not in report and "hostname" not in report.split("\n", 1)[1]


def test_an_upload_may_extend_a_scenario_file() -> None:
    raw = b"extends: kwadraad-2013-corrected.yaml\nhourly_wage: 80\n"
    loaded = load_scenario_bytes(raw, "mine.yaml", folder=ROOT / "scenarios")
    assert loaded.scenario.hourly_wage.value == 80
    assert loaded.files[-1] == "mine.yaml"


def test_a_number_as_a_key_is_an_unknown_key() -> None:
    raw = b"extends: kwadraad-2013-corrected.yaml\n1: x\n"
    with pytest.raises(ScenarioError) as error:
        load_scenario_bytes(raw, "mine.yaml", folder=ROOT / "scenarios")
    assert error.value.report() == "mine.yaml: 1 problem\n  line 2  1: unknown key"
