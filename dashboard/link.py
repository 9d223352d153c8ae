"""The shareable link: what the page shows lives in its URL, so that a link (or a reload) shows
the same figures:

    ?file=kwadraad-2013-corrected.yaml&lang=nl&tab=results&platform=average
     &set=hourly_wage=80.5&set=courses.ass_jv.groups_per_year=10

- `file`: a scenario file of `scenarios/` (an upload cannot travel in a link; `upload=NAME`
  names the one shown, and opening such a link says so);
- `lang`: `en` or `nl` (without it, the browser's language);
- `tab`: `results`, `years`, `parties`, `assumptions`, `uncertainty`, `compare` or `explain`;
- `platform`: the platform scenario shown (who pays and who benefits, the uncertainty charts);
- `set`: each change as the `--set` text the page shows and the command line takes,
  repeatable, applied in order.

The link is read when a session starts (a fresh browser, a reload), and again whenever the URL
holds another query than the page last wrote: the browser's back or forward button (each change
of state writes a new query, which Streamlit pushes onto the browser's history) or an address
typed over. Every run writes the state into it. A value that does not read (an unknown file,
tab or platform, a change the engine refuses) is named on the page with the reason and left
out, never a traceback; the rest of the link still applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import numpy as np
import streamlit as st

from businesscase import ScenarioError, Wording, parameter_entries, text_in, with_changes
from dashboard import state
from dashboard.edits import Edit, is_step_parameter, updated
from dashboard.i18n import LANGUAGES, Language, quoted, t
from dashboard.sources import (
    FILE,
    UPLOAD,
    Evaluated,
    choice_name,
    default_choice,
    evaluate_choice,
    scenario_files,
)

FILE_PARAM, UPLOAD_PARAM, LANG_PARAM = "file", "upload", "lang"
TAB_PARAM, PLATFORM_PARAM, SET_PARAM = "tab", "platform", "set"
READ = "link_read"
"""Whether this session has read its link."""
WRITTEN = "link_written"
"""The query the page last wrote into the URL: another one came from the browser's history."""
PENDING = state.LINK_PENDING
"""The link's changes and platform, applied once the scenario is loaded (`Pending`)."""
PROBLEMS = "link_problems"
"""What the link (or changes applied again) held that was left out, with why."""
FIRST = "link_first"
"""The query written after reading the link: the problems show until the state moves on."""
SHARE = "share_link"
"""The key of the expander that holds the link to this view (open: `True`)."""

MOST_CHANGES = 100
"""The changes a link may hold; more are left out (the engine reads each one)."""

Query = dict[str, list[str]]


@dataclass(frozen=True)
class Problem:
    """Something of a link or a change that was left out: the text key of why, its fields (a
    name given per language is a `Wording`), and the engine's refusal, if it refused a change.
    It is kept until the state moves on, so both are worded when shown, in the page's language
    at that moment."""

    reason: str
    fields: dict[str, str] = field(default_factory=dict)
    error: ScenarioError | None = None

    def message(self, lang: Language) -> str:
        """Why it was left out, in the language."""
        return t(lang, self.reason, **{name: text_in(v, lang) for name, v in self.fields.items()})

    def report(self, lang: Language) -> str:
        """The engine's problems with the change, in the language (empty if it refused none)."""
        return self.error.report(lang) if self.error is not None else ""


@dataclass(frozen=True)
class Pending:
    """The link's changes (`--set` texts) and platform, until the scenario is loaded."""

    changes: tuple[str, ...]
    platform: str | None


def tab_id(section: str) -> str:
    """`results` for the text key `tab_results`."""
    return section.removeprefix("tab_")


TABS = tuple(tab_id(section) for section in state.SECTIONS)


def problems() -> list[Problem]:
    """What the link held that was left out, until the state moves on."""
    return st.session_state.setdefault(PROBLEMS, [])


