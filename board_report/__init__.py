"""The board report: the business case of one scenario on one A4 page (with a second page for
the assumptions and their sources), as a PDF in English or Dutch.

`report_bytes(loaded, language)` gives the PDF (the same bytes for the same scenario and
language, for the app's download); `write_report(loaded, path, language)` writes it atomically
(the CLI's `report`). Like the workbook and the app it is a view: every figure is read off the
engine's results through the public names of `businesscase`, only formatted here.
"""

from board_report.document import report_bytes, write_report
from board_report.words import Words, check_language

__all__ = ["Words", "check_language", "report_bytes", "write_report"]
