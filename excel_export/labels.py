"""The workbook's own words (sheet names, headings, legends) in English and Dutch.

Labels of parameters and lines come from the catalogue and the parameter model; this module only
holds the text the workbook adds around them, so a language is one lookup table.
"""

from __future__ import annotations

from businesscase import LANGUAGES, percent_text, text_in, unit_text

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "sheet.inputs": "Inputs",
        "sheet.time": "Time",
        "sheet.savings": "Savings",
        "sheet.costs": "Costs",
        "sheet.results": "Results",
        "sheet.summary": "Summary",
        "sheet.about": "About",
        "sheet.compare": "Compare",
        "title.compare": "Compare: the difference between the scenarios (B - A)",
        "compare.legend": "Every figure is a formula: the scenario's Results minus the first's",
        "compare.part": "{b} - {a}",
        "col.label": "Item",
        "col.unit": "Unit",
        "col.value": "Value",
        "col.key": "Key",
        "col.input_name": "Input (name)",
        "col.line_shown": "Line shown",
        "col.source": "Source",
        "col.origin": "Set in",
        "col.formula": "Formula",
        "col.total": "Total years {first}-{last}",
        "col.results_check": "Check",
        "results_check.ok": "OK",
        "results_check.fail": "Fails",
        "results_check.all_ok": "Checks OK",
        "results_check.one_fails": "1 check fails",
        "results_check.many_fail": "{count} checks fail",
        "results_check.costs": "Costs = the sum of the platform's cost items on sheet {sheet}, "
        "in every year",
        "results_check.balance": "Balance = savings - costs, in every year",
        "results_check.cumulative": "Cumulative balance = the running sum of the balance",
        "results_check.summary": "Counts the cells of column {column} that say '{fail}'",
        "col.break_even": "Break-even year",
        "year": "Year",
        "year_format": '"Year "0',
        "title.inputs": "Inputs: {name}",
        "title.savings": "Savings: {name}",
        "title.time": "Time and constants: {name}",
        "legend.time": "The formulas multiply by a flag (1 in the years where its test holds, "
        "else 0) instead of testing the year, and name the constants below instead of holding "
        "a number",
        "section.timeline": "Timeline",
        "section.flags": "Flags: 1 in the years where the test holds, else 0",
        "section.constants": "Constants of the model's formulas (one value, fixed by the model)",
        "time.year_number": "Year number",
        "unit.flag": "1/0",
        "part.label": "{line}: part {index}",
        "constant.minutes_per_hour": "Minutes per hour",
        "constant.averaged": "Platforms averaged in {name}",
        "constant.from_year": "{line}: from year",
        "constant.after_year": "{line}: after year",
        "constant.until_year": "{line}: until year",
        "constant.year": "{line}: in year",
        "constant.number": "A fixed number in {line}",
        "constant.check_tolerance": "Largest difference a check of the Results sheet lets pass "
        "(half a cent)",
        "constant.changed_tolerance": "Largest difference from the exported value, as a share "
        "of it, that the Changed column of the Inputs sheet still counts as unchanged (a stored "
        "1/3 may come back rounded to 15 digits)",
        "section.check_constants": "Tolerances of the workbook's own checks",
        "flag.from_year": "{what}: from year {year}",
        "flag.after_year": "{what}: after year {year}",
        "flag.until_year": "{what}: up to and including year {year}",
        "flag.before_year": "{what}: before year {year}",
        "flag.in_year": "{what}: in year {year}",
        "title.costs": "Costs: {name}",
        "title.results": "Results per platform scenario: {name}",
        "title.summary": "Summary: {name}",
        "legend.input": "Input: change it and the workbook recalculates",
        "legend.follows": "Follows the year before (a step function); type a value to change it",
        "legend.fixed": "Fixed by the export",
        "legend.pinned": "* Pinned value (override): see the cell's comment and the About sheet",
        "legend.formulas": "Every figure is a formula over the Inputs: click a cell to see it",
        "legend.values": "Values only: a frozen copy of the figures, without formulas",
        "legend.frozen_inputs": "Values only: a frozen copy of the inputs; changing one changes no "
        "figure (export again without values-only for a working model)",
        "col.check": "Check",
        "check.ok": "OK",
        "check.out": "Out of bounds: {rule}",
        "check.all_ok": "Inputs OK: all {count} within the model's bounds",
        "check.one_out": "1 input out of bounds: see column {column}",
        "check.many_out": "{count} inputs out of bounds: see column {column}",
        "check.error_title": "Outside the model's bounds",
        "check.error": "{label} must be: {rule}{horizon}.",
        "rule.whole": "whole number",
        "rule.number": "number",
        "rule.between": "{kind} from {low} to {high}",
        "rule.at_least": "at least {value}",
        "rule.above": "above {value}",
        "rule.at_most": "at most {value}",
        "rule.below": "below {value}",
        "rule.and": " and ",
        "rule.horizon": " (the horizon is {horizon} years)",
        "amount.tag": "a total spread over years, not a yearly cost",
        "amount.note": "A total amount, not a yearly cost: {reader} spreads it over the years. "
        "It is repeated (in grey) in every year's column only because that line reads it year "
        "by year; do not add the columns up.",
        "amount.note_alone": "A total amount, not a yearly cost; it is repeated (in grey) in every "
        "year's column: do not add the columns up.",
        "by_year": "by year",
        "horizon_note": "The workbook has one column per year; export again to change the horizon.",
        "section.general": "General",
        "section.growth": "{name}: new courses (growth)",
        "section.route_inputs": "{name}: route {route}",
        "section.route": "Route {route}",
        "section.trajectories": "Trajectories",
        "section.platform_clients": "Clients on the platform",
        "section.freed_hours": "Freed staff hours and what becomes of them",
        "section.funding": "Funding: the change in income",
        "section.cash": "In money",
        "section.staff_hours": "Staff hours",
        "section.parties": "Who else gains",
        "section.clients": "What the clients gain",
        "section.average": "{name}: the mean of the costs of {members}",
        "section.savings": "Savings of the organisation",
        "section.money_over_time": "Money over time: indexation and discounting",
        "section.shared_costs": "Costs shared by every platform scenario",
        "section.online_efficiency": "a. Online contact efficiency",
        "section.scheduling": "b. Less scheduling work for online sessions",
        "section.offline_time_gain": "c. Time gained in offline sessions",
        "section.referral": "d. Follow-up refers back to the course",
        "section.growth_lines": "e. New courses (growth)",
        "section.course": "Course",
        "break_even.reached": "Year at or above zero (cumulative)",
        "break_even.year": "Break-even year",
        "break_even.none": "none",
        "summary.cumulative": "Cumulative balance per platform scenario",
        "summary.savings_costs": "Savings and costs per year",
        "summary.savings": "Savings",
        "summary.costs": "Costs: {name}",
        "chart.cumulative": "Cumulative balance per platform scenario",
        "chart.savings_costs": "Savings against costs per year",
        "axis.year": "Year",
        "axis.euro": "Euro",
        "about.title": "About this workbook",
        "about.scenario": "Scenario",
        "about.description": "Description",
        "about.files": "Scenario files (base first)",
        "about.changes": "Changes on top (--set)",
        "about.sheets": "Sheets",
        "about.generated": "Generated at",
        "about.version": "businesscase version",
        "about.mode": "Contents",
        "about.mode.formulas": "Formulas over the inputs (a working model)",
        "about.mode.values": "Values only (a frozen copy)",
        "about.overrides": "Overrides: lines pinned to a fixed value",
        "about.no_overrides": "No overrides: every figure is computed.",
        "about.errata": "Errata noted in this scenario's sources and overrides",
        "about.override_head.line": "Line (name)",
        "about.override_head.value": "Value",
        "about.override_head.years": "Years",
        "about.override_head.reason": "Reason",
        "about.none": "none",
        "col.exported": "Exported",
        "col.changed": "Changed",
        "col.low": "Lowest",
        "col.high": "Highest",
        "changed.mark": "changed",
        "changed.none": "No input changed since the export",
        "changed.some": "{count} changed since the export: see About",
        "exported.note": "The value as exported; the Changed column compares the input with it.",
        "about.recalculation": "Recalculation",
        "about.recalculation.text": "Every formula cell stores its figure (the engine's), so a "
        "preview, pandas or openpyxl reads the figures without recalculating. Excel recalculates "
        "on opening; LibreOffice shows the stored figures and recalculates when an input changes "
        "(or with Data > Calculate > Recalculate Hard).",
        "about.edits": "Edits in this workbook",
        "about.edits.count": "Inputs changed since the export",
        "about.edits.none": "none: every input is as exported",
        "about.edits.some": "{count} of {total}: marked 'changed' in column {column} of sheet "
        "{sheet}",
        "about.edits.import": "Bring the edits back to a scenario file",
        "about.edits.import_text": "{command} writes a scenario file that extends {file} with "
        "only the inputs changed here, each with the value it had ({example}); businesscase run "
        "CHANGES.yaml then gives this workbook's figures. A changed year of a value by year makes "
        "a step function ({{1: 3, 3: 5}}). A text that is not a number, an emptied input, a "
        "deleted row, a formula typed over or a renamed sheet is refused, with its sheet and "
        "cell.",
        "about.edits.import_several": " This workbook holds {count} scenarios: -o CHANGES.yaml "
        "writes CHANGES-1.yaml to CHANGES-{count}.yaml, one per scenario, numbered as the sheets.",
        "about.edits.cannot": "What an edit here cannot do",
        "about.edits.cannot_text": "Change the horizon (the workbook has one column per year), "
        "add or remove courses, trajectory types, routes or platform scenarios, change what an "
        "average platform takes, how a platform is priced, an override or a range: these are "
        "fixed by the export. Change them in the scenario file and export again: {command}",
        "about.record": "The export's record: every input as exported, which businesscase import "
        "compares the Inputs sheet with (do not edit)",
        "about.record.key": "Path in the scenario file",
        "about.record.input": "Input (cell)",
        "import.workbook": "WORKBOOK.xlsx",
        "import.changes": "CHANGES.yaml",
        "sheet.simulation": "Simulation",
        "title.simulation": "Simulation: {name}",
        "simulation.note": "Results of a seeded Monte Carlo simulation ({draws} draws, "
        "seed {seed}) over the ranges below: values, not formulas. They "
        "belong to the scenario as exported and do not follow edits of the Inputs sheet.",
        "simulation.recompute": "Recompute with: {command}  (another --draws or --seed gives "
        "another run)",
        "simulation.run": "The run",
        "simulation.draws": "Draws",
        "simulation.seed": "Seed",
        "simulation.ranged": "Parameters with a range",
        "simulation.total": "Balance total over",
        "simulation.years": "years {first}-{last}",
        "simulation.cumulative": "Cumulative balance over the draws: one draw in ten ends below "
        "P10, one in ten above P90",
        "simulation.p10": "P10",
        "simulation.p50": "P50 (median)",
        "simulation.p90": "P90",
        "simulation.break_even": "Probability of break-even by this year",
        "simulation.balance": "Balance years {first}-{last} over the draws",
        "simulation.mean": "Mean",
        "simulation.as_written": "At the values as written",
        "simulation.sensitivity": "Balance years {first}-{last} with one parameter at its low or "
        "its high and the others as written, and how far that is below (-) or above the balance "
        "as written (tornado, widest swing first), and the parameter's share of the variance "
        "over the draws",
        "simulation.ranges": "The ranges the draws come from",
        "simulation.no_ranges": "No parameter has a range: every draw equals the case as written.",
        "simulation.col.parameter": "Parameter",
        "simulation.col.low": "Low",
        "simulation.col.high": "High",
        "simulation.col.at_low": "Balance at low",
        "simulation.col.at_high": "Balance at high",
        "simulation.col.from_low": "Low - as written",
        "simulation.col.from_high": "High - as written",
        "simulation.col.swing": "Swing",
        "simulation.col.share": "Share of variance",
        "simulation.col.value": "Value as written",
        "simulation.col.likely": "Likely",
        "simulation.col.distribution": "Distribution",
        "simulation.col.sd": "Standard deviation",
        "simulation.col.range_source": "Source of the range",
        "simulation.growth": "{name}, growth",
        "distribution.triangular": "triangular",
        "distribution.pert": "PERT",
        "distribution.uniform": "uniform",
        "distribution.normal": "normal, cut off at low and high",
        "chart.fan_axis": "Cumulative balance (euro)",
        "chart.swing_axis": "Balance years {first}-{last} minus the balance as written (euro)",
        "chart.swing_low": "Parameter at its low",
        "chart.swing_high": "Parameter at its high",
        "about.simulation": "Simulation",
        "about.simulation.values": "Sheet {sheet}: values of a seeded Monte Carlo simulation "
        "({draws} draws, seed {seed}), not formulas; they do not follow edits of the inputs. "
        "Recompute with: {command}",
        "about.simulation.no_ranges": "No Simulation sheet: no parameter has a range.",
        "about.simulation.left_out": "No Simulation sheet: left out on request (--no-simulation).",
    },
    "nl": {
        "sheet.inputs": "Invoer",
        "sheet.time": "Tijd",
        "sheet.savings": "Besparingen",
        "sheet.costs": "Kosten",
        "sheet.results": "Resultaten",
        "sheet.summary": "Samenvatting",
        "sheet.about": "Info",
        "sheet.compare": "Vergelijking",
        "title.compare": "Vergelijking: het verschil tussen de scenario's (B - A)",
        "compare.legend": "Elk getal is een formule: de Resultaten van het scenario min die van "
        "het eerste",
        "compare.part": "{b} - {a}",
        "col.label": "Post",
        "col.unit": "Eenheid",
        "col.value": "Waarde",
        "col.key": "Sleutel",
        "col.input_name": "Invoer (naam)",
        "col.line_shown": "Toont regel",
        "col.source": "Bron",
        "col.origin": "Ingesteld in",
        "col.formula": "Formule",
        "col.total": "Totaal jaar {first}-{last}",
        "col.results_check": "Controle",
        "results_check.ok": "OK",
        "results_check.fail": "Fout",
        "results_check.all_ok": "Controles OK",
        "results_check.one_fails": "1 controle mislukt",
        "results_check.many_fail": "{count} controles mislukt",
        "results_check.costs": "Kosten = de som van de kostenposten van het platform op blad "
        "{sheet}, in elk jaar",
        "results_check.balance": "Saldo = besparingen - kosten, in elk jaar",
        "results_check.cumulative": "Cumulatief saldo = de lopende som van het saldo",
        "results_check.summary": "Telt de cellen van kolom {column} met '{fail}'",
        "col.break_even": "Terugverdiend in jaar",
        "year": "Jaar",
        "year_format": '"Jaar "0',
        "title.inputs": "Invoer: {name}",
        "title.savings": "Besparingen: {name}",
        "title.time": "Tijd en constanten: {name}",
        "legend.time": "De formules vermenigvuldigen met een vlag (1 in de jaren waarin de "
        "toets geldt, anders 0) in plaats van het jaar te toetsen, en noemen de constanten "
        "hieronder bij naam in plaats van een getal te bevatten",
        "section.timeline": "Tijdlijn",
        "section.flags": "Vlaggen: 1 in de jaren waarin de toets geldt, anders 0",
        "section.constants": "Constanten van de formules van het model (een waarde, vast in het "
        "model)",
        "time.year_number": "Jaarnummer",
        "unit.flag": "1/0",
        "part.label": "{line}: deel {index}",
        "constant.minutes_per_hour": "Minuten per uur",
        "constant.averaged": "Aantal platforms in {name}",
        "constant.from_year": "{line}: vanaf jaar",
        "constant.after_year": "{line}: na jaar",
        "constant.until_year": "{line}: tot en met jaar",
        "constant.year": "{line}: in jaar",
        "constant.number": "Een vast getal in {line}",
        "constant.check_tolerance": "Grootste verschil dat een controle op het blad Resultaten "
        "laat passeren (een halve cent)",
        "constant.changed_tolerance": "Grootste verschil met de geëxporteerde waarde, als deel "
        "ervan, dat de kolom Gewijzigd van het blad Invoer nog als ongewijzigd telt (een "
        "opgeslagen 1/3 kan afgerond op 15 cijfers terugkomen)",
        "section.check_constants": "Toleranties van de eigen controles van de werkmap",
        "flag.from_year": "{what}: vanaf jaar {year}",
        "flag.after_year": "{what}: na jaar {year}",
        "flag.until_year": "{what}: tot en met jaar {year}",
        "flag.before_year": "{what}: voor jaar {year}",
        "flag.in_year": "{what}: in jaar {year}",
        "title.costs": "Kosten: {name}",
        "title.results": "Resultaten per platformscenario: {name}",
        "title.summary": "Samenvatting: {name}",
        "legend.input": "Invoer: wijzig de waarde en de werkmap rekent opnieuw",
        "legend.follows": "Volgt het jaar ervoor (trapfunctie); typ een waarde om te wijzigen",
        "legend.fixed": "Vastgelegd bij de export",
        "legend.pinned": "* Vastgezette waarde: zie de opmerking bij de cel en het blad Info",
        "legend.formulas": "Elk bedrag is een formule over het blad Invoer: klik op een cel",
        "legend.values": "Alleen waarden: een bevroren kopie van de bedragen, zonder formules",
        "legend.frozen_inputs": "Alleen waarden: een bevroren kopie van de invoer; een wijziging "
        "verandert geen bedrag (exporteer opnieuw zonder alleen-waarden voor een werkend model)",
        "col.check": "Controle",
        "check.ok": "OK",
        "check.out": "Buiten de grenzen: {rule}",
        "check.all_ok": "Invoer OK: alle {count} waarden binnen de grenzen van het model",
        "check.one_out": "1 invoerwaarde buiten de grenzen: zie kolom {column}",
        "check.many_out": "{count} invoerwaarden buiten de grenzen: zie kolom {column}",
        "check.error_title": "Buiten de grenzen van het model",
        "check.error": "{label} moet zijn: {rule}{horizon}.",
        "rule.whole": "geheel getal",
        "rule.number": "getal",
        "rule.between": "{kind} van {low} t/m {high}",
        "rule.at_least": "minstens {value}",
        "rule.above": "boven {value}",
        "rule.at_most": "hoogstens {value}",
        "rule.below": "onder {value}",
        "rule.and": " en ",
        "rule.horizon": " (de looptijd is {horizon} jaar)",
        "amount.tag": "een totaal verdeeld over jaren, geen kosten per jaar",
        "amount.note": "Een totaalbedrag, geen kosten per jaar: {reader} verdeelt het over de "
        "jaren. Het staat (grijs) in de kolom van elk jaar alleen omdat die regel het per jaar "
        "leest; tel de kolommen niet op.",
        "amount.note_alone": "Een totaalbedrag, geen kosten per jaar; het staat (grijs) in de "
        "kolom van elk jaar: tel de kolommen niet op.",
        "by_year": "per jaar",
        "horizon_note": "De werkmap heeft een kolom per jaar; exporteer opnieuw voor een andere "
        "looptijd.",
        "section.general": "Algemeen",
        "section.growth": "{name}: nieuwe cursussen (groei)",
        "section.route_inputs": "{name}: route {route}",
        "section.route": "Route {route}",
        "section.trajectories": "Trajecten",
        "section.platform_clients": "Cliënten op het platform",
        "section.freed_hours": "Vrijgekomen uren en wat ermee gebeurt",
        "section.funding": "Financiering: verandering in inkomsten",
        "section.cash": "In geld",
        "section.staff_hours": "Uren van medewerkers",
        "section.parties": "Wie wint er nog meer",
        "section.clients": "Wat de cliënten winnen",
        "section.average": "{name}: het gemiddelde van de kosten van {members}",
        "section.savings": "Besparingen van de organisatie",
        "section.money_over_time": "Geld in de tijd: indexatie en disconteren",
        "section.shared_costs": "Kosten die elk platformscenario heeft",
        "section.online_efficiency": "a. Efficiëntie online contact",
        "section.scheduling": "b. Minder inplanwerkzaamheden voor online sessies",
        "section.offline_time_gain": "c. Tijdswinst in offline sessies",
        "section.referral": "d. Terugverwijzen naar de cursus in het vervolgtraject",
        "section.growth_lines": "e. Nieuwe cursussen (groei)",
        "section.course": "Cursus",
        "break_even.reached": "Jaar op of boven nul (cumulatief)",
        "break_even.year": "Terugverdiend in jaar",
        "break_even.none": "geen",
        "summary.cumulative": "Cumulatief saldo per platformscenario",
        "summary.savings_costs": "Besparingen en kosten per jaar",
        "summary.savings": "Besparingen",
        "summary.costs": "Kosten: {name}",
        "chart.cumulative": "Cumulatief saldo per platformscenario",
        "chart.savings_costs": "Besparingen tegenover kosten per jaar",
        "axis.year": "Jaar",
        "axis.euro": "Euro",
        "about.title": "Over deze werkmap",
        "about.scenario": "Scenario",
        "about.description": "Omschrijving",
        "about.files": "Scenariobestanden (basis eerst)",
        "about.changes": "Wijzigingen daarop (--set)",
        "about.sheets": "Bladen",
        "about.generated": "Gemaakt op",
        "about.version": "Versie van businesscase",
        "about.mode": "Inhoud",
        "about.mode.formulas": "Formules over de invoer (een werkend model)",
        "about.mode.values": "Alleen waarden (een bevroren kopie)",
        "about.overrides": "Vastgezette waarden",
        "about.no_overrides": "Geen vastgezette waarden: elk bedrag is berekend.",
        "about.errata": "Errata genoemd in de bronnen en vastgezette waarden van dit scenario",
        "about.override_head.line": "Regel (naam)",
        "about.override_head.value": "Waarde",
        "about.override_head.years": "Jaren",
        "about.override_head.reason": "Reden",
        "about.none": "geen",
        "col.exported": "Geëxporteerd",
        "col.changed": "Gewijzigd",
        "col.low": "Laagste",
        "col.high": "Hoogste",
        "changed.mark": "gewijzigd",
        "changed.none": "Geen invoer gewijzigd sinds de export",
        "changed.some": "{count} gewijzigd sinds de export: zie Info",
        "exported.note": "De waarde zoals geëxporteerd; de kolom Gewijzigd vergelijkt de invoer "
        "ermee.",
        "about.recalculation": "Herberekening",
        "about.recalculation.text": "Elke formulecel bewaart haar bedrag (dat van de rekenkern), "
        "zodat een voorbeeldweergave, pandas of openpyxl de bedragen leest zonder herberekening. "
        "Excel rekent opnieuw bij het openen; LibreOffice toont de bewaarde bedragen en rekent "
        "opnieuw zodra een invoer verandert (of met Gegevens > Berekenen > Onvoorwaardelijk "
        "herberekenen).",
        "about.edits": "Wijzigingen in deze werkmap",
        "about.edits.count": "Invoer gewijzigd sinds de export",
        "about.edits.none": "geen: alle invoer is zoals geëxporteerd",
        "about.edits.some": "{count} van {total}: gemarkeerd met 'gewijzigd' in kolom {column} "
        "van blad {sheet}",
        "about.edits.import": "Wijzigingen terug naar een scenariobestand",
        "about.edits.import_text": "{command} schrijft een scenariobestand dat {file} uitbreidt "
        "(extends) met alleen de hier gewijzigde invoer, elk met de waarde die het had "
        "({example}); businesscase run WIJZIGINGEN.yaml geeft dan de bedragen van deze werkmap. "
        "Een gewijzigd jaar van een waarde per jaar maakt er een trapfunctie van ({{1: 3, 3: "
        "5}}). Tekst die geen getal is, een leeggemaakte invoer, een verwijderde rij, een "
        "overschreven formule of een hernoemd blad wordt geweigerd, met blad en cel.",
        "about.edits.import_several": " Deze werkmap bevat {count} scenario's: -o "
        "WIJZIGINGEN.yaml schrijft WIJZIGINGEN-1.yaml t/m WIJZIGINGEN-{count}.yaml, een per "
        "scenario, genummerd als de bladen.",
        "about.edits.cannot": "Wat een wijziging hier niet kan",
        "about.edits.cannot_text": "De looptijd wijzigen (de werkmap heeft een kolom per jaar), "
        "cursussen, trajectsoorten, routes of platformscenario's toevoegen of weghalen, wijzigen "
        "welke platforms een gemiddelde neemt, hoe een platform geprijsd is, een vastgezette "
        "waarde of een bandbreedte: die liggen vast bij de export. Wijzig ze in het "
        "scenariobestand en exporteer opnieuw: {command}",
        "about.record": "Vastlegging van de export: alle invoer zoals geëxporteerd, waarmee "
        "businesscase import het blad Invoer vergelijkt (niet wijzigen)",
        "about.record.key": "Pad in het scenariobestand",
        "about.record.input": "Invoer (cel)",
        "import.workbook": "WERKMAP.xlsx",
        "import.changes": "WIJZIGINGEN.yaml",
        "sheet.simulation": "Simulatie",
        "title.simulation": "Simulatie: {name}",
        "simulation.note": "Uitkomsten van een Monte-Carlosimulatie met vaste seed ({draws} "
        "trekkingen, seed {seed}) over de bandbreedtes hieronder: waarden, geen "
        "formules. Ze horen bij het scenario zoals geëxporteerd en volgen wijzigingen op het "
        "blad Invoer niet.",
        "simulation.recompute": "Opnieuw berekenen met: {command}  (een andere --draws of --seed "
        "geeft een andere run)",
        "simulation.run": "De run",
        "simulation.draws": "Trekkingen",
        "simulation.seed": "Seed",
        "simulation.ranged": "Parameters met een bandbreedte",
        "simulation.total": "Saldo opgeteld over",
        "simulation.years": "jaar {first}-{last}",
        "simulation.cumulative": "Cumulatief saldo over de trekkingen: een op de tien trekkingen "
        "eindigt onder P10, een op de tien boven P90",
        "simulation.p10": "P10",
        "simulation.p50": "P50 (mediaan)",
        "simulation.p90": "P90",
        "simulation.break_even": "Kans op terugverdienen tot en met dit jaar",
        "simulation.balance": "Saldo jaar {first}-{last} over de trekkingen",
        "simulation.mean": "Gemiddelde",
        "simulation.as_written": "Bij de waarden zoals opgegeven",
        "simulation.sensitivity": "Saldo jaar {first}-{last} met een parameter op zijn laagste of "
        "hoogste waarde en de andere zoals opgegeven, en hoeveel dat onder (-) of boven het "
        "saldo zoals opgegeven ligt (tornado, grootste uitslag eerst), en het aandeel van de "
        "parameter in de variantie over de trekkingen",
        "simulation.ranges": "De bandbreedtes waaruit getrokken is",
        "simulation.no_ranges": "Geen parameter heeft een bandbreedte: elke trekking is gelijk aan "
        "het scenario zoals opgegeven.",
        "simulation.col.parameter": "Parameter",
        "simulation.col.low": "Laag",
        "simulation.col.high": "Hoog",
        "simulation.col.at_low": "Saldo bij laag",
        "simulation.col.at_high": "Saldo bij hoog",
        "simulation.col.from_low": "Laag - opgegeven",
        "simulation.col.from_high": "Hoog - opgegeven",
        "simulation.col.swing": "Uitslag",
        "simulation.col.share": "Aandeel in variantie",
        "simulation.col.value": "Opgegeven waarde",
        "simulation.col.likely": "Meest waarschijnlijk",
        "simulation.col.distribution": "Verdeling",
        "simulation.col.sd": "Standaardafwijking",
        "simulation.col.range_source": "Bron van de bandbreedte",
        "simulation.growth": "{name}, groei",
        "distribution.triangular": "driehoek",
        "distribution.pert": "PERT",
        "distribution.uniform": "uniform",
        "distribution.normal": "normaal, afgekapt bij laag en hoog",
        "chart.fan_axis": "Cumulatief saldo (euro)",
        "chart.swing_axis": "Saldo jaar {first}-{last} min het saldo zoals opgegeven (euro)",
        "chart.swing_low": "Parameter op zijn laagste waarde",
        "chart.swing_high": "Parameter op zijn hoogste waarde",
        "about.simulation": "Simulatie",
        "about.simulation.values": "Blad {sheet}: waarden van een Monte-Carlosimulatie met vaste "
        "seed ({draws} trekkingen, seed {seed}), geen formules; ze volgen wijzigingen van de "
        "invoer niet. Opnieuw berekenen met: {command}",
        "about.simulation.no_ranges": "Geen blad Simulatie: geen parameter heeft een bandbreedte.",
        "about.simulation.left_out": "Geen blad Simulatie: weggelaten op verzoek "
        "(--no-simulation).",
    },
}


