"""The app's words in English and Dutch, and numbers formatted for the chosen language.

Labels of lines and parameters come from the engine's catalogue and inventory (`label_nl`);
this module holds only the app's own texts. Euros are formatted by Babel (`€ 1.234,56` in Dutch,
`€1,234.56` in English), after rounding to the cent as the engine prints them.

What a director types is read here too, by one function (`read_number`) in the notation of the
page's language: `80,5` and `1.234,5` on the Dutch page, `80.5` and `1,234.5` on the English
page. Anything else (the other language's decimal sign, a lone group of three digits that the two
notations read differently, text) is refused with a reason in the page's language, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import format_currency, format_decimal, format_percent

from businesscase import (
    Course,
    Language,
    LineSpec,
    ParameterEntry,
    Platform,
    Scenario,
    text_in,
    to_cents,
    unit_text,
)

LANGUAGES: dict[Language, str] = {"en": "English", "nl": "Nederlands"}
LOCALES: dict[Language, str] = {"en": "en_GB", "nl": "nl_NL"}

TEXT: dict[str, tuple[str, str]] = {
    "page_title": (
        "Business case: online and blended help",
        "Businesscase: online en blended hulp",
    ),
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
    "cash_years": ("In money, years {first}-{last}", "In geld, jaar {first}-{last}"),
    "hours_years": ("Staff hours, years {first}-{last}", "Uren, jaar {first}-{last}"),
    "hours_and_fte": ("{hours} ({fte} FTE a year)", "{hours} ({fte} fte per jaar)"),
    "break_even_year": ("year {year}", "jaar {year}"),
    "break_even_none": ("not within {years} years", "niet binnen {years} jaar"),
    "tab_results": ("Results", "Resultaten"),
    "tab_years": ("Year by year", "Per jaar"),
    "tab_parties": ("Who pays, who benefits", "Wie betaalt, wie wint"),
    "tab_assumptions": ("Assumptions", "Aannames"),
    "tab_uncertainty": ("Uncertainty", "Onzekerheid"),
    "tab_compare": ("Compare", "Vergelijken"),
    "tab_explain": ("Explain", "Uitleg"),
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
    "course_tables": ("Inputs by year", "Invoer per jaar"),
    "course_tables_help": (
        "Edit a year's value, or type one value under 'All years' for every year; every change "
        "recomputes at once. Percentages are in %.",
        "Wijzig de waarde van een jaar, of typ onder 'Alle jaren' één waarde voor elk jaar; "
        "elke wijziging rekent direct door. Percentages in %.",
    ),
    "all_years": ("All years", "Alle jaren"),
    "all_years_help": (
        "A value typed here becomes the value of every year.",
        "Een waarde die u hier typt, wordt de waarde van elk jaar.",
    ),
    "changed": ("Changed", "Gewijzigd"),
    "changed_year": ("✎ year {years}", "✎ jaar {years}"),
    "changed_years": ("✎ years {years}", "✎ jaar {years}"),
    "organisation_inputs": (
        "The organisation: rates, VAT, implementation, staff",
        "De organisatie: percentages, btw, invoering, personeel",
    ),
    "all_inputs": ("All inputs, with units and sources", "Alle invoer, met eenheden en bronnen"),
    "value": ("Value", "Waarde"),
    "figure": ("Figure", "Cijfer"),
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
    "uncertainty_intro": (
        "Every figure in the case is an estimate. Here the {ranged} estimates with a range are "
        "drawn at random {draws} times; each draw is a whole business case. How sure is the "
        "break-even, and which assumption decides it?",
        "Elk cijfer in de businesscase is een schatting. Hier worden de {ranged} schattingen "
        "met een bandbreedte {draws} keer willekeurig getrokken; elke trekking is een complete "
        "businesscase. Hoe zeker is het terugverdienen, en welke aanname beslist?",
    ),
    "no_ranges": (
        "No estimate in this scenario has a range, so there is nothing to simulate: every draw "
        "would equal the case as written. The scenario file {file} gives nine estimates a low "
        "and a high value; choose it, or add `low:` and `high:` to the estimates in your own "
        "file. The goal seek below works without ranges.",
        "Geen schatting in dit scenario heeft een bandbreedte, dus er valt niets te simuleren: "
        "elke trekking zou gelijk zijn aan de businesscase zoals opgegeven. Het scenariobestand "
        "{file} geeft negen schattingen een laagste en hoogste waarde; kies dat, of zet `low:` "
        "en `high:` bij de schattingen in uw eigen bestand. Het doelzoeken hieronder werkt ook "
        "zonder bandbreedtes.",
    ),
    "open_ranges": ("Open {file}", "Open {file}"),
    "draws": ("Draws", "Trekkingen"),
    "draws_help": (
        "How many times the ranged estimates are drawn. More draws give steadier figures and "
        "take longer. The workbook download uses the same number.",
        "Hoe vaak de schattingen met een bandbreedte worden getrokken. Meer trekkingen geven "
        "stabielere cijfers en duren langer. De werkmap-download gebruikt hetzelfde aantal.",
    ),
    "seed": ("Seed", "Seed (startgetal)"),
    "seed_help": (
        "The same seed gives the same draws, so every figure here can be reproduced; another "
        "seed gives another run. The workbook download uses the same seed.",
        "Dezelfde seed geeft dezelfde trekkingen, zodat elk cijfer hier te herhalen is; een "
        "andere seed geeft een andere run. De werkmap-download gebruikt dezelfde seed.",
    ),
    "balance_spread": (
        "Balance years {first}-{last} over the draws",
        "Saldo jaar {first}-{last} over de trekkingen",
    ),
    "as_written": ("As written", "Zoals opgegeven"),
    "p10": ("P10", "P10"),
    "p50": ("P50 (median)", "P50 (mediaan)"),
    "p90": ("P90", "P90"),
    "spread_help": (
        "One draw in ten ends below P10 and one in ten above P90; half end below the median.",
        "Een op de tien trekkingen eindigt onder P10 en een op de tien boven P90; de helft "
        "eindigt onder de mediaan.",
    ),
    "break_even_chance": (
        "Probability of break-even by the end of each year",
        "Kans op terugverdienen uiterlijk aan het eind van elk jaar",
    ),
    "platform_pick": ("Platform scenario for the charts", "Platformscenario voor de grafieken"),
    "chart_fan": ("Cumulative balance over the draws", "Cumulatief saldo over de trekkingen"),
    "fan_band": ("P10 to P90 (8 draws in 10)", "P10 tot P90 (8 op de 10 trekkingen)"),
    "chart_histogram": (
        "Balance years {first}-{last}: how the draws fall",
        "Saldo jaar {first}-{last}: hoe de trekkingen vallen",
    ),
    "draws_axis": ("Draws", "Trekkingen"),
    "chart_tornado": (
        "Balance years {first}-{last} with one estimate at its low or high",
        "Saldo jaar {first}-{last} met één schatting op haar laagste of hoogste waarde",
    ),
    "at_low": ("Estimate at its low", "Schatting op laagste waarde"),
    "at_high": ("Estimate at its high", "Schatting op hoogste waarde"),
    "range": ("Range", "Bandbreedte"),
    "range_text": ("{low} to {high}", "{low} tot {high}"),
    "balance_at_low": ("Balance at low", "Saldo bij laagste"),
    "balance_at_high": ("Balance at high", "Saldo bij hoogste"),
    "share": ("Share of variance", "Aandeel in variantie"),
    "shares_help": (
        "Each estimate's share of the variance of the balance over the draws (squared "
        "standardised regression coefficients): what decides the outcome.",
        "Het aandeel van elke schatting in de variantie van het saldo over de trekkingen "
        "(gekwadrateerde gestandaardiseerde regressiecoëfficiënten): wat de uitkomst beslist.",
    ),
    "goal_seek": (
        "Goal seek: what breaks even by a chosen year?",
        "Doelzoeken: wat verdient zich terug in een gekozen jaar?",
    ),
    "goal_help": (
        "Pick one or more estimates (they get the same value in every year), a platform "
        "scenario and a year; the engine finds the value nearest to today's at which the "
        "cumulative balance reaches zero by that year.",
        "Kies een of meer schattingen (ze krijgen in elk jaar dezelfde waarde), een "
        "platformscenario en een jaar; het model zoekt de waarde die het dichtst bij de huidige "
        "ligt waarbij het cumulatief saldo uiterlijk in dat jaar nul bereikt.",
    ),
    "goal_parameters": ("Estimates to move", "Schattingen om te verschuiven"),
    "goal_platform": ("Platform scenario", "Platformscenario"),
    "goal_year": ("Break even by year", "Terugverdiend uiterlijk in jaar"),
    "goal_units": (
        "Choose estimates with the same unit: they all get one value.",
        "Kies schattingen met dezelfde eenheid: ze krijgen allemaal één waarde.",
    ),
    "goal_found": (
        "{platform} breaks even by year {year} when {parameters} is {value} (now {current}); "
        "its cumulative balance in year {year} is then {cumulative}.",
        "{platform} verdient zich uiterlijk in jaar {year} terug als {parameters} {value} is "
        "(nu {current}); het cumulatief saldo in jaar {year} is dan {cumulative}.",
    ),
    "goal_never": (
        "No value of {parameters} from {lower} to {upper} makes {platform} break even by year "
        "{year}; the best cumulative balance by then is {best}.",
        "Geen waarde van {parameters} van {lower} tot {upper} laat {platform} zich uiterlijk "
        "in jaar {year} terugverdienen; het beste cumulatief saldo is dan {best}.",
    ),
    "goal_always": (
        "{platform} breaks even by year {year} for every value of {parameters} from {lower} "
        "to {upper}.",
        "{platform} verdient zich uiterlijk in jaar {year} terug bij elke waarde van "
        "{parameters} van {lower} tot {upper}.",
    ),
    "goal_at_least": ("at least {value}", "minstens {value}"),
    "goal_at_most": ("at most {value}", "hoogstens {value}"),
    "goal_apply": ("Apply {value} as an edit", "Neem {value} over als wijziging"),
    "goal_from": ("Search from ({unit})", "Zoeken vanaf ({unit})"),
    "goal_to": ("Search up to ({unit})", "Zoeken tot en met ({unit})"),
    "goal_apply_help": (
        "Sets the chosen estimates to {value} in every year, the value the engine checked; "
        "the headline then shows it. Reset returns to the file's values.",
        "Zet de gekozen schattingen in elk jaar op {value}, de waarde die de rekenkern "
        "controleerde; de kopcijfers tonen het dan. Terugzetten herstelt de waarden uit het "
        "bestand.",
    ),
    "and": ("and", "en"),
    "typing_help": (
        "Decimals with a point (80.5); thousands may be grouped with a comma (1,234.5).",
        "Decimalen met een komma (80,5); duizendtallen mogen met een punt (1.234,5).",
    ),
    "number_empty": (
        "Nothing typed; type a number, for example {example}. The figures keep the last value.",
        "Niets ingevuld; typ een getal, bijvoorbeeld {example}. De cijfers houden de laatste "
        "waarde.",
    ),
    "number_unreadable": (
        "“{text}” is not a number; type for example {example}. The figures keep the last value.",
        "„{text}” is geen getal; typ bijvoorbeeld {example}. De cijfers houden de laatste waarde.",
    ),
    "number_decimal_sign": (
        "“{text}” is not read: on the English page decimals take a point ({example}) and a "
        "comma only groups thousands (1,234.5). For a decimal comma, switch to Nederlands. The "
        "figures keep the last value.",
        "„{text}” wordt niet gelezen: op de Nederlandse pagina krijgen decimalen een komma "
        "({example}) en groepeert een punt alleen duizendtallen (1.234,5). Voor een decimale "
        "punt: kies English. De cijfers houden de laatste waarde.",
    ),
    "number_ambiguous": (
        "“{text}” can be read two ways: {whole} (a comma grouping thousands) or {decimal} (a "
        "decimal comma). Type {whole} or {decimal}. The figures keep the last value.",
        "„{text}” is op twee manieren te lezen: {whole} (een punt tussen duizendtallen) of "
        "{decimal} (een decimale punt). Typ {whole} of {decimal}. De cijfers houden de laatste "
        "waarde.",
    ),
    "number_not_percent": (
        "“{text}” is a percentage, but this value is not; type the number alone. The figures "
        "keep the last value.",
        "„{text}” is een percentage, maar deze waarde niet; typ alleen het getal. De cijfers "
        "houden de laatste waarde.",
    ),
    "cell_refused": ("{parameter}, year {year}: {reason}", "{parameter}, jaar {year}: {reason}"),
    "all_years_refused": (
        "{parameter}, all years: {reason}",
        "{parameter}, alle jaren: {reason}",
    ),
    "one_value": (
        "A year or a number of years: one value for the whole case.",
        "Een jaar of een aantal jaren: één waarde voor de hele businesscase.",
    ),
    "key": ("key", "sleutel"),
    "absent": ("absent", "ontbreekt"),
    "not_pinned": ("not set (computed)", "niet vastgezet (berekend)"),
    "setting_given": ("(given)", "(opgegeven)"),
    "setting_none": ("(none)", "(geen)"),
    "pin_text": ("{value} in years {years} ({reason})", "{value} in jaar {years} ({reason})"),
    "choose_option": ("Choose an option", "Kies een optie"),
    "choose_options": ("Choose one or more", "Kies er een of meer"),
    "share_link": ("Link to this view", "Link naar deze weergave"),
    "share_help": (
        "Whoever opens this link sees the same scenario, changes, language, tab and platform "
        "scenario, so the same figures.",
        "Wie deze link opent, ziet hetzelfde scenario, dezelfde wijzigingen, taal, tab en "
        "platformscenario, dus dezelfde cijfers.",
    ),
    "share_upload": (
        "A link cannot carry an uploaded file: whoever opens it must upload {name} as well.",
        "Een link kan geen geüpload bestand meenemen: wie hem opent, moet {name} ook uploaden.",
    ),
    "link_unknown_file": (
        "The link names the scenario file {name}, which is not here; the page shows {shown}. "
        "The files are: {files}.",
        "De link noemt het scenariobestand {name}, dat hier niet is; de pagina toont "
        "{shown}. De bestanden zijn: {files}.",
    ),
    "link_upload": (
        "The link names the uploaded file {name}, but a link cannot carry an upload; the page "
        "shows {shown}. Upload the file in the sidebar to see it.",
        "De link noemt het geüploade bestand {name}, maar een link kan geen upload meenemen; "
        "de pagina toont {shown}. Upload het bestand in de zijbalk om het te zien.",
    ),
    "link_bad_language": (
        "The link asks for the language {value}, which the page does not have (en or nl).",
        "De link vraagt om de taal {value}, die de pagina niet heeft (en of nl).",
    ),
    "link_bad_tab": (
        "The link asks for the tab {value}, which does not exist; the page opens on {shown}. "
        "The tabs are: {tabs}.",
        "De link vraagt om de tab {value}, die niet bestaat; de pagina opent op {shown}. "
        "De tabs zijn: {tabs}.",
    ),
    "link_bad_platform": (
        "The link asks for the platform scenario {value}, which this scenario does not have; "
        "the page shows {shown}.",
        "De link vraagt om het platformscenario {value}, dat dit scenario niet heeft; de "
        "pagina toont {shown}.",
    ),
    "link_too_many": (
        "The link holds {count} changes; the first {most} are applied, the rest left out.",
        "De link bevat {count} wijzigingen; de eerste {most} zijn toegepast, de rest niet.",
    ),
    "change_refused": (
        "The change {change} was not applied; the figures are without it. Why:",
        "De wijziging {change} is niet toegepast; de cijfers zijn zonder deze wijziging. Waarom:",
    ),
    "change_not_editable": (
        "The change {change} was not applied: the app changes the values of inputs, and "
        "{path} is not one. The figures are without it.",
        "De wijziging {change} is niet toegepast: de app wijzigt de waarden van invoer, en "
        "{path} is dat niet. De cijfers zijn zonder deze wijziging.",
    ),
    "edits_dropped": (
        "Switching from {old} to {new} dropped your {count} changes, since they were made to "
        "the other scenario: {changes}.",
        "Bij de overstap van {old} naar {new} zijn uw {count} wijzigingen vervallen, omdat ze "
        "bij het andere scenario hoorden: {changes}.",
    ),
    "edit_dropped": (
        "Switching from {old} to {new} dropped your change, since it was made to the other "
        "scenario: {changes}.",
        "Bij de overstap van {old} naar {new} is uw wijziging vervallen, omdat die bij het "
        "andere scenario hoorde: {changes}.",
    ),
    "reapply": ("Apply them to this scenario", "Pas ze toe op dit scenario"),
    "download_report": ("Board report (PDF)", "Rapport voor het bestuur (PDF)"),
    "report_stem": ("board-report", "bestuursrapport"),
    "undo": ("Undo", "Ongedaan maken"),
    "undo_help": (
        "Back to the file's value for this input; the other changes stay.",
        "Terug naar de waarde uit het bestand voor deze invoer; de andere wijzigingen blijven.",
    ),
    "do_nothing": ("Do nothing (reference)", "Niets doen (referentie)"),
    "do_nothing_help": (
        "No platform and no online help: no costs, no savings. A platform scenario ranked below "
        "it costs more than it saves over these years.",
        "Geen platform en geen online hulp: geen kosten, geen besparing. Een platformscenario "
        "dat eronder staat, kost over deze jaren meer dan het oplevert.",
    ),
    "not_applicable": ("—", "—"),
    "save_as": ("Save as scenario", "Opslaan als scenario"),
    "save_name": ("Name of the new scenario", "Naam van het nieuwe scenario"),
    "save_note": ("Why these changes", "Waarom deze wijzigingen"),
    "save_button": ("Save in scenarios/", "Opslaan in scenarios/"),
    "save_help": (
        "A small file that extends {file} with only your changes, each with its old value; "
        "it never replaces a file that is there.",
        "Een klein bestand dat {file} uitbreidt met alleen uw wijzigingen, elk met de oude "
        "waarde; het vervangt nooit een bestaand bestand.",
    ),
    "saved": (
        "Saved as scenarios/{file}: choose it under Scenario.",
        "Opgeslagen als scenarios/{file}: kies het bij Scenario.",
    ),
    "save_upload": (
        "An uploaded scenario cannot be extended here: download it with your changes.",
        "Een geüpload scenario kan hier niet worden uitgebreid: download het met uw wijzigingen.",
    ),
    "parties_help": (
        "Over years {first}-{last}: the organisation's money and capacity, what the funder "
        "gains and what the clients save, each a line of the model; a negative amount is a cost.",
        "Over jaar {first}-{last}: het geld en de capaciteit van de organisatie, wat de "
        "financier wint en wat de cliënten besparen, elk een regel van het model; een negatief "
        "bedrag is een kostenpost.",
    ),
    "platform_shown": ("For the platform", "Voor het platform"),
    "party": ("Party", "Partij"),
    "what": ("What", "Wat"),
    "chart_parties": (
        "In money, years {first}-{last}, by party: {platform}",
        "In geld, jaar {first}-{last}, per partij: {platform}",
    ),
    "average_mark": ("(average)", "(gemiddelde)"),
    "ranked": (
        "Platform scenarios ranked by their balance over years {first}-{last}, highest first.",
        "Platformscenario's gerangschikt op hun saldo over jaar {first}-{last}, hoogste eerst.",
    ),
    "explain_find": (
        "Find a line by its name, a value or its key",
        "Zoek een regel op naam, waarde of sleutel",
    ),
    "explain_find_help": (
        "Type part of a line's name (“training”), a figure as shown in a table (16114, 16,114 "
        "or 16.114) or a key (new-platform.training).",
        "Typ een deel van de naam van een regel („training”), een bedrag zoals het in een tabel "
        "staat (16114, 16.114 of 16,114) of een sleutel (new-platform.training).",
    ),
    "explain_found": ("{count} lines match {text}.", "{count} regels passen bij {text}."),
    "explain_found_one": ("1 line matches {text}.", "1 regel past bij {text}."),
    "explain_none": (
        "No line matches {text}; the list holds every line.",
        "Geen regel past bij {text}; de lijst bevat alle regels.",
    ),
    "match_year": ("{value} in year {year}", "{value} in jaar {year}"),
    "match_total": ("{value} over years {first}-{last}", "{value} over jaar {first}-{last}"),
    "upload_button": ("Upload", "Uploaden"),
    "upload_limit": ("1MB per file • YAML, YML", "1 MB per bestand • YAML, YML"),
    "upload_drop": ("Drag and drop a file here", "Sleep een bestand hierheen"),
    "upload_rejected": (
        "This file was not uploaded: a scenario file is a YAML file (.yaml or .yml) of at most "
        "1 MB.",
        "Dit bestand is niet geüpload: een scenariobestand is een YAML-bestand (.yaml of .yml) "
        "van hoogstens 1 MB.",
    ),
}


def t(lang: Language, key: str, **values: object) -> str:
    """The app's text `key` in the language, with `{name}` fields filled in."""
    english, dutch = TEXT[key]
    text = dutch if lang == "nl" else english
    return text.format(**values) if values else text


