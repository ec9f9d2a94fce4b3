"""Every highlight, label and the title reads (WCAG AA, 4.5:1) on every theme Textual ships,
on the background it is drawn on; names stand out from the plain text by colour."""

from __future__ import annotations

import asyncio

from rich.color import Color as RichColor
from textual.app import App, ComposeResult
from textual.color import Color, rgb_to_lab
from textual.theme import BUILTIN_THEMES

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.annotate.spans import Entity, Quote, Span
from tuireader.core.base.articles import Article
from tuireader.ui.widgets.reading_pane import ReadingPane, ShownArticle

# The ANSI themes draw in the terminal's own palette: their contrast is the terminal theme's.
THEMES = [
    name
    for name, theme in BUILTIN_THEMES.items()
    if name != "textual-ansi" and not theme.primary.startswith("ansi_")
]

TITLE = "Acme Corp hires Jane Doe in Paris"
BODY = (
    'Jane Doe said "Acme Corp will grow in Paris and the Olympics" on Monday.\n'
    "Acme Corp and the Olympics in Paris, with Jane Doe."
)


def _entities(text: str) -> list[Entity]:
    found = []
    for word, label in (
        ("Jane Doe", "PERSON"),
        ("Acme Corp", "ORG"),
        ("Paris", "LOC"),
        ("Olympics", "MISC"),
    ):
        start = text.find(word)
        while start >= 0:
            found.append(Entity(start, start + len(word), label, word))
            start = text.find(word, start + 1)
    return sorted(found, key=lambda e: e.start)


def shown_article() -> ShownArticle:
    quote_start = BODY.index('"')
    quote_end = BODY.index('"', quote_start + 1) + 1
    quote = Quote(
        quote_start,
        quote_end,
        BODY[quote_start:quote_end],
        speaker=Span(0, 8, "Jane Doe"),
        speaker_name="Jane Doe",
    )
    article = Article("k", "/tmp/k.txt", -1, TITLE, BODY, source="Wire")
    hit = BODY.index("Monday")
    return ShownArticle(
        article,
        "Wire · Mon 03 Oct 2016",
        hits=((hit, hit + 6),),
        title_hits=((0, 4),),
        annotations=Annotations(_entities(BODY), [quote]),
        title_annotations=Annotations(_entities(TITLE), []),
        shared={0: 2},
        starred=True,
        tags=("economy",),
        note="read later",
    )


class PaneApp(App):
    def compose(self) -> ComposeResult:
        yield ReadingPane(id="reader")


def _rgb(colour: RichColor) -> Color:
    return Color(*colour.get_truecolor())


def _ratio(first: Color, second: Color) -> float:
    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            value /= 255
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = colour.rgb
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _distance(first: Color, second: Color) -> float:
    a, b = rgb_to_lab(first), rgb_to_lab(second)
    return ((a.L - b.L) ** 2 + (a.a - b.a) ** 2 + (a.b - b.b) ** 2) ** 0.5


def measure(theme: str, colours_css: str = "") -> tuple[list[str], dict[str, Color], Color]:
    """Styled segments under 4.5:1 on a theme, each name's colour, and the plain text's."""

    async def main():
        app = PaneApp()
        app.CSS = colours_css
        async with app.run_test(size=(100, 40)) as pilot:
            app.theme = theme
            await pilot.pause()
            pane = app.query_one(ReadingPane)
            pane.show(shown_article())
            await pilot.pause()
            base = pane.rich_style
            low: list[str] = []
            names: dict[str, Color] = {}
            for strip in pane._lines:
                for segment in strip:
                    style = segment.style
                    if not segment.text.strip() or style is None:
                        continue
                    if style.color is None and style.bgcolor is None:
                        continue  # plain text: the theme's own foreground
                    fg = _rgb(style.color or base.color)
                    bg = _rgb(style.bgcolor or base.bgcolor)
                    ratio = _ratio(fg, bg)
                    if ratio < 4.5:
                        low.append(f"{segment.text!r} {fg.hex} on {bg.hex}: {ratio:.2f}")
                    if segment.text in ("Jane Doe", "Acme Corp", "Paris", "Olympics"):
                        names.setdefault(segment.text, fg)
            return low, names, _rgb(base.color)

    return asyncio.run(main())


def test_highlights_labels_and_title_reach_4_5_to_1_on_every_theme():
    failures = {}
    for theme in THEMES:
        low, names, text = measure(theme)
        assert set(names) == {"Jane Doe", "Acme Corp", "Paris", "Olympics"}, theme
        if low:
            failures[theme] = low
    assert not failures, failures


def test_names_are_coloured_apart_from_the_plain_text_on_every_theme():
    close = {}
    for theme in THEMES:
        _low, names, text = measure(theme)
        for name, colour in names.items():
            if _distance(colour, text) < 20:
                close[f"{theme}: {name}"] = f"{colour.hex} next to text {text.hex}"
    assert not close, close


def test_a_configured_colour_keeps_its_hue_and_is_made_readable():
    css = "ReadingPane > .reading-pane--person { color: #ffff00; }"  # yellow: faint on light
    low, names, _text = measure("textual-light", css)
    assert not low, low
    red, green, blue = names["Jane Doe"].rgb
    assert red > blue + 60 and green > blue + 60, names["Jane Doe"].hex  # still a yellow
    _low, names, _text = measure("textual-dark", css)
    assert names["Jane Doe"].hex == "#FFFF00"  # readable as it is: used as it is


def test_the_names_in_the_title_stand_apart_from_the_title_on_every_theme():
    """The title was drawn in the accent colour, which is the places' colour on Textual's
    own themes: "Paris" in a title looked like the words around it."""

    async def title_colours(theme: str) -> dict[str, Color]:
        app = PaneApp()
        async with app.run_test(size=(100, 40)) as pilot:
            app.theme = theme
            await pilot.pause()
            pane = app.query_one(ReadingPane)
            pane.show(shown_article())
            await pilot.pause()
            base = pane.rich_style
            colours: dict[str, Color] = {}
            for segment in pane._lines[0]:
                for word in segment.text.split():
                    style = segment.style
                    colours[word] = _rgb((style and style.color) or base.color)
            return colours

    close = {}
    for theme in ("textual-dark", "textual-light", *THEMES[:6]):
        colours = asyncio.run(title_colours(theme))
        plain = colours["hires"]
        for name in ("Paris", "Corp", "Jane"):  # ("Acme": a match, on its background)
            if _distance(colours[name], plain) < 10:
                close[f"{theme}: {name}"] = f"{colours[name].hex} next to {plain.hex}"
    assert not close
