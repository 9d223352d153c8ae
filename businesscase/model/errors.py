"""Problems found in scenario input, collected and reported all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass

KeyPath = tuple[str | int, ...]

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
"""Control characters, and the Unicode marks that reorder or break the text around them."""


def visible(text: object) -> str:
    """User text as it may be printed: every control character (and bidirectional mark)
    written as its escape, `\\x1b`, `\\n`, `\\u202e`, so that a name or a key cannot colour,
    move or clear the terminal a message is printed to."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def dotted(path: KeyPath) -> str:
    """The key path as written in YAML and in `--set`: `courses.ass_jv.group_size`."""
    return ".".join(str(part) for part in path) or "(top level)"


@dataclass(frozen=True)
class Problem:
    """One mistake in the input: where it is (file, line, key path) and what is wrong."""

    message: str
    path: KeyPath = ()
    file: str | None = None
    line: int | None = None

    def describe(self) -> str:
        """One line: `line 14  courses.ass_jv.grup_size: unknown key; did you mean ...?`."""
        where = f"line {self.line}  " if self.line is not None else ""
        what = f"{dotted(self.path)}: " if self.path else ""
        return visible(f"{where}{what}{self.message}")


class ScenarioError(ValueError):
    """A scenario could not be loaded; `problems` lists every mistake, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.file or "", p.line if p.line is not None else -1)
        )
        super().__init__(self.report())

    def report(self) -> str:
        """The problems grouped per file, as printed by the CLI and shown in the app."""
        lines: list[str] = []
        files = list(dict.fromkeys(p.file for p in self.problems))
        for file in files:
            mine = [p for p in self.problems if p.file == file]
            count = f"{len(mine)} problem{'s' if len(mine) != 1 else ''}"
            lines.append(f"{visible(file or '(input)')}: {count}")
            lines.extend(f"  {p.describe()}" for p in mine)
        return "\n".join(lines)