class Words:
    """The workbook's words in one language: `words("col.total", first=1, last=5)`."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)} (got {language!r})")
        self.language = language
        self._text = _TEXT[language]

    def __call__(self, key: str, **values: object) -> str:
        """The text for a key, with `{placeholders}` filled in."""
        return self._text[key].format(**values) if values else self._text[key]

    def section(self, section: str) -> str:
        """The heading of a catalogue section; a section this table does not know yet is shown
        by its name."""
        return self._text.get(f"section.{section}", section.replace("_", " ").capitalize())

    def label(self, label_en: str, label_nl: str) -> str:
        """A parameter's or line's label in this language (English when no Dutch is given)."""
        return label_nl if self.language == "nl" and label_nl else label_en

    def name(self, text: object) -> str:
        """A scenario's, course's or platform's name in this language (a name given per
        language, or the one name written)."""
        return text_in(text, self.language)  # type: ignore[arg-type]

    def count(self, value: int) -> str:
        """A whole number with the language's thousands separator: 10,000 or 10.000."""
        text = f"{value:,}"
        return text.replace(",", ".") if self.language == "nl" else text

    def number(self, value: float) -> str:
        """A number as a reader writes it: 1,000,000 and 0.5, or in Dutch 1.000.000 and 0,5."""
        if float(value).is_integer():
            return self.count(int(value))
        text = f"{value:,}"
        if self.language == "nl":
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text

    def percent(self, fraction: float) -> str:
        """A fraction as a percentage: 0.5 as 50%."""
        return self.number(float(percent_text(fraction)[:-1])) + "%"

    def unit(self, unit: str) -> str:
        """A unit as shown in the Unit column."""
        return unit_text(unit, self.language)