def input_columns(lang: Language) -> list[str]:
    """The headings of a table of inputs (all inputs, or those a traced line reads)."""
    return [t(lang, key) for key in ("parameter", "key", "value", "source", "set_in")]


LONGEST = 200
"""Characters of a typed or linked value that the page quotes; the rest is cut."""


def quoted(text: str) -> str:
    """Text a director typed or a link held, as the page quotes it, literally: as code (no
    markdown, no icon codes), cut to `LONGEST` characters, control characters and backticks
    replaced."""
    cut = text if len(text) <= LONGEST else text[:LONGEST] + "…"
    clean = "".join(c if c.isprintable() and c != "`" else "\ufffd" for c in cut)
    return f"`{clean}`"


def money(value: float, lang: Language) -> str:
    """Euros to the cent, in the language's format: `€ 1.234,56` or `€1,234.56`."""
    return _euros(to_cents(value) + 0.0, lang)  # + 0.0 turns -0.0 into 0.0


@lru_cache(maxsize=8192)
def _euros(cents: float, lang: Language) -> str:
    """Babel's formatting, remembered: a table repeats amounts, and Babel takes 0.1 ms each."""
    return format_currency(cents, "EUR", locale=LOCALES[lang])


def percent(share: float, lang: Language, decimals: int = 1) -> str:
    """A share as a percentage with `decimals` decimals, halves away from zero as the engine
    rounds (Babel would round them to even): `99.7%` or `99,7%` for 0.9965."""
    rounded = Decimal(repr(float(share))).quantize(Decimal(1).scaleb(-2 - decimals), ROUND_HALF_UP)
    pattern = "#,##0." + "0" * decimals + "%" if decimals else "#,##0%"
    return format_percent(rounded, format=pattern, locale=LOCALES[lang])


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


