"""The list of files and records the index skipped, with the reason for each."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tuireader.core.base.text import visible
from tuireader.core.base.wording import counted
from tuireader.ui.widgets.footer import ReaderFooter


class SkippedScreen(ModalScreen[None]):
    """Esc closes. Paths are shown with control characters made visible."""

    DEFAULT_CSS = """
    SkippedScreen { align: center middle; }
    SkippedScreen > Vertical {
        width: 95%; height: 80%; border: thick $warning; background: $panel; padding: 0 1;
    }
    SkippedScreen OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close", id="skipped.close")]

    def __init__(self, items: list[tuple[str, str]], total: int, log: Path) -> None:
        super().__init__()
        self.items = items
        self.total = total
        self.log_path = log

    def compose(self) -> ComposeResult:
        with Vertical():
            more = f" (first {len(self.items):,} shown)" if self.total > len(self.items) else ""
            log = visible(str(self.log_path))
            items = counted(self.total, "item")
            yield Label(Content(f"{items} could not be read{more}; log: {log}"))
            options = []
            for item, reason in self.items:
                line = Text(visible(item), style="bold")
                line.append(Text(f"  {visible(reason)}", style="dim"))
                options.append(Option(line))
            yield OptionList(*options)
        yield ReaderFooter()  # its own keys over the main screen's (which do not work here)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
