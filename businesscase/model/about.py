"""The version of businesscase: raised with every change that lands, named in CHANGELOG.md,
and carried by every workbook and JSON result, so a figure can be traced to the code."""

__version__ = "0.6.0"
