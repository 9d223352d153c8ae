"""The Simulation sheet: a block's seeded Monte Carlo run as values, never formulas. The run
(draws, seed) and the ranges drawn from; per platform scenario the P10/P50/P90 of the cumulative
balance and the probability of break-even by each year (with a fan chart each) and the spread of
the balance over the widest total; then the tornado with each parameter's share of the variance
(with a chart of the swings per platform scenario).

Columns A-C hold label, unit and key as on the other sheets; figures start in column D. The sheet
prints on A4 landscape, one page wide and as many tall as it takes, at a size that reads (about
7 points and up): labels and headings wrap in narrow columns, captions and the sources of the
ranges wrap across the table's width, the charts stand under their tables within the printed
width, and no chart is cut by the end of a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.cell.cell import Cell
from openpyxl.chart import Reference, Series
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import cents, to_cents
from excel_export.block import Block
from excel_export.layout import FIRST_ROW, define_name, year_column
from excel_export.simulation_charts import ChartPlan, place_charts, reserve
from excel_export.simulation_run import SimulationRun
from excel_export.styles import (
    EURO,
    KEY_FONT,
    PERCENT,
    TITLE_FONT,
    TOTAL_FONT,
    WHOLE,
    break_pages,
    fit_columns,
    header_row,
    number_format,
    print_setup,
    put_text,
    section_row,
    wrap_text,
)

LABEL, UNIT, KEY, FIRST = 1, 2, 3, year_column(1)
NOTE_FONT = Font(italic=True, color="C00000")
TORNADO_PARTS = ("low", "high", "at_low", "at_high", "from_low", "from_high", "swing", "share")
"""The tornado table's columns from D."""
RANGE_PARTS = ("value", "low", "likely", "high", "distribution", "sd", "range_source")
"""The ranges table's columns from D; the source spans the columns from its own to the last."""
LABEL_WIDTH, KEY_WIDTH = 45, 40
"""Widths of the label column (a longer label wraps) and of the key column."""
FIGURE_WIDTH = 15
"""Width of a column of figures: room for `-€ 9.999.999,99`; a heading wraps in it, and a
column is wider only for a heading's word that would not fit."""


def write_simulation(ws: Worksheet, block: Block, run: SimulationRun) -> None:
    """Fill the Simulation sheet of a block from its run, laid out for print."""
    words = block.words
    last = last_column(block)
    draws, seed = words.count(run.settings.draws), run.settings.seed
    put_text(
        ws.cell(1, 1), words("title.simulation", name=words.name(block.scenario.name))
    ).font = TITLE_FONT
    for number, text in (
        (2, words("simulation.note", draws=draws, seed=seed)),
        (3, words("simulation.recompute", command=run.command)),
    ):
        _across(ws, number, text, last).font = NOTE_FONT
    number = _write_run(ws, 5, block, run)
    number = _write_ranges(ws, number + 1, block, run)
    number, fans = _write_cumulative(ws, number + 1, block, run)
    number = _write_balance(ws, number, block, run)
    ws.row_breaks.append(Break(id=number))  # the tornado starts a printed page
    swings = _write_tornado(ws, number + 1, block, run)
    _fit_for_print(ws, last)
    charts = [*fans, *swings]
    place_charts(ws, charts)
    print_setup(ws, "1:3")
    end = max([ws.max_row, *(plan.span[1] for plan in charts)])
    ws.print_area = f"A1:{get_column_letter(last)}{end}"
    break_pages(ws, [plan.span for plan in charts], FIRST_ROW)


def last_column(block: Block) -> int:
    """The sheet's last column, the print's right edge: the tornado's last, or the last year's
    when the horizon is longer."""
    return max(FIRST + len(TORNADO_PARTS) - 1, year_column(block.horizon))


def _across(ws: Worksheet, number: int, text: str, last: int, first: int = LABEL) -> Cell:
    """Text in one cell merged from column `first` to `last`, where it wraps (`_fit_for_print`
    sets the row's height) rather than running past the printed width."""
    cell = put_text(ws.cell(number, first), text)
    ws.merge_cells(start_row=number, start_column=first, end_row=number, end_column=last)
    return cell


