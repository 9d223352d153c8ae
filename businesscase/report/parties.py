"""Who pays and who benefits, per platform scenario: the organisation (money, and capacity from
redeployed hours), the funder (what it pays less or is repaid) and the clients (sessions and
travel saved), each a line of the engine with its total over the widest reported years."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from businesscase.engine import Results
from businesscase.model import measures

Party = Literal["organisation", "funder", "clients"]

PARTY_NAMES: dict[Party, tuple[str, str]] = {
    "organisation": ("Organisation", "Organisatie"),
    "funder": ("Funder", "Financier"),
    "clients": ("Clients", "Cliënten"),
}
"""Each party's name in English and Dutch."""


@dataclass(frozen=True)
class PartyFigure:
    """One thing a party gains (or loses) under a platform scenario, by year."""

    party: Party
    key: str
    label: str
    label_nl: str
    unit: str
    values: np.ndarray
    total: float
    """Over the widest reported years (1-6 in the published case)."""


def parties(results: Results, platform_id: str) -> list[PartyFigure]:
    """The balance by party of one platform scenario, in the order a board reads it: the
    organisation's money and capacity, the funder's money, the clients' sessions and hours."""
    first, last = measures.widest_total(results.scenario)
    wanted: list[tuple[Party, str]] = [
        ("organisation", f"{platform_id}.cash_balance"),
        ("organisation", "redeployed_hours"),
        ("organisation", "extra_trajectories"),
        ("funder", f"{platform_id}.funder_gain"),
        ("clients", "client_sessions_saved"),
        ("clients", "client_hours_saved"),
    ]
    figures = []
    for party, key in wanted:
        line = results.lines[key]
        values = results.values[key]
        total = float(measures.total_over_years(line, values, first, last))
        figures.append(PartyFigure(party, key, line.label, line.label_nl, line.unit, values, total))
    return figures