def read(lang: Language) -> Language:
    """Read the link when the session starts or the browser went back or forward, before the
    widgets are drawn: language, scenario file and tab now; the changes and platform once the
    scenario is loaded (`apply_pending`). Returns the page's language."""
    if st.session_state.get(READ) and not navigated():
        return lang
    if st.session_state.get(READ):
        lang = state.browser_language()
        start_over(lang)
    st.session_state[READ] = True
    params = st.query_params
    found: list[Problem] = []
    asked = params.get(LANG_PARAM)
    if asked in LANGUAGES:
        lang = asked
        st.session_state[state.LANGUAGE] = lang
    elif asked is not None:
        found.append(Problem("link_bad_language", {"value": quoted(asked)}))
    shown = choice_name(default_choice())
    name = params.get(FILE_PARAM)
    if name is not None:
        if name in scenario_files():
            st.session_state[state.CHOICE] = FILE + name
        else:
            files = ", ".join(scenario_files())
            fields = {"name": quoted(name), "shown": shown, "files": files}
            found.append(Problem("link_unknown_file", fields))
    upload = params.get(UPLOAD_PARAM)
    if upload is not None and name is None:
        if upload in state.uploads():  # back to an upload of this session
            st.session_state[state.CHOICE] = UPLOAD + upload
        else:
            found.append(Problem("link_upload", {"name": quoted(upload), "shown": shown}))
    tab = params.get(TAB_PARAM)
    if tab in TABS:
        st.session_state[state.SECTION] = t(lang, state.SECTIONS[TABS.index(tab)])
    elif tab is not None:
        fields = {
            "value": quoted(tab),
            "shown": Wording(*(t(language, state.SECTIONS[0]) for language in LANGUAGES)),
            "tabs": ", ".join(TABS),
        }
        found.append(Problem("link_bad_tab", fields))
    changes = tuple(params.get_all(SET_PARAM))
    if len(changes) > MOST_CHANGES:
        found.append(
            Problem("link_too_many", {"count": str(len(changes)), "most": str(MOST_CHANGES)})
        )
        changes = changes[:MOST_CHANGES]
    st.session_state[PENDING] = Pending(changes, params.get(PLATFORM_PARAM))
    st.session_state[PROBLEMS] = found
    return lang


