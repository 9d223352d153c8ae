"""The page's few style rules, sent with the page itself (no stylesheet from another host):

- the cards' figures at a size that fits a card, wrapping between words rather than cut to
  `€135,…`;
- the link to the view wrapped in the sidebar, so that all of it shows;
- the static tables (`tables`) in a slightly smaller type, each scrolling sideways inside its
  own box where the page is narrower than the table (a phone), never cut;
- no element toolbar over tables and charts: its buttons (search, download as CSV, full
  screen) carry English tooltips Streamlit does not translate, and the page offers its own
  downloads;
- on the Dutch page, the file uploader's own button, limit and "drag and drop" line in Dutch.
  Streamlit offers no setting for these texts; the rules hide its English words and show the
  Dutch ones in their place (if a later Streamlit renames the elements, its English words
  simply show).
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.i18n import Language, t

CARDS = """
[data-testid="stMetricValue"] { font-size: 1.5rem; }
[data-testid="stMetricValue"] .stMarkdownEllipsis,
[data-testid="stMetricValue"] .stMarkdownEllipsis p,
[data-testid="stMetricLabel"] .stMarkdownEllipsis,
[data-testid="stMetricLabel"] .stMarkdownEllipsis p {
  white-space: normal; overflow: visible; text-overflow: clip;
  overflow-wrap: normal; word-break: normal;
}
"""

LINK = """
[data-testid="stSidebar"] [data-testid="stCode"] code {
  white-space: pre-wrap !important; word-break: break-all;
}
"""

TABLES = """
[data-testid="stTable"] { overflow-x: auto; }
[data-testid="stTable"] table { font-size: 0.875rem; }
@media (max-width: 640px) {
  [data-testid="stTable"] table { font-size: 0.75rem; }
  [data-testid="stTable"] th, [data-testid="stTable"] td { padding: 0.25rem 0.3rem; }
}
[data-testid="stElementToolbar"] { display: none; }
"""

UPLOADER = """
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: %(button)s; font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: %(limit)s; font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzone"] > input + div:not([data-testid]) span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] > input + div:not([data-testid]) span::after {
  content: %(drop)s; font-size: 1rem;
}
"""


def css(lang: Language) -> str:
    """The rules for a page in `lang`; the uploader's words only where they differ."""
    rules = CARDS + LINK + TABLES
    if t(lang, "upload_button") != t("en", "upload_button"):
        words = {
            "button": json.dumps(t(lang, "upload_button"), ensure_ascii=False),
            "limit": json.dumps(t(lang, "upload_limit"), ensure_ascii=False),
            "drop": json.dumps(t(lang, "upload_drop"), ensure_ascii=False),
        }
        rules += UPLOADER % words
    return rules


def apply(lang: Language) -> None:
    """Send the rules with this run of the page (a style block takes no room)."""
    st.html(f"<style>{css(lang)}</style>")
