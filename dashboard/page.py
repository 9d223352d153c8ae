"""The page: choose a scenario (a file or an upload), move assumptions in the sidebar, and read
the headline, charts, year tables, who pays and who benefits, comparison and explanations of
the current state (each in a tab of its own; only the open tab is drawn), in English or
Dutch (the browser's language by default).

Every run: read the link once per session (`link`), fold the widgets into the edits, load the
file with the edits as `--set` changes, draw, and write the state back into the link. A refused
upload, edit or link value shows its problems and keeps the last valid state on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import streamlit as st
from streamlit.elements.lib.mutable_tab_container import TabContainer

from businesscase import ScenarioError, text_in
from dashboard import (
    assumptions,
    collector,
    compare_view,
    downloads,
    explain_view,
    goal_seek_view,
    headline,
    link,
    parties_view,
    save_view,
    state,
    style,
    turns,
    uncertainty_view,
)
from dashboard.charts import cumulative_chart, savings_costs_chart, savings_lines_chart
from dashboard.edits import Edit
from dashboard.i18n import LANGUAGES, Language, owned_label, quoted, t
from dashboard.sources import (
    FILE,
    UPLOAD,
    Changes,
    Evaluated,
    choice_name,
    evaluate_choice,
    scenario_files,
)
from dashboard.svg_chart import side_by_side

SECTION, SECTIONS = state.SECTION, state.SECTIONS
PAGE_ICON = Path(__file__).resolve().parent / "static" / "icon.png"
"""The tab's icon, served by the app itself (a material icon would be fetched from a font host)."""


def choose_language(lang: Language) -> Language:
    """English or Dutch, for labels and for the format of euros; each named in itself."""
    return st.radio(
        t(lang, "language"),
        list(LANGUAGES),
        key=state.LANGUAGE,
        format_func=LANGUAGES.get,
        horizontal=True,
    )


def choose_scenario(lang: Language) -> str:
    """The scenario chooser (files and successful uploads) and the upload."""
    options = [*(FILE + f for f in scenario_files()), *(UPLOAD + n for n in state.uploads())]
    if st.session_state[state.CHOICE] not in options:
        st.session_state[state.CHOICE] = options[0]

    def text(option: str) -> str:
        name = choice_name(option)
        return f"{name} ({t(lang, 'uploaded')})" if option.startswith(UPLOAD) else name

    choice = st.selectbox(
        t(lang, "scenario"),
        options,
        key=state.CHOICE,
        format_func=text,
        on_change=state.on_choice,
        placeholder=t(lang, "choose_option"),
    )
    st.file_uploader(
        t(lang, "upload"),
        type=["yaml", "yml"],
        key=state.UPLOADER,
        help=t(lang, "upload_help"),
        max_upload_size=1,
    )
    return choice


def show_problems(intro: str, error: ScenarioError, lang: Language) -> None:
    """A refusal in the page: one sentence, then every problem with its file and line, in the
    page's language."""
    st.error(intro, icon=":material/error:")
    st.code(error.report(lang), language=None, wrap_lines=True)


def load_current(
    choice: str, base: Evaluated, changes: Changes
) -> tuple[Evaluated, ScenarioError | None]:
    """The file with the edits; if they are refused, the last valid state and the reasons."""
    try:
        current = evaluate_choice(choice, state.uploads(), changes)
    except ScenarioError as error:
        return state.last_good(choice) or base, error
    state.remember(choice, current)
    return current, None


def show_edits(base: Evaluated, edits: dict[str, Edit], lang: Language) -> None:
    """What differs from the file: each edited input, its value in the file and now."""
    if not edits:
        return
    entries = {e.key: e for e in base.entries}
    scenario = base.loaded.scenario
    with st.container(border=True):
        st.markdown(f"**{t(lang, 'differs')}**")
        for edit in edits.values():
            entry = entries[edit.path]
            before = assumptions.values_text(entry.values, entry, lang)
            after = assumptions.values_text(edit.values, entry, lang)
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(f"{owned_label(entry, scenario, lang)}: {before} → **{after}**")
                st.button(
                    t(lang, "undo"),
                    key=f"undo:{edit.path}",
                    on_click=state.undo_edit,
                    args=(edit.path,),
                    type="tertiary",
                    help=t(lang, "undo_help"),
                )


def edits_command(base: Evaluated, edits: dict[str, Edit]) -> str | None:
    """The edits as a command line that gives the same figures, if there are edits."""
    if not edits:
        return None
    written = " ".join(f"--set '{edit.change}'" for edit in edits.values())
    return f"businesscase run {base.loaded.files[-1]} {written}"


def show_results(current: Evaluated, lang: Language) -> None:
    """The charts: the cumulative balance, then the two by year side by side. The year tables
    and who pays have tabs of their own: on this tab, which a visit opens on, every edit
    redrew them too (in chromium ~40 ms of the ~230 ms until an edit's new balance showed)."""
    results = current.results
    st.html(cumulative_chart(results, lang))
    st.html(side_by_side(savings_costs_chart(results, lang), savings_lines_chart(results, lang)))


