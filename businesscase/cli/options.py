"""Options shared by several commands: `--set`, `--draws`, `--seed`.

Every command imports this module, so it imports nothing heavy itself: `--draws` and `--seed`
are checked by the simulation's own rule (`check_run`), imported when such an option is read,
so that `run` and `validate` do not load the simulation (and its threads and logging)."""

from __future__ import annotations

import argparse

from businesscase.model.units import LANGUAGES

OK, BAD_INPUT = 0, 2
"""The exit codes: done, or bad input (a file, a value, an argument), never a traceback."""


def add_set(parser: argparse.ArgumentParser, what: str = "") -> None:
    """The repeatable `--set PATH=VALUE` option (`args.set`); `what` says where it applies."""
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help=f"change a parameter{what}, e.g. hourly_wage=80 or "
        "courses.ass_jv.groups_per_year=10 (repeatable)",
    )


def add_language(parser: argparse.ArgumentParser, what: str) -> None:
    """The `--language en|nl` option of a command that writes words (`args.language`)."""
    parser.add_argument("--language", choices=LANGUAGES, default="en", help=f"language of {what}")


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number (got {text!r})") from None


def _check_run(draws: int, seed: int) -> None:
    """The simulation's check of a run's draws and seed (a ValueError saying what is wrong)."""
    from businesscase.analytics.simulation import check_run  # see the module's docstring

    check_run(draws, seed)


def draws_argument(text: str) -> int:
    """`--draws`: a whole number from 1 to MAX_DRAWS (argparse exits with 2 otherwise)."""
    draws = _whole_number(text)
    try:
        _check_run(draws, 0)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("draws ")) from None
    return draws


def seed_argument(text: str) -> int:
    """`--seed`: a whole number from 0 (argparse exits with 2 otherwise)."""
    seed = _whole_number(text)
    try:
        _check_run(1, seed)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("seed ")) from None
    return seed
