"""Writing a scenario back to YAML: the merged data of a loaded scenario (extends resolved,
changes applied) as one standalone file that loads back to the same results."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML

from businesscase.scenario.loading import LoadedScenario


def _plain(value: Any) -> Any:
    """Tuples become lists, so the YAML has no Python-specific tags."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def dump_scenario(loaded: LoadedScenario) -> str:
    """The scenario as a YAML text, with a header naming where it came from."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # keep the order
    buffer = io.StringIO()
    lineage = " <- ".join(reversed(loaded.files))
    buffer.write(f"# Scenario {loaded.scenario.name!r}, from {lineage}\n")
    for change in loaded.changes:
        buffer.write(f"# changed: {change}\n")
    yaml.dump(_plain(loaded.data), buffer)
    return buffer.getvalue()