def _fit_for_print(ws: Worksheet, last: int) -> None:
    """Column widths that print the sheet one page wide at a size that reads, and rows tall
    enough for what then wraps: a merged text across its columns, and a label or heading
    longer than its column (but not a key, which has no spaces to wrap at, nor the one text of
    a band, which runs on over the empty cells beside it). A figure column is `FIGURE_WIDTH`
    wide, or wider for a heading's longest word."""
    merged = {(span.min_row, span.min_col): span for span in ws.merged_cells.ranges}
    limits = {LABEL: LABEL_WIDTH, KEY: KEY_WIDTH}
    for column in range(FIRST, last + 1):
        texts = [
            str(cell.value)
            for (cell,) in ws.iter_rows(min_row=FIRST_ROW, min_col=column, max_col=column)
            if isinstance(cell.value, str) and (cell.row, column) not in merged
        ]
        longest = max((len(word) for text in texts for word in text.split()), default=0)
        limits[column] = max(FIGURE_WIDTH, longest + 2)
    fit_columns(ws, limits)

    def width(first: int, end: int) -> float:
        letters = map(get_column_letter, range(first, end + 1))
        return sum(ws.column_dimensions[letter].width for letter in letters)

    for span in merged.values():
        wrap_text(ws.cell(span.min_row, span.min_col), width(span.min_col, span.max_col))
    for row in ws.iter_rows(min_row=FIRST_ROW, max_col=last):
        alone = sum(cell.value is not None for cell in row) == 1
        for cell in row:
            room = width(cell.column, cell.column)
            fits = not isinstance(cell.value, str) or len(cell.value) <= room - 1
            if not (alone or fits or cell.column == KEY or (cell.row, cell.column) in merged):
                horizontal = cell.alignment.horizontal
                wrap_text(cell, room)
                cell.alignment = Alignment(horizontal=horizontal, wrap_text=True)


def _caption(ws: Worksheet, number: int, text: str, block: Block) -> int:
    """A table's caption in bold, across the sheet's width; returns the row after it."""
    _across(ws, number, text, last_column(block)).font = TOTAL_FONT
    return number + 1


def _figure_row(
    ws: Worksheet,
    number: int,
    texts: tuple[str, str, str],
    values: Sequence[float],
    formats: str | Sequence[str],
    own_name: bool = True,
) -> None:
    """Label, unit and name, then the figures from column D, each in its number format. The
    name is the row's own (defined over its figures), or with `own_name` False the name of
    the input the row is about."""
    label, unit, name = texts
    put_text(ws.cell(number, LABEL), label)
    put_text(ws.cell(number, UNIT), unit)
    put_text(ws.cell(number, KEY), name).font = KEY_FONT
    shapes = [formats] * len(values) if isinstance(formats, str) else formats
    for offset, (value, shape) in enumerate(zip(values, shapes, strict=True)):
        cell = ws.cell(number, FIRST + offset, value)
        cell.number_format = shape
    if own_name:
        first, last = get_column_letter(FIRST), get_column_letter(FIRST + len(values) - 1)
        define_name(ws, name, f"${first}${number}:${last}${number}")


def _row_name(block: Block, platform_id: str, what: str) -> str:
    """The defined name of a row of results of a platform: `new_platform.cumulative_p10`
    (prefixed per scenario block as the block's other names)."""
    names = block.names
    return names.unique(f"{names.prefix}{names.plain(platform_id)}.{what}")


def _write_run(ws: Worksheet, number: int, block: Block, run: SimulationRun) -> int:
    """The run's draws and seed, how many parameters vary, and the years the balance spans."""
    words = block.words
    first, last = run.analysis.simulation.total_years
    section_row(ws, number, words("simulation.run"), FIRST + 5)
    pairs = [
        ("simulation.draws", run.settings.draws, WHOLE),
        ("simulation.seed", run.settings.seed, "0"),
        ("simulation.ranged", len(run.ranges), WHOLE),
    ]
    for offset, (key, value, shape) in enumerate(pairs, start=1):
        put_text(ws.cell(number + offset, LABEL), words(key))
        ws.cell(number + offset, FIRST, value).number_format = shape
    number += len(pairs) + 1
    put_text(ws.cell(number, LABEL), words("simulation.total"))
    years = put_text(ws.cell(number, FIRST), words("simulation.years", first=first, last=last))
    years.alignment = Alignment(horizontal="right")
    return number + 1


