"""The published sheet (seed 002, appendix C), line by line, and the corrected case.

Each printed figure is one test named as a sentence; `../shared/reference/` has the English
restatement. Money is compared to the cent.
"""

from __future__ import annotations

import json

import pytest

from businesscase.engine import Results
from businesscase.report.tidy import to_cents
from tests.conftest import ROOT

REFERENCE = ROOT / "tests" / "reference" / "published-results.json"  # copy of shared/reference

# (course, line, year, printed value): year 1 stands for the years 1-2 sheet, year 3 for
# "year 3 onwards" and for the growth sheet.
PRINTED_COURSE_LINES = [
    ("ass_jv", "online_minutes_per_participant", 1, 24),
    ("ass_ov", "online_minutes_per_participant", 1, 24),
    ("ass_jv", "online_minutes_saved_per_participant", 1, 16),
    ("ass_ov", "online_minutes_saved_per_participant", 1, 16),
    ("ass_jv", "online_saving_per_participant_per_session", 1, 20),
    ("ass_ov", "online_saving_per_participant_per_session", 1, 20),
    ("ass_jv", "online_saving_per_participant_per_course", 1, 60),
    ("ass_ov", "online_saving_per_participant_per_course", 1, 40),
    ("ass_jv", "online_saving_per_course", 1, 720),
    ("ass_ov", "online_saving_per_course", 1, 480),
    ("ass_jv", "online_efficiency_saving", 1, 5_760),
    ("ass_ov", "online_efficiency_saving", 1, 3_840),
    ("ass_jv", "scheduling_hours_saved_per_online_session", 1, 1.5),
    ("ass_ov", "scheduling_hours_saved_per_online_session", 1, 1.5),
    ("ass_jv", "scheduling_saving_per_online_session", 1, 112.50),
    ("ass_ov", "scheduling_saving_per_online_session", 1, 112.50),
    ("ass_jv", "scheduling_saving_per_course", 1, 337.50),
    ("ass_ov", "scheduling_saving_per_course", 1, 225),
    ("ass_jv", "scheduling_saving", 1, 900),
    ("ass_ov", "scheduling_saving", 1, 1_800),
    ("ass_jv", "offline_minutes_saved_per_participant", 1, 8),
    ("ass_ov", "offline_minutes_saved_per_participant", 1, 8),
    ("ass_jv", "offline_saving_per_participant_per_session", 1, 10),
    ("ass_ov", "offline_saving_per_participant_per_session", 1, 10),
    ("ass_jv", "offline_saving_per_participant_per_course", 1, 50),
    ("ass_ov", "offline_saving_per_participant_per_course", 1, 80),
    ("ass_jv", "offline_saving_per_course", 1, 600),
    ("ass_ov", "offline_saving_per_course", 1, 960),
    ("ass_jv", "offline_time_saving", 1, 4_800),
    ("ass_ov", "offline_time_saving", 1, 7_680),
    ("ass_jv", "referral_saving_per_participant", 1, 75),
    ("ass_ov", "referral_saving_per_participant", 1, 75),
    ("ass_jv", "participants_per_year", 1, 96),
    ("ass_ov", "participants_per_year", 1, 96),
    ("ass_jv", "referral_saving", 1, 7_200),
    ("ass_ov", "referral_saving", 1, 7_200),
    ("ass_jv", "online_saving_per_participant_per_course", 3, 80),
    ("ass_ov", "online_saving_per_participant_per_course", 3, 120),
    ("ass_jv", "online_saving_per_course", 3, 960),
    ("ass_ov", "online_saving_per_course", 3, 1_440),
    ("ass_jv", "online_efficiency_saving", 3, 7_680),
    ("ass_ov", "online_efficiency_saving", 3, 11_520),
    ("ass_jv", "scheduling_saving_per_course", 3, 450),
    ("ass_ov", "scheduling_saving_per_course", 3, 675),
    ("ass_jv", "scheduling_saving", 3, 900),
    ("ass_ov", "scheduling_saving", 3, 5_400),
    ("ass_jv", "offline_saving_per_participant_per_course", 3, 40),
    ("ass_ov", "offline_saving_per_participant_per_course", 3, 40),
    ("ass_jv", "offline_saving_per_course", 3, 480),
    ("ass_ov", "offline_saving_per_course", 3, 480),
    ("ass_jv", "offline_time_saving", 3, 3_840),
    ("ass_ov", "offline_time_saving", 3, 3_840),
    ("ass_jv", "referral_saving", 3, 7_200),
    ("ass_ov", "referral_saving", 3, 7_200),
    ("ass_jv", "growth_offline_minutes_per_participant", 3, 32),
    ("ass_ov", "growth_offline_minutes_per_participant", 3, 32),
    ("ass_jv", "growth_online_minutes_per_participant", 3, 20),
    ("ass_ov", "growth_online_minutes_per_participant", 3, 20),
    ("ass_jv", "growth_offline_minutes_per_group_session", 3, 504),
    ("ass_ov", "growth_offline_minutes_per_group_session", 3, 504),
    ("ass_jv", "growth_online_minutes_per_group_session", 3, 270),
    ("ass_ov", "growth_online_minutes_per_group_session", 3, 270),
    ("ass_jv", "growth_offline_minutes_per_course", 3, 2_016),
    ("ass_ov", "growth_offline_minutes_per_course", 3, 2_016),
    ("ass_jv", "growth_online_minutes_per_course", 3, 1_350),
    ("ass_ov", "growth_online_minutes_per_course", 3, 540),
    ("ass_jv", "growth_minutes_per_course", 3, 3_366),
    ("ass_ov", "growth_minutes_per_course", 3, 2_556),
    ("ass_jv", "growth_minutes_per_participant", 3, 280.5),
    ("ass_ov", "growth_minutes_per_participant", 3, 213),
    ("ass_jv", "growth_wage_cost_per_course", 3, 4_207.50),
    ("ass_ov", "growth_wage_cost_per_course", 3, 3_195),
    ("ass_jv", "growth_new_groups", 3, 4),
    ("ass_ov", "growth_new_groups", 3, 4),
    ("ass_jv", "growth_new_participants", 3, 48),
    ("ass_ov", "growth_new_participants", 3, 48),
    ("ass_jv", "growth_saving_per_new_participant", 3, 225),
    ("ass_ov", "growth_saving_per_new_participant", 3, 225),
    ("ass_jv", "growth_cost_per_year", 3, 16_830),
    ("ass_ov", "growth_cost_per_year", 3, 12_780),
    ("ass_jv", "growth_saving_per_year", 3, 10_800),
    ("ass_ov", "growth_saving_per_year", 3, 10_800),
    ("ass_jv", "growth_balance_per_year", 3, -6_030),
    ("ass_ov", "growth_balance_per_year", 3, -1_980),
]

