"""For analysts: edit the workbook and bring it back. `businesscase import BOOK.xlsx -o
CHANGES.yaml` reads the inputs changed in an exported workbook (recalculated in LibreOffice, as
an analyst's copy would be) and writes a small scenario file that extends the one it was
exported from; what it cannot read back it refuses, with the sheet and cell, writing nothing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from ruamel.yaml import YAML

from businesscase import evaluate, load_scenario, to_cents
from businesscase.cli.main import main
from excel_export import write_workbook
from tests.conftest import CORRECTED, PUBLISHED, SCENARIOS, line_key
from tests.test_excel_recalc import soffice_run

CENT = 0.005
ALCANDER = SCENARIOS / "blended-help-alcander.yaml"
RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
ROUTES = "trajectories.psychosocial.routes"
THREE = {
    "hourly_wage": ("hourly_wage", 1, 80),
    "courses.ass_jv.groups_per_year": ("ass_jv.groups_per_year", 1, 10),
    "platforms.new-platform.development_cost": ("new_platform.development_cost", 1, 60_000),
}
"""The three edits of the round trip: key, the input's defined name, year, new value."""


def input_cell(workbook: openpyxl.Workbook, name: str, year: int = 1):
    """The cell of an input (its year's cell for one held by year), found by its name."""
    ((sheet, coordinate),) = workbook.defined_names[name].destinations
    cell = workbook[sheet][coordinate.split(":")[0].replace("$", "")]
    return cell.offset(0, year - 1) if ":" in coordinate else cell


def edit(source: Path, target: Path, values: dict[tuple[str, int], object]) -> Path:
    """A copy of a workbook with inputs typed over in openpyxl, as an analyst would."""
    workbook = openpyxl.load_workbook(source)
    for (name, year), value in values.items():
        input_cell(workbook, name, year).value = value
    workbook.save(target)
    return target


