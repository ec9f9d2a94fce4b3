"""A one-line question in a small modal screen (a saved search's name, tags, a note, a file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label

from tuireader.ui.widgets.clean_input import CleanInput
from tuireader.ui.widgets.footer import ReaderFooter


class PromptScreen(ModalScreen[str | None]):
    """Returns the text entered (Enter) or None (Esc)."""

    DEFAULT_CSS = """
    PromptScreen { align: center middle; }
    PromptScreen > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: thick $primary; background: $panel; padding: 0 1;
    }
    /* the question wraps: a long title cut off the hint after it ("→ completes a tag") */
    PromptScreen > Vertical > Label { width: 100%; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="prompt.cancel")]
    # Not query_one() in on_mount: a prompt opened as the app quits has no children to query.
    AUTO_FOCUS = "#prompt-input"

    def __init__(
        self,
        question: str,
        value: str = "",
        suggester: Suggester | None = None,
        allow_empty: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.suggester = suggester
        self.allow_empty = allow_empty  # Enter on an empty line returns "" (e.g. clear a note)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.question))
            yield CleanInput(value=self.value, suggester=self.suggester, id="prompt-input")
        yield ReaderFooter()  # its own keys over the main screen's (which do not work here)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value if value or self.allow_empty else None)
