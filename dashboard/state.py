"""The app's session state: the chosen scenario, uploads, the edits on top of the file, the
simulation's draws and seed, and the last valid state, which stays on screen while an upload or
an edit is refused.

Edits, draws and seed live in their own keys, not only in widgets: Streamlit forgets a widget's
value when it is not drawn (the course tables and the draws sit in tabs), and they must outlive
that.

Inputs are typed as text and read in the notation of the language the page had when they were
typed (`80,5` on the Dutch page); text that does not read is refused with a reason shown under its
box or table, and the edits (so the figures) keep their last valid values. After a language
switch the boxes and tables are written anew in the new language's notation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import streamlit as st

from businesscase import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    Language,
    ParameterEntry,
    Platform,
    ScenarioError,
    text_in,
)
from dashboard.edits import (
    Edit,
    changes,
    everywhere,
    quick_values,
    single_entries,
    table_edit,
    table_entries,
    table_ids,
    typed_value,
    updated,
)
from dashboard.i18n import Unreadable, input_text, t
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
TABLE_PREFIX = "table:"
DRAWS, SEED = "draws", "seed"
RUN_PREFIX = "run:"
TYPED_IN = "typed_in"
"""The language whose notation the input boxes and tables hold."""
WRITTEN = "written"
"""The text the app last wrote in each input box, by its key: text that differs was typed."""
REFUSED = "refused"
"""This run's refused text (`Refusals`)."""
SECTION = "section"
"""The open tab (its label in the page's language)."""
SECTIONS = (
    "tab_results",
    "tab_years",
    "tab_parties",
    "tab_assumptions",
    "tab_uncertainty",
    "tab_compare",
    "tab_explain",
)
"""The tabs, by their text key; in a link each is named without `tab_` (`results`)."""
PLATFORM = "platform"
"""The platform scenario shown (who pays and who benefits, the uncertainty charts)."""
SHOWN_CHOICE = "shown_choice"
"""The scenario the last run showed: what a switch leaves."""
LINK_PENDING = "link_pending"
"""A link's changes and platform not yet applied (see `link`); a switch of scenario drops them."""
DROPPED = "dropped"
"""The changes a switch of scenario dropped (`Dropped`), until the next change or switch."""


@dataclass(frozen=True)
class RefusedUpload:
    """An upload that did not load: its name and every problem found."""

    name: str
    error: ScenarioError


@dataclass(frozen=True)
class Dropped:
    """The changes made to one scenario, dropped when another was chosen: from which scenario
    (a choice) to which, and each change as `--set` text."""

    old: str
    new: str
    changes: tuple[str, ...]


@dataclass(frozen=True)
class RefusedCell:
    """A course-table cell whose text did not read: its input, year and why."""

    entry: ParameterEntry
    year: int
    why: Unreadable


@dataclass(frozen=True)
class Refusals:
    """This run's refused text: per input box (by key) and per course table (by key)."""

    boxes: dict[str, Unreadable] = field(default_factory=dict)
    cells: dict[str, list[RefusedCell]] = field(default_factory=dict)


def browser_language() -> Language:
    """Dutch for a browser that asks for Dutch (`nl-NL`, `nl-BE`), else English."""
    locale = getattr(st.context, "locale", None)
    return "nl" if isinstance(locale, str) and locale.lower().startswith("nl") else "en"


def init() -> None:
    """Defaults for a new session: the corrected reference scenario, no edits, the browser's
    language (English unless it asks for Dutch), 10,000 draws from seed 1."""
    if CHOICE not in st.session_state:  # not on every run: it reads the folder
        st.session_state[CHOICE] = default_choice()
    st.session_state.setdefault(LANGUAGE, browser_language())
    st.session_state.setdefault(EDITS, {})
    st.session_state.setdefault(UPLOADS, {})
    st.session_state.setdefault(DRAWS, DEFAULT_DRAWS)
    st.session_state.setdefault(SEED, DEFAULT_SEED)


def quick_key(path: str) -> str:
    """The session-state key of a single input, by its parameter path."""
    return QUICK_PREFIX + path


def table_key(table: str) -> str:
    """The session-state key of a table of inputs (its edit state), by the table's id: an
    activity's id, `organisation` or `platform:` and a platform scenario's id."""
    return TABLE_PREFIX + table


def edits() -> dict[str, Edit]:
    """The app's edits by parameter path, in the order made."""
    return st.session_state[EDITS]


def uploads() -> dict[str, bytes]:
    """The uploads that loaded, by file name."""
    return st.session_state[UPLOADS]


def draws() -> int:
    """The number of draws of the simulation (its tab and the workbook's)."""
    return int(st.session_state[DRAWS])


def seed() -> int:
    """The seed of the simulation (its tab and the workbook's)."""
    return int(st.session_state[SEED])


def run_key(name: str) -> str:
    """The key of the widget that shows the kept value `name` (`DRAWS` or `SEED`)."""
    return RUN_PREFIX + name


def restore_run_inputs() -> None:
    """Start the draws and seed widgets at the kept values when they are drawn anew."""
    for name in (DRAWS, SEED):
        st.session_state.setdefault(run_key(name), st.session_state[name])


def keep_run_inputs() -> None:
    """Keep what the draws and seed widgets hold, for when their tab is closed."""
    for name in (DRAWS, SEED):
        if run_key(name) in st.session_state:
            st.session_state[name] = st.session_state[run_key(name)]


def apply_everywhere(entries: list[ParameterEntry], value: float) -> None:
    """Make `value` the edit of every year of each input (a goal seek's answer), and forget the
    widgets that held them, so they show it."""
    st.session_state[EDITS] = everywhere(edits(), entries, value)
    for entry in entries:
        st.session_state.pop(quick_key(entry.key), None)
    for key in list(st.session_state):  # the tables are drawn anew from the edits
        if str(key).startswith(TABLE_PREFIX):
            del st.session_state[key]