PRINTED_SHARED_LINES = [
    ("online_efficiency", 1, 9_600),
    ("scheduling", 1, 2_700),
    ("offline_time_gain", 1, 12_480),
    ("referral", 1, 14_400),
    ("savings", 1, 39_180),
    ("online_efficiency", 3, 19_200),
    ("scheduling", 3, 6_300),
    ("offline_time_gain", 3, 7_680),
    ("referral", 3, 14_400),
    ("growth", 3, 21_600),
    ("growth_courses_cost", 3, 29_610),
    ("savings", 3, 69_180),
    ("implementation_total", 1, 33_750),
    ("implementation_cost", 1, 11_250),
    ("implementation_cost", 4, 0),
    ("new-platform.training_total", 1, 16_114),
    ("new-platform.training", 3, 16_114 / 3),
    ("new-platform.training", 4, 0),
    ("new-platform.licence", 1, 3_485),
    ("new-platform.licence", 3, 5_227),
    ("new-platform.development", 1, 80_000),
    ("new-platform.development", 2, 0),
    ("hulp-online-with-development.development", 1, 40_000),
    ("hulp-online-with-development.training_total", 1, 20_000),
    ("hulp-online-existing.development", 1, 0),
    ("hulp-online-existing.licence", 3, 0),
    ("hulp-online-existing.implementation", 3, 11_250),
    ("hulp-online-existing.growth_courses", 3, 29_610),
    ("average.training", 1, (20_000 + 16_114) / 6),
    ("average.development", 1, 60_000),
]

COURSE_NAMES = {"ass_jv": "Ass JV", "ass_ov": "Ass OV"}
PERIODS = {1: "in years 1-2", 3: "from year 3 on", 2: "in year 2", 4: "in year 4"}


def _sentence(line: str, year: int, value: float, course: str | None = None) -> str:
    owner = f" of {COURSE_NAMES[course]}" if course else ""
    return f"the {line.replace('_', ' ')}{owner} {PERIODS[year]} is {value:,.2f}"


@pytest.mark.parametrize(
    ("course", "line", "year", "printed"),
    PRINTED_COURSE_LINES,
    ids=[
        _sentence(line, year, value, course) for course, line, year, value in PRINTED_COURSE_LINES
    ],
)
def test_course_line_as_printed(
    published_results: Results, course: str, line: str, year: int, printed: float
) -> None:
    assert to_cents(published_results.line(f"{course}.{line}")[year - 1]) == printed


@pytest.mark.parametrize(
    ("key", "year", "printed"),
    PRINTED_SHARED_LINES,
    ids=[_sentence(key, year, value) for key, year, value in PRINTED_SHARED_LINES],
)
def test_shared_and_platform_line_as_printed(
    published_results: Results, key: str, year: int, printed: float
) -> None:
    assert to_cents(published_results.line(key)[year - 1]) == to_cents(printed)


def test_course_lines_repeat_within_each_period(published_results: Results) -> None:
    """Years 1-2 share one session plan and years 3-6 another, so the course lines repeat."""
    for key, line in published_results.lines.items():
        if line.activity_id is None:
            continue
        values = published_results.values[key]
        assert values[0] == values[1], key
        assert values[3] == values[4] == values[5], key


