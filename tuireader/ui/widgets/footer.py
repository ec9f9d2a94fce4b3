"""The footer: Textual's, its keys made in the footer's style from the start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class ReaderFooter(Footer):
    """Textual's ``Footer``. Its binding keys start compact and are then bound to the
    footer's own ``compact`` (not compact): each key was restyled twice more, ~20 ms of CPU
    before the reader's first frame with a dozen keys (and again whenever the footer is
    recomposed). Here each bound key starts with the footer's value (the palette's key, not
    bound, stays as Textual makes it)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            bound = getattr(widget, "_reactive_connect", None) or {}  # what data_bind() bound
            if isinstance(widget, FooterKey) and "compact" in bound:
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
