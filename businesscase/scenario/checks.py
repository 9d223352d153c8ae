"""Checks across keys, after each value is valid on its own: ids, averages, years beyond
the horizon, overrides of lines that exist and may be pinned."""

from __future__ import annotations

from businesscase.model.catalogue import build_lines
from businesscase.model.errors import KeyPath
from businesscase.model.lines import Kind
from businesscase.model.parameters import Scenario
from businesscase.scenario.messages import unknown


def check_scenario(scenario: Scenario) -> list[tuple[KeyPath, str]]:
    """Problems that involve several keys: ids, averages, years beyond the horizon, overrides."""
    found: list[tuple[KeyPath, str]] = []
    horizon = scenario.horizon_years
    platforms = scenario.platforms
    for platform_id in set(scenario.courses) & set(platforms):
        found.append((("platforms", platform_id), "this id is also a course id; ids must differ"))
    for platform_id, platform in platforms.items():
        here = ("platforms", platform_id)
        for i, member in enumerate(platform.average_of or []):
            if member not in platforms:
                others = [p for p in platforms if p != platform_id]
                found.append(
                    (
                        (*here, "average_of", i),
                        f"unknown platform {member!r}"
                        + unknown(member, others)[len("unknown key") :],
                    )
                )
            elif member == platform_id or platforms[member].average_of is not None:
                found.append(
                    (
                        (*here, "average_of", i),
                        f"{member!r} is an average itself; average plain platforms only",
                    )
                )
        development_year = int(platform.development_year.per_year(horizon).max())
        if development_year > horizon:
            found.append(((*here, "development_year"), _beyond(development_year, horizon)))
        for year in platform.one_off_costs:
            if year > horizon:
                found.append(((*here, "one_off_costs", year), _beyond(year, horizon)))
    for i, (first, last) in enumerate(scenario.totals):
        if first > last or last > horizon:
            found.append((("totals", i), f"must be [first, last] within years 1-{horizon}"))
    keys = build_lines(scenario)
    seen: dict[str, int] = {}
    for i, override in enumerate(scenario.overrides):
        if override.line not in keys:
            found.append((("overrides", i, "line"), unknown(override.line, list(keys), "line")))
        elif keys[override.line].kind is Kind.STOCK:
            found.append(
                (
                    ("overrides", i, "line"),
                    "a running total follows from the lines it "
                    "adds up; pin those (for example the balance) instead",
                )
            )
        if override.line in seen:
            found.append(
                (
                    ("overrides", i, "line"),
                    f"line pinned twice (also in overrides item {seen[override.line] + 1})",
                )
            )
        seen.setdefault(override.line, i)
        for j, year in enumerate(override.years or []):
            if year > horizon:
                found.append((("overrides", i, "years", j), _beyond(year, horizon)))
    return found


def _beyond(year: int, horizon: int) -> str:
    return f"year {year} is beyond the horizon of {horizon} years"