SEPARATORS: dict[Language, tuple[str, str]] = {"en": (".", ","), "nl": (",", ".")}
"""The decimal sign and the thousands separator of each language's notation."""
EXAMPLES: dict[Language, str] = {"en": "80.5", "nl": "80,5"}
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


class Unreadable(ValueError):
    """Typed text that is not a number in the page's notation: why (a text key) and the
    fields of the message, which `message` words in either language."""

    def __init__(self, reason: str, **fields: str) -> None:
        super().__init__(reason, fields)
        self.reason = reason
        self.fields = fields

    def message(self, lang: Language) -> str:
        return t(lang, self.reason, example=EXAMPLES[lang], **self.fields)


def _patterns(lang: Language) -> tuple[str, str]:
    """A plain number (`1234,5`, `,5`) and a number grouped by thousands (`1.234,5`)."""
    decimal, group = (re.escape(sign) for sign in SEPARATORS[lang])
    plain = rf"(?:\d+(?:{decimal}\d+)?|{decimal}\d+)"
    grouped = rf"[1-9]\d{{0,2}}(?:{group}\d{{3}})+(?:{decimal}\d+)?"
    return plain, grouped


def _reads_as(text: str, lang: Language) -> bool:
    plain, grouped = _patterns(lang)
    return re.fullmatch(plain, text) is not None or re.fullmatch(grouped, text) is not None


