"""A list of the other articles that carry the open article's quotations, and who said it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True, slots=True)
class QuoteCopy:
    """One other article carrying a quotation."""

    quote: str
    article_id: int
    title: str
    speaker: str | None


class QuoteSourcesScreen(ModalScreen[int | None]):
    """Choose one of the other articles (Enter) or close (Esc); returns the article id."""

    DEFAULT_CSS = """
    QuoteSourcesScreen { align: center middle; }
    QuoteSourcesScreen > Vertical {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 80%;
        border: thick $primary;
        background: $panel;
        padding: 0 1;
    }
    QuoteSourcesScreen OptionList { height: auto; max-height: 30; }
    """
    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close", id="quotes.close")]

    def __init__(self, copies: list[QuoteCopy]) -> None:
        super().__init__()
        self.copies = copies

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Quotations of this article found in other articles (Enter opens)")
            options: list[Option] = []
            last_quote = None
            for copy in self.copies:
                if copy.quote != last_quote:
                    head = Text("“", style="italic")
                    head.append(Text(_shorten(copy.quote, 100), style="italic"))
                    head.append("”")
                    options.append(Option(head, disabled=True))
                    last_quote = copy.quote
                entry = Text("   ⇄ ")
                entry.append(Text(copy.title, style="bold"))
                entry.append(
                    Text(
                        f"  — said by {copy.speaker}" if copy.speaker else "  — speaker unknown",
                        style="dim",
                    )
                )
                options.append(Option(entry, id=str(copy.article_id)))
            yield OptionList(*options, id="quote-copies")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split()).strip('"“”')
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
