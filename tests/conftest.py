"""Shared test fixtures: the reference scenarios, and the system programs some tests need."""

from __future__ import annotations

import os
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
