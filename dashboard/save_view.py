"""Save as scenario: the app's edits kept as a file of `scenarios/` that extends the file they
were made on, with a name and a note of why (issue 12). The engine writes and checks the file
(`save_child_scenario`); this view only asks for the name and the note and says what happened."""

from __future__ import annotations

import streamlit as st

from businesscase import Language, ScenarioNotSaved, message_in, save_child_scenario
from dashboard.edits import Edit
from dashboard.i18n import t
from dashboard.sources import FILE, SCENARIO_DIR, choice_name

OPEN = "save_as_open"
"""The key of the save form's expander (open: `True`)."""
MAX_NAME = 120
"""Characters of a scenario's name, as the engine takes it."""


def show(choice: str, edits: dict[str, Edit], lang: Language) -> None:
    """The save form, under the downloads, once there is something to save."""
    if not edits:
        return
    # built only when opened: a form of a text box, a text area and a button, mounted by the
    # browser on the first edit of every visit, cost that edit ~50 ms before its figures showed
    expander = st.expander(t(lang, "save_as"), icon=":material/save:", key=OPEN, on_change="rerun")
    if not expander.open:
        return
    with expander:
        if not choice.startswith(FILE):
            st.caption(t(lang, "save_upload"))
            return
        base = choice_name(choice)
        st.caption(t(lang, "save_help", file=base))
        with st.form("save_as_form", border=False):
            name = st.text_input(t(lang, "save_name"), max_chars=MAX_NAME, key="save_name")
            note = st.text_area(t(lang, "save_note"), max_chars=1000, key="save_note")
            submitted = st.form_submit_button(t(lang, "save_button"), icon=":material/save:")
        if not submitted:
            return
        changes = [edit.typed for edit in edits.values()]
        try:
            saved = save_child_scenario(SCENARIO_DIR, SCENARIO_DIR / base, changes, name, note)
        except ScenarioNotSaved as refused:
            st.error(message_in(refused, lang))
        else:
            st.success(t(lang, "saved", file=saved.name))
