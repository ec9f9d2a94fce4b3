"""The footer: Textual's, its keys made in the footer's style from the start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class ReaderFooter(Footer):
    """Textual's ``Footer``. Its binding keys start compact and are then bound to the
    footer's own ``compact`` (not compact): each key's style was worked out three times, a
    tenth of the reader's start with a dozen keys. Here each bound key starts with the
    footer's value (the palette's key, not bound, stays as Textual makes it)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            bound = widget._reactive_connect or {}  # what data_bind() bound it to
            if isinstance(widget, FooterKey) and "compact" in bound:
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
