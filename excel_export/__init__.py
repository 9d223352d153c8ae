"""The Excel export: the business case as a workbook whose every figure is a formula over
visible inputs (`build_workbook`, `write_workbook`, `workbook_bytes`; the CLI's `export`)."""

from excel_export.workbook import build_workbook, workbook_bytes, write_workbook

__all__ = ["build_workbook", "workbook_bytes", "write_workbook"]
