"""The panes' headers (the list's count, the reading pane's "3 matches in the text (n/N)",
the side panel's "Names & quotes") are text: they read at 4.5:1 on every theme Textual ships,
focused or not. The reading pane's was drawn in its line colour (1.4:1 on textual-light, 2:1 on
textual-dark) and a focused header in the accent (1.4:1 on textual-light)."""

from __future__ import annotations

import asyncio

from textual.geometry import Region

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_reading_contrast import THEMES, _ratio, _rgb
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {
        "id": f"h{i}",
        "title": f"Harbour levy vote {i}",
        "text": f"Jane Doe of Acme Shipping said the harbour levy vote {i} was held in Lisbon.",
        "date": f"2016-10-{i + 1:02d}",
    }
    for i in range(6)
]


def header_segments(widget) -> list[tuple[str, str]]:
    """The words on the top and bottom border lines, with their contrast."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    found = []
    for strip in (strips[0], strips[-1]):
        for segment in strip:
            text, style = segment.text.strip(), segment.style
            if text and text[0].isalnum() and style is not None:
                ratio = _ratio(_rgb(style.color), _rgb(style.bgcolor))
                found.append((text, f"{ratio:.2f}"))
    return found


def test_the_panes_headers_read_on_every_theme(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(200, 40)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("harbour")
            await wait_for(pilot, lambda: app.view.results is not None)
            await wait_for(pilot, lambda: "in the text" in str(app.reader.border_subtitle))
            await pilot.press("p")
            panel = app.query_one("#panel")
            await wait_for(pilot, lambda: panel.display)
            low = {}
            seen = set()
            for theme in THEMES:
                app.theme = theme
                for widget in (app.article_list, app.reader, panel):
                    for focused in (False, True):
                        (widget if focused else app.search_input).focus()
                        await pilot.pause(0.05)
                        for text, ratio in header_segments(widget):
                            seen.add(widget.id)
                            if float(ratio) < 4.5:
                                low[f"{theme} {widget.id} focused={focused} {text!r}"] = ratio
            assert seen == {"list", "reader", "panel"}
            assert not low, low

    asyncio.run(main())
