"""What the commands on scenario files share: a file loaded and evaluated, and the chain of
files it was read from, as the commands show it."""

from __future__ import annotations

from collections.abc import Sequence

from businesscase.engine import Results, evaluate
from businesscase.scenario.loading import LoadedScenario, load_scenario


def load_and_evaluate(path: str, changes: Sequence[str] = ()) -> tuple[LoadedScenario, Results]:
    """A scenario file with `--set` changes, and its results."""
    loaded = load_scenario(path, list(changes))
    return loaded, evaluate(loaded.scenario)


def files_text(loaded: LoadedScenario) -> str:
    """The files a scenario was read from, the file given first: `child <- parent`."""
    return " <- ".join(reversed(loaded.files))
