"""The report's own words in English and Dutch, and numbers written as each language writes them.

Labels of lines and parameters come from the engine (`label`, `label_nl`); this module holds only
the text the report adds around them, so a language is one lookup table. Euros are formatted by
Babel after rounding to the cent as the engine prints them (`€ 1.234,56` in Dutch, `€1,234.56`
in English), as the app shows them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, format_decimal, format_percent

from businesscase import LANGUAGES, Language, to_cents, unit_text

LOCALES: dict[Language, str] = {"en": "en_GB", "nl": "nl_NL"}

_TEXT: dict[str, tuple[str, str]] = {
    # page 1
    "title": ("Business case: {name}", "Businesscase: {name}"),
    "subtitle": (
        "A report for the board: {platforms} platform scenarios over {years} years",
        "Rapport voor het bestuur: {platforms} platformscenario's over {years} jaar",
    ),
    "basis": ("Figures from {file}", "Cijfers uit {file}"),
    "basis_no_changes": (
        "as written in the file, nothing changed.",
        "zoals in het bestand, niets gewijzigd.",
    ),
    "basis_changes": (
        "with these changes to the file: {changes}.",
        "met deze wijzigingen van het bestand: {changes}.",
    ),
    "basis_pins": (
        "{count} figure(s) pinned to a printed value: see the notes on the last page.",
        "{count} cijfer(s) vastgezet op een gedrukte waarde: zie de opmerkingen op de laatste "
        "pagina.",
    ),
    "decision": (
        "The decision: platform scenarios ranked by balance over years {first}-{last}",
        "De beslissing: platformscenario's gerangschikt op saldo over jaar {first}-{last}",
    ),
    "average_of": ("average of {members}", "gemiddelde van {members}"),
    "and": (" and ", " en "),
    "balance": (
        "Balance over years {first}-{last}: {balance}; in money over the same years: {cash}.",
        "Saldo over jaar {first}-{last}: {balance}; in geld over dezelfde jaren: {cash}.",
    ),
    "hours": (
        "Staff hours freed, net: {hours} over years {first}-{last} ({fte} in year {last}).",
        "Vrijgekomen uren per saldo: {hours} over jaar {first}-{last} ({fte} in jaar {last}).",
    ),
    "break_even": ("Breaks even in year {year}", "Terugverdiend in jaar {year}"),
    "break_even_none": (
        "Does not break even within {years} years",
        "Niet terugverdiend binnen {years} jaar",
    ),
    "cash_break_even": ("; in money in year {year}.", "; in geld in jaar {year}."),
    "cash_break_even_none": (
        "; in money not within {years} years.",
        "; in geld niet binnen {years} jaar.",
    ),
    "funder_gain": (
        "The funder gains {money} over years {first}-{last}.",
        "De financier wint {money} over jaar {first}-{last}.",
    ),
    "clients_gain": (
        "Clients save {hours} of sessions and travel over years {first}-{last}.",
        "Cliënten besparen {hours} aan gesprekken en reistijd over jaar {first}-{last}.",
    ),
    "chance": (
        "Chance of breaking even by year {year}: {chance}.",
        "Kans op terugverdienen uiterlijk in jaar {year}: {chance}.",
    ),
    "chance_source": (
        "The chances come from a simulation of {draws} draws over the {ranged} estimates with a "
        "range (seed {seed}).",
        "De kansen komen uit een simulatie van {draws} trekkingen over de {ranged} schattingen "
        "met een bandbreedte (seed {seed}).",
    ),
    "how_to_read": (
        "The balance counts the staff time freed and spent at the wage, besides money paid; the "
        "balance in money counts only money paid or saved. Break-even: the first year whose "
        "cumulative balance is zero or more.",
        "Het saldo telt vrijgekomen en bestede uren van medewerkers tegen het uurloon, naast "
        "betaald geld; het saldo in geld telt alleen geld dat wordt betaald of bespaard. "
        "Terugverdiend: het eerste jaar waarin het cumulatieve saldo nul of meer is.",
    ),
    "chart": (
        "Cumulative balance per platform scenario (€)",
        "Cumulatief saldo per platformscenario (€)",
    ),
    "chart_break_even": ("break-even", "terugverdiend"),
    "axis_year": ("year {year}", "jaar {year}"),
    "table": ("Year by year (€)", "Per jaar (€)"),
    "col_year": ("Year {year}", "Jaar {year}"),
    "col_total": ("Total {first}-{last}", "Totaal {first}-{last}"),
    "average_tag": ("(average)", "(gemiddelde)"),
    # page 2
    "assumptions": ("Assumptions and sources: {name}", "Aannames en bronnen: {name}"),
    "scenario": ("The scenario", "Het scenario"),
    "files": (
        "Scenario file <- the files it extends",
        "Scenariobestand <- de bestanden die het uitbreidt",
    ),
    "changes": (
        "Changed from the files (--set)",
        "Gewijzigd ten opzichte van de bestanden (--set)",
    ),
    "none": ("none", "geen"),
    "notes": ("Errata and notes that apply", "Errata en opmerkingen die van toepassing zijn"),
    "pinned": (
        "{label} ({key}) is pinned to {value} in {years}. {reason}",
        "{label} ({key}) is vastgezet op {value} in {years}. {reason}",
    ),
    "no_pins": (
        "No figure is pinned: every figure is computed from the inputs.",
        "Geen cijfer is vastgezet: elk cijfer is berekend uit de invoer.",
    ),
    "erratum_source": ("{label}: {source}", "{label}: {source}"),
    "inputs": ("The main inputs and their sources", "De belangrijkste invoer en de bronnen"),
    "col_input": ("Input", "Invoer"),
    "col_value": ("Value", "Waarde"),
    "col_source": ("Source", "Bron"),
    "no_source": ("no source given", "geen bron opgegeven"),
    "range": ("{low} to {high}", "{low} tot {high}"),
    "range_source": ("Range: {source}", "Bandbreedte: {source}"),
    "growth": ("new courses", "nieuwe cursussen"),
    "same_as": (
        "{count} more with the same value and source as for {other}",
        "nog {count} met dezelfde waarde en bron als bij {other}",
    ),
    "version": ("Made with businesscase {version}.", "Gemaakt met businesscase {version}."),
    "reproduce": ("The same report again: {command}", "Hetzelfde rapport opnieuw: {command}"),
    "page": ("page {page} of {pages}", "pagina {page} van {pages}"),
    # years, as a value's years are written
    "in_year": ("in year {year}", "in jaar {year}"),
    "in_years": ("in years {first}-{last}", "in jaar {first}-{last}"),
    "from_year": ("from year {year}", "vanaf jaar {year}"),
    "years_list": ("years {years}", "jaar {years}"),
    "year_single": ("year {year}", "jaar {year}"),
}


def check_language(language: str) -> Language:
    """The language, if the report is written in it; a ValueError names the choices."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (got {language!r})")
    return language