def read_number(text: str, lang: Language, percent: bool = False) -> float:
    """A number typed in the notation of the page's language: `80,5`, `1.234,5` in Dutch,
    `80.5`, `1,234.5` in English, with an optional sign and `€`; for a percentage (`percent`)
    also `40%` or `40 %`, read as 40 (the input is in %). Raises `Unreadable` for anything
    else: empty text, the other notation's decimal sign (`80,5` on the English page is never
    805), a lone group of three digits the two notations read differently (`1,234`), text."""
    written = text.strip()
    rest = written.translate(SPACES).strip()
    if not rest:
        raise Unreadable("number_empty")
    if rest.endswith("%"):
        if not percent:
            raise Unreadable("number_not_percent", text=written)
        rest = rest[:-1].strip()
    rest = rest.removeprefix("€").strip()
    sign = ""
    if rest[:1] in ("-", "+"):
        sign, rest = rest[0], rest[1:].strip()
    decimal, group = SEPARATORS[lang]
    _, grouped = _patterns(lang)
    if re.fullmatch(grouped, rest) and rest.count(group) == 1 and decimal not in rest:
        whole = rest.replace(group, "")
        raise Unreadable(
            "number_ambiguous", text=written, whole=whole, decimal=rest.replace(group, decimal)
        )
    if _reads_as(rest, lang):
        digits = rest.replace(group, "").replace(decimal, ".")
        return float(Decimal(sign + (digits if not digits.startswith(".") else "0" + digits)))
    other: Language = "en" if lang == "nl" else "nl"
    if _reads_as(rest, other):
        raise Unreadable("number_decimal_sign", text=written)
    raise Unreadable("number_unreadable", text=written)


