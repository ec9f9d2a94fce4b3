"""Corpus and user text that looks like Textual markup is shown as written everywhere: toasts,
prompts, the palette (hits and help lines), headers, the skipped list, the quote sources."""

from __future__ import annotations

import asyncio
import html
import re

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import type_text, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.core.user.corpora import KnownCorpora
from tuireader.ui.app import ReaderApp
from tuireader.ui.notices import as_markup
from tuireader.ui.screens.prompt import PromptScreen
from tuireader.ui.screens.quote_sources import QuoteSourcesScreen
from tuireader.ui.screens.skipped import SkippedScreen

TITLE = 'T [/nope] x [@click=app.quit]CLICK[/] [link="https://evil.example"]L[/link] [$accent]V'
SOURCE = "[b]Wire[/b] [/x] [$warning]"
QUOTE = (
    '"We will never accept the sanctions imposed on our country by the foreign ministers," '
    "said John Smith, the spokesman."
)
RECORDS = [
    {
        "id": "a",
        "title": TITLE,
        "source": SOURCE,
        "text": f"The ministry spoke. {QUOTE}",
        "date": "2016-10-03",
    },
    {
        "id": "b",
        "title": "Other [/nope] story",
        "source": SOURCE,
        "text": f"A rewrite. {QUOTE}",
        "date": "2016-10-02",
    },
]
FOLDER = "news [$accent]x [@click=app.quit]q"  # no "/" in a file name
BROKEN = "[b]broken [$x].json"
OTHER = "other [@click=app.quit]x [$accent].jsonl"


def inert(widget) -> str:
    """The widget's rendered text; fails on a clickable action or a hyperlink in it."""
    lines = []
    for y in range(widget.size.height):
        strip = widget.render_line(y)
        for segment in strip:
            style = segment.style
            if style is not None:
                assert style.link is None, (segment.text, style.link)
                assert "@click" not in (style.meta or {}), (segment.text, style.meta)
        lines.append(strip.text)
    return "\n".join(lines)


def screen_text(app) -> str:
    """The screen as drawn (borders and their titles included)."""
    svg = app.export_screenshot().replace("&#160;", " ")
    return html.unescape(re.sub(r"<[^>]+>", "", svg))


def toasts(app) -> str:
    return "\n".join(toast.render().plain for toast in app.screen.query("Toast"))


def rendered_toasts(app) -> str:
    return "\n".join(inert(toast) for toast in app.screen.query("Toast"))


async def answer(app, pilot, text):
    await wait_for(
        pilot, lambda: isinstance(app.screen, PromptScreen) and app.screen.query("#prompt-input")
    )
    field = app.screen.query_one("#prompt-input")
    field.value = text
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, PromptScreen))


async def palette(app, pilot, typed: str, expected: str) -> list[str]:
    """Open the palette, type, and return its hits (prompt and help) once ``expected`` is
    among them, each checked for actions and links."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: app.screen.query("CommandList"))
    await type_text(pilot, typed)
    commands = app.screen.query_one("CommandList")

    def prompts() -> list[str]:
        return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]

    await wait_for(pilot, lambda: any(expected in p for p in prompts()))
    await pilot.pause(0.2)
    for i in range(commands.option_count):
        prompt = commands.get_option_at_index(i).prompt
        content = prompt if isinstance(prompt, Content) else Content(str(prompt))
        for span in content.spans:
            assert "@click" not in str(span.style) and "link" not in str(span.style)
    inert(commands)
    return prompts()


def test_markup_in_corpus_and_user_text_is_shown_as_written(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir()
    write_jsonl(folder / "dump [$accent].jsonl", RECORDS)
    (folder / BROKEN).write_text("{not json", encoding="utf-8")
    other = write_jsonl(tmp_path / OTHER, RECORDS[1:])
    KnownCorpora().remember([other], OTHER)
    exported = tmp_path / "out [$accent] [b]x.md"

    async def main():
        app = ReaderApp(Corpus([folder]))
        async with app.run_test(size=(160, 50), notifications=True) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: app.reader.shown.shared)
            assert app.reader.shown.article.title == TITLE
            assert FOLDER in inert(app.screen.query_one("HeaderTitle"))

            # toasts: star, read mark, tags, note
            await pilot.press("s")
            await wait_for(pilot, lambda: f"Starred: {TITLE}" in toasts(app))
            rendered_toasts(app)
            await pilot.press("m")
            await wait_for(pilot, lambda: f"Marked read: {TITLE}" in toasts(app))
            rendered_toasts(app)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
            # (the question wraps, a62e312: compared with its lines joined)
            assert TITLE in " ".join(inert(app.screen.query_one("Label")).split())
            await answer(app, pilot, "[/nope] [$accent]t")
            await wait_for(pilot, lambda: f"Tags of {TITLE}: #[/nope] #[$accent]t" in toasts(app))
            rendered_toasts(app)
            await pilot.press("a")
            await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
            assert TITLE in " ".join(inert(app.screen.query_one("Label")).split())
            await answer(app, pilot, "[@click=app.quit]note[/]")
            await wait_for(pilot, lambda: app.reader.shown.note == "[@click=app.quit]note[/]")
            inert(app.reader)

            # the palette: titles, tags, saved searches, corpora (paths), sources
            hits = await palette(app, pilot, "nope", "Open: ")
            assert f"Open: {TITLE}" in "\n".join(hits)
            await pilot.press("escape")
            hits = await palette(app, pilot, "show tag", "Show tag")
            assert any("Show tag: [/nope]" in h and "tag:[/nope] (1 article)" in h for h in hits)
            await pilot.press("escape")
            app.searching.saved.save("[/nope] mine", "ministry [$accent]")
            hits = await palette(app, pilot, "saved", "Saved search")
            assert any(
                "Saved search: [/nope] mine" in h and "ministry [$accent]" in h for h in hits
            )
            await pilot.press("escape")
            hits = await palette(app, pilot, "switch", "Switch corpus")
            assert any(OTHER in h for h in hits)
            await pilot.press("escape")
            hits = await palette(app, pilot, "filter by source", "Filter by source")
            assert any(f"Filter by source: {SOURCE}" in h for h in hits)
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.view.meta_filter.source == SOURCE)
            await wait_for(pilot, lambda: f"Showing only source: {SOURCE}" in toasts(app))
            rendered_toasts(app)
            assert f"source: {SOURCE}" in screen_text(app)  # the list's header
            inert(app.article_list)

            # the skipped list, the quote sources, an export to a file name with markup
            app.action_show_skipped()
            await wait_for(
                pilot,
                lambda: isinstance(app.screen, SkippedScreen) and app.screen.query("OptionList"),
            )
            assert BROKEN in inert(app.screen.query_one("OptionList"))
            await pilot.press("escape")
            await pilot.press("o")
            await wait_for(
                pilot,
                lambda: (
                    isinstance(app.screen, QuoteSourcesScreen) and app.screen.query("OptionList")
                ),
            )
            assert "Other [/nope] story" in inert(app.screen.query_one("OptionList"))
            await pilot.press("escape")
            app.exports.prompt("article")
            await answer(app, pilot, str(exported))
            await wait_for(pilot, lambda: f"to {exported}" in toasts(app))
            rendered_toasts(app)
            assert app.is_running

    asyncio.run(main())
    assert exported.exists()


@given(st.text(alphabet="[]\\/$@=ab #\"'", max_size=30))
def test_as_markup_shows_any_text_as_written(text):
    content = Content.from_markup(as_markup(text))
    assert content.plain == text and not content.spans