class Words:
    """The report's words and numbers in one language: `words("col_total", first=1, last=5)`,
    `words.money(99494)`."""

    def __init__(self, language: str) -> None:
        self.language: Language = check_language(language)
        self.locale = LOCALES[self.language]

    def __call__(self, key: str, /, **values: object) -> str:
        english, dutch = _TEXT[key]
        text = dutch if self.language == "nl" else english
        return text.format(**values) if values else text

    def label(self, label_en: str, label_nl: str) -> str:
        """A line's or parameter's label in this language (English when no Dutch is given)."""
        return label_nl if self.language == "nl" and label_nl else label_en

    def unit(self, unit: str) -> str:
        return unit_text(unit, self.language)

    # ------------------------------------------------------------------ numbers, for display

    def money(self, value: float) -> str:
        """Euros to the cent: `€ 1.234,56` or `€1,234.56` (`€ -85.996,00`, `-€85,996.00`)."""
        return _spaces(format_currency(to_cents(value) + 0.0, "EUR", locale=self.locale))

    def amount(self, value: float) -> str:
        """Euros to the cent without the sign, for a table headed `(€)`: `1.234,56`."""
        return _spaces(format_decimal(to_cents(value) + 0.0, "#,##0.00", locale=self.locale))

    def axis_amount(self, value: float) -> str:
        """A chart's tick in whole euros, for an axis headed `(€)`: `50.000` or `50,000`."""
        return self.number(value, 0)

    def number(self, value: float, decimals: int = 4) -> str:
        """A plain number with the language's separators, up to `decimals` decimals."""
        pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
        return _spaces(format_decimal(value, pattern, locale=self.locale))

    def fixed(self, value: float, decimals: int) -> str:
        """A number with exactly `decimals` decimals, halves away from zero: `2.473,2`."""
        rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
        return _spaces(format_decimal(rounded + 0, pattern, locale=self.locale))

    def count(self, value: int) -> str:
        """A whole number: `2,000` or `2.000`."""
        return self.number(value, 0)

    def percent(self, share: float, decimals: int = 1) -> str:
        """A share as a percentage, halves away from zero (Babel would round them to even):
        `99.9%` or `99,9%` for 0.9985."""
        rounded = Decimal(repr(float(share))).quantize(
            Decimal(1).scaleb(-2 - decimals), ROUND_HALF_UP
        )
        pattern = "#,##0." + "0" * decimals + "%" if decimals else "#,##0%"
        return _spaces(format_percent(rounded, format=pattern, locale=self.locale))

    def quantity(self, value: float, unit: str) -> str:
        """A parameter's value with its unit: `21%`, `€ 75,00/uur`, `12 deelnemers`, `jaar 3`."""
        if unit == "%":
            return f"{self.number(round(value * 100, 10))}%"
        if unit.startswith("EUR"):
            amount = self.money(value)
            return amount if unit == "EUR" else f"{amount}{self.unit(unit)[1:]}"
        if unit == "year":
            return self("year_single", year=self.number(value))
        shown = self.number(value)
        return f"{shown} {self.unit(unit)}" if unit else shown


def _spaces(text: str) -> str:
    """Babel's narrow no-break space (in some locales) as a no-break space, which every PDF
    font holds."""
    return text.replace("\u202f", "\u00a0")
