"""Read state, stars, tags, notes, exports, keymaps and themes in the app, across restarts."""

from __future__ import annotations

import asyncio
import io
import json

from rich.console import Console

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import list_lines, notices, record_notices, type_text, wait_for
from tuireader.core.base import paths
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.prompt import PromptScreen

RECORDS = [
    {"id": "a", "title": "Storm hits coast", "text": "The storm hit.", "date": "2016-10-03"},
    {"id": "b", "title": "Budget vote", "text": "The senate voted.", "date": "2016-10-02"},
    {"id": "c", "title": "Peskov speaks", "text": "Dmitry Peskov spoke.", "date": "2016-10-01"},
]


def write_config(text: str) -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(dump, scenario, size=(120, 30)):
    async def main():
        app = ReaderApp(Corpus([dump]))
        record_notices(app)
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await scenario(app, pilot)

    asyncio.run(main())


def titles(app) -> list[str]:
    return [app.article_list.row(i).title for i in app.article_list.ids]


async def search(app, pilot, query):
    app.run_search_from_palette(query)
    await wait_for(pilot, lambda: app.view.results is not None and app.view.results.query == query)


async def answer(app, pilot, text):
    await wait_for(
        pilot, lambda: isinstance(app.screen, PromptScreen) and app.screen.query("#prompt-input")
    )
    app.screen.query_one("#prompt-input").value = ""
    await type_text(pilot, text)
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, PromptScreen))


def test_marks_survive_a_restart(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def first(app, pilot):
        # the article the app opened by itself is a preview: still unread
        assert app.article_list.border_title == "3 articles · 3 unread"
        row = app.article_list.render_line(1)
        assert any(seg.style and seg.style.bold for seg in row if "Budget" in seg.text)
        await pilot.press("j", "s")  # star the cursor article (the list has focus)
        assert "★" in list_lines(app)[1]
        await pilot.press("t")
        await answer(app, pilot, "economy senate")
        await pilot.press("a")
        await answer(app, pilot, "ask about the vote")
        await pilot.press("enter")  # open it: it is read now, and shows its marks
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Budget vote")
        assert app.article_list.border_title == "3 articles · 2 unread"
        shown = app.reader.shown
        assert shown.starred and shown.tags == ("economy", "senate")
        assert shown.note == "ask about the vote"
        lines = [app.reader.render_line(y).text for y in range(6)]
        assert any("★ starred #economy #senate" in line for line in lines)
        assert any("✎ ask about the vote" in line for line in lines)
        await pilot.press("k", "m")  # the first article read, and back to unread
        assert app.article_list.border_title == "3 articles · 1 unread"
        await pilot.press("m")
        assert app.article_list.border_title == "3 articles · 2 unread"
        app.theme = "textual-light"
        await pilot.pause(0.1)

    async def second(app, pilot):
        assert app.theme == "textual-light"
        assert app.reader.shown.article.title == "Budget vote"  # the last open one
        assert app.article_list.border_title == "3 articles · 2 unread"
        assert "★" in list_lines(app)[1] and "★" not in list_lines(app)[0]
        assert app.reader.shown.note == "ask about the vote"
        await search(app, pilot, "is:unread")
        assert titles(app) == ["Storm hits coast", "Peskov speaks"]
        assert app.article_list.border_title == "2 of 3 match"
        await search(app, pilot, "is:starred")
        assert titles(app) == ["Budget vote"]
        await search(app, pilot, "tag:economy")
        assert titles(app) == ["Budget vote"]
        await search(app, pilot, "note:VOTE")
        assert titles(app) == ["Budget vote"]
        await search(app, pilot, "senate tag:economy")
        assert titles(app) == ["Budget vote"] and app.view.results.terms
        await search(app, pilot, "storm tag:economy")
        assert titles(app) == [] and app.article_list.border_title == "0 of 3 match"
        app.run_search_from_palette("storm OR tag:economy")  # refused: a message
        message = app.query_one("#message")
        await wait_for(pilot, lambda: message.has_class("error"))
        assert "OR" in str(message.render()) and app.view.results.query == "storm tag:economy"

    run(dump, first)
    run(dump, second)


def test_palette_filters_and_mark_all_read(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        await pilot.press("ctrl+p")
        await type_text(pilot, "unread only")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.view.results is not None)
        assert app.view.results.query == "is:unread" and len(app.article_list.ids) == 3
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.view.results is None)
        app.marks.mark_all_read()
        assert app.article_list.border_title == "3 articles · 0 unread"
        row = app.article_list.render_line(2)
        assert not any(seg.style and seg.style.bold for seg in row if "Peskov" in seg.text)

    run(dump, scenario)