def current_query() -> Query:
    """The query the URL holds now, each name with all its values."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def navigated() -> bool:
    """Whether the URL holds another query than the page last wrote: the browser went back or
    forward to an earlier state (or an address was typed over), which the page then shows."""
    written = st.session_state.get(WRITTEN)
    return written is not None and current_query() != written


def start_over(lang: Language) -> None:
    """Before a link is read again: the state a fresh session has, so that what the link
    leaves out is the default (the file's values, the first tab and platform)."""
    st.session_state[state.LANGUAGE] = lang
    st.session_state[state.CHOICE] = default_choice()
    st.session_state[state.SECTION] = t(lang, state.SECTIONS[0])
    st.session_state.pop(state.PLATFORM, None)
    st.session_state.pop(state.DROPPED, None)
    st.session_state.pop(FIRST, None)
    state.reset_edits()


def edits_from_changes(
    base: Evaluated, changes: tuple[str, ...] | list[str], made: dict[str, Edit] | None = None
) -> tuple[dict[str, Edit], list[Problem]]:
    """The app's edits that `--set` texts make on the scenario as loaded (on top of `made`):
    each is read by the engine as the command line reads it; one it refuses, or one that sets
    something other than an input's values, is left out with why."""
    editable = {e.key: e for e in base.entries if is_step_parameter(base.loaded, e.path)}
    result = dict(made or {})
    found: list[Problem] = []
    for change in changes:
        try:
            changed = with_changes(base.loaded, [change])
        except ScenarioError as error:
            found.append(Problem("change_refused", {"change": quoted(change)}, error))
            continue
        path = change.split("=", 1)[0].strip()
        parts = path.split(".")
        if len(parts) > 1 and parts[-1].isdigit():  # a year step: `path.3=5`
            path = ".".join(parts[:-1])
        entry = editable.get(path)
        if entry is None:
            fields = {"change": quoted(change), "path": quoted(path)}
            found.append(Problem("change_not_editable", fields))
            continue
        after = next(e for e in parameter_entries(changed) if e.key == path)
        values = tuple(float(v) for v in np.atleast_1d(after.values))
        result = updated(result, entry, values)
    return result, found


def apply_pending(base: Evaluated) -> None:
    """Apply the link's changes and platform to the scenario just loaded (once)."""
    pending = st.session_state.pop(PENDING, None)
    if not isinstance(pending, Pending):
        return
    if pending.changes:
        made, found = edits_from_changes(base, pending.changes)
        st.session_state[state.EDITS] = made
        state.forget_inputs()
        problems().extend(found)
    platforms = list(base.loaded.scenario.platforms)
    if pending.platform in platforms:
        st.session_state[state.PLATFORM] = pending.platform
    elif pending.platform is not None:
        shown = base.loaded.scenario.platforms[platforms[0]].name
        problems().append(
            Problem("link_bad_platform", {"value": quoted(pending.platform), "shown": shown})
        )


def reapply() -> None:
    """Apply the changes a switch of scenario dropped to the scenario now chosen (a callback);
    those that do not fit it are named with why."""
    dropped = state.dropped()
    if dropped is None:
        return
    choice = st.session_state[state.CHOICE]
    try:
        base = evaluate_choice(choice, state.uploads())
    except ScenarioError:
        return
    made, found = edits_from_changes(base, dropped.changes, state.edits())
    st.session_state[state.EDITS] = made
    state.forget_inputs()
    st.session_state[PROBLEMS] = found
    st.session_state.pop(FIRST, None)
    st.session_state[state.DROPPED] = None


def query(choice: str, lang: Language, tab: str, platform: str, edits: dict[str, Edit]) -> Query:
    """The link's query for a state, in a fixed order."""
    kind = UPLOAD_PARAM if choice.startswith(UPLOAD) else FILE_PARAM
    found: Query = {
        kind: [choice_name(choice)],
        LANG_PARAM: [lang],
        TAB_PARAM: [tab],
        PLATFORM_PARAM: [platform],
    }
    if edits:
        found[SET_PARAM] = [edit.change for edit in edits.values()]
    return found


def query_text(found: Query) -> str:
    """`file=...&lang=nl&set=hourly_wage=80.5`: readable, yet every unsafe sign escaped."""
    return "&".join(
        f"{name}={quote(value, safe='=,:;/')}" for name, values in found.items() for value in values
    )


def write(found: Query) -> None:
    """Put the state in the URL (if it moved); the link's problems go once the state moves on
    from what the link showed."""
    if current_query() != found:
        st.query_params.from_dict(found)
    st.session_state[WRITTEN] = found
    first = st.session_state.get(FIRST)
    if first is None:
        st.session_state[FIRST] = found
    elif first != found:
        st.session_state[PROBLEMS] = []


def page_url(found: Query) -> str:
    """The link to this state: the page's address (as the browser asked for it) with the
    query; without an address (a test), the query alone."""
    url = getattr(st.context, "url", None)
    base = url.split("?", 1)[0].split("#", 1)[0] if isinstance(url, str) else ""
    return f"{base}?{query_text(found)}"


def show_share(found: Query, choice: str, lang: Language, command: str | None = None) -> None:
    """The link to this view, to copy; for an upload, that the file does not travel with it;
    with edits, the same as a command line (`command`). It sits in an expander whose content is
    built only when it is open: its code blocks (shown as is, with a copy button) need the
    browser's code highlighter, 1.5 MB of JavaScript that a first visit otherwise evaluates
    before it shows the first figures (0.7-1 s here). The command line lived in an expander of
    its own under the edits, which the browser mounted on the first edit of every visit before
    it showed the new figures (~35 ms)."""
    shared = st.expander(t(lang, "share_link"), key=SHARE, on_change="rerun")
    if not shared.open:
        return
    with shared:
        st.markdown(f"```text\n{page_url(found)}\n```")
        if choice.startswith(UPLOAD):
            st.caption(t(lang, "share_upload", name=quoted(choice_name(choice))))
        else:
            st.caption(t(lang, "share_help"))
        if command is not None:
            st.markdown(f"**{t(lang, 'as_command')}**")
            st.code(command, language="bash", wrap_lines=True)


def show_problems(lang: Language) -> None:
    """What the link held that was left out, each with why."""
    for problem in problems():
        st.warning(problem.message(lang), icon=":material/link_off:")
        if problem.error is not None:
            st.code(problem.report(lang), language=None, wrap_lines=True)
