"""Shared test fixtures: the reference scenarios, and the system programs some tests need."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from businesscase.engine import Results, evaluate
from businesscase.scenario.loading import LoadedScenario, load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
PUBLISHED = SCENARIOS / "kwadraad-2013-published.yaml"
CORRECTED = SCENARIOS / "kwadraad-2013-corrected.yaml"


def require_program(name: str, debian_package: str) -> str:
    """The path of a system program; skip the test if it is missing, but fail under CI."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (Debian package {debian_package}; .ci/run installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"under CI a missing system program is a failure: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice, for recalculating exported workbooks."""
    return require_program("soffice", "libreoffice-calc-nogui")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, for real-browser tests."""
    return require_program("chromium", "chromium")


@pytest.fixture(scope="session")
def published() -> LoadedScenario:
    return load_scenario(PUBLISHED)


@pytest.fixture(scope="session")
def corrected() -> LoadedScenario:
    return load_scenario(CORRECTED)


@pytest.fixture(scope="session")
def published_results(published: LoadedScenario) -> Results:
    return evaluate(published.scenario)


@pytest.fixture(scope="session")
def corrected_results(corrected: LoadedScenario) -> Results:
    return evaluate(corrected.scenario)


def line_names(results: Results) -> dict[str, str]:
    """The engine's key of every line and break-even row by the name the workbook's Key column
    shows for it (the row's defined name: '-' as '_', `new_platform.balance`)."""
    keys = [*results.values]
    keys += [f"{p}.break_even_{part}" for p in results.platform_ids for part in ("reached", "year")]
    return {key.replace("-", "_"): key for key in keys}


def line_key(name: object, results: Results) -> str | None:
    """The engine's key of a row by its name in the Key column (a block of a workbook of
    several scenarios prefixes it: `s2_new_platform.balance`), or None for a row that is no
    line."""
    if not isinstance(name, str):
        return None
    return line_names(results).get(re.sub(r"^s\d+_", "", name))
