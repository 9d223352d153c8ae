"""Helping the choice (issue 12, items 5 and 6): the cards show each amount's change against
the file after an edit, a do-nothing reference is ranked among the platform scenarios, and a
single edit can be taken back while the others stay."""

from __future__ import annotations

from businesscase import Results, compare, evaluate, load_scenario, measures, text_in
from dashboard import state
from dashboard.compare_view import KEY_B
from dashboard.headline import Card, cards_html
from dashboard.i18n import money
from dashboard.link import SHARE
from dashboard.sources import FILE
from tests.conftest import CORRECTED, PUBLISHED
from tests.page_html import CardReader, shown_cards, shown_tables
from tests.test_app import engine, headline, ranked_cards
from tests.test_app_director import BOUGHT, WAGE, session

DEVELOPMENT = state.quick_key("platforms.new-platform.development_cost")


def deltas(at: object, results: Results) -> dict[str, list[str]]:
    """The change shown under each card's figures, by card in ranked order."""
    cards = shown_cards(at)  # type: ignore[arg-type]
    assert [card.platform for card in cards] == ranked_cards(results)
    return {card.platform: [f.delta for f in card.figures] for card in cards}


def test_after_a_wage_edit_each_card_shows_its_change_against_the_file_in_dutch() -> None:
    at = session(lang="nl")
    at.text_input(key=WAGE).set_value("80").run()
    edited, file = engine(CORRECTED, ["hourly_wage=80"]), engine(CORRECTED)
    first, last = measures.widest_total(edited.scenario)
    shown = deltas(at, edited)
    balance = float(edited.total("average", "balance", first, last)) - float(
        file.total("average", "balance", first, last)
    )
    hours = float(edited.total("average", "hours_net", first, last)) - float(
        file.total("average", "hours_net", first, last)
    )
    assert balance > 0  # a higher wage makes every saved hour worth more
    assert shown["average"][len(edited.scenario.totals) - 1] == "+" + money(balance, "nl")
    assert shown["average"][len(edited.scenario.totals)] == ""  # the break-even year
    assert hours == 0  # the wage prices the hours; it does not move them
    assert shown["average"][-1] == ""  # so the staff hours show no change
    assert shown["do-nothing"] == [""] * len(shown["do-nothing"])


def test_without_edits_no_card_shows_a_change() -> None:
    at = session(lang="nl")
    assert {f.delta for card in shown_cards(at) for f in card.figures} == {""}


def test_doing_nothing_is_ranked_as_a_reference_of_zero_between_gain_and_loss() -> None:
    results = engine(BOUGHT)
    first, last = measures.widest_total(results.scenario)
    at = session(lang="nl", file=BOUGHT.name)
    cards = headline(at, results)
    assert cards["do-nothing"][f"Saldo jaar {first}-{last}"] == money(0, "nl")
    order = ranked_cards(results)
    place = order.index("do-nothing")
    balances = [
        float(results.total(pid, "balance", first, last))
        for pid in order
        if pid in results.platform_ids
    ]
    assert all(b >= 0 for b in balances[:place]) and all(b < 0 for b in balances[place:])
    assert "Niets doen (referentie)" in [card.name for card in shown_cards(at)]


def test_undoing_one_edit_keeps_the_others_and_their_figures() -> None:
    at = session(lang="nl")
    at.text_input(key=WAGE).set_value("80").run()
    at.text_input(key=DEVELOPMENT).set_value("60000").run()
    assert set(state_edits(at)) == {"hourly_wage", "platforms.new-platform.development_cost"}
    next(b for b in at.button if b.key == "undo:hourly_wage").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert set(state_edits(at)) == {"platforms.new-platform.development_cost"}
    assert at.text_input(key=WAGE).value == "75,00"
    expected = engine(CORRECTED, ["platforms.new-platform.development_cost=60000"])
    first, last = measures.widest_total(expected.scenario)
    assert headline(at, expected)["average"][f"Saldo jaar {first}-{last}"] == money(
        float(expected.total("average", "balance", first, last)), "nl"
    )


def state_edits(at: object) -> dict[str, object]:
    return dict(at.session_state[state.EDITS])  # type: ignore[attr-defined]


def test_compare_shows_what_the_model_computes_for_an_input_the_corrected_file_leaves_out() -> None:
    published, corrected = load_scenario(PUBLISHED), load_scenario(CORRECTED)
    found = compare(
        published, evaluate(published.scenario), corrected, evaluate(corrected.scenario)
    )
    changes = {change.key: change for change in found.inputs}
    minutes = changes["courses.ass_jv.growth.online_minutes_per_participant"]
    assert (minutes.before, minutes.after) == (
        "20",
        "not set: computed 24 (= courses.ass_jv.minutes_per_participant x "
        "(1 - courses.ass_jv.online_efficiency))",
    )
    sessions = changes["courses.ass_ov.growth.online_sessions"]
    assert text_in(sessions.after, "nl") == (
        "niet ingesteld: berekend 2 in jaar 1-2, 6 vanaf jaar 3 (= courses.ass_ov.online_sessions)"
    )


def test_the_dutch_compare_tab_shows_the_computed_24_minutes_of_erratum_e2() -> None:
    at = session(lang="nl", tab="compare", file=PUBLISHED.name)
    at.selectbox(key=KEY_B).set_value(FILE + CORRECTED.name).run()
    cells = [str(cell) for table in shown_tables(at) for cell in table.value.to_numpy().ravel()]
    assert any(cell.startswith("niet ingesteld: berekend 24 (= ") for cell in cells)


def test_the_edits_as_a_command_line_are_shown_with_the_link_once_its_expander_is_opened() -> None:
    at = session(lang="nl")
    at.text_input(key=WAGE).set_value("80").run()
    assert not [c for c in at.code if "businesscase run" in c.value]  # closed: not built
    at.session_state[SHARE] = True
    at.run()
    assert [c.value for c in at.code if "businesscase run" in c.value] == [
        f"businesscase run scenarios/{CORRECTED.name} --set 'hourly_wage=80'"
    ]


def test_a_card_shows_a_name_with_markup_from_an_uploaded_file_as_plain_text() -> None:
    hostile = 'Ons <script>alert("x")</script> & <b>platform</b>'
    card = Card("p1", hostile, [("Saldo jaar 1-6", "€ 1,00")], changes=["-€ 2,00"])
    markup = cards_html([card], "nl")
    assert "<script>" not in markup and "<b>" not in markup
    reader = CardReader()
    reader.feed(markup)
    [shown] = reader.cards
    assert shown.name == hostile  # the browser shows the text as it was written
    assert [(f.label, f.value, f.delta) for f in shown.figures] == [
        ("Saldo jaar 1-6", "€ 1,00", "-€ 2,00")
    ]
