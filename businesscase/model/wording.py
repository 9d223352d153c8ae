"""Texts in English and Dutch: a name written per language in a scenario file, and the words of
every message the engine gives a user (a problem in a scenario, a goal-seek refusal).

A `Wording` is a `str` whose value is the English text and which also carries the Dutch, so the
code that reads a name or a message as a plain text keeps working, and a view that shows Dutch
asks `text_in(text, "nl")`. A message is written once with both templates beside each other
(`say("must be a number", "moet een getal zijn")`); its arguments are put into each template in
that template's language: a Wording in its own language, a number with the language's
separators (`12.5` becomes `12,5` in Dutch), any other value (a key, what the user wrote) as it
is.
"""

from __future__ import annotations

import string
from typing import Any

from businesscase.model.units import Language

_SWAPPED = str.maketrans({",": ".", ".": ","})


class Wording(str):
    """A text in English and Dutch; as a `str`, the English."""

    nl: str
    """The Dutch text."""

    def __new__(cls, en: str, nl: str) -> Wording:
        made = super().__new__(cls, en)
        made.nl = str(nl)
        return made

    def text(self, language: Language) -> str:
        """The text in a language (`en` or `nl`)."""
        return self.nl if language == "nl" else str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled with its Dutch (str's own would keep the English only)."""
        return Wording, (str(self), self.nl)


def text_in(text: str, language: Language) -> str:
    """A name, description or message in a language: a `Wording`'s text in that language, any
    other text as it is (a name written once is the same in every language)."""
    return text.text(language) if isinstance(text, Wording) else str(text)


def numeral(english: str) -> Wording:
    """A number already written the English way (`2,913.80`, `60.24%`), with its Dutch writing
    (`2.913,80`, `60,24%`): the separators swapped."""
    return Wording(english, english.translate(_SWAPPED))


class _Formatter(string.Formatter):
    """Fills a template in one language: Wordings in that language, numbers with its
    separators, every other value as it is."""

    def __init__(self, language: Language) -> None:
        super().__init__()
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> Any:
        if isinstance(value, Wording):
            return format(value.text(self.language), format_spec)
        shown = format(value, format_spec)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return shown.translate(_SWAPPED) if number and self.language == "nl" else shown


_ENGLISH, _DUTCH = _Formatter("en"), _Formatter("nl")


def say(en: str, nl: str, /, **arguments: Any) -> Wording:
    """A message in both languages: each template filled with the arguments in its language
    (`say("must be a number > {limit:g}", "moet een getal > {limit:g} zijn", limit=0.5)` is
    `must be a number > 0.5` and `moet een getal > 0,5 zijn`)."""
    return Wording(_ENGLISH.format(en, **arguments), _DUTCH.format(nl, **arguments))


def joined(parts: list[str], en: str, nl: str) -> Wording:
    """Texts joined by a separator of each language (`"; "`, `" and "`), each part in the
    separator's language."""
    return Wording(
        en.join(text_in(part, "en") for part in parts),
        nl.join(text_in(part, "nl") for part in parts),
    )
