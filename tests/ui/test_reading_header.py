"""The reading pane's header: a compact meta line with the path shortened, no legend on every
article (the names panel is the legend), glyphs every terminal font has, and title: matches."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.entity_panel import EntityPanel
from tuireader.ui.widgets.reading_pane import short_path

# Characters of WGL4 (Windows Glyph List 4: Consolas, Menlo, DejaVu Sans Mono and Fira Code all
# cover it) beyond ASCII that the pane may add around an article's own text.
WGL4_EXTRA = set("‹›“”‘’…·–—←↑→↓↔↕■□▪▫▲►▼◄○●")


def test_short_path_keeps_whole_names():
    home = str(Path.home())
    assert short_path(f"{home}/news/a.txt", 80) == "~/news/a.txt"
    path = "/srv/data/corpora/2016/october/reuters-world-politics.txt"
    assert short_path(path, 80) == path
    assert short_path(path, 41) == "…/2016/october/reuters-world-politics.txt"
    assert short_path(path, 40) == "…/october/reuters-world-politics.txt"
    assert short_path(path, 35) == "…/reuters-world-politics.txt"
    assert short_path(path, 10) == "…/reuters-world-politics.txt"  # the name is never cut


def run(corpus, scenario, size=(80, 24)):
    async def main():
        app = ReaderApp(Corpus([corpus]))
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: app.reader.shown.shared)
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def pane_lines(app) -> list[str]:
    return [strip.text.rstrip() for strip in app.reader._lines]


def test_the_header_is_title_and_one_meta_line_and_the_panel_is_the_legend(sample_corpus):
    async def scenario(app, pilot):
        reader = app.reader
        lines = pane_lines(app)
        title_rows = next(i for i, line in enumerate(lines) if "corpus/" in line or "…/" in line)
        meta = lines[title_rows]
        name = Path(reader.shown.article.file).name
        assert meta.endswith(name)  # the file's name whole, on the one meta line
        assert lines[title_rows + 1] == ""  # then the text: no legend line
        assert not any("quoted elsewhere" in line or "organisation" in line for line in lines)
        await pilot.press("p")
        await pilot.pause()
        panel = app.query_one("#panel", EntityPanel)
        rows = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert rows[-1].startswith("↔n quoted in"), rows  # what the mark means
        # the headings are in the reading pane's colours: the legend
        styles = reader.label_styles()
        heading = next(
            segment
            for y in range(panel.size.height)
            for segment in panel.render_line(y)
            if segment.text.startswith("People")
        )
        assert heading.style.color == styles["PERSON"].color

    run(sample_corpus, scenario, size=(100, 30))


def test_the_pane_adds_only_glyphs_every_terminal_font_has(sample_corpus):
    async def scenario(app, pilot):
        shown = app.reader.shown
        own = set(shown.article.title + shown.article.body + shown.meta + shown.article.file)
        added = {ch for line in pane_lines(app) for ch in line} - own
        odd = {ch for ch in added if not (" " <= ch <= "~") and ch not in WGL4_EXTRA}
        assert not odd, odd

    run(sample_corpus, scenario, size=(150, 45))


def test_a_title_search_highlights_the_title_only_and_opens_at_the_top(sample_corpus):
    async def scenario(app, pilot):
        app.run_search_from_palette("title:accuses")
        await wait_for(pilot, lambda: app.reader.shown.title_hits)
        await pilot.pause()
        reader = app.reader
        assert "Accuses" in reader.shown.article.title
        assert "accused" in reader.shown.article.body  # the same stem: not a match here
        assert reader.shown.hits == ()
        assert reader.scroll_y == 0

    run(sample_corpus, scenario, size=(100, 30))
