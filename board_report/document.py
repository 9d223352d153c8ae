"""The report as a PDF: page 1 holds the decision (a sentence per platform scenario, ranked by
balance), the cumulative balance chart and the year table; page 2 the scenario's files and
changes, the errata and notes, the main inputs with their sources, the version and the command
that writes the same report again.

`report_bytes` gives the same bytes for the same scenario and language (the PDF is written
with reportlab's invariant mode: no time stamp, no random document id), so the app's download
and the command line's file are one and the same report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from board_report.chart import FONT, cumulative_chart
from board_report.content import Block, Content, Decision, PinNote, read_content
from board_report.sources import erratum_sources, input_groups
from board_report.words import Words
from businesscase import LoadedScenario, write_atomically

MARGIN = 14 * mm
WIDTH = A4[0] - 2 * MARGIN
CHART_HEIGHT = 200.0
MAX_NUMBER_COLUMNS = 10
"""Years and totals per table; a longer horizon gets a second table below the first."""
LABEL_WIDTH = 118.0
NUMBER_SIZE = 6.8
"""Font size of the figures in the year table."""
CELL_PADDING = 2.0
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")
BAND = colors.HexColor("#eef2f7")

_STYLES: dict[str, ParagraphStyle] = {
    "title": ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=15, leading=18),
    "subtitle": ParagraphStyle(
        "subtitle", fontName=FONT, fontSize=9, leading=11.5, textColor=MUTED, spaceAfter=2
    ),
    "heading": ParagraphStyle(
        "heading",
        fontName="Helvetica-Bold",
        fontSize=10,
        leading=12.5,
        spaceBefore=7,
        spaceAfter=3,
    ),
    "body": ParagraphStyle("body", fontName=FONT, fontSize=8.2, leading=10.4, textColor=INK),
    "decision": ParagraphStyle(
        "decision",
        fontName=FONT,
        fontSize=8.2,
        leading=10.4,
        leftIndent=12,
        firstLineIndent=-12,
        spaceAfter=3.5,
        textColor=INK,
    ),
    "small": ParagraphStyle("small", fontName=FONT, fontSize=7, leading=8.6, textColor=MUTED),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=6.8, leading=8.0),
    "cell_bold": ParagraphStyle("cell_bold", fontName="Helvetica-Bold", fontSize=7, leading=8.4),
    "number": ParagraphStyle(
        "number", fontName=FONT, fontSize=NUMBER_SIZE, leading=8.0, alignment=TA_RIGHT
    ),
    "source": ParagraphStyle("source", fontName=FONT, fontSize=6.4, leading=7.5),
    "command": ParagraphStyle("command", fontName="Courier", fontSize=7, leading=8.6),
}


def _text(text: str) -> str:
    """Plain text for a Paragraph (whose text is markup)."""
    return escape(text)


def report_bytes(loaded: LoadedScenario, language: str) -> bytes:
    """The board report of a loaded scenario as PDF bytes, in English (`en`) or Dutch (`nl`).
    Raises ValueError for another language."""
    words = Words(language)
    content = read_content(loaded, words.language)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=words("title", name=content.name),
        author="businesscase",
        subject=words("decision", first=content.span[0], last=content.span[1]),
        creator=f"businesscase {content.version}",
        invariant=1,
    )
    story = [*_first_page(content, words), PageBreak(), *_second_page(loaded, content, words)]
    document.build(story, canvasmaker=_numbered_canvas(words, content))
    return buffer.getvalue()


def write_report(loaded: LoadedScenario, path: str | Path, language: str) -> Path:
    """Write the report to `path` atomically: built in memory, saved to a temporary file beside
    the target, then renamed over it; a failure leaves no half-written file and keeps a report
    already at `path`. Raises OSError when the path cannot be written, ValueError for a
    language the report is not written in."""
    return write_atomically(path, report_bytes(loaded, language))


# ---------------------------------------------------------------- page 1: the decision


def _first_page(content: Content, words: Words) -> list[Flowable]:
    first, last = content.span
    story: list[Flowable] = [
        Paragraph(_text(words("title", name=content.name)), _STYLES["title"]),
        Paragraph(
            _text(words("subtitle", platforms=len(content.blocks), years=content.horizon)),
            _STYLES["subtitle"],
        ),
        *([Paragraph(_text(content.description), _STYLES["small"])] if content.description else []),
        Paragraph(_basis(content, words), _STYLES["small"]),
        Paragraph(_text(words("decision", first=first, last=last)), _STYLES["heading"]),
    ]
    for rank, decision in enumerate(content.decisions, start=1):
        story.append(Paragraph(_decision(rank, decision, content, words), _STYLES["decision"]))
    if content.draws is not None:
        simulation = words(
            "chance_source",
            draws=words.count(content.draws),
            ranged=content.ranged,
            seed=content.seed,
        )
        story.append(Paragraph(_text(simulation), _STYLES["small"]))
    story.append(Paragraph(_text(words("how_to_read")), _STYLES["small"]))
    story.append(
        KeepTogether(
            [
                Paragraph(_text(words("chart")), _STYLES["heading"]),
                cumulative_chart(content.blocks, content.years, words, WIDTH, CHART_HEIGHT),
            ]
        )
    )
    story.append(CondPageBreak(80))
    story.append(Paragraph(_text(words("table")), _STYLES["heading"]))
    story += _year_tables(content, words)
    return story


def _basis(content: Content, words: Words) -> str:
    """Where the figures come from, in one line: the file, any changes, any pinned figures."""
    file = content.files[-1] if content.files else content.name
    text = words("basis", file=file) + ", "
    if content.changes:
        text += words("basis_changes", changes="; ".join(content.changes))
    else:
        text += words("basis_no_changes")
    if content.pins:
        text += " " + words("basis_pins", count=len(content.pins))
    return _text(text)


def _display_name(name: str, members: Sequence[str], words: Words) -> str:
    """A platform scenario's name; an average marked as one, with what it is the mean of."""
    if not members:
        return _text(name)
    averaged = words("average_of", members=words("and").join(members))
    return f"{_text(name)} <i>({_text(averaged)})</i>"


