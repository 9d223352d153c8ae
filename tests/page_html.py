"""What the page shows in blocks of HTML, read back as a director reads it: the headline cards
(`dashboard.headline.cards_html`: per card its platform id, name, and each figure's label,
value and change) and the tables (`dashboard.tables`: each as a frame of the texts shown, with
its key and the names above it), in the page's order."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.tables import TABLE_CLASS


@dataclass
class ShownFigure:
    label: str = ""
    value: str = ""
    delta: str = ""
    """The change against the file, signed first; empty where none is shown."""


@dataclass
class ShownCard:
    platform: str
    name: str = ""
    description: str = ""
    figures: list[ShownFigure] = field(default_factory=list)


class CardReader(HTMLParser):
    """Collects the text of each part of the cards by its class."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[ShownCard] = []
        self.part: str | None = None
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "section" and "bc-card" in classes:
            self.cards.append(ShownCard(found.get("data-platform") or ""))
        elif "bc-figure" in classes:
            self.cards[-1].figures.append(ShownFigure())
        for part in ("bc-name", "bc-description", "bc-label", "bc-value", "bc-change"):
            if part in classes:
                self.part = part
        if found.get("aria-hidden") == "true":
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.hidden:
            self.hidden -= 1
        elif tag == "div":
            self.part = None

    def handle_data(self, data: str) -> None:
        if self.part is None or self.hidden or not self.cards:
            return
        card = self.cards[-1]
        if self.part == "bc-name":
            card.name += data
        elif self.part == "bc-description":
            card.description += data
        elif self.part == "bc-label":
            card.figures[-1].label += data
        elif self.part == "bc-value":
            card.figures[-1].value += data
        else:
            card.figures[-1].delta = (card.figures[-1].delta + data).strip()


def cards_markup(at: AppTest) -> str:
    """The HTML of the cards on the page (exactly one block)."""
    blocks = [h.proto.body for h in at.get("html") if 'class="bc-cards"' in h.proto.body]
    assert len(blocks) == 1, f"{len(blocks)} blocks of cards on the page"
    return blocks[0]


def shown_cards(at: AppTest) -> list[ShownCard]:
    """The cards on the page, in their order."""
    reader = CardReader()
    reader.feed(cards_markup(at))
    return reader.cards


@dataclass
class ShownTable:
    key: str
    frame: pd.DataFrame
    """The cells as shown (texts), under the headings."""
    name: str = ""
    """The name in bold above the table, where it has one (a year table's platform)."""

    @property
    def value(self) -> pd.DataFrame:
        """The frame, under the name AppTest gives a table's."""
        return self.frame


class TableReader(HTMLParser):
    """Collects each table's headings and rows, and the name above it."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[ShownTable] = []
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.name = ""
        self.in_name = False
        self.key = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and TABLE_CLASS in (found.get("class") or "").split():
            self.key, self.rows = found.get("data-key") or "", []
        elif tag == "p" and found.get("class") == "bc-table-name":
            self.name, self.in_name = "", True
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.in_name = False
        elif tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            head, *body = self.rows
            frame = pd.DataFrame(body, columns=head)
            self.tables.append(ShownTable(self.key, frame, self.name))
            self.name = ""

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.in_name:
            self.name += data


def shown_tables(at: AppTest) -> list[ShownTable]:
    """Every table on the page, in its order."""
    reader = TableReader()
    for block in at.get("html"):
        if TABLE_CLASS in block.proto.body:
            reader.feed(block.proto.body)
    return reader.tables


class _TextReader(HTMLParser):
    """Collects the texts between tags, tooltips (`<title>`, a `title`) and images' names
    (`alt`) included, style rules not."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        self.texts += [v.strip() for k, v in attrs if k in ("title", "alt") and v and v.strip()]

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if data.strip() and not self.in_style:
            self.texts.append(data.strip())


def shown_texts(markup: str) -> list[str]:
    """The texts a block of HTML shows (its tooltips and images' names too), without its tags
    and other attributes."""
    reader = _TextReader()
    reader.feed(markup)
    return reader.texts
