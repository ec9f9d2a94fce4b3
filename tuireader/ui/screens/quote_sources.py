"""A list of the other articles that carry the open article's quotations, and who said it."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tuireader.core.base.text import clean_line
from tuireader.core.library import QuoteSource
from tuireader.ui.widgets.footer import ReaderFooter
from tuireader.ui.widgets.reading_pane import SHARED_MARK

QuoteCopy = QuoteSource  # one other article carrying a quotation (the door's plain data)


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

    def __init__(self, copies: list[QuoteCopy], where: dict[int, str] | None = None) -> None:
        """``where``: each other article's "source · date" (an exact duplicate has the same
        title: they tell the rows apart)."""
        super().__init__()
        self.copies = copies
        self.where = where or {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Quotations of this article found in other articles (Enter opens)")
            yield OptionList(*self._options(), id="quote-copies")
        yield ReaderFooter()  # its own keys over the main screen's (which do not work here)

    def _options(self) -> list[Option]:
        """One row per other article (a wire rewrite often carries several of the quotations),
        listing the quotations it shares and who says them there."""
        by_article: dict[int, list[QuoteCopy]] = {}
        for copy in self.copies:
            by_article.setdefault(copy.article_id, []).append(copy)
        options: list[Option] = []
        # the articles sharing the most quotations first (a rewrite of the same story)
        ranked = sorted(by_article.items(), key=lambda item: -len(item[1]))
        for article_id, copies in ranked:
            head = Text(f"{SHARED_MARK} ")
            head.append(Text(clean_line(copies[0].title), style="bold"))
            where = self.where.get(article_id)
            if where:
                head.append(Text(f"  · {where}", style="dim"))
            if len(copies) > 1:
                head.append(Text(f"  ({len(copies)} quotations)", style="dim"))
            quotes = []
            for copy in copies:
                line = Text("“")
                line.append(Text(_shorten(copy.quote, 90), style="italic"))
                line.append("”")
                line.append(
                    Text(
                        f"  — said by {copy.speaker}" if copy.speaker else "  — speaker unknown",
                        style="dim",
                    )
                )
                quotes.append(line)
            entry = _Row(head, quotes)
            options.append(Option(entry, id=str(article_id)))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split()).strip('"“”')
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class _Row:
    """An article's row: its title line, then its quotations indented by four columns, their
    wrapped lines too (a Text alone would wrap them to the left edge)."""

    def __init__(self, head: Text, quotes: list[Text]) -> None:
        self.head = head
        self.quotes = quotes

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.head
        for quote in self.quotes:
            yield Padding(quote, (0, 0, 0, 4))

    def __str__(self) -> str:
        return "\n".join([self.head.plain, *("    " + quote.plain for quote in self.quotes)])
