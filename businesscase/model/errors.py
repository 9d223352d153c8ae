"""Problems found in scenario input, collected and reported all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from businesscase.model.units import Language
from businesscase.model.wording import Wording, text_in

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
    """One mistake in the input: where it is (file, line, key path) and what is wrong. The
    message is a `Wording` (English and Dutch) where the engine wrote it, so a view can show
    it in either language; as a `str` it is the English."""

    message: str
    path: KeyPath = ()
    file: str | None = None
    line: int | None = None

    def text(self, language: Language = "en") -> str:
        """What is wrong, in a language: `moet een getal > 0 zijn (nu -75, een getal)`."""
        return text_in(self.message, language)

    def describe(self, language: Language = "en") -> str:
        """One line: `line 14  courses.ass_jv.grup_size: unknown key; did you mean ...?`
        (in Dutch `regel 14  ...`)."""
        word = "regel" if language == "nl" else "line"
        where = f"{word} {self.line}  " if self.line is not None else ""
        what = f"{dotted(self.path)}: " if self.path else ""
        return visible(f"{where}{what}{self.text(language)}")


class ScenarioError(ValueError):
    """A scenario could not be loaded; `problems` lists every mistake, sorted by file and line.
    Its text (`str(error)`) is the English report; `report("nl")` is the Dutch."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.file or "", p.line if p.line is not None else -1)
        )
        super().__init__(self.report())

    def report(self, language: Language = "en") -> str:
        """The problems grouped per file, as printed by the CLI and shown in the app:
        `x.yaml: 2 problems` (`x.yaml: 2 problemen`), then a line per problem."""
        lines: list[str] = []
        files = list(dict.fromkeys(p.file for p in self.problems))
        for file in files:
            mine = [p for p in self.problems if p.file == file]
            many = len(mine) != 1
            if language == "nl":
                name, count = (
                    file or "(invoer)",
                    f"{len(mine)} {'problemen' if many else 'probleem'}",
                )
            else:
                name, count = file or "(input)", f"{len(mine)} problem{'s' if many else ''}"
            lines.append(f"{visible(name)}: {count}")
            lines.extend(f"  {p.describe(language)}" for p in mine)
        return "\n".join(lines)


def message_in(error: BaseException, language: Language) -> str:
    """What an error says, in a language, for a view to show: a ScenarioError's report (every
    problem with its file, line and key), the message of an error raised with a `Wording`
    (`decimal_text`'s, a goal-seek answer's reason), else the error's own text."""
    if isinstance(error, ScenarioError):
        return error.report(language)
    said = error.args[0] if len(error.args) == 1 else None
    return said.text(language) if isinstance(said, Wording) else str(error)
