"""The page's read-only tables, sent as one block of HTML each (`st.html`), not as Streamlit's
static table (`st.table`) nor its interactive grid (`st.dataframe`):

- a table wraps its text columns instead of cutting them (`Average of Hulp Onl…`) and shows
  every row, so a year table keeps its totals in view at 1400 px;
- it has no toolbar, so no tooltips in English on the Dutch page (Streamlit does not translate
  its own texts);
- it costs least: `st.table` turns a frame into Arrow on the server (about 1.5 ms a table, five
  on the first view) and the browser builds it cell by cell as components; a block of HTML is a
  string on the server and one element in the browser.

The columns from `numbers_from` on hold formatted amounts: right-aligned and never broken
inside an amount (`€ -38.031,50`). A table wider than the page (a phone) scrolls sideways
inside its own box, its label column first (see `style`). Every cell and heading is escaped:
names come from scenario files, uploads among them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

import pandas as pd
import streamlit as st

TABLE_CLASS = "bc-table"
"""The class of every table's box: what the style rules and the tests select."""


def table_html(
    columns: Sequence[object], rows: Iterable[Sequence[object]], numbers_from: int = 1
) -> str:
    """A table as HTML: a header row, then a row per entry; the cells from `numbers_from` on
    marked as amounts (`bc-amount`)."""

    def cells(row: Sequence[object], tag: str) -> str:
        return "".join(
            f'<{tag} class="bc-amount">{escape(str(cell))}</{tag}>'
            if index >= numbers_from
            else f"<{tag}>{escape(str(cell))}</{tag}>"
            for index, cell in enumerate(row)
        )

    head = f"<thead><tr>{cells(columns, 'th')}</tr></thead>"
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    return f"<table>{head}<tbody>{body}</tbody></table>"


def frame_html(frame: pd.DataFrame, key: str, numbers_from: int = 1) -> str:
    """A frame as a table in its box, keyed `key` (unique on the page), without its index."""
    table = table_html(list(frame.columns), frame.to_numpy(dtype=object).tolist(), numbers_from)
    return f'<div class="{TABLE_CLASS}" data-key="{escape(key)}">{table}</div>'


def show(frame: pd.DataFrame, key: str, numbers_from: int = 1) -> None:
    """A static table without its index, keyed `key` (unique on the page); amounts from column
    `numbers_from` on."""
    st.html(frame_html(frame, key, numbers_from))