def test_growth_totals_of_the_sheet(published_results: Results) -> None:
    """Totale kosten 29,610, besparingen 21,600, saldo -8,010 a year from year 3."""
    cost = published_results.line("growth_courses_cost")
    saving = published_results.line("growth")
    assert list(cost) == [0, 0, 29_610, 29_610, 29_610, 29_610]
    assert list(saving) == [0, 0, 21_600, 21_600, 21_600, 21_600]
    assert saving[2] - cost[2] == -8_010


REFERENCE_DATA = json.loads(REFERENCE.read_text())
PLATFORMS = ["average", "hulp-online-with-development", "new-platform", "hulp-online-existing"]


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("series", ["savings", "costs", "balance", "cumulative"])
def test_platform_series_match_published_results(
    published_results: Results, platform: str, series: str
) -> None:
    printed = REFERENCE_DATA["platforms"][platform][series]
    computed = [to_cents(v) for v in published_results.platform_line(platform, series)]
    assert computed == printed


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize(("first", "last"), [(1, 5), (1, 6)])
def test_platform_totals_match_published_results(
    published_results: Results, platform: str, first: int, last: int
) -> None:
    printed = REFERENCE_DATA["platforms"][platform][f"total_{first}_{last}"]
    for name, value in printed.items():
        assert to_cents(float(published_results.total(platform, name, first, last))) == value


def test_savings_by_line_match_published_results(published_results: Results) -> None:
    names = {"offline_info": "offline_time_gain"}
    for printed_name, printed in REFERENCE_DATA["savings_by_line"].items():
        line = names.get(printed_name, printed_name)
        assert [to_cents(v) for v in published_results.line(line)] == printed, line


def test_break_even_years_as_published(published_results: Results) -> None:
    """The cumulative balance first reaches zero in these years (24.50 for the average)."""
    assert {p: published_results.break_even_year(p) for p in PLATFORMS} == {
        "average": 3,
        "hulp-online-with-development": 2,
        "new-platform": 4,
        "hulp-online-existing": 1,
    }


def test_erratum_e1_is_the_only_pinned_line(published_results: Results) -> None:
    assert list(published_results.pins) == ["ass_jv.scheduling_saving"]
    assert published_results.pins["ass_jv.scheduling_saving"].years == (1, 2, 3, 4, 5, 6)


# ---------------------------------------------------------------- the corrected case


def test_corrected_savings_are_40980_then_71880(corrected_results: Results) -> None:
    assert list(corrected_results.line("savings")) == [40_980, 40_980] + [71_880] * 4


def test_corrected_growth_courses_cost_36060_a_year(corrected_results: Results) -> None:
    assert list(corrected_results.line("growth_courses_cost")) == [0, 0] + [36_060] * 4


@pytest.mark.parametrize(
    ("key", "year", "value"),
    [
        ("ass_jv.scheduling_saving", 1, 2_700),  # E1: 337.50 x 8
        ("ass_jv.scheduling_saving", 3, 3_600),  # E1: 450 x 8
        ("ass_jv.growth_online_minutes_per_participant", 3, 24),  # E2: 40 x (1 - 40%)
        ("ass_jv.growth_online_minutes_per_group_session", 3, 318),
        ("ass_jv.growth_online_sessions", 3, 4),  # E3
        ("ass_ov.growth_online_sessions", 3, 6),  # E3
        ("ass_jv.growth_online_minutes_per_course", 3, 1_272),
        ("ass_ov.growth_online_minutes_per_course", 3, 1_908),
        ("ass_jv.growth_cost_per_year", 3, 16_440),
        ("ass_ov.growth_cost_per_year", 3, 19_620),
    ],
)
def test_corrected_lines(corrected_results: Results, key: str, year: int, value: float) -> None:
    assert to_cents(corrected_results.line(key)[year - 1]) == value


def test_corrected_case_keeps_printed_licences_and_costs(corrected_results: Results) -> None:
    """Only E1-E3 change: licences, development, training and implementation stay as printed."""
    assert list(corrected_results.line("new-platform.licence")) == [3_485, 3_485] + [5_227] * 4
    assert corrected_results.line("new-platform.training_total")[0] == 16_114
    assert corrected_results.line("implementation_total")[0] == 33_750
    assert corrected_results.pins == {}


def test_corrected_average_breaks_even_a_year_later(corrected_results: Results) -> None:
    """Published, the average just reaches 24.50 in year 3; corrected it is -125.50 then."""
    cumulative = [to_cents(v) for v in corrected_results.platform_line("average", "cumulative")]
    assert cumulative == [-38_031.50, -16_063.00, -125.50, 33_081.00, 66_287.50, 99_494.00]
    assert corrected_results.break_even_year("average") == 4


@pytest.mark.parametrize("fixture", ["published", "corrected"])
def test_every_parameter_set_in_the_reference_files_carries_its_source(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    from businesscase.report.inventory import parameter_entries

    entries = parameter_entries(request.getfixturevalue(fixture))
    unsourced = [e.key for e in entries if e.origin != "default" and not e.source]
    assert unsourced == ["horizon_years"]  # the horizon is a choice, not a figure of the sheet
    assert all("seed 002" in e.source for e in entries if e.source)
