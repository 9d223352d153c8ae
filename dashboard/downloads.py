"""Downloads of the current state: a standalone YAML scenario file (which loads back to the same
results), the Excel workbook, whose Simulation sheet (for a scenario with ranges) uses the
app's draws and seed, and the board report (PDF) in the page's language, the same bytes as
`businesscase report FILE --set ... --language LANG` writes; each is built only when its button
is clicked."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from board_report import report_bytes
from businesscase import dump_scenario
from dashboard.i18n import Language, t
from dashboard.sources import Evaluated
from excel_export.simulation_run import SimulationSettings
from excel_export.workbook import workbook_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def yaml_text(evaluated: Evaluated) -> str:
    """The current state as one scenario file: extends resolved, the app's edits applied."""
    return dump_scenario(evaluated.loaded)


def excel_bytes(evaluated: Evaluated, lang: Language, draws: int, seed: int) -> bytes:
    """The workbook of the current state, labelled in the chosen language, with a Simulation
    sheet of `draws` draws from `seed` when the scenario has ranges."""
    settings = SimulationSettings(draws=draws, seed=seed)
    return workbook_bytes([evaluated.loaded], language=lang, simulation=settings)


def report_pdf(evaluated: Evaluated, lang: Language) -> bytes:
    """The board report of the current state in the page's language: the file with the app's
    edits as `--set` changes, so the same bytes as the command line's report of them."""
    return report_bytes(evaluated.loaded, lang)


def file_stem(evaluated: Evaluated) -> str:
    """`kwadraad-2013-corrected`, or `kwadraad-2013-corrected-edited` with the app's edits."""
    stem = Path(evaluated.loaded.files[-1]).stem
    return f"{stem}-edited" if evaluated.loaded.changes else stem


def show(current: Evaluated, lang: Language, draws: int, seed: int) -> None:
    """The three download buttons; the files are built on click, on a separate thread."""
    st.subheader(t(lang, "downloads"))
    stem = file_stem(current)
    st.download_button(
        t(lang, "download_yaml"),
        data=lambda: yaml_text(current),
        file_name=f"{stem}.yaml",
        mime="application/x-yaml",
        on_click="ignore",
        key="download_yaml",
        icon=":material/download:",
    )
    st.download_button(
        t(lang, "download_excel"),
        data=lambda: excel_bytes(current, lang, draws, seed),
        file_name=f"{stem}.xlsx",
        mime=XLSX,
        on_click="ignore",
        key="download_excel",
        icon=":material/table_view:",
    )
    st.download_button(
        t(lang, "download_report"),
        data=lambda: report_pdf(current, lang),
        file_name=f"{stem}-{t(lang, 'report_stem')}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="download_report",
        icon=":material/picture_as_pdf:",
    )
