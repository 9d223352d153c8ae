"""The Excel export: the business case as a workbook whose every figure is a formula over
visible inputs, with a Simulation sheet for a scenario with ranges (`build_workbook`,
`write_workbook`, `workbook_bytes`, `SimulationSettings`; the CLI's `export`), and the way back:
the inputs changed in an exported workbook as a scenario file (`import_workbook`, `read_edits`,
`WorkbookRefused`; the CLI's `import`)."""

from excel_export.child_file import import_workbook
from excel_export.read_back import WorkbookRefused, read_edits
from excel_export.simulation_run import SimulationSettings
from excel_export.workbook import build_workbook, workbook_bytes, write_workbook

__all__ = [
    "SimulationSettings",
    "WorkbookRefused",
    "build_workbook",
    "import_workbook",
    "read_edits",
    "workbook_bytes",
    "write_workbook",
]
