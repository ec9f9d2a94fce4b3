"""The config's [colours]: colour names resolved and turned into reading-pane CSS.

The core checks a colour's form only (it knows no colour names); the names are checked here,
against Textual's (CSS names, ``ansi_red``) and then Rich's (``dark_orange``, ``grey50``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import Color as RichColor
from rich.color import ColorParseError as RichColorParseError
from rich.style import Style
from textual.color import BLACK, WHITE, Color, ColorParseError, Lab, lab_to_rgb, rgb_to_lab

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


# -- contrast (WCAG 2) -------------------------------------------------------------------------

MIN_CONTRAST = 4.5  # WCAG AA for body-size text
MIN_DISTINCT = 30.0  # CIE76 colour difference that reads as "another colour" next to the text
_STEPS = 100  # lightness is moved in steps of 1 (Lab L runs from 0 to 100)


def _channel(value: int) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: Color) -> float:
    """WCAG relative luminance of an opaque colour."""
    red, green, blue = colour.rgb
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_distance(first: Color, second: Color) -> float:
    """CIE76 difference (distance in Lab): about 2 is just noticeable, 30 clearly different."""
    a, b = rgb_to_lab(first), rgb_to_lab(second)
    return ((a.L - b.L) ** 2 + (a.a - b.a) ** 2 + (a.b - b.b) ** 2) ** 0.5


def _worst(colour: Color, backgrounds: Sequence[Color]) -> float:
    return min(contrast_ratio(colour, background) for background in backgrounds)


def readable(
    colour: Color,
    backgrounds: Sequence[Color],
    text: Color | None = None,
    minimum: float = MIN_CONTRAST,
) -> Color:
    """The colour made lighter or darker (its hue kept, by Lab lightness) just enough to reach
    ``minimum`` contrast against every background it is drawn on.

    With ``text`` (the plain text's colour), a colour too close to it to be told apart is moved
    away from it, towards the backgrounds, as far as the contrast allows: a highlight that
    looks like plain bold text highlights nothing.
    """
    if not backgrounds:
        return colour
    colour = colour.with_alpha(1.0)
    if _worst(colour, backgrounds) < minimum:
        shifts = (
            shifted
            for step in range(1, _STEPS + 1)
            for shifted in (colour.darken(step / _STEPS), colour.lighten(step / _STEPS))
        )  # the smallest change first; darker first on a tie
        found = next((c for c in shifts if _worst(c, backgrounds) >= minimum), None)
        # None: backgrounds on both sides of the middle; the better of black and white
        colour = found or max((BLACK, WHITE), key=lambda extreme: _worst(extreme, backgrounds))
    if text is not None and colour_distance(colour, text) < MIN_DISTINCT:
        colour = _apart(colour, backgrounds, text, minimum)
    return colour


def _apart(colour: Color, backgrounds: Sequence[Color], text: Color, minimum: float) -> Color:
    """The colour moved away from the text's: towards the backgrounds' lightness while the
    contrast allows, then more saturated (pastel themes whose text is tinted)."""
    towards_light = luminance(backgrounds[0]) > luminance(text)
    for step in range(1, _STEPS + 1):
        shifted = (colour.lighten if towards_light else colour.darken)(step / _STEPS)
        if _worst(shifted, backgrounds) < minimum:
            break
        colour = shifted
        if colour_distance(colour, text) >= MIN_DISTINCT:
            return colour
    lab = rgb_to_lab(colour)
    for step in range(1, 21):
        factor = 1 + step / 10  # up to three times as saturated
        shifted = lab_to_rgb(Lab(lab.L, lab.a * factor, lab.b * factor)).clamped
        if _worst(shifted, backgrounds) < minimum:
            break
        colour = shifted
        if colour_distance(colour, text) >= MIN_DISTINCT:
            break
    return colour


def _truecolour(colour: RichColor | None) -> Color | None:
    """An RGB colour; None for none, the terminal's default or its palette (ANSI colours,
    which the terminal chooses: their contrast is the terminal theme's)."""
    if colour is None or colour.triplet is None:
        return None
    return Color(*colour.triplet)


def readable_style(
    style: Style,
    backgrounds: Sequence[RichColor | None],
    text: RichColor | None = None,
) -> Style:
    """``style`` with its text colour made readable on every background it is drawn on
    (see ``readable``); styles in the terminal's own colours are left as they are."""
    colour = _truecolour(style.color)
    grounds = [_truecolour(background) for background in backgrounds]
    if colour is None or not grounds or None in grounds:
        return style
    fixed = readable(colour, grounds, _truecolour(text))
    if fixed == colour:
        return style
    return style + Style(color=fixed.rich_color)