def _short_name(block: Block, words: Words) -> str:
    """A platform scenario's name, an average tagged as one."""
    if not block.is_average:
        return _text(block.name)
    return f"{_text(block.name)} <i>{_text(words('average_tag'))}</i>"


def _decision(rank: int, decision: Decision, content: Content, words: Words) -> str:
    """The decision for one platform scenario, in a few short sentences."""
    first, last = content.span
    balance = words(
        "balance",
        first=first,
        last=last,
        balance=f"<b>{_text(words.money(decision.balance))}</b>",
        cash=_text(words.money(decision.cash_balance)),
    )
    hours = words(
        "hours",
        first=first,
        last=last,
        hours=_text(f"{words.fixed(decision.hours_net, 1)} {words.unit('h')}"),
        fte=_text(f"{words.fixed(decision.fte_last_year, 2)} {words.unit('FTE')}"),
    )
    if decision.break_even is not None:
        reach = words("break_even", year=decision.break_even)
    else:
        reach = words("break_even_none", years=content.horizon)
    if decision.cash_break_even is not None:
        reach += words("cash_break_even", year=decision.cash_break_even)
    else:
        reach += words("cash_break_even_none", years=content.horizon)
    parts = [balance, f"<b>{_text(reach)}</b>", _text(hours)]
    if round(decision.funder_gain, 2):
        money = _text(words.money(decision.funder_gain))
        parts.append(_text(words("funder_gain", money=money, first=first, last=last)))
    if round(decision.client_hours, 1):
        saved = f"{words.fixed(decision.client_hours, 1)} {words.unit('h')}"
        parts.append(_text(words("clients_gain", hours=saved, first=first, last=last)))
    if decision.chance is not None and content.draws is not None:
        parts.append(
            _text(words("chance", year=content.horizon, chance=words.percent(decision.chance)))
        )
    name = _display_name(decision.name, decision.members, words)
    return f"{rank}.&nbsp;&nbsp;<b>{name}</b>. " + " ".join(parts)