def _write_ranges(ws: Worksheet, number: int, block: Block, run: SimulationRun) -> int:
    """Every ranged parameter: its value as written, low, likely, high, distribution, standard
    deviation (normal ranges only) and the source of the range, which wraps across the
    columns from its own to the last. Returns the row after the table."""
    words = block.words
    last = last_column(block)
    number = _caption(ws, number, words("simulation.ranges"), block)
    source_column = FIRST + RANGE_PARTS.index("range_source")
    headings = [words("simulation.col.parameter"), words("col.unit"), words("col.input_name")]
    headings += [words(f"simulation.col.{part}") for part in RANGE_PARTS]
    header_row(ws, number, headings)
    ws.merge_cells(start_row=number, start_column=source_column, end_row=number, end_column=last)
    if not run.ranges:
        number += 1
        put_text(ws.cell(number, LABEL), words("simulation.no_ranges")).font = NOTE_FONT
    entries = {entry.path: entry for entry in block.entries}
    for path, param in run.ranges.items():
        number += 1
        entry = entries[path]
        shape = number_format(entry.unit)
        bounds = (param.value, param.low, param.most_likely, param.high)
        values = [float(v) for v in bounds]  # type: ignore[arg-type]
        texts = (block.input_title(path), words.unit(entry.unit), block.cells.inputs[path][2].name)
        _figure_row(ws, number, texts, values, shape, own_name=False)
        kind = words(f"distribution.{param.distribution or 'triangular'}")
        put_text(ws.cell(number, FIRST + 4), kind).alignment = Alignment(horizontal="center")
        if param.sd is not None:
            ws.cell(number, FIRST + 5, param.sd).number_format = shape
        _across(ws, number, param.range_source or "", last, source_column)
    return number + 2


def _write_cumulative(
    ws: Worksheet, number: int, block: Block, run: SimulationRun
) -> tuple[int, list[ChartPlan]]:
    """Per platform scenario: P10, P50 and P90 of the cumulative balance and the probability of
    break-even by each year; then room for a fan chart per platform."""
    words = block.words
    number = _caption(ws, number, words("simulation.cumulative"), block)
    years = [f"{words('year')} {year}" for year in block.years]
    header = number
    header_row(ws, header, [words("col.label"), words("col.unit"), words("col.key"), *years])
    last_column = FIRST + block.horizon - 1
    rows: dict[str, list[int]] = {}
    for platform_id, outcome in run.analysis.simulation.platforms.items():
        number += 1
        name = words.name(block.scenario.platforms[platform_id].name)
        section_row(ws, number, name, last_column)
        rows[platform_id] = []
        for part, series in zip(("p10", "p50", "p90"), outcome.cumulative_quantiles(), strict=True):
            number += 1
            rows[platform_id].append(number)
            name = _row_name(block, platform_id, f"cumulative_{part}")
            texts = (words(f"simulation.{part}"), words.unit("EUR"), name)
            _figure_row(ws, number, texts, cents(series), EURO)
        number += 1
        name = _row_name(block, platform_id, "break_even_probability")
        texts = (words("simulation.break_even"), words.unit("%"), name)
        probabilities = [float(p) for p in outcome.break_even_probability()]
        _figure_row(ws, number, texts, probabilities, PERCENT)
    plans = [
        ChartPlan(
            "fan",
            words.name(block.scenario.platforms[platform_id].name),
            (words("axis.year"), words("chart.fan_axis")),
            [
                Series(
                    Reference(ws, min_col=FIRST, max_col=last_column, min_row=row),
                    title=ws.cell(row, LABEL).value,
                )
                for row in platform_rows
            ],
            Reference(ws, min_col=FIRST, max_col=last_column, min_row=header),
        )
        for platform_id, platform_rows in rows.items()
    ]
    return reserve(plans, number + 2), plans


