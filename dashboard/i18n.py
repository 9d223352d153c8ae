"""The app's words in English and Dutch, and numbers formatted for the chosen language.

Labels of lines and parameters come from the engine's catalogue and inventory (`label_nl`);
this module holds only the app's own texts. Euros are formatted by Babel (`€ 1.234,56` in Dutch,
`€1,234.56` in English), after rounding to the cent as the engine prints them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from babel.numbers import format_currency, format_decimal

from businesscase.catalogue import LineInfo
from businesscase.inventory import ParameterEntry
from businesscase.tidy import to_cents

Language = Literal["en", "nl"]
LANGUAGES: dict[Language, str] = {"en": "English", "nl": "Nederlands"}
LOCALES: dict[Language, str] = {"en": "en_GB", "nl": "nl_NL"}

TEXT: dict[str, tuple[str, str]] = {
    "page_title": ("Business case: online courses", "Businesscase: online cursussen"),
    "language": ("Language", "Taal"),
    "scenario": ("Scenario", "Scenario"),
    "uploaded": ("uploaded", "geüpload"),
    "upload": ("Upload a scenario file (YAML)", "Upload een scenariobestand (YAML)"),
    "upload_help": (
        "A scenario in the format of the files in scenarios/; `extends` may name one of them.",
        "Een scenario in het formaat van de bestanden in scenarios/; `extends` mag er een noemen.",
    ),
    "upload_refused": (
        "The uploaded file {name} was not loaded; the scenario on screen is unchanged.",
        "Het geüploade bestand {name} is niet geladen; het scenario op het scherm is ongewijzigd.",
    ),
    "assumptions": ("Assumptions", "Aannames"),
    "reset": ("Reset to the file's values", "Terug naar de waarden uit het bestand"),
    "downloads": ("Downloads", "Downloads"),
    "download_yaml": ("Scenario file (YAML)", "Scenariobestand (YAML)"),
    "download_excel": ("Workbook (Excel)", "Werkmap (Excel)"),
    "varies": (
        "The file has {written}; a value typed here applies to every year.",
        "Het bestand heeft {written}; een waarde die u hier typt geldt voor elk jaar.",
    ),
    "source": ("Source", "Bron"),
    "in_years": ("{value} in years {first}-{last}", "{value} in jaar {first}-{last}"),
    "in_year_only": ("{value} in year {year}", "{value} in jaar {year}"),
    "from_year": ("{value} from year {year}", "{value} vanaf jaar {year}"),
    "set_in": ("Set in", "Ingesteld in"),
    "edits_invalid": (
        "These changes are not valid; the figures shown are those of the last valid state.",
        "Deze wijzigingen zijn ongeldig; de cijfers horen bij de laatste geldige stand.",
    ),
    "file_invalid": (
        "The scenario file cannot be loaded.",
        "Het scenariobestand kan niet worden geladen.",
    ),
    "differs": ("Changed from the file", "Gewijzigd ten opzichte van het bestand"),
    "as_command": ("The same on the command line", "Hetzelfde op de opdrachtregel"),
    "parameter": ("Parameter", "Parameter"),
    "unit": ("Unit", "Eenheid"),
    "balance_years": ("Balance years {first}-{last}", "Saldo jaar {first}-{last}"),
    "break_even": ("Break-even", "Terugverdiend"),
    "break_even_year": ("year {year}", "jaar {year}"),
    "break_even_none": ("not within {years} years", "niet binnen {years} jaar"),
    "tab_results": ("Results", "Resultaten"),
    "tab_assumptions": ("Assumptions", "Aannames"),
    "tab_compare": ("Compare", "Vergelijken"),
    "tab_explain": ("Explain", "Uitleg"),
    "year_table": ("Year by year", "Per jaar"),
    "platform": ("Platform scenario", "Platformscenario"),
    "line": ("Line", "Regel"),
    "owner": ("Platform or course", "Platform of cursus"),
    "year": ("Year", "Jaar"),
    "year_n": ("Year {year}", "Jaar {year}"),
    "total_n": ("Total {first}-{last}", "Totaal {first}-{last}"),
    "lines_detail": ("Savings and costs by line", "Besparingen en kosten per regel"),
    "chart_cumulative": (
        "Cumulative balance per platform scenario",
        "Cumulatief saldo per platformscenario",
    ),
    "chart_savings_costs": ("Savings against costs per year", "Besparingen en kosten per jaar"),
    "chart_savings_lines": ("Savings by line", "Besparingen per soort"),
    "costs_of": ("Costs: {platform}", "Kosten: {platform}"),
    "break_even_marker": ("break-even", "terugverdiend"),
    "course_tables": ("Courses", "Cursussen"),
    "course_tables_help": (
        "Edit a year's value; every change recomputes at once. Percentages are in %.",
        "Wijzig de waarde van een jaar; elke wijziging rekent direct door. Percentages in %.",
    ),
    "all_inputs": ("All inputs, with units and sources", "Alle invoer, met eenheden en bronnen"),
    "value": ("Value", "Waarde"),
    "compare_a": ("Scenario A", "Scenario A"),
    "compare_b": ("Scenario B", "Scenario B"),
    "current": ("Current state (with your changes)", "Huidige stand (met uw wijzigingen)"),
    "file_option": ("{name} (file)", "{name} (bestand)"),
    "upload_option": ("{name} (uploaded)", "{name} (geüpload)"),
    "compare_same": (
        "A and B give the same results.",
        "A en B geven dezelfde uitkomsten.",
    ),
    "inputs_changed": ("Inputs that differ", "Invoer die verschilt"),
    "pins_changed": ("Pinned values that differ", "Vastgezette waarden die verschillen"),
    "difference_per_year": ("Difference per year (B - A)", "Verschil per jaar (B - A)"),
    "difference_per_line": ("Difference per line (B - A)", "Verschil per regel (B - A)"),
    "all_lines": ("Show every line (also per course)", "Toon alle regels (ook per cursus)"),
    "explain_pick": ("Figure", "Cijfer"),
    "formula": ("Formula", "Formule"),
    "inputs_read": ("Inputs", "Invoer"),
    "lines_read": ("Lines it reads", "Regels die het gebruikt"),
    "explain_this": ("Explain {label}", "Leg uit: {label}"),
    "pinned": (
        "Pinned to {value} in {years}: {reason}",
        "Vastgezet op {value} in {years}: {reason}",
    ),
    "in_year": ("{label}, year {year}", "{label}, jaar {year}"),
}

UNITS: dict[str, tuple[str, str]] = {
    "EUR": ("€", "€"),
    "EUR/h": ("€/h", "€/uur"),
    "EUR/day": ("€/day", "€/dag"),
    "EUR/year": ("€/year", "€/jaar"),
    "EUR/client": ("€/client", "€/cliënt"),
    "h": ("h", "uur"),
    "min": ("min", "min"),
    "%": ("%", "%"),
    "participants": ("participants", "deelnemers"),
    "groups": ("groups", "groepen"),
    "sessions": ("sessions", "sessies"),
    "clients": ("clients", "cliënten"),
    "days": ("days", "dagen"),
    "staff": ("staff", "medewerkers"),
    "year": ("year", "jaar"),
    "years": ("years", "jaar"),
}


def t(lang: Language, key: str, **values: object) -> str:
    """The app's text `key` in the language, with `{name}` fields filled in."""
    english, dutch = TEXT[key]
    text = dutch if lang == "nl" else english
    return text.format(**values) if values else text


