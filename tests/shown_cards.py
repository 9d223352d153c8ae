"""The headline cards as the page shows them, read back from the one block of HTML the app
sends (`dashboard.headline.cards_html`): per card its platform id, name, and each figure's
label, value and change, in the page's order. Tests read the cards through this, as a
director reads them: in order, with the texts shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from streamlit.testing.v1 import AppTest


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
            self.part = None if self.part != "bc-name" or tag == "div" else self.part

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
