"""The Excel export: the business case as a workbook whose every figure is a formula over
visible inputs, with a Simulation sheet for a scenario with ranges (`build_workbook`,
`write_workbook`, `workbook_bytes`, `SimulationSettings`; the CLI's `export`)."""

from excel_export.simulation_run import SimulationSettings
from excel_export.workbook import build_workbook, workbook_bytes, write_workbook

__all__ = ["SimulationSettings", "build_workbook", "workbook_bytes", "write_workbook"]