def _write_balance(ws: Worksheet, number: int, block: Block, run: SimulationRun) -> int:
    """Per platform scenario: P10, P50, P90 and mean of the balance over the widest total, and
    the balance at the values as written."""
    words = block.words
    first, last = run.analysis.simulation.total_years
    number = _caption(ws, number, words("simulation.balance", first=first, last=last), block)
    parts = ("simulation.p10", "simulation.p50", "simulation.p90", "simulation.mean")
    headings = [words("col.label"), words("col.unit"), words("col.key")]
    header_row(ws, number, [*headings, *map(words, parts), words("simulation.as_written")])
    for platform_id, outcome in run.analysis.simulation.platforms.items():
        number += 1
        name = words.name(block.scenario.platforms[platform_id].name)
        values = [*outcome.balance_quantiles(), outcome.balance_total.mean()]
        values.append(run.analysis.tornadoes[platform_id].base_balance)
        key = _row_name(block, platform_id, f"balance_{first}_{last}")
        texts = (name, words.unit("EUR"), key)
        _figure_row(ws, number, texts, cents(values), EURO)
    return number + 2


def _write_tornado(ws: Worksheet, number: int, block: Block, run: SimulationRun) -> list[ChartPlan]:
    """Per platform scenario, widest swing first: each parameter at its low and its high, the
    balance there, how far that is from the balance as written (below or above it), the swing
    and the parameter's share of the variance; then room for a chart per platform whose bars
    go left or right of the balance as written, so it shows which way each input moves it.
    Without ranges, a note that there is nothing to rank."""
    words = block.words
    first, last = run.analysis.simulation.total_years
    number = _caption(ws, number, words("simulation.sensitivity", first=first, last=last), block)
    parts = TORNADO_PARTS
    headings = [words("simulation.col.parameter"), words("col.unit"), words("col.input_name")]
    header_row(ws, number, headings + [words(f"simulation.col.{part}") for part in parts])
    if not run.ranges:
        put_text(ws.cell(number + 1, LABEL), words("simulation.no_ranges")).font = NOTE_FONT
        return []
    entries = {entry.path: entry for entry in block.entries}
    plans = []
    for platform_id, chart in run.analysis.tornadoes.items():
        number += 1
        name = words.name(block.scenario.platforms[platform_id].name)
        section_row(ws, number, name, FIRST + len(parts) - 1)
        start = number + 1
        shares = run.analysis.shares[platform_id]
        for bar in chart.bars:
            number += 1
            entry = entries[bar.path]
            shape = number_format(entry.unit)
            money = (
                bar.balance_at_low,
                bar.balance_at_high,
                bar.balance_at_low - chart.base_balance,
                bar.balance_at_high - chart.base_balance,
                bar.swing,
            )
            values = [bar.low, bar.high, *map(to_cents, money)]
            values.append(shares.get(bar.path, 0.0))
            formats = [shape, shape, EURO, EURO, EURO, EURO, EURO, PERCENT]
            name_of = block.cells.inputs[bar.path][2].name
            texts = (block.input_title(bar.path), words.unit(entry.unit), name_of)
            _figure_row(ws, number, texts, values, formats, own_name=False)
        plans.append(
            ChartPlan(
                "swing",
                name,
                (
                    words("simulation.col.parameter"),
                    words("chart.swing_axis", first=first, last=last),
                ),
                [
                    Series(
                        Reference(ws, min_col=column, min_row=start, max_row=number),
                        title=words(f"chart.swing_{side}"),
                    )
                    for side, column in (
                        ("low", FIRST + parts.index("from_low")),
                        ("high", FIRST + parts.index("from_high")),
                    )
                ],
                Reference(ws, min_col=LABEL, min_row=start, max_row=number),
            )
        )
    reserve(plans, number + 2)
    return plans
