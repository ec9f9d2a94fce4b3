"""The config's [colours]: colour names resolved and turned into reading-pane CSS.

The core checks a colour's form only (it knows no colour names); the names are checked here,
against Textual's (CSS names, ``ansi_red``) and then Rich's (``dark_orange``, ``grey50``).
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.color import ColorParseError as RichColorParseError
from textual.color import Color, ColorParseError

# [colours] key -> the reading pane's component class it colours
COLOUR_CLASSES = {
    "person": "reading-pane--person",
    "org": "reading-pane--org",
    "place": "reading-pane--place",
    "misc": "reading-pane--misc",
    "speaker": "reading-pane--speaker",
    "quote": "reading-pane--quote",
    "hit": "reading-pane--hit",
}
BACKGROUNDS = ("quote", "hit")  # these colour the background; the text gets a contrast colour


def resolve_colour(name: str) -> Color | None:
    """A Textual or Rich colour name, or hex; None when neither knows it."""
    try:
        return Color.parse(name)
    except ColorParseError:
        pass
    try:
        rich = RichColor.parse(name)
    except RichColorParseError:
        return None
    if rich.is_default:
        return None
    return Color(*rich.get_truecolor())


def colours_css(colours: dict[str, str]) -> tuple[str, list[str]]:
    """CSS giving the reading pane's highlights the configured colours, and the keys whose
    colour is unknown (left at the theme's colour)."""
    rules: list[str] = []
    unknown: list[str] = []
    for key, name in colours.items():
        colour = resolve_colour(name)
        if colour is None or key not in COLOUR_CLASSES:
            unknown.append(key)
            continue
        if key in BACKGROUNDS:
            text = colour.get_contrast_text(1.0)
            rule = f"background: {colour.hex}; color: {text.hex};"
        else:
            rule = f"color: {colour.hex};"
        rules.append(f"ReadingPane > .{COLOUR_CLASSES[key]} {{ {rule} }}")
    return "\n".join(rules), unknown
