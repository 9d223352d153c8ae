"""Cash kept apart from staff time, freed hours and who keeps them under the funding: the figures
of the cash-and-time issue, worked by hand from seed 002, and properties over random shares."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import Nature, evaluate, load_scenario, parties, to_cents
from tests.conftest import CORRECTED, PUBLISHED

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
BOUGHT_HOURS = SCENARIOS / "kwadraad-2013-bought-hours.yaml"
ON_BOUGHT_HOURS = ["funding.regime=bought_hours", "funding.price_per_hour=75"]

COVERED_IN_CASH_AND_TIME = {
    "cash_costs",
    "cash_savings",
    "cash_balance",
    "cash_cumulative",
    "staff_time_costs",
    "hours_freed",
    "hours_spent",
    "hours_net",
    "fte_net",
    "cashable_hours",
    "redeployed_hours",
    "absorbed_hours",
    "cashable_saving",
    "extra_trajectories",
    "bought_hours_freed",
    "bought_hours_new_groups",
    "bought_hours_shortfall",
    "revenue_effect",
    "funder_gain",
    "client_sessions_saved",
    "client_hours_saved",
    "route_client_sessions_saved",
    "route_client_hours_saved",
    "minutes_per_place",
    "extra_places",
}
"""Lines of the cash-and-time view and the funding, tested in this module."""


def _cash_after_six_years(file: Path, changes: list[str] | None = None) -> dict[str, float]:
    results = evaluate(load_scenario(file, changes or []).scenario)
    return {
        p: to_cents(results.platform_line(p, "cash_cumulative")[-1]) for p in results.platform_ids
    }


def test_the_published_cash_balances_after_six_years_are_the_money_paid() -> None:
    assert _cash_after_six_years(PUBLISHED) == {
        "average": -85_996.0,
        "hulp-online-with-development": -60_000.0,
        "new-platform": -111_992.0,
        "hulp-online-existing": -20_000.0,
    }


def test_the_published_net_staff_hours_over_six_years_are_2705_2_and_2545_2() -> None:
    results = evaluate(load_scenario(PUBLISHED).scenario)
    hours = {p: round(float(results.line(f"{p}.hours_net").sum()), 6) for p in results.platform_ids}
    assert hours["hulp-online-with-development"] == 2_705.2
    assert hours["new-platform"] == 2_545.2


def test_the_economic_balance_is_the_cash_balance_plus_the_staff_time_at_the_wage() -> None:
    results = evaluate(load_scenario(PUBLISHED).scenario)
    for platform in results.platform_ids:
        economic = results.platform_line(platform, "cumulative")[-1]
        cash = results.platform_line(platform, "cash_cumulative")[-1]
        time = results.line(f"{platform}.hours_net").sum() * 75
        assert to_cents(economic) == to_cents(cash + time), platform
    assert to_cents(results.platform_line("hulp-online-with-development", "cumulative")[-1]) == (
        142_890.0
    )


def test_the_new_platforms_training_is_4114_paid_and_12000_of_staff_time() -> None:
    results = evaluate(load_scenario(PUBLISHED).scenario)
    assert results.line("new-platform.training_cash")[0] * 3 == pytest.approx(4_114)
    assert results.line("new-platform.training_staff_time")[0] * 3 == pytest.approx(12_000)
    assert to_cents(results.line("new-platform.training")[0] * 3) == 16_114.0


def test_bought_hours_on_the_published_courses_cost_24780_then_3570_a_year() -> None:
    results = evaluate(load_scenario(PUBLISHED, ON_BOUGHT_HOURS).scenario)
    assert [to_cents(v) for v in results.line("revenue_effect")] == [
        -24_780.0,
        -24_780.0,
        *[-3_570.0] * 4,
    ]
    assert [round(v, 6) for v in results.line("bought_hours_freed")] == [330.4] * 2 + [442.4] * 4
    assert [round(v, 6) for v in results.line("bought_hours_new_groups")][2] == 394.8


def test_the_bought_hours_file_repays_26580_in_years_1_and_2_and_nothing_after() -> None:
    results = evaluate(load_scenario(BOUGHT_HOURS).scenario)
    assert [to_cents(v) for v in results.line("revenue_effect")] == [-26_580.0] * 2 + [0.0] * 4
    assert [round(v, 6) for v in results.line("bought_hours_freed")][2] == 478.4
    assert [round(v, 6) for v in results.line("bought_hours_new_groups")][2] == 480.8
    assert list(results.line("bought_hours_shortfall"))[2:] == [0.0] * 4


def test_bought_hours_lower_the_cash_balance_by_53160_and_leave_the_economic_one() -> None:
    corrected = evaluate(load_scenario(CORRECTED).scenario)
    bought = evaluate(load_scenario(BOUGHT_HOURS).scenario)
    for platform in corrected.platform_ids:
        for name in ("savings", "costs", "balance", "cumulative"):
            np.testing.assert_array_equal(
                bought.platform_line(platform, name), corrected.platform_line(platform, name)
            )
        before = corrected.platform_line(platform, "cash_cumulative")[-1]
        after = bought.platform_line(platform, "cash_cumulative")[-1]
        assert to_cents(before - after) == 53_160.0
    assert _cash_after_six_years(BOUGHT_HOURS)["new-platform"] == -165_152.0


def test_a_cashable_share_turns_freed_hours_into_money_at_the_wage() -> None:
    results = evaluate(load_scenario(CORRECTED, ["cashable_share={1: 0%, 3: 50%}"]).scenario)
    savings = results.line("savings")
    assert list(results.line("cashable_saving")[:2]) == [0.0, 0.0]
    assert results.line("cashable_saving")[2] == pytest.approx(savings[2] / 2)
    assert results.line("hours_freed")[2] == pytest.approx(savings[2] / 75)
    balance = results.platform_line("new-platform", "cash_balance")
    costs = results.platform_line("new-platform", "cash_costs")
    assert balance[2] == pytest.approx(savings[2] / 2 - costs[2])


def test_redeployed_hours_become_extra_trajectories_of_the_route_before() -> None:
    alcander = SCENARIOS / "blended-help-alcander.yaml"
    changes = [
        "redeploy_share=40%",
        "cashable_share=10%",
        "funding.regime=per_trajectory",
        "funding.price_per_trajectory=500",
    ]
    results = evaluate(load_scenario(alcander, changes).scenario)
    assert results.line("redeployed_hours")[0] == pytest.approx(1_987.5 * 0.4)
    assert results.line("absorbed_hours")[0] == pytest.approx(1_987.5 * 0.5)
    extra = 1_987.5 * 0.4 / (625 / 60)  # a face-to-face trajectory takes 625 minutes
    assert results.line("psychosocial.extra_trajectories")[0] == pytest.approx(extra)
    assert results.line("revenue_effect")[0] == pytest.approx(extra * 500)


def test_a_price_per_client_reset_after_three_years_hands_the_saving_to_the_funder() -> None:
    changes = ["funding.regime=per_client_repriced", "funding.repricing_after_years=3"]
    results = evaluate(load_scenario(CORRECTED, changes).scenario)
    savings = results.line("savings")
    assert list(results.line("revenue_effect")[:3]) == [0.0] * 3
    np.testing.assert_allclose(results.line("revenue_effect")[3:], -savings[3:])


def test_a_purchase_paid_in_staff_hours_moves_from_cash_to_hours() -> None:
    changes = ["platforms.new-platform.natures={development: staff_time}"]
    results = evaluate(load_scenario(PUBLISHED, changes).scenario)
    assert results.lines["new-platform.development"].nature is Nature.STAFF_TIME
    assert _cash_after_six_years(PUBLISHED, changes)["new-platform"] == -31_992.0
    hours = float(results.line("new-platform.hours_net").sum())
    assert round(hours, 6) == round(2_545.2 - 80_000 / 75, 6)


def test_cash_and_staff_hours_are_shown_in_fte() -> None:
    results = evaluate(load_scenario(PUBLISHED, ["hours_per_fte=1500"]).scenario)
    hours = results.line("new-platform.hours_net")
    np.testing.assert_allclose(results.line("new-platform.fte_net"), hours / 1_500)


@settings(max_examples=25, deadline=None)
@given(
    cashable=st.integers(0, 100),
    redeploy=st.integers(0, 100),
    wage=st.integers(20, 150),
)
def test_freed_hours_split_into_cashed_redeployed_and_absorbed_hours(
    cashable: int, redeploy: int, wage: int
) -> None:
    redeploy = min(redeploy, 100 - cashable)
    changes = [f"cashable_share={cashable}%", f"redeploy_share={redeploy}%", f"hourly_wage={wage}"]
    results = evaluate(load_scenario(CORRECTED, changes).scenario)
    freed = results.line("hours_freed")
    parts = (
        results.line("cashable_hours")
        + results.line("redeployed_hours")
        + results.line("absorbed_hours")
    )
    np.testing.assert_allclose(parts, freed, rtol=1e-12)
    np.testing.assert_allclose(results.line("savings") / wage, freed, rtol=1e-12)
    np.testing.assert_allclose(results.line("cashable_saving"), freed * wage * cashable / 100)
    for platform in results.platform_ids:
        cash = results.platform_line(platform, "cash_cumulative")[-1]
        time = results.line(f"{platform}.staff_time_costs").sum()
        economic = results.platform_line(platform, "cumulative")[-1]
        cashed = results.line("cashable_saving").sum()
        assert cash + results.line("savings").sum() - cashed - time == pytest.approx(
            economic, abs=1e-6
        )


def test_under_bought_hours_the_funder_gains_what_the_organisation_repays() -> None:
    results = evaluate(load_scenario(BOUGHT_HOURS).scenario)
    figures = {(f.party, f.key): f.total for f in parties(results, "new-platform")}
    assert figures[("funder", "new-platform.funder_gain")] == 53_160.0
    assert figures[("organisation", "new-platform.cash_balance")] == -165_152.0
    np.testing.assert_array_equal(
        results.line("new-platform.funder_gain"), -results.line("revenue_effect")
    )


def test_clients_of_blended_help_skip_1350_sessions_and_1800_hours_a_year() -> None:
    """450 blended trajectories attend 3 sessions fewer: 1,350 sessions of 60 minutes, and with
    30 minutes of travel to the two thirds held at the office, 80 minutes each."""
    alcander = SCENARIOS / "blended-help-alcander.yaml"
    changes = ["trajectories.psychosocial.client_travel_minutes=30"]
    results = evaluate(load_scenario(alcander, changes).scenario)
    assert list(results.line("client_sessions_saved")) == [1_350.0] * 6
    assert [round(v, 9) for v in results.line("client_hours_saved")] == [1_800.0] * 6
    figures = {f.key: f.total for f in parties(results, "klik-voor-hulp")}
    assert figures["client_hours_saved"] == pytest.approx(10_800)
    assert figures["klik-voor-hulp.funder_gain"] == 0.0


def test_redeployed_course_hours_become_extra_course_places() -> None:
    """Ass JV (corrected, years 1-2): a place takes 40 x (1 - 10%) x 5 offline + 40 x (1 - 40%)
    x 3 online minutes, plus (1.5 x 5 + 0.5 x 3) x 60 minutes of preparation shared by 12."""
    results = evaluate(load_scenario(CORRECTED, ["redeploy_share=50%"]).scenario)
    course = load_scenario(CORRECTED).scenario.courses["ass_jv"]
    minutes, gain, efficiency = 40, course.offline_time_gain.value, course.online_efficiency.value
    offline, online = course.offline_sessions.per_year(6)[0], course.online_sessions.per_year(6)[0]
    prep = course.offline_preparation_hours.value * offline
    prep += course.online_preparation_hours.value * online
    per_place = (
        minutes * (1 - gain) * offline + minutes * (1 - efficiency) * online + prep * 60 / 12
    )
    assert results.line("ass_jv.minutes_per_place")[0] == pytest.approx(per_place)
    hours = results.line("ass_jv.savings")[0] / 75 * 0.5
    assert results.line("ass_jv.extra_places")[0] == pytest.approx(hours / (per_place / 60))
