"""Individual help trajectories and the platforms' price models, against the figures worked by
hand from seed 002 (scenarios/blended-help-alcander.yaml) and an independent computation."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from businesscase import (
    Results,
    ScenarioError,
    dump_scenario,
    evaluate,
    load_scenario,
    load_scenario_bytes,
    results_json,
    simulate,
    solve,
    to_cents,
)
from businesscase.scenario.loading import validate_data
from tests.conftest import CORRECTED, PUBLISHED

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
ALCANDER = SCENARIOS / "blended-help-alcander.yaml"

COVERED_IN_TRAJECTORIES = {
    "route_share",
    "minutes_per_trajectory",
    "minutes_saved_per_trajectory",
    "route_hours_freed",
    "route_platform_trajectories",
    "hours_freed",
    "saving",
    "platform_trajectories",
    "trajectories",
    "platform_clients",
    "platform_purchase",
    "training_cash_total",
    "training_time_total",
    "training_cash",
    "training_staff_time",
    "fees",
    "platform_hours",
}
"""Lines of trajectories and the new price models, tested in this module."""


@pytest.fixture(scope="module")
def alcander() -> Results:
    return evaluate(load_scenario(ALCANDER).scenario)


def test_a_face_to_face_trajectory_takes_625_minutes_of_staff_time(alcander: Results) -> None:
    assert alcander.line("psychosocial.f2f.minutes_per_trajectory")[0] == pytest.approx(625)


def test_a_blended_trajectory_takes_360_minutes_of_staff_time(alcander: Results) -> None:
    assert alcander.line("psychosocial.blended.minutes_per_trajectory")[0] == pytest.approx(360)


def test_blended_help_frees_1987_5_staff_hours_a_year(alcander: Results) -> None:
    assert [to_cents(h) for h in alcander.line("psychosocial.hours_freed")] == [1_987.5] * 6
    assert alcander.line("psychosocial.f2f.route_hours_freed")[0] == 0


def test_the_hours_freed_are_worth_149_062_50_a_year_at_75_an_hour(alcander: Results) -> None:
    assert [to_cents(v) for v in alcander.line("psychosocial.saving")] == [149_062.5] * 6
    assert [to_cents(v) for v in alcander.line("trajectories")] == [149_062.5] * 6
    assert [to_cents(v) for v in alcander.line("savings")] == [149_062.5] * 6


def test_klik_voor_hulp_costs_92_300_in_year_1_and_3_100_a_year_after(alcander: Results) -> None:
    costs = [to_cents(v) for v in alcander.platform_line("klik-voor-hulp", "costs")]
    assert costs == [92_300.0, *[3_100.0] * 5]


def test_klik_voor_hulp_year_1_is_purchase_training_groups_and_training_hours(
    alcander: Results,
) -> None:
    line = alcander.line
    assert line("klik-voor-hulp.platform_purchase")[0] == 15_500  # 8,000 + 50 x 150
    assert line("klik-voor-hulp.training_cash_total")[0] == 15_500 + 16_800  # 7 groups of 8
    assert line("klik-voor-hulp.training_time_total")[0] == 60_000  # 50 staff x 16 h x 75
    assert line("klik-voor-hulp.training_cash")[0] == 32_300
    assert line("klik-voor-hulp.training_staff_time")[0] == 60_000
    assert line("klik-voor-hulp.licence")[1] == 3_100  # 20% of 15,500, from year 2


def test_the_limburg_cooperative_costs_17_650_a_year(alcander: Results) -> None:
    assert [to_cents(v) for v in alcander.line("limburg-cooperative.fees")] == [4_000.0] * 6
    hours = [to_cents(v) for v in alcander.line("limburg-cooperative.platform_hours")]
    assert hours == [13_650.0] * 6  # 3.5 h x 52 weeks x 75
    costs = [to_cents(v) for v in alcander.platform_line("limburg-cooperative", "costs")]
    assert costs == [17_650.0] * 6


def test_the_clients_on_the_platform_are_the_blended_trajectories(alcander: Results) -> None:
    assert list(alcander.line("psychosocial.platform_trajectories")) == [450.0] * 6
    assert list(alcander.line("platform_clients")) == [450.0] * 6


def test_a_share_of_one_third_is_kept_as_written() -> None:
    kind = load_scenario(ALCANDER).scenario.trajectories["psychosocial"]
    assert kind.home_visit_share.value == pytest.approx(1 / 3, abs=0)


def test_the_published_and_corrected_cases_have_no_trajectory_lines() -> None:
    for file in (PUBLISHED, CORRECTED):
        results = evaluate(load_scenario(file).scenario)
        assert "trajectories" not in results.lines
        assert results.savings_names == [
            "online_efficiency",
            "scheduling",
            "offline_time_gain",
            "referral",
            "growth",
        ]


def test_the_published_licence_counts_96_and_144_clients_while_the_courses_have_192_and_288() -> (
    None
):
    results = evaluate(load_scenario(PUBLISHED).scenario)
    assert list(results.line("platform_clients")) == [192, 192, 288, 288, 288, 288]
    assert results.line("new-platform.licence")[0] == 3_485


def test_a_licence_that_follows_the_activities_doubles_when_the_groups_double() -> None:
    follow = "platforms.new-platform.licence_clients_from_activities=true"
    base = evaluate(load_scenario(CORRECTED, [follow]).scenario)
    doubled = evaluate(
        load_scenario(
            CORRECTED,
            [follow, "courses.ass_jv.groups_per_year=16", "courses.ass_ov.groups_per_year=16"],
        ).scenario
    )
    per_client = 30 * 1.21  # licence per client, VAT added
    assert base.line("new-platform.licence")[0] == round(192 * per_client)
    assert doubled.line("platform_clients")[0] == 384
    assert doubled.line("new-platform.licence")[0] == round(384 * per_client)


# ---------------------------------------------------------------- refused trajectories


def _alcander_data(**changes: object) -> dict:
    loaded = load_scenario(ALCANDER)
    data = {**loaded.data}
    kind = {**data["trajectories"]["psychosocial"], **changes}
    data["trajectories"] = {"psychosocial": kind}
    return data


def test_route_shares_that_do_not_add_up_to_100_percent_are_refused() -> None:
    routes = {"f2f": {"share": "70%", "f2f_sessions": 5}, "blended": {"share": "20%"}}
    with pytest.raises(ScenarioError, match=r"add up to 100% in every year \(year 1: 90"):
        validate_data(_alcander_data(routes=routes), {}, ["x.yaml"])


def test_a_baseline_route_that_is_not_a_route_is_refused() -> None:
    with pytest.raises(ScenarioError, match="baseline_route 'face' is not one of the routes"):
        validate_data(_alcander_data(baseline_route="face"), {}, ["x.yaml"])


def test_a_scenario_without_courses_or_trajectories_is_refused() -> None:
    data = {**load_scenario(ALCANDER).data}
    del data["trajectories"]
    with pytest.raises(ScenarioError, match="give courses, trajectories or both"):
        validate_data(data, {}, ["x.yaml"])


# ---------------------------------------------------------------- an independent computation


def _minutes(n: float, e: float, h: float, o: float, case: dict[str, float]) -> float:
    """T_r written from the issue's text, with exact fractions."""
    c, report, a = (Fraction(case[k]) for k in ("contact", "report", "planning"))
    p, lost, v, t = (Fraction(case[k]) for k in ("no_show", "lost", "home", "travel"))
    email, chat, video = (Fraction(case[k]) for k in ("email", "chat", "video"))
    n_, e_, h_, o_ = (Fraction(x) for x in (n, e, h, o))
    booked_missed = n_ / (1 - p) - n_
    return float(
        n_ * (c + report + a)
        + booked_missed * (a + lost * c)
        + n_ * v * t
        + e_ * email
        + h_ * chat
        + o_ * video
    )


