"""The `export` command: scenario files to an Excel workbook with live formulas.

`businesscase export FILE [FILE ...] -o OUT.xlsx [--language en|nl] [--values-only]
[--set PATH=VALUE ...] [--draws N] [--seed S] [--simulation | --no-simulation]`; several files
give a block of sheets named after each scenario and a Compare sheet. Exit code 0
when written, 2 for bad input (a scenario that does not validate, a bad number of draws or seed,
an output path that cannot be written); then no file is left behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from businesscase.analytics.simulation import DEFAULT_DRAWS, DEFAULT_SEED
from businesscase.cli.options import (
    BAD_INPUT,
    OK,
    add_language,
    add_set,
    draws_argument,
    seed_argument,
)
from businesscase.model.errors import ScenarioError
from businesscase.scenario.loading import LoadedScenario, load_scenario


def add_export_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `export` on the CLI's subparsers; its handler is `args.handler(args)`."""
    parser = subparsers.add_parser(
        "export",
        help="write the business case to an Excel workbook with live formulas",
        description="Write one or more scenarios to an .xlsx workbook whose every figure is a "
        "formula over visible inputs (one block of sheets per scenario file).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="scenario file(s) (YAML)")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.xlsx", help="the workbook to write"
    )
    add_language(parser, "the labels")
    parser.add_argument(
        "--values-only",
        action="store_true",
        help="write the figures as values, without formulas (a frozen copy)",
    )
    add_set(parser, " in every file")
    parser.add_argument(
        "--draws",
        type=draws_argument,
        default=DEFAULT_DRAWS,
        metavar="N",
        help=f"draws of the Monte Carlo run on the Simulation sheet ({DEFAULT_DRAWS:,})",
    )
    parser.add_argument(
        "--seed",
        type=seed_argument,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"random seed of that run ({DEFAULT_SEED})",
    )
    parser.add_argument(
        "--simulation",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write a Simulation sheet (the values of a seeded run) for every scenario, or for "
        "none; by default for each scenario with ranged parameters",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="no longer needed: with several files the sheets are always named after the "
        "scenarios and a Compare sheet is added (accepted, with a note, for older scripts)",
    )
    parser.set_defaults(handler=export_command)
    return parser


def export_command(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Load every scenario (reporting all problems of all files at once), then write the
    workbook atomically. Returns the exit code."""
    from excel_export import SimulationSettings, write_workbook  # only this command needs it

    out, err = out or sys.stdout, err or sys.stderr
    target = Path(args.output)
    if target.suffix.lower() != ".xlsx":
        print(f"{args.output}: the output must be an .xlsx file", file=err)
        return BAD_INPUT
    try:
        settings = SimulationSettings(args.draws, args.seed, args.simulation)
    except ValueError as error:
        print(error, file=err)
        return BAD_INPUT
    loaded: list[LoadedScenario] = []
    reports: list[str] = []
    for file in args.files:
        try:
            loaded.append(load_scenario(file, args.set))
        except ScenarioError as error:
            reports.append(error.report())
    if reports:
        print("\n".join(reports), file=err)
        return BAD_INPUT
    if args.compare:
        print(
            "note: --compare is no longer needed: with several files the workbook always names "
            "the sheets after the scenarios and adds a Compare sheet",
            file=err,
        )
    try:
        write_workbook(loaded, target, args.language, args.values_only, settings)
    except OSError as error:
        print(f"{args.output}: cannot write the workbook ({error.strerror or error})", file=err)
        return BAD_INPUT
    count = f"{len(loaded)} scenario{'s' if len(loaded) != 1 else ''}"
    mode = "values" if args.values_only else "formulas"
    simulated = sum(settings.wanted(one.scenario) for one in loaded)
    if simulated:
        mode += f"; {simulated} Simulation sheet{'s' if simulated != 1 else ''}"
        mode += f" of {settings.draws:,} draws, seed {settings.seed}"
    print(f"wrote {target} ({count}, {mode})", file=out)
    return OK