def run_import(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["run", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def edited_params(path: Path) -> dict[str, object]:
    """The parameters a child file holds with an `edited in` source, by key."""
    data = YAML(typ="safe").load(path.read_text())
    found: dict[str, object] = {}

    def walk(node: object, here: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            if str(node.get("source", "")).startswith("edited in"):
                found[".".join(here)] = node
                return
            for key, value in node.items():
                walk(value, (*here, str(key)))

    walk(data, ())
    return found


def cumulative_rows(book: Path, sheet: str = "Results") -> dict[str, list[float]]:
    rows = openpyxl.load_workbook(book, data_only=True)[sheet].iter_rows(
        min_row=4, values_only=True
    )
    results = evaluate(load_scenario(CORRECTED).scenario)
    return {
        key: list(row[3:9])
        for row in rows
        if (key := line_key(row[2], results)) is not None and key.endswith(".cumulative")
    }


@pytest.fixture(scope="module")
def books(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The exported workbooks, edited in openpyxl and recalculated in one LibreOffice call."""
    work = tmp_path_factory.mktemp("import")
    corrected = write_workbook([load_scenario(CORRECTED)], work / "corrected.xlsx")
    edits = {
        "three": {(name, year): value for name, year, value in THREE.values()},
        "step": {("ass_ov.online_sessions", 5): 7, ("new_platform.licence_clients", 2): 120},
        "none": {},
    }
    sources = [edit(corrected, work / f"{stem}.xlsx", values) for stem, values in edits.items()]
    both = write_workbook([load_scenario(PUBLISHED), load_scenario(CORRECTED)], work / "both.xlsx")
    sources.append(
        edit(both, work / "both-edited.xlsx", {("s1_hourly_wage", 1): 70, ("s2_vat_rate", 1): 0.09})
    )
    recalculated = soffice_run(soffice, work, "xlsx", sources)
    books = {path.stem: path for path in recalculated}
    books["exported"] = corrected
    return books


# ---------------------------------------------------------------- the round trip


def test_three_edits_in_the_workbook_give_a_child_file_of_exactly_three_changes(
    books, tmp_path, capsys
):
    child = tmp_path / "child.yaml"
    code, out, err = run_import(capsys, str(books["three"]), "-o", str(child))
    assert (code, err) == (0, "")
    assert (
        f"wrote {child} (3 inputs changed; extends scenarios/kwadraad-2013-corrected.yaml)" in out
    )
    params = edited_params(child)
    assert set(params) == set(THREE)
    assert params["hourly_wage"] == {"value": 80, "source": "edited in three.xlsx, was 75"}
    assert params["courses.ass_jv.groups_per_year"]["source"] == "edited in three.xlsx, was 8"
    assert params["platforms.new-platform.development_cost"]["value"] == 60_000
    data = YAML(typ="safe").load(child.read_text())
    assert data["extends"].endswith("kwadraad-2013-corrected.yaml")
    assert set(data) == {"extends", "hourly_wage", "courses", "platforms"}
    assert load_scenario(child).files[-1].endswith("child.yaml")


def test_run_of_the_child_equals_the_recalculated_workbook_to_the_cent(books, tmp_path, capsys):
    child = tmp_path / "child.yaml"
    assert run_import(capsys, str(books["three"]), "-o", str(child))[0] == 0
    document = run_json(capsys, str(child))
    workbook = cumulative_rows(books["three"])
    assert len(workbook) == 4
    for key, values in workbook.items():
        platform = key.rsplit(".", 1)[0]
        assert values == pytest.approx(document["platforms"][platform]["cumulative"], abs=CENT)
    # and the edits did change the figures
    original = evaluate(load_scenario(CORRECTED).scenario).platform_line("average", "cumulative")
    assert workbook["average.cumulative"][5] != pytest.approx(original[5], abs=1)


def test_run_of_the_child_equals_run_with_set_of_the_same_three_changes(books, tmp_path, capsys):
    child = tmp_path / "child.yaml"
    assert run_import(capsys, str(books["three"]), "-o", str(child))[0] == 0
    sets = [arg for key, (_, _, value) in THREE.items() for arg in ("--set", f"{key}={value}")]
    by_set = run_json(capsys, str(CORRECTED), *sets)
    by_child = run_json(capsys, str(child))
    assert by_child["platforms"] == by_set["platforms"]
    assert by_child["lines"] == by_set["lines"]


def test_a_changed_year_makes_the_parameter_a_step_function(books, tmp_path, capsys):
    child = tmp_path / "step.yaml"
    code, out, _ = run_import(capsys, str(books["step"]), "-o", str(child))
    assert code == 0
    assert "courses.ass_ov.online_sessions: {1: 2, 3: 6} -> {1: 2, 3: 6, 5: 7}" in out
    params = edited_params(child)
    assert params["courses.ass_ov.online_sessions"] == {
        "value": {1: 2, 3: 6, 5: 7},
        "source": "edited in step.xlsx, was {1: 2, 3: 6}",
    }
    # year 2 of the licence clients typed over: 96 in year 1, 120 in year 2, 144 from year 3
    assert params["platforms.new-platform.licence_clients"]["value"] == {1: 96, 2: 120, 3: 144}
    document = run_json(capsys, str(child))
    for key, values in cumulative_rows(books["step"]).items():
        platform = key.rsplit(".", 1)[0]
        assert values == pytest.approx(document["platforms"][platform]["cumulative"], abs=CENT)


def test_an_unchanged_workbook_gives_a_child_with_no_change_and_the_same_figures(
    books, tmp_path, capsys
):
    child = tmp_path / "same.yaml"
    code, out, _ = run_import(capsys, str(books["none"]), "-o", str(child))
    assert code == 0 and "(no change;" in out
    assert edited_params(child) == {}
    assert evaluate(load_scenario(child).scenario).values.keys() == (
        evaluate(load_scenario(CORRECTED).scenario).values.keys()
    )
    assert (
        run_json(capsys, str(child))["platforms"] == run_json(capsys, str(CORRECTED))["platforms"]
    )


def test_several_scenarios_in_one_workbook_give_one_child_file_per_scenario(
    books, tmp_path, capsys
):
    code, out, _ = run_import(capsys, str(books["both-edited"]), "-o", str(tmp_path / "c.yaml"))
    assert code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c-1.yaml", "c-2.yaml"]
    first, second = tmp_path / "c-1.yaml", tmp_path / "c-2.yaml"
    assert edited_params(first) == {
        "hourly_wage": {"value": 70, "source": "edited in both-edited.xlsx, was 75"}
    }
    assert edited_params(second) == {
        "vat_rate": {"value": "9%", "source": "edited in both-edited.xlsx, was 21%"}
    }
    assert "kwadraad-2013-published.yaml" in YAML(typ="safe").load(first.read_text())["extends"]
    assert "kwadraad-2013-corrected.yaml" in YAML(typ="safe").load(second.read_text())["extends"]
    for child, file, changes in (
        (first, PUBLISHED, ["hourly_wage=70"]),
        (second, CORRECTED, ["vat_rate=9%"]),
    ):
        got = evaluate(load_scenario(child).scenario)
        want = evaluate(load_scenario(file, changes).scenario)
        for platform in want.platform_ids:
            assert [to_cents(v) for v in got.platform_line(platform, "cumulative")] == [
                to_cents(v) for v in want.platform_line(platform, "cumulative")
            ]
    assert "wrote" in out and out.count("wrote") == 2


# ---------------------------------------------------------------- what an analyst types


def test_text_typed_into_an_input_is_read_as_the_scenario_format_reads_numbers(
    books, tmp_path, capsys
):
    book = edit(books["exported"], tmp_path / "text.xlsx", {("hourly_wage", 1): "80,5"})
    child = tmp_path / "text.yaml"
    code, out, _ = run_import(capsys, str(book), "-o", str(child))
    assert code == 0 and "hourly_wage: 75 -> 80.5" in out
    assert edited_params(child)["hourly_wage"]["value"] == 80.5
    percent = edit(
        books["exported"], tmp_path / "percent.xlsx", {("ass_jv.online_efficiency", 1): "45%"}
    )
    assert run_import(capsys, str(percent), "-o", str(tmp_path / "p.yaml"))[0] == 0
    assert edited_params(tmp_path / "p.yaml")["courses.ass_jv.online_efficiency"]["value"] == "45%"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1,500", "1,500 could mean thousands or decimals"),
        ("75 euro", "must be a number"),
        ("", "the input is empty"),
    ],
)
def test_a_text_that_is_not_a_number_is_refused_with_the_model_s_reason(
    books, tmp_path, capsys, typed, reason
):
    book = edit(books["exported"], tmp_path / "typed.xlsx", {("hourly_wage", 1): typed or None})
    code, out, err = run_import(capsys, str(book), "-o", str(tmp_path / "out.yaml"))
    assert code == 2 and out == ""
    assert "Inputs!C6 (hourly_wage)" in err and reason in err
    assert not (tmp_path / "out.yaml").exists()


def test_a_value_the_model_refuses_is_refused_with_its_cell(books, tmp_path, capsys):
    book = edit(
        books["exported"],
        tmp_path / "bad.xlsx",
        {("hourly_wage", 1): -3, ("new_platform.development_year", 1): 9},
    )
    code, _, err = run_import(capsys, str(book), "-o", str(tmp_path / "out.yaml"))
    assert code == 2
    assert "Inputs!C6 (hourly_wage): must be a number > 0" in err
    assert "(platforms.new-platform.development_year)" in err
    assert list(tmp_path.iterdir()) == [book]


# ---------------------------------------------------------------- refusals


def plain_workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def deleted_row(source: Path, path: Path) -> Path:
    workbook = openpyxl.load_workbook(source)
    workbook["Inputs"].delete_rows(input_cell(workbook, "vat_rate").row)
    workbook.save(path)
    return path


REFUSED = {
    "a workbook from elsewhere": (
        lambda source, path: plain_workbook(path),
        ["not a workbook written by businesscase export", "About!A2", "sheets: Sheet"],
    ),
    "a deleted Inputs row": (
        deleted_row,
        ["Inputs!O7", "the input vat_rate should be in row 7", "deleted, inserted or moved"],
    ),
    "abc in the wage cell": (
        lambda source, path: edit(source, path, {("hourly_wage", 1): "abc"}),
        ["Inputs!C6 (hourly_wage)", "'abc'", "must be a number"],
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_workbook_that_cannot_be_read_back_exits_2_with_sheet_and_cell_and_writes_nothing(
    books, tmp_path, capsys, case
):
    make, expected = REFUSED[case]
    book = make(books["exported"], tmp_path / "book.xlsx")
    (tmp_path / "kept.yaml").write_text("# an earlier file, kept\n")
    before = sorted(tmp_path.iterdir())
    for output in ("child.yaml", "kept.yaml"):
        code, out, err = run_import(capsys, str(book), "-o", str(tmp_path / output))
        assert code == 2 and out == ""
        for part in expected:
            assert part in err, (part, err)
        assert sorted(tmp_path.iterdir()) == before
    assert (tmp_path / "kept.yaml").read_text() == "# an earlier file, kept\n"


def test_a_formula_typed_over_in_a_line_cell_is_refused(books, tmp_path, capsys):
    workbook = openpyxl.load_workbook(books["exported"])
    costs = workbook["Costs"]
    (row,) = [r[0].row for r in costs.iter_rows(min_row=4) if r[2].value == "new_platform.licence"]
    costs.cell(row, 5).value = 5000
    workbook.save(tmp_path / "typed.xlsx")
    code, _, err = run_import(capsys, str(tmp_path / "typed.xlsx"), "-o", str(tmp_path / "o.yaml"))
    assert code == 2
    assert f"Costs!E{row}: the formula of new_platform.licence was typed over with 5000" in err


def test_a_renamed_sheet_is_refused(books, tmp_path, capsys):
    workbook = openpyxl.load_workbook(books["exported"])
    workbook["Results"].title = "Uitkomsten"
    workbook.save(tmp_path / "renamed.xlsx")
    code, _, err = run_import(
        capsys, str(tmp_path / "renamed.xlsx"), "-o", str(tmp_path / "o.yaml")
    )
    assert code == 2 and "sheet 'Results' not found: it was renamed or deleted" in err


def test_a_values_only_copy_is_refused(tmp_path, capsys):
    book = write_workbook([load_scenario(CORRECTED)], tmp_path / "frozen.xlsx", values_only=True)
    code, _, err = run_import(capsys, str(book), "-o", str(tmp_path / "o.yaml"))
    assert code == 2 and "About!B2: a values-only copy" in err


def test_a_scenario_file_changed_since_the_export_is_refused(tmp_path, capsys, monkeypatch):
    scenario = tmp_path / "mine.yaml"
    scenario.write_text(f"extends: {CORRECTED}\nhourly_wage: 70\n")
    monkeypatch.chdir(tmp_path)
    book = write_workbook([load_scenario("mine.yaml")], tmp_path / "mine.xlsx")
    scenario.write_text(f"extends: {CORRECTED}\nhourly_wage: 72\n")
    code, _, err = run_import(capsys, str(book), "-o", "child.yaml")
    assert code == 2
    assert "About!C" in err and "mine.yaml has changed since the export" in err
    assert "hourly_wage is 72 in it now, the workbook was exported with 70" in err
    assert not (tmp_path / "child.yaml").exists()


def test_the_changes_of_the_export_are_kept_in_the_child(tmp_path, capsys):
    book = write_workbook(
        [load_scenario(CORRECTED, ["hourly_wage=80", "name='Kwadraad at 80'"])],
        tmp_path / "set.xlsx",
    )
    edit(book, book, {("ass_jv.groups_per_year", 1): 10})
    child = tmp_path / "set.yaml"
    code, _, _ = run_import(capsys, str(book), "-o", str(child))
    assert code == 0
    data = YAML(typ="safe").load(child.read_text())
    assert data["name"] == "Kwadraad at 80" and data["hourly_wage"] == 80
    assert edited_params(child) == {
        "courses.ass_jv.groups_per_year": {"value": 10, "source": "edited in set.xlsx, was 8"}
    }
    sets = ["--set", "hourly_wage=80", "--set", "courses.ass_jv.groups_per_year=10"]
    assert (
        run_json(capsys, str(child))["platforms"]
        == (run_json(capsys, str(CORRECTED), *sets)["platforms"])
    )


def test_a_dutch_workbook_is_read_back_too(tmp_path, capsys):
    book = write_workbook([load_scenario(CORRECTED)], tmp_path / "nl.xlsx", language="nl")
    edit(book, book, {("hourly_wage", 1): 80})
    code, out, _ = run_import(capsys, str(book), "-o", str(tmp_path / "nl.yaml"))
    assert code == 0 and "hourly_wage: 75 -> 80  (Invoer!C6)" in out


def test_the_output_must_be_a_yaml_file_and_may_not_be_the_scenario_it_extends(
    books, tmp_path, capsys
):
    code, _, err = run_import(capsys, str(books["none"]), "-o", str(tmp_path / "child.txt"))
    assert code == 2 and "the output must be a .yaml file" in err
    code, _, err = run_import(capsys, str(books["none"]), "-o", str(CORRECTED))
    assert code == 2 and "this is the scenario file the workbook was exported from" in err
    code, _, err = run_import(capsys, str(books["none"]), "-o", str(tmp_path / "no" / "c.yaml"))
    assert code == 2 and "cannot write the scenario file" in err


def test_a_rule_across_inputs_holds_for_the_edits_together(tmp_path, capsys):
    """The route shares must add up to 100%: one share changed alone is refused with its cell,
    both changed (one typed as a text) are read back together."""
    alcander = write_workbook([load_scenario(ALCANDER)], tmp_path / "alcander.xlsx")
    blended, f2f = f"{ROUTES}.blended.share", f"{ROUTES}.f2f.share"
    alone = edit(alcander, tmp_path / "alone.xlsx", {(blended, 1): 0.4})
    code, _, err = run_import(capsys, str(alone), "-o", str(tmp_path / "alone.yaml"))
    assert code == 2
    assert "Inputs!C42 (trajectories.psychosocial.routes.blended.share)" in err
    assert "the shares of the routes must add up to 100%" in err
    both = edit(
        alcander,
        tmp_path / "both.xlsx",
        {(blended, 1): 0.4, (f2f, 1): "60%", ("klik_voor_hulp.one_off_costs", 2): 5000},
    )
    child = tmp_path / "both.yaml"
    code, out, _ = run_import(capsys, str(both), "-o", str(child))
    assert code == 0 and "(3 inputs changed;" in out
    assert edited_params(child)[f2f] == {"value": "60%", "source": "edited in both.xlsx, was 70%"}
    text = child.read_text()
    assert "one_off_costs: {2: 5000}  # edited in both.xlsx, was {}" in text
    want = load_scenario(
        ALCANDER,
        [f"{blended}=40%", f"{f2f}=60%", "platforms.klik-voor-hulp.one_off_costs={2: 5000}"],
    )
    assert evaluate(load_scenario(child).scenario).platform_line(
        "klik-voor-hulp", "cumulative"
    ) == pytest.approx(evaluate(want.scenario).platform_line("klik-voor-hulp", "cumulative"))


def test_an_input_with_a_range_keeps_it_and_a_value_outside_it_is_refused(tmp_path, capsys):
    ranges = write_workbook([load_scenario(RANGES)], tmp_path / "ranges.xlsx")
    inside = edit(ranges, tmp_path / "inside.xlsx", {("ass_ov.online_efficiency", 1): 0.3})
    child = tmp_path / "inside.yaml"
    assert run_import(capsys, str(inside), "-o", str(child))[0] == 0
    efficiency = edited_params(child)["courses.ass_ov.online_efficiency"]
    assert efficiency["value"] == "30%" and efficiency["source"] == "edited in inside.xlsx, was 40%"
    assert (efficiency["low"], efficiency["high"]) == ("25%", "50%")
    assert load_scenario(child).scenario.courses["ass_ov"].online_efficiency.has_range
    outside = edit(ranges, tmp_path / "outside.xlsx", {("ass_ov.online_efficiency", 1): 0.9})
    code, _, err = run_import(capsys, str(outside), "-o", str(tmp_path / "outside.yaml"))
    assert code == 2
    assert (
        "Inputs!C44 (courses.ass_ov.online_efficiency): 90% lies outside the input's range" in err
    )
    assert not (tmp_path / "outside.yaml").exists()
