"""The command line's own terminal output: styles only on a terminal, lines wrapped to the
width between words, a word wider than a line cut, and wide characters counted as two cells."""

from __future__ import annotations

import io

import pytest

from businesscase.cli.terminal import Console, Text, cell_len, wrap


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_styles_are_sent_to_a_terminal_and_never_when_piped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    text = Text([("Savings", "bold"), (" in euros", "")])
    terminal, piped = Terminal(), io.StringIO()
    Console(terminal, width=80).print(text)
    Console(piped, width=80).print(text)
    assert terminal.getvalue() == "\x1b[1mSavings\x1b[0m in euros\n"
    assert piped.getvalue() == "Savings in euros\n"


def test_no_color_turns_the_styles_off_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Terminal()
    Console(terminal, width=80).print(Text([("Savings", "bold")]))
    assert terminal.getvalue() == "Savings\n"


def test_piped_output_is_160_columns_unless_columns_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert Console(io.StringIO()).width == 160
    monkeypatch.setenv("COLUMNS", "72")
    assert Console(io.StringIO()).width == 72


def test_a_long_line_wraps_between_words_keeping_its_indent_and_styles() -> None:
    text = Text([("  the lines ", ""), ("only in B", "bold"), (" are listed here", "")])
    lines = wrap(text, 14)
    assert [line.plain for line in lines] == ["  the lines", "only in B are", "listed here"]
    assert ("only in B", "bold") in lines[1].parts


def test_a_word_wider_than_the_line_is_cut_and_nothing_is_lost() -> None:
    word = "courses.ass_jv.online_efficiency"
    lines = wrap(Text([(word, "")]), 10)
    assert all(line.cell_len <= 10 for line in lines)
    assert "".join(line.plain for line in lines) == word


def test_a_wide_character_takes_two_cells_and_a_combining_mark_none() -> None:
    assert cell_len("Kwadraad") == 8
    assert cell_len("財務") == 4
    assert cell_len("e\u0301") == 1
