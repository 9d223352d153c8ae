"""The app's session state: the chosen scenario, uploads, the edits on top of the file, and the
last valid state, which stays on screen while an upload or an edit is refused.

Edits live in their own key, not only in widgets: Streamlit forgets a widget's value when it is
not drawn (the course tables sit in a tab), and the edits must outlive that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from businesscase.errors import ScenarioError
from dashboard.edits import (
    Edit,
    changes,
    course_entries,
    edited_values,
    quick_entries,
    quick_values,
    updated,
)
from dashboard.sources import (
    UPLOAD,
    Changes,
    Evaluated,
    default_choice,
    evaluate_upload,
    upload_name,
)

CHOICE = "choice"
LANGUAGE = "language"
UPLOADER = "upload"
EDITS = "edits"
UPLOADS = "uploads"
SEEN_UPLOAD = "seen_upload"
UPLOAD_ERROR = "upload_error"
LAST_GOOD = "last_good"
QUICK_PREFIX = "input:"
COURSE_PREFIX = "course:"


@dataclass(frozen=True)
class RefusedUpload:
    """An upload that did not load: its name and every problem found."""

    name: str
    error: ScenarioError


def init() -> None:
    """Defaults for a new session: the corrected reference scenario, no edits, English."""
    st.session_state.setdefault(CHOICE, default_choice())
    st.session_state.setdefault(LANGUAGE, "en")
    st.session_state.setdefault(EDITS, {})
    st.session_state.setdefault(UPLOADS, {})


def quick_key(path: str) -> str:
    """The session-state key of a single input, by its parameter path."""
    return QUICK_PREFIX + path


def course_key(course_id: str) -> str:
    """The session-state key of a course table (its edit state)."""
    return COURSE_PREFIX + course_id


def edits() -> dict[str, Edit]:
    """The app's edits by parameter path, in the order made."""
    return st.session_state[EDITS]


def uploads() -> dict[str, bytes]:
    """The uploads that loaded, by file name."""
    return st.session_state[UPLOADS]


def reset_edits() -> None:
    """Back to the file's values: forget the edits and the widgets that hold them."""
    st.session_state[EDITS] = {}
    for key in list(st.session_state):
        if str(key).startswith((QUICK_PREFIX, COURSE_PREFIX)):
            del st.session_state[key]


def on_choice() -> None:
    """Another scenario was chosen: its own values, without the old edits or upload errors."""
    reset_edits()
    st.session_state.pop(UPLOAD_ERROR, None)


def take_upload() -> None:
    """Load a newly uploaded file; on success choose it, else keep the scenario and note why.
    Runs before the scenario chooser is drawn, so it may set the choice."""
    uploaded = st.session_state.get(UPLOADER)
    if uploaded is None:
        st.session_state.pop(UPLOAD_ERROR, None)
        st.session_state.pop(SEEN_UPLOAD, None)
        return
    if st.session_state.get(SEEN_UPLOAD) == uploaded.file_id:
        return
    st.session_state[SEEN_UPLOAD] = uploaded.file_id
    name, raw = upload_name(uploaded.name), uploaded.getvalue()
    try:
        evaluate_upload(name, raw)
    except ScenarioError as error:
        st.session_state[UPLOAD_ERROR] = RefusedUpload(name, error)
        return
    uploads()[name] = raw
    st.session_state[CHOICE] = UPLOAD + name
    on_choice()


def upload_error() -> RefusedUpload | None:
    """The last refused upload, until another upload or scenario is chosen."""
    return st.session_state.get(UPLOAD_ERROR)


def collect_edits(base: Evaluated) -> Changes:
    """Fold what the widgets hold (inputs and course-table cells) into the edits; return them as
    `--set` changes."""
    state: Mapping[str, object] = st.session_state
    current = edits()
    for entry in quick_entries(base):
        value = state.get(quick_key(entry.key))
        if isinstance(value, int | float):
            current = updated(current, entry, quick_values(entry, float(value)))
    for course_id in base.loaded.scenario.courses:
        table = state.get(course_key(course_id))
        rows = table.get("edited_rows", {}) if isinstance(table, dict) else {}
        entries = course_entries(base, course_id)
        for row, cells in rows.items():
            if isinstance(row, int) and 0 <= row < len(entries) and isinstance(cells, dict):
                entry = entries[row]
                values = edited_values(entry, current.get(entry.key), cells)
                current = updated(current, entry, values)
    st.session_state[EDITS] = current
    return changes(current)


def remember(choice: str, evaluated: Evaluated) -> None:
    """Keep a valid state, to show while later edits are refused."""
    st.session_state[LAST_GOOD] = (choice, evaluated)


def last_good(choice: str) -> Evaluated | None:
    """The last valid state of this scenario, if any."""
    kept = st.session_state.get(LAST_GOOD)
    return kept[1] if kept and kept[0] == choice else None
