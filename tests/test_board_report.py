"""The board report (issue 12, item 2): `businesscase report FILE -o OUT.pdf` and
`board_report.report_bytes`. The PDF is read back with poppler (pdftotext, pdfinfo, pdftoppm,
pdfimages) and its figures are compared with the engine's; bad input is exit 2 with no file;
the view keeps the codebase's rules (public names only, no measure of its own)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.numbers import format_currency

import board_report
from board_report.content import read_content
from businesscase import (
    __version__,
    evaluate,
    load_scenario,
    measures,
    simulate,
    text_in,
    to_cents,
)
from businesscase.cli.main import main
from tests.conftest import CORRECTED, PUBLISHED, ROOT, SCENARIOS, require_program

RANGES = SCENARIOS / "kwadraad-2013-ranges.yaml"
ALCANDER = SCENARIOS / "blended-help-alcander.yaml"


@pytest.fixture(scope="module")
def poppler() -> dict[str, str]:
    """poppler-utils' programs (Debian package poppler-utils)."""
    return {
        name: require_program(name, "poppler-utils")
        for name in ("pdftotext", "pdfinfo", "pdftoppm", "pdfimages")
    }


def pdf_text(pdf: Path, poppler: dict[str, str], *pages: int, layout: bool = False) -> str:
    """The PDF's text with every run of white space (line breaks, no-break spaces) as one
    space, so a sentence that wraps reads as one line; with `layout`, a table's row reads as
    one line (its cells in order)."""
    options = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    options += ["-layout"] if layout else []
    text = subprocess.run(
        [poppler["pdftotext"], *options, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(text.split())


def page_count(pdf: Path, poppler: dict[str, str]) -> int:
    info = subprocess.run(
        [poppler["pdfinfo"], str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert found, info
    return int(found.group(1))


def euros(value: float, locale: str) -> str:
    """An engine figure as the report prints it, spaces as pdftotext gives them back."""
    return " ".join(format_currency(to_cents(value) + 0.0, "EUR", locale=locale).split())


def write(tmp_path: Path, file: Path, language: str, *changes: str) -> Path:
    """The report written by the command line, in process."""
    target = tmp_path / f"{file.stem}-{language}.pdf"
    argv = ["report", str(file), "--language", language, "-o", str(target)]
    for change in changes:
        argv += ["--set", change]
    assert main(argv) == 0
    return target


def decision(text: str, name: str) -> str:
    """The sentences of one platform scenario in the decision (up to the next one)."""
    found = re.search(rf"\d\. {re.escape(name)}(?=[. ])(.*?)(?= \d\. |$)", text)
    assert found, f"{name} not in the decision"
    return found.group(1)


# ---------------------------------------------------------------- the figures of the done list


def test_the_dutch_report_of_the_corrected_case_gives_the_average_99494_and_break_even_in_jaar_4(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    target = tmp_path / "r.pdf"
    command = [sys.executable, "-m", "businesscase.cli.main", "report", str(CORRECTED)]
    done = subprocess.run(
        [*command, "--language", "nl", "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert f"wrote {target}" in done.stdout
    text = pdf_text(target, poppler, 1)
    assert "99.494" in text
    assert "jaar 4" in text
    average = decision(text, "Gemiddelde van Hulp Online met ontwikkeling en nieuw platform")
    assert "Saldo over jaar 1-6: € 99.494,00" in average
    assert "Terugverdiend in jaar 4; in geld niet binnen 6 jaar" in average
    assert "in geld over dezelfde jaren: € -85.996,00" in average
    assert "2.473,2 uur over jaar 1-6 (0,29 fte in jaar 6)" in average


def test_the_english_report_of_the_published_case_gives_the_average_110894_and_year_3(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    text = pdf_text(write(tmp_path, PUBLISHED, "en"), poppler, 1)
    assert "110,894" in text
    assert "year 3" in text
    average = decision(text, "Average of Hulp Online with development and new platform")
    assert "Balance over years 1-6: €110,894.00" in average
    assert "Breaks even in year 3; in money not within 6 years" in average


def test_every_decision_figure_is_the_engines_over_the_widest_reported_total(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    loaded = load_scenario(CORRECTED)
    results = evaluate(loaded.scenario)
    first, last = measures.widest_total(loaded.scenario)
    assert (first, last) == (1, 6)
    text = pdf_text(write(tmp_path, CORRECTED, "en"), poppler, 1)
    for platform in results.platform_ids:
        said = decision(text, loaded.scenario.platforms[platform].name)
        balance = float(results.total(platform, "balance", first, last))
        cash = float(results.total(platform, "cash_balance", first, last))
        assert f"Balance over years 1-6: {euros(balance, 'en_GB')};" in said
        assert f"in money over the same years: {euros(cash, 'en_GB')}." in said
        assert f"Breaks even in year {results.break_even_year(platform)};" in said
        assert results.cash_break_even_year(platform) is None
        assert "in money not within 6 years" in said
        hours = float(results.total(platform, "hours_net", first, last))
        fte = float(results.line(f"{platform}.fte_net")[last - 1])
        assert f"{hours:,.1f} h over years 1-6 ({fte:.2f} FTE in year 6)" in said


def test_the_platform_scenarios_are_ranked_by_balance_and_the_average_is_marked(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    text = pdf_text(write(tmp_path, CORRECTED, "en"), poppler, 1)
    ranked = [
        "1. Kwadraad Hulp Online, existing, no development. Balance over years 1-6: €171,490.00",
        "2. Kwadraad Hulp Online, with development. Balance over years 1-6: €131,490.00",
        "3. Average of Hulp Online with development and new platform (average of Kwadraad Hulp "
        "Online, with development and New platform (fictitious)). Balance over years 1-6: "
        "€99,494.00",
        "4. New platform (fictitious). Balance over years 1-6: €67,498.00",
    ]
    places = [text.find(sentence) for sentence in ranked]
    assert -1 not in places, places
    assert places == sorted(places)
    assert "Average of Hulp Online with development and new platform (average)" in text


def test_the_year_table_holds_each_line_by_year_with_totals_but_none_for_the_cumulative(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    loaded = load_scenario(CORRECTED)
    results = evaluate(loaded.scenario)
    content = read_content(loaded)
    average = next(block for block in content.blocks if block.platform == "average")
    rows = {row.key: row for row in average.rows}
    assert rows["average.balance"].totals == (66_287.5, 99_494.0)
    assert rows["average.cumulative"].totals is None
    assert rows["average.cumulative"].values[2] == pytest.approx(-125.5)
    assert average.break_even == 4
    layout = subprocess.run(
        [
            poppler["pdftotext"],
            "-layout",
            "-f",
            "1",
            "-l",
            "1",
            str(write(tmp_path, CORRECTED, "en")),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    balance = r"\s+".join(f"{to_cents(v):,.2f}" for v in results.line("average.balance"))
    assert re.search(rf"Balance\s+{balance}\s+66,287.50\s+99,494.00", layout)
    cumulative = r"\s+".join(f"{to_cents(v):,.2f}" for v in results.line("average.cumulative"))
    assert re.search(rf"Cumulative balance\s+{cumulative}\s*$", layout, re.MULTILINE)
    assert "Total 1-5" in layout and "Total 1-6" in layout


def test_a_scenario_with_ranges_states_the_seeded_chance_of_break_even_by_the_last_year(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    scenario = load_scenario(RANGES).scenario
    chances = simulate(scenario, draws=2000, seed=1).platforms
    text = pdf_text(write(tmp_path, RANGES, "en"), poppler, 1)
    for platform in scenario.platforms:
        chance = float(chances[platform].break_even_probability()[-1])
        said = decision(text, scenario.platforms[platform].name)
        assert f"Chance of breaking even by year 6: {chance * 100:.1f}%." in said
    assert "Chance of breaking even by year 6: 99.9%." in text  # the new platform
    assert "a simulation of 2,000 draws over the 9 estimates with a range (seed 1)" in text
    assert "Chance" not in pdf_text(write(tmp_path, CORRECTED, "en"), poppler, 1)


def test_a_change_on_the_command_line_changes_the_figures_and_is_stated_with_its_command(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    loaded = load_scenario(CORRECTED, ["hourly_wage=80"])
    results = evaluate(loaded.scenario)
    balance = float(results.total("average", "balance", 1, 6))
    text = pdf_text(write(tmp_path, CORRECTED, "nl", "hourly_wage=80"), poppler)
    assert f"Saldo over jaar 1-6: {euros(balance, 'nl_NL')}" in text
    assert "met deze wijzigingen van het bestand: hourly_wage=80." in text
    file = loaded.files[-1]
    assert file.endswith("scenarios/kwadraad-2013-corrected.yaml")
    assert f"businesscase report {file} --set hourly_wage=80 --language nl -o report.pdf" in text
    assert "Uurloon € 80,00/uur" in pdf_text(
        tmp_path / "kwadraad-2013-corrected-nl.pdf", poppler, 2, layout=True
    )


def test_the_assumptions_page_lists_files_errata_pins_sources_and_the_version(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    text = pdf_text(write(tmp_path, PUBLISHED, "en"), poppler, 2, layout=True)
    assert "Assumptions and sources: Kwadraad 2013, as published" in text
    assert "scenarios/kwadraad-2013-published.yaml" in text
    assert "Changed from the files (--set) none" in text
    assert "(ass_jv.scheduling_saving) is pinned to €900.00 in years 1-6. Erratum E1:" in text
    assert "erratum E2: printed 20, while 40 min x (1 - 40%) is 24" in text
    assert (
        'Hourly wage €75.00/h seed 002, appendix C, Stamgegevens Jaar 1-2, row "Uurloon '
        'behandelaar" (line 208)' in text
    )
    assert "VAT 21% seed 002" in text
    assert "Implementation hours 450 h seed 002" in text
    assert f"Made with businesscase {__version__}." in text
    assert "1 figure(s) pinned to a printed value" in pdf_text(
        tmp_path / "kwadraad-2013-published-en.pdf", poppler, 1
    )


def test_the_dutch_report_is_dutch_throughout_with_decimal_commas_and_the_files_dutch_names(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    loaded = load_scenario(CORRECTED)
    text = pdf_text(write(tmp_path, CORRECTED, "nl"), poppler, 1)
    for written in [
        loaded.scenario.name,
        loaded.scenario.description,
        *(p.name for p in loaded.scenario.platforms.values()),
    ]:
        assert " ".join(text_in(written, "nl").split()) in text
    for dutch in (
        "Jaar 1",
        "Totaal 1-6",
        "Besparingen",
        "Kosten",
        "Saldo",
        "Cumulatief",
        "Terugverdiend in jaar 4",
        "pagina 1 van 2",
        "gemiddelde",
        "Cumulatief saldo per platformscenario",
        "40.980,00",
        "-125,50",
    ):
        assert dutch in text, dutch
    for english in ("year", "Year", "Balance", "Savings", "Costs", "Break", "page", "average"):
        assert english not in text, english
    inputs = pdf_text(tmp_path / "kwadraad-2013-corrected-nl.pdf", poppler, 2, layout=True)
    assert "Uurloon € 75,00/uur" in inputs
    assert "Extra voorbereidingstijd per online sessie 0,5 uur" in inputs
    cells = pdf_text(tmp_path / "kwadraad-2013-corrected-nl.pdf", poppler, 2)
    assert "5 sessies in jaar 1-2, 4 sessies vanaf jaar 3" in cells


# ---------------------------------------------------------------- the page as a reader sees it


def test_page_one_renders_to_a_picture_with_content_and_nothing_in_the_right_margin(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    from PIL import Image

    for language in ("en", "nl"):
        pdf = write(tmp_path, CORRECTED, language)
        stem = tmp_path / f"page-{language}"
        subprocess.run(
            [poppler["pdftoppm"], "-r", "70", "-png", "-f", "1", "-l", "1", str(pdf), str(stem)],
            check=True,
        )
        png = next(tmp_path.glob(f"page-{language}*.png"))
        with Image.open(png) as image:
            grey = image.convert("L")
            width, height = grey.size
            assert (width, height) == (579, 819)  # A4 at 70 dpi
            ink = sum(grey.histogram()[:200])  # pixels darker than light grey
            assert ink > 0.04 * width * height, f"page 1 ({language}) is nearly blank: {ink}"
            margin = grey.crop((width - 30, 0, width, height))  # the right margin is 38 px
            assert sum(margin.histogram()[:250]) == 0, "something reaches into the right margin"


def test_the_chart_is_drawn_as_vector_graphics_not_a_picture(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    listing = subprocess.run(
        [poppler["pdfimages"], "-list", str(write(tmp_path, CORRECTED, "en"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(listing.strip().splitlines()) == 2  # the heading only: no image in the PDF


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_shipped_scenario_fits_on_at_most_two_a4_pages(
    tmp_path: Path, poppler: dict[str, str], language: str
) -> None:
    files = sorted(SCENARIOS.glob("*.yaml"))
    assert len(files) >= 5 and ALCANDER in files
    for file in files:
        pdf = tmp_path / f"{file.stem}.pdf"
        pdf.write_bytes(board_report.report_bytes(load_scenario(file), language))
        assert page_count(pdf, poppler) <= 2, file.name
        info = subprocess.run([poppler["pdfinfo"], str(pdf)], capture_output=True, text=True)
        assert re.search(r"Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)", info.stdout)


def test_the_trajectory_case_with_two_platforms_reads_its_own_figures(
    tmp_path: Path, poppler: dict[str, str]
) -> None:
    results = evaluate(load_scenario(ALCANDER).scenario)
    text = pdf_text(write(tmp_path, ALCANDER, "en"), poppler, 1)
    for platform in results.platform_ids:
        name = results.scenario.platforms[platform].name
        balance = float(results.total(platform, "balance", 1, 6))
        assert f"Balance over years 1-6: {euros(balance, 'en_GB')};" in decision(text, name)
    assert "1. Limburg cooperative." in text and "2. Klik voor Hulp." in text


# ---------------------------------------------------------------- the same bytes, bad input


def test_the_command_writes_the_same_bytes_as_report_bytes_every_time(tmp_path: Path) -> None:
    loaded = load_scenario(CORRECTED)
    first = board_report.report_bytes(loaded, "nl")
    assert first.startswith(b"%PDF-")
    assert board_report.report_bytes(loaded, "nl") == first
    assert write(tmp_path, CORRECTED, "nl").read_bytes() == first
    assert board_report.report_bytes(loaded, "en") != first


def test_an_output_that_is_not_a_pdf_is_exit_2_with_a_message_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(CORRECTED), "-o", str(tmp_path / "report.txt")]) == 2
    assert "report.txt: the output must be a .pdf file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_language_is_exit_2_from_the_choices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", str(CORRECTED), "--language", "de", "-o", str(tmp_path / "r.pdf")])
    assert stop.value.code == 2
    assert "invalid choice: 'de' (choose from 'en', 'nl')" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="language must be one of en, nl"):
        board_report.report_bytes(load_scenario(CORRECTED), "de")


def test_a_scenario_that_does_not_validate_is_exit_2_with_its_problems_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: kwadraad-2013-corrected.yaml\nhourly_wage: -5\nnonsense: 1\n")
    (tmp_path / "kwadraad-2013-corrected.yaml").write_text(CORRECTED.read_text())
    (tmp_path / "kwadraad-2013-published.yaml").write_text(PUBLISHED.read_text())
    before = set(tmp_path.iterdir())
    assert main(["report", str(bad), "-o", str(tmp_path / "r.pdf")]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "hourly_wage" in err and "nonsense" in err
    assert main(["report", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "missing.yaml" in capsys.readouterr().err
    assert main(["report", str(CORRECTED), "--set", "nope=1", "-o", str(tmp_path / "r.pdf")]) == 2
    assert "nope: unknown key" in capsys.readouterr().err
    assert set(tmp_path.iterdir()) == before


def test_an_unwritable_path_is_exit_2_and_an_existing_report_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "r.pdf"
    assert main(["report", str(CORRECTED), "-o", str(missing)]) == 2
    assert "cannot write the report" in capsys.readouterr().err
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"the report of yesterday")
    assert main(["report", str(CORRECTED), "--set", "nope=1", "-o", str(kept)]) == 2
    assert kept.read_bytes() == b"the report of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf"]


# ---------------------------------------------------------------- the rules of the codebase


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """The modules a file imports at its top level, and those it imports inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: set[str] = set()
    inner: set[str] = set()

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            here = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                (inner if here else top).update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                (inner if here else top).add(child.module)
            visit(child, here)

    visit(tree, False)
    return top, inner


def test_the_report_uses_only_the_public_names_of_businesscase_and_not_the_app() -> None:
    wrong = []
    for path in sorted((ROOT / "board_report").rglob("*.py")):
        top, inner = _imports(path)
        wrong += [
            f"{path.name} imports {module}"
            for module in top | inner
            if module.startswith(("businesscase.", "dashboard", "excel_export", "streamlit"))
        ]
    assert wrong == []


def test_the_core_loads_the_report_only_inside_the_report_command() -> None:
    wrong = []
    for path in sorted((ROOT / "businesscase").rglob("*.py")):
        top, inner = _imports(path)
        allowed_inside = path == ROOT / "businesscase" / "cli" / "report.py"
        for module in top | (set() if allowed_inside else inner):
            if module.split(".")[0] in ("board_report", "reportlab"):
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []
    code = (
        "import sys; import businesscase.cli.main; "
        "print(sorted(m for m in ('reportlab', 'board_report') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert found.stdout.strip() == "[]"


def test_the_report_computes_no_total_break_even_or_running_total_of_its_own() -> None:
    patterns = {
        "a running total": re.compile(r"\bcumsum\b|logical_or\.accumulate"),
        "a total over years": re.compile(r"\.sum\(\s*axis|\bsum\("),
        "a break-even test": re.compile(r">=\s*0(?![.\d])"),
    }
    found = []
    for path in sorted((ROOT / "board_report").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                node.value = ""
        code = ast.unparse(tree)
        found += [f"{path.name} computes {what}" for what, p in patterns.items() if p.search(code)]
    assert found == []