def forget_inputs() -> None:
    """Forget the input boxes and course tables, so they are drawn anew from the edits."""
    for key in list(st.session_state):
        if str(key).startswith((QUICK_PREFIX, TABLE_PREFIX)):
            del st.session_state[key]
    st.session_state.pop(WRITTEN, None)
    st.session_state.pop(REFUSED, None)


def reset_edits() -> None:
    """Back to the file's values: forget the edits and the widgets that hold them."""
    st.session_state[EDITS] = {}
    forget_inputs()


def undo_edit(path: str) -> None:
    """Take back one edit (that input goes back to the file's value) and keep the others; the
    boxes and tables are drawn anew from what is left."""
    st.session_state[EDITS] = {key: edit for key, edit in edits().items() if key != path}
    forget_inputs()


def written() -> dict[str, str]:
    """The text last written in each input box, by key."""
    return st.session_state.setdefault(WRITTEN, {})


def refused() -> Refusals:
    """This run's refused text, by box and by course table."""
    found = st.session_state.get(REFUSED)
    return found if isinstance(found, Refusals) else Refusals()


def shown_text(entry: ParameterEntry, edit: Edit | None, lang: Language) -> str:
    """The text an input's box shows: its (edited) first-year value in the page's notation."""
    return input_text(edit.values[0] if edit else float(entry.values[0]), entry.unit, lang)


def write_box(entry: ParameterEntry, edit: Edit | None, lang: Language) -> None:
    """Put the input's value in its box, in the page's notation (before the box is drawn)."""
    key = quick_key(entry.key)
    st.session_state[key] = written()[key] = shown_text(entry, edit, lang)


def on_choice() -> None:
    """Another scenario was chosen: its own values, without the old edits or upload errors;
    the edits dropped are kept aside (`dropped`), so the page can say so and offer them again."""
    old, new = st.session_state.get(SHOWN_CHOICE), st.session_state.get(CHOICE)
    made = tuple(edit.change for edit in edits().values())
    moved = isinstance(old, str) and isinstance(new, str) and old != new
    st.session_state[DROPPED] = Dropped(str(old), str(new), made) if made and moved else None
    reset_edits()
    st.session_state.pop(UPLOAD_ERROR, None)
    st.session_state.pop(LINK_PENDING, None)


def dropped() -> Dropped | None:
    """The changes the last switch of scenario dropped, while nothing else was changed."""
    found = st.session_state.get(DROPPED)
    return found if isinstance(found, Dropped) else None


def platform(platforms: list[str]) -> str:
    """The platform scenario shown: the one chosen (or linked), else the file's first."""
    chosen = st.session_state.get(PLATFORM)
    if chosen not in platforms:
        chosen = st.session_state[PLATFORM] = platforms[0]
    return chosen


def platform_picker(key: str, label: str, platforms: Mapping[str, Platform], lang: Language) -> str:
    """A picker (`key`) of the platform shown, in the left half of the page: it starts at the
    platform shown everywhere (kept in the link), and a pick becomes that platform."""
    st.session_state[key] = platform(list(platforms))
    left, _ = st.columns(2)
    return str(
        left.selectbox(
            label,
            list(platforms),
            key=key,
            format_func=lambda pid: text_in(platforms[pid].name, lang),
            on_change=_picked,
            args=(key,),
            placeholder=t(lang, "choose_option"),
        )
    )


def _picked(key: str) -> None:
    """A platform picker changed: it is the platform shown now, everywhere (a callback)."""
    st.session_state[PLATFORM] = st.session_state[key]


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


def collect_edits(base: Evaluated, lang: Language = "en") -> Changes:
    """Fold what the widgets hold (input boxes and course-table cells) into the edits, reading
    typed text in the notation it was typed in; note what was refused; return the edits as
    `--set` changes. After a language switch, write the boxes and tables anew in `lang`."""
    state = st.session_state
    typed: Language = state.get(TYPED_IN, lang)
    current = edits()
    found = Refusals()
    for entry in single_entries(base):
        key = quick_key(entry.key)
        text = state.get(key)
        if not isinstance(text, str) or text == written().get(key):
            continue
        try:
            value = typed_value(entry, text, typed)
        except Unreadable as why:
            found.boxes[key] = why
            continue
        current = updated(current, entry, quick_values(entry, value))
        write_box(entry, current.get(entry.key), typed)  # `80,5` is shown as `80,50`
    for table_id in table_ids(base):
        table = state.get(table_key(table_id))
        rows = table.get("edited_rows", {}) if isinstance(table, dict) else {}
        entries = table_entries(base, table_id)
        cells_refused = []
        for row, cells in rows.items():
            if isinstance(row, int) and 0 <= row < len(entries) and isinstance(cells, dict):
                entry = entries[row]
                edit = table_edit(entry, current.get(entry.key), cells, typed)
                current = updated(current, entry, edit.values)
                cells_refused += [RefusedCell(entry, y, why) for y, why in edit.refused.items()]
        if cells_refused:
            found.cells[table_key(table_id)] = cells_refused
    st.session_state[EDITS] = current
    st.session_state[REFUSED] = found
    if typed != lang:
        forget_inputs()
    st.session_state[TYPED_IN] = lang
    return changes(current)


def remember(choice: str, evaluated: Evaluated) -> None:
    """Keep a valid state, to show while later edits are refused."""
    st.session_state[LAST_GOOD] = (choice, evaluated)


def last_good(choice: str) -> Evaluated | None:
    """The last valid state of this scenario, if any."""
    kept = st.session_state.get(LAST_GOOD)
    return kept[1] if kept and kept[0] == choice else None