def unit_text(unit: str, lang: Language) -> str:
    """A unit as the reader writes it (`€/uur`); unknown units are shown as they are."""
    names = UNITS.get(unit)
    if names is None:
        return unit
    return names[1] if lang == "nl" else names[0]


def money(value: float, lang: Language) -> str:
    """Euros to the cent, in the language's format: `€ 1.234,56` or `€1,234.56`."""
    return _euros(to_cents(value) + 0.0, lang)  # + 0.0 turns -0.0 into 0.0


@lru_cache(maxsize=8192)
def _euros(cents: float, lang: Language) -> str:
    """Babel's formatting, remembered: a table repeats amounts, and Babel takes 0.1 ms each."""
    return format_currency(cents, "EUR", locale=LOCALES[lang])


def number(value: float, lang: Language) -> str:
    """A plain number with the language's separators, up to four decimals."""
    return format_decimal(value, format="#,##0.####", locale=LOCALES[lang])


def quantity(value: float, unit: str, lang: Language) -> str:
    """A parameter value with its unit: `40%`, `€ 75,00`, `12 deelnemers`."""
    if unit == "%":
        return f"{number(round(value * 100, 10), lang)}%"
    if unit.startswith("EUR"):
        amount = money(value, lang)
        return amount if unit == "EUR" else f"{amount}{unit_text(unit, lang)[1:]}"
    shown = number(value, lang)
    return f"{shown} {unit_text(unit, lang)}" if unit else shown


def label(info: LineInfo | ParameterEntry, lang: Language) -> str:
    """The Dutch or English label of a catalogue line or an inventory entry."""
    return info.label_nl if lang == "nl" and info.label_nl else info.label


def break_even_text(year: int | None, horizon: int, lang: Language) -> str:
    """`year 3`, or `not within 6 years` when the cumulative balance stays below zero."""
    if year is None:
        return t(lang, "break_even_none", years=horizon)
    return t(lang, "break_even_year", year=year)
