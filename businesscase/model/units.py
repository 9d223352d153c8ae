"""The one table of units: how each unit of a parameter or line is written in English and Dutch.

The CLI, the app and the workbook all read it, so a unit reads the same everywhere.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")

UNITS: dict[str, tuple[str, str]] = {
    "EUR": ("€", "€"),
    "EUR/h": ("€/h", "€/uur"),
    "EUR/day": ("€/day", "€/dag"),
    "EUR/year": ("€/year", "€/jaar"),
    "EUR/client": ("€/client", "€/cliënt"),
    "h": ("h", "uur"),
    "FTE": ("FTE", "fte"),
    "EUR/trajectory": ("€/trajectory", "€/traject"),
    "min": ("min", "min"),
    "%": ("%", "%"),
    "factor": ("factor", "factor"),
    "participants": ("participants", "deelnemers"),
    "groups": ("groups", "groepen"),
    "sessions": ("sessions", "sessies"),
    "clients": ("clients", "cliënten"),
    "days": ("days", "dagen"),
    "staff": ("staff", "medewerkers"),
    "platforms": ("platforms", "platforms"),
    "trajectories": ("trajectories", "trajecten"),
    "contacts": ("contacts", "contacten"),
    "accounts": ("accounts", "accounts"),
    "inhabitants": ("inhabitants", "inwoners"),
    "weeks": ("weeks", "weken"),
    "EUR/account": ("€/account", "€/account"),
    "EUR/group": ("€/group", "€/groep"),
    "EUR/inhabitant": ("€/inhabitant", "€/inwoner"),
    "year": ("year", "jaar"),
    "years": ("years", "jaar"),
}
"""Unit key -> (English, Dutch). Dutch says "3 jaar", never "3 jaren", after a number."""


def unit_text(unit: str, language: Language) -> str:
    """A unit as a reader writes it (`€/uur` in Dutch); an unknown unit is shown as it is."""
    names = UNITS.get(unit)
    if names is None:
        return unit
    return names[1] if language == "nl" else names[0]
