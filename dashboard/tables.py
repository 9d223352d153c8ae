"""The page's read-only tables, drawn as static tables (`st.table`), not as the interactive grid
(`st.dataframe`):

- a static table wraps its text columns instead of cutting them (`Average of Hulp Onl…`) and
  shows every row, so a year table keeps its totals in view at 1400 px;
- it has no toolbar, so no tooltips in English on the Dutch page (Streamlit does not translate
  its own texts);
- it is HTML, not a canvas grid: cheaper for the browser to redraw after an edit.

The columns from `numbers_from` on hold formatted amounts: right-aligned and never broken
inside an amount (`€ -38.031,50`). A table wider than the page (a phone) scrolls sideways
inside its own box, its label column first (see `style`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

AMOUNTS = {"text-align": "right", "white-space": "nowrap"}


def styled(frame: pd.DataFrame, numbers_from: int = 1) -> Styler:
    """The table with its amount columns right-aligned and kept on one line."""
    return frame.style.set_properties(subset=list(frame.columns[numbers_from:]), **AMOUNTS)


def show(frame: pd.DataFrame, numbers_from: int = 1) -> None:
    """A static table without its index; amounts from column `numbers_from` on."""
    st.table(styled(frame, numbers_from), hide_index=True)