def typed_text(value: float, lang: Language, money_like: bool = False) -> str:
    """A value as a director would type it back, in the page's notation, so that
    `read_number` reads it to the same number: `75,00` and `80.000,00` for euros in Dutch
    (`75.00`, `80,000.00` in English), `0,5` or `1234` otherwise (never grouped, so never
    the ambiguous `1.234`)."""
    pattern = "#,##0.00####" if money_like else "0.######"
    return format_decimal(Decimal(repr(float(value))), format=pattern, locale=LOCALES[lang])


def input_text(value: float, unit: str, lang: Language) -> str:
    """An input's value in its box: euros with cents, a percentage with `%`, else the number."""
    if unit == "%":
        return typed_text(float(Decimal(repr(float(value))) * 100), lang) + "%"
    return typed_text(value, lang, money_like=unit.startswith("EUR"))


def label(info: LineSpec | ParameterEntry, lang: Language) -> str:
    """The Dutch or English label of a catalogue line or an inventory entry."""
    return info.label_nl if lang == "nl" and info.label_nl else info.label


def owned_label(entry: ParameterEntry, scenario: Scenario, lang: Language) -> str:
    """An input's label with the course or platform it belongs to, as a picker shows it:
    `Efficiency of online vs offline contact, Ass JV (assertiveness, young women)`."""
    kinds: dict[str, Mapping[str, Course | Platform]] = {
        "courses": scenario.courses,
        "platforms": scenario.platforms,
    }
    owners = kinds.get(str(entry.path[0]))
    owner = owners.get(str(entry.path[1])) if owners is not None and len(entry.path) >= 3 else None
    if owner is None:
        return label(entry, lang)
    return f"{label(entry, lang)}, {text_in(owner.name, lang)}"


def break_even_text(year: int | None, horizon: int, lang: Language) -> str:
    """`year 3`, or `not within 6 years` when the cumulative balance stays below zero."""
    if year is None:
        return t(lang, "break_even_none", years=horizon)
    return t(lang, "break_even_year", year=year)
