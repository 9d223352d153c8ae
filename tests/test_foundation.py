"""The foundation keeps its shape: layers import in one direction, each line declares what it
is, every measure is computed in one module, and the workbook reads a formula as numpy does."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

import businesscase
from businesscase import Kind, Nature, evaluate, load_scenario, measures, with_changes
from businesscase.cli.main import main
from businesscase.model.catalogue import build_lines
from businesscase.model.formula import Num, Ref, RunningSum, Sum
from businesscase.model.parameters import fraction_of_percent, percent_text
from businesscase.scenario.changes import Change
from tests.conftest import CORRECTED, PUBLISHED

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("model", "scenario", "engine", "analytics", "report", "cli")
"""businesscase's layers, each importing only those before it (and itself)."""
VIEW_PACKAGES = ("excel_export", "dashboard", "board_report")
FOREIGN_TO_THE_CORE = (
    "excel_export",
    "dashboard",
    "board_report",
    "streamlit",
    "openpyxl",
    "plotly",
    "reportlab",
)
LOADED_WHEN_RUN = {
    "businesscase.cli.export",
    "businesscase.cli.report",
    "businesscase.cli.import_command",
}
"""The commands that load a view (the workbook, the report) inside their handler."""


def _modules() -> dict[str, Path]:
    found = {}
    for package in ("businesscase", *VIEW_PACKAGES):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """The modules a file imports at its top level, and those it imports inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: set[str] = set()
    inner: set[str] = set()

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            is_function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            here = nested or is_function
            if isinstance(child, ast.Import):
                (inner if here else top).update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                target = inner if here else top
                target.add(child.module)
                target.update(
                    f"{child.module}.{alias.name}"
                    for alias in child.names
                    if f"{child.module}.{alias.name}" in MODULES
                )
            visit(child, here)

    visit(tree, False)
    return top, inner


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "businesscase" or len(parts) < 2:
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else None


def test_each_layer_of_businesscase_imports_only_itself_and_the_layers_before_it() -> None:
    wrong = []
    for module, path in MODULES.items():
        own = _layer(module)
        if own is None:
            continue
        top, inner = _imports(path)
        for imported in top | inner:
            layer = _layer(imported)
            if imported == "businesscase" or (layer is not None and layer > own):
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_the_core_never_imports_the_workbook_writer_the_app_or_their_libraries() -> None:
    """Only the CLI's export and report commands load their view, inside the command."""
    wrong = []
    for module, path in MODULES.items():
        if not module.startswith("businesscase"):
            continue
        top, inner = _imports(path)
        allowed_inside = module in LOADED_WHEN_RUN
        for imported in top | (set() if allowed_inside else inner):
            if imported.split(".")[0] in FOREIGN_TO_THE_CORE:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_the_workbook_and_the_app_use_only_the_public_api_of_businesscase() -> None:
    wrong = []
    for module, path in MODULES.items():
        if not module.startswith(VIEW_PACKAGES):
            continue
        top, inner = _imports(path)
        wrong += [
            f"{module} imports {imported}"
            for imported in top | inner
            if imported.startswith("businesscase.")
        ]
        if not module.startswith("dashboard"):
            wrong += [f"{module} imports {i}" for i in top | inner if i.startswith("dashboard")]
    assert wrong == []


