"""The command bar: an Input whose Up/Down walk the search history."""

from __future__ import annotations

from textual.binding import Binding

from tuireader.ui.widgets.clean_input import CleanInput


class SearchBar(CleanInput):
    """Up/Down recall earlier queries; what was being typed comes back after the newest."""

    BINDINGS = [
        Binding("up", "history(-1)", "Earlier query", show=False, id="search.history_back"),
        Binding("down", "history(1)", "Later query", show=False, id="search.history_forward"),
    ]

    def __init__(self, history: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.history = history
        self._position: int | None = None
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._position is None:
            if step > 0:
                return
            self._draft = self.value
            self._position = len(self.history)
        position = self._position + step
        if position < 0:
            return
        if position >= len(self.history):
            self._position = None
            self.value = self._draft
        else:
            self._position = position
            self.value = self.history[position]
        self.cursor_position = len(self.value)

    def reset_history_position(self) -> None:
        self._position = None
