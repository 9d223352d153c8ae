"""An independent computation of the Kwadraad case, written straight from the reference text
(`published-business-case.md`) in plain Python loops: no numpy, no catalogue, no formula
trees. Tests compare the engine with it over many random variants."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CaseInputs:
    """The inputs of the case that the random variants change."""

    hourly_wage: float = 75
    groups_per_year: dict[str, float] | None = None
    new_groups_per_year: dict[str, float] | None = None
    online_efficiency: float = 0.4
    offline_time_gain: float = 0.2
    group_size: float = 12
    licence_per_client: float = 30


PLAN = {  # (offline, online) sessions in years 1-2 and from year 3
    "ass_jv": ((5, 3), (4, 4)),
    "ass_ov": ((8, 2), (4, 6)),
}


def corrected_case(inputs: CaseInputs, years: int = 6) -> dict[str, list[float]]:
    """Savings, and costs per platform, year by year, of the corrected case."""
    w = inputs.hourly_wage
    groups = inputs.groups_per_year or {"ass_jv": 8, "ass_ov": 8}
    new_groups = inputs.new_groups_per_year or {"ass_jv": 4, "ass_ov": 4}
    n = inputs.group_size
    savings, growth_costs = [], []
    for year in range(1, years + 1):
        total_saving = 0.0
        total_growth_cost = 0.0
        for course, plans in PLAN.items():
            offline, online = plans[0] if year < 3 else plans[1]
            g = groups[course]
            online_saving = 40 * inputs.online_efficiency / 60 * w * online * n * g
            scheduling = (2 - 0.5) * w * online * g
            offline_saving = 40 * inputs.offline_time_gain / 60 * w * offline * n * g
            referral = 1 * w * n * g
            total_saving += online_saving + scheduling + offline_saving + referral
            if year >= 3:
                offline_group = 40 * (1 - inputs.offline_time_gain) * n + 120
                online_group = 40 * (1 - inputs.online_efficiency) * n + 30
                minutes = offline_group * offline + online_group * online
                total_growth_cost += minutes / 60 * w * new_groups[course]
                total_saving += 3 * w * n * new_groups[course]
        savings.append(total_saving)
        growth_costs.append(total_growth_cost)
    implementation = [450 * w / 3 if y <= 3 else 0.0 for y in range(1, years + 1)]
    new_training = 2 * 1700 * 1.21 + 20 * 8 * w
    costs = {
        "hulp-online-with-development": [
            (40_000 if y == 1 else 0) + (20_000 / 3 if y <= 3 else 0) for y in range(1, years + 1)
        ],
        "hulp-online-existing": [20_000 / 3 if y <= 3 else 0.0 for y in range(1, years + 1)],
        "new-platform": [
            (80_000 if y == 1 else 0)
            + (new_training / 3 if y <= 3 else 0)
            + _round_half_up((96 if y < 3 else 144) * inputs.licence_per_client * 1.21)
            for y in range(1, years + 1)
        ],
    }
    for platform in costs:
        costs[platform] = [
            c + i + g for c, i, g in zip(costs[platform], implementation, growth_costs, strict=True)
        ]
    costs["average"] = [
        (a + b) / 2
        for a, b in zip(costs["hulp-online-with-development"], costs["new-platform"], strict=True)
    ]
    return {"savings": savings, **{f"{p}.costs": c for p, c in costs.items()}}


def _round_half_up(value: float) -> float:
    return float(int(value + 0.5))