def test_what_the_app_opens_by_itself_stays_unread(tmp_path):
    """A search's top hit and the article shown at start are previews: only the user's own
    opening (Enter, ], [) marks an article read."""
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        assert app.article_list.border_title == "3 articles · 3 unread"
        for query in ("storm", "senate", "is:unread"):
            await search(app, pilot, query)
            await wait_for(pilot, lambda: app.view.open_id == app.article_list.ids[0])
            await wait_for(pilot, lambda: app.reader.shown.article.title == titles(app)[0])
        assert app.marks.read_ids == set()
        await pilot.press("enter")  # the user opens the top hit: read
        await wait_for(pilot, lambda: len(app.marks.read_ids) == 1)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.view.results is None)
        assert app.article_list.border_title == "3 articles · 2 unread"
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: app.article_list.border_title == "3 articles · 1 unread")

    run(dump, scenario)


def test_next_unread_key(tmp_path):
    """u opens the next unread article in the list (wrapping round), marking it read."""
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        await pilot.press("j", "m")  # Budget vote read
        assert app.reader.shown.article.title == "Storm hits coast"  # the preview
        await pilot.press("u")  # skips the read Budget vote
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Peskov speaks")
        assert app.article_list.border_title == "3 articles · 1 unread"
        await pilot.press("u")  # wraps round to the top
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Storm hits coast")
        assert app.article_list.border_title == "3 articles · 0 unread"
        await pilot.press("u")
        await wait_for(pilot, lambda: any("No unread" in m for m in notices(app)))
        assert app.reader.shown.article.title == "Storm hits coast"
        footer = {(k.key_display, k.description) for k in app.screen.query("FooterKey")}
        assert ("u", "Next unread") in footer
        help_sections = dict(app.help_sections())
        assert any(b.id == "app.next_unread" and b.key == "u" for b in help_sections["Anywhere"])

    run(dump, scenario)


