"""The Simulation sheet: a block's seeded Monte Carlo run as values, never formulas. The run
(draws, seed) and the ranges drawn from; per platform scenario the P10/P50/P90 of the cumulative
balance and the probability of break-even by each year (with a fan chart each) and the spread of
the balance over the widest total; then the tornado with each parameter's share of the variance
(with a chart of the swings per platform scenario).

Columns A-C hold label, unit and key as on the other sheets; figures start in column D.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import Reference, Series
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from businesscase import cents, to_cents
from excel_export.block import Block
from excel_export.layout import define_name, year_column
from excel_export.simulation_charts import ChartPlan, place_charts, reserve
from excel_export.simulation_run import SimulationRun
from excel_export.styles import (
    EURO,
    KEY_FONT,
    PERCENT,
    TITLE_FONT,
    TOTAL_FONT,
    WHOLE,
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
SOURCE_WIDTH = 80
"""Width of the column where the source of each range wraps."""


def write_simulation(ws: Worksheet, block: Block, run: SimulationRun) -> None:
    """Fill the Simulation sheet of a block from its run."""
    words = block.words
    draws, seed = words.count(run.settings.draws), run.settings.seed
    put_text(
        ws.cell(1, 1), words("title.simulation", name=words.name(block.scenario.name))
    ).font = TITLE_FONT
    put_text(ws.cell(2, 1), words("simulation.note", draws=draws, seed=seed)).font = NOTE_FONT
    put_text(ws.cell(3, 1), words("simulation.recompute", command=run.command)).font = NOTE_FONT
    number = _write_run(ws, 5, block, run)
    number, source_column = _write_ranges(ws, number + 1, block, run)
    number, fans = _write_cumulative(ws, number + 1, block, run)
    number = _write_balance(ws, number, block, run)
    ws.row_breaks.append(Break(id=number))  # the tornado starts a printed page
    swings = _write_tornado(ws, number + 1, block, run)
    fit_columns(ws, {LABEL: 75, KEY: 40, source_column: SOURCE_WIDTH})
    place_charts(ws, [*fans, *swings])
    print_setup(ws, "1:3")
    # the wide column of range sources stays in the print: without it the sheet prints larger,
    # on twice the pages, and the tornado no longer starts the second page


def _caption(ws: Worksheet, number: int, text: str) -> int:
    """A table's caption in bold; returns the row after it."""
    put_text(ws.cell(number, LABEL), text).font = TOTAL_FONT
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


def _write_ranges(ws: Worksheet, number: int, block: Block, run: SimulationRun) -> tuple[int, int]:
    """Every ranged parameter: its value as written, low, likely, high, distribution, standard
    deviation (normal ranges only) and the source of the range. Returns the row after the
    table and the source's column."""
    words = block.words
    number = _caption(ws, number, words("simulation.ranges"))
    parts = ("value", "low", "likely", "high", "distribution", "sd", "range_source")
    # the wide column of sources right of every column of figures below it (the tornado's)
    source_column = max(FIRST + len(TORNADO_PARTS), year_column(block.horizon) + 1)
    headings = [words("simulation.col.parameter"), words("col.unit"), words("col.input_name")]
    headings += [words(f"simulation.col.{part}") for part in parts[:-1]]
    headings += [""] * (source_column - len(headings) - 1)
    header_row(ws, number, [*headings, words("simulation.col.range_source")])
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
        source = put_text(ws.cell(number, source_column), param.range_source or "")
        wrap_text(source, SOURCE_WIDTH)
    return number + 2, source_column


def _write_cumulative(
    ws: Worksheet, number: int, block: Block, run: SimulationRun
) -> tuple[int, list[ChartPlan]]:
    """Per platform scenario: P10, P50 and P90 of the cumulative balance and the probability of
    break-even by each year; then room for a fan chart per platform."""
    words = block.words
    number = _caption(ws, number, words("simulation.cumulative"))
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
    number = _caption(ws, number, words("simulation.balance", first=first, last=last))
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
    number = _caption(ws, number, words("simulation.sensitivity", first=first, last=last))
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
