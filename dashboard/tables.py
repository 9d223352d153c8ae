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

The amounts are aligned by a style rule (`amount_rules`) on a keyed container around the
table, not by a pandas `Styler`: Streamlit writes a styled table cell by cell into a copy of
the frame, which took about a third of the server's time of every rerun of the page (five
tables); a plain frame is sent as it is.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

AMOUNTS = "text-align: right !important; white-space: nowrap;"
"""The style of an amount cell (`!important`: Streamlit aligns every cell left inline)."""
MOST_LABEL_COLUMNS = 5
"""The most label columns a table has before its amounts (the inputs of Compare: five)."""


def container_key(key: str, numbers_from: int) -> str:
    """The key of a table's container: it names the first amount column, so the style rule
    of that many label columns applies (`amounts-from-2-parties`)."""
    return f"amounts-from-{numbers_from}-{key}"


def amount_rules() -> str:
    """The style rules that right-align the amount columns of every table and keep each amount
    on one line, one rule per number of label columns (the header row keeps its alignment)."""
    return "\n".join(
        f'[class*="st-key-amounts-from-{labels}-"] [data-testid="stTable"] tbody '
        f"td:nth-child(n+{labels + 1}) {{ {AMOUNTS} }}"
        for labels in range(MOST_LABEL_COLUMNS + 1)
    )


def show(frame: pd.DataFrame, key: str, numbers_from: int = 1) -> None:
    """A static table without its index, in a container keyed `key` (unique on the page);
    amounts from column `numbers_from` on."""
    with st.container(key=container_key(key, numbers_from)):
        st.table(frame, hide_index=True)
