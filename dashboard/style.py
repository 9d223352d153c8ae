"""The page's few style rules, sent with the page itself (no stylesheet from another host):

- the cards (`headline.cards_html`): each figure in a bordered box, its value at a size that
  fits a box, wrapping between words rather than cut; a change green and up or red and down
  (in either theme: the colours carry their own background); on a phone (up to 640 px wide)
  the cards are compact, two figures side by side, in a panel of at most two fifths of the
  screen that scrolls on its own, under a smaller title and scenario description, so that
  the tabs show on the first screen instead of four screens down;
- the link to the view wrapped in the sidebar, so that all of it shows;
- the static tables (`tables`) in a slightly smaller type, each scrolling sideways inside its
  own box where the page is narrower than the table (a phone), never cut;
- no element toolbar over tables and charts: its buttons (search, download as CSV, full
  screen) carry English tooltips Streamlit does not translate, and the page offers its own
  downloads;
- on the Dutch page, the file uploader's own button, limit and "drag and drop" line in Dutch.
  Streamlit offers no setting for these texts; the rules hide its English words and show the
  Dutch ones in their place (if a later Streamlit renames the elements, its English words
  simply show);
- under a file the browser refused before sending it (over 1 MB, or not .yaml/.yml), why, in
  the page's language: Streamlit marks the file red and gives its English reason only on
  hover. The two reasons it can have here are said in one sentence, since a style rule cannot
  read which one it was. On the Dutch page the English hover text is kept for the remove
  button alone (the file's box takes no pointer; the button still removes the file).
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.i18n import Language, t

CARDS = """
.bc-cards { display: flex; flex-direction: column; gap: 0.75rem; }
.bc-card .bc-name { margin-bottom: 0.1rem; }
.bc-card .bc-description { font-size: 0.875rem; opacity: 0.7; margin-bottom: 0.35rem; }
.bc-figures { display: flex; gap: 0.5rem; }
.bc-figure { flex: 1 1 0; min-width: 0; padding: 0.5rem 0.75rem; border-radius: 0.5rem;
  border: 1px solid rgba(128, 128, 128, 0.3); }
.bc-label { font-size: 0.875rem; }
.bc-value { font-size: 1.5rem; line-height: 1.3; overflow-wrap: normal; }
.bc-change { font-size: 0.875rem; margin-top: 0.15rem; width: fit-content;
  padding: 0 0.4rem; border-radius: 1rem; }
.bc-up { color: #158237; background: rgba(33, 195, 84, 0.1); }
.bc-down { color: #d6312b; background: rgba(255, 43, 43, 0.09); }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.5rem; padding-top: 0; }
  .st-key-about p, .st-key-about [data-testid="stCaptionContainer"] { font-size: 0.8rem; }
  .bc-cards { max-height: 40vh; overflow-y: auto; overscroll-behavior: contain;
    padding-right: 0.25rem; border-bottom: 1px solid rgba(49, 51, 63, 0.2); }
  .bc-figures { flex-wrap: wrap; gap: 0.25rem; }
  .bc-figure { flex: 1 1 calc(50% - 0.25rem); padding: 0.25rem 0.5rem; }
  .bc-value { font-size: 1rem; }
  .bc-label, .bc-change, .bc-card .bc-description { font-size: 0.75rem; }
}
"""

LINK = """
[data-testid="stSidebar"] [data-testid="stCode"] code {
  white-space: pre-wrap !important; word-break: break-all;
}
"""

TABLES = """
.bc-table { overflow-x: auto; margin-bottom: 0.5rem; }
.bc-table table { width: 100%; border-collapse: collapse; font-size: 0.875rem; }
.bc-table th { text-align: left; font-weight: 400; opacity: 0.75; }
.bc-table th, .bc-table td { padding: 0.35rem 0.5rem; vertical-align: top;
  border-bottom: 1px solid rgba(128, 128, 128, 0.2); }
.bc-table .bc-amount { text-align: right; white-space: nowrap; }
.bc-year-tables { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
.bc-table-name { margin: 0 0 0.25rem 0; }
@media (max-width: 640px) {
  .bc-year-tables { grid-template-columns: minmax(0, 1fr); }
  .bc-table table { font-size: 0.75rem; }
  .bc-table th, .bc-table td { padding: 0.25rem 0.3rem; }
}
[data-testid="stElementToolbar"] { display: none; }
"""

CHIPS = '[data-testid="stFileChips"]'
"""The list of files under the button; the "drag and drop" line shows, while a file is dragged
over the box, in the same place, so its rule must leave the list alone."""

UPLOADER = """
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: %(button)s; font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: %(limit)s; font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzone"] > input + div:not([data-testid]):not(:has(%(chips)s)) span {
  font-size: 0;
}
[data-testid="stFileUploaderDropzone"]
  > input + div:not([data-testid]):not(:has(%(chips)s)) span::after {
  content: %(drop)s; font-size: 1rem;
}
[data-testid="stTooltipErrorHoverTarget"]:has([data-testid="stFileChip"]) { pointer-events: none; }
[data-testid="stFileChip"] [data-testid="stFileChipDeleteBtn"] { pointer-events: auto; }
"""


REJECTED = """
[data-testid="stFileChips"]:has([data-testid="stFileChip"][aria-invalid="true"])::after {
  content: %s; display: block; flex-basis: 100%%; margin-top: 0.25rem;
  color: var(--st-red-text-color, #bd4043); font-size: 0.875rem;
}
"""


def css(lang: Language) -> str:
    """The rules for a page in `lang`; the uploader's words only where they differ."""
    rejected = json.dumps(t(lang, "upload_rejected"), ensure_ascii=False)
    rules = CARDS + LINK + TABLES + REJECTED % rejected
    if t(lang, "upload_button") != t("en", "upload_button"):
        words = {
            "button": json.dumps(t(lang, "upload_button"), ensure_ascii=False),
            "limit": json.dumps(t(lang, "upload_limit"), ensure_ascii=False),
            "drop": json.dumps(t(lang, "upload_drop"), ensure_ascii=False),
            "chips": CHIPS,
        }
        rules += UPLOADER % words
    return rules


def apply(lang: Language) -> None:
    """Send the rules with this run of the page (a style block takes no room)."""
    st.html(f"<style>{css(lang)}</style>")
