"""Styled text for the terminal, written by hand: a few styles (bold, dim, yellow), the width of
a text in terminal cells, and lines wrapped to the console's width.

The commands print tables of figures and a few lines of text; a terminal library that can do
far more costs a fifth of the start-up of `businesscase run` to import and to lay out its
tables. Styles are sent as ANSI codes only to a terminal (never when piped, nor with
`NO_COLOR` set or `TERM=dumb`); the text itself is the same either way.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import TextIO

PIPED_WIDTH = 160
"""The width of piped output when `COLUMNS` does not say otherwise."""
TERMINAL_WIDTH = 80
"""The width of a terminal that does not say its size."""

_CODES = {"bold": "1", "dim": "2", "yellow": "33"}
"""The ANSI code of each style a command uses; a style may combine them ("bold yellow")."""


def cell_len(text: str) -> int:
    """The width of a text in terminal cells: 2 for a wide (East Asian) character, 0 for a
    combining mark, 1 for any other."""
    if text.isascii():
        return len(text)
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in text
    )


@dataclass
class Text:
    """A line of text in parts, each with its style ("" for none)."""

    parts: list[tuple[str, str]] = field(default_factory=list)

    def append(self, content: str, style: str = "") -> None:
        self.parts.append((content, style))

    @property
    def plain(self) -> str:
        return "".join(content for content, _ in self.parts)

    @property
    def cell_len(self) -> int:
        return cell_len(self.plain)

    def copy(self) -> Text:
        return Text(list(self.parts))

    def __add__(self, other: Text) -> Text:
        return Text([*self.parts, *other.parts])

    def styled(self, style: str) -> Text:
        """The text with a style added to every part (a table row's bold, say)."""
        if not style:
            return self
        return Text([(content, f"{style} {own}".strip()) for content, own in self.parts])


def wrap(text: Text, width: int) -> list[Text]:
    """The text in lines at most `width` cells wide, broken between words (a word wider than
    a line is cut), the indentation of the first line kept; the styles go with the
    characters."""
    if text.cell_len <= width:
        return [text]
    plain = text.plain
    spans: list[tuple[int, int]] = []
    start = end = 0
    for word in re.finditer(r"\S+", plain):
        if end > start and cell_len(plain[start : word.end()]) > width:
            spans.append((start, end))
            start = word.start()
        while cell_len(plain[start : word.end()]) > width:  # a word wider than a line
            cut = start + 1
            while cell_len(plain[start : cut + 1]) <= width:
                cut += 1
            spans.append((start, cut))
            start = cut
        end = word.end()
    spans.append((start, max(end, start)))
    styles = [style for content, style in text.parts for _ in content]
    return [_slice(plain, styles, first, last) for first, last in spans]


def _slice(plain: str, styles: list[str], first: int, last: int) -> Text:
    text = Text()
    for index in range(first, last):
        if text.parts and text.parts[-1][1] == styles[index]:
            text.parts[-1] = (text.parts[-1][0] + plain[index], styles[index])
        else:
            text.append(plain[index], styles[index])
    return text


class Console:
    """Where a command prints: a width, and whether styles are shown."""

    def __init__(self, out: TextIO | None = None, width: int | None = None) -> None:
        self.out = out if out is not None else sys.stdout
        self.is_terminal = self.out.isatty()
        columns = os.environ.get("COLUMNS", "")
        if width is None and columns.isdigit() and int(columns) > 0:
            width = int(columns)
        if width is None:
            width = _terminal_width() if self.is_terminal else PIPED_WIDTH
        self.width = width
        self.styled = (
            self.is_terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        )

    def render(self, text: Text) -> str:
        """The text as it is written: with ANSI codes for its styles on a terminal."""
        if not self.styled:
            return text.plain
        shown = []
        for content, style in text.parts:
            codes = ";".join(_CODES[name] for name in style.split() if name in _CODES)
            shown.append(f"\x1b[{codes}m{content}\x1b[0m" if codes and content else content)
        return "".join(shown)

    def print(self, text: Text | str = "", style: str = "", end: str = "\n") -> None:
        """A line of text (a string is shown as it is), wrapped to the width."""
        shown = Text([(text, "")]) if isinstance(text, str) else text
        lines = wrap(shown.styled(style), self.width)
        self.out.write("\n".join(self.render(line) for line in lines) + end)


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns or TERMINAL_WIDTH
    except OSError:
        return TERMINAL_WIDTH
