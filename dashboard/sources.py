"""Where the app's scenarios come from (the files in `scenarios/` and uploads) and loading them
with the app's changes on top, cached so that a rerun with the same state reads nothing again.

A file or upload is read and validated once (per folder stamp); the app's edits are layered on
that loaded scenario with `with_changes`, which reads no file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import streamlit as st

from businesscase import (
    AnyChange,
    LoadedScenario,
    ParameterEntry,
    Results,
    evaluate,
    load_scenario,
    load_scenario_bytes,
    parameter_entries,
    with_changes,
)

SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"
DEFAULT_FILE = "kwadraad-2013-corrected.yaml"
FILE, UPLOAD = "file:", "upload:"

Changes = tuple[AnyChange, ...]
Stamp = tuple[tuple[str, int, int], ...]
StateKey = tuple[object, ...]
"""What a state was computed from: the source, its name (and content for an upload), the
changes and the folder stamp. Equal keys mean equal scenarios, so views cache by it."""


@dataclass(frozen=True)
class Evaluated:
    """A loaded scenario and its results: everything a view reads."""

    loaded: LoadedScenario
    results: Results
    key: StateKey

    @cached_property
    def entries(self) -> list[ParameterEntry]:
        """Every input with label, unit, values, source and origin (read once, then kept)."""
        return parameter_entries(self.loaded)


def scenario_files() -> list[str]:
    """The scenario files to choose from, by name."""
    return sorted(path.name for path in SCENARIO_DIR.glob("*.yaml"))


def default_choice() -> str:
    """The corrected reference scenario, or the first file if it is missing."""
    files = scenario_files()
    return FILE + (DEFAULT_FILE if DEFAULT_FILE in files or not files else files[0])


def choice_name(choice: str) -> str:
    """The file name in a choice (`file:x.yaml` or `upload:x.yaml`)."""
    return choice.split(":", 1)[1]


def upload_name(name: str) -> str:
    """An uploaded file's name without any folder part, so it cannot point outside."""
    return Path(name).name or "upload.yaml"


def folder_stamp() -> Stamp:
    """Name, size and modification time of every scenario file: part of every cache key, so
    that a file edited in `scenarios/` while the app runs is read again."""
    return tuple(
        (path.name, stat.st_size, stat.st_mtime_ns)
        for path in sorted(SCENARIO_DIR.glob("*.yaml"))
        for stat in [path.stat()]
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def _load_file(name: str, stamp: Stamp) -> LoadedScenario:
    """A file of scenarios/ as written; cached by name and the folder's stamp."""
    return load_scenario(SCENARIO_DIR / name)


@st.cache_resource(max_entries=16, show_spinner=False)
def _load_upload(name: str, digest: str, _raw: bytes, stamp: Stamp) -> LoadedScenario:
    """An upload as written; cached by its content's digest and the stamp. The loader refuses
    an `extends` outside `scenarios/` without saying what is there."""
    return load_scenario_bytes(_raw, name, SCENARIO_DIR)


def _evaluated(loaded: LoadedScenario, changes: Changes, key: StateKey) -> Evaluated:
    changed = with_changes(loaded, changes) if changes else loaded
    return Evaluated(changed, evaluate(changed.scenario), key)


@st.cache_resource(max_entries=256, show_spinner=False)
def _evaluate_file(name: str, changes: Changes, stamp: Stamp) -> Evaluated:
    """A file of scenarios/ with changes; cached by name, changes and the folder's stamp."""
    return _evaluated(_load_file(name, stamp), changes, (FILE, name, changes, stamp))


@st.cache_resource(max_entries=64, show_spinner=False)
def _evaluate_upload(
    name: str, digest: str, _raw: bytes, changes: Changes, stamp: Stamp
) -> Evaluated:
    """An upload with changes; cached by its content's digest, changes and stamp."""
    loaded = _load_upload(name, digest, _raw, stamp)
    return _evaluated(loaded, changes, (UPLOAD, name, digest, changes, stamp))


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def evaluate_choice(choice: str, uploads: dict[str, bytes], changes: Changes = ()) -> Evaluated:
    """A chosen scenario with the changes applied; a ScenarioError lists every problem."""
    name = choice_name(choice)
    if choice.startswith(UPLOAD):
        raw = uploads[name]
        return _evaluate_upload(name, _digest(raw), raw, changes, folder_stamp())
    return _evaluate_file(name, changes, folder_stamp())


def evaluate_upload(name: str, raw: bytes) -> Evaluated:
    """An uploaded file, validated (the loader refuses files over 1 MB itself)."""
    return _evaluate_upload(name, _digest(raw), raw, (), folder_stamp())