@settings(max_examples=30, deadline=None)
@example(  # an exact half cent: 1,159.025, computed by floating point as 1,159.0249999999999
    trajectories=74,
    blended=0,
    online=42,
    no_show=4,
    f2f_sessions=1,
    blended_sessions=0,
    emails=0,
    chats=0,
    videos=0,
    wage=20,
)
@given(
    trajectories=st.integers(0, 5_000),
    blended=st.integers(0, 100),
    online=st.integers(0, 100),
    no_show=st.integers(0, 60),
    f2f_sessions=st.integers(0, 12),
    blended_sessions=st.integers(0, 6),
    emails=st.integers(0, 10),
    chats=st.integers(0, 5),
    videos=st.integers(0, 5),
    wage=st.integers(20, 150),
)
def test_the_saving_of_any_mix_of_routes_matches_an_independent_computation(
    trajectories: int,
    blended: int,
    online: int,
    no_show: int,
    f2f_sessions: int,
    blended_sessions: int,
    emails: int,
    chats: int,
    videos: int,
    wage: int,
) -> None:
    blended = min(blended, 100)
    online = min(online, 100 - blended)
    f2f = 100 - blended - online
    case = {
        "contact": 60,
        "report": 20,
        "planning": 15,
        "no_show": Fraction(no_show, 100),
        "lost": Fraction(1, 2),
        "home": Fraction(1, 3),
        "travel": 45,
        "email": 20,
        "chat": 30,
        "video": 30,
    }
    routes = {
        "f2f": {"share": f"{f2f}%", "f2f_sessions": f2f_sessions},
        "blended": {
            "share": f"{blended}%",
            "f2f_sessions": blended_sessions,
            "emails": emails,
            "chats": chats,
            "uses_platform": True,
        },
        "online": {
            "share": f"{online}%",
            "video_sessions": videos,
            "emails": emails,
            "uses_platform": True,
        },
    }
    data = _alcander_data(
        routes=routes,
        trajectories_per_year=trajectories,
        no_show_rate=f"{no_show}%",
    )
    data["hourly_wage"] = wage
    results = evaluate(validate_data(data, {}, ["x.yaml"]).scenario)
    base = _minutes(f2f_sessions, 0, 0, 0, case)
    mix = {
        "f2f": (f2f, base),
        "blended": (blended, _minutes(blended_sessions, emails, chats, 0, case)),
        "online": (online, _minutes(0, emails, 0, videos, case)),
    }
    hours = sum(
        Fraction(trajectories) * Fraction(share, 100) * (Fraction(base) - Fraction(minutes)) / 60
        for share, minutes in mix.values()
    )
    assert results.line("psychosocial.hours_freed")[0] == pytest.approx(float(hours), abs=1e-6)
    assert to_cents(results.line("savings")[0]) == to_cents(float(hours * wage))
    on_platform = trajectories * (blended + online) / 100
    assert results.line("platform_clients")[0] == pytest.approx(on_platform, abs=1e-9)