def test_no_module_imports_another_that_imports_it_back() -> None:
    graph = {module: _imports(path)[0] & set(MODULES) for module, path in MODULES.items()}
    graph["businesscase"] = set()  # the public API imports every layer; no layer imports it
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph.get(module, ())):
            if state.get(imported) == 1:
                cycles.append(" -> ".join([*trail[trail.index(imported) :], imported]))
            elif imported not in state:
                visit(imported, [*trail, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_run_command_does_not_load_the_workbook_writer_or_the_app() -> None:
    code = (
        "import sys; import businesscase.cli.main; "
        "print(sorted(m for m in ('openpyxl', 'streamlit', 'plotly', 'excel_export', "
        "'reportlab', 'board_report') "
        "if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert found.stdout.strip() == "[]"


def test_every_public_name_is_there() -> None:
    missing = [name for name in businesscase.__all__ if not hasattr(businesscase, name)]
    assert missing == []


# ---------------------------------------------------------------- lines declare what they are


def test_every_line_of_the_reference_cases_declares_a_kind_a_nature_labels_and_a_unit() -> None:
    for file in (PUBLISHED, CORRECTED):
        for key, line in build_lines(load_scenario(file).scenario).items():
            assert isinstance(line.kind, Kind), key
            assert isinstance(line.nature, Nature), key
            assert line.label and line.label_nl, key
            assert line.unit, key
            assert (line.nature is Nature.QUANTITY) == (line.unit != "EUR"), key


def test_a_total_is_the_sum_of_the_children_it_declares_and_has_their_nature() -> None:
    lines = build_lines(load_scenario(PUBLISHED).scenario)
    totals = {key: line for key, line in lines.items() if line.children}
    assert {"savings", "ass_jv.savings", "new-platform.costs", "online_efficiency"} <= set(totals)
    for key, line in totals.items():
        assert isinstance(line.formula, Sum) and line.formula.keys == line.children, key
        assert all(child in lines for child in line.children), key
        parts = [lines[child].nature for child in line.children]
        if parts:
            assert Nature.of_parts(parts) in (line.nature, Nature.STAFF_TIME), key
    assert totals["savings"].children == (
        "online_efficiency",
        "scheduling",
        "offline_time_gain",
        "referral",
        "growth",
    )
    assert totals["online_efficiency"].children == (
        "ass_jv.online_efficiency_saving",
        "ass_ov.online_efficiency_saving",
    )


def test_the_published_costs_are_money_paid_and_staff_time_as_the_cash_issue_lists_them() -> None:
    lines = build_lines(load_scenario(PUBLISHED).scenario)
    natures = {name: lines[f"new-platform.{name}"].nature for name in ("development", "licence")}
    assert natures == {"development": Nature.CASH, "licence": Nature.CASH}
    assert lines["new-platform.implementation"].nature is Nature.STAFF_TIME
    assert lines["new-platform.training"].nature is Nature.MIXED
    assert lines["savings"].nature is Nature.STAFF_TIME
    assert lines["new-platform.cumulative"].kind is Kind.STOCK
    assert lines["implementation_total"].kind is Kind.AMOUNT


# ---------------------------------------------------------------- measures in one place

CODE_PATTERNS = {
    "a running total": re.compile(r"\bcumsum\b|logical_or\.accumulate"),
    "a total over years": re.compile(r"\.sum\(\s*axis"),
    "a break-even test": re.compile(r">=\s*0(?![.\d])"),
}
"""Measures in code (strings and docstrings left out)."""
WORKBOOK_PATTERN = re.compile(r"\bSUM\(|>=0(?![.\d])")
"""Measures as workbook formulas, in string constants: a total over years, a break-even test."""
MEASURE_HOMES = {"businesscase.model.measures", "businesscase.model.formula"}


def _code_and_texts(path: Path) -> tuple[str, list[str]]:
    """A module's code with every string constant emptied, and those strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
            node.value = ""
    return ast.unparse(tree), texts


def test_totals_break_even_and_running_totals_are_computed_only_in_the_measures_module() -> None:
    found = []
    for module, path in MODULES.items():
        if module in MEASURE_HOMES:
            continue
        code, texts = _code_and_texts(path)
        found += [
            f"{module} computes {what}" for what, p in CODE_PATTERNS.items() if p.search(code)
        ]
        if any(WORKBOOK_PATTERN.search(text) for text in texts):
            found.append(f"{module} writes a workbook measure")
    assert found == []


def test_explain_of_a_running_total_shows_no_total_over_years(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", str(PUBLISHED), "average.cumulative"]) == 0
    shown = capsys.readouterr().out
    assert "110,894.00" in shown
    assert "162,342.50" not in shown
    row = next(line for line in shown.splitlines() if line.split()[:1] == ["average.cumulative"])
    assert row.split()[-1] == "110,894.00"


def test_a_total_over_years_of_a_running_total_is_refused() -> None:
    results = evaluate(load_scenario(PUBLISHED).scenario)
    with pytest.raises(measures.NotSummable, match=r"average\.cumulative is a stock"):
        results.total("average", "cumulative", 1, 6)
    assert results.totals("average.cumulative") is None
    assert results.totals("average.balance") == [73_937.5, 110_894.0]


# ---------------------------------------------------------------- one formula, two readings


class _Cells:
    """Cells named after lines, so an Excel formula reads as Python over a dict of values."""

    def input_cell(self, path: tuple[str | int, ...], year: int) -> str:
        return f"v['{'.'.join(map(str, path))}@{year}']"

    def line_cell(self, key: str, year: int) -> str:
        return f"v['{key}@{year}']"

    def year_cell(self, year: int) -> str:
        return str(year)


def test_a_running_total_inside_a_larger_formula_reads_the_same_in_the_workbook_as_in_numpy() -> (
    None
):
    a = np.array([11.0, 11.0, 11.0])
    b = np.array([0.0, 1.0, 2.0])
    formula = RunningSum(Ref("a")) + Ref("b")
    years = np.arange(1.0, 4.0)
    engine = formula.evaluate({}, {"a": a, "b": b}.__getitem__, years)
    values = {f"{key}@{y}": float(v[y - 1]) for key, v in (("a", a), ("b", b)) for y in (1, 2, 3)}
    workbook = [eval(formula.excel(_Cells(), y, "c"), {"v": values}) for y in (1, 2, 3)]
    assert list(engine) == [11.0, 23.0, 35.0]
    assert workbook == [11.0, 23.0, 35.0]


def test_a_running_total_that_is_the_whole_line_continues_from_the_lines_previous_year() -> None:
    assert RunningSum(Ref("a")).excel(_Cells(), 3, "c") == "v['c@2']+v['a@3']"
    assert (RunningSum(Ref("a")) * Num(2)).excel(_Cells(), 2, "c") == ("((v['a@1'])+(v['a@2']))*2")


# ---------------------------------------------------------------- typed, decimal-exact edits


def test_every_percentage_to_two_decimals_is_read_as_the_exact_fraction() -> None:
    wrong = []
    for hundredths in range(10_001):
        written = str(Decimal(hundredths) / 100)
        fraction = fraction_of_percent(written)
        if fraction != float(Decimal(written) / 100) or percent_text(fraction) != (
            f"{Decimal(written).normalize():f}%"
        ):
            wrong.append(written)
    assert wrong == []
    assert fraction_of_percent("0.07") == 0.0007


def test_a_percentage_set_as_text_reads_as_the_decimal_fraction() -> None:
    loaded = load_scenario(CORRECTED, ["courses.ass_jv.online_efficiency=0.07%"])
    param = loaded.scenario.courses["ass_jv"].online_efficiency
    assert param.value == 0.0007


def test_a_typed_change_gives_what_the_same_set_text_gives() -> None:
    base = load_scenario(CORRECTED)
    typed = with_changes(
        base,
        [
            Change(("hourly_wage",), 80.5),
            Change(("courses", "ass_jv", "online_sessions"), ((1, 3.0), (3, 5.0))),
            Change(("courses", "ass_ov", "online_efficiency"), 0.4507),
        ],
    )
    text = load_scenario(
        CORRECTED,
        [
            "hourly_wage=80.5",
            "courses.ass_jv.online_sessions={1: 3, 3: 5}",
            "courses.ass_ov.online_efficiency=45.07%",
        ],
    )
    assert typed.scenario == text.scenario
    assert typed.changes == text.changes
    assert evaluate(typed.scenario).values["average.cumulative"][-1] == pytest.approx(
        evaluate(text.scenario).values["average.cumulative"][-1], abs=0
    )


# ---------------------------------------------------------------- the version


def test_the_newest_changelog_entry_is_the_version_of_the_package() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = re.search(r"^## (\S+)", changelog, flags=re.M)
    assert newest is not None
    assert newest.group(1) == businesscase.__version__
    assert businesscase.__version__ != "0.1.0"
