"""Component-class styles with their colours resolved for the current theme."""

from __future__ import annotations

from rich.style import Style
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