@settings(max_examples=20, deadline=None)
@given(
    staff=st.integers(0, 200),
    group=st.integers(1, 20),
    price=st.integers(0, 5_000),
    institution=st.integers(0, 20_000),
    account=st.integers(0, 300),
    share=st.integers(0, 50),
    inhabitants=st.integers(0, 1_000_000),
    hours=st.integers(0, 20),
)
def test_the_price_models_match_an_independent_computation(
    staff: int,
    group: int,
    price: int,
    institution: int,
    account: int,
    share: int,
    inhabitants: int,
    hours: int,
) -> None:
    loaded = load_scenario(
        ALCANDER,
        [
            f"platforms.klik-voor-hulp.staff_trained={staff}",
            f"platforms.klik-voor-hulp.accounts={staff}",
            f"platforms.klik-voor-hulp.training_group_size={group}",
            f"platforms.klik-voor-hulp.training_price_per_group={price}",
            f"platforms.klik-voor-hulp.one_off_per_institution={institution}",
            f"platforms.klik-voor-hulp.one_off_per_account={account}",
            f"platforms.klik-voor-hulp.licence_share_of_purchase={share}%",
            f"platforms.limburg-cooperative.inhabitants={inhabitants}",
            f"platforms.limburg-cooperative.hours_per_week={hours}",
        ],
    )
    results = evaluate(loaded.scenario)
    purchase = institution + account * staff
    year_1 = purchase + math.ceil(Fraction(staff, group)) * price + staff * 16 * 75
    klik = [to_cents(v) for v in results.platform_line("klik-voor-hulp", "costs")]
    assert klik[0] == year_1
    assert klik[1:] == [to_cents(float(Fraction(share, 100) * purchase))] * 5
    coop = results.platform_line("limburg-cooperative", "costs")
    assert to_cents(coop[0]) == to_cents(float(Fraction(5, 100) * inhabitants + hours * 52 * 75))