def test_mark_all_read_can_be_undone_from_the_palette(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        await pilot.press("j", "m")  # Budget vote read before
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Undo mark all read" not in commands
        commands["Mark all read"].callback()
        assert app.article_list.border_title == "3 articles · 0 unread"
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Undo mark all read"].callback()
        assert app.article_list.border_title == "3 articles · 2 unread"
        assert (
            titles(app)[1] == "Budget vote"
            and app.article_list.row(app.article_list.ids[1]).key in app.marks.marks.read_keys()
        )  # read before the mark-all: still read

    run(dump, scenario)


def test_mark_read_never(tmp_path):
    write_config('[reading]\nmark_read = "never"\n')
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Budget vote")
        assert app.article_list.border_title == "3 articles · 3 unread"
        await pilot.press("m")
        assert app.article_list.border_title == "3 articles · 2 unread"

    run(dump, scenario)


def test_tag_prompt_completes_existing_tags(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        app.marks.marks.set_tags("elsewhere", ["economy"])
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
        await type_text(pilot, "eco")
        await pilot.pause(0.2)
        await pilot.press("right", "enter")  # → takes the suggestion
        await wait_for(pilot, lambda: not isinstance(app.screen, PromptScreen))
        assert app.reader.shown.tags == ("economy",)

    run(dump, scenario)


def test_export_from_the_palette(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    target = tmp_path / "out" / "starred.jsonl"
    article = tmp_path / "article.md"

    async def scenario(app, pilot):
        await pilot.press("s")
        await pilot.press("ctrl+p")
        await type_text(pilot, "export starred")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
        default = app.screen.query_one("#prompt-input").value
        assert "tuireader" in default and default.endswith(".md")
        await answer(app, pilot, str(target))
        await wait_for(pilot, lambda: target.exists())
        app.exports.prompt("article")
        await answer(app, pilot, str(article))
        await wait_for(pilot, lambda: article.exists())

    run(dump, scenario)
    (record,) = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert record["title"] == "Storm hits coast" and record["starred"] is True
    text = article.read_text(encoding="utf-8")
    assert text.startswith("## Storm hits coast") and "The storm hit." in text


def test_keymap_from_config_rebinds_and_shows_in_help(tmp_path):
    write_config('[keys]\n"app.next" = "ctrl+n"\n"app.star" = "S"\n\n"app.nope" = "x"\n')
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        await pilot.press("tab")  # the reading pane
        await pilot.press("right_square_bracket")  # no longer bound
        await pilot.pause(0.2)
        assert app.reader.shown.article.title == "Storm hits coast"
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Budget vote")
        await pilot.press("S")
        assert app.reader.shown.starred
        messages = notices(app)
        assert any(
            f"{paths.config_file()}, line 5" in m and 'keys."app.nope"' in m for m in messages
        )
        footer = app.export_screenshot().replace("&#160;", " ")
        assert "^n" in footer  # the footer shows the key as bound
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        # the help's table (the rebound row is below its first screen; the main footer,
        # which showed ^n, is covered by the help's own)
        console = Console(width=110, record=True, file=io.StringIO())
        console.print(app.screen._keys_table())
        rows = [line for line in console.export_text().splitlines() if "app.next " in f"{line} "]
        assert rows and rows[0].split()[0] == "^n", rows
        sections = dict(app.help_sections())
        keys = {b.id: b.key for b in sections["Anywhere"]}
        assert keys["app.next"] == "ctrl+n" and keys["app.star"] == "S"
        assert keys["app.previous"] == "left_square_bracket"

    run(dump, scenario)


def test_bad_config_is_reported_and_defaults_used(tmp_path):
    write_config('[reading]\nmark_read = "later"\n')
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        messages = notices(app)
        assert any("line 2" in m and "reading.mark_read" in m for m in messages)
        assert app.settings.config.mark_read == "open"

    run(dump, scenario)


def _luminance(color) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.triplet
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(one, two) -> float:
    a, b = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_highlight_colours_are_readable_on_light_and_dark_themes(tmp_path):
    from tuireader.ui.styles import component_style

    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        for theme in ("textual-light", "textual-dark", "solarized-light"):
            app.theme = theme
            await pilot.pause(0.1)
            for widget, names in (
                (
                    app.reader,
                    [
                        "reading-pane--person",
                        "reading-pane--org",
                        "reading-pane--place",
                        "reading-pane--misc",
                        "reading-pane--speaker",
                        "reading-pane--hit",
                        "reading-pane--note",
                        "reading-pane--meta",
                    ],
                ),
                (
                    app.article_list,
                    ["article-list--meta", "article-list--snippet", "article-list--snippet-hit"],
                ),
            ):
                background = widget.rich_style.bgcolor
                for name in names:
                    # the reading pane draws its styles made readable (ui/colours.py)
                    style = (
                        widget._style(name)
                        if widget is app.reader
                        else component_style(widget, name)
                    )
                    behind = style.bgcolor or background
                    ratio = _contrast(style.color, behind)
                    assert ratio >= 3.0, (theme, name, ratio)

    run(dump, scenario)
