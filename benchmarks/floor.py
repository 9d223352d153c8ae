"""The floors the benchmarks compare with: the Kwadraad case's average cumulative balance
written by hand in numpy, as one would without the model (no formula trees, no line keys, no
pinning machinery), over the same input arrays the engine reads.

It works for one case (arrays over years) and for draws (arrays shaped (draws, 1) broadcast
against the years), and is checked against the engine before it is timed.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

Inputs = Mapping[tuple[str, ...], np.ndarray]
AVERAGED = ("hulp-online-with-development", "new-platform")
"""The platform scenarios the published `average` is the mean of."""


def _course(i: Inputs, course: str, w: np.ndarray, year: np.ndarray, published: bool):
    def p(*name: str) -> np.ndarray:
        return i[("courses", course, *name)]

    size, groups, minutes = p("group_size"), p("groups_per_year"), p("minutes_per_participant")
    online, offline = p("online_sessions"), p("offline_sessions")
    efficiency, gain = p("online_efficiency"), p("offline_time_gain")
    prep_off, prep_on = p("offline_preparation_hours"), p("online_preparation_hours")
    online_saving = minutes * efficiency / 60 * w * online * size * groups
    scheduling = (prep_off - prep_on) * w * online * groups
    if published and course == "ass_jv":  # erratum E1: the sheet prints 900 in every year
        scheduling = np.full(np.broadcast_shapes(np.shape(scheduling), year.shape), 900.0)
    offline_saving = minutes * gain / 60 * w * offline * size * groups
    referral = p("referral_hours_per_participant") * w * size * groups
    new_groups = np.where(year >= p("growth", "from_year"), p("growth", "groups_per_year"), 0.0)
    growth_saving = p("growth", "hours_saved_per_new_participant") * w * new_groups * size
    if published:  # errata E2, E3: the growth block's own minutes and sessions
        growth_minutes, growth_sessions = (
            p("growth", "online_minutes_per_participant"),
            p("growth", "online_sessions"),
        )
    else:
        growth_minutes, growth_sessions = minutes * (1 - efficiency), online
    per_course = (minutes * (1 - gain) * size + prep_off * 60) * offline + (
        growth_minutes * size + prep_on * 60
    ) * growth_sessions
    growth_cost = per_course / 60 * w * new_groups
    return online_saving + scheduling + offline_saving + referral + growth_saving, growth_cost


def _platform_costs(i: Inputs, platform: str, w: np.ndarray, year: np.ndarray) -> np.ndarray:
    def p(name: str) -> np.ndarray:
        return i[("platforms", platform, name)]

    vat = 1 + i[("vat_rate",)]
    spread = year <= p("training_spread_years")
    cash = (
        p("purchase_and_training")
        + p("trainer_days") * p("trainer_day_rate") * vat
        + np.ceil(p("staff_trained") / p("training_group_size")) * p("training_price_per_group")
    )
    time = p("staff_trained") * p("training_hours_per_staff") * w
    training = np.where(spread, cash / p("training_spread_years"), 0.0) + np.where(
        spread, time / p("training_spread_years"), 0.0
    )
    licence = p("licence_clients") * p("licence_per_client") * vat
    if platform == "new-platform":  # the published licence is rounded to whole euros
        licence = np.sign(licence) * np.floor(np.abs(licence) + 0.5)
    licence_index = (1 + i[("licence_indexation",)]) ** (year - 1)
    development = np.where(year == p("development_year"), p("development_cost"), 0.0)
    return development + training + (licence + p("licence_per_year")) * licence_index


def average_cumulative(i: Inputs, years: np.ndarray, published: bool = True) -> np.ndarray:
    """The `average` platform scenario's cumulative balance of the Kwadraad case (published,
    or corrected with `published=False`), hand-written. Years on the last axis, or, given
    `years` shaped (years, 1) (and the inputs laid out so), on the first."""
    w = i[("hourly_wage",)] * (1 + i[("wage_indexation",)]) ** (years - 1)
    savings = 0.0
    growth_costs = 0.0
    for course in ("ass_jv", "ass_ov"):
        saving, growth_cost = _course(i, course, w, years, published)
        savings = savings + saving
        growth_costs = growth_costs + growth_cost
    spread = i[("implementation_spread_years",)]
    implementation = np.where(years <= spread, i[("implementation_hours",)] * w / spread, 0.0)
    platforms = sum(_platform_costs(i, p, w, years) for p in AVERAGED) / len(AVERAGED)
    balance = savings - (platforms + implementation + growth_costs)
    axis = -1 if years.ndim == 1 else 0
    shape = np.broadcast_shapes(balance.shape, years.shape)
    return np.cumsum(np.broadcast_to(balance, shape), axis=axis)