def _year_tables(content: Content, words: Words) -> list[Flowable]:
    """The year table: per platform scenario its savings, costs, balance and cumulative
    balance by year, with the reported totals; split when there are many years."""
    columns: list[tuple[str, int | None, int | None]] = [
        (words("col_year", year=year), year, None) for year in content.years
    ]
    columns += [
        (words("col_total", first=first, last=last), None, index)
        for index, (first, last) in enumerate(content.totals)
    ]
    tables: list[Flowable] = []
    per_table = _columns_that_fit(content, columns, words)
    for start in range(0, len(columns), per_table):
        part = columns[start : start + per_table]
        tables.append(_year_table(content.blocks, part, words))
        tables.append(Spacer(1, 6))
    return tables


def _columns_that_fit(
    content: Content, columns: list[tuple[str, int | None, int | None]], words: Words
) -> int:
    """How many columns of figures one table holds: as many as the widest amount (or column
    title) allows beside the labels, at most MAX_NUMBER_COLUMNS."""
    shown = [words.amount(v) for block in content.blocks for row in block.rows for v in row.values]
    shown += [
        words.amount(v) for block in content.blocks for row in block.rows for v in row.totals or ()
    ]
    widest = max(
        [stringWidth(text, FONT, NUMBER_SIZE) for text in shown]
        + [stringWidth(title, "Helvetica-Bold", NUMBER_SIZE) for title, _, _ in columns]
    )
    fit = int((WIDTH - LABEL_WIDTH) // (widest + 2 * CELL_PADDING + 2))
    return max(1, min(MAX_NUMBER_COLUMNS, fit))


def _year_table(
    blocks: Sequence[Block], columns: list[tuple[str, int | None, int | None]], words: Words
) -> Table:
    number_width = (WIDTH - LABEL_WIDTH) / len(columns)
    header = [Paragraph("", _STYLES["cell"])] + [
        Paragraph(f"<b>{_text(title)}</b>", _STYLES["number"]) for title, _, _ in columns
    ]
    rows: list[list[Any]] = [header]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, NUMBER_SIZE, 8.0),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    for block in blocks:
        heading = len(rows)
        rows.append(
            [Paragraph(f"<b>{_short_name(block, words)}</b>", _STYLES["cell"])]
            + [""] * len(columns)
        )
        style += [
            ("SPAN", (0, heading), (-1, heading)),
            ("BACKGROUND", (0, heading), (-1, heading), BAND),
            ("TOPPADDING", (0, heading), (-1, heading), 2.5),
        ]
        for row in block.rows:
            cells: list[Any] = [
                Paragraph(_text(words.label(row.label, row.label_nl)), _STYLES["cell"])
            ]
            for _, year, total in columns:
                if year is not None:
                    value: float | None = row.values[year - 1]
                else:
                    value = (
                        row.totals[total] if row.totals is not None and total is not None else None
                    )
                cells.append(words.amount(value) if value is not None else "")
            rows.append(cells)
        style.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.3, RULE))
    table = Table(
        rows,
        colWidths=[LABEL_WIDTH] + [number_width] * len(columns),
        repeatRows=1,
        hAlign="LEFT",
    )
    style.append(("ALIGN", (1, 1), (-1, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


# ---------------------------------------------------------------- page 2: the assumptions


def _second_page(loaded: LoadedScenario, content: Content, words: Words) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(_text(words("assumptions", name=content.name)), _STYLES["title"]),
    ]
    story.append(_lineage(content, words))
    story.append(Paragraph(_text(words("notes")), _STYLES["heading"]))
    story += _notes(loaded, content, words)
    story.append(Paragraph(_text(words("inputs")), _STYLES["heading"]))
    story.append(_sources_table(loaded, words))
    story += [
        Spacer(1, 8),
        Paragraph(_text(words("version", version=content.version)), _STYLES["small"]),
        Paragraph(
            _text(words("reproduce", command=content.command(words.language))),
            _STYLES["command"],
        ),
    ]
    return story


def _lineage(content: Content, words: Words) -> Table:
    """The files the scenario came from and the changes on top, as two labelled rows."""
    files = " <- ".join(reversed(content.files)) or "-"
    changes = "; ".join(content.changes) or words("none")
    rows = [
        [
            Paragraph(f"<b>{_text(words(key))}</b>", _STYLES["body"]),
            Paragraph(_text(value), _STYLES["body"]),
        ]
        for key, value in (("files", files), ("changes", changes))
    ]
    table = Table(rows, colWidths=[WIDTH * 0.3, WIDTH * 0.7], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _notes(loaded: LoadedScenario, content: Content, words: Words) -> list[Flowable]:
    notes = [_pin_text(pin, words) for pin in content.pins]
    notes += [
        _text(words("erratum_source", label=label, source=source))
        for label, source in erratum_sources(loaded, words)
    ]
    if not content.pins:
        notes.insert(0, _text(words("no_pins")))
    return [Paragraph(f"&bull;&nbsp;{note}", _STYLES["body"]) for note in notes]


def _pin_text(pin: PinNote, words: Words) -> str:
    return _text(
        words(
            "pinned",
            label=words.label(pin.label, pin.label_nl),
            key=pin.key,
            value=words.quantity(pin.value, pin.unit),
            years=_years_text(pin.years, words),
            reason=pin.reason,
        )
    )


def _years_text(years: Sequence[int], words: Words) -> str:
    """`years 1-6`, `years 1-2, 5` or `year 3` (`jaar 1-6`, ...)."""
    if len(years) == 1:
        return words("year_single", year=years[0])
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    spans = [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    return words("years_list", years=", ".join(spans))


def _sources_table(loaded: LoadedScenario, words: Words) -> Table:
    """The main inputs with their values and sources, under a row per course, trajectory type
    or platform they belong to."""
    rows: list[list[Any]] = [
        [
            Paragraph(f"<b>{_text(words(key))}</b>", _STYLES["source"])
            for key in ("col_input", "col_value", "col_source")
        ]
    ]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 6.4, 7.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for group in input_groups(loaded, words):
        if group.owner:
            heading = f"<b>{_text(group.owner)}</b>"
            if group.left_out:
                same = words("same_as", count=group.left_out, other=group.same_as)
                heading += f"&nbsp;&nbsp;<i>{_text(same)}</i>"
            rows.append([Paragraph(heading, _STYLES["source"]), "", ""])
            style += [
                ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), BAND),
            ]
        for item in group.items:
            source = _text(item.source) if item.source else f"<i>{_text(words('no_source'))}</i>"
            if item.range_source:
                source += f" <i>{_text(words('range_source', source=item.range_source))}</i>"
            rows.append(
                [
                    Paragraph(_text(item.label), _STYLES["source"]),
                    Paragraph(_text(item.value), _STYLES["source"]),
                    Paragraph(source, _STYLES["source"]),
                ]
            )
            style.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.25, RULE))
    widths = [WIDTH * 0.28, WIDTH * 0.17, WIDTH * 0.55]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


# ---------------------------------------------------------------- the page footer


def _numbered_canvas(words: Words, content: Content) -> type[Canvas]:
    """A canvas that writes `page n of m` and the version at the foot of every page (the count
    is known only once every page is laid out)."""
    footer = f"{content.name}  \u00b7  businesscase {content.version}"

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 6.5)
                self.setFillColor(MUTED)
                self.drawString(MARGIN, MARGIN - 2, footer)
                page = words("page", page=self._pageNumber, pages=len(self._pages))
                self.drawRightString(A4[0] - MARGIN, MARGIN - 2, page)
                super().showPage()
            super().save()

    return NumberedCanvas
