"""Where a validated scenario came from: the files read, the changes on top, and the origin
of every key (calliope's `applied_overrides`), so every figure can be reproduced from files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from businesscase.model.errors import KeyPath
from businesscase.model.parameters import Scenario
from businesscase.model.wording import Wording


@dataclass(frozen=True)
class Origin:
    """Where a key got its value: a file and line, or a `--set` on the command line."""

    file: str
    line: int | None = None

    def describe(self) -> str:
        """`scenarios/x.yaml, line 14` (a `Wording`: `..., regel 14` in Dutch), or the file."""
        if self.line is None:
            return self.file
        return Wording(f"{self.file}, line {self.line}", f"{self.file}, regel {self.line}")


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario with its lineage: the files read (base first), the changes applied
    on top, and the origin of every key."""

    scenario: Scenario
    files: tuple[str, ...]
    origins: dict[KeyPath, Origin] = field(repr=False)
    changes: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict, repr=False)
