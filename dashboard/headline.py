"""The headline: per platform scenario its balance over the reported year ranges and its
break-even year as metric cards, ranked by the balance over the widest range (highest first,
an average marked as one, each with its description), then the year-by-year table, all read
from the engine."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd
import streamlit as st

from businesscase import RESULT_LINES, Results, measures, text_in, total_change
from dashboard import tables
from dashboard.i18n import Language, break_even_text, label, money, number, quantity, t


@dataclass(frozen=True)
class Card:
    """One platform scenario at a glance: its name and (label, value) figures."""

    platform: str
    name: str
    figures: list[tuple[str, str]]
    """(label, value) per figure, as shown."""
    balance: float = 0.0
    """The balance over the widest reported range, as the engine totals it: the rank."""
    average: bool = False
    """Whether the platform scenario is the average of others."""
    description: str = ""
    changes: list[str | None] | None = None
    """Per figure, its change against the file (`+€ 1.234,00`), when the page has edits."""
    reference: bool = False
    """Whether this is the do-nothing reference, not a platform scenario."""


def cards(results: Results, lang: Language, base: Results | None = None) -> list[Card]:
    """A card per platform scenario: balance per reported year range, break-even, then over
    the widest range the balance in money and the net staff hours (with the FTE a year); with
    `base` (the file without the page's edits) each amount's change against it."""
    same_years = base is not None and base.scenario.horizon_years == results.scenario.horizon_years
    return [_card(results, pid, lang, base if same_years else None) for pid in results.platform_ids]


def _card(results: Results, pid: str, lang: Language, base: Results | None) -> Card:
    """One platform scenario's card; each amount with its change against `base`, if given."""
    first, last = measures.widest_total(results.scenario)
    figures: list[tuple[str, str]] = []
    changes: list[str | None] = []

    def put(text: str, shown: str, line: str | None, span: tuple[int, int]) -> None:
        """A figure, and the change of the line's total over `span` that it shows."""
        figures.append((text, shown))
        if base is None or line is None:
            changes.append(None)
        else:
            changes.append(_change_text(base, results, pid, line, span, lang))

    for span in results.scenario.totals:
        balance = money(float(results.total(pid, "balance", *span)), lang)
        put(t(lang, "balance_years", first=span[0], last=span[1]), balance, "balance", span)
    year = results.break_even_year(pid)
    put(
        t(lang, "break_even"),
        break_even_text(year, results.scenario.horizon_years, lang),
        None,
        (first, last),
    )
    cash = money(float(results.total(pid, "cash_balance", first, last)), lang)
    put(t(lang, "cash_years", first=first, last=last), cash, "cash_balance", (first, last))
    hours = quantity(float(results.total(pid, "hours_net", first, last)), "h", lang)
    per_year = float(results.total(pid, "fte_net", first, last)) / (last - first + 1)
    fte = number(round(per_year, 2), lang)  # shown to a hundredth of a post
    shown = t(lang, "hours_and_fte", hours=hours, fte=fte)
    put(t(lang, "hours_years", first=first, last=last), shown, "hours_net", (first, last))
    platform = results.scenario.platforms[pid]
    return Card(
        pid,
        text_in(platform.name, lang),
        figures,
        float(results.total(pid, "balance", first, last)),
        bool(platform.average_of),
        text_in(platform.description, lang),
        changes if base is not None else None,
    )


def _change_text(
    base: Results, results: Results, pid: str, line: str, span: tuple[int, int], lang: Language
) -> str | None:
    """A figure's change against the file, signed first (`+€ 1.234,00`, `-12,5 uur`); None for a
    figure that did not move."""
    change = total_change(base, results, pid, line, *span)
    if money(change, lang) == money(0, lang):
        return None
    size = abs(change)
    shown = quantity(size, "h", lang) if line == "hours_net" else money(size, lang)
    return f"-{shown}" if change < 0 else f"+{shown}"  # the sign first: metric's arrow reads it


def do_nothing(results: Results, lang: Language) -> Card:
    """The reference of doing nothing: no platform, no online help, so no costs and no
    savings; every amount 0 and no break-even to reach. Ranked among the platform scenarios,
    it shows which of them cost more than they save."""
    first, last = measures.widest_total(results.scenario)
    zero = money(0, lang)
    figures = [
        (t(lang, "balance_years", first=start, last=end), zero)
        for start, end in results.scenario.totals
    ]
    figures.append((t(lang, "break_even"), t(lang, "not_applicable")))
    figures.append((t(lang, "cash_years", first=first, last=last), zero))
    figures.append((t(lang, "hours_years", first=first, last=last), quantity(0, "h", lang)))
    return Card(
        "do-nothing",
        t(lang, "do_nothing"),
        figures,
        description=t(lang, "do_nothing_help"),
        reference=True,
    )


def ranked(found: list[Card]) -> list[Card]:
    """The cards by their balance over the widest range, highest first (equal ones in the
    file's order, a platform scenario before the reference it equals)."""
    return sorted(found, key=lambda card: (-card.balance, card.reference))


def card_name(card: Card, lang: Language) -> str:
    """The platform scenario's name, an average marked as one: `Average of ... (average)`."""
    return marked_name(card.name, card.average, lang)


def marked_name(name: str, average: bool, lang: Language) -> str:
    """A name, marked as an average's when it is one."""
    return f"{name} {t(lang, 'average_mark')}" if average else name


def ranked_platforms(results: Results) -> list[str]:
    """The platform scenarios' ids in the cards' order (`ranked`): by the balance over the
    widest range, highest first, equal ones in the file's order."""
    first, last = measures.widest_total(results.scenario)
    return sorted(
        results.platform_ids, key=lambda pid: -float(results.total(pid, "balance", first, last))
    )


def _year_columns(results: Results, lang: Language) -> list[str]:
    return [t(lang, "year_n", year=int(year)) for year in results.years]


def _total_columns(results: Results, lang: Language) -> list[str]:
    return [t(lang, "total_n", first=f, last=last) for f, last in results.scenario.totals]


def year_table(results: Results, pid: str, lang: Language) -> pd.DataFrame:
    """A platform scenario's savings, costs, balance and cumulative balance in euros: a row
    per year, then a row per reported total (empty for the running total). Years run down, so
    the four amounts fit side by side on a phone as well."""
    lines = [results.lines[f"{pid}.{name}"] for name in RESULT_LINES]
    by_line = [[money(v, lang) for v in results.platform_line(pid, name)] for name in RESULT_LINES]
    rows = [
        [year, *(values[index] for values in by_line)]
        for index, year in enumerate(_year_columns(results, lang))
    ]
    for index, total in enumerate(_total_columns(results, lang)):
        found = [results.totals(line.key) for line in lines]
        rows.append([total, *(money(f[index], lang) if f is not None else "" for f in found)])
    columns = [t(lang, "year"), *(label(line.spec, lang) for line in lines)]
    return pd.DataFrame(rows, columns=columns)


def lines_table(results: Results, lang: Language) -> pd.DataFrame:
    """The savings by line (the same for every platform) and each platform's costs by line,
    leaving out cost lines that are zero in every year."""
    rows = []
    for name in results.savings_names:
        spec = results.lines[name].spec
        rows.append(["", label(spec, lang), *(money(v, lang) for v in results.line(name))])
    for pid in results.platform_ids:
        platform = text_in(results.scenario.platforms[pid].name, lang)
        for name in results.cost_names(pid):
            values = [money(v, lang) for v in results.platform_line(pid, name)]
            if any(value != money(0, lang) for value in values):
                spec = results.lines[f"{pid}.{name}"].spec
                rows.append([platform, label(spec, lang), *values])
    columns = [t(lang, "platform"), t(lang, "line"), *_year_columns(results, lang)]
    return pd.DataFrame(rows, columns=columns)


def cards_html(shown: list[Card], lang: Language) -> str:
    """The cards as one block of HTML: per card its name (the reference in italics), its
    description, then a row of its figures, each with its label, its value and, after an edit,
    its change against the file (green up, red down). One element instead of a container,
    columns and a metric per figure: a rerun sends ~25 messages fewer and the browser redraws
    one block. Every text is escaped (names and descriptions may come from an uploaded file)."""
    inner = "".join(_card_html(card, lang) for card in shown)
    return f'<div class="bc-cards" lang="{lang}">{inner}</div>'


def _card_html(card: Card, lang: Language) -> str:
    name = escape(card_name(card, lang))
    kind = "bc-card bc-reference" if card.reference else "bc-card"
    head = f"<em>{name}</em>" if card.reference else f"<strong>{name}</strong>"
    description = (
        f'<div class="bc-description">{escape(card.description)}</div>' if card.description else ""
    )
    changes = card.changes or [None] * len(card.figures)
    figures = "".join(
        _figure_html(text, value, change)
        for (text, value), change in zip(card.figures, changes, strict=True)
    )
    return (
        f'<section class="{kind}" data-platform="{escape(card.platform)}">'
        f'<div class="bc-name">{head}</div>{description}'
        f'<div class="bc-figures">{figures}</div></section>'
    )


def _figure_html(text: str, value: str, change: str | None) -> str:
    """One figure as a bordered box; a change is signed first, as `_change_text` writes it."""
    shown = ""
    if change is not None:
        down = change.startswith("-")
        arrow = "\u25bc" if down else "\u25b2"  # ▼ ▲
        shown = (
            f'<div class="bc-change {"bc-down" if down else "bc-up"}">'
            f'<span aria-hidden="true">{arrow}</span> <span>{escape(change)}</span></div>'
        )
    return (
        f'<div class="bc-figure"><div class="bc-label">{escape(text)}</div>'
        f'<div class="bc-value">{escape(value)}</div>{shown}</div>'
    )


def show_cards(results: Results, lang: Language, base: Results | None = None) -> None:
    """The metric cards: per platform scenario, ranked by its balance over the widest range
    with the do-nothing reference among them, its name and description, then a row of its
    figures, so each figure lines up in a column; with `base` (the file without the page's
    edits) each amount's change against the file under it."""
    first, last = measures.widest_total(results.scenario)
    st.caption(t(lang, "ranked", first=first, last=last))
    shown = ranked([*cards(results, lang, base), do_nothing(results, lang)])
    st.html(cards_html(shown, lang))  # on a phone a compact panel of its own (`style`)


def show_year_table(results: Results, lang: Language) -> None:
    """A year table per platform scenario under its name, ranked as the cards, two side by side
    on a wide page (one under the other on a phone), all in one block; then the lines behind
    them in an expander. The tab it is in names it (`tab_years`)."""
    platforms = results.scenario.platforms

    def block(pid: str) -> str:
        platform = platforms[pid]
        name = marked_name(text_in(platform.name, lang), bool(platform.average_of), lang)
        table = tables.frame_html(year_table(results, pid, lang), f"year-{pid}")
        return f'<div><p class="bc-table-name"><strong>{escape(name)}</strong></p>{table}</div>'

    blocks = "".join(block(pid) for pid in ranked_platforms(results))
    st.html(f'<div class="bc-year-tables">{blocks}</div>')
    detail = st.expander(t(lang, "lines_detail"), key="lines_detail", on_change="rerun")
    if detail.open:
        with detail:
            tables.show(lines_table(results, lang), "lines", numbers_from=2)