# ---------------------------------------------------------------- the route before takes the rest

REST = ["trajectories.psychosocial.routes.f2f.share=null"]
"""The face-to-face route without a share of its own: it takes what the blended one leaves."""


def test_a_route_before_without_a_share_takes_the_rest() -> None:
    results = evaluate(load_scenario(ALCANDER, REST).scenario)
    assert results.line("psychosocial.f2f.route_share")[0] == pytest.approx(0.7)
    assert [to_cents(v) for v in results.line("savings")] == [149_062.5] * 6


def test_goal_seek_finds_the_blended_share_at_which_klik_voor_hulp_pays_back_in_year_1() -> None:
    """Year 1: 1,500 x share x 265 minutes / 60 x 75 must cover 92,300: share >= 18.58%."""
    scenario = load_scenario(ALCANDER, REST).scenario
    path = ("trajectories", "psychosocial", "routes", "blended", "share")
    answer = solve(scenario, (path,), "klik-voor-hulp", 1, (0.0, 1.0))
    assert answer.value == pytest.approx(0.1858, abs=1e-12)
    at = evaluate(load_scenario(ALCANDER, [*REST, f"{'.'.join(path)}=18.58%"]).scenario)
    below = evaluate(load_scenario(ALCANDER, [*REST, f"{'.'.join(path)}=18.57%"]).scenario)
    assert at.platform_line("klik-voor-hulp", "cumulative")[0] >= 0
    assert below.platform_line("klik-voor-hulp", "cumulative")[0] < 0


def test_a_ranged_share_is_drawn_with_the_route_before_taking_the_rest() -> None:
    ranged = "trajectories.psychosocial.routes.blended.share={value: 30%, low: 20%, high: 40%}"
    scenario = load_scenario(ALCANDER, [*REST, ranged]).scenario
    simulation = simulate(scenario, 2_000, 1)
    drawn = simulation.parameters[("trajectories", "psychosocial", "routes", "blended", "share")]
    assert drawn.min() >= 0.2 and drawn.max() <= 0.4
    p50 = float(np.median(simulation.platforms["klik-voor-hulp"].cumulative[:, -1]))
    at_30 = evaluate(load_scenario(ALCANDER).scenario).platform_line("klik-voor-hulp", "cumulative")
    assert abs(p50 - at_30[-1]) < 0.05 * at_30[-1]


def test_a_ranged_share_beside_a_route_before_with_its_own_share_is_refused() -> None:
    ranged = "trajectories.psychosocial.routes.blended.share={value: 30%, low: 20%, high: 40%}"
    with pytest.raises(ScenarioError, match="leave its share out"):
        load_scenario(ALCANDER, [ranged])


def test_the_yaml_download_of_an_edited_trajectory_scenario_loads_back_to_the_same_figures() -> (
    None
):
    changes = [
        "trajectories.psychosocial.routes.blended.share=35%",
        "trajectories.psychosocial.routes.f2f.share=65%",
    ]
    edited = load_scenario(ALCANDER, changes)
    text = dump_scenario(edited)
    assert "home_visit_share" in text and "1/3" in text  # the fraction stays as written
    back = load_scenario_bytes(text.encode(), "download.yaml", SCENARIOS)
    assert results_json(evaluate(back.scenario)) == results_json(evaluate(edited.scenario))
