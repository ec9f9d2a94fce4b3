"""The footer: Textual's, its keys made in the footer's style from the start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.widgets import Footer


class ReaderFooter(Footer):
    """Textual's ``Footer``. Its binding keys start compact and are then bound to the
    footer's own ``compact`` (not compact): each key was restyled twice more, ~20 ms of CPU
    before the reader's first frame with a dozen keys (and again whenever the footer is
    recomposed). Here each binding key starts with the footer's value (the palette's key,
    which Textual does not bind, stays as Textual makes it)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive) and not widget.has_class("-command-palette"):
                widget.set_reactive(compact, self.compact)
            yield widget
