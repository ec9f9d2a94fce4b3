"""Component-class styles with their colours resolved for the current theme."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    """A component class's style to lay over text, readable on light and dark themes.

    ``get_component_rich_style(name, partial=True)`` leaves colours such as ``$text-muted`` or
    ``$text`` (``auto`` and alpha colours) unresolved, and they come out white, which cannot be
    read on a light theme. The full style resolves them against the widget's background; only
    the attributes the class sets are kept, so the widget's own background shows through.
    """
    full = widget.get_component_rich_style(name)
    partial = widget.get_component_rich_style(name, partial=True)
    return Style(
        color=full.color if partial.color is not None else None,
        bgcolor=full.bgcolor if partial.bgcolor is not None else None,
        bold=partial.bold,
        italic=partial.italic,
        underline=partial.underline,
        dim=partial.dim,
    )


class StyleOncePerPass:
    """For a line-API widget (before its Textual base class): ``base_style`` is the widget's
    Rich style, worked out once for each pass that renders its lines. ``rich_style`` walks
    up the DOM mixing colours at every call; asked for by every line, that was a tenth of
    the reader's first frame."""

    _pass_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._pass_style = None

    @property
    def base_style(self) -> Style:
        style = self._pass_style
        return self.rich_style if style is None else style