def show_dropped(lang: Language) -> None:
    """After a switch of scenario: which changes were dropped, and an offer to apply them to
    this scenario; gone once something else is changed."""
    dropped = state.dropped()
    if dropped is None:
        return
    if state.edits():
        st.session_state[state.DROPPED] = None
        return
    count = len(dropped.changes)
    st.info(
        t(
            lang,
            "edit_dropped" if count == 1 else "edits_dropped",
            old=choice_name(dropped.old),
            new=choice_name(dropped.new),
            count=count,
            changes=", ".join(quoted(change) for change in dropped.changes),
        ),
        icon=":material/info:",
    )
    st.button(t(lang, "reapply"), key="reapply", on_click=link.reapply)


def section_labels(lang: Language) -> list[str]:
    """The tab labels in the language."""
    return [t(lang, name) for name in SECTIONS]


def keep_section(lang: Language) -> None:
    """After a language switch, stay on the same tab (the tabs' state is their label)."""
    shown = st.session_state.get(SECTION)
    for other in LANGUAGES:
        if shown in section_labels(other):
            st.session_state[SECTION] = section_labels(lang)[section_labels(other).index(shown)]
            return


def open_tab(tabs: Sequence[TabContainer]) -> str:
    """The id of the open tab (`results`), for the link."""
    for section, tab in zip(SECTIONS, tabs, strict=True):
        if tab.open:
            return link.tab_id(section)
    return link.tab_id(SECTIONS[0])


def main() -> None:
    """One run of the page, in turn with other sessions' runs (`turns`)."""
    with turns.one_at_a_time():
        run_page()
    collector.freeze_after_first_run()


def run_page() -> None:
    """One run of the page, top to bottom."""
    state.init()
    lang = link.read(st.session_state[state.LANGUAGE])
    st.set_page_config(page_title=t(lang, "page_title"), page_icon=str(PAGE_ICON), layout="wide")
    state.take_upload()
    with st.sidebar:
        lang = choose_language(lang)
        style.apply(lang)
        choice = choose_scenario(lang)
    keep_section(lang)
    st.title(t(lang, "page_title"))
    refused = state.upload_error()
    if refused is not None:
        show_problems(t(lang, "upload_refused", name=refused.name), refused.error, lang)
    try:
        base = evaluate_choice(choice, state.uploads())
    except ScenarioError as invalid:
        show_problems(t(lang, "file_invalid"), invalid, lang)
        st.stop()
    link.apply_pending(base)
    linked = st.container()  # what the link held that was left out, filled in at the end
    changes = state.collect_edits(base, lang)
    current, error = load_current(choice, base, changes)
    scenario = current.loaded.scenario
    with st.container(key="about"):  # in a smaller type on a phone (`style`)
        st.markdown(f"**{text_in(scenario.name, lang)}**  \n{text_in(scenario.description, lang)}")
        st.caption(" ← ".join(reversed(current.loaded.files)))
    if error is not None:
        show_problems(t(lang, "edits_invalid"), error, lang)
    show_dropped(lang)
    show_edits(base, state.edits(), lang)
    headline.show_cards(current.results, lang, base.results if state.edits() else None)
    # the sidebar's inputs after the cards, though above them on the page: the figures an edit
    # changes reach the browser first
    with st.sidebar:
        assumptions.show_quick_inputs(base, state.edits(), lang)
        st.button(t(lang, "reset"), key="reset", on_click=state.reset_edits, disabled=not changes)
        downloads.show(current, lang, state.draws(), state.seed())
        save_view.show(choice, state.edits() if error is None else {}, lang)
        share = st.container()
    tabs = st.tabs(section_labels(lang), key=SECTION, on_change="rerun")
    (
        results_tab,
        years_tab,
        parties_tab,
        assumptions_tab,
        uncertainty_tab,
        compare_tab,
        explain_tab,
    ) = tabs
    if results_tab.open:
        with results_tab:
            show_results(current, lang)
    if years_tab.open:
        with years_tab:
            headline.show_year_table(current.results, lang)
    if parties_tab.open:
        with parties_tab:
            parties_view.show(current.results, lang)
    if assumptions_tab.open:
        with assumptions_tab:
            assumptions.show_input_tables(base, state.edits(), lang)
            assumptions.show_inputs(current, lang)
    if uncertainty_tab.open:
        with uncertainty_tab:
            uncertainty_view.show(current, lang)
            goal_seek_view.show(current, base, lang)
    if compare_tab.open:
        with compare_tab:
            compare_view.show(current, state.uploads(), lang)
    if explain_tab.open:
        with explain_tab:
            explain_view.show(current, lang)
    platform = state.platform(list(scenario.platforms))
    found = link.query(choice, lang, open_tab(tabs), platform, state.edits())
    link.write(found)
    with linked:
        link.show_problems(lang)
    with share:
        link.show_share(found, choice, lang, edits_command(base, state.edits()))
    st.session_state[state.SHOWN_CHOICE] = choice
